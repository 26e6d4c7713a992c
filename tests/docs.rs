//! Generated documentation stays current: the README's rule table and `docs/rules.md` are
//! produced from the rule registry. Run `COPYDESK_BLESS=1 cargo test --test docs` to refresh.

use std::path::Path;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";
const SAMPLE_START: &str = "<!-- sample:start -->\n";
const SAMPLE_END: &str = "<!-- sample:end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("COPYDESK_BLESS").is_some()
}

/// Check (or, when blessing, rewrite) the README between two markers.
fn readme_section(start_marker: &str, end_marker: &str, want: &str) {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(start_marker)
        .expect("README has the start marker")
        + start_marker.len();
    let end = readme.find(end_marker).expect("README has the end marker");
    if readme[start..end] != *want {
        if bless() {
            let fresh = format!("{}{want}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, fresh).expect("write README.md");
        } else {
            panic!(
                "README section {start_marker} is stale: run COPYDESK_BLESS=1 cargo test --test docs"
            );
        }
    }
}

#[test]
fn readme_rule_table_is_current() {
    readme_section(START, END, &copydesk::rules::markdown_table());
}

/// The sample output is what `check` prints for the README's main command.
#[test]
fn readme_sample_output_is_current() {
    let path = "examples/port-strike.md";
    let text = std::fs::read_to_string(root().join(path)).expect("example draft");
    let doc = copydesk::Document::new(text, copydesk::Format::from_path(Path::new(path)));
    let findings = copydesk::check(&doc, &copydesk::Config::default());
    let report = copydesk::render::FileReport {
        path,
        doc: &doc,
        findings: &findings,
    };
    let out = copydesk::render::human(&[report], false);
    readme_section(
        SAMPLE_START,
        SAMPLE_END,
        &format!("```text\n$ cargo run --release -- check {path}\n{out}```\n"),
    );
}

#[test]
fn rules_page_is_current() {
    let path = root().join("docs/rules.md");
    let page = copydesk::rules::docs_page();
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    if current != page {
        if bless() {
            std::fs::write(&path, page).expect("write docs/rules.md");
        } else {
            panic!("docs/rules.md is stale: run COPYDESK_BLESS=1 cargo test --test docs");
        }
    }
}
