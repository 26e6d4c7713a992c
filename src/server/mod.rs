//! `copydesk lsp`: the language server, the only module that knows LSP (via
//! `tower-lsp-server`, whose types change between releases and stay inside this folder).
//!
//! Ordering and freshness: the transport runs one message at a time (`concurrency_level(1)`),
//! and edits are applied synchronously in their handler, so they land strictly in order.
//! Analysis runs on one dedicated thread, one task per document at a time; a task that finishes
//! on an old version drops its result and analyses the newest text instead, so fast typing
//! coalesces into one check of the latest version rather than a queue of stale ones. A request
//! that arrives while that task runs waits for its result instead of analysing twice. Every
//! analysis runs under `catch_unwind`: a panic is logged to the client and the server goes on.
//!
//! The server never writes a file: fixes, renames and suppressions are `WorkspaceEdit`s the
//! client applies.

mod convert;
mod settings;
mod state;

use crate::finding::Applicability;
use crate::ide;
use crate::text::{Document, Encoding, Format};
use convert::Conv;
use settings::Workspace;
use state::{Computed, DocState};
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

/// The "fix all safe findings" source action's kind.
const FIX_ALL: CodeActionKind = CodeActionKind::new("source.fixAll.copydesk");

/// Serve LSP on stdin/stdout until the client says `exit` (or closes stdin). `Ok(true)` when a
/// `shutdown` request came first, which the spec makes the difference between exit code 0 and 1.
pub fn run_stdio() -> std::io::Result<bool> {
    // One thread for protocol IO (its stdin and stdout use the blocking pool); analysis runs
    // on the `Analyser` thread.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .max_blocking_threads(4)
        .build()?;
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    rt.block_on(async {
        let (service, socket) = LspService::new(move |client| Backend::new(client, flag));
        Server::new(tokio::io::stdin(), tokio::io::stdout(), socket)
            .concurrency_level(1)
            .serve(service)
            .await;
    });
    // Nothing still running on the blocking pool is of use to anyone now.
    rt.shutdown_timeout(std::time::Duration::from_millis(100));
    Ok(shut_down.load(Ordering::SeqCst))
}

/// What the client told us it can do, fixed at `initialize`.
#[derive(Clone, Copy)]
struct Caps {
    enc: Encoding,
    /// Push diagnostics (the client does not pull them).
    push: bool,
    versioned_edits: bool,
    watch_files: bool,
    refresh_pulled: bool,
    refresh_inlay_hints: bool,
}

struct Inner {
    client: Client,
    docs: Mutex<HashMap<Uri, DocState>>,
    ws: Mutex<Workspace>,
    caps: OnceLock<Caps>,
    /// A problem with `initializationOptions`, shown once the client is ready.
    init_problem: Mutex<Option<String>>,
    /// `shutdown` was received.
    shut_down: Arc<AtomicBool>,
    /// Signalled whenever a background task stores an analysis.
    stored: tokio::sync::Notify,
    analyser: Analyser,
}

type Job = Box<dyn FnOnce() + Send>;

/// The one thread every analysis runs on. One warm thread keeps the regex caches and the
/// allocator's arena single, so memory stays flat however many drafts are open (a pool of
/// blocking threads grew both per thread), and a keystroke never waits for a thread to start.
struct Analyser(std::sync::mpsc::Sender<Job>);

impl Analyser {
    fn start() -> Self {
        let (tx, rx) = std::sync::mpsc::channel::<Job>();
        let spawned = std::thread::Builder::new()
            .name("copydesk-analysis".into())
            .spawn(move || rx.into_iter().for_each(|job| job()));
        if let Err(e) = spawned {
            // `run` then reports every analysis as failed, to the client, instead of a crash.
            eprintln!("copydesk: cannot start the analysis thread: {e}");
        }
        Analyser(tx)
    }

    /// Run `f` on the analysis thread, panics caught.
    async fn run<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> std::result::Result<T, String> {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let _ = tx.send(caught(f));
        });
        let stopped = || "the analysis thread has stopped".to_owned();
        self.0.send(job).map_err(|_| stopped())?;
        rx.await.map_err(|_| stopped())?
    }
}

pub struct Backend(Arc<Inner>);

/// Lock a mutex, recovering it if a panic poisoned it (the data is still consistent: every
/// critical section leaves it so before anything that could panic).
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Run `f`, turning a panic into its message.
fn caught<T>(f: impl FnOnce() -> T) -> std::result::Result<T, String> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|p| {
        p.downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned())
    })
}

