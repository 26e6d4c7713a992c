//! Pairing quotation marks, straight and curly, across a draft's paragraphs.
//!
//! News convention: a quotation that runs over several paragraphs has no closing mark at the
//! end of each paragraph but the last, and each following paragraph opens with a fresh mark.
//! Such a paragraph's quote "runs on"; only a quote that neither closes nor runs on is unclosed.

use serde::Serialize;
use std::ops::Range;

/// How a quotation ends within its paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum QuoteEnd {
    /// A closing mark in the same paragraph.
    Closed,
    /// No closing mark, and the next paragraph opens a quote: the multi-paragraph convention.
    RunsOn,
    /// No closing mark and nothing carries it on.
    Unclosed,
}

/// One quotation within one paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// From the opening mark through the closing mark (or the end of the paragraph).
    pub span: Range<usize>,
    /// The quoted words, without the marks.
    pub content: Range<usize>,
    pub end: QuoteEnd,
    /// This quote continues one that ran on from the previous paragraph.
    pub continued: bool,
    /// 0 for a quotation, 1 for a quotation inside one.
    pub depth: u8,
}

/// Marks the pairing could not explain.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    /// Closing marks with no opening mark before them.
    pub stray_closes: Vec<Range<usize>>,
    /// Curly marks turned the wrong way (“rapists“, ”This): each is paired as the mark its
    /// place calls for, given here.
    pub misturned: Vec<(Range<usize>, char)>,
}

fn opens_context(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
}

/// A height's inch mark ("6'2\"", "6’2”"): digits, a foot mark, digits, then the mark at `i`.
fn inch_mark(text: &str, i: usize) -> bool {
    let b = &text.as_bytes()[..i];
    let inches = b.iter().rev().take_while(|c| c.is_ascii_digit()).count();
    let rest = &b[..b.len() - inches];
    let feet = rest
        .strip_suffix(b"'")
        .or_else(|| rest.strip_suffix("’".as_bytes()));
    (1..=2).contains(&inches) && feet.is_some_and(|f| f.last().is_some_and(u8::is_ascii_digit))
}

fn closes_context(next: Option<char>) -> bool {
    next.is_none_or(|n| !n.is_alphanumeric())
}

struct Open {
    at: usize,
    continued: bool,
    /// Opened by a ” turned the wrong way: one only if the quotation closes in its paragraph,
    /// else the stray closing mark it looks like.
    misturned: bool,
}

/// Pair the marks of every block. `blocks` are document ranges of `mask`.
pub(crate) fn pair(mask: &str, blocks: &[Range<usize>]) -> Quotes {
    let mut out = Quotes::default();
    let mut carry = false;
    for (bi, block) in blocks.iter().enumerate() {
        let text = &mask[block.clone()];
        let mut outer: Option<Open> = None;
        let mut inner: Option<usize> = None;
        let mut from = 0;
        // Jump from mark to mark: every quotation mark is `"`, `'` or starts with byte 0xE2
        // (U+2018..U+201D), so the text between them is never decoded.
        while let Some(skip) = memchr::memchr3(b'"', b'\'', 0xE2, &text.as_bytes()[from..]) {
            let i = from + skip;
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            from = i + c.len_utf8();
            let at = block.start + i;
            let prev = text[..i].chars().next_back();
            let next = text[from..].chars().next();
            match c {
                '"' | '”' if inch_mark(text, i) => {}
                '“' | '"' | '”' => {
                    let straight = c == '"';
                    let can_open = c == '“'
                        || straight
                            && opens_context(prev)
                            && next.is_some_and(|n| !n.is_whitespace());
                    let can_close =
                        c == '”' || straight && !opens_context(prev) && closes_context(next);
                    // A curly mark whose place says the other: “ right after a word and before
                    // a space or a stop closes; ” after a space and before a word opens.
                    let closes_here = c == '“' && !opens_context(prev) && closes_context(next);
                    let opens_here =
                        c == '”' && opens_context(prev) && next.is_some_and(char::is_alphanumeric);
                    let mark = at..at + c.len_utf8();
                    match outer.take() {
                        Some(o) if can_close || !can_open || closes_here => {
                            if o.misturned {
                                out.misturned.push((o.at..o.at + '”'.len_utf8(), '“'));
                            }
                            if closes_here {
                                out.misturned.push((mark, '”'));
                            }
                            inner = None;
                            out.quotes.push(Quote {
                                span: o.at..at + c.len_utf8(),
                                content: o.at + mark_len(mask, o.at)..at,
                                end: QuoteEnd::Closed,
                                continued: o.continued,
                                depth: 0,
                            });
                        }
                        Some(o) => {
                            // A second opening mark while one is open: the first never closed.
                            unclosed(&mut out, mask, &o, trim_end(mask, o.at, at));
                            outer = Some(Open {
                                at,
                                continued: false,
                                misturned: false,
                            });
                        }
                        None if can_open || c == '“' || opens_here => {
                            outer = Some(Open {
                                at,
                                continued: carry,
                                misturned: opens_here,
                            });
                            carry = false;
                        }
                        None => out.stray_closes.push(mark),
                    }
                }
                '‘' | '\'' | '’' if outer.is_some() => {
                    let is_open = (c == '‘' || c == '\'')
                        && opens_context(prev)
                        && next.is_some_and(|n| !n.is_whitespace());
                    let is_close = (c == '’' || c == '\'')
                        && !prev.is_some_and(char::is_whitespace)
                        && closes_context(next);
                    if let (Some(s), true) = (inner, is_close) {
                        out.quotes.push(Quote {
                            span: s..at + c.len_utf8(),
                            // The opening mark may be `‘` (3 bytes) and the closing `'` (1).
                            content: s + mark_len(mask, s)..at,
                            end: QuoteEnd::Closed,
                            continued: false,
                            depth: 1,
                        });
                        inner = None;
                    } else if inner.is_none() && is_open {
                        inner = Some(at);
                    }
                }
                _ => {}
            }
        }
        carry = false;
        if let Some(o) = outer {
            let next_opens = blocks
                .get(bi + 1)
                .is_some_and(|nb| mask[nb.clone()].trim_start().starts_with(['“', '"']));
            if o.misturned {
                out.stray_closes.push(o.at..o.at + '”'.len_utf8());
            } else if next_opens {
                out.quotes.push(Quote {
                    span: o.at..block.end,
                    content: o.at + mark_len(mask, o.at)..block.end,
                    end: QuoteEnd::RunsOn,
                    continued: o.continued,
                    depth: 0,
                });
                carry = true;
            } else {
                unclosed(&mut out, mask, &o, block.end);
            }
        }
    }
    out.quotes.sort_by_key(|q| (q.span.start, q.depth));
    out
}

