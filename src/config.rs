//! Configuration: `copydesk.toml`, editor settings, and command-line flags.
//!
//! Precedence, lowest first: built-in defaults, the `copydesk.toml` found by walking up from
//! the draft (or `--config`), editor settings, command-line flags. Each layer is a
//! [`Settings`]; [`Config::resolve`] stacks them and checks every value once, so a typo in a
//! rule code or a bad date is an error naming the key and the file, never silently ignored.

use crate::finding::Severity;
use crate::rules::{self, Rule};
use globset::{Glob, GlobSet, GlobSetBuilder};
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub const FILE_NAME: &str = "copydesk.toml";

/// Files a directory walk picks up when no `include` is configured.
pub const DEFAULT_INCLUDE: &[&str] = &["*.md", "*.markdown", "*.txt"];

/// Drafts bigger than this are refused, by the CLI and the server alike.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 10 * 1024 * 1024;

/// One layer of settings, as written in `copydesk.toml` or sent by an editor.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// `"none"`, `"today"`, `"file-mtime"` or a date `"YYYY-MM-DD"`: the reference date to use
    /// when the draft gives none of its own.
    pub reference_date: Option<String>,
    /// A newsroom names file (TOML or CSV), relative to the file that names it.
    pub names_file: Option<PathBuf>,
    /// Globs of files a directory walk checks (default `*.md`, `*.markdown`, `*.txt`).
    pub include: Option<Vec<String>>,
    /// Globs of files a directory walk skips.
    pub exclude: Option<Vec<String>>,
    /// Editor language ids the server checks (default `markdown`, `plaintext`).
    pub languages: Option<Vec<String>>,
    /// Largest draft copydesk analyses, in bytes.
    pub max_file_size: Option<u64>,
    /// Per-rule level: `"off"`, `"hint"`, `"info"`, `"warning"` or `"error"`.
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
}

/// A rule's configured level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Hint,
    Info,
    Warning,
    Error,
}

/// Where a reference date comes from when the draft has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DatePolicy {
    #[default]
    None,
    Today,
    FileMtime,
    Fixed(Date),
}

impl DatePolicy {
    fn parse(s: &str) -> Result<DatePolicy, String> {
        match s {
            "none" => Ok(DatePolicy::None),
            "today" => Ok(DatePolicy::Today),
            "file-mtime" => Ok(DatePolicy::FileMtime),
            _ => parse_date(s).map(DatePolicy::Fixed).map_err(|_| {
                format!("`{s}` is not \"none\", \"today\", \"file-mtime\" or a date YYYY-MM-DD")
            }),
        }
    }
}

/// Parse a `YYYY-MM-DD` date, with a message fit for a user.
pub fn parse_date(s: &str) -> Result<Date, String> {
    s.trim()
        .parse::<Date>()
        .map_err(|e| format!("`{s}` is not a date YYYY-MM-DD ({e})"))
}

/// A configuration problem, naming where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    /// The file (or "editor settings", "--date") the bad value came from.
    pub origin: String,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

impl std::error::Error for ConfigError {}

/// A layer of settings and where it came from (for errors and relative paths).
#[derive(Clone, Debug)]
pub struct Layer {
    pub settings: Settings,
    pub origin: String,
    /// Directory that relative paths in this layer are relative to.
    pub base: Option<PathBuf>,
}

impl Layer {
    /// Read a `copydesk.toml`.
    pub fn from_file(path: &Path) -> Result<Layer, ConfigError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            origin: origin.clone(),
            message: format!("cannot read: {e}"),
        })?;
        let settings = toml::from_str::<Settings>(&text).map_err(|e| ConfigError {
            origin: origin.clone(),
            message: e.to_string().trim_end().to_owned(),
        })?;
        Ok(Layer {
            settings,
            origin,
            base: path.parent().map(Path::to_path_buf),
        })
    }

    /// The nearest `copydesk.toml` at or above `dir`.
    pub fn discover(dir: &Path) -> Option<PathBuf> {
        dir.ancestors()
            .map(|d| d.join(FILE_NAME))
            .find(|p| p.is_file())
    }
}

/// The resolved configuration for checking drafts.
#[derive(Clone, Debug)]
pub struct Config {
    levels: BTreeMap<&'static str, Level>,
    /// A reference date that beats anything the draft says (`--date`, editor setting).
    pub date_override: Option<Date>,
    /// What to do when the draft gives no date; `today` and `file-mtime` are turned into a
    /// date by the caller (the core never reads the clock or the disk).
    pub date_policy: DatePolicy,
    /// The date `today` / `file-mtime` stand for, filled in by the CLI or server per draft.
    pub policy_date: Option<Date>,
    pub names_file: Option<PathBuf>,
    /// The names file's entries, loaded by the caller (the core does no IO).
    pub names: std::sync::Arc<crate::analysis::entities::Names>,
    pub include: GlobSet,
    pub exclude: GlobSet,
    pub languages: Vec<String>,
    pub max_file_size: u64,
}

impl Default for Config {
    fn default() -> Config {
        Config::resolve(&[]).expect("built-in defaults are valid")
    }
}

