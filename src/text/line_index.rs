//! Byte offsets ⇄ line/column, in UTF-8, UTF-16 or characters.
//!
//! The core speaks only UTF-8 byte offsets; editors and reports want lines and columns in
//! whatever unit their protocol uses. The index is built once per text (one pass over it) and
//! each conversion costs a binary search plus a scan of one line.

/// How a column is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 bytes (LSP `utf-8`, Rust string indices).
    Utf8,
    /// UTF-16 code units (LSP's default, JavaScript string indices).
    Utf16,
    /// Unicode scalar values (what a person counts; Python string indices).
    Chars,
}

/// A zero-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Start offsets of every line of a text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
    len: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            starts,
            len: text.len(),
        }
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte offset where zero-based `line` starts, or `None` past the last line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.starts.get(line).copied()
    }

    /// Zero-based line containing byte `offset` (clamped to the text).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// Line and column of byte `offset`. Offsets inside a character or past the end are
    /// clamped to the previous character boundary / the end of the text.
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = self.line_of(offset);
        let prefix = &text[self.starts[line]..offset];
        LineCol {
            line: line as u32,
            col: measure(prefix, enc) as u32,
        }
    }

    /// Byte offset of a line and column. A column past the end of its line clamps to the line's
    /// end (before the newline, as LSP asks); a column inside a character rounds down to it; a
    /// line past the end gives `None`.
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> Option<usize> {
        let line = pos.line as usize;
        let start = *self.starts.get(line)?;
        let next = self.starts.get(line + 1);
        let end = next.map_or(text.len(), |&next| next - 1);
        // Only a `\r` before the `\n` belongs to the line break; a last line may end in one.
        let end = if next.is_some() && end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        };
        let want = pos.col as usize;
        let mut seen = 0;
        for (i, ch) in text[start..end].char_indices() {
            let w = width(ch, enc);
            if seen + w > want {
                return Some(start + i);
            }
            seen += w;
        }
        Some(end)
    }
}

/// Length of `s` counted in `enc` units.
pub fn measure(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        Encoding::Utf16 => s.chars().map(char::len_utf16).sum(),
        Encoding::Chars => s.chars().count(),
    }
}

fn width(ch: char, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => ch.len_utf8(),
        Encoding::Utf16 => ch.len_utf16(),
        Encoding::Chars => 1,
    }
}

/// The largest character boundary at or before `i` (std's version is unstable).
pub fn floor_char_boundary(s: &str, i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    (0..=i).rev().find(|&j| s.is_char_boundary(j)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_in_every_encoding() {
        let text = "ab\nZoë 王毅 😀x\r\nend";
        let idx = LineIndex::new(text);
        let x = text.find('x').unwrap();
        assert_eq!(
            idx.line_col(text, x, Encoding::Utf8),
            LineCol { line: 1, col: 16 }
        );
        assert_eq!(
            idx.line_col(text, x, Encoding::Utf16),
            LineCol { line: 1, col: 9 }
        );
        assert_eq!(
            idx.line_col(text, x, Encoding::Chars),
            LineCol { line: 1, col: 8 }
        );
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Chars] {
            let lc = idx.line_col(text, x, enc);
            assert_eq!(idx.offset(text, lc, enc), Some(x));
        }
    }

    #[test]
    fn clamps_out_of_range_positions() {
        let text = "one\r\ntwo";
        let idx = LineIndex::new(text);
        assert_eq!(
            idx.offset(text, LineCol { line: 0, col: 99 }, Encoding::Utf16),
            Some(3)
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 1, col: 99 }, Encoding::Utf16),
            Some(8)
        );
        assert_eq!(
            idx.offset(text, LineCol { line: 2, col: 0 }, Encoding::Utf16),
            None
        );
        assert_eq!(
            idx.line_col(text, 999, Encoding::Utf8),
            LineCol { line: 1, col: 3 }
        );
    }

    #[test]
    fn a_carriage_return_ending_the_text_is_a_character() {
        let text = "one\r";
        let idx = LineIndex::new(text);
        let end = idx.line_col(text, 4, Encoding::Utf16);
        assert_eq!(end, LineCol { line: 0, col: 4 });
        assert_eq!(idx.offset(text, end, Encoding::Utf16), Some(4));
    }
}
