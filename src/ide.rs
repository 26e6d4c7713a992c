//! Editor features over an [`Analysis`], with no protocol types: hovers, inlay hints, entity
//! navigation and the edits behind code actions. The language server (`server`) converts these
//! byte-offset answers into LSP positions; any other front end could do the same.
//!
//! Everything here is built from the facts the passes already produce, so it grows richer as
//! the passes do, and never reads the disk or the clock.

use crate::analysis::entities::{self, Entity, Kind};
use crate::analysis::{Analysis, attribution, dates, figures};
use crate::finding::{Applicability, Edit, Finding, Span, apply_fixes};
use crate::rules;
use crate::text::{Document, floor_char_boundary};

/// The hover card at `offset`: the rule doc of a finding there, and what the facts say about
/// the date, entity, figure or quotation under the cursor, each card written by its own pass.
/// Several can apply (a finding on a date); their cards are stacked, and the span is the
/// innermost one's.
pub fn hover(analysis: &Analysis, doc: &Document, offset: usize) -> Option<(Span, String)> {
    let mut cards: Vec<(Span, String)> = Vec::new();
    for f in analysis
        .findings
        .iter()
        .filter(|f| f.span().contains(offset))
    {
        let doc_md = rules::find(f.code)
            .map(|r| r.markdown())
            .unwrap_or_default();
        cards.push((f.span(), format!("{}\n\n---\n\n{doc_md}", f.message)));
    }
    let facts = &analysis.facts;
    if let Some(span) = facts.reference_date.span
        && span.contains(offset)
        && let Some(d) = facts.reference_date.value
    {
        cards.push((
            span,
            format!(
                "**Reference date:** {}\n\nRelative dates in this draft resolve against it.",
                dates::ap_full(d)
            ),
        ));
    }
    for e in facts
        .dates
        .iter()
        .filter(|e| Span::new(e.start, e.end).contains(offset))
    {
        cards.push((
            Span::new(e.start, e.end),
            dates::describe(e, &facts.reference_date),
        ));
    }
    if let Some((entity, mention)) = entity_at(analysis, offset) {
        cards.push((mention, entities::card(entity, doc)));
    }
    for (i, fig) in facts.figures.iter().enumerate() {
        if Span::new(fig.start, fig.end).contains(offset) {
            cards.push((
                Span::new(fig.start, fig.end),
                figures::describe(i, &facts.figures, doc),
            ));
        }
    }
    for q in facts
        .quotes
        .iter()
        .filter(|q| Span::new(q.start, q.end).contains(offset))
    {
        cards.push((
            Span::new(q.start, q.end),
            attribution::describe_quote(q, &facts.entities),
        ));
    }
    // The innermost span leads; the cards follow in the order gathered.
    let lead = cards
        .iter()
        .map(|(s, _)| *s)
        .min_by_key(|s| s.end.saturating_sub(s.start))?;
    let text = cards
        .into_iter()
        .map(|(_, c)| c)
        .collect::<Vec<_>>()
        .join("\n\n---\n\n");
    Some((lead, text))
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Person => "person",
        Kind::Organization => "organisation",
        Kind::Place => "place",
        Kind::Other => "other",
    }
}

/// Inlay hints: the resolved day after each date expression that depends on the dateline
/// (`yesterday` → `Tue Jan 11`), as (offset to show it at, label).
pub fn inlay_hints(analysis: &Analysis) -> Vec<(usize, String)> {
    analysis
        .facts
        .dates
        .iter()
        .filter(|e| e.anchored)
        .filter_map(|e| Some((e.end, dates::inlay_label(e)?)))
        .collect()
}

/// The entity mentioned at `offset`, and that mention's span.
fn entity_at(analysis: &Analysis, offset: usize) -> Option<(&Entity, Span)> {
    let list = &analysis.facts.entities;
    let (e, m) = entities::entity_at(list, offset)?;
    let entity = list.get(e)?;
    Some((entity, entity.mentions.get(m)?.span()))
}

/// Where the entity at `offset` is first fully named.
pub fn definition(analysis: &Analysis, offset: usize) -> Option<Span> {
    let (e, _) = entity_at(analysis, offset)?;
    e.definition_mention().map(|m| m.span())
}

/// Every mention of the entity at `offset`, in order.
pub fn references(analysis: &Analysis, offset: usize) -> Vec<Span> {
    entity_at(analysis, offset)
        .map(|(e, _)| e.mentions.iter().map(|m| m.span()).collect())
        .unwrap_or_default()
}

/// The mentions to highlight when the cursor is on one of them (same as [`references`]).
pub fn highlights(analysis: &Analysis, offset: usize) -> Vec<Span> {
    references(analysis, offset)
}

