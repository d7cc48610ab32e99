//! The JSON Schemas (draft-07) of the workspace files, for editors (SPEC §14):
//! generated from `schema`, the same key lists the loader, the formatter and
//! the editors read, so that they cannot drift. `roster schema` writes them;
//! `init` writes them into a new workspace with a `.taplo.toml` that maps each
//! file to its schema.
//!
//! A schema says what one file can say on its own: keys, types, ids, levels,
//! statuses and kinds, which keys go together. Whether an id names something
//! (an unknown profile), a level an area accepts, or a grant within its
//! ceiling are questions across files: `roster check` answers them.

use crate::schema::{self, FileKind, Key, KeyDefault, Table, Value};
use serde_json::{Map, Value as Json, json};

const DRAFT_07: &str = "http://json-schema.org/draft-07/schema#";

/// Where the schemas of a workspace live, relative to its folder (`init`
/// writes them there, and `.taplo.toml` points at them).
pub const WORKSPACE_DIR: &str = ".roster/schemas";

/// The JSON Schema of one kind of file.
pub fn file_schema(file: &FileKind) -> Json {
    let mut out = Map::new();
    out.insert("$schema".into(), json!(DRAFT_07));
    out.insert("title".into(), json!(format!("roster {}", file.files)));
    out.insert("description".into(), json!(file.doc));
    if let Json::Object(body) = table(file.table) {
        out.extend(body);
    }
    Json::Object(out)
}

/// The schema as written to its file: pretty JSON and a final newline.
pub fn file_text(file: &FileKind) -> String {
    let mut text = serde_json::to_string_pretty(&file_schema(file)).unwrap_or_default();
    text.push('\n');
    text
}

/// Every schema file: (file name, text), in the order of `schema::FILES`.
pub fn all() -> Vec<(String, String)> {
    schema::FILES.iter().map(|f| (f.schema_file(), file_text(f))).collect()
}

/// `.taplo.toml`: one rule per kind of file, mapping the files of the
/// workspace in `workspace` (relative to the folder of `.taplo.toml`, `/`-ended,
/// empty for that folder itself) to their schemas in `schemas` (relative to it too).
pub fn taplo_config(workspace: &str, schemas: &str) -> String {
    let mut out = String::from(
        "# Editors built on taplo (Even Better TOML in VS Code, and others) read this\n\
         # file: each rule maps roster's files to their JSON Schema, so that the\n\
         # editor completes keys and checks values as you type. After upgrading\n",
    );
    out.push_str(&format!("# roster, write the schemas again: `roster schema --out {schemas}`.\n"));
    for file in schema::FILES {
        out.push_str(&format!(
            "\n[[rule]]\ninclude = [\"{workspace}{}\"]\n\n[rule.schema]\npath = \"{schemas}/{}\"\n",
            file.files,
            file.schema_file()
        ));
    }
    out
}

fn id() -> Json {
    json!({"type": "string", "pattern": schema::ID_PATTERN})
}

fn level() -> Json {
    json!({"type": "string", "enum": schema::LEVELS})
}

/// An object whose keys are ids and whose values are `each`.
fn by_id(each: Json) -> Json {
    json!({"type": "object", "propertyNames": {"pattern": schema::ID_PATTERN}, "additionalProperties": each})
}

/// The schema of a table: its keys, which are required, which go together,
/// and nothing else (unknown keys are errors).
fn table(t: &Table) -> Json {
    let mut properties = Map::new();
    for key in t.keys {
        properties.insert(key.name.into(), property(key));
    }
    let mut out = Map::new();
    out.insert("type".into(), json!("object"));
    out.insert("properties".into(), Json::Object(properties));
    let required: Vec<&str> = t.keys.iter().filter(|k| k.required).map(|k| k.name).collect();
    if !required.is_empty() {
        out.insert("required".into(), json!(required));
    }
    out.insert("additionalProperties".into(), json!(false));
    // Exactly one of the keys marked `one_of`.
    let one_of: Vec<Json> = t.keys.iter().filter(|k| k.one_of).map(|k| json!({"required": [k.name]})).collect();
    if !one_of.is_empty() {
        out.insert("oneOf".into(), Json::Array(one_of));
    }
    // A key that goes with others needs one of them beside it.
    let mut dependencies = Map::new();
    for key in t.keys.iter().filter(|k| !k.goes_with.is_empty()) {
        let need = match key.goes_with {
            [one] => json!([one]),
            many => json!({"anyOf": many.iter().map(|k| json!({"required": [k]})).collect::<Vec<_>>()}),
        };
        dependencies.insert(key.name.into(), need);
    }
    if !dependencies.is_empty() {
        out.insert("dependencies".into(), Json::Object(dependencies));
    }
    Json::Object(out)
}

