//! Configuration for open drafts: the `copydesk.toml` above each draft (or at a workspace
//! folder's root, for unsaved ones), with the editor's settings on top. Editor settings use the
//! keys of `copydesk.toml` (`reference_date`, `rules`, `names_file`, `languages`,
//! `max_file_size`), sent as `initializationOptions` or `workspace/didChangeConfiguration`,
//! either bare or under a `copydesk` key.

use crate::config::{self, Config, ConfigError, DatePolicy, Layer, Settings};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A resolved configuration, and the problem met resolving it (reported once).
#[derive(Clone)]
pub(crate) struct Resolved {
    pub config: Arc<Config>,
    pub problem: Option<ConfigError>,
}

#[derive(Default)]
pub(crate) struct Workspace {
    roots: Vec<PathBuf>,
    editor: Option<Layer>,
    /// A fixed `reference_date` in the editor's settings beats the draft's own date, as
    /// `--date` does on the command line.
    editor_date: Option<jiff::civil::Date>,
    /// By the `copydesk.toml` that applies (`None`: no file).
    cache: HashMap<Option<PathBuf>, Resolved>,
}

impl Workspace {
    pub(crate) fn set_roots(&mut self, roots: Vec<PathBuf>) {
        self.roots = roots;
        self.cache.clear();
    }

    /// Take the editor's settings; on a bad value the previous settings stay in force.
    pub(crate) fn set_editor(&mut self, value: &serde_json::Value) -> Result<(), ConfigError> {
        let value = value.get("copydesk").unwrap_or(value);
        let editor = if value.is_null() {
            None
        } else {
            let settings =
                serde_json::from_value::<Settings>(value.clone()).map_err(|e| ConfigError {
                    origin: "editor settings".to_owned(),
                    message: e.to_string(),
                })?;
            Some(Layer {
                settings,
                origin: "editor settings".to_owned(),
                base: self.roots.first().cloned(),
            })
        };
        // Check the values now, so a typo is reported when it is made.
        let resolved = Config::resolve(editor.as_slice())?;
        self.editor_date = match resolved.date_policy {
            DatePolicy::Fixed(d) => Some(d),
            _ => None,
        };
        self.editor = editor;
        self.cache.clear();
        Ok(())
    }

    /// Forget every resolved configuration (a `copydesk.toml` or names file changed).
    pub(crate) fn invalidate(&mut self) {
        self.cache.clear();
    }

    /// Whether a change to `path` can change a configuration.
    pub(crate) fn watches(&self, path: &Path) -> bool {
        path.file_name().is_some_and(|n| n == config::FILE_NAME)
            || self
                .cache
                .values()
                .any(|r| r.config.names_file.as_deref() == Some(path))
    }

    /// The configuration for a draft at `path` (`None`: unsaved), and a problem to report the
    /// first time it is met.
    pub(crate) fn config_for(&mut self, path: Option<&Path>) -> (Arc<Config>, Option<ConfigError>) {
        let dir = path
            .and_then(Path::parent)
            .or_else(|| self.roots.first().map(PathBuf::as_path));
        let file = dir.and_then(Layer::discover);
        let entry = self.cache.entry(file.clone()).or_insert_with(|| {
            let mut layers = Vec::new();
            let mut problem = None;
            if let Some(f) = &file {
                match Layer::from_file(f) {
                    Ok(l) => layers.push(l),
                    Err(e) => problem = Some(e),
                }
            }
            layers.extend(self.editor.clone());
            let mut config = match Config::resolve(&layers) {
                Ok(c) => c,
                Err(e) => {
                    problem = Some(e);
                    Config::resolve(self.editor.as_slice()).unwrap_or_default()
                }
            };
            config.date_override = self.editor_date;
            if let Some(path) = &config.names_file {
                match crate::analysis::entities::Names::load(path) {
                    Ok(names) => config.names = Arc::new(names),
                    Err(e) => problem = Some(e),
                }
            }
            Resolved {
                config: Arc::new(config),
                problem,
            }
        });
        (entry.config.clone(), entry.problem.take())
    }
}

/// The configuration for one check of a draft: `today` and `file-mtime` turned into a date
/// (the core never reads the clock or the disk).
pub(crate) fn for_draft(config: &Config, path: Option<&Path>) -> Config {
    let mut c = config.clone();
    let today = || jiff::Zoned::now().date();
    c.policy_date = match c.date_policy {
        DatePolicy::Today => Some(today()),
        DatePolicy::FileMtime => Some(
            path.and_then(|p| std::fs::metadata(p).ok()?.modified().ok())
                .and_then(|t| jiff::Timestamp::try_from(t).ok())
                .map_or_else(today, |t| t.to_zoned(jiff::tz::TimeZone::system()).date()),
        ),
        DatePolicy::None | DatePolicy::Fixed(_) => None,
    };
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn file_then_editor_settings_and_errors_reported_once() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(config::FILE_NAME),
            "reference_date = \"2022-01-12\"\nmax_file_size = 10\n",
        )
        .unwrap();
        let draft = dir.path().join("a.md");
        let mut ws = Workspace::default();
        let (c, problem) = ws.config_for(Some(&draft));
        assert!(problem.is_none());
        assert_eq!(c.max_file_size, 10);
        assert!(ws.watches(&dir.path().join(config::FILE_NAME)));

        ws.set_editor(&json!({"copydesk": {"max_file_size": 20}}))
            .unwrap();
        let (c, _) = ws.config_for(Some(&draft));
        assert_eq!(c.max_file_size, 20);
        assert_eq!(
            c.date_policy,
            DatePolicy::Fixed(jiff::civil::date(2022, 1, 12))
        );
        assert_eq!(c.date_override, None);
        ws.set_editor(&json!({"reference_date": "2023-03-08"}))
            .unwrap();
        let (c, _) = ws.config_for(Some(&draft));
        assert_eq!(c.date_override, Some(jiff::civil::date(2023, 3, 8)));
        ws.set_editor(&json!({"copydesk": {"max_file_size": 20}}))
            .unwrap();
        let e = ws
            .set_editor(&json!({"rules": {"no-such-rule": "off"}}))
            .unwrap_err();
        assert!(e.message.contains("no-such-rule"), "{e}");
        assert_eq!(ws.config_for(Some(&draft)).0.max_file_size, 20);

        std::fs::write(dir.path().join(config::FILE_NAME), "refrence_date = 1\n").unwrap();
        ws.invalidate();
        let (c, problem) = ws.config_for(Some(&draft));
        assert!(problem.unwrap().message.contains("refrence_date"));
        assert_eq!(c.max_file_size, 20);
        assert!(ws.config_for(Some(&draft)).1.is_none());
    }
}
