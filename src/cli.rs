//! What each subcommand does: read drafts, resolve their configuration, run the core, print.

use clap::{Args, ValueEnum};
use copydesk::config::{self, Config, DatePolicy, Layer};
use copydesk::render::{self, FileReport};
use copydesk::source::{self, InputError};
use copydesk::{Document, Finding, Format, Severity, analysis::Analysis, rules};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    Sarif,
    Github,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Hint,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Options every command that reads drafts shares.
#[derive(Args)]
pub struct DraftOptions {
    /// Reference date for relative dates, overriding the draft's own (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = config::parse_date)]
    date: Option<jiff::civil::Date>,
    /// Use this copydesk.toml instead of the one found above each draft.
    #[arg(long, value_name = "PATH")]
    config: Option<PathBuf>,
    /// Read drafts as plain text or Markdown, whatever their extension.
    #[arg(long, value_enum)]
    syntax: Option<Syntax>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Syntax {
    Markdown,
    Plain,
}

#[derive(Args)]
pub struct CheckArgs {
    /// Files or folders to check; `-` reads stdin. Folders are walked, respecting .gitignore.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
    format: OutputFormat,
    /// Exit with 1 when a finding is at least this severe.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    #[command(flatten)]
    opts: DraftOptions,
}

#[derive(Args)]
pub struct AnalyzeArgs {
    /// The draft; `-` reads stdin.
    path: PathBuf,
    /// Only JSON exists today; the flag keeps scripts explicit.
    #[arg(long, value_enum, default_value_t = AnalyzeFormat::Json)]
    format: AnalyzeFormat,
    #[command(flatten)]
    opts: DraftOptions,
}

#[derive(Clone, Copy, ValueEnum)]
enum AnalyzeFormat {
    Json,
}

/// Exit code 2: usage, configuration or I/O problems.
fn fail(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("copydesk: error: {message}");
    ExitCode::from(2)
}

/// Configuration for drafts, resolved once per directory.
struct Configs<'a> {
    opts: &'a DraftOptions,
    fixed: Option<Config>,
    by_file: HashMap<Option<PathBuf>, Config>,
    /// The config file that governs each directory seen so far.
    discovered: HashMap<PathBuf, Option<PathBuf>>,
}

impl<'a> Configs<'a> {
    fn new(opts: &'a DraftOptions) -> Result<Self, config::ConfigError> {
        let fixed = match &opts.config {
            Some(p) => Some(Self::finish(
                opts,
                Config::resolve(&[Layer::from_file(p)?])?,
            )?),
            None => None,
        };
        Ok(Configs {
            opts,
            fixed,
            by_file: HashMap::new(),
            discovered: HashMap::new(),
        })
    }

    fn finish(opts: &DraftOptions, mut c: Config) -> Result<Config, config::ConfigError> {
        c.date_override = opts.date;
        if c.date_policy == DatePolicy::Today {
            c.policy_date = Some(jiff::Zoned::now().date());
        }
        if let Some(path) = &c.names_file {
            c.names = std::sync::Arc::new(copydesk::analysis::entities::Names::load(path)?);
        }
        Ok(c)
    }

    /// The configuration for a draft at `path` (stdin: the current directory's).
    fn for_draft(&mut self, path: &Path) -> Result<Config, config::ConfigError> {
        let mut c = match &self.fixed {
            Some(c) => c.clone(),
            None => {
                let dir = if path.as_os_str() == source::STDIN {
                    std::env::current_dir().unwrap_or_default()
                } else {
                    std::path::absolute(path)
                        .ok()
                        .and_then(|p| p.parent().map(Path::to_path_buf))
                        .unwrap_or_default()
                };
                let file = match self.discovered.get(&dir) {
                    Some(f) => f.clone(),
                    None => {
                        let f = Layer::discover(&dir);
                        self.discovered.insert(dir, f.clone());
                        f
                    }
                };
                match self.by_file.get(&file) {
                    Some(c) => c.clone(),
                    None => {
                        let layers = match &file {
                            Some(f) => vec![Layer::from_file(f)?],
                            None => vec![],
                        };
                        let c = Self::finish(self.opts, Config::resolve(&layers)?)?;
                        self.by_file.insert(file, c.clone());
                        c
                    }
                }
            }
        };
        if c.date_policy == DatePolicy::FileMtime {
            c.policy_date = file_date(path);
        }
        Ok(c)
    }

    fn format_of(&self, path: &Path) -> Format {
        match self.opts.syntax {
            Some(Syntax::Markdown) => Format::Markdown,
            Some(Syntax::Plain) => Format::Plain,
            None => Format::from_path(path),
        }
    }
}

/// The local calendar date a file was last modified.
fn file_date(path: &Path) -> Option<jiff::civil::Date> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let ts = jiff::Timestamp::try_from(modified).ok()?;
    Some(ts.to_zoned(jiff::tz::TimeZone::system()).date())
}

/// A draft to check, with its configuration and syntax.
type Job = (PathBuf, Config, Format);

