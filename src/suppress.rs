//! Suppression comments inside a draft (invisible once the Markdown is rendered):
//!
//! - `<!-- copydesk-disable-next-line CODE[, CODE] -->` silences the next non-blank line;
//! - `<!-- copydesk-disable CODE -->` ... `<!-- copydesk-enable CODE -->` silences a region;
//! - with no code, a comment applies to every rule.

use crate::finding::Finding;
use crate::text::Document;

enum Directive<'a> {
    NextLine(Vec<&'a str>),
    Disable(Vec<&'a str>),
    Enable(Vec<&'a str>),
}

fn parse(comment: &str) -> Option<Directive<'_>> {
    let body = comment.strip_prefix("<!--")?.strip_suffix("-->")?.trim();
    let (word, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let codes: Vec<&str> = rest
        .split([',', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    match word {
        "copydesk-disable-next-line" => Some(Directive::NextLine(codes)),
        "copydesk-disable" => Some(Directive::Disable(codes)),
        "copydesk-enable" => Some(Directive::Enable(codes)),
        _ => None,
    }
}

/// A region of lines where some codes (or all, when `codes` is empty) are silent.
struct Silence<'a> {
    lines: std::ops::Range<usize>,
    codes: Vec<&'a str>,
}

/// Drop the findings the draft's comments silence.
pub fn filter(doc: &Document, findings: &mut Vec<Finding>) {
    if doc.comments().is_empty() {
        return;
    }
    let text = doc.text();
    let lines = doc.lines();
    let mut silences: Vec<Silence<'_>> = Vec::new();
    let mut open: Vec<(usize, Vec<&str>)> = Vec::new();
    for c in doc.comments() {
        let Some(d) = parse(&text[c.clone()]) else {
            continue;
        };
        let line = lines.line_of(c.end);
        match d {
            Directive::NextLine(codes) => {
                // The next line with text on it, after the comment's own line.
                let mut target = line + 1;
                while let Some(start) = lines.line_start(target) {
                    let end = lines.line_start(target + 1).unwrap_or(text.len());
                    if !text[start..end].trim().is_empty() {
                        break;
                    }
                    target += 1;
                }
                silences.push(Silence {
                    lines: target..target + 1,
                    codes,
                });
            }
            Directive::Disable(codes) => open.push((line, codes)),
            Directive::Enable(codes) => {
                // Close the regions this comment names (all of them when it names none).
                open.retain(|(from, opened)| {
                    let closes = codes.is_empty() || opened.iter().any(|o| codes.contains(o));
                    if closes {
                        silences.push(Silence {
                            lines: *from..line + 1,
                            codes: opened.clone(),
                        });
                    }
                    !closes
                });
            }
        }
    }
    for (from, codes) in open {
        silences.push(Silence {
            lines: from..usize::MAX,
            codes,
        });
    }
    retain_unsilenced(findings, &silences, |f| lines.line_of(f.start));
}

/// Drop the findings a silence covers, in one sweep over lines: each silence opens and closes
/// once, and each finding asks whether a silence for all rules or for its code is open.
fn retain_unsilenced(
    findings: &mut Vec<Finding>,
    silences: &[Silence<'_>],
    line_of: impl Fn(&Finding) -> usize,
) {
    if silences.is_empty() {
        return;
    }
    // (line, +1 opens / -1 closes, silence index), closes before opens on the same line.
    let mut events: Vec<(usize, i32, usize)> = silences
        .iter()
        .enumerate()
        .flat_map(|(i, s)| [(s.lines.start, 1, i), (s.lines.end, -1, i)])
        .collect();
    events.sort_unstable();
    let mut order: Vec<usize> = (0..findings.len()).collect();
    order.sort_by_key(|&i| line_of(&findings[i]));
    let mut all_rules = 0i32;
    let mut by_code: std::collections::HashMap<&str, i32> = std::collections::HashMap::new();
    let mut keep = vec![true; findings.len()];
    let mut next = 0;
    for i in order {
        let line = line_of(&findings[i]);
        while let Some(&(at, delta, s)) = events.get(next) {
            if at > line {
                break;
            }
            let codes = &silences[s].codes;
            if codes.is_empty() {
                all_rules += delta;
            } else {
                for c in codes {
                    *by_code.entry(c).or_default() += delta;
                }
            }
            next += 1;
        }
        let code = findings[i].code;
        keep[i] = all_rules <= 0 && by_code.get(code).is_none_or(|n| *n <= 0);
    }
    let mut k = keep.into_iter();
    findings.retain(|_| k.next().unwrap_or(true));
}