/// A quotation open from `o` to `end` that never closes; if a ” turned the wrong way opened it,
/// that mark is the stray closing mark it looks like.
fn unclosed(out: &mut Quotes, mask: &str, o: &Open, end: usize) {
    if o.misturned {
        out.stray_closes.push(o.at..o.at + '”'.len_utf8());
        return;
    }
    out.quotes.push(Quote {
        span: o.at..end,
        content: o.at + mark_len(mask, o.at)..end,
        end: QuoteEnd::Unclosed,
        continued: o.continued,
        depth: 0,
    });
}

fn mark_len(mask: &str, at: usize) -> usize {
    mask[at..].chars().next().map_or(1, char::len_utf8)
}

fn trim_end(mask: &str, start: usize, end: usize) -> usize {
    start + mask[start..end].trim_end().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Quotes {
        let blocks = crate::text::markdown::plain_blocks(text, 0);
        pair(text, &blocks)
    }

    /// Each quotation's words and how it ends.
    fn contents<'t>(t: &'t str, q: &Quotes) -> Vec<(&'t str, QuoteEnd)> {
        q.quotes
            .iter()
            .map(|q| (&t[q.content.clone()], q.end))
            .collect()
    }

    #[test]
    fn straight_and_curly_pairs() {
        let t = "“We won,” he said. \"It's over,\" she said.";
        let q = quotes(t);
        assert_eq!(
            contents(t, &q),
            [
                ("We won,", QuoteEnd::Closed),
                ("It's over,", QuoteEnd::Closed)
            ]
        );
        assert!(q.stray_closes.is_empty());
    }

    #[test]
    fn nested_quotes_and_apostrophes() {
        let t = "“He called it ‘a coup,’ and didn’t blink,” she said.";
        let q = quotes(t);
        let got: Vec<_> = q
            .quotes
            .iter()
            .map(|q| (&t[q.content.clone()], q.depth))
            .collect();
        assert_eq!(
            got,
            [
                ("He called it ‘a coup,’ and didn’t blink,", 0),
                ("a coup,", 1)
            ]
        );
    }

    #[test]
    fn inch_marks_are_no_quotation_marks() {
        for t in [
            "“He’s like 6’2”, and I’m not,” Reyes said.",
            "\"He is 6'10\" tall,\" Reyes said.",
        ] {
            let q = quotes(t);
            assert_eq!(q.quotes.len(), 1, "{t}");
            assert_eq!(q.quotes[0].end, QuoteEnd::Closed, "{t}");
            assert!(q.stray_closes.is_empty(), "{t}");
        }
        // A quotation closing after a number is still closed by its mark.
        let t = "“We counted 12,” Reyes said.";
        assert_eq!(
            contents(t, &quotes(t)),
            [("We counted 12,", QuoteEnd::Closed)]
        );
    }

    #[test]
    fn multi_paragraph_convention() {
        let t = "“The first part.\n“The second part,” he said.\n“Unclosed forever.\nDone.";
        let q = quotes(t);
        let got: Vec<_> = q.quotes.iter().map(|q| (q.end, q.continued)).collect();
        assert_eq!(
            got,
            [
                (QuoteEnd::RunsOn, false),
                (QuoteEnd::Closed, true),
                (QuoteEnd::Unclosed, false)
            ]
        );
    }

    #[test]
    fn inner_quote_with_mixed_marks_keeps_content_on_boundaries() {
        let t = "“He said ‘no' twice,” she said.";
        let q = quotes(t);
        let inner = q.quotes.iter().find(|q| q.depth == 1).expect("inner quote");
        assert_eq!(&t[inner.content.clone()], "no");
    }

    #[test]
    fn marks_turned_the_wrong_way_pair_as_their_place_says() {
        let t = "He called them “rapists“ and left.\n”This is over,” she said.";
        let q = quotes(t);
        assert_eq!(
            contents(t, &q),
            [
                ("rapists", QuoteEnd::Closed),
                ("This is over,", QuoteEnd::Closed)
            ]
        );
        let fixes: Vec<_> = q
            .misturned
            .iter()
            .map(|(r, c)| (&t[r.clone()], *c))
            .collect();
        assert_eq!(fixes, [("“", '”'), ("”", '“')]);
        assert!(q.stray_closes.is_empty());
    }

    #[test]
    fn a_wrong_way_opening_mark_that_never_closes_stays_a_stray_close() {
        let q = quotes("”Then nothing more.");
        assert!(q.misturned.is_empty() && q.quotes.is_empty());
        assert_eq!(q.stray_closes.len(), 1);
        assert_eq!(q.stray_closes[0], 0..3);
    }

    #[test]
    fn stray_close() {
        let q = quotes("He said no.” Then left.");
        assert_eq!(q.stray_closes.len(), 1);
    }
}
