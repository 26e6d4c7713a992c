//! The document model's hard cases, through the public API.

use copydesk::text::{Encoding, LineCol, QuoteEnd};
use copydesk::{Document, Format};

fn sentences(doc: &Document) -> Vec<&str> {
    doc.sentences()
        .iter()
        .map(|r| &doc.text()[r.clone()])
        .collect()
}

#[test]
fn markdown_structure_is_not_prose() {
    let md = "---\ntitle: \"Yesterday's news\"\ndate: 2022-01-12\n---\n\n\
# Talks resume\n\n\
Officials met on Monday. See [the statement](https://example.org/monday \"Monday\").\n\n    indented code yesterday\n\n\
```text\nfenced code yesterday\n```\n\n\
<div>html block yesterday</div>\n\n\
<!-- a note: yesterday -->\n\
Inline `code yesterday` stays out. <https://example.org/yesterday>\n\n\
[ref]: https://example.org/yesterday\n";
    let doc = Document::new(md, Format::Markdown);
    assert_eq!(doc.prose().len(), md.len());
    assert_eq!(
        doc.prose().matches("yesterday").count(),
        0,
        "{}",
        doc.prose()
    );
    assert_eq!(doc.prose().matches("Monday").count(), 1);
    assert!(doc.prose().contains("the statement"));
    assert_eq!(sentences(&doc)[0], "Talks resume");
}

#[test]
fn plain_text_markup_tags_and_comments_are_not_prose() {
    let text = "Senators reacted at once.\n\n\
<tweet id=\"7406\" author=\"@roe\">Praying for “Ames” tonight.</tweet>.\n\n\
<!-- note: \"check\" --> A <b>bold</b> move <br/> ended it.\n";
    let doc = Document::new(text, Format::Plain);
    assert_eq!(doc.prose().len(), text.len());
    for markup in ["<", ">", "tweet", "author", "7406", "note", "\""] {
        assert!(!doc.prose().contains(markup), "{markup} in {}", doc.prose());
    }
    for words in ["Praying for “Ames” tonight.", "bold", "move", "ended it."] {
        assert!(
            doc.prose().contains(words),
            "{words} not in {}",
            doc.prose()
        );
    }
    // What the tags wrap is still quoted speech, balanced.
    let quotes = doc.quotes();
    assert_eq!(quotes.quotes.len(), 1);
    assert!(quotes.stray_closes.is_empty());
    assert_eq!(&text[quotes.quotes[0].content.clone()], "Ames");
}

#[test]
fn lists_and_block_quotes_are_prose_blocks() {
    let md =
        "- First item. Still first.\n- Second item.\n\n> A quoted paragraph\n> over two lines.\n";
    let doc = Document::new(md, Format::Markdown);
    let blocks: Vec<_> = doc.blocks().iter().map(|b| &md[b.clone()]).collect();
    assert_eq!(
        blocks,
        [
            "First item. Still first.",
            "Second item.",
            "A quoted paragraph\n> over two lines."
        ]
    );
    assert!(!doc.prose().contains('>'));
    assert_eq!(doc.block_sentences(0).len(), 2);
}

#[test]
fn news_sentences() {
    let doc = Document::new(
        "Sen. Zoë Ortiz, D-Calif., said the U.S. Army left at 9 a.m. on Sept. 3. Inflation hit 3.5%. \
“It’s done,” said Tokayev. “Is it?” 王毅 asked.",
        Format::Plain,
    );
    assert_eq!(
        sentences(&doc),
        [
            "Sen. Zoë Ortiz, D-Calif., said the U.S. Army left at 9 a.m. on Sept. 3.",
            "Inflation hit 3.5%.",
            "“It’s done,” said Tokayev.",
            "“Is it?” 王毅 asked.",
        ]
    );
}

#[test]
fn quotes_straight_curly_nested_and_running_on() {
    let text = "\"Straight,\" she said. “Curly ‘nested’ words,” he said.\n\
“A quote that runs on.\n\
“And ends here,” the minister said.\n\
He said ” wrongly.";
    let doc = Document::new(text, Format::Plain);
    let q = doc.quotes();
    let outer: Vec<_> = q
        .quotes
        .iter()
        .filter(|q| q.depth == 0)
        .map(|q| (&text[q.content.clone()], q.end, q.continued))
        .collect();
    assert_eq!(
        outer,
        [
            ("Straight,", QuoteEnd::Closed, false),
            ("Curly ‘nested’ words,", QuoteEnd::Closed, false),
            ("A quote that runs on.", QuoteEnd::RunsOn, false),
            ("And ends here,", QuoteEnd::Closed, true),
        ]
    );
    assert_eq!(q.quotes.iter().filter(|q| q.depth == 1).count(), 1);
    assert_eq!(q.stray_closes.len(), 1);
}

#[test]
fn crlf_and_non_ascii_positions() {
    let text = "First line.\r\nZoë met 王毅 😀 today.\r\n";
    let doc = Document::new(text, Format::Plain);
    let at = text.find("today").unwrap();
    assert_eq!(
        doc.line_col(at, Encoding::Utf16),
        LineCol { line: 1, col: 14 }
    );
    assert_eq!(
        doc.line_col(at, Encoding::Chars),
        LineCol { line: 1, col: 13 }
    );
    assert_eq!(
        doc.line_col(at, Encoding::Utf8),
        LineCol { line: 1, col: 21 }
    );
    assert_eq!(sentences(&doc), ["First line.", "Zoë met 王毅 😀 today."]);
}

#[test]
fn headings_are_markdown_headings_and_a_plain_title_line() {
    let md = "---\ndate: 2022-01-12\n---\n\n# Tokayev orders troops home\n\nTokayev said so.\n";
    let doc = Document::new(md, Format::Markdown);
    let at = |doc: &Document, s: &str| doc.text().find(s).expect("in the text");
    assert!(doc.in_heading(at(&doc, "Tokayev orders")));
    assert!(!doc.in_heading(at(&doc, "Tokayev said")));

    let plain = "Tokayev orders troops home\n\nKazakh President Kassym-Jomart Tokayev said so.\n";
    let doc = Document::new(plain, Format::Plain);
    assert!(doc.in_heading(0));
    assert!(!doc.in_heading(at(&doc, "Kazakh")));

    // A one-line lede is a sentence, not a title; a lone line is the whole draft.
    for text in [
        "Tokayev resigned.\n\nHe said so on Tuesday.\n",
        "Tokayev orders troops home\n",
    ] {
        assert!(!Document::new(text, Format::Plain).in_heading(0), "{text}");
    }
}