fn unknown(uri: &Uri) -> Error {
    Error::invalid_params(format!(
        "unknown document {}: send textDocument/didOpen first",
        uri.as_str()
    ))
}

/// A copy of a document to analyse off the protocol thread.
struct Snapshot {
    uri: Uri,
    text: String,
    version: i32,
    language: String,
    path: Option<PathBuf>,
}

impl Inner {
    fn caps(&self) -> Caps {
        self.caps.get().copied().unwrap_or(Caps {
            enc: Encoding::Utf16,
            push: true,
            versioned_edits: false,
            watch_files: false,
            refresh_pulled: false,
            refresh_inlay_hints: false,
        })
    }

    async fn log(&self, typ: MessageType, message: String) {
        self.client.log_message(typ, message).await;
    }

    fn snapshot(uri: &Uri, d: &DocState) -> Snapshot {
        Snapshot {
            uri: uri.clone(),
            text: d.text.clone(),
            version: d.version,
            language: d.language.clone(),
            path: d.path.clone(),
        }
    }

    /// Analyse one version: resolve its configuration, refuse it if too big or not a checked
    /// language, and run the core on the analysis thread with panics caught.
    async fn analyse(&self, snap: Snapshot) -> Arc<Computed> {
        let (config, problem) = lock(&self.ws).config_for(snap.path.as_deref());
        if let Some(p) = problem {
            self.client
                .show_message(MessageType::ERROR, format!("copydesk: {p}"))
                .await;
        }
        let checked = config.languages.contains(&snap.language);
        let too_big = snap.text.len() as u64 > config.max_file_size;
        if checked && too_big {
            let first = lock(&self.docs)
                .get_mut(&snap.uri)
                .is_some_and(|d| !std::mem::replace(&mut d.warned_size, true));
            if first {
                self.client
                    .show_message(
                        MessageType::WARNING,
                        format!(
                            "copydesk: {} is {} bytes, over max_file_size ({} bytes), so it is \
                             not checked. Raise max_file_size in copydesk.toml or the editor \
                             settings to check it.",
                            snap.uri.as_str(),
                            snap.text.len(),
                            config.max_file_size
                        ),
                    )
                    .await;
            }
        }
        let format = match (snap.language.as_str(), &snap.path) {
            ("plaintext", _) => Format::Plain,
            (_, Some(p)) => Format::from_path(p),
            (_, None) => Format::Markdown,
        };
        let version = snap.version;
        let path = snap.path;
        let text = snap.text;
        let outcome = self
            .analyser
            .run(move || {
                // A document that is not checked is not even parsed: typing in a huge file
                // must stay cheap.
                let wanted = checked && !too_big;
                let doc = Document::new(if wanted { text } else { String::new() }, format);
                let analysis = wanted.then(|| {
                    let config = settings::for_draft(&config, path.as_deref());
                    crate::analyze(&doc, &config)
                });
                Computed {
                    version,
                    doc,
                    analysis,
                }
            })
            .await;
        Arc::new(outcome.unwrap_or_else(|why| {
            // Keep serving: this version simply has no analysis.
            let client = self.client.clone();
            let message = format!(
                "copydesk: analysis of {} (version {version}) failed: {why}",
                snap.uri.as_str()
            );
            tokio::spawn(async move { client.log_message(MessageType::ERROR, message).await });
            Computed {
                version,
                doc: Document::new(String::new(), format),
                analysis: None,
            }
        }))
    }

    /// Make sure the document's newest version gets analysed and published. At most one task
    /// per document runs; it loops until its result is for the current version.
    fn schedule(self: &Arc<Self>, uri: Uri) {
        {
            let mut docs = lock(&self.docs);
            let Some(d) = docs.get_mut(&uri) else { return };
            if std::mem::replace(&mut d.busy, true) {
                return;
            }
        }
        let inner = self.clone();
        tokio::spawn(async move {
            inner.work(&uri).await;
            // Whatever happened, nobody waiting for this document should wait on.
            inner.stored.notify_waiters();
        });
    }