/// The span a rename at `offset` would replace (LSP `prepareRename`).
pub fn rename_target(analysis: &Analysis, offset: usize) -> Option<Span> {
    entity_at(analysis, offset).map(|(_, m)| m)
}

/// Rename the entity at `offset`: every mention that contains the text under the cursor has
/// that text replaced, so renaming the surname "Tokayev" also fixes "Kassym-Jomart Tokayev",
/// while renaming a full name leaves bare surnames alone.
pub fn rename(
    analysis: &Analysis,
    doc: &Document,
    offset: usize,
    new_name: &str,
) -> Result<Vec<Edit>, String> {
    if new_name.trim().is_empty() || new_name.contains(['\n', '\r']) {
        return Err(format!(
            "`{new_name}` is not a name: it must be one line of text"
        ));
    }
    let Some((entity, at)) = entity_at(analysis, offset) else {
        return Err("no person, organisation or place is named here".to_owned());
    };
    let text = doc.text();
    let old = text.get(at.range()).unwrap_or_default();
    if old.is_empty() {
        return Ok(Vec::new());
    }
    Ok(entity
        .mentions
        .iter()
        .filter_map(|m| {
            let i = text.get(m.span().range())?.find(old)?;
            Some(Edit {
                start: m.start + i,
                end: m.start + i + old.len(),
                replacement: new_name.to_owned(),
            })
        })
        .collect())
}

/// An entity as a document symbol: where it is first named, and how often.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: Kind,
    pub detail: String,
    pub span: Span,
}

/// The story's cast: one symbol per entity, in order of first mention.
pub fn symbols(analysis: &Analysis) -> Vec<Symbol> {
    let mut out: Vec<Symbol> = analysis
        .facts
        .entities
        .iter()
        .filter_map(|e| {
            let first = e.definition_mention()?;
            Some(Symbol {
                name: e.name.clone(),
                kind: e.kind,
                detail: format!(
                    "{}, {} mention{}",
                    kind_name(e.kind),
                    e.mentions.len(),
                    if e.mentions.len() == 1 { "" } else { "s" }
                ),
                span: first.span(),
            })
        })
        .collect();
    out.sort_by_key(|s| s.span);
    out
}

/// One edit applying every safe fix that does not clash with an earlier one (the rules of
/// [`apply_fixes`]), as the smallest replacement that turns the draft into the fixed one.
/// `None` when there is nothing safe to apply.
pub fn fix_all_safe(text: &str, findings: &[Finding]) -> Option<Edit> {
    let safe = findings
        .iter()
        .flat_map(|f| &f.fixes)
        .filter(|f| f.applicability == Applicability::Safe);
    let (fixed, applied) = apply_fixes(text, safe);
    if applied == 0 || fixed == text {
        return None;
    }
    let (a, b) = (text.as_bytes(), fixed.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // A common prefix of two valid strings ends on a boundary in both once floored in one.
    let prefix = floor_char_boundary(text, prefix);
    let max_suffix = a.len().min(b.len()) - prefix;
    let mut suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suffix)
        .take_while(|(x, y)| x == y)
        .count();
    while suffix > 0
        && !(text.is_char_boundary(a.len() - suffix) && fixed.is_char_boundary(b.len() - suffix))
    {
        suffix -= 1;
    }
    Some(Edit {
        start: prefix,
        end: a.len() - suffix,
        replacement: fixed.get(prefix..b.len() - suffix)?.to_owned(),
    })
}

