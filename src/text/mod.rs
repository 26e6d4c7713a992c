//! The document model: a draft's text, which of it is prose, its paragraphs, sentences and
//! quotations, and a line index. Built once per version of a draft; every pass reads it.
//!
//! Invariant: every offset is a UTF-8 byte offset into the text exactly as given (BOM, CRLF
//! and all), and `prose` has the same length as `text`, so an offset means the same in both.

mod line_index;
pub(crate) mod markdown;
pub mod numbers;
mod quotes;
mod sentences;
mod words;

pub use line_index::{Encoding, LineCol, LineIndex, floor_char_boundary, measure};
pub use quotes::{Quote, QuoteEnd, Quotes};
pub use words::{
    Prefilter, Words, alnum_end, contains_word, lowercase, strip_suffix_ci, tokens, with_lowercase,
    words,
};

use regex::Regex;
use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

/// How to read a draft.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Markdown,
    Plain,
}

impl Format {
    /// Markdown unless the file is `.txt` (or `.text`).
    pub fn from_path(path: &Path) -> Format {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text") => {
                Format::Plain
            }
            _ => Format::Markdown,
        }
    }
}

/// A leading `date YYYY-MM-DD` line: the dateline directive newsroom exports carry. Anything
/// after the date on the same line is the story's first paragraph.
static DATE_DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*date[ \t]+(\d{4}-\d{2}-\d{2})\b[ \t]*").expect("valid regex")
});

/// A `<!-- ... -->` comment in plain text: the suppression comments work in `.txt` too.
static HTML_COMMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->").expect("valid regex"));

/// A markup tag in plain text: the embeds a CMS export carries (`<tweet id="…">`, `<br/>`).
/// The tag is no prose (its quoted attributes would read as quotations); what it wraps is.
static HTML_TAG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"</?[A-Za-z][A-Za-z0-9:._-]*(?:\s[^<>]*)?/?>").expect("valid regex")
});

/// One draft, analysed into its structure.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    prose: String,
    /// `prose` with ASCII letters lowered: same length and offsets, so passes compare words
    /// with their word lists without lowering (and allocating) each one again.
    lower: String,
    format: Format,
    lines: LineIndex,
    /// The `date YYYY-MM-DD` directive: whole match and the date itself.
    date_directive: Option<(Range<usize>, Range<usize>)>,
    /// Front matter (YAML `---` or TOML `+++`), including its fences.
    front_matter: Option<Range<usize>>,
    blocks: Vec<Range<usize>>,
    /// The blocks that are headings (a plain draft's title line among them), in order.
    headings: Vec<Range<usize>>,
    sentences: Vec<Range<usize>>,
    /// For each block, the index of its first sentence in `sentences`.
    block_first_sentence: Vec<usize>,
    quotes: Quotes,
    comments: Vec<Range<usize>>,
}