fn property(key: &Key) -> Json {
    // The description first, where an editor looks for it.
    let mut out = Map::new();
    out.insert("description".into(), json!(key.doc));
    if let Json::Object(map) = value(key.value) {
        out.extend(map);
    }
    match key.default {
        Some(KeyDefault::Text(text)) => out.insert("default".into(), json!(text)),
        Some(KeyDefault::Bool(b)) => out.insert("default".into(), json!(b)),
        None => None,
    };
    Json::Object(out)
}

fn value(v: Value) -> Json {
    match v {
        Value::Text => json!({"type": "string"}),
        // The loader's check: one `@`, something before it, a dotted domain
        // after it (not starting or ending with a dot), no spaces.
        Value::Email => json!({"type": "string", "pattern": "^[^@\\s]+@[^@\\s.][^@\\s]*\\.[^@\\s]*[^@\\s.]$"}),
        Value::Currency => json!({"type": "string", "pattern": "^[A-Z]{3}$"}),
        Value::Bool => json!({"type": "boolean"}),
        Value::Amount => json!({"type": "number", "minimum": 0}),
        Value::Id(_) => id(),
        Value::Ids(names) => {
            let mut item = id();
            item["description"] = json!(format!("A {} id.", names.noun()));
            json!({"type": "array", "items": item})
        }
        Value::Words => json!({"type": "array", "items": id(), "minItems": 1, "uniqueItems": true}),
        Value::Levels => json!({"type": "array", "items": level(), "minItems": 1, "uniqueItems": true}),
        Value::Grants => {
            let mut grants = by_id(by_id(level()));
            if let Json::Object(map) = &mut grants
                && let Some(Json::Object(actions)) = map.get_mut("additionalProperties")
            {
                actions.insert("description".into(), json!("action -> level"));
            }
            grants
        }
        Value::AccessSets => {
            let mut grants = value(Value::Grants);
            grants["description"] = json!("area -> action -> level");
            json!({"type": "object", "additionalProperties": grants})
        }
        Value::ClientProfiles => by_id(id()),
        Value::Date => date(),
        Value::Assignments => {
            let mut item = id();
            item["description"] = json!("A client id.");
            let dated = dated_table("id", id(), "The client assigned.");
            json!({"type": "array", "items": {"anyOf": [item, dated]}})
        }
        Value::DatedClientProfiles => {
            by_id(json!({"anyOf": [id(), dated_table("profile", id(), "The profile in effect for that client.")]}))
        }
        Value::DatedGrants => {
            let each = json!({"anyOf": [level(), dated_table("level", level(), "The level granted.")]});
            let mut grants = by_id(by_id(each));
            if let Json::Object(map) = &mut grants
                && let Some(Json::Object(actions)) = map.get_mut("additionalProperties")
            {
                actions.insert("description".into(), json!("action -> level"));
            }
            grants
        }
        Value::OneOf(words) => json!({"type": "string", "enum": words}),
        Value::AreaAction => area_action(),
        Value::AreaActions => json!({"type": "array", "items": area_action()}),
        Value::DateTime => json!({"type": "string", "format": "date-time"}),
        Value::Table(t) => table(t),
        Value::Entries(t) => by_id(titled(t)),
        Value::List(t) => json!({"type": "array", "items": titled(t)}),
    }
}

/// A TOML local date (`2026-12-31`): editors built on taplo read it as a
/// string in the `date` format.
fn date() -> Json {
    json!({"type": "string", "format": "date"})
}

/// The table form of a dated entry: `{ key = ..., from = DATE, until = DATE }`.
fn dated_table(key: &str, value: Json, doc: &str) -> Json {
    let mut first = value;
    first["description"] = json!(doc);
    json!({
        "type": "object",
        "properties": {
            key: first,
            "from": {"description": "The first day it is in effect.", "type": "string", "format": "date"},
            "until": {"description": "The last day it is in effect.", "type": "string", "format": "date"},
        },
        "required": [key],
        "additionalProperties": false,
    })
}

