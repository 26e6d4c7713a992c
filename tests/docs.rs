//! Generated documentation stays current: the README's rule table and `docs/rules.md` are
//! produced from the rule registry. Run `COPYDESK_BLESS=1 cargo test --test docs` to refresh.

use std::path::Path;

const START: &str = "<!-- rules:start -->\n";
const END: &str = "<!-- rules:end -->";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn bless() -> bool {
    std::env::var_os("COPYDESK_BLESS").is_some()
}

#[test]
fn readme_rule_table_is_current() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find(START)
        .expect("README has the rules:start marker")
        + START.len();
    let end = readme.find(END).expect("README has the rules:end marker");
    let table = copydesk::rules::markdown_table();
    if readme[start..end] != table {
        if bless() {
            let fresh = format!("{}{table}{}", &readme[..start], &readme[end..]);
            std::fs::write(&path, fresh).expect("write README.md");
        } else {
            panic!("README rule table is stale: run COPYDESK_BLESS=1 cargo test --test docs");
        }
    }
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
