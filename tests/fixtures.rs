//! Tests as data: every draft under `tests/fixtures/` (Markdown, or plain text in `.txt`)
//! carries its expected findings inline, as HTML comments an editor shows and a Markdown
//! renderer hides:
//!
//! ```markdown
//! Police said yesterday that the bridge closed.
//! <!-- expect relative-date: yesterday -> Tuesday -->
//! ```
//!
//! `expect CODE: TEXT` asserts a finding with that code whose span is exactly TEXT, starting on
//! the nearest line above that is not a comment; `-> FIX` also asserts its first fix's
//! replacement. `fact KIND: TEXT = VALUE` asserts an `analyze` fact (`date`, `entity`,
//! `speaker`, `figure`; see `fact_value`). A `<!-- config ... -->` block holds copydesk.toml
//! settings for the fixture. Every finding must be expected: drafts in `clean/` expect none.

use copydesk::config::{Config, Layer, Settings};
use copydesk::{Analysis, Document, Format};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
struct Expect {
    line: usize,
    code: String,
    text: String,
    fix: Option<String>,
}

fn comments(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut pos = 0;
    while let Some(i) = text[pos..].find("<!--") {
        let start = pos + i;
        let Some(j) = text[start..].find("-->") else {
            break;
        };
        out.push((start, text[start + 4..start + j].trim()));
        pos = start + j + 3;
    }
    out
}

/// 1-based line of the nearest line above `offset`'s line that is not a comment line.
fn target_line(text: &str, offset: usize) -> usize {
    let lines: Vec<&str> = text[..offset].split('\n').collect();
    let mut n = lines.len() - 1; // 0-based line of the comment
    while n > 0 {
        n -= 1;
        let l = lines[n].trim();
        if !(l.is_empty() || l.starts_with("<!--") && l.ends_with("-->")) {
            return n + 1;
        }
    }
    1
}

fn config_for(text: &str, path: &Path) -> Config {
    let mut layers = Vec::new();
    for (_, body) in comments(text) {
        if let Some(toml_text) = body.strip_prefix("config") {
            let settings: Settings = toml::from_str(toml_text)
                .unwrap_or_else(|e| panic!("{}: bad config block: {e}", path.display()));
            layers.push(Layer {
                settings,
                origin: path.display().to_string(),
                base: path.parent().map(Path::to_path_buf),
            });
        }
    }
    Config::resolve(&layers).unwrap_or_else(|e| panic!("{e}"))
}

/// The value a `fact` line is compared with, looked up in the analysis by kind and text.
fn fact_value(a: &Analysis, doc: &Document, kind: &str, text: &str) -> Option<String> {
    let v = serde_json::to_value(&a.facts).ok()?;
    let src = doc.text();
    let find = |list: &str, key: &str| -> Option<String> {
        v[list].as_array()?.iter().find_map(|item| {
            let (s, e) = (
                item["start"].as_u64()? as usize,
                item["end"].as_u64()? as usize,
            );
            (src.get(s..e) == Some(text))
                .then(|| item[key].to_string().trim_matches('"').to_owned())
        })
    };
    match kind {
        "date" => find("dates", "value"),
        "figure" => find("figures", "value"),
        "speaker" => v["quotes"].as_array()?.iter().find_map(|q| {
            let (s, e) = (q["start"].as_u64()? as usize, q["end"].as_u64()? as usize);
            src.get(s..e)?
                .contains(text)
                .then(|| q["speaker"]["text"].as_str().unwrap_or("none").to_owned())
        }),
        "entity" => v["entities"].as_array()?.iter().find_map(|ent| {
            ent["mentions"]
                .as_array()?
                .iter()
                .any(|m| m["text"] == text)
                .then(|| {
                    format!(
                        "{} ({})",
                        ent["name"].as_str().unwrap_or(""),
                        ent["kind"].as_str().unwrap_or("")
                    )
                })
        }),
        _ => panic!("unknown fact kind `{kind}`"),
    }
}

fn check_fixture(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let doc = Document::new(text.clone(), Format::from_path(path));
    let config = config_for(&text, path);
    let analysis = copydesk::analyze(&doc, &config);
    let mut expected = Vec::new();
    let mut problems = String::new();
    for (at, body) in comments(&text) {
        if let Some(rest) = body.strip_prefix("expect ") {
            let (code, what) = rest.split_once(':').ok_or("expect needs `CODE: TEXT`")?;
            let (span_text, fix) = match what.split_once(" -> ") {
                Some((t, f)) => (t.trim(), Some(f.trim().to_owned())),
                None => (what.trim(), None),
            };
            expected.push(Expect {
                line: target_line(&text, at),
                code: code.trim().to_owned(),
                text: span_text.to_owned(),
                fix,
            });
        } else if let Some(rest) = body.strip_prefix("fact ") {
            let (kind, what) = rest
                .split_once(':')
                .ok_or("fact needs `KIND: TEXT = VALUE`")?;
            let (t, want) = what.rsplit_once(" = ").ok_or("fact needs `= VALUE`")?;
            let got = fact_value(&analysis, &doc, kind.trim(), t.trim());
            if got.as_deref() != Some(want.trim()) {
                let _ = writeln!(
                    problems,
                    "  fact {kind}: `{}` is {got:?}, expected {:?}",
                    t.trim(),
                    want.trim()
                );
            }
        }
    }
    let mut actual: Vec<Expect> = analysis
        .findings
        .iter()
        .map(|f| Expect {
            line: doc.lines().line_of(f.start) + 1,
            code: f.code.to_owned(),
            text: text[f.start..f.end].to_owned(),
            fix: f
                .fixes
                .first()
                .and_then(|fx| fx.edits.first())
                .map(|e| e.replacement.clone()),
        })
        .collect();
    expected.sort();
    actual.sort();
    for e in &expected {
        let hit = actual.iter().any(|a| {
            a.line == e.line
                && a.code == e.code
                && a.text == e.text
                && (e.fix.is_none() || a.fix == e.fix)
        });
        if !hit {
            let near: Vec<_> = actual.iter().filter(|a| a.line == e.line).collect();
            let _ = writeln!(
                problems,
                "  missing line {}: {} `{}`{}; found there: {near:?}",
                e.line,
                e.code,
                e.text,
                e.fix
                    .as_ref()
                    .map(|f| format!(" -> {f}"))
                    .unwrap_or_default()
            );
        }
    }
    for a in &actual {
        if !expected
            .iter()
            .any(|e| e.line == a.line && e.code == a.code && e.text == a.text)
        {
            let msg = analysis
                .findings
                .iter()
                .find(|f| f.code == a.code && text[f.start..f.end] == a.text)
                .map(|f| f.message.as_str())
                .unwrap_or("");
            let _ = writeln!(
                problems,
                "  unexpected line {}: {} `{}` ({msg})",
                a.line, a.code, a.text
            );
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).expect("fixtures folder").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "md" || x == "txt") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_gets_exactly_its_expected_findings() {
    let mut failures = String::new();
    let all = fixtures();
    assert!(!all.is_empty(), "no fixtures found");
    for path in &all {
        if let Err(p) = check_fixture(path) {
            let _ = writeln!(failures, "{}:\n{p}", path.display());
        }
    }
    assert!(failures.is_empty(), "fixture mismatches:\n{failures}");
}
