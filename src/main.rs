//! The `copydesk` command: argument parsing and dispatch only.

mod cli;

/// jemalloc: analysis makes many small short-lived strings and vectors; with glibc's malloc
/// they were a seventh of the instructions (jemalloc: 6.5% fewer in all, and a tenth off the
/// language server's latency; mimalloc was as fast but doubled peak memory on hostile input).
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

use clap::{Parser, Subcommand, ValueEnum};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "copydesk",
    version,
    about = "A copy desk for news drafts: relative dates, attribution, figures and names.",
    after_help = "Examples:\n  copydesk check examples/                  lint every draft under a folder\n  copydesk check draft.md --date 2022-01-12 anchor relative dates on a day\n  copydesk check drafts/ --format sarif > copydesk.sarif\n  copydesk analyze draft.md                 the story's dates, cast, quotes and figures as JSON\n  copydesk explain relative-date            what a rule flags and why\n  copydesk lsp                              the language server, for editors"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Lint drafts (files, folders or `-` for stdin) and report findings.
    Check(cli::CheckArgs),
    /// Print the structured analysis of one draft as JSON.
    Analyze(cli::AnalyzeArgs),
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Explain one rule: what it flags, why, and an example.
    Explain {
        /// A rule code, e.g. `relative-date`.
        code: String,
    },
    /// Run the language server on stdin/stdout (what editor plugins start).
    Lsp {
        /// Talk over stdio (the only transport; accepted because clients pass it).
        #[arg(long)]
        stdio: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Json,
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => cli::check(args),
        Command::Analyze(args) => cli::analyze(args),
        Command::Rules { format } => cli::rules(match format {
            RulesFormat::Text => cli::RulesOut::Text,
            RulesFormat::Json => cli::RulesOut::Json,
            RulesFormat::Markdown => cli::RulesOut::Markdown,
        }),
        Command::Explain { code } => cli::explain(&code),
        Command::Lsp { stdio: _ } => match copydesk::server::run_stdio() {
            Ok(true) => ExitCode::SUCCESS,
            // `exit` without `shutdown`: the spec asks for 1.
            Ok(false) => ExitCode::FAILURE,
            Err(e) => {
                eprintln!("copydesk lsp: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