impl Document {
    pub fn new(text: impl Into<String>, format: Format) -> Document {
        let text = text.into();
        let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
        let front_matter = match format {
            Format::Markdown => front_matter(&text, bom),
            Format::Plain => None,
        };
        let body_start = front_matter.as_ref().map_or(bom, |r| r.end);
        let date_directive = DATE_DIRECTIVE.captures(&text[body_start..]).and_then(|c| {
            let whole = c.get(0)?;
            let date = c.get(1)?;
            Some((
                body_start + whole.start()..body_start + whole.end(),
                body_start + date.start()..body_start + date.end(),
            ))
        });
        let skip = date_directive.as_ref().map_or(body_start, |(w, _)| w.end);

        let (mut prose, blocks, headings, comments) = match format {
            Format::Markdown => {
                let p = markdown::markdown(&text, bom);
                let comments = html_comments(&text, &p.mask);
                let mut blocks = p.blocks;
                // The directive may share its line with the first paragraph.
                for b in &mut blocks {
                    if b.start < skip && b.end > skip {
                        b.start = skip;
                    }
                }
                blocks.retain(|b| b.start >= skip && b.start < b.end);
                let mut headings = p.headings;
                headings.retain(|h| blocks.contains(h));
                (p.mask.into_bytes(), blocks, headings, comments)
            }
            Format::Plain => {
                let mut buf = text.clone().into_bytes();
                let mut comments = Vec::new();
                if memchr::memchr(b'<', text.as_bytes()).is_some() {
                    for m in HTML_COMMENT.find_iter(&text) {
                        markdown::blank(&mut buf, m.range());
                        if m.as_str().contains("copydesk-") {
                            comments.push(m.range());
                        }
                    }
                    for m in HTML_TAG.find_iter(&text) {
                        markdown::blank(&mut buf, m.range());
                    }
                }
                // Blanking whole tags and comments keeps the bytes valid UTF-8.
                let (blocks, title) = match std::str::from_utf8(&buf) {
                    Ok(masked) => {
                        let blocks = markdown::plain_blocks(masked, skip);
                        let title = markdown::plain_title(masked, &blocks);
                        (blocks, title)
                    }
                    Err(_) => {
                        let masked = String::from_utf8_lossy(&buf);
                        let blocks = markdown::plain_blocks(&masked, skip);
                        let title = markdown::plain_title(&masked, &blocks);
                        (blocks, title)
                    }
                };
                (buf, blocks, title.into_iter().collect(), comments)
            }
        };
        markdown::blank(&mut prose, 0..skip);
        // Only ASCII bytes were overwritten with ASCII spaces, so this cannot fail; fall back
        // to a lossy copy rather than panic all the same.
        let mut prose = String::from_utf8(prose)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let quotes = quotes::pair(&prose, &blocks);
        // A curly mark turned the wrong way is read as the mark its place calls for, so every
        // pass sees the quotation the pairing found ("here,“ said Jim Clyburn" is attributed).
        // “ and ” are E2 80 9C and E2 80 9D: turning one rewrites its last byte in place, so
        // offsets stay put and a draft of many such marks stays linear.
        if !quotes.misturned.is_empty() {
            let mut bytes = std::mem::take(&mut prose).into_bytes();
            for (r, want) in &quotes.misturned {
                if let Some(last) = bytes.get_mut(r.start + 2).filter(|_| r.len() == 3) {
                    *last = if *want == '”' { 0x9D } else { 0x9C };
                }
            }
            prose = String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        }

        let mut sentences = Vec::new();
        let mut block_first_sentence = Vec::with_capacity(blocks.len());
        for b in &blocks {
            block_first_sentence.push(sentences.len());
            sentences::split(&prose[b.clone()], b.start, &mut sentences);
        }
        let lines = LineIndex::new(&text);
        let lower = prose.to_ascii_lowercase();
        Document {
            text,
            prose,
            lower,
            format,
            lines,
            date_directive,
            front_matter,
            blocks,
            headings,
            sentences,
            block_first_sentence,
            quotes,
            comments,
        }
    }

    /// The text exactly as given.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text with everything that is not prose blanked to spaces (same length as `text`),
    /// and curly quotation marks turned the wrong way turned back.
    pub fn prose(&self) -> &str {
        &self.prose
    }

