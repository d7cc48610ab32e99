//! No lock-out (issue 13, defect 1): an admin is never limited
//! (`admin-limited`), with `--as` only the owner changes the owner's entry,
//! and the workspace always keeps a member who may change permissions.

use crate::support::Workspace;
use std::collections::BTreeMap;

/// Every file of the workspace, by name.
fn snapshot(ws: &Workspace) -> BTreeMap<String, String> {
    fn walk(root: &std::path::Path, dir: &std::path::Path, out: &mut BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).expect("read_dir") {
            let path = e.expect("entry").path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let name = path.strip_prefix(root).expect("inside").to_string_lossy().into_owned();
                out.insert(name, std::fs::read_to_string(&path).expect("read"));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(ws.path(), ws.path(), &mut out);
    out
}

/// Runs a change that must be refused with `code` and `says` on stderr, and
/// checks that no file moved (nor was a temporary file left).
#[track_caller]
fn refused(ws: &Workspace, args: &[&str], code: i32, says: &str) {
    let before = snapshot(ws);
    ws.run(args).code(code).stderr_has(says);
    assert_eq!(snapshot(ws), before, "{args:?} changed files although it was refused");
}

/// The example workspace with `require_actor = true`, as in the issue.
fn with_actors() -> Workspace {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "require_actor = false", "require_actor = true");
    ws
}

const OWNER_ONLY: &str = "error[not-permitted]: only the owner may change the owner's entry: this change would change `claire`'s entry in members.toml, and it is made by `marc` (--as); nothing was written\n  = help: ask `claire` to make this change (--as claire)\n";

/// The two commands: the first is refused, the second leaves the
/// owner, and every later change still goes through.
#[test]
fn one_admin_cannot_lock_everyone_out() {
    let ws = with_actors();
    let before = snapshot(&ws);
    let run = ws.run(&["--as", "marc", "member", "edit", "claire", "--grant", "settings.edit=none"]);
    run.code(5);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, OWNER_ONLY);
    assert_eq!(snapshot(&ws), before);
    ws.run(&["--as", "marc", "member", "edit", "marc", "--status", "suspended"])
        .code(0)
        .stdout_has("marc: status active -> suspended");
    ws.run(&["check"]).code(0);
    let who = ws.run(&["--format", "json", "access", "who-can", "settings.edit"]);
    let ids: Vec<String> =
        who.code(0).json().as_array().expect("array").iter().map(|m| m["member"].as_str().unwrap().into()).collect();
    assert_eq!(ids, ["claire"]);
    ws.run(&["--as", "claire", "member", "edit", "marc", "--status", "active"]).code(0);
}

