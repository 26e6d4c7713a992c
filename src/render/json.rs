//! `--format json`: one object, `{"version": 1, "findings": [...], "summary": {...}}`, documented
//! in the README. Offsets are UTF-8 bytes; lines and columns are 1-based, columns in characters.
//!
//! Serialised straight from borrowed structs, in the README's key order: building a
//! `serde_json::Value` tree first took most of the memory of a large check.

use super::{Cursor, FileReport};
use crate::finding::{Data, Finding, Fix, Severity};
use crate::rules;
use serde::Serialize;
use serde::ser::{SerializeSeq, Serializer};

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    findings: Findings<'a>,
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    error: usize,
    warning: usize,
    info: usize,
    hint: usize,
}

/// Every finding of every report, serialised one at a time as the cursors walk each draft.
struct Findings<'a>(&'a [FileReport<'a>]);

#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    code: &'static str,
    severity: Severity,
    message: &'a str,
    start: usize,
    end: usize,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    fixes: &'a [Fix],
    related: Vec<Place<'a>>,
    url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<&'a Data>,
}

#[derive(Serialize)]
struct Place<'a> {
    start: usize,
    end: usize,
    line: u32,
    column: u32,
    label: &'a str,
}

impl Serialize for Findings<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.iter().map(|r| r.findings.len()).sum()))?;
        for r in self.0 {
            let mut cursors = (Cursor::new(r.doc), Cursor::new(r.doc), Cursor::new(r.doc));
            for f in r.findings {
                seq.serialize_element(&entry(r.path, f, &mut cursors))?;
            }
        }
        seq.end()
    }
}

fn entry<'a>(
    path: &'a str,
    f: &'a Finding,
    (starts, ends, others): &mut (Cursor<'_>, Cursor<'_>, Cursor<'_>),
) -> Entry<'a> {
    let (line, column) = starts.position(f.start);
    let (end_line, end_column) = ends.position(f.end);
    let related = f
        .related
        .iter()
        .map(|rel| {
            let (line, column) = others.position(rel.start);
            Place {
                start: rel.start,
                end: rel.end,
                line,
                column,
                label: &rel.label,
            }
        })
        .collect();
    Entry {
        path,
        code: f.code,
        severity: f.severity,
        message: &f.message,
        start: f.start,
        end: f.end,
        line,
        column,
        end_line,
        end_column,
        fixes: &f.fixes,
        related,
        url: rules::find(f.code).map(|r| r.url()),
        data: f.data.as_ref(),
    }
}

pub fn json(reports: &[FileReport<'_>]) -> String {
    let mut counts = [0usize; 4];
    for f in reports.iter().flat_map(|r| r.findings) {
        counts[f.severity as usize] += 1;
    }
    let output = Output {
        version: 1,
        findings: Findings(reports),
        summary: Summary {
            files: reports.len(),
            error: counts[Severity::Error as usize],
            warning: counts[Severity::Warning as usize],
            info: counts[Severity::Info as usize],
            hint: counts[Severity::Hint as usize],
        },
    };
    let mut s = serde_json::to_string_pretty(&output).unwrap_or_default();
    s.push('\n');
    s
}