    /// `prose` with ASCII letters lowered, byte for byte (non-ASCII letters are kept as they
    /// are: every word list the passes match against is ASCII).
    pub fn lower(&self) -> &str {
        &self.lower
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn lines(&self) -> &LineIndex {
        &self.lines
    }

    pub fn line_col(&self, offset: usize, enc: Encoding) -> LineCol {
        self.lines.line_col(&self.text, offset, enc)
    }

    /// The date of a leading `date YYYY-MM-DD` line, and the span of that date.
    pub fn date_directive(&self) -> Option<Range<usize>> {
        self.date_directive.as_ref().map(|(_, d)| d.clone())
    }

    /// The raw front matter (between the fences), if any.
    pub fn front_matter(&self) -> Option<Range<usize>> {
        self.front_matter.clone()
    }

    /// Whether `offset` lies in a heading: a Markdown heading or a plain draft's title line.
    pub fn in_heading(&self, offset: usize) -> bool {
        let i = self.headings.partition_point(|h| h.end <= offset);
        self.headings.get(i).is_some_and(|h| h.start <= offset)
    }

    /// Paragraphs, headings, list items and table cells, in order.
    pub fn blocks(&self) -> &[Range<usize>] {
        &self.blocks
    }

    pub fn sentences(&self) -> &[Range<usize>] {
        &self.sentences
    }

    /// The prose of sentence `i` (empty past the end).
    pub fn sentence_prose(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .and_then(|r| self.prose.get(r.clone()))
            .unwrap_or("")
    }

    /// The sentences of block `i`, as indices into `sentences()`.
    pub fn block_sentences(&self, i: usize) -> Range<usize> {
        let start = self
            .block_first_sentence
            .get(i)
            .copied()
            .unwrap_or(self.sentences.len());
        let end = self
            .block_first_sentence
            .get(i + 1)
            .copied()
            .unwrap_or(self.sentences.len());
        start..end
    }

    /// Index of the block containing `offset`, if it is in one.
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.end <= offset);
        self.blocks.get(i).filter(|b| b.start <= offset).map(|_| i)
    }

    /// Index of the sentence containing `offset`, if it is in one.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= offset);
        self.sentences
            .get(i)
            .filter(|s| s.start <= offset)
            .map(|_| i)
    }

    pub fn quotes(&self) -> &Quotes {
        &self.quotes
    }

    /// HTML comments (`<!-- -->`) outside code, where suppression directives live.
    pub fn comments(&self) -> &[Range<usize>] {
        &self.comments
    }
}

/// YAML (`---`) or TOML (`+++`) front matter at the very top, fences included.
fn front_matter(text: &str, start: usize) -> Option<Range<usize>> {
    let body = &text[start..];
    let fence = ["---", "+++"].into_iter().find(|f| {
        body.strip_prefix(f)
            .is_some_and(|rest| rest.starts_with('\n') || rest.starts_with("\r\n"))
    })?;
    let mut pos = start + body.find('\n')? + 1;
    for line in text[pos..].split_inclusive('\n') {
        let end = pos + line.len();
        if line.trim_end() == fence {
            return Some(start..end);
        }
        pos = end;
    }
    None
}

/// HTML comments in Markdown: the spans pulldown-cmark left out of the prose that hold `<!--`.
fn html_comments(text: &str, mask: &str) -> Vec<Range<usize>> {
    HTML_COMMENT
        .find_iter(text)
        .map(|m| m.range())
        // A comment inside code is not a comment; inside prose it would be visible text.
        .filter(|r| mask[r.clone()].trim().is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_directive_shares_its_line_with_the_first_paragraph() {
        let doc = Document::new(
            " date 2022-01-12 Police said so.\nNext para.",
            Format::Plain,
        );
        assert_eq!(&doc.text()[doc.date_directive().unwrap()], "2022-01-12");
        let blocks: Vec<_> = doc
            .blocks()
            .iter()
            .map(|b| &doc.text()[b.clone()])
            .collect();
        assert_eq!(blocks, ["Police said so.", "Next para."]);
        assert!(!doc.prose().contains("2022"));
    }

    #[test]
    fn front_matter_bom_and_crlf() {
        let text = "\u{feff}---\r\ndate: 2022-01-12\r\n---\r\nFirst one. Second one.\r\n";
        let doc = Document::new(text, Format::Markdown);
        assert_eq!(
            doc.front_matter().map(|r| &text[r]),
            Some("---\r\ndate: 2022-01-12\r\n---\r\n")
        );
        let s: Vec<_> = doc.sentences().iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(s, ["First one.", "Second one."]);
    }

    #[test]
    fn lookups_by_offset() {
        let doc = Document::new("One. Two.\n\nThree.", Format::Markdown);
        assert_eq!(doc.block_at(12), Some(1));
        assert_eq!(doc.sentence_at(6), Some(1));
        assert_eq!(doc.block_sentences(0), 0..2);
        assert_eq!(doc.block_at(10), None);
    }
}
