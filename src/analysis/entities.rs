//! Entities: the people, organisations and places a story names, grouped by who they are.

use crate::config::Config;
use crate::finding::Excerpt;
use crate::text::Document;
use serde::Serialize;

/// What kind of thing an entity is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organization,
    Place,
    Other,
}

/// One entity and every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub name: String,
    pub kind: Kind,
    pub mentions: Vec<Excerpt>,
}

/// Every entity the prose names.
pub fn find(_doc: &Document, _config: &Config) -> Vec<Entity> {
    Vec::new()
}
