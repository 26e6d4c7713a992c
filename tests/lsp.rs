//! The language server end to end: the real binary, spoken to over stdio.
//!
//! Where an answer depends on what the passes find, the test compares the server with the core
//! on the same text (`copydesk::analyze` + `copydesk::ide`), converting offsets with the
//! client's own UTF-16 arithmetic, so the tests hold, and grow stricter, as passes and rules
//! land. The draft below is written to trigger them.

mod lsp_support;

use copydesk::{Config, Document, Format, ide, rules};
use lsp_support::{Client, Draft};
use serde_json::{Value, json};

const URI: &str = "file:///nonexistent/copydesk-lsp-test/story.md";

const STORY: &str = "date 2022-01-12\n\n\
ALMATY, Kazakhstan — President Kassym-Jomart Tokayev said on Tuesday that 1,200 people \
were detained yesterday. “We will restore order,” Tokayev told reporters.\n\n\
Officials said 1,300 people were detained. “It was chaos.” Zoë 😀 Müller, who runs a café \
in Almaty, said the city was calm last week.\n";

fn analysis(text: &str) -> (Document, copydesk::Analysis) {
    let doc = Document::new(text, Format::Markdown);
    let a = copydesk::analyze(&doc, &Config::default());
    (doc, a)
}

/// What the server must publish for `text`: code, range and message of every core finding.
fn expected(text: &str) -> Vec<(Value, Value, Value)> {
    let draft = Draft {
        text: text.to_owned(),
    };
    analysis(text)
        .1
        .findings
        .iter()
        .map(|f| (json!(f.code), draft.range(f.start, f.end), json!(f.message)))
        .collect()
}

fn published(diags: &[Value]) -> Vec<(Value, Value, Value)> {
    for d in diags {
        assert_eq!(d["source"], "copydesk");
        let code = d["code"].as_str().expect("code");
        let rule = rules::find(code).expect("a known rule");
        assert_eq!(d["codeDescription"]["href"], json!(rule.url()));
    }
    diags
        .iter()
        .map(|d| (d["code"].clone(), d["range"].clone(), d["message"].clone()))
        .collect()
}

fn client() -> Client {
    Client::initialized(json!({}), Value::Null).0
}

#[test]
fn initialize_negotiates_the_encoding_and_advertises_features() {
    let (c, init) = Client::initialized(json!({}), Value::Null);
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["textDocumentSync"]["change"], 2, "incremental sync");
    assert_eq!(caps["hoverProvider"], true);
    assert_eq!(caps["inlayHintProvider"], true);
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["documentSymbolProvider"], true);
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(
        caps["codeActionProvider"]["codeActionKinds"],
        json!(["quickfix", "source.fixAll.copydesk"])
    );
    assert_eq!(caps["diagnosticProvider"]["identifier"], "copydesk");
    assert_eq!(init["serverInfo"]["name"], "copydesk");
    assert!(c.stop().success());

    let (c, init) = Client::initialized(
        json!({"general": {"positionEncodings": ["utf-8", "utf-16"]}}),
        Value::Null,
    );
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    assert!(c.stop().success());
}

#[test]
fn requests_after_shutdown_are_refused_and_exit_ends_the_process() {
    let mut c = client();
    assert_eq!(c.request("shutdown", Value::Null), Ok(Value::Null));
    let e = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
        )
        .unwrap_err();
    assert_eq!(e["code"], -32600, "{e}");
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(0));

    // Without `shutdown`, `exit` still ends the process, with code 1 as the spec says.
    let mut c = client();
    c.notify("exit", Value::Null);
    assert_eq!(c.wait_exit().code(), Some(1));
}

