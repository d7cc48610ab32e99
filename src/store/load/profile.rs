//! The reader of a profile file (`profiles/ID.toml`): one profile, whose id
//! is the file's name.

use super::reader::Reader;
use crate::model::{At, Grants, Id, Profile};
use crate::schema;
use crate::source::Span;
use toml::de::DeTable;

/// The profile `id`, read from its file's top table; `span` is the file start.
pub(super) fn read_profile(r: &mut Reader, top: &DeTable, id: &str, span: Span) -> Option<Profile> {
    let mut p = Profile {
        id: Id::from(id),
        span,
        name: String::new(),
        description: String::new(),
        tier: At::new(Id::default(), span),
        builtin: false,
        admin: false,
        grants: Grants::new(),
    };
    let (mut has_name, mut has_tier) = (false, false);
    for (k, v) in top {
        match k.get_ref().as_ref() {
            "name" => {
                has_name = true;
                p.name = r.string(v, "`name`").unwrap_or_default();
            }
            "description" => p.description = r.string(v, "`description`").unwrap_or_default(),
            "tier" => {
                has_tier = true;
                if let Some(t) = r.id_ref(v, "`tier`") {
                    p.tier = t;
                }
            }
            "builtin" => p.builtin = r.bool(v, "`builtin`").unwrap_or(false),
            "admin" => p.admin = r.bool(v, "`admin`").unwrap_or(false),
            "grants" => p.grants = r.grants(v, "grants"),
            _ => r.unknown_key(k, &schema::PROFILE.names(), &format!("profile `{id}`")),
        }
    }
    if !has_name {
        r.missing(span, "name", &format!("profile `{id}`"), "\"Contributor\"");
    }
    if !has_tier {
        r.missing(span, "tier", &format!("profile `{id}`"), "\"standard\"");
    }
    Some(p)
}
