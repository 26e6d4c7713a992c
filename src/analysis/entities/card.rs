//! Editor views of the entities, protocol-free: the hover card and the lookup by offset that
//! go-to-definition, references and rename start from.

use super::{Entity, Form, Kind};
use crate::text::Document;
use std::fmt::Write as _;

/// The hover card of an entity, in Markdown: name, kind, who the story says it is (with the
/// line), acronym expansion, what the names file and gazetteer know, and where it is named.
pub fn card(entity: &Entity, doc: &Document) -> String {
    let line = |offset: usize| doc.lines().line_of(offset) + 1;
    let kind = match entity.kind {
        Kind::Person => "person",
        Kind::Organization => "organisation",
        Kind::Place => "place",
        Kind::Other => "other",
    };
    let mut s = format!("**{}** ({kind})\n", entity.name);
    if let Some(d) = &entity.description {
        let _ = write!(s, "\n{} (line {})\n", d.text, line(d.start));
    }
    if let Some(x) = &entity.expansion {
        let _ = write!(s, "\nAlso: {x}\n");
    }
    if let Some(p) = &entity.preferred {
        let _ = write!(s, "\nDesk spelling: **{p}**\n");
    }
    for f in &entity.facts {
        let _ = write!(s, "\n- {f}");
    }
    if !entity.facts.is_empty() {
        s.push('\n');
    }
    let mut lines: Vec<usize> = entity.mentions.iter().map(|m| line(m.start)).collect();
    lines.dedup();
    let n = entity.mentions.len();
    let _ = write!(
        s,
        "\n{n} mention{} (line{} {})",
        if n == 1 { "" } else { "s" },
        if lines.len() == 1 { "" } else { "s" },
        lines
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(", ")
    );
    let spellings: Vec<&str> = entity
        .mentions
        .iter()
        .filter(|m| m.form != Form::Headline)
        .map(|m| m.text.as_str())
        .fold(Vec::new(), |mut v, t| {
            if !v.contains(&t) {
                v.push(t);
            }
            v
        });
    if spellings.len() > 1 {
        let _ = write!(s, ": {}", spellings.join(", "));
    }
    s.push('\n');
    s
}

/// The entity and mention at `offset` (entity index, mention index): a binary search in each
/// entity's sorted mentions.
pub fn entity_at(entities: &[Entity], offset: usize) -> Option<(usize, usize)> {
    entities.iter().enumerate().find_map(|(ei, e)| {
        let i = e.mentions.partition_point(|m| m.end <= offset);
        e.mentions
            .get(i)
            .filter(|m| m.start <= offset)
            .map(|_| (ei, i))
    })
}
