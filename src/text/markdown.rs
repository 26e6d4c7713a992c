//! Which bytes of a draft are prose.
//!
//! The result is a *prose mask*: a copy of the text, byte for byte the same length, in which
//! everything that is not prose (code, front matter, HTML, link targets, Markdown markup) is
//! blanked to spaces. Newlines are kept. Passes search the mask and their offsets are offsets
//! into the original file, with no mapping table to get wrong.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// The prose mask and the leaf blocks (paragraphs, headings, list items, table cells) of a
/// Markdown text.
pub(crate) struct Prose {
    pub mask: String,
    pub blocks: Vec<Range<usize>>,
    /// The blocks that are headings.
    pub headings: Vec<Range<usize>>,
}

/// Bytes that are blanked: everything but newlines. Multi-byte characters turn into as many
/// spaces as they have bytes, so the mask stays valid UTF-8 of the same length.
pub(crate) fn blank(buf: &mut [u8], range: Range<usize>) {
    for b in &mut buf[range] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

pub(crate) fn markdown(text: &str, skip: usize) -> Prose {
    let mut keep = vec![false; text.len()];
    let mut blocks: Vec<Range<usize>> = Vec::new();
    let mut headings: Vec<Range<usize>> = Vec::new();
    // The number of blocks when the open heading began.
    let mut heading_from: Option<usize> = None;
    let mut open: Option<Range<usize>> = None;
    let mut in_code = 0usize;
    let mut in_meta = false;
    let mut in_autolink = 0usize;

    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let src = &text[skip..];
    let close = |open: &mut Option<Range<usize>>, blocks: &mut Vec<Range<usize>>| {
        if let Some(b) = open.take() {
            blocks.push(b);
        }
    };
    for (event, r) in Parser::new_ext(src, opts).into_offset_iter() {
        let r = r.start + skip..r.end + skip;
        match event {
            Event::Start(Tag::Heading { .. }) => {
                close(&mut open, &mut blocks);
                heading_from = Some(blocks.len());
            }
            Event::End(TagEnd::Heading(_)) => {
                close(&mut open, &mut blocks);
                if let Some(from) = heading_from.take() {
                    headings.extend(blocks.get(from..).unwrap_or_default().iter().cloned());
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::TableCell) => {
                close(&mut open, &mut blocks)
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                close(&mut open, &mut blocks)
            }
            Event::Start(Tag::CodeBlock(_)) => {
                close(&mut open, &mut blocks);
                in_code += 1;
            }
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::MetadataBlock(_)) => in_meta = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_meta = false,
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => in_autolink += 1,
            Event::End(TagEnd::Link) if in_autolink > 0 => in_autolink -= 1,
            Event::Text(_) if in_code == 0 && !in_meta && in_autolink == 0 => {
                keep[r.clone()].iter_mut().for_each(|k| *k = true);
                match &mut open {
                    Some(b) => b.end = r.end,
                    None => open = Some(r),
                }
            }
            // A line break inside a paragraph keeps the paragraph together.
            Event::SoftBreak | Event::HardBreak => {
                if let Some(b) = &mut open {
                    b.end = b.end.max(r.start);
                }
            }
            _ => {}
        }
    }
    close(&mut open, &mut blocks);

    let mut mask = text.as_bytes().to_vec();
    for (i, b) in mask.iter_mut().enumerate() {
        if !keep[i] && *b != b'\n' {
            *b = b' ';
        }
    }
    Prose {
        // Kept ranges are whole Text events, which pulldown-cmark cuts on character
        // boundaries, and blanked bytes are ASCII spaces: the mask is valid UTF-8.
        mask: String::from_utf8(mask)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        blocks,
        headings,
    }
}

/// A plain draft's title line: a first paragraph of one short line that ends in no
/// sentence punctuation, with more text after it ("Tokayev orders troops home").
pub(crate) fn plain_title(mask: &str, blocks: &[Range<usize>]) -> Option<Range<usize>> {
    let first = blocks.first()?.clone();
    let line = mask.get(first.clone())?;
    let title = blocks.len() > 1
        && line.len() <= 120
        && !line.contains('\n')
        && !line
            .trim_end()
            .ends_with(['.', '!', '?', ':', ';', ',', '"', '”']);
    title.then_some(first)
}

/// Plain text is all prose. Paragraphs are separated by blank lines; when the text has no
/// blank lines between its lines (one paragraph a line, as news systems export), every line is
/// a paragraph.
pub(crate) fn plain_blocks(mask: &str, skip: usize) -> Vec<Range<usize>> {
    let body = &mask[skip..];
    let mut seen_text = false;
    let mut gap = false;
    let has_blank_separators = body.lines().any(|l| {
        let blank = l.trim().is_empty();
        let separated = !blank && seen_text && gap;
        gap = blank && seen_text;
        seen_text |= !blank;
        separated
    });
    let mut blocks = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = skip;
    let mut pos = skip;
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank {
            if let Some(s) = start.take() {
                blocks.push(s..last_end);
            }
        } else {
            let lead = content.len() - content.trim_start().len();
            let trail = content.trim_end().len();
            if !has_blank_separators && let Some(s) = start.take() {
                blocks.push(s..last_end);
            }
            start.get_or_insert(pos + lead);
            last_end = pos + trail;
        }
        pos += line.len();
    }
    if let Some(s) = start {
        blocks.push(s..last_end);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose_of(md: &str) -> String {
        markdown(md, 0).mask
    }

    #[test]
    fn code_html_links_and_front_matter_are_not_prose() {
        let md = "---\ndate: 2022-01-12\n---\n# Title\n\nSee `code` and [the report](http://x.org/yesterday).\n<!-- note yesterday -->\n\n```\nyesterday\n```\n";
        let p = prose_of(md);
        assert_eq!(p.len(), md.len());
        assert!(!p.contains("date:"));
        assert!(p.contains("Title"));
        assert!(p.contains("See "));
        assert!(!p.contains("code"));
        assert!(p.contains("the report"));
        assert!(!p.contains("http"));
        assert!(!p.contains("yesterday"));
    }

    #[test]
    fn blocks_are_paragraphs_headings_and_items() {
        let md = "# Head\n\nOne line\nand two.\n\n- item a\n- item b\n";
        let p = markdown(md, 0);
        let texts: Vec<_> = p.blocks.iter().map(|b| &md[b.clone()]).collect();
        assert_eq!(texts, ["Head", "One line\nand two.", "item a", "item b"]);
    }

    #[test]
    fn plain_text_paragraphs() {
        let lines = "First para.\nSecond para.\n";
        let b = plain_blocks(lines, 0);
        assert_eq!(b.len(), 2);
        let wrapped = "A wrapped\nparagraph.\n\nAnother one.\n";
        let b = plain_blocks(wrapped, 0);
        let texts: Vec<_> = b.iter().map(|r| &wrapped[r.clone()]).collect();
        assert_eq!(texts, ["A wrapped\nparagraph.", "Another one."]);
    }
}