/// An admin limiting themself (or another admin who is not the owner) is
/// `admin-limited`: exit 3, the diagnostic at the key as the file would read.
#[test]
fn an_override_on_an_admin_is_refused() {
    let ws = with_actors();
    let before = snapshot(&ws);
    let run = ws.run(&["--as", "marc", "member", "edit", "marc", "--grant", "settings.edit=none"]);
    run.code(3);
    assert_eq!(
        run.stderr,
        "error[admin-limited]: member `marc` is on the admin profile `admin` and has an override `settings.edit` = `none`
  --> members.toml:47:32
   |
47 | grants = { settings = { edit = \"none\" } }
   |                                ^^^^^^
   = help: an admin holds the highest level of everything and is never limited: remove the override (`roster member edit marc --revoke-grant settings.edit`); or first move `marc` to a non-admin profile (`roster transfer-one marc --to PROFILE`)

error[admin-limited]: the change would break 1 rule (shown above as the files would read); nothing was written
  = help: an admin holds the highest level of everything and is never limited: remove the override (`roster member edit marc --revoke-grant settings.edit`); or first move `marc` to a non-admin profile (`roster transfer-one marc --to PROFILE`)
"
    );
    assert_eq!(snapshot(&ws), before);
    // Also without an actor, and for the owner acting on their own entry.
    ws.edit("workspace.toml", "require_actor = true", "require_actor = false");
    refused(&ws, &["member", "edit", "marc", "--grant", "clients.view=none"], 3, "error[admin-limited]");
    refused(
        &ws,
        &["--as", "claire", "member", "edit", "claire", "--grant", "billing.view=none"],
        3,
        "the owner `claire` stays on an admin profile",
    );
}

/// Every change that would put an override or a per-client profile on an
/// admin is refused: a transfer to the admin profile, a per-client profile for
/// an admin, a dry run too.
#[test]
fn every_change_that_would_limit_an_admin_is_refused() {
    let ws = Workspace::example();
    // julie has an override, bob a per-client profile.
    refused(
        &ws,
        &["transfer-one", "julie", "--to", "admin"],
        3,
        "`julie` is on the admin profile `admin` and has an override `invoices.view` = `assigned`",
    );
    refused(
        &ws,
        &["--dry-run", "transfer-one", "bob", "--to", "admin"],
        3,
        "has a per-client profile `full-accounting` for `acme`",
    );
    ws.run(&["client", "assign", "acme", "--to", "marc"]).code(0);
    refused(
        &ws,
        &["transfer-one", "marc", "--to", "full-accounting", "--client", "acme"],
        3,
        "= help: an admin works under their admin profile for every client: remove `acme` from `client_profiles` (`roster transfer-one marc --to admin --client acme`)",
    );
    refused(&ws, &["transfer-all", "easy-invoicing", "--to", "admin"], 3, "error[admin-limited]");
}

/// `check` finds what a hand edit put on an admin, with file:line:col.
#[test]
fn check_finds_an_admin_limited_by_hand() {
    let ws = Workspace::example();
    ws.edit(
        "members.toml",
        "profile = \"admin\"\n\n[members.hugo]",
        "profile = \"admin\"\nclients = [\"acme\"]\nclient_profiles = { acme = \"connect-pay\" }\n\n[members.hugo]",
    );
    ws.edit(
        "members.toml",
        "profile = \"admin\"\n\n[members.nadia]",
        "profile = \"admin\"\ngrants = { billing = { view = \"none\" } }\n\n[members.nadia]",
    );
    let run = ws.run(&["check"]);
    run.code(1);
    assert_eq!(
        run.stderr,
        "error[admin-limited]: member `claire` is on the admin profile `admin` and has a per-client profile `connect-pay` for `acme`
  --> members.toml:16:21
   |
16 | client_profiles = { acme = \"connect-pay\" }
   |                     ^^^^
   = help: an admin works under their admin profile for every client: remove `acme` from `client_profiles` (`roster transfer-one claire --to admin --client acme`); the owner `claire` stays on an admin profile

error[admin-limited]: member `marc` is on the admin profile `admin` and has an override `billing.view` = `none`
  --> members.toml:49:31
   |
49 | grants = { billing = { view = \"none\" } }
   |                               ^^^^^^
   = help: an admin holds the highest level of everything and is never limited: remove the override (`roster member edit marc --revoke-grant billing.view`); or first move `marc` to a non-admin profile (`roster transfer-one marc --to PROFILE`)

check failed: 2 errors, 0 warnings in `.`
"
    );
}

/// With `--as`, whatever the command, a change of the owner's entry is the
/// owner's: an edit, an assignment, a per-client profile, a client removed
/// that the owner holds, an import. The owner may; without `--as` anyone may;
/// a change that leaves the entry meaning the same (`fmt`, an import of an
/// export) is not one.
#[test]
fn only_the_owner_changes_the_owners_entry() {
    let ws = with_actors();
    refused(&ws, &["--as", "marc", "member", "edit", "claire", "--name", "Claire M"], 5, OWNER_ONLY);
    refused(&ws, &["--as", "marc", "client", "assign", "acme", "--to", "claire"], 5, OWNER_ONLY);
    refused(&ws, &["--as", "marc", "--dry-run", "client", "assign", "acme", "--to", "claire"], 5, OWNER_ONLY);
    ws.run(&["--as", "claire", "client", "assign", "acme", "--to", "claire"]).code(0);
    refused(&ws, &["--as", "marc", "client", "unassign", "acme", "--from", "claire"], 5, OWNER_ONLY);
    refused(&ws, &["--as", "marc", "client", "remove", "acme"], 5, OWNER_ONLY);
    refused(
        &ws,
        &["--as", "marc", "transfer-one", "claire", "--to", "full-accounting", "--client", "acme"],
        5,
        OWNER_ONLY,
    );
    ws.write("rename.csv", "id,name\nclaire,Claire M\n");
    refused(&ws, &["--as", "marc", "import", "members", "rename.csv"], 5, OWNER_ONLY);
    // What leaves the owner's entry as it reads goes through.
    ws.run(&["--as", "marc", "member", "edit", "bob", "--name", "Robert"]).code(0);
    ws.run(&["--as", "marc", "client", "assign", "acme", "--to", "hugo"]).code(0);
    let export = ws.run(&["export", "members"]);
    ws.write("export.csv", &export.code(0).stdout);
    ws.run(&["--as", "marc", "import", "members", "export.csv"]).code(0);
    ws.edit(
        "members.toml",
        "[members.claire]\nname = \"Claire Martin\"\nemail = \"claire@cabinet-martin.example\"\n",
        "[members.claire]\nemail = \"claire@cabinet-martin.example\"\nname = \"Claire Martin\"\n",
    );
    ws.run(&["--as", "marc", "fmt"]).code(0);
    assert!(ws.read("members.toml").contains("[members.claire]\nname = \"Claire Martin\"\nemail"));
    // The owner changes their own entry.
    ws.run(&["--as", "claire", "client", "unassign", "acme", "--from", "claire"])
        .code(0)
        .stdout_has("claire: unassigned acme");
    // Without an actor there is nobody to hold to it.
    ws.edit("workspace.toml", "require_actor = true", "require_actor = false");
    ws.run(&["member", "edit", "claire", "--name", "Claire M"]).code(0);
}

/// Who may change permissions holds settings.edit = all: a `settings` area
/// without that level would let nobody, and is an error.
#[test]
fn the_settings_area_must_accept_all() {
    let ws = Workspace::example();
    ws.edit(
        "workspace.toml",
        "label = \"Workspace settings\"\nactions = [\"view\", \"edit\"]\nlevels = [\"none\", \"all\"]",
        "label = \"Workspace settings\"\nactions = [\"view\", \"edit\"]\nlevels = [\"none\"]",
    );
    ws.edit("workspace.toml", "settings = { view = \"all\", edit = \"all\" }\n", "");
    let run = ws.run(&["check"]);
    run.code(1)
        .stderr_has("error[bad-value]: the `settings` area does not accept the level `all`\n  --> workspace.toml:");
    run.stderr_has("= help: add \"all\" to the `levels` of [areas.settings]");
}
