//! The reader of `workspace.toml`: the settings (`[workspace]`), the areas
//! and the tiers.

use super::reader::{Key, Reader, Val};
use crate::model::{Area, At, Grants, Settings, Tier};
use crate::schema;
use crate::source::Span;
use toml::de::DeTable;

pub(super) type WorkspaceParts = (Option<Settings>, Vec<Area>, Vec<Tier>);

pub(super) fn read_workspace(r: &mut Reader, top: &DeTable) -> WorkspaceParts {
    let mut settings = None;
    let mut areas = Vec::new();
    let mut tiers = Vec::new();
    for (key, value) in top {
        match key.get_ref().as_ref() {
            "workspace" => settings = read_settings(r, value),
            "areas" => {
                let Some(t) = r.table(value, "`areas`") else { continue };
                for (id, area) in t {
                    if let Some(a) = read_area(r, id, area) {
                        areas.push(a);
                    }
                }
            }
            "tiers" => {
                let Some(t) = r.table(value, "`tiers`") else { continue };
                for (id, tier) in t {
                    if let Some(t) = read_tier(r, id, tier) {
                        tiers.push(t);
                    }
                }
            }
            _ => r.unknown_key(key, &schema::WORKSPACE_FILE.names(), "workspace.toml"),
        }
    }
    let file_start = r.span(0..0);
    if settings.is_none() {
        r.missing(file_start, "[workspace]", "workspace.toml", "a table with name, owner and default_profile");
    }
    (settings, areas, tiers)
}

/// The settings of a `[workspace]` table with nothing in it (its defaults),
/// at `span`.
pub(super) fn empty_settings(span: Span) -> Settings {
    Settings {
        name: String::new(),
        owner: None,
        default_profile: None,
        currency: "EUR".into(),
        custom_profiles: true,
        require_actor: false,
        expiry_warning_days: 14,
        span,
    }
}

fn read_settings(r: &mut Reader, value: &Val) -> Option<Settings> {
    let table = r.table(value, "`workspace`")?;
    let mut s = empty_settings(r.span(value.span()));
    let mut has_name = false;
    for (key, v) in table {
        match key.get_ref().as_ref() {
            "name" => {
                has_name = true;
                s.name = r.string(v, "`workspace.name`").unwrap_or_default();
            }
            "owner" => s.owner = r.id_ref(v, "`workspace.owner`"),
            "default_profile" => s.default_profile = r.id_ref(v, "`workspace.default_profile`"),
            "currency" => {
                if let Some(c) = r.string(v, "`workspace.currency`") {
                    if c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()) {
                        s.currency = c;
                    } else {
                        r.bad_value(
                            v.span(),
                            format!("currency `{c}` is not a three-letter code"),
                            "use an ISO 4217 code such as \"EUR\" or \"USD\"",
                        );
                    }
                }
            }
            "custom_profiles" => s.custom_profiles = r.bool(v, "`workspace.custom_profiles`").unwrap_or(true),
            "require_actor" => s.require_actor = r.bool(v, "`workspace.require_actor`").unwrap_or(false),
            "expiry_warning_days" => {
                if let Some(n) = r.amount(v, "`workspace.expiry_warning_days`") {
                    s.expiry_warning_days = n.min(3650.0) as u32;
                }
            }
            _ => r.unknown_key(key, &schema::SETTINGS.names(), "[workspace]"),
        }
    }
    if !has_name {
        r.missing(s.span, "name", "[workspace]", "\"Cabinet Martin\"");
    }
    Some(s)
}

fn read_area(r: &mut Reader, key: &Key, value: &Val) -> Option<Area> {
    let id = r.key_id(key, "area")?;
    let table = r.table(value, &format!("area `{id}`"))?;
    let span = r.span(key.span());
    let mut area = Area {
        id: id.clone(),
        span,
        label: id.clone(),
        actions: Vec::new(),
        levels: Vec::new(),
        per_client: false,
        incomplete: false,
        action_index: Default::default(),
    };
    let (mut has_actions, mut has_levels) = (false, false);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "label" => area.label = r.string(v, "`label`").unwrap_or_else(|| id.clone()),
            "per_client" => area.per_client = r.bool(v, "`per_client`").unwrap_or(false),
            "actions" => {
                has_actions = true;
                area.actions = read_actions(r, v, &id);
            }
            "levels" => {
                has_levels = true;
                read_levels(r, v, &mut area);
            }
            _ => r.unknown_key(k, &schema::AREA.names(), &format!("area `{id}`")),
        }
    }
    if !has_actions {
        r.missing(span, "actions", &format!("area `{id}`"), "[\"view\", \"edit\"]");
    }
    if !has_levels {
        r.missing(span, "levels", &format!("area `{id}`"), "[\"none\", \"all\"]");
    }
    // An area without levels cannot be judged; keep it out of the model.
    (!area.levels.is_empty()).then_some(area)
}

fn read_tier(r: &mut Reader, key: &Key, value: &Val) -> Option<Tier> {
    let id = r.key_id(key, "tier")?;
    let table = r.table(value, &format!("tier `{id}`"))?;
    let span = r.span(key.span());
    let mut tier = Tier { id: id.clone(), span, label: id.clone(), price: 0.0, ceiling: Grants::new() };
    let mut has_price = false;
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "label" => tier.label = r.string(v, "`label`").unwrap_or_else(|| id.clone()),
            "price" => {
                has_price = true;
                tier.price = r.amount(v, "`price`").unwrap_or(0.0);
            }
            "ceiling" => tier.ceiling = r.grants(v, &format!("tiers.{id}.ceiling")),
            _ => r.unknown_key(k, &schema::TIER.names(), &format!("tier `{id}`")),
        }
    }
    if !has_price {
        r.missing(span, "price", &format!("tier `{id}`"), "12.0");
    }
    Some(tier)
}

/// An area's `actions`: each named once.
fn read_actions(r: &mut Reader, v: &Val, area: &str) -> Vec<At<String>> {
    let mut actions = Vec::new();
    // Names seen, in a table: a scan of the ones before was quadratic in a long list.
    let mut seen: crate::fxhash::FxHashSet<String> = Default::default();
    for a in r.array(v, "`actions`").unwrap_or_default() {
        let Some(name) = r.id_ref(a, "an action") else { continue };
        if !seen.insert(name.value.to_string()) {
            r.bad_value(a.span(), format!("action `{}` is listed twice", name.value), "list each action once");
        } else {
            actions.push(At::new(name.value.to_string(), name.span));
        }
    }
    if actions.is_empty() {
        r.bad_value(
            v.span(),
            format!("area `{area}` has no actions"),
            "list at least `view`, e.g. actions = [\"view\", \"edit\"]",
        );
    }
    actions
}

/// An area's `levels`: each listed once; a bad one leaves the area incomplete.
fn read_levels(r: &mut Reader, v: &Val, area: &mut Area) {
    for l in r.array(v, "`levels`").unwrap_or_default() {
        let level = r.level(l, &format!("areas.{}.levels", area.id));
        area.incomplete |= level.is_none();
        let Some(level) = level else { continue };
        if area.accepts(level.value) {
            r.bad_value(l.span(), format!("level `{}` is listed twice", level.value), "list each level once");
        } else {
            area.levels.push(level);
        }
    }
    if area.levels.is_empty() {
        r.bad_value(
            v.span(),
            format!("area `{}` accepts no levels", area.id),
            "list the levels it accepts, e.g. levels = [\"none\", \"all\"]",
        );
    }
}
