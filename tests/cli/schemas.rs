//! The JSON Schemas for editors (`roster schema`): the copies kept in
//! `schemas/` and the repository's `.taplo.toml` are current (regenerate
//! with `UPDATE_SCHEMAS=1 cargo test --test cli schemas`), `config/`
//! validates against them, broken files fail them as they fail `check`, and
//! `init` writes them with a `.taplo.toml` that maps each file to its schema.

use crate::support::{Workspace, repo_config, run_in};
use serde_json::{Value, json};
use std::path::Path;

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The kinds of file and their schema files, as `roster schema --format json` lists them.
fn kinds() -> Vec<(String, String, String)> {
    let dir = Workspace::empty();
    let run = run_in(dir.path(), &["schema", "--format", "json"]);
    run.code(0);
    run.json()
        .as_array()
        .expect("a list")
        .iter()
        .map(|k| {
            let s = |f: &str| k[f].as_str().expect(f).to_string();
            (s("kind"), s("files"), s("schema"))
        })
        .collect()
}

/// Writes `path` when `UPDATE_SCHEMAS` is set, then fails when it differs from `text`.
fn assert_current(path: &Path, text: &str) {
    if std::env::var_os("UPDATE_SCHEMAS").is_some() {
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let shipped = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        shipped == text,
        "{} is stale: run `UPDATE_SCHEMAS=1 cargo test --test cli schemas`",
        path.strip_prefix(repo()).unwrap_or(path).display()
    );
}

#[test]
fn shipped_schemas_are_current() {
    let out = Workspace::empty();
    run_in(out.path(), &["schema", "--out", "s"]).code(0).stdout_has("wrote 7 JSON Schemas to `s`");
    let kinds = kinds();
    let mut names: Vec<&str> = kinds.iter().map(|(_, _, schema)| schema.as_str()).collect();
    for (kind, _, schema) in &kinds {
        let written = std::fs::read_to_string(out.path().join("s").join(schema)).expect("written");
        // `roster schema KIND` prints what `--out` writes.
        assert_eq!(run_in(out.path(), &["schema", kind]).code(0).stdout, written);
        assert_current(&repo().join("schemas").join(schema), &written);
    }
    // Nothing else in schemas/ (a kind that went away leaves no stale file).
    let mut shipped: Vec<String> = std::fs::read_dir(repo().join("schemas"))
        .expect("schemas/")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    shipped.sort();
    names.sort_unstable();
    assert_eq!(shipped, names);
}

/// The repository's `.taplo.toml` maps `config/` to `schemas/`, as `init`
/// maps a new workspace to `.roster/schemas/`.
#[test]
fn the_repositorys_taplo_config_is_current() {
    let text = roster::json_schema::taplo_config("config/", "schemas");
    for (_, files, schema) in kinds() {
        assert!(
            text.contains(&format!("include = [\"config/{files}\"]\n\n[rule.schema]\npath = \"schemas/{schema}\"\n"))
        );
    }
    assert_current(&repo().join(".taplo.toml"), &text);
}

/// TOML as JSON, the way an editor's TOML language server hands it to a
/// JSON Schema validator: dates as their text.
fn to_json(v: &toml::Value) -> Value {
    match v {
        toml::Value::String(s) => json!(s),
        toml::Value::Integer(i) => json!(i),
        toml::Value::Float(f) => json!(f),
        toml::Value::Boolean(b) => json!(b),
        toml::Value::Datetime(d) => json!(d.to_string()),
        toml::Value::Array(a) => Value::Array(a.iter().map(to_json).collect()),
        toml::Value::Table(t) => Value::Object(t.iter().map(|(k, v)| (k.clone(), to_json(v))).collect()),
    }
}

fn validator(schema_dir: &Path, schema: &str) -> jsonschema::Validator {
    let text = std::fs::read_to_string(schema_dir.join(schema)).expect("schema");
    jsonschema::draft7::new(&serde_json::from_str(&text).expect("JSON")).expect("a draft-07 schema")
}

/// The problems `schema` finds in the TOML file at `path`.
fn problems(schema_dir: &Path, schema: &str, path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).expect("read");
    let toml: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let json = to_json(&toml);
    let v = validator(schema_dir, schema);
    v.iter_errors(&json).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

/// The files of a workspace that each kind's glob matches.
fn files_of(ws: &Path, glob: &str) -> Vec<std::path::PathBuf> {
    match glob.split_once("/*") {
        Some((dir, ext)) => {
            // A folder a workspace may not have (`reviews/`): no files.
            let Ok(entries) = std::fs::read_dir(ws.join(dir)) else { return Vec::new() };
            let mut files: Vec<_> =
                entries.map(|e| e.expect("entry").path()).filter(|p| p.to_string_lossy().ends_with(ext)).collect();
            files.sort();
            files
        }
        None => vec![ws.join(glob)].into_iter().filter(|p| p.exists()).collect(),
    }
}

/// Every TOML file under `dir`, sorted.
fn toml_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read_dir") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    out.sort();
}

#[test]
fn the_example_workspace_validates_against_the_shipped_schemas() {
    let mut checked = Vec::new();
    for (kind, glob, schema) in kinds() {
        for file in files_of(&repo_config(), &glob) {
            let found = problems(&repo().join("schemas"), &schema, &file);
            assert!(found.is_empty(), "{} ({kind}) fails its schema:\n{}", file.display(), found.join("\n"));
            checked.push(file);
        }
    }
    // Every file of the example has a kind (a new kind of file needs its schema).
    checked.sort();
    let mut all = Vec::new();
    toml_files(&repo_config(), &mut all);
    assert_eq!(checked, all);
}

