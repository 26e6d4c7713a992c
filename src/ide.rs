//! Editor features over an [`Analysis`], with no protocol types: hovers, inlay hints, entity
//! navigation and the edits behind code actions. The language server (`server`) converts these
//! byte-offset answers into LSP positions; any other front end could do the same.
//!
//! Everything here is built from the facts the passes already produce, so it grows richer as
//! the passes do, and never reads the disk or the clock.

use crate::analysis::Analysis;
use crate::analysis::entities::{Entity, Kind};
use crate::finding::{Applicability, Edit, Finding, Span, apply_fixes};
use crate::rules;
use crate::text::{Document, floor_char_boundary};
use jiff::civil::{Date, Weekday};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn weekday_name(w: Weekday) -> &'static str {
    match w {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

fn month_name(d: Date) -> &'static str {
    MONTHS
        .get(usize::try_from(d.month() - 1).unwrap_or(0))
        .copied()
        .unwrap_or("")
}

/// `Tuesday, 11 January 2022`.
fn long_date(d: Date) -> String {
    format!(
        "{}, {} {} {}",
        weekday_name(d.weekday()),
        d.day(),
        month_name(d),
        d.year()
    )
}

/// `Tue Jan 11`: short enough to sit inline after the words it explains.
fn short_date(d: Date) -> String {
    format!(
        "{} {} {}",
        weekday_name(d.weekday()).get(..3).unwrap_or(""),
        month_name(d).get(..3).unwrap_or(""),
        d.day()
    )
}

/// The calendar day of a TIMEX3 value, when it names exactly one.
fn day_of(value: &str) -> Option<Date> {
    if value.len() != 10 {
        return None;
    }
    value.parse().ok()
}

/// "1 day before", "the same day as", "3 days after".
fn distance(from: Date, to: Date) -> Option<String> {
    let days = from.until(to).ok()?.get_days();
    Some(match days {
        0 => "the same day as".to_owned(),
        1 => "1 day after".to_owned(),
        -1 => "1 day before".to_owned(),
        d if d > 1 => format!("{d} days after"),
        d => format!("{} days before", -d),
    })
}

/// 1-based line of an offset, for cards that point elsewhere in the draft.
fn line_no(doc: &Document, offset: usize) -> usize {
    doc.lines().line_of(offset) + 1
}

