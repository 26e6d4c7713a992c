//! Hostile input: whatever a draft holds, copydesk gives a correct result or a clear error,
//! never a panic, a hang or runaway memory. The sizes here stay small enough for a debug
//! build; `bench/hostile.sh` runs the release binary on a 100 MB file and other giants.

mod invariants;

use copydesk::{Config, Document, Format};
use std::path::Path;
use std::process::{Command, Output};

fn config() -> Config {
    let mut c = Config::default();
    c.date_override = "2023-03-08".parse().ok();
    c
}

/// Analyse `text` in both formats and check every invariant of the result.
fn survives(text: &str) {
    for format in [Format::Markdown, Format::Plain] {
        let doc = Document::new(text, format);
        let analysis = copydesk::analyze(&doc, &config());
        if let Err(e) = invariants::check_analysis(&doc, &analysis) {
            panic!("{format:?}: {e}");
        }
    }
}

#[test]
fn a_one_megabyte_line() {
    let line = "Police said yesterday that 1,200 “workers” left Zoë's café — 王毅 agreed. "
        .repeat((1 << 20) / 80);
    survives(&line);
    survives(&"x".repeat(1 << 20));
}

#[test]
fn a_hundred_thousand_quotation_marks() {
    for mark in ["\"", "“", "”", "‘", "'", "« "] {
        survives(&mark.repeat(100_000));
    }
    survives(&"“a” \"b\" ‘c’ 'd' ".repeat(25_000));
}

#[test]
fn deeply_nested_lists_and_block_quotes() {
    // Nesting on one line: pulldown-cmark must not recurse once per level.
    survives(&format!(
        "{}Police said so yesterday.\n",
        "- ".repeat(50_000)
    ));
    survives(&format!(
        "{}Police said so yesterday.\n",
        "> ".repeat(50_000)
    ));
    survives(&format!("{}Police said so.\n", ">".repeat(100_000)));
    survives(&format!("{}Police said so.\n", "1. > - ".repeat(20_000)));
    // Nesting by indentation, one level a line.
    let indented: String = (0..2_000)
        .map(|i| format!("{}- level {i} said yesterday\n", "  ".repeat(i)))
        .collect();
    survives(&indented);
    survives(&"[".repeat(50_000));
    survives(&format!("{}x{}", "*".repeat(50_000), "*".repeat(50_000)));
    survives(&"<!--".repeat(50_000));
    survives(&"`".repeat(100_000));
}

#[test]
fn right_to_left_and_combining_text() {
    survives(
        "\u{202b}قال المتحدث باسم الشرطة أمس إن “الوضع هادئ”.\u{202c} Police said so.\n\n\
         שלום \u{200f}“ציטוט”\u{200e} he said.",
    );
    survives(&"e\u{301}\u{302}\u{303}".repeat(50_000));
    survives(&"\u{301}".repeat(100_000));
    survives("Zoë\u{308} said “no\u{301}.” 王毅 said 😀👩‍👩‍👧 yesterday.");
}

#[test]
fn control_characters_line_breaks_and_boms() {
    survives(&"\r".repeat(100_000));
    survives(&"\r\n".repeat(100_000));
    survives(&"\u{feff}".repeat(10_000));
    survives("\u{0}\u{1}\u{7f}\u{85}\u{2028}\u{2029} said “x.”");
    survives(&"\u{2028}Police said.\u{2029}".repeat(10_000));
}

#[test]
fn many_short_sentences_and_abbreviations() {
    survives(&"Gov. Dr. U.S. a.m. J. R. No. 5. ".repeat(20_000));
    survives(&". ".repeat(100_000));
    survives(&"...?!…".repeat(50_000));
}

fn copydesk(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("run copydesk")
}

#[test]
fn bad_files_exit_2_naming_the_file_and_good_ones_are_still_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("latin1.md"), b"caf\xe9 said yesterday\n").unwrap();
    std::fs::write(dir.path().join("binary.md"), b"\x7fELF\x00\x01\x02").unwrap();
    std::fs::write(dir.path().join("good.md"), "Police said so.\n").unwrap();
    for args in [
        &["check", "latin1.md"][..],
        &["check", "binary.md"],
        &["check", "."],
        &["check", "missing.md"],
        &["analyze", "latin1.md"],
        &["analyze", "binary.md"],
    ] {
        let out = copydesk(args, dir.path());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        let named = args[1].trim_start_matches('.');
        assert!(
            ["latin1.md", "binary.md", "missing.md"]
                .iter()
                .any(|f| stderr.contains(f) && (named.is_empty() || *f == named)),
            "{args:?} does not name the file: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    let out = copydesk(&["check", ".", "--format", "json"], dir.path());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(
        report["summary"]["files"], 1,
        "the good file was not checked"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("latin1.md") && stderr.contains("binary.md"),
        "{stderr}"
    );
}

#[test]
fn check_never_writes_in_any_format() {
    let dir = tempfile::tempdir().expect("temp dir");
    let drafts = [
        (
            "story.md",
            "---\ndate: 2023-03-08\n---\n# Fire\n\n“It burned,” he said. Police said yesterday 1,200 people left.\n",
        ),
        (
            "wire.txt",
            "date 2023-03-08\nPolice said yesterday that “nobody was hurt.”\r\n",
        ),
    ];
    for (name, text) in drafts {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let snapshot = || {
        drafts
            .iter()
            .map(|(name, _)| {
                let p = dir.path().join(name);
                let meta = std::fs::metadata(&p).unwrap();
                (
                    std::fs::read(&p).unwrap(),
                    meta.modified().unwrap(),
                    meta.len(),
                )
            })
            .collect::<Vec<_>>()
    };
    let before = snapshot();
    for format in ["human", "json", "sarif", "github"] {
        let out = copydesk(
            &["check", ".", "--format", format, "--color", "always"],
            dir.path(),
        );
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            snapshot(),
            before,
            "check --format {format} changed a draft"
        );
    }
    let out = copydesk(&["analyze", "story.md"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(snapshot(), before, "analyze changed a draft");
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), drafts.len(), "check created files: {names:?}");
}