/// Expand the command line's paths into drafts, in a deterministic order.
fn collect(paths: &[PathBuf], configs: &mut Configs<'_>) -> (Vec<Job>, Vec<String>) {
    let mut jobs = Vec::new();
    let mut errors = Vec::new();
    let mut add = |path: PathBuf, configs: &mut Configs<'_>, walked: Option<&Path>| match configs
        .for_draft(&path)
    {
        Ok(c) => {
            let rel = walked.map(|root| path.strip_prefix(root).unwrap_or(&path));
            if rel.is_none_or(|r| c.wants(r)) {
                let format = configs.format_of(&path);
                jobs.push((path, c, format));
            }
        }
        Err(e) => errors.push(e.to_string()),
    };
    let mut walk_errors = Vec::new();
    for p in paths {
        if p.as_os_str() == source::STDIN || !p.is_dir() {
            add(p.clone(), configs, None);
            continue;
        }
        let mut found = Vec::new();
        for entry in ignore::WalkBuilder::new(p).build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => found.push(e.into_path()),
                Ok(_) => {}
                Err(e) => walk_errors.push(e.to_string()),
            }
        }
        found.sort();
        for f in found {
            add(f, configs, Some(p));
        }
    }
    errors.extend(walk_errors);
    errors.dedup();
    (jobs, errors)
}

fn display(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_owned).unwrap_or(s)
}

struct Checked {
    path: String,
    doc: Document,
    findings: Vec<Finding>,
}

pub fn check(args: CheckArgs) -> ExitCode {
    let mut configs = match Configs::new(&args.opts) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let (jobs, mut errors) = collect(&args.paths, &mut configs);
    let results: Vec<Result<Checked, InputError>> = jobs
        .into_par_iter()
        .map(|(path, config, format)| {
            let text = source::read(&path, config.max_file_size)?;
            let doc = Document::new(text, format);
            let findings = copydesk::check(&doc, &config);
            Ok(Checked {
                path: display(&path),
                doc,
                findings,
            })
        })
        .collect();
    let mut checked = Vec::new();
    for r in results {
        match r {
            Ok(c) => checked.push(c),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let reports: Vec<FileReport<'_>> = checked
        .iter()
        .map(|c| FileReport {
            path: &c.path,
            doc: &c.doc,
            findings: &c.findings,
        })
        .collect();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let out = match args.format {
        OutputFormat::Human => render::human(&reports, color),
        OutputFormat::Json => render::json(&reports),
        OutputFormat::Sarif => render::sarif(&reports),
        OutputFormat::Github => render::github(&reports),
    };
    let written = emit(&out, ExitCode::SUCCESS);
    if written != ExitCode::SUCCESS {
        return written;
    }
    for e in &errors {
        eprintln!("copydesk: error: {e}");
    }
    if !errors.is_empty() {
        return ExitCode::from(2);
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Info => Some(Severity::Info),
        FailOn::Hint => Some(Severity::Hint),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| {
        checked
            .iter()
            .flat_map(|c| &c.findings)
            .any(|f| f.severity >= t)
    });
    ExitCode::from(u8::from(failed))
}

pub fn analyze(args: AnalyzeArgs) -> ExitCode {
    let AnalyzeFormat::Json = args.format;
    let mut configs = match Configs::new(&args.opts) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let config = match configs.for_draft(&args.path) {
        Ok(c) => c,
        Err(e) => return fail(e),
    };
    let text = match source::read(&args.path, config.max_file_size) {
        Ok(t) => t,
        Err(e) => return fail(e),
    };
    let doc = Document::new(text, configs.format_of(&args.path));
    let analysis: Analysis = copydesk::analyze(&doc, &config);
    match serde_json::to_string_pretty(&analysis) {
        Ok(s) => emit(&(s + "\n"), ExitCode::SUCCESS),
        Err(e) => fail(e),
    }
}

/// Write `out` to stdout and exit with `code`. A reader that stops early (`| head`) is not an
/// error; any other failure to write is, exit 2.
fn emit(out: &str, code: ExitCode) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
    {
        Ok(()) => code,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => code,
        Err(e) => fail(format!("cannot write the output: {e}")),
    }
}

pub enum RulesOut {
    Text,
    Json,
    Markdown,
}

pub fn rules(format: RulesOut) -> ExitCode {
    let out = match format {
        RulesOut::Text => rules::all()
            .map(|r| {
                let off = if r.default_enabled {
                    ""
                } else {
                    " (off by default)"
                };
                format!(
                    "{:<28} {:<8} {:<12} {}{off}\n",
                    r.code,
                    r.severity.as_str(),
                    format!("{:?}", r.category).to_lowercase(),
                    r.summary
                )
            })
            .collect(),
        RulesOut::Json => {
            let list: Vec<_> = rules::all()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code, "category": r.category, "severity": r.severity,
                        "default_enabled": r.default_enabled, "fix": r.fix,
                        "summary": r.summary, "doc": r.doc, "bad": r.bad, "good": r.good,
                        "url": r.url(),
                    })
                })
                .collect();
            serde_json::to_string_pretty(&list).unwrap_or_default() + "\n"
        }
        RulesOut::Markdown => rules::markdown_table(),
    };
    emit(&out, ExitCode::SUCCESS)
}

pub fn explain(code: &str) -> ExitCode {
    match rules::find(code) {
        Some(r) => emit(
            &format!("{}\nSee also: {}\n", r.markdown(), r.url()),
            ExitCode::SUCCESS,
        ),
        None => fail(format!("no rule `{code}`; `copydesk rules` lists them")),
    }
}