/// `area.action`: text on each side of the first dot.
fn area_action() -> Json {
    json!({"type": "string", "pattern": "^[^.]+\\..+$"})
}

/// A table's schema with its name (`a member`) as title.
fn titled(t: &Table) -> Json {
    let mut out = Map::new();
    out.insert("title".into(), json!(t.what));
    if let Json::Object(body) = table(t) {
        out.extend(body);
    }
    Json::Object(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validator(file: &FileKind) -> jsonschema::Validator {
        jsonschema::draft7::new(&file_schema(file)).expect("a valid draft-07 schema")
    }

    #[test]
    fn every_schema_is_a_valid_draft_07_schema() {
        for file in schema::FILES {
            let schema = file_schema(file);
            assert!(jsonschema::draft7::meta::is_valid(&schema), "{}", file.kind);
            validator(file);
        }
    }

    /// The id pattern and the loader's `check_id` agree.
    #[test]
    fn the_id_pattern_is_the_loaders() {
        let v = jsonschema::draft7::new(&id()).expect("schema");
        let long = "a".repeat(64);
        let too_long = "a".repeat(65);
        for sample in [
            "bob",
            "b0b",
            "0",
            "a.b_c-d",
            &long,
            &too_long,
            "",
            "Bob",
            "-bob",
            ".b",
            "_b",
            "bob smith",
            "bob/x",
            "é",
            "bob!",
            "a\n",
        ] {
            assert_eq!(
                v.is_valid(&json!(sample)),
                crate::model::check_id(sample).is_ok(),
                "{sample:?}: the pattern and check_id disagree"
            );
        }
    }

    #[test]
    fn the_email_pattern_is_the_loaders() {
        let v = jsonschema::draft7::new(&value(Value::Email)).expect("schema");
        for sample in [
            "bob@example.com",
            "a@b.c",
            "bob.example.com",
            "@example.com",
            "bob@example",
            "bob @example.com",
            "bob@.example.com",
            "bob@example.com.",
            "a@b@c.d",
            "bob@ex..ample.com",
        ] {
            assert_eq!(
                v.is_valid(&json!(sample)),
                crate::model::check_email(sample).is_ok(),
                "{sample:?}: the pattern and check_email disagree"
            );
        }
    }

    #[test]
    fn a_test_states_one_expectation_and_its_keys_go_with_it() {
        let tests = schema::file_kind("tests").expect("tests");
        let v = validator(tests);
        let ok = |t: Json| v.is_valid(&json!({"test": [t]}));
        assert!(ok(json!({"who_can": "settings.edit", "exactly": ["claire"]})));
        assert!(ok(json!({"member": "bob", "client": "acme", "allow": ["invoices.view"]})));
        assert!(ok(json!({"max_monthly_cost": 100})));
        assert!(!ok(json!({"who_can": "settings.edit", "member": "bob"})), "two expectations");
        assert!(!ok(json!({"name": "nothing"})), "no expectation");
        assert!(!ok(json!({"member": "bob", "exactly": ["bob"]})), "exactly goes with who_can");
        assert!(!ok(json!({"max_monthly_cost": 1, "client": "acme"})), "client goes with who_can or member");
        assert!(!ok(json!({"who_can": "settings"})), "not area.action");
    }

    #[test]
    fn taplo_maps_every_kind_of_file() {
        let text = taplo_config("", WORKSPACE_DIR);
        let parsed: toml::Table = toml::from_str(&text).expect("valid TOML");
        let rules = parsed["rule"].as_array().expect("rules");
        assert_eq!(rules.len(), schema::FILES.len());
        assert_eq!(rules[1]["include"][0].as_str(), Some("profiles/*.toml"));
        assert_eq!(rules[1]["schema"]["path"].as_str(), Some(".roster/schemas/profile.schema.json"));
        let text = taplo_config("config/", "schemas");
        assert!(text.contains(
            "include = [\"config/members.toml\"]\n\n[rule.schema]\npath = \"schemas/members.schema.json\"\n"
        ));
    }
}
