//! `--format sarif`: SARIF 2.1.0 for GitHub code scanning. Every rule is described (help text,
//! help URI, default level); results carry 1-based line/column regions in code points.

use super::{Cursor, FileReport};
use crate::finding::Severity;
use crate::rules;
use serde_json::{Value, json};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A SARIF artifact URI: relative paths with forward slashes, percent-encoded where needed.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn sarif(reports: &[FileReport<'_>]) -> String {
    let all: Vec<_> = rules::all().collect();
    let rule_objs: Vec<Value> = all
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.code,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.doc},
                "helpUri": r.url(),
                "help": {
                    "text": format!("{}\n\nFlagged: {}\nInstead: {}", r.doc, r.bad, r.good),
                    "markdown": r.markdown(),
                },
                "defaultConfiguration": {"level": level(r.severity), "enabled": r.default_enabled},
                "properties": {"tags": [r.category]},
            })
        })
        .collect();
    let mut results = Vec::new();
    for rep in reports {
        let (mut starts, mut ends) = (Cursor::new(rep.doc), Cursor::new(rep.doc));
        let (mut rel_starts, mut rel_ends) = (Cursor::new(rep.doc), Cursor::new(rep.doc));
        for f in rep.findings {
            let (sl, sc) = starts.position(f.start);
            let (el, ec) = ends.position(f.end);
            let related: Vec<Value> = f
                .related
                .iter()
                .enumerate()
                .map(|(i, rel)| {
                    let (l, c) = rel_starts.position(rel.start);
                    let (l2, c2) = rel_ends.position(rel.end);
                    json!({
                        "id": i,
                        "message": {"text": rel.label},
                        "physicalLocation": {
                            "artifactLocation": {"uri": uri(rep.path)},
                            "region": {"startLine": l, "startColumn": c, "endLine": l2, "endColumn": c2},
                        },
                    })
                })
                .collect();
            let mut result = json!({
                "ruleId": f.code,
                "ruleIndex": all.iter().position(|r| r.code == f.code),
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri(rep.path)},
                        "region": {
                            "startLine": sl, "startColumn": sc, "endLine": el, "endColumn": ec,
                        },
                    },
                }],
            });
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            results.push(result);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": rule_objs,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}