/// Broken files: each fails its schema, and `roster check` (exit 1) too.
#[test]
fn broken_files_fail_their_schema_as_they_fail_check() {
    let cases: &[(&str, &str, &str, &str)] = &[
        ("members.toml", "members", "profile = \"easy-invoicing\"", "profil = \"easy-invoicing\""),
        ("members.toml", "members", "[members.bob]", "[members.Bob]"),
        ("members.toml", "members", "email = \"bob@cabinet-martin.example\"", "email = \"bob at cabinet\""),
        ("members.toml", "members", "credit_limit = 200", "credit_limit = -1"),
        ("members.toml", "members", "credit_limit = 200", "credit_limit = \"200\""),
        ("members.toml", "members", "clients = [\"acme\", \"globex\"]", "clients = [\"ACME\"]"),
        ("members.toml", "members", "client_profiles = { acme", "client_profiles = { ACME"),
        ("members.toml", "members", "name = \"Bob Durand\"", "status = \"asleep\""),
        ("clients.toml", "clients", "kind = \"contact\"", "kind = \"person\""),
        ("clients.toml", "clients", "name = \"ACME SA\"", "label = \"ACME SA\""),
        ("workspace.toml", "workspace", "currency = \"EUR\"", "currency = \"euro\""),
        ("workspace.toml", "workspace", "per_client = true", "per_client = \"yes\""),
        ("workspace.toml", "workspace", "levels = [\"none\", \"assigned\", \"all\"]", "levels = [\"none\", \"most\"]"),
        ("workspace.toml", "workspace", "[tiers.connect]", "[tier.connect]"),
        ("profiles/connect-pay.toml", "profile", "tier = \"connect\"", "tier = 3"),
        ("profiles/connect-pay.toml", "profile", "clients = { view = \"assigned\" }", "clients = { view = \"some\" }"),
        ("tests.toml", "tests", "who_can = \"settings.edit\"", "who_can = \"settings.edit\"\nmember = \"bob\""),
        ("tests.toml", "tests", "who_can = \"settings.edit\"", "who_can = \"settings\""),
        ("tests.toml", "tests", "member = \"bob\"", "max_monthly_cost = 1.0"),
        ("tests.toml", "tests", "max_monthly_cost = ", "max_cost = "),
    ];
    for (file, kind, from, to) in cases {
        let ws = Workspace::example_with_tests();
        let text = ws.read(file);
        assert!(text.contains(from), "{file} has no {from:?}");
        ws.write(file, text.replacen(from, to, 1));
        let schema = format!("{kind}.schema.json");
        let found = problems(&repo().join("schemas"), &schema, &ws.path().join(file));
        assert!(!found.is_empty(), "{file} with {to:?} passes its schema");
        ws.run(&["check"]).code(1);
    }
}

#[test]
fn init_writes_the_schemas_and_a_taplo_config_that_maps_every_file() {
    let dir = Workspace::empty();
    run_in(dir.path(), &["init", "ws"]).code(0).stdout_has(".taplo.toml");
    let ws = dir.path().join("ws");
    let taplo: toml::Value =
        toml::from_str(&std::fs::read_to_string(ws.join(".taplo.toml")).expect("read")).expect(".taplo.toml is TOML");
    let rules = taplo["rule"].as_array().expect("rules");
    let kinds = kinds();
    assert_eq!(rules.len(), kinds.len());
    for ((kind, glob, schema), rule) in kinds.iter().zip(rules) {
        assert_eq!(rule["include"][0].as_str(), Some(glob.as_str()));
        let path = rule["schema"]["path"].as_str().expect("schema.path");
        assert_eq!(path, format!(".roster/schemas/{schema}"));
        // The schema written is the one roster prints, and the template's files pass it.
        let written = std::fs::read_to_string(ws.join(path)).expect("the schema file");
        assert_eq!(written, run_in(dir.path(), &["schema", kind]).stdout);
        for file in files_of(&ws, glob) {
            let found = problems(&ws.join(".roster/schemas"), schema, &file);
            assert!(found.is_empty(), "{} fails its schema:\n{}", file.display(), found.join("\n"));
        }
    }
    run_in(dir.path(), &["-w", "ws", "check", "--strict"]).code(0);
    run_in(dir.path(), &["-w", "ws", "fmt", "--check"]).code(0);
}

#[test]
fn init_refuses_a_schemas_folder_that_leads_outside() {
    let dir = Workspace::empty();
    let outside = Workspace::empty();
    std::fs::create_dir_all(dir.path().join("ws")).expect("mkdir");
    std::os::unix::fs::symlink(outside.path(), dir.path().join("ws/.roster")).expect("symlink");
    run_in(dir.path(), &["init", "ws"]).code(6).stderr_has("outside the workspace").stderr_has("nothing was written");
    assert!(!dir.path().join("ws/workspace.toml").exists());
    assert_eq!(std::fs::read_dir(outside.path()).expect("read_dir").count(), 0);
}

#[test]
fn schema_takes_a_kind_and_refuses_an_unknown_one() {
    let dir = Workspace::empty();
    let run = run_in(dir.path(), &["schema", "members"]);
    run.code(0);
    let schema = run.json();
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        schema["properties"]["members"]["additionalProperties"]["properties"]["status"]["enum"],
        json!(["active", "invited", "suspended"])
    );
    run_in(dir.path(), &["schema", "member"])
        .code(2)
        .stderr_has("[possible values: workspace, profile, members, clients, tests, review, teams]");
    // Only one kind written with --out KIND.
    run_in(dir.path(), &["-q", "schema", "tests", "--out", "only"]).code(0);
    assert_eq!(std::fs::read_dir(dir.path().join("only")).expect("only/").count(), 1);
}
