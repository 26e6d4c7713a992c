//! `surname-before-full-name`: a person called by surname before being introduced.

use crate::analysis::entities::{Form, Kind};
use crate::finding::Severity;
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "surname-before-full-name",
    category: Category::Entities,
    severity: Severity::Warning,
    default_enabled: true,
    summary: "A person called by surname (or title and surname) before the full name",
    doc: "Style books introduce a person by full name (and title) on first reference and by \
          surname after. A surname that comes before the first full reference leaves the \
          reader guessing who is meant. Headlines (a Markdown heading, a plain draft's title \
          line, a line in capitals) name people by surname as a rule, and are left alone, as \
          are people the story only ever names by surname and surnames after the full name.",
    bad: "Smailov resigned. Acting Prime Minister Alikhan Smailov took over in January.",
    good: "Alikhan Smailov resigned. Smailov took over as acting prime minister in January.",
    fix: FixKind::None,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for e in cx.facts.entities.iter().filter(|e| e.kind == Kind::Person) {
        let Some(full) = e.mentions.iter().find(|m| m.form == Form::Full) else {
            continue;
        };
        if let Some(m) = e
            .mentions
            .iter()
            .find(|m| m.form == Form::Short && m.start < full.start && !cx.doc.in_heading(m.start))
        {
            out.push(
                out.finding(
                    m.start..m.end,
                    format!(
                        "\"{}\" is named before the full reference \"{}\" (line {})",
                        m.text,
                        e.name,
                        cx.doc.lines().line_of(full.start) + 1
                    ),
                )
                .with_related(full.start..full.end, "full name first given here"),
            );
        }
    }
}
