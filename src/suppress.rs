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

fn applies(codes: &[&str], code: &str) -> bool {
    codes.is_empty() || codes.contains(&code)
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
                let mut i = 0;
                while i < open.len() {
                    let (from, opened) = &open[i];
                    if codes.is_empty() || opened.iter().any(|o| codes.contains(o)) {
                        silences.push(Silence {
                            lines: *from..line + 1,
                            codes: opened.clone(),
                        });
                        open.remove(i);
                    } else {
                        i += 1;
                    }
                }
            }
        }
    }
    for (from, codes) in open {
        silences.push(Silence {
            lines: from..usize::MAX,
            codes,
        });
    }
    findings.retain(|f| {
        let line = lines.line_of(f.start);
        !silences
            .iter()
            .any(|s| s.lines.contains(&line) && applies(&s.codes, f.code))
    });
}
