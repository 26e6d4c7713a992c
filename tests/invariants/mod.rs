//! What must hold for every analysis of every text, checked by the property tests, the
//! hostile-input tests and the fuzz targets (which include this file by path).

use copydesk::{Analysis, Document};
use serde_json::Value;
use std::ops::Range;

/// A span must lie inside the text and start and end on character boundaries.
fn check_span(text: &str, what: &str, r: Range<usize>) -> Result<(), String> {
    if r.start > r.end || r.end > text.len() {
        return Err(format!(
            "{what} {}..{} outside the text ({} bytes)",
            r.start,
            r.end,
            text.len()
        ));
    }
    if !text.is_char_boundary(r.start) || !text.is_char_boundary(r.end) {
        return Err(format!("{what} {}..{} splits a character", r.start, r.end));
    }
    Ok(())
}

/// Every object in the `analyze` JSON with a numeric `start` and `end` is a span: facts,
/// excerpts, findings, related spans and fix edits alike, including those of passes and
/// fields added later.
fn check_json_spans(text: &str, path: &str, v: &Value) -> Result<(), String> {
    match v {
        Value::Object(map) => {
            if let (Some(s), Some(e)) = (
                map.get("start").and_then(Value::as_u64),
                map.get("end").and_then(Value::as_u64),
            ) {
                check_span(text, path, s as usize..e as usize)?;
            }
            for (k, child) in map {
                check_json_spans(text, &format!("{path}.{k}"), child)?;
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                check_json_spans(text, &format!("{path}[{i}]"), child)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// The document model's own invariants: prose as long as the text, every structural range a
/// valid span, blocks and sentences in order and not overlapping.
pub fn check_document(doc: &Document) -> Result<(), String> {
    let text = doc.text();
    if doc.prose().len() != text.len() {
        return Err(format!(
            "prose is {} bytes, text {}",
            doc.prose().len(),
            text.len()
        ));
    }
    for (what, ranges) in [("block", doc.blocks()), ("sentence", doc.sentences())] {
        let mut prev_end = 0;
        for r in ranges {
            check_span(text, what, r.clone())?;
            if r.start < prev_end {
                return Err(format!("{what} {r:?} overlaps the one before"));
            }
            prev_end = r.end;
        }
    }
    for s in doc.sentences() {
        if doc.block_at(s.start).is_none() {
            return Err(format!("sentence {s:?} is in no block"));
        }
    }
    for q in &doc.quotes().quotes {
        check_span(text, "quote", q.span.clone())?;
        check_span(text, "quote content", q.content.clone())?;
    }
    for r in &doc.quotes().stray_closes {
        check_span(text, "stray close", r.clone())?;
    }
    for r in doc.comments() {
        check_span(text, "comment", r.clone())?;
    }
    for r in [doc.front_matter(), doc.date_directive()]
        .into_iter()
        .flatten()
    {
        check_span(text, "header", r)?;
    }
    Ok(())
}

/// Every span of an analysis, and the order of its findings.
pub fn check_analysis(doc: &Document, analysis: &Analysis) -> Result<(), String> {
    check_document(doc)?;
    let json = serde_json::to_value(analysis).map_err(|e| e.to_string())?;
    check_json_spans(doc.text(), "analysis", &json)?;
    let keys: Vec<_> = analysis
        .findings
        .iter()
        .map(|f| (f.start, f.end, f.code))
        .collect();
    if !keys.is_sorted() {
        return Err("findings are not in order".into());
    }
    Ok(())
}