    /// The background task of [`Inner::schedule`].
    async fn work(&self, uri: &Uri) {
        loop {
            let snap = {
                let mut docs = lock(&self.docs);
                let Some(d) = docs.get_mut(uri) else { return };
                if d.is_current() {
                    d.busy = false;
                    return;
                }
                Self::snapshot(uri, d)
            };
            let computed = self.analyse(snap).await;
            let current = {
                let mut docs = lock(&self.docs);
                let Some(d) = docs.get_mut(uri) else { return };
                let current = d.version == computed.version;
                if current {
                    d.computed = Some(computed.clone());
                }
                current
            };
            self.stored.notify_waiters();
            // A result for an old version is dropped: the loop analyses the new one.
            if current && self.caps().push {
                let diags = self.diagnostics(uri, &computed);
                self.client
                    .publish_diagnostics(uri.clone(), diags, Some(computed.version))
                    .await;
            }
        }
    }

    fn diagnostics(&self, uri: &Uri, c: &Computed) -> Vec<Diagnostic> {
        let conv = Conv::of(&c.doc, self.caps().enc);
        c.analysis
            .iter()
            .flat_map(|a| &a.findings)
            .map(|f| convert::diagnostic(conv, uri, f))
            .collect()
    }

    /// The analysis of the document's current version. While the background task is on it,
    /// wait for its result rather than analysing the same text twice; otherwise analyse now.
    async fn current(&self, uri: &Uri) -> Result<Arc<Computed>> {
        loop {
            // Registered before looking, so a result stored in between still wakes us.
            let stored = self.stored.notified();
            tokio::pin!(stored);
            stored.as_mut().enable();
            let snap = {
                let docs = lock(&self.docs);
                let d = docs.get(uri).ok_or_else(|| unknown(uri))?;
                match &d.computed {
                    Some(c) if d.is_current() => return Ok(c.clone()),
                    _ if !d.busy => Some(Self::snapshot(uri, d)),
                    _ => None,
                }
            };
            if let Some(snap) = snap {
                return Ok(self.analyse(snap).await);
            }
            stored.await;
        }
    }

    /// Configuration changed: re-check every open document.
    fn recheck_all(self: &Arc<Self>) {
        let uris: Vec<Uri> = {
            let mut docs = lock(&self.docs);
            for d in docs.values_mut() {
                d.computed = None;
                d.warned_size = false;
            }
            docs.keys().cloned().collect()
        };
        for uri in uris {
            self.schedule(uri);
        }
        // Pulled diagnostics and inlay hints (resolved dates move with the reference date) are
        // asked for again; not awaited, as the answers come through the same queue.
        let caps = self.caps();
        let client = self.client.clone();
        tokio::spawn(async move {
            if !caps.push && caps.refresh_pulled {
                let _ = client.workspace_diagnostic_refresh().await;
            }
            if caps.refresh_inlay_hints {
                let _ = client.inlay_hint_refresh().await;
            }
        });
    }
}

/// Run an IDE query with panics caught: a bug in one feature answers with an error instead of
/// taking the server down.
async fn guarded<T>(inner: &Inner, what: &str, f: impl FnOnce() -> T) -> Result<T> {
    match caught(f) {
        Ok(v) => Ok(v),
        Err(why) => {
            inner
                .log(
                    MessageType::ERROR,
                    format!("copydesk: {what} failed: {why}"),
                )
                .await;
            Err(Error::internal_error())
        }
    }
}

/// The analysed document at a position: its analysis, converter and the byte offset.
/// `None` when the document is not checked.
struct At {
    computed: Arc<Computed>,
    enc: Encoding,
    offset: usize,
}

impl At {
    fn conv(&self) -> Conv<'_> {
        Conv::of(&self.computed.doc, self.enc)
    }
    fn analysis(&self) -> &crate::Analysis {
        self.computed
            .analysis
            .as_ref()
            .expect("At is only built for analysed documents")
    }
}

impl Backend {
    fn new(client: Client, shut_down: Arc<AtomicBool>) -> Backend {
        Backend(Arc::new(Inner {
            client,
            docs: Mutex::new(HashMap::new()),
            ws: Mutex::new(Workspace::default()),
            caps: OnceLock::new(),
            init_problem: Mutex::new(None),
            shut_down,
            stored: tokio::sync::Notify::new(),
            analyser: Analyser::start(),
        }))
    }

    async fn at(&self, doc: &TextDocumentPositionParams) -> Result<Option<At>> {
        let computed = self.0.current(&doc.text_document.uri).await?;
        if computed.analysis.is_none() {
            return Ok(None);
        }
        let enc = self.0.caps().enc;
        let offset = Conv::of(&computed.doc, enc)
            .offset(doc.position)
            .ok_or_else(|| {
                Error::invalid_params(format!(
                    "position {}:{} is past the end of the document",
                    doc.position.line, doc.position.character
                ))
            })?;
        Ok(Some(At {
            computed,
            enc,
            offset,
        }))
    }

