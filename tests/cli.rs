//! The `copydesk` binary as CI runs it: every output format, exit code and input error.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

/// A draft with one error (a weekday that does not match its date) and nothing else.
const WRONG_WEEKDAY: &str =
    "date 2023-03-08\nThe talks opened on Tuesday, Feb. 15, 2023, in the capital.\n";
const CLEAN: &str =
    "date 2023-03-08\nThe museum reopened its west wing after a two-year renovation.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command, stdin: Option<&str>) -> Run {
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    })
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("spawn copydesk");
    if let Some(input) = stdin {
        use std::io::Write;
        // A command that fails on its arguments exits without reading: a broken pipe is fine.
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes());
    }
    let Output {
        status,
        stdout,
        stderr,
    } = child.wait_with_output().expect("wait");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

fn dir_with(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, body) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, body).expect("write");
    }
    dir
}

fn check(dir: &Path, args: &[&str]) -> Run {
    run(bin().current_dir(dir).arg("check").args(args), None)
}

#[test]
fn human_output_underlines_the_span_and_exits_1() {
    let d = dir_with(&[("story.txt", WRONG_WEEKDAY.as_bytes())]);
    let r = check(d.path(), &["story.txt", "--color", "never"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(r.stdout.contains("error[weekday-mismatch]"), "{}", r.stdout);
    assert!(r.stdout.contains("story.txt:2:"), "{}", r.stdout);
    assert!(r.stdout.contains("^^^"), "{}", r.stdout);
    assert!(
        r.stdout.contains("1 error in 1 of 1 draft."),
        "{}",
        r.stdout
    );
    assert!(
        !r.stdout.contains('\u{1b}'),
        "no colour when not a terminal"
    );
}

#[test]
fn clean_drafts_exit_0() {
    let d = dir_with(&[("a.md", CLEAN.as_bytes())]);
    let r = check(d.path(), &["a.md"]);
    assert_eq!(
        (r.code, r.stdout.as_str()),
        (0, "No findings in 1 draft.\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn fail_on_sets_the_threshold() {
    let d = dir_with(&[("s.txt", WRONG_WEEKDAY.as_bytes())]);
    assert_eq!(check(d.path(), &["s.txt", "--fail-on", "error"]).code, 1);
    assert_eq!(check(d.path(), &["s.txt", "--fail-on", "never"]).code, 0);
}

#[test]
fn json_has_the_documented_fields() {
    let d = dir_with(&[("s.txt", WRONG_WEEKDAY.as_bytes())]);
    let r = check(d.path(), &["s.txt", "--format", "json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    let f = &v["findings"][0];
    let keys = [
        "path",
        "code",
        "severity",
        "message",
        "start",
        "end",
        "line",
        "column",
        "end_line",
        "end_column",
        "fixes",
        "related",
        "url",
    ];
    for key in keys {
        assert!(!f[key].is_null(), "missing {key} in {f}");
    }
    // In the README's order, which people read the output in.
    let at: Vec<usize> = keys
        .iter()
        .map(|k| r.stdout.find(&format!("\"{k}\":")).expect("key"))
        .collect();
    assert!(at.is_sorted(), "keys out of the documented order: {at:?}");
    assert_eq!(f["path"], "s.txt");
    assert_eq!(f["code"], "weekday-mismatch");
    assert_eq!(f["line"], 2);
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&WRONG_WEEKDAY[s..e].to_lowercase()[..7], "tuesday");
    let edit = &f["fixes"][0]["edits"][0];
    assert_eq!(edit["replacement"], "Wednesday");
    assert_eq!(v["summary"]["error"], 1);
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let d = dir_with(&[
        ("dir one/s.txt", WRONG_WEEKDAY.as_bytes()),
        ("b.md", CLEAN.as_bytes()),
    ]);
    let r = check(d.path(), &[".", "--format", "sarif"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let sarif: Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    let schema_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).expect("schema"))
            .expect("schema JSON");
    let validator = jsonschema::draft4::new(&schema).expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{e} at {}", e.instance_path))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid: {errors:#?}");
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "weekday-mismatch");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "dir%20one/s.txt"
    );
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules");
    assert!(
        rules
            .iter()
            .all(|r| r["help"]["text"].as_str().is_some_and(|t| !t.is_empty()))
    );
}

#[test]
fn github_annotations() {
    let d = dir_with(&[("s.txt", WRONG_WEEKDAY.as_bytes())]);
    let r = check(d.path(), &["s.txt", "--format", "github"]);
    assert_eq!(r.code, 1);
    let line = r.stdout.lines().next().expect("one annotation");
    assert!(line.starts_with("::error file=s.txt,line=2,col="), "{line}");
    assert!(line.contains("title=copydesk weekday-mismatch::"), "{line}");
}

#[test]
fn stdin_is_a_draft_named_dash() {
    let r = run(
        bin().args(["check", "-", "--format", "json"]),
        Some(WRONG_WEEKDAY),
    );
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["findings"][0]["path"], "-");
    let r = run(bin().args(["analyze", "-"]), Some(CLEAN));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn bad_inputs_are_named_errors_with_exit_2() {
    let d = dir_with(&[
        ("bin.md", b"\x7fELF\x00\x00\x01".as_slice()),
        ("latin1.txt", b"Caf\xe9 society\n".as_slice()),
        ("ok.md", CLEAN.as_bytes()),
    ]);
    let r = check(d.path(), &["bin.md", "latin1.txt", "missing.md", "ok.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("bin.md: looks like a binary file"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("latin1.txt: is not valid UTF-8 (byte 0xE9 at offset 3, line 1)"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("missing.md: no such file"),
        "{}",
        r.stderr
    );
    assert!(
        r.stdout.contains("No findings in 1 draft."),
        "the good file is still checked"
    );
    let r = run(bin().current_dir(d.path()).args(["analyze", "."]), None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(".: is a directory"), "{}", r.stderr);
}

#[test]
fn bom_and_crlf_keep_offsets_on_the_original_bytes() {
    let text = format!("\u{feff}{}", WRONG_WEEKDAY.replace('\n', "\r\n"));
    let d = dir_with(&[("s.txt", text.as_bytes())]);
    let r = check(d.path(), &["s.txt", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let f = &v["findings"][0];
    let (s, e) = (
        f["start"].as_u64().unwrap() as usize,
        f["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..s + 7], "Tuesday");
    assert!(e > s);
    assert_eq!(
        (f["line"].as_u64(), f["column"].as_u64()),
        (Some(2), Some(21))
    );
}

#[test]
fn config_is_discovered_and_checked() {
    let d = dir_with(&[
        (
            "desk/copydesk.toml",
            b"[rules]\nweekday-mismatch = \"off\"\n".as_slice(),
        ),
        ("desk/drafts/s.txt", WRONG_WEEKDAY.as_bytes()),
        (
            "bad/copydesk.toml",
            b"refrence_date = \"today\"\n".as_slice(),
        ),
        ("bad/s.txt", CLEAN.as_bytes()),
        (
            "typo/copydesk.toml",
            b"[rules]\nrelative-dates = \"off\"\n".as_slice(),
        ),
        ("typo/s.txt", CLEAN.as_bytes()),
    ]);
    assert_eq!(
        check(d.path(), &["desk"]).code,
        0,
        "rule turned off by the discovered config"
    );
    let r = check(d.path(), &["bad/s.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("copydesk.toml") && r.stderr.contains("refrence_date"),
        "{}",
        r.stderr
    );
    let r = check(d.path(), &["typo/s.txt"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("unknown rule `relative-dates`"),
        "{}",
        r.stderr
    );
    let r = check(d.path(), &["desk", "--config", "bad/copydesk.toml"]);
    assert_eq!(r.code, 2, "--config replaces discovery: {}", r.stderr);
}

#[test]
fn drafts_over_max_file_size_are_refused_by_name() {
    let d = dir_with(&[
        ("copydesk.toml", b"max_file_size = 20\n".as_slice()),
        ("long.md", CLEAN.as_bytes()),
    ]);
    let r = check(d.path(), &["long.md"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("long.md: is 79 bytes, over the limit of 20"),
        "{}",
        r.stderr
    );
    let r = run(
        bin().current_dir(d.path()).args(["check", "-"]),
        Some(CLEAN),
    );
    assert_eq!(r.code, 2, "stdin too: {}", r.stderr);
}

#[test]
fn date_flag_overrides_the_draft() {
    let d = dir_with(&[("s.txt", CLEAN.as_bytes())]);
    let r = run(
        bin()
            .current_dir(d.path())
            .args(["analyze", "s.txt", "--date", "2020-02-29"]),
        None,
    );
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["reference_date"]["value"], "2020-02-29");
    assert_eq!(v["reference_date"]["source"], "option");
    let r = run(bin().current_dir(d.path()).args(["analyze", "s.txt"]), None);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    assert_eq!(v["reference_date"]["source"], "date-line");
    for key in [
        "dates",
        "entities",
        "quotes",
        "attributions",
        "figures",
        "findings",
    ] {
        assert!(v[key].is_array(), "analyze lacks {key}");
    }
    let r = run(
        bin().args(["check", "-", "--date", "2022-02-30"]),
        Some(CLEAN),
    );
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("2022-02-30"), "{}", r.stderr);
}

#[test]
fn folders_are_walked_in_order_respecting_gitignore() {
    let d = dir_with(&[
        (".gitignore", b"ignored/\n".as_slice()),
        ("b.md", WRONG_WEEKDAY.as_bytes()),
        ("a/z.txt", WRONG_WEEKDAY.as_bytes()),
        ("ignored/c.md", WRONG_WEEKDAY.as_bytes()),
        ("notes.html", WRONG_WEEKDAY.as_bytes()),
    ]);
    std::fs::create_dir(d.path().join(".git")).expect(".git");
    let r = check(d.path(), &[".", "--format", "json"]);
    let v: Value = serde_json::from_str(&r.stdout).expect("JSON");
    let paths: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert_eq!(paths, ["a/z.txt", "b.md"]);
}

#[test]
fn check_never_writes_drafts() {
    let d = dir_with(&[("s.txt", WRONG_WEEKDAY.as_bytes())]);
    let p: PathBuf = d.path().join("s.txt");
    let before = std::fs::metadata(&p)
        .and_then(|m| m.modified())
        .expect("mtime");
    for format in ["human", "json", "sarif", "github"] {
        check(d.path(), &["s.txt", "--format", format]);
    }
    assert_eq!(std::fs::read(&p).expect("read"), WRONG_WEEKDAY.as_bytes());
    assert_eq!(
        std::fs::metadata(&p)
            .and_then(|m| m.modified())
            .expect("mtime"),
        before
    );
}

#[test]
fn rules_and_explain() {
    let r = run(bin().arg("rules"), None);
    assert!(r.stdout.contains("weekday-mismatch"), "{}", r.stdout);
    let r = run(bin().args(["explain", "weekday-mismatch"]), None);
    assert_eq!(r.code, 0);
    assert!(
        r.stdout.contains("**Flagged:**") && r.stdout.contains("**Instead:**"),
        "{}",
        r.stdout
    );
    let r = run(bin().args(["explain", "no-such-rule"]), None);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no rule `no-such-rule`"));
    let r = run(bin().arg("--version"), None);
    assert!(r.stdout.starts_with("copydesk "), "{}", r.stdout);
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // Far more output than a pipe holds, read by no one: `copydesk analyze big.md | head -0`.
    let para = "“We will rebuild,” the mayor said on Monday, after 1,200 homes burned.\n\n";
    let d = dir_with(&[("big.md", para.repeat(3_000).as_bytes())]);
    for args in [
        vec!["analyze", "big.md"],
        vec!["check", "big.md", "--format", "json"],
    ] {
        let mut child = bin()
            .current_dir(d.path())
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {stderr}"
        );
    }
}
