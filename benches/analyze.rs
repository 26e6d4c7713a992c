//! Analysis throughput, per stage and end to end, on generated news drafts.
//!
//! `cargo bench --bench analyze` prints time per run and MB/s for a 1,000-word draft, a
//! 10,000-word draft and a 1 MB file. The stages are the ones every draft goes through:
//! `Document::new` (prose mask, blocks, sentences, quotations, line index), `Facts::compute`
//! (every analysis pass), `analyze` (facts, rules, suppressions), `end_to_end` (text to
//! findings, what `copydesk check` does per file) and `end_to_end_news` (real articles, when
//! the development corpora are beside the repository).

mod drafts;

use copydesk::{Config, Document, Facts, Format};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use std::sync::LazyLock;

/// The allocator the `copydesk` binary uses (src/main.rs).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

fn main() {
    // Single-threaded numbers: in a one-thread pool the passes `Facts::compute` can run side
    // by side take turns. (The language server benchmark measures them on both cores.)
    rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build_global()
        .expect("no pool built before main");
    divan::main();
}

const SIZES: &[&str] = &["1k-words", "10k-words", "1MB"];

/// The drafts, generated once.
static DRAFTS: LazyLock<[String; 3]> = LazyLock::new(|| {
    [
        drafts::draft(1, 1_000),
        drafts::draft(2, 10_000),
        drafts::draft_of_size(3, 1 << 20),
    ]
});

fn draft(size: &str) -> &'static str {
    let i = SIZES.iter().position(|s| *s == size).unwrap_or(0);
    &DRAFTS[i]
}

fn config() -> Config {
    let mut c = Config::default();
    c.date_override = "2023-03-08".parse().ok();
    c
}

#[divan::bench(args = SIZES)]
fn document_new(bencher: Bencher<'_, '_>, size: &str) {
    let text = draft(size);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Document::new(black_box(text), Format::Markdown));
}

#[divan::bench(args = SIZES)]
fn document_new_plain(bencher: Bencher<'_, '_>, size: &str) {
    let text = draft(size);
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Document::new(black_box(text), Format::Plain));
}

#[divan::bench(args = SIZES)]
fn facts_compute(bencher: Bencher<'_, '_>, size: &str) {
    let text = draft(size);
    let doc = Document::new(text, Format::Markdown);
    let config = config();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| Facts::compute(black_box(&doc), &config));
}

#[divan::bench(args = SIZES)]
fn analyze(bencher: Bencher<'_, '_>, size: &str) {
    let text = draft(size);
    let doc = Document::new(text, Format::Markdown);
    let config = config();
    bencher
        .counter(BytesCount::of_str(text))
        .bench(|| copydesk::analyze(black_box(&doc), &config));
}

#[divan::bench(args = SIZES)]
fn end_to_end(bencher: Bencher<'_, '_>, size: &str) {
    let text = draft(size);
    let config = config();
    bencher.counter(BytesCount::of_str(text)).bench(|| {
        let doc = Document::new(black_box(text), Format::Markdown);
        copydesk::check(&doc, &config)
    });
}

/// Real news, when the development corpora sit beside the repository (`../shared`, or
/// `COPYDESK_SHARED`): TimeBank and PolNeAR dev, one article at a time, as `check` reads them.
/// Empty without them, so the bench still runs for anyone.
static NEWS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let shared = std::env::var_os("COPYDESK_SHARED").map_or_else(
        || std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        std::path::PathBuf::from,
    );
    [
        "corpus/tempeval3/timebank.jsonl",
        "corpus/polnear/polnear_dev.jsonl",
    ]
    .iter()
    .filter_map(|f| std::fs::read_to_string(shared.join(f)).ok())
    .flat_map(|jsonl| {
        jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|d| d["text"].as_str().map(str::to_owned))
            .collect::<Vec<_>>()
    })
    .collect()
});

#[divan::bench]
fn end_to_end_news(bencher: Bencher<'_, '_>) {
    let config = config();
    let bytes: usize = NEWS.iter().map(String::len).sum();
    bencher
        .counter(divan::counter::BytesCount::new(bytes))
        .bench(|| {
            NEWS.iter()
                .map(|text| {
                    copydesk::check(
                        &Document::new(black_box(text.as_str()), Format::Plain),
                        &config,
                    )
                    .len()
                })
                .sum::<usize>()
        });
}