/// The hover card at `offset`: the rule doc of a finding there, and what the facts say about
/// the date, entity, figure or quotation under the cursor. Several can apply (a finding on a
/// date); their cards are stacked, and the span is the innermost one's.
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
                long_date(d)
            ),
        ));
    }
    for e in facts
        .dates
        .iter()
        .filter(|e| Span::new(e.start, e.end).contains(offset))
    {
        let mut card = format!("**{}**", e.text);
        match day_of(&e.value) {
            Some(d) => {
                card.push_str(&format!(" → {}", long_date(d)));
                if let Some(r) = facts.reference_date.value
                    && let Some(dist) = distance(r, d)
                {
                    card.push_str(&format!("\n\n{dist} the dateline ({})", long_date(r)));
                }
            }
            None => card.push_str(&format!(" → `{}`", e.value)),
        }
        cards.push((Span::new(e.start, e.end), card));
    }
    if let Some((entity, mention)) = entity_at(analysis, offset) {
        cards.push((mention, entity_card(doc, entity)));
    }
    for fig in facts
        .figures
        .iter()
        .filter(|f| Span::new(f.start, f.end).contains(offset))
    {
        let mut card = format!("**{}** = {}", fig.text, fig.value);
        let others: Vec<String> = facts
            .figures
            .iter()
            .filter(|o| o.value == fig.value && o.start != fig.start)
            .map(|o| format!("- “{}” (line {})", o.text, line_no(doc, o.start)))
            .collect();
        if !others.is_empty() {
            card.push_str("\n\nAlso given as:\n");
            card.push_str(&others.join("\n"));
        }
        cards.push((Span::new(fig.start, fig.end), card));
    }
    for q in facts
        .quotes
        .iter()
        .filter(|q| Span::new(q.start, q.end).contains(offset))
    {
        let words = doc
            .text()
            .get(q.start..q.end)
            .map_or(0, |t| t.split_whitespace().count());
        let who = match (&q.speaker, &q.cue) {
            (Some(s), Some(c)) => format!("**{}** (“{}”)", s.text, c.text),
            (Some(s), None) => format!("**{}**", s.text),
            (None, _) => "*not attributed*".to_owned(),
        };
        cards.push((
            Span::new(q.start, q.end),
            format!("**Quotation** ({words} words)\n\nSpeaker: {who}"),
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

fn entity_card(doc: &Document, entity: &Entity) -> String {
    let mut card = format!("**{}** — {}", entity.name, kind_name(entity.kind));
    if let Some(first) = entity.mentions.first() {
        card.push_str(&format!(
            "\n\nFirst named as “{}” (line {}); {} mention{} in all.",
            first.text,
            line_no(doc, first.start),
            entity.mentions.len(),
            if entity.mentions.len() == 1 { "" } else { "s" }
        ));
    }
    card
}

/// Inlay hints: the resolved day after each date expression that depends on the dateline
/// (`yesterday` → `Tue Jan 11`), as (offset to show it at, label).
pub fn inlay_hints(analysis: &Analysis) -> Vec<(usize, String)> {
    analysis
        .facts
        .dates
        .iter()
        .filter(|e| e.anchored)
        .filter_map(|e| Some((e.end, short_date(day_of(&e.value)?))))
        .collect()
}

/// The entity mentioned at `offset`, and that mention's span.
fn entity_at(analysis: &Analysis, offset: usize) -> Option<(&Entity, Span)> {
    analysis.facts.entities.iter().find_map(|e| {
        e.mentions
            .iter()
            .find(|m| m.span().contains(offset))
            .map(|m| (e, m.span()))
    })
}

/// Where the entity at `offset` is first named.
pub fn definition(analysis: &Analysis, offset: usize) -> Option<Span> {
    let (e, _) = entity_at(analysis, offset)?;
    e.mentions.first().map(|m| m.span())
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
            let first = e.mentions.first()?;
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
    use crate::analysis::Facts;
    use crate::analysis::attribution::QuoteFact;
    use crate::analysis::dates::{DateExpr, DateSource, ReferenceDate};
    use crate::analysis::figures::Figure;
    use crate::finding::{Excerpt, Fix, Severity};
    use crate::text::Format;

    /// An analysis with hand-made facts, so these features are tested whatever the passes find.
    fn analysis(f: impl FnOnce(&mut Facts)) -> Analysis {
        let mut facts = Facts {
            reference_date: ReferenceDate {
                value: Some(jiff::civil::date(2022, 1, 12)),
                source: DateSource::DateLine,
                span: Some(Span::new(5, 15)),
            },
            dates: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            attributions: Vec::new(),
            figures: Vec::new(),
        };
        f(&mut facts);
        Analysis {
            facts,
            findings: Vec::new(),
        }
    }

    fn at(text: &str, needle: &str) -> Span {
        let s = text.find(needle).expect("needle in text");
        Span::new(s, s + needle.len())
    }

    const DRAFT: &str = "date 2022-01-12\n\nPresident Kassym-Jomart Tokayev spoke yesterday. \
                         Tokayev said 1,200 people left; “It was 1200,” Zoë said.\n";

    fn draft() -> (Document, Analysis) {
        let doc = Document::new(DRAFT, Format::Markdown);
        let a = analysis(|f| {
            let y = at(DRAFT, "yesterday");
            f.dates.push(DateExpr {
                start: y.start,
                end: y.end,
                text: "yesterday".into(),
                value: "2022-01-11".into(),
                anchored: true,
            });
            let full = at(DRAFT, "Kassym-Jomart Tokayev");
            let short = at(DRAFT, "Tokayev said");
            f.entities.push(Entity {
                name: "Kassym-Jomart Tokayev".into(),
                kind: Kind::Person,
                mentions: vec![
                    Excerpt::new(DRAFT, full),
                    Excerpt::new(DRAFT, short.start..short.start + "Tokayev".len()),
                ],
            });
            for n in ["1,200", "1200"] {
                let s = at(DRAFT, n);
                f.figures.push(Figure {
                    start: s.start,
                    end: s.end,
                    text: n.into(),
                    value: 1200.0,
                });
            }
            let q = at(DRAFT, "“It was 1200,”");
            f.quotes.push(QuoteFact {
                start: q.start,
                end: q.end,
                end_kind: crate::text::QuoteEnd::Closed,
                speaker: Some(Excerpt::new(DRAFT, at(DRAFT, "Zoë"))),
                cue: None,
            });
        });
        (doc, a)
    }

    #[test]
    fn date_hover_and_inlay_hint_give_the_resolved_day() {
        let (doc, a) = draft();
        let y = at(DRAFT, "yesterday");
        let (span, card) = hover(&a, &doc, y.start + 2).unwrap();
        assert_eq!(span, y);
        assert!(card.contains("Tuesday, 11 January 2022"), "{card}");
        assert!(
            card.contains("1 day before the dateline (Wednesday, 12 January 2022)"),
            "{card}"
        );
        assert_eq!(inlay_hints(&a), vec![(y.end, "Tue Jan 11".to_owned())]);
        let (span, card) = hover(&a, &doc, 7).unwrap();
        assert_eq!(span, Span::new(5, 15));
        assert!(card.contains("Wednesday, 12 January 2022"), "{card}");
    }

    #[test]
    fn entity_navigation_and_rename() {
        let (doc, a) = draft();
        let short = at(DRAFT, "Tokayev said").start;
        assert_eq!(
            definition(&a, short),
            Some(at(DRAFT, "Kassym-Jomart Tokayev"))
        );
        assert_eq!(references(&a, short).len(), 2);
        let card = hover(&a, &doc, short).unwrap().1;
        assert!(
            card.contains("person") && card.contains("2 mentions"),
            "{card}"
        );
        let edits = rename(&a, &doc, short, "Tokaev").unwrap();
        let fixes: Vec<Fix> = edits
            .into_iter()
            .map(|e| Fix {
                title: String::new(),
                applicability: Applicability::Safe,
                edits: vec![e],
            })
            .collect();
        let (renamed, n) = apply_fixes(DRAFT, &fixes);
        assert_eq!(n, 2);
        assert!(renamed.contains("Kassym-Jomart Tokaev spoke") && renamed.contains("Tokaev said"));
        assert!(rename(&a, &doc, short, "two\nlines").is_err());
        assert!(rename(&a, &doc, 0, "X").is_err());
        let syms = symbols(&a);
        assert_eq!(syms.len(), 1);
        assert_eq!(syms[0].detail, "person, 2 mentions");
    }

    #[test]
    fn figure_and_quote_cards() {
        let (doc, a) = draft();
        let card = hover(&a, &doc, at(DRAFT, "1,200").start).unwrap().1;
        assert!(card.contains("Also given as:\n- “1200” (line 3)"), "{card}");
        // Inside the quote and on its figure: the figure (innermost) leads, both cards shown.
        let (span, card) = hover(&a, &doc, at(DRAFT, "1200,”").start).unwrap();
        assert_eq!(span, at(DRAFT, "1200"));
        assert!(card.contains("Speaker: **Zoë**"), "{card}");
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
            data: serde_json::Value::Null,
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
