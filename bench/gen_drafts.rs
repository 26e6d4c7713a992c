//! Write generated news drafts for the scripts in `bench/`:
//!
//! - `gen-drafts files DIR COUNT WORDS`: COUNT drafts of about WORDS words, one a file;
//! - `gen-drafts size FILE BYTES`: one draft of at least BYTES bytes.

#[path = "../benches/drafts/mod.rs"]
mod drafts;

use std::path::Path;
use std::process::ExitCode;

fn run(args: &[String]) -> Result<(), String> {
    let num = |s: &String| s.parse::<usize>().map_err(|e| format!("{s}: {e}"));
    match args {
        [cmd, dir, count, words] if cmd == "files" => {
            let dir = Path::new(dir);
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            for i in 0..num(count)? {
                let path = dir.join(format!("draft-{i:05}.md"));
                std::fs::write(&path, drafts::draft(i as u64, num(words)?))
                    .map_err(|e| format!("{}: {e}", path.display()))?;
            }
            Ok(())
        }
        [cmd, file, bytes] if cmd == "size" => {
            std::fs::write(file, drafts::draft_of_size(7, num(bytes)?))
                .map_err(|e| format!("{file}: {e}"))
        }
        _ => Err("usage: gen-drafts files DIR COUNT WORDS | gen-drafts size FILE BYTES".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-drafts: {e}");
            ExitCode::from(2)
        }
    }
}