    fn edit(&self, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
        convert::workspace_edit(uri, version, edits, self.0.caps().versioned_edits)
    }
}

fn wants(only: &Option<Vec<CodeActionKind>>, kind: &CodeActionKind) -> bool {
    only.as_ref().is_none_or(|only| {
        only.iter().any(|o| {
            kind.as_str() == o.as_str() || kind.as_str().starts_with(&format!("{}.", o.as_str()))
        })
    })
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let c = &params.capabilities;
        let utf8 = c
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref())
            .is_some_and(|e| e.contains(&PositionEncodingKind::UTF8));
        let ws = c.workspace.as_ref();
        let caps = Caps {
            enc: if utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            },
            push: c
                .text_document
                .as_ref()
                .is_none_or(|t| t.diagnostic.is_none()),
            versioned_edits: ws
                .and_then(|w| w.workspace_edit.as_ref())
                .and_then(|e| e.document_changes)
                .unwrap_or(false),
            watch_files: ws
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false),
            refresh_pulled: ws
                .and_then(|w| w.diagnostics.as_ref())
                .and_then(|d| d.refresh_support)
                .unwrap_or(false),
            refresh_inlay_hints: ws
                .and_then(|w| w.inlay_hint.as_ref())
                .and_then(|h| h.refresh_support)
                .unwrap_or(false),
        };
        let _ = self.0.caps.set(caps);
        {
            let mut ws = lock(&self.0.ws);
            ws.set_roots(
                params
                    .workspace_folders
                    .iter()
                    .flatten()
                    .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
                    .collect(),
            );
            if let Some(opts) = &params.initialization_options
                && let Err(e) = ws.set_editor(opts)
            {
                *lock(&self.0.init_problem) = Some(e.to_string());
            }
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "copydesk".to_owned(),
                version: Some(env!("CARGO_PKG_VERSION").to_owned()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(if utf8 {
                    PositionEncodingKind::UTF8
                } else {
                    PositionEncodingKind::UTF16
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        ..Default::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_highlight_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                rename_provider: Some(OneOf::Right(RenameOptions {
                    prepare_provider: Some(true),
                    work_done_progress_options: WorkDoneProgressOptions::default(),
                })),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, FIX_ALL]),
                        ..Default::default()
                    },
                )),
                inlay_hint_provider: Some(OneOf::Left(true)),
                diagnostic_provider: Some(DiagnosticServerCapabilities::Options(
                    DiagnosticOptions {
                        identifier: Some("copydesk".to_owned()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        work_done_progress_options: WorkDoneProgressOptions::default(),
                    },
                )),
                ..Default::default()
            },
            ..Default::default()
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        let problem = lock(&self.0.init_problem).take();
        if let Some(p) = problem {
            self.0
                .client
                .show_message(MessageType::ERROR, format!("copydesk: {p}"))
                .await;
        }
        if self.0.caps().watch_files {
            // Not awaited here: the answer comes back through the same queue.
            let client = self.0.client.clone();
            tokio::spawn(async move {
                let watchers = ["**/copydesk.toml", "**/*.{toml,csv}"]
                    .into_iter()
                    .map(|g| FileSystemWatcher {
                        glob_pattern: GlobPattern::String(g.to_owned()),
                        kind: None,
                    })
                    .collect();
                let options = DidChangeWatchedFilesRegistrationOptions { watchers };
                let registration = Registration {
                    id: "copydesk-config-files".to_owned(),
                    method: "workspace/didChangeWatchedFiles".to_owned(),
                    register_options: serde_json::to_value(options).ok(),
                };
                if let Err(e) = client.register_capability(vec![registration]).await {
                    client
                        .log_message(
                            MessageType::WARNING,
                            format!("copydesk: cannot watch copydesk.toml: {e}"),
                        )
                        .await;
                }
            });
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.0.shut_down.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let uri = params.text_document.uri.clone();
        lock(&self.0.docs).insert(uri.clone(), DocState::new(params.text_document));
        self.0.schedule(uri);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let problem = {
            let mut docs = lock(&self.0.docs);
            match docs.get_mut(&uri) {
                None => Some(format!("change to unknown document {}", uri.as_str())),
                Some(d) if version <= d.version => Some(format!(
                    "ignored change to {} version {version}: already at version {}",
                    uri.as_str(),
                    d.version
                )),
                Some(d) => match state::apply_changes(
                    &mut d.text,
                    &params.content_changes,
                    self.0.caps().enc,
                ) {
                    Ok(()) => {
                        d.version = version;
                        None
                    }
                    Err(e) => Some(format!(
                        "rejected change to {} version {version}: {e}",
                        uri.as_str()
                    )),
                },
            }
        };
        match problem {
            None => self.0.schedule(uri),
            Some(p) => {
                self.0
                    .log(MessageType::ERROR, format!("copydesk: {p}"))
                    .await
            }
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        let was_open = lock(&self.0.docs).remove(&uri).is_some();
        if was_open && self.0.caps().push {
            self.0
                .client
                .publish_diagnostics(uri, Vec::new(), None)
                .await;
        }
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let result = lock(&self.0.ws).set_editor(&params.settings);
        match result {
            Ok(()) => self.0.recheck_all(),
            Err(e) => {
                self.0
                    .client
                    .show_message(MessageType::ERROR, format!("copydesk: {e}"))
                    .await;
            }
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let relevant = {
            let mut ws = lock(&self.0.ws);
            let hit = params
                .changes
                .iter()
                .any(|c| c.uri.to_file_path().is_some_and(|p| ws.watches(&p)));
            if hit {
                ws.invalidate();
            }
            hit
        };
        if relevant {
            self.0.recheck_all();
        }
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let uri = params.text_document.uri;
        let computed = self.0.current(&uri).await?;
        let items = guarded(&self.0, "diagnostics", || {
            self.0.diagnostics(&uri, &computed)
        })
        .await?;
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let Some(at) = self.at(&params.text_document_position_params).await? else {
            return Ok(None);
        };
        guarded(&self.0, "hover", || {
            ide::hover(at.analysis(), &at.computed.doc, at.offset).map(|(span, md)| Hover {
                contents: HoverContents::Markup(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: md,
                }),
                range: Some(at.conv().range(span)),
            })
        })
        .await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        let computed = self.0.current(&params.text_document.uri).await?;
        let Some(analysis) = &computed.analysis else {
            return Ok(None);
        };
        let conv = Conv::of(&computed.doc, self.0.caps().enc);
        let range = conv.span(params.range).map_err(Error::invalid_params)?;
        guarded(&self.0, "inlay hints", || {
            Some(
                ide::inlay_hints(analysis)
                    .into_iter()
                    .filter(|(at, _)| range.start <= *at && *at <= range.end)
                    .map(|(at, label)| InlayHint {
                        position: conv.position(at),
                        label: InlayHintLabel::String(label),
                        kind: None,
                        text_edits: None,
                        tooltip: None,
                        padding_left: Some(true),
                        padding_right: None,
                        data: None,
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let Some(at) = self.at(&p).await? else {
            return Ok(None);
        };
        guarded(&self.0, "definition", || {
            ide::definition(at.analysis(), at.offset).map(|s| {
                GotoDefinitionResponse::Scalar(Location::new(
                    p.text_document.uri.clone(),
                    at.conv().range(s),
                ))
            })
        })
        .await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        let p = params.text_document_position;
        let Some(at) = self.at(&p).await? else {
            return Ok(None);
        };
        let skip = usize::from(!params.context.include_declaration);
        guarded(&self.0, "references", || {
            Some(
                ide::references(at.analysis(), at.offset)
                    .into_iter()
                    .skip(skip)
                    .map(|s| Location::new(p.text_document.uri.clone(), at.conv().range(s)))
                    .collect(),
            )
        })
        .await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        let Some(at) = self.at(&params.text_document_position_params).await? else {
            return Ok(None);
        };
        guarded(&self.0, "highlight", || {
            Some(
                ide::highlights(at.analysis(), at.offset)
                    .into_iter()
                    .map(|s| DocumentHighlight {
                        range: at.conv().range(s),
                        kind: Some(DocumentHighlightKind::TEXT),
                    })
                    .collect(),
            )
        })
        .await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        let Some(at) = self.at(&params).await? else {
            return Ok(None);
        };
        guarded(&self.0, "prepare rename", || {
            ide::rename_target(at.analysis(), at.offset)
                .map(|s| PrepareRenameResponse::Range(at.conv().range(s)))
        })
        .await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        let p = params.text_document_position;
        let Some(at) = self.at(&p).await? else {
            return Ok(None);
        };
        let edits = guarded(&self.0, "rename", || {
            ide::rename(at.analysis(), &at.computed.doc, at.offset, &params.new_name)
        })
        .await?
        .map_err(Error::invalid_params)?;
        let conv = at.conv();
        Ok(Some(self.edit(
            &p.text_document.uri,
            at.computed.version,
            edits.iter().map(|e| conv.text_edit(e)).collect(),
        )))
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        let computed = self.0.current(&params.text_document.uri).await?;
        let Some(analysis) = &computed.analysis else {
            return Ok(None);
        };
        let conv = Conv::of(&computed.doc, self.0.caps().enc);
        guarded(&self.0, "symbols", || {
            #[allow(deprecated)] // `deprecated` is a required field of the struct.
            let symbols = ide::symbols(analysis)
                .into_iter()
                .map(|s| DocumentSymbol {
                    name: s.name,
                    detail: Some(s.detail),
                    kind: convert::symbol_kind(s.kind),
                    tags: None,
                    deprecated: None,
                    range: conv.range(s.span),
                    selection_range: conv.range(s.span),
                    children: None,
                })
                .collect();
            Some(DocumentSymbolResponse::Nested(symbols))
        })
        .await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let uri = params.text_document.uri;
        let computed = self.0.current(&uri).await?;
        let Some(analysis) = &computed.analysis else {
            return Ok(None);
        };
        let conv = Conv::of(&computed.doc, self.0.caps().enc);
        let range = conv.span(params.range).map_err(Error::invalid_params)?;
        let only = params.context.only;
        let version = computed.version;
        guarded(&self.0, "code actions", || {
            let mut actions = Vec::new();
            if wants(&only, &CodeActionKind::QUICKFIX) {
                for f in analysis
                    .findings
                    .iter()
                    .filter(|f| f.start <= range.end && range.start <= f.end)
                {
                    let diag = convert::diagnostic(conv, &uri, f);
                    for fix in &f.fixes {
                        let edits = fix.edits.iter().map(|e| conv.text_edit(e)).collect();
                        actions.push(CodeAction {
                            title: fix.title.clone(),
                            kind: Some(CodeActionKind::QUICKFIX),
                            diagnostics: Some(vec![diag.clone()]),
                            edit: Some(self.edit(&uri, version, edits)),
                            is_preferred: Some(
                                fix.applicability == Applicability::Safe && f.fixes.len() == 1,
                            ),
                            ..Default::default()
                        });
                    }
                    let disable = ide::disable_comment_edit(&computed.doc, f);
                    actions.push(CodeAction {
                        title: format!("Disable {} on this line", f.code),
                        kind: Some(CodeActionKind::QUICKFIX),
                        diagnostics: Some(vec![diag]),
                        edit: Some(self.edit(&uri, version, vec![conv.text_edit(&disable)])),
                        ..Default::default()
                    });
                }
            }
            if wants(&only, &FIX_ALL)
                && let Some(e) = ide::fix_all_safe(computed.doc.text(), &analysis.findings)
            {
                actions.push(CodeAction {
                    title: "Fix all safe copydesk findings".to_owned(),
                    kind: Some(FIX_ALL),
                    edit: Some(self.edit(&uri, version, vec![conv.text_edit(&e)])),
                    ..Default::default()
                });
            }
            Some(
                actions
                    .into_iter()
                    .map(CodeActionOrCommand::CodeAction)
                    .collect(),
            )
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_messages() {
        assert_eq!(caught(|| 7), Ok(7));
        assert_eq!(
            caught(|| -> u8 { panic!("boom {}", 1) }),
            Err("boom 1".to_owned())
        );
        let text = "Zoë";
        assert!(
            caught(|| text[..3].len())
                .unwrap_err()
                .contains("char boundary")
        );
    }

    #[test]
    fn the_analysis_thread_survives_a_panic_and_serves_on() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        let analyser = Analyser::start();
        rt.block_on(async {
            let failed = analyser.run(|| -> u8 { panic!("bad draft") }).await;
            assert_eq!(failed, Err("bad draft".to_owned()));
            let name = analyser
                .run(|| std::thread::current().name().map(str::to_owned))
                .await;
            assert_eq!(name, Ok(Some("copydesk-analysis".to_owned())));
        });
    }
}