#[test]
fn diagnostics_follow_incremental_edits_and_match_the_core() {
    let mut c = client();
    let mut draft = Draft {
        text: STORY.to_owned(),
    };
    c.open(URI, "markdown", 1, &draft.text);
    assert_eq!(published(&c.diagnostics(URI, 1)), expected(&draft.text));

    // Typing, in several notifications and one with two changes: on the emoji line, before
    // and after non-ASCII text, and a line break.
    let mut version = 1;
    let zoe = draft.text.find("Zoë").unwrap();
    let batches = vec![
        vec![draft.edit(zoe, zoe, "Ms ")],
        {
            let e = draft.text.find("😀").unwrap();
            vec![draft.edit(e, e + "😀".len(), "")]
        },
        {
            let cafe = draft.text.find("café").unwrap();
            let first = draft.edit(cafe + "caf".len(), cafe + "café".len(), "e");
            let y = draft.text.find("yesterday").unwrap();
            let second = draft.edit(y, y + "yesterday".len(), "on Monday");
            vec![first, second]
        },
        {
            let end = draft.text.len();
            vec![draft.edit(end, end, "\nThey said 1,200 were freed on Friday.\n")]
        },
    ];
    for changes in batches {
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": changes}),
        );
    }
    assert_eq!(
        published(&c.diagnostics(URI, version)),
        expected(&draft.text)
    );
    // Whatever was published on the way came in version order: nothing stale after fresh.
    let versions: Vec<i64> = c
        .queued("textDocument/publishDiagnostics")
        .iter()
        .filter_map(|p| p["version"].as_i64())
        .collect();
    assert!(versions.iter().all(|v| *v < version), "{versions:?}");
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "{versions:?}");

    // The server's text is the client's: a hover on the quote spans it exactly.
    let q = draft.text.find("“It was chaos.”").unwrap();
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": draft.pos(q + 3)}),
        )
        .unwrap();
    let end = q + "“It was chaos.”".len();
    assert_eq!(
        hover["range"],
        json!({"start": draft.pos(q), "end": draft.pos(end)}),
        "{hover}"
    );
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("said by"),
        "{hover}"
    );
    // Closing clears the document's diagnostics and frees it.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let cleared = c.notification("textDocument/publishDiagnostics", |p| {
        p["uri"] == URI && p["version"].is_null()
    });
    assert_eq!(cleared["diagnostics"], json!([]));
    let e = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": draft.pos(q)}),
        )
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    assert!(c.stop().success());
}

#[test]
fn hover_ranges_are_exact_on_a_line_with_emoji_and_accents() {
    for (caps, utf8) in [
        (json!({}), false),
        (json!({"general": {"positionEncodings": ["utf-8"]}}), true),
    ] {
        let mut c = Client::initialized(caps, Value::Null).0;
        let mut draft = Draft {
            text: "date 2022-01-12\n\nZoë 😀 é said “Ça va très bien” today.\n".to_owned(),
        };
        c.open(URI, "markdown", 1, &draft.text);
        // Positions in the negotiated unit: bytes for UTF-8, code units for UTF-16.
        let pos = |d: &Draft, offset: usize| {
            if utf8 {
                let line_start = d.text[..offset].rfind('\n').map_or(0, |i| i + 1);
                json!({"line": d.text[..offset].matches('\n').count(), "character": offset - line_start})
            } else {
                d.pos(offset)
            }
        };
        let hover_at = |c: &mut Client, d: &Draft, offset: usize| {
            c.request(
                "textDocument/hover",
                json!({"textDocument": {"uri": URI}, "position": pos(d, offset)}),
            )
            .unwrap()
        };

        let h = hover_at(&mut c, &draft, 7);
        assert!(
            h["contents"]["value"]
                .as_str()
                .unwrap()
                .contains("Wednesday, Jan. 12, 2022"),
            "{h}"
        );
        assert_eq!(
            h["range"],
            json!({"start": pos(&draft, 5), "end": pos(&draft, 15)})
        );

        let quote = "“Ça va très bien”";
        let q = draft.text.find(quote).unwrap();
        let h = hover_at(&mut c, &draft, q + "“Ça".len());
        assert_eq!(
            h["range"],
            json!({"start": pos(&draft, q), "end": pos(&draft, q + quote.len())})
        );

        // An edit inside the quote, sent in the negotiated unit, lands where the client put it.
        let at = q + "“Ça va ".len();
        let change = json!({"range": {"start": pos(&draft, at), "end": pos(&draft, at)}, "text": "vraiment "});
        draft.text.insert_str(at, "vraiment ");
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [change]}),
        );
        let h = hover_at(&mut c, &draft, q + "“".len());
        let end = q + quote.len() + "vraiment ".len();
        assert_eq!(
            h["range"],
            json!({"start": pos(&draft, q), "end": pos(&draft, end)})
        );
        assert!(c.stop().success());
    }
}

