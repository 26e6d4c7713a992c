//! `--format github`: GitHub Actions workflow commands, which annotate a pull request's diff.

use super::{Cursor, FileReport};
use crate::finding::Severity;

/// Workflow commands escape `%`, CR and LF in messages, and also `:` and `,` in properties.
fn escape(s: &str, property: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' if property => out.push_str("%3A"),
            ',' if property => out.push_str("%2C"),
            _ => out.push(c),
        }
    }
    out
}

pub fn github(reports: &[FileReport<'_>]) -> String {
    let mut out = String::new();
    for r in reports {
        let (mut starts, mut ends) = (Cursor::new(r.doc), Cursor::new(r.doc));
        for f in r.findings {
            let level = match f.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info | Severity::Hint => "notice",
            };
            let (line, col) = starts.position(f.start);
            let (end_line, end_col) = ends.position(f.end);
            out.push_str(&format!(
                "::{level} file={},line={line},col={col},endLine={end_line},endColumn={end_col},title={}::{}\n",
                escape(r.path, true),
                escape(&format!("copydesk {}", f.code), true),
                escape(&f.message, false),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_properties_and_messages() {
        assert_eq!(super::escape("a:b,c%", true), "a%3Ab%2Cc%25");
        assert_eq!(super::escape("50%\nnext: x", false), "50%25%0Anext: x");
    }
}
