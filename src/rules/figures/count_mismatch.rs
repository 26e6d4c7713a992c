//! `count-mismatch`: a count announces a list, and the list has another length.

use super::quote;
use crate::analysis::figures::{self, Kind};
use crate::finding::{Severity, Span};
use crate::rules::{Category, Context, Emitter, FixKind, Rule};

pub(super) static RULE: Rule = Rule {
    code: "count-mismatch",
    category: Category::Figures,
    severity: Severity::Error,
    default_enabled: true,
    summary: "A count is followed by a list of a different length",
    doc: "\"Three suspects: A, B, C and D\" names four. The rule counts the capitalised names that follow a count and its noun after a colon, comma or dash, when the list is closed by \"and\". It deliberately leaves alone lists that are not closed by \"and\" (\"including A, B\"), lists of lowercase things, approximate counts, and lists whose items are not names.",
    bad: "Police named three suspects: Ana Silva, Joe Bloggs, Li Wei and Omar Haddad.",
    good: "Police named four suspects: Ana Silva, Joe Bloggs, Li Wei and Omar Haddad.",
    fix: FixKind::Unsafe,
    check,
};

fn check(cx: &Context<'_>, out: &mut Emitter<'_>) {
    for f in &cx.facts.figures {
        if f.kind != Kind::Count || !f.exact || f.value < 2.0 || f.value > 20.0 {
            continue;
        }
        let Some(items) = figures::enumeration(cx.doc, f) else {
            continue;
        };
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            continue;
        };
        let n = items.len();
        if n as f64 == f.value {
            continue;
        }
        let noun = f.noun.map_or("items", |s| quote(cx.doc, s));
        let msg = format!(
            "`{}` {noun}, but {n} are listed: {}",
            f.text,
            items
                .iter()
                .map(|s| quote(cx.doc, *s))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let mut finding = out
            .finding(f.number, msg)
            .with_related(Span::new(first.start, last.end), format!("{n} listed"));
        let original = quote(cx.doc, f.number);
        let replacement = match figures::spell(n as u32) {
            Some(w) if f.written == figures::Written::Word => {
                if original.starts_with(char::is_uppercase) {
                    capitalise(&w)
                } else {
                    w
                }
            }
            _ => n.to_string(),
        };
        finding = finding.with_fix(crate::finding::Fix::replace(
            format!("Change to {replacement}"),
            f.number,
            replacement,
            crate::finding::Applicability::Unsafe,
        ));
        out.push(finding);
    }
}

/// "four" -> "Four".
pub(super) fn capitalise(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