impl Config {
    /// Stack `layers` (lowest precedence first) into one configuration.
    pub fn resolve(layers: &[Layer]) -> Result<Config, ConfigError> {
        let mut levels = BTreeMap::new();
        let mut date_policy = DatePolicy::None;
        let mut names_file = None;
        let mut include = None;
        let mut exclude = None;
        let mut languages = None;
        let mut max_file_size = DEFAULT_MAX_FILE_SIZE;
        for layer in layers {
            let err = |message: String| ConfigError {
                origin: layer.origin.clone(),
                message,
            };
            let s = &layer.settings;
            if let Some(p) = &s.reference_date {
                date_policy =
                    DatePolicy::parse(p).map_err(|m| err(format!("reference_date: {m}")))?;
            }
            if let Some(p) = &s.names_file {
                names_file = Some(match &layer.base {
                    Some(base) if p.is_relative() => base.join(p),
                    _ => p.clone(),
                });
            }
            if let Some(globs) = &s.include {
                include = Some(build_globs(globs).map_err(|m| err(format!("include: {m}")))?);
            }
            if let Some(globs) = &s.exclude {
                exclude = Some(build_globs(globs).map_err(|m| err(format!("exclude: {m}")))?);
            }
            if let Some(l) = &s.languages {
                languages = Some(l.clone());
            }
            if let Some(m) = s.max_file_size {
                max_file_size = m;
            }
            for (code, level) in &s.rules {
                let rule = rules::find(code).ok_or_else(|| {
                    err(format!(
                        "[rules]: unknown rule `{code}` (`copydesk rules` lists them)"
                    ))
                })?;
                levels.insert(rule.code, *level);
            }
        }
        let default_include: Vec<String> = DEFAULT_INCLUDE.iter().map(|s| s.to_string()).collect();
        Ok(Config {
            levels,
            date_override: None,
            date_policy,
            policy_date: None,
            names_file,
            names: Default::default(),
            include: match include {
                Some(g) => g,
                None => build_globs(&default_include).expect("default globs are valid"),
            },
            exclude: exclude.unwrap_or_else(GlobSet::empty),
            languages: languages
                .unwrap_or_else(|| vec!["markdown".to_owned(), "plaintext".to_owned()]),
            max_file_size,
        })
    }

    /// The severity `rule` reports at, or `None` when it is off.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        match self.levels.get(rule.code) {
            Some(Level::Off) => None,
            Some(Level::Hint) => Some(Severity::Hint),
            Some(Level::Info) => Some(Severity::Info),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Error) => Some(Severity::Error),
            None => rule.default_enabled.then_some(rule.severity),
        }
    }

    /// Whether a directory walk should check `path` (relative to the walk's root).
    pub fn wants(&self, path: &Path) -> bool {
        let name = path.file_name().map(Path::new).unwrap_or(path);
        (self.include.is_match(path) || self.include.is_match(name))
            && !self.exclude.is_match(path)
            && !self.exclude.is_match(name)
    }
}

fn build_globs(globs: &[String]) -> Result<GlobSet, String> {
    let mut b = GlobSetBuilder::new();
    for g in globs {
        b.add(Glob::new(g).map_err(|e| format!("bad glob `{g}`: {e}"))?);
    }
    b.build().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layer(toml_text: &str) -> Result<Layer, ConfigError> {
        let settings = toml::from_str::<Settings>(toml_text).map_err(|e| ConfigError {
            origin: "test.toml".into(),
            message: e.to_string(),
        })?;
        Ok(Layer {
            settings,
            origin: "test.toml".into(),
            base: None,
        })
    }

    #[test]
    fn unknown_keys_are_errors_naming_the_key() {
        let e = layer("refrence_date = \"today\"").unwrap_err();
        assert!(e.message.contains("refrence_date"), "{e}");
    }

    #[test]
    fn bad_values_name_the_key_and_file() {
        let e = Config::resolve(&[layer("reference_date = \"tomorrow\"").unwrap()]).unwrap_err();
        assert_eq!(e.origin, "test.toml");
        assert!(e.message.starts_with("reference_date:"), "{e}");
        let e = Config::resolve(&[layer("[rules]\nno-such-rule = \"off\"").unwrap()]).unwrap_err();
        assert!(e.message.contains("no-such-rule"), "{e}");
        let e = layer("[rules]\nx = \"loud\"").unwrap_err();
        assert!(e.message.contains("loud"), "{e}");
    }

    #[test]
    fn later_layers_win_and_globs_filter() {
        let c = Config::resolve(&[
            layer("reference_date = \"today\"\nexclude = [\"archive/**\"]").unwrap(),
            layer("reference_date = \"2022-01-12\"").unwrap(),
        ])
        .unwrap();
        assert_eq!(
            c.date_policy,
            DatePolicy::Fixed(jiff::civil::date(2022, 1, 12))
        );
        assert!(c.wants(Path::new("drafts/a.md")));
        assert!(!c.wants(Path::new("archive/a.md")));
        assert!(!c.wants(Path::new("drafts/a.html")));
    }
}
