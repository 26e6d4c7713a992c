//! The newsroom's own names file: the desk's preferred spellings, titles and notes. Its
//! entries win over the gazetteer.
//!
//! TOML (`[[name]]` tables) or CSV (header `name,kind,title,description,pronunciation,notes,
//! aliases`, aliases separated by `;`). [`Names::parse`] is pure; [`Names::load`] reads the
//! file and is called only by the CLI and the server, never by a pass.

use crate::config::ConfigError;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

/// One name the desk has decided on.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameEntry {
    /// The preferred spelling.
    pub name: String,
    /// `person`, `organization`, `place` or `other`.
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub pronunciation: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    /// Other accepted spellings and short forms (acronyms, surname alone is always accepted).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// The names file, indexed by every accepted spelling (lower-cased).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names {
    entries: Vec<NameEntry>,
    index: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    #[serde(default)]
    name: Vec<NameEntry>,
}

const KINDS: &[&str] = &["person", "organization", "place", "other"];
const CSV_FIELDS: &[&str] = &[
    "name",
    "kind",
    "title",
    "description",
    "pronunciation",
    "notes",
    "aliases",
];

impl Names {
    /// Read a names file (`.csv` is CSV, anything else TOML).
    pub fn load(path: &Path) -> Result<Names, ConfigError> {
        let origin = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            origin: origin.clone(),
            message: format!("cannot read names file: {e}"),
        })?;
        let csv = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
        Names::parse(&text, csv).map_err(|message| ConfigError { origin, message })
    }

    /// Parse a names file's text; errors give the line or entry and the field.
    pub fn parse(text: &str, csv: bool) -> Result<Names, String> {
        let entries = if csv {
            parse_csv(text)?
        } else {
            toml::from_str::<TomlFile>(text)
                .map_err(|e| e.to_string().trim_end().to_owned())?
                .name
        };
        let mut names = Names::default();
        for (i, e) in entries.into_iter().enumerate() {
            if e.name.trim().is_empty() {
                return Err(format!("entry {}: `name` is empty", i + 1));
            }
            check_kind(&e).map_err(|m| format!("entry {} ({}): {m}", i + 1, e.name))?;
            let n = names.entries.len();
            for key in std::iter::once(&e.name).chain(&e.aliases) {
                names.index.entry(key.trim().to_lowercase()).or_insert(n);
            }
            names.entries.push(e);
        }
        Ok(names)
    }

    /// The entry for this spelling (preferred or alias), case-insensitive.
    pub fn get(&self, spelling: &str) -> Option<&NameEntry> {
        // Most newsrooms run without a names file: then no word needs lowering.
        if self.index.is_empty() {
            return None;
        }
        crate::text::with_lowercase(spelling, |lower| self.index.get(lower).copied())
            .and_then(|i| self.entries.get(i))
    }

    pub fn entries(&self) -> &[NameEntry] {
        &self.entries
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn check_kind(e: &NameEntry) -> Result<(), String> {
    match &e.kind {
        Some(k) if !KINDS.contains(&k.as_str()) => Err(format!(
            "`kind` is `{k}`, expected one of {}",
            KINDS.join(", ")
        )),
        _ => Ok(()),
    }
}

/// Split one CSV line into fields (RFC 4180 quoting: `"a, b"`, `""` for a quote).
fn csv_fields(line: &str) -> Result<Vec<String>, String> {
    let mut fields = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cur.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if cur.trim().is_empty() => {
                cur.clear();
                quoted = true;
            }
            (',', false) => fields.push(std::mem::take(&mut cur).trim().to_owned()),
            _ => cur.push(c),
        }
    }
    if quoted {
        return Err("unclosed quotation mark".to_owned());
    }
    fields.push(cur.trim().to_owned());
    Ok(fields)
}

fn parse_csv(text: &str) -> Result<Vec<NameEntry>, String> {
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some((_, header)) = lines.next() else {
        return Ok(Vec::new());
    };
    let header = csv_fields(header).map_err(|e| format!("line 1: {e}"))?;
    for h in &header {
        if !CSV_FIELDS.contains(&h.as_str()) {
            return Err(format!(
                "header: unknown column `{h}` (columns: {})",
                CSV_FIELDS.join(", ")
            ));
        }
    }
    if !header.iter().any(|h| h == "name") {
        return Err("header: no `name` column".to_owned());
    }
    let mut out = Vec::new();
    for (n, line) in lines {
        let fields = csv_fields(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        if fields.len() > header.len() {
            return Err(format!(
                "line {}: {} fields, the header has {}",
                n + 1,
                fields.len(),
                header.len()
            ));
        }
        let mut e = NameEntry::default();
        for (h, v) in header.iter().zip(fields) {
            let opt = (!v.is_empty()).then(|| v.clone());
            match h.as_str() {
                "name" => e.name = v,
                "kind" => e.kind = opt,
                "title" => e.title = opt,
                "description" => e.description = opt,
                "pronunciation" => e.pronunciation = opt,
                "notes" => e.notes = opt,
                _ => {
                    e.aliases = v
                        .split(';')
                        .map(str::trim)
                        .filter(|a| !a.is_empty())
                        .map(str::to_owned)
                        .collect()
                }
            }
        }
        if e.name.is_empty() {
            return Err(format!("line {}: `name` is empty", n + 1));
        }
        check_kind(&e).map_err(|m| format!("line {}: {m}", n + 1))?;
        out.push(e);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_csv_agree() {
        let toml = "[[name]]\nname = \"Kassym-Jomart Tokayev\"\nkind = \"person\"\ntitle = \"President of Kazakhstan\"\naliases = [\"Tokayev\"]\n";
        let csv = "name,kind,title,aliases\n\"Kassym-Jomart Tokayev\",person,President of Kazakhstan,Tokayev\n";
        let a = Names::parse(toml, false).unwrap();
        let b = Names::parse(csv, true).unwrap();
        assert_eq!(a, b);
        assert_eq!(
            a.get("tokayev").and_then(|e| e.title.as_deref()),
            Some("President of Kazakhstan")
        );
    }

    #[test]
    fn errors_name_the_line_and_field() {
        let err = Names::parse("name,kind\nSmailov,persn\n", true).unwrap_err();
        assert!(
            err.starts_with("line 2: `kind`") && err.contains("persn"),
            "{err}"
        );
        let err = Names::parse("name,kind\n\"Smailov,person\n", true).unwrap_err();
        assert!(err.starts_with("line 2"), "{err}");
        let err = Names::parse("name,age\nX,3\n", true).unwrap_err();
        assert!(err.contains("`age`"), "{err}");
        assert!(Names::parse("[[name]]\nnam = \"X\"\n", false).is_err());
    }
}
