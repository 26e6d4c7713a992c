//! `--format human`: rustc-style snippets with the span underlined, rendered by
//! annotate-snippets; colour only when asked (the CLI decides from the terminal).

use super::FileReport;
use crate::finding::{Applicability, Finding, Severity};
use crate::rules;
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;

/// Related spans further than this many lines from the finding get their own snippet.
const NEAR_LINES: usize = 3;

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
        Severity::Hint => Level::NOTE.with_name("hint"),
    }
}

/// The whole lines around `range`, as (byte range of the lines, 1-based first line number).
fn lines_around(r: &FileReport<'_>, range: Range<usize>) -> (Range<usize>, usize) {
    let text = r.doc.text();
    let lines = r.doc.lines();
    let first = lines.line_of(range.start);
    let last = lines.line_of(range.end.max(range.start));
    let start = lines.line_start(first).unwrap_or(0);
    let end = lines
        .line_start(last + 1)
        .map_or(text.len(), |s| s.saturating_sub(1));
    let end = if text[..end].ends_with('\r') {
        end - 1
    } else {
        end
    };
    (start..end.max(start), first + 1)
}

fn render_one(r: &FileReport<'_>, f: &Finding, renderer: &Renderer) -> String {
    let text = r.doc.text();
    let lines = r.doc.lines();

    let near: Vec<_> = f
        .related
        .iter()
        .filter(|rel| lines.line_of(rel.start).abs_diff(lines.line_of(f.start)) <= NEAR_LINES)
        .collect();
    let far: Vec<_> = f
        .related
        .iter()
        .filter(|rel| lines.line_of(rel.start).abs_diff(lines.line_of(f.start)) > NEAR_LINES)
        .collect();

    let lo = near
        .iter()
        .map(|r| r.start)
        .chain([f.start])
        .min()
        .unwrap_or(f.start);
    let hi = near
        .iter()
        .map(|r| r.end)
        .chain([f.end])
        .max()
        .unwrap_or(f.end);
    let (window, first_line) = lines_around(r, lo..hi);
    let rel = |s: usize, e: usize| s - window.start..e.min(window.end).max(s) - window.start;
    let mut snippet = Snippet::source(&text[window.clone()])
        .line_start(first_line)
        .path(r.path)
        .annotation(AnnotationKind::Primary.span(rel(f.start, f.end)));
    for n in &near {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(rel(n.start, n.end))
                .label(n.label.as_str()),
        );
    }
    let title = level(f.severity)
        .primary_title(f.message.as_str())
        .id(f.code);
    let title = match rules::find(f.code) {
        Some(rule) => title.id_url(rule.url()),
        None => title,
    };
    let mut groups = vec![title.element(snippet)];
    for far_rel in &far {
        let (w, fl) = lines_around(r, far_rel.start..far_rel.end);
        groups.push(
            Group::with_title(Level::NOTE.secondary_title(far_rel.label.as_str())).element(
                Snippet::source(&text[w.clone()])
                    .line_start(fl)
                    .path(r.path)
                    .annotation(AnnotationKind::Context.span(
                        far_rel.start - w.start
                            ..far_rel.end.min(w.end).max(far_rel.start) - w.start,
                    )),
            ),
        );
    }
    for fix in &f.fixes {
        let safety = match fix.applicability {
            Applicability::Safe => "",
            Applicability::Unsafe => " (check before applying)",
        };
        groups.push(Group::with_title(
            Level::HELP.secondary_title(format!("{}{safety}", fix.title)),
        ));
    }
    let mut out = renderer.render(&groups);
    out.push_str("\n\n");
    out
}

/// Render every finding, then a one-line summary.
pub fn human(reports: &[FileReport<'_>], color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let mut counts = [0usize; 4];
    let mut files_with = 0;
    for r in reports {
        if !r.findings.is_empty() {
            files_with += 1;
        }
        for f in r.findings {
            counts[f.severity as usize] += 1;
            out.push_str(&render_one(r, f, &renderer));
        }
    }
    let total: usize = counts.iter().sum();
    if total == 0 {
        out.push_str(&format!(
            "No findings in {} draft{}.\n",
            reports.len(),
            if reports.len() == 1 { "" } else { "s" }
        ));
    } else {
        let parts: Vec<String> = [
            Severity::Error,
            Severity::Warning,
            Severity::Info,
            Severity::Hint,
        ]
        .iter()
        .filter(|s| counts[**s as usize] > 0)
        .map(|s| {
            let n = counts[*s as usize];
            format!("{n} {}{}", s.as_str(), if n == 1 { "" } else { "s" })
        })
        .collect();
        out.push_str(&format!(
            "{} in {files_with} of {} draft{}.\n",
            parts.join(", "),
            reports.len(),
            if reports.len() == 1 { "" } else { "s" }
        ));
    }
    out
}
