//! `--format json`: one object, `{"findings": [...], "summary": {...}}`, documented in the
//! README. Offsets are UTF-8 bytes; lines and columns are 1-based, columns in characters.

use super::{Cursor, FileReport};
use crate::finding::Severity;
use crate::rules;
use serde_json::{Value, json as j};

/// The JSON document for a set of reports.
pub fn json_value(reports: &[FileReport<'_>]) -> Value {
    let mut findings = Vec::new();
    let mut counts = [0usize; 4];
    for r in reports {
        let (mut starts, mut ends, mut others) =
            (Cursor::new(r.doc), Cursor::new(r.doc), Cursor::new(r.doc));
        for f in r.findings {
            counts[f.severity as usize] += 1;
            let (line, column) = starts.position(f.start);
            let (end_line, end_column) = ends.position(f.end);
            let related: Vec<Value> = f
                .related
                .iter()
                .map(|rel| {
                    let (line, column) = others.position(rel.start);
                    j!({"start": rel.start, "end": rel.end, "line": line, "column": column, "label": rel.label})
                })
                .collect();
            let mut obj = j!({
                "path": r.path,
                "code": f.code,
                "severity": f.severity,
                "message": f.message,
                "start": f.start,
                "end": f.end,
                "line": line,
                "column": column,
                "end_line": end_line,
                "end_column": end_column,
                "fixes": f.fixes,
                "related": related,
                "url": rules::find(f.code).map(|r| r.url()),
            });
            if !f.data.is_null() {
                obj["data"] = f.data.clone();
            }
            findings.push(obj);
        }
    }
    j!({
        "version": 1,
        "findings": findings,
        "summary": {
            "files": reports.len(),
            "error": counts[Severity::Error as usize],
            "warning": counts[Severity::Warning as usize],
            "info": counts[Severity::Info as usize],
            "hint": counts[Severity::Hint as usize],
        }
    })
}

pub fn json(reports: &[FileReport<'_>]) -> String {
    let mut s = serde_json::to_string_pretty(&json_value(reports)).unwrap_or_default();
    s.push('\n');
    s
}