#[test]
fn code_actions_round_trip_for_every_core_finding() {
    let mut c = Client::initialized(
        json!({"workspace": {"workspaceEdit": {"documentChanges": true}}}),
        Value::Null,
    )
    .0;
    let mut version = 1;
    c.open(URI, "markdown", version, STORY);
    c.diagnostics(URI, version);
    let (_, a) = analysis(STORY);
    for f in &a.findings {
        // Each finding offers "disable on this line"; applying it silences that finding.
        let mut draft = Draft {
            text: STORY.to_owned(),
        };
        let actions = c
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": URI}, "range": draft.range(f.start, f.end),
                       "context": {"diagnostics": [], "only": ["quickfix"]}}),
            )
            .unwrap();
        let disable = actions
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["title"] == format!("Disable {} on this line", f.code))
            .expect("a disable action");
        let doc_edit = &disable["edit"]["documentChanges"][0];
        assert_eq!(doc_edit["textDocument"]["version"], version);
        draft.apply(doc_edit["edits"].as_array().unwrap());
        let before = expected(STORY).len();
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": draft.text}]}),
        );
        let after = c.diagnostics(URI, version);
        assert!(after.len() < before, "{} still flagged", f.code);
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": STORY}]}),
        );
        c.diagnostics(URI, version);
    }
    // "Fix all safe findings" is offered exactly when the core has a safe fix, and its edit
    // gives the same text as the core's fixer.
    let draft = Draft {
        text: STORY.to_owned(),
    };
    let end = STORY.len();
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": URI}, "range": draft.range(0, end),
                   "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
        )
        .unwrap();
    let actions = actions.as_array().unwrap();
    match ide::fix_all_safe(STORY, &a.findings) {
        None => assert!(actions.is_empty(), "{actions:?}"),
        Some(e) => {
            let mut fixed = Draft {
                text: STORY.to_owned(),
            };
            fixed.apply(
                actions[0]["edit"]["documentChanges"][0]["edits"]
                    .as_array()
                    .unwrap(),
            );
            let mut want = STORY.to_owned();
            want.replace_range(e.start..e.end, &e.replacement);
            assert_eq!(fixed.text, want);
        }
    }
    assert!(c.stop().success());
}

#[test]
fn inlay_hints_and_entity_navigation_match_the_core() {
    let mut c = client();
    c.open(URI, "markdown", 1, STORY);
    c.diagnostics(URI, 1);
    let (doc, a) = analysis(STORY);
    let draft = Draft {
        text: STORY.to_owned(),
    };
    let td = json!({"uri": URI});

    let hints = c
        .request(
            "textDocument/inlayHint",
            json!({"textDocument": td, "range": draft.range(0, STORY.len())}),
        )
        .unwrap();
    let want: Vec<Value> = ide::inlay_hints(&a)
        .into_iter()
        .map(|(at, label)| json!([draft.pos(at), label]))
        .collect();
    let got: Vec<Value> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| json!([h["position"], h["label"]]))
        .collect();
    assert_eq!(got, want);

    let symbols = c
        .request("textDocument/documentSymbol", json!({"textDocument": td}))
        .unwrap();
    assert_eq!(
        symbols.as_array().unwrap().len(),
        ide::symbols(&a).len(),
        "{symbols}"
    );

    for e in &a.facts.entities {
        let ranges: Vec<Value> = e
            .mentions
            .iter()
            .map(|m| draft.range(m.start, m.end))
            .collect();
        for m in &e.mentions {
            let at = json!({"textDocument": td, "position": draft.pos(m.start)});
            let def = c.request("textDocument/definition", at.clone()).unwrap();
            assert_eq!(def["range"], ranges[0]);
            let mut refs = at.clone();
            refs["context"] = json!({"includeDeclaration": true});
            let refs = c.request("textDocument/references", refs).unwrap();
            let got: Vec<Value> = refs
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l["range"].clone())
                .collect();
            assert_eq!(got, ranges);
            let hl = c
                .request("textDocument/documentHighlight", at.clone())
                .unwrap();
            assert_eq!(hl.as_array().unwrap().len(), ranges.len());
            let mut rename = at.clone();
            rename["newName"] = json!("Renamed Person");
            let edit = c.request("textDocument/rename", rename).unwrap();
            let mut renamed = Draft {
                text: STORY.to_owned(),
            };
            renamed.apply(edit["changes"][URI].as_array().unwrap());
            let want = ide::rename(&a, &doc, m.start, "Renamed Person").unwrap();
            let mut expect = STORY.to_owned();
            for e in want.iter().rev() {
                expect.replace_range(e.start..e.end, &e.replacement);
            }
            assert_eq!(renamed.text, expect);
        }
    }
    // Nothing to rename where no entity is named: an error, not a crash.
    let e = c
        .request(
            "textDocument/rename",
            json!({"textDocument": td, "position": {"line": 1, "character": 0}, "newName": "X"}),
        )
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    assert!(c.stop().success());
}