/// The edit that silences `finding`'s rule on its line: a
/// `<!-- copydesk-disable-next-line CODE -->` line above it, indented (and block-quoted) like
/// the line so it stays inside the same list item or quote.
pub fn disable_comment_edit(doc: &Document, finding: &Finding) -> Edit {
    let text = doc.text();
    let lines = doc.lines();
    let line = lines.line_of(finding.start);
    let start = lines.line_start(line).unwrap_or(0);
    let end = lines.line_start(line + 1).unwrap_or(text.len());
    let line_text = text.get(start..end).unwrap_or_default();
    let lead_len = line_text.len() - line_text.trim_start_matches([' ', '\t', '>']).len();
    let lead = line_text.get(..lead_len).unwrap_or_default();
    let newline = if line_text.ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    Edit {
        start,
        end: start,
        replacement: format!(
            "{lead}<!-- copydesk-disable-next-line {} -->{newline}",
            finding.code
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::finding::{Fix, Severity};
    use crate::text::Format;

    fn at(text: &str, needle: &str) -> Span {
        let s = text.find(needle).expect("needle in text");
        Span::new(s, s + needle.len())
    }

    const DRAFT: &str = "date 2022-01-12\n\nMayor Helena Duarte Costa spoke yesterday. \
                         Costa said 1,200 people left the port. \
                         “We counted 1,200 people,” Costa said.\n";

    fn draft() -> (Document, Analysis) {
        let doc = Document::new(DRAFT, Format::Markdown);
        let a = crate::analyze(&doc, &Config::default());
        (doc, a)
    }

    #[test]
    fn date_hover_and_inlay_hint_give_the_resolved_day() {
        let (doc, a) = draft();
        let y = at(DRAFT, "yesterday");
        let (span, card) = hover(&a, &doc, y.start + 2).unwrap();
        assert_eq!(span, y);
        assert!(card.contains("`2022-01-11`"), "{card}");
        assert!(card.contains("1 day before the dateline"), "{card}");
        assert!(
            card.contains("**relative-date**"),
            "the finding's rule doc: {card}"
        );
        assert!(inlay_hints(&a).contains(&(y.end, "Tue Jan 11".to_owned())));
        let (span, card) = hover(&a, &doc, 7).unwrap();
        assert_eq!(span, Span::new(5, 15));
        assert!(card.contains("Wednesday, Jan. 12, 2022"), "{card}");
    }

    #[test]
    fn entity_navigation_and_rename() {
        let (doc, a) = draft();
        let short = at(DRAFT, "Costa said").start;
        let full = at(DRAFT, "Helena Duarte Costa");
        assert_eq!(definition(&a, short).map(|s| s.end), Some(full.end));
        assert_eq!(references(&a, short).len(), 3);
        let card = hover(&a, &doc, short).unwrap().1;
        assert!(card.contains("Helena Duarte Costa"), "{card}");
        let edits = rename(&a, &doc, short, "Costas").unwrap();
        let fixes: Vec<Fix> = edits
            .into_iter()
            .map(|e| Fix {
                title: String::new(),
                applicability: Applicability::Safe,
                edits: vec![e],
            })
            .collect();
        let (renamed, n) = apply_fixes(DRAFT, &fixes);
        assert_eq!(n, 3);
        assert!(
            renamed.contains("Helena Duarte Costas spoke") && renamed.contains("Costas said 1,200")
        );
        assert!(rename(&a, &doc, short, "two\nlines").is_err());
        assert!(rename(&a, &doc, 0, "X").is_err());
        let syms = symbols(&a);
        assert!(
            syms.iter()
                .any(|s| s.name.contains("Costa") && s.detail == "person, 3 mentions"),
            "{syms:?}"
        );
    }

    #[test]
    fn figure_and_quote_cards() {
        let (doc, a) = draft();
        let card = hover(&a, &doc, at(DRAFT, "1,200").start).unwrap().1;
        assert!(card.contains("line 3"), "{card}");
        let q = at(DRAFT, "We counted");
        let card = hover(&a, &doc, q.start).unwrap().1;
        assert!(card.contains("said by **Helena Duarte Costa**"), "{card}");
        assert!(hover(&a, &doc, DRAFT.len() - 1).is_none());
    }

    fn finding(start: usize, end: usize, fixes: Vec<Fix>) -> Finding {
        Finding {
            code: "test-rule",
            severity: Severity::Warning,
            message: "m".into(),
            start,
            end,
            related: Vec::new(),
            fixes,
            data: None,
        }
    }

    #[test]
    fn fix_all_applies_only_safe_fixes_as_one_minimal_edit() {
        let text = "Zoë met “them” on Tusday and 😀 Wensday.";
        let tus = at(text, "Tusday");
        let wen = at(text, "Wensday");
        let findings = vec![
            finding(
                tus.start,
                tus.end,
                vec![Fix::replace("t", tus, "Tuesday", Applicability::Safe)],
            ),
            finding(
                wen.start,
                wen.end,
                vec![Fix::replace("w", wen, "Wednesday", Applicability::Safe)],
            ),
            finding(
                0,
                4,
                vec![Fix::replace("z", 0..4, "Zoe", Applicability::Unsafe)],
            ),
        ];
        let e = fix_all_safe(text, &findings).unwrap();
        let mut out = text.to_owned();
        out.replace_range(e.start..e.end, &e.replacement);
        assert_eq!(out, "Zoë met “them” on Tuesday and 😀 Wednesday.");
        assert_eq!(e.start, tus.start + "Tu".len());
        assert!(fix_all_safe(text, &findings[2..]).is_none());
    }

    #[test]
    fn disable_comment_keeps_the_line_in_its_quote_block() {
        let text = "Intro.\r\n\r\n> She said “no” 😀.\r\n";
        let doc = Document::new(text, Format::Markdown);
        let no = at(text, "“no”");
        let e = disable_comment_edit(&doc, &finding(no.start, no.end, Vec::new()));
        assert_eq!(e.start, text.find('>').unwrap());
        assert_eq!(
            e.replacement,
            "> <!-- copydesk-disable-next-line test-rule -->\r\n"
        );
    }
}