#[test]
fn pull_diagnostics_for_clients_that_ask() {
    let mut c = Client::initialized(
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
        Value::Null,
    )
    .0;
    c.open(URI, "markdown", 1, STORY);
    let report = c
        .request(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )
        .unwrap();
    assert_eq!(report["kind"], "full");
    assert_eq!(
        published(report["items"].as_array().unwrap()),
        expected(STORY)
    );
    assert!(c.stop().success());
}

fn hover_text(c: &mut Client, uri: &str, line: u32, character: u32) -> Value {
    c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": character}}),
    )
    .unwrap()
}

#[test]
fn settings_from_the_editor_and_copydesk_toml() {
    // The size limit from initializationOptions: a bigger draft is refused, with a message.
    let (mut c, _) = Client::initialized(json!({}), json!({"copydesk": {"max_file_size": 40}}));
    c.open(URI, "markdown", 1, STORY);
    let msg = c.notification("window/showMessage", |_| true);
    assert!(
        msg["message"]
            .as_str()
            .unwrap()
            .contains("max_file_size (40 bytes)"),
        "{msg}"
    );
    assert_eq!(c.diagnostics(URI, 1), Vec::<Value>::new());
    assert_eq!(hover_text(&mut c, URI, 0, 7), Value::Null);

    // Raised in the editor: checked again without reopening.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"max_file_size": 100000}}}),
    );
    c.diagnostics(URI, 1);
    assert!(hover_text(&mut c, URI, 0, 7)["contents"]["value"].is_string());

    // A bad value is reported naming it, and the previous settings stay.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"rules": {"no-such-rule": "off"}}}),
    );
    let msg = c.notification("window/showMessage", |_| true);
    assert!(
        msg["message"].as_str().unwrap().contains("no-such-rule"),
        "{msg}"
    );
    // Plain text (`text` is Neovim's name for it) is checked by default; not once the
    // languages setting leaves it out.
    let txt = "file:///nonexistent/copydesk-lsp-test/story.txt";
    c.open(txt, "text", 1, STORY);
    c.diagnostics(txt, 1);
    assert!(hover_text(&mut c, txt, 0, 7)["contents"].is_object());
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"languages": ["markdown"]}}),
    );
    c.diagnostics(txt, 1);
    assert_eq!(hover_text(&mut c, txt, 0, 7), Value::Null);
    assert!(c.stop().success());

    // copydesk.toml next to the draft, re-read when the client reports it changed.
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("copydesk.toml");
    std::fs::write(&toml, "max_file_size = 40\n").unwrap();
    let path = dir.path().join("story.md");
    std::fs::write(&path, STORY).unwrap();
    let uri = format!("file://{}", path.display());
    let (mut c, _) = Client::initialized(
        json!({"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}}),
        Value::Null,
    );
    c.open(&uri, "markdown", 1, STORY);
    let msg = c.notification("window/showMessage", |_| true);
    assert!(msg["message"].as_str().unwrap().contains("max_file_size"));
    c.diagnostics(&uri, 1);
    assert_eq!(hover_text(&mut c, &uri, 0, 7), Value::Null);
    std::fs::write(&toml, "max_file_size = 100000\n").unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": format!("file://{}", toml.display()), "type": 2}]}),
    );
    c.diagnostics(&uri, 1);
    assert!(hover_text(&mut c, &uri, 0, 7)["contents"].is_object());
    assert!(c.stop().success());
}

#[test]
fn faults_get_protocol_errors_and_the_server_keeps_serving() {
    let mut c = client();
    // Unknown document.
    let e = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}}),
        )
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    // Malformed params.
    let e = c
        .request("textDocument/hover", json!({"position": "nowhere"}))
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    c.open(URI, "markdown", 1, STORY);
    c.diagnostics(URI, 1);
    // A position past the end.
    let e = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 99, "character": 0}}),
        )
        .unwrap_err();
    assert_eq!(e["code"], -32602);
    // An edit out of range is rejected whole, logged, and the text stays as it was.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [
            {"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 4}}, "text": "DATE"},
            {"range": {"start": {"line": 50, "character": 0}, "end": {"line": 50, "character": 1}}, "text": "x"}
        ]}),
    );
    let log = c.notification("window/logMessage", |p| {
        p["message"]
            .as_str()
            .is_some_and(|m| m.contains("rejected change"))
    });
    assert!(
        log["message"].as_str().unwrap().contains("past the end"),
        "{log}"
    );
    // A stale version is ignored too.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 1}, "contentChanges": [{"text": "gone"}]}),
    );
    let h = hover_text(&mut c, URI, 0, 7);
    assert!(
        h["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("Jan. 12, 2022"),
        "{h}"
    );
    assert!(c.stop().success());
}
