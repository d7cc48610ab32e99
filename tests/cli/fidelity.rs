//! Issue 15: what the firms' products promise. Licences follow the pricier
//! profile a member works under, a company's folder holds its contacts, plans
//! gate customisation, credit limits are credits.

use crate::support::Workspace;

/// bob works under easy-invoicing (Invoicing, 15.00) and, for ACME, under
/// full-accounting (Accounting, 29.00): his licence is Accounting.
#[test]
fn a_per_client_profile_on_a_pricier_tier_sets_the_licence() {
    let ws = Workspace::example();
    let show = ws.run(&["member", "show", "bob", "--format", "json"]);
    let v = show.code(0).json();
    assert_eq!(v["licence"]["tier"], "accounting");
    assert_eq!(v["licence"]["price"], 29.0);
    ws.run(&["member", "show", "bob"]).code(0).stdout_has("licence       Accounting 29.00 EUR/month");
    // Without the per-client profile his licence, and the bill, drop by 14.00.
    ws.run(&["transfer-one", "bob", "--to", "easy-invoicing", "--client", "acme"])
        .code(0)
        .stdout_has("bob: licence Accounting 29.00 -> Invoicing 15.00 EUR/month")
        .stdout_has("monthly cost: 305.00 -> 291.00 EUR");
    let after = ws.run(&["member", "show", "bob", "--format", "json"]).json();
    assert_eq!(after["licence"]["tier"], "invoicing");
    // And back: the per-client profile raises it again, and says so.
    ws.run(&["transfer-one", "bob", "--to", "full-accounting", "--client", "acme"])
        .code(0)
        .stdout_has("bob: licence Invoicing 15.00 -> Accounting 29.00 EUR/month")
        .stdout_has("monthly cost: 291.00 -> 305.00 EUR");
}

/// `test`'s `max_monthly_cost` counts the licence, not the own profile's tier.
#[test]
fn max_monthly_cost_counts_per_client_licences() {
    let ws = Workspace::example();
    // 291.00 by own profiles alone; bob's ACME profile makes it 305.00.
    ws.write("tests.toml", "[[test]]\nname = \"budget\"\nmax_monthly_cost = 300.0\n");
    ws.run(&["test"]).code(1).stdout_has("actual:   305.00 EUR");
}

/// A member's licence moves when their own profile changes under a pricier per-client one: not at all.
#[test]
fn moving_the_own_profile_under_a_pricier_per_client_one_keeps_the_licence() {
    let ws = Workspace::example();
    let run = ws.run(&["transfer-one", "bob", "--to", "connect-pay"]);
    run.code(0).stdout_has("bob: profile easy-invoicing -> connect-pay");
    assert!(!run.stdout.contains("monthly cost"), "the licence stays Accounting:\n{}", run.stdout);
    assert!(!run.stdout.contains("licence"), "{}", run.stdout);
}

#[test]
fn credit_limits_are_credits() {
    let ws = Workspace::example();
    ws.run(&["member", "show", "bob"]).code(0).stdout_has("credit limit  200 credits/month");
    ws.run(&["member", "edit", "bob", "--credit-limit", "350"])
        .code(0)
        .stdout_has("bob: credit limit 200 credits/month -> 350 credits/month");
}

/// jean-dupont is ACME's contact; bob works under full-accounting for ACME,
/// under easy-invoicing otherwise. ACME's folder holds jean-dupont.
#[test]
fn a_contact_is_reached_under_its_companys_per_client_profile() {
    let ws = Workspace::example();
    ws.run(&["access", "check", "bob", "documents.edit", "--client", "jean-dupont"])
        .code(0)
        .stdout_has("profile: full-accounting (per-client profile for acme, whose folder holds its contact jean-dupont; own profile easy-invoicing)")
        .stdout_has("allowed: bob documents.edit on jean-dupont");
    // ACME's profile keeps no invoices: bob's own profile would have let him edit jean-dupont's.
    ws.run(&["access", "check", "bob", "invoices.edit", "--client", "jean-dupont"]).code(1);
    let v = ws.run(&["access", "check", "bob", "documents.edit", "--client", "jean-dupont", "--format", "json"]).json();
    assert_eq!(v["profile"], "full-accounting");
    // anne-leroy, Globex's contact, stays under bob's own profile.
    let v = ws.run(&["access", "check", "bob", "documents.edit", "--client", "anne-leroy", "--format", "json"]).json();
    assert_eq!(v["profile"], "easy-invoicing");
}

/// What one cannot see, one cannot print: a profile, an override, by hand or by a change.
#[test]
fn an_action_above_view_is_an_error_and_a_refused_change() {
    let ws = Workspace::example();
    ws.run(&["-q", "profile", "duplicate", "connect-pay", "clerk"]).code(0);
    let before = ws.read("profiles/clerk.toml");
    ws.run(&["profile", "edit", "clerk", "--set", "invoices.view=none"])
        .code(3)
        .stderr_has(
            "error[action-exceeds-view]: profile `clerk` may print `invoices` at `assigned` but only view it at `none`",
        )
        .stderr_has("raise `invoices.view` to `assigned` or lower `invoices.print` to `none`");
    assert_eq!(ws.read("profiles/clerk.toml"), before);
    // An override that lowers view below the profile's print: the member's effective levels.
    ws.run(&["member", "edit", "lea", "--grant", "invoices.view=none"])
        .code(3)
        .stderr_has("error[action-exceeds-view]: member `lea` may print `invoices`");
    // By hand: check names the line and column.
    ws.edit(
        "members.toml",
        "grants = { invoices = { view = \"assigned\" } }",
        "grants = { invoices = { view = \"assigned\", print = \"assigned\" } }",
    );
    ws.run(&["check"]).code(0);
    ws.edit("members.toml", "view = \"assigned\", print = \"assigned\"", "view = \"none\", print = \"assigned\"");
    ws.run(&["check"]).code(1).stderr_has("error[action-exceeds-view]").stderr_has("members.toml:");
}

/// A plan without customisation allows no member overrides either.
#[test]
fn overrides_are_custom_profiles_disabled_too() {
    let ws = Workspace::example();
    // The example has custom profiles; keep only builtin ones' members valid.
    ws.edit("workspace.toml", "custom_profiles = true", "custom_profiles = false");
    let run = ws.run(&["check", "--format", "json"]);
    let errors = run.json()["errors"].as_array().expect("errors").clone();
    let julie = errors
        .iter()
        .find(|d| d["code"] == "custom-profiles-disabled" && d["message"].as_str().unwrap_or("").contains("julie"))
        .unwrap_or_else(|| panic!("no diagnostic for julie's override: {errors:?}"));
    assert_eq!(julie["file"], "members.toml");
    assert!(julie["line"].as_u64().is_some() && julie["column"].as_u64().is_some());
}

#[test]
fn an_override_on_a_plan_without_customisation_is_refused() {
    let ws = Workspace::example();
    ws.edit("workspace.toml", "custom_profiles = true", "custom_profiles = false");
    ws.edit("profiles/connect-no-pay.toml", "tier = ", "builtin = true\ntier = ");
    ws.edit("members.toml", "grants = { invoices = { view = \"assigned\" } }", "");
    ws.run(&["check"]).code(0);
    let before = ws.read("members.toml");
    ws.run(&["member", "edit", "julie", "--grant", "invoices.view=assigned"])
        .code(3)
        .stderr_has("error[custom-profiles-disabled]")
        .stderr_has("move the member to a builtin profile that grants it");
    assert_eq!(ws.read("members.toml"), before);
}

/// `cost`: bob's ACME profile puts his seat on the Accounting tier.
#[test]
fn cost_counts_licences_seats_and_credit_limits() {
    let ws = Workspace::example();
    let v = ws.run(&["cost", "--format", "json"]).code(0).json();
    assert_eq!(v["currency"], "EUR");
    assert_eq!(v["monthly_cost"], 305.0);
    assert_eq!(v["members_paying"], 11);
    let accounting = v["rows"].as_array().unwrap().iter().find(|r| r["key"] == "accounting").unwrap().clone();
    assert_eq!(accounting, serde_json::json!({"key": "accounting", "seats": 3, "price": 29.0, "monthly": 87.0}));
    let by_member = ws.run(&["cost", "--by", "member", "--format", "json"]).json();
    let bob = by_member["rows"].as_array().unwrap().iter().find(|r| r["key"] == "bob").unwrap().clone();
    assert_eq!(bob["price"], 29.0);
    assert_eq!(v["credit_limits"]["total"], by_member["credit_limits"]["total"]);
    // Without his ACME profile, bob pays Invoicing.
    ws.run(&["-q", "transfer-one", "bob", "--to", "easy-invoicing", "--client", "acme"]).code(0);
    let v = ws.run(&["cost", "--by", "member", "--format", "json"]).json();
    let bob = v["rows"].as_array().unwrap().iter().find(|r| r["key"] == "bob").unwrap().clone();
    assert_eq!(bob["price"], 15.0);
    assert_eq!(v["monthly_cost"], 291.0);
    ws.run(&["cost", "--by", "nothing"]).code(2);
}

/// Seats: a profile's members and active ones; who is there through which client.
#[test]
fn profile_seats_and_per_client_members() {
    let ws = Workspace::example();
    let v = ws.run(&["profile", "list", "--format", "json"]).code(0).json();
    let fa = v.as_array().unwrap().iter().find(|p| p["id"] == "full-accounting").unwrap().clone();
    // thomas (own), paul (invited, own), bob (for acme), hugo (for initech, from 2027-01-04).
    assert_eq!((fa["members"].clone(), fa["active"].clone()), (serde_json::json!(4), serde_json::json!(3)));
    let v = ws.run(&["member", "list", "--profile", "full-accounting", "--format", "json"]).code(0).json();
    let bob = v.as_array().unwrap().iter().find(|m| m["id"] == "bob").unwrap().clone();
    assert_eq!(bob["for_clients"], serde_json::json!(["acme"]));
    assert_eq!(bob["credit_limit"], 200);
    let thomas = v.as_array().unwrap().iter().find(|m| m["id"] == "thomas").unwrap().clone();
    assert_eq!(thomas["for_clients"], serde_json::json!([]));
}

/// Every file of the workspace, by name, to show that a refused change wrote nothing.
fn files(ws: &Workspace) -> std::collections::BTreeMap<String, String> {
    let mut out = std::collections::BTreeMap::new();
    for name in ["workspace.toml", "members.toml", "clients.toml", "tests.toml"] {
        if ws.path().join(name).exists() {
            out.insert(name.to_string(), ws.read(name));
        }
    }
    for e in std::fs::read_dir(ws.path().join("profiles")).expect("profiles") {
        let name = format!("profiles/{}", e.expect("entry").file_name().to_string_lossy());
        out.insert(name.clone(), ws.read(&name));
    }
    out
}

/// "View as bob": his own profile's lines, and ACME's profile on lines of
/// its own where it gives another level; jean-dupont is reached through ACME.
#[test]
fn access_list_shows_levels_profiles_and_how_each_client_is_reached() {
    let ws = Workspace::example();
    let v = ws.run(&["access", "list", "bob", "--format", "json"]).code(0).json();
    assert_eq!((v["member"].clone(), v["active"].clone()), (serde_json::json!("bob"), serde_json::json!(true)));
    assert!(v.get("at").is_some(), "{v}");
    let access = v["access"].as_array().expect("access");
    let lines = |area: &str, action: &str| -> Vec<serde_json::Value> {
        access.iter().filter(|l| l["area"] == area && l["action"] == action).cloned().collect()
    };
    let docs = lines("documents", "view");
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert_eq!(
        (docs[0]["level"].clone(), docs[0]["profile"].clone()),
        (serde_json::json!("assigned"), serde_json::json!("easy-invoicing"))
    );
    assert_eq!(
        docs[1],
        serde_json::json!({"area": "documents", "action": "view", "level": "all", "profile": "full-accounting", "clients": [
            {"client": "acme", "via": "assigned", "profile": "full-accounting", "until": null},
            {"client": "jean-dupont", "via": "company", "profile": "full-accounting", "until": null},
        ]})
    );
    let own: Vec<(String, String)> = docs[0]["clients"]
        .as_array()
        .expect("clients")
        .iter()
        .map(|c| (c["client"].as_str().unwrap().into(), c["via"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        own,
        [("anne-leroy", "company"), ("globex", "assigned"), ("luc-girard", "created")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // Calendars are not judged per client: no clients; settings at none: none either.
    let calendars = lines("calendars", "view");
    assert_eq!(
        calendars,
        [serde_json::json!({"area": "calendars", "action": "view", "level": "all", "profile": "easy-invoicing"})]
    );
    assert!(lines("settings", "edit")[0].get("clients").is_none());
    // Every key of access check's answer agrees, pair by pair.
    for l in access.iter().filter(|l| l["profile"] == "easy-invoicing") {
        let key = format!("{}.{}", l["area"].as_str().unwrap(), l["action"].as_str().unwrap());
        let check = ws.run(&["access", "check", "bob", &key, "--format", "json"]).json();
        assert_eq!(check["level"], l["level"], "{key}");
    }
}

#[test]
fn access_list_for_one_client_and_one_area() {
    let ws = Workspace::example();
    let v = ws
        .run(&["access", "list", "bob", "--client", "jean-dupont", "--area", "invoices", "--format", "json"])
        .code(0)
        .json();
    let access = v["access"].as_array().expect("access");
    assert_eq!(access.len(), 3);
    assert!(access.iter().all(|l| l["area"] == "invoices" && l["profile"] == "full-accounting"), "{access:?}");
    assert_eq!(access[0]["clients"], "all");
    assert!(access[1].get("clients").is_none(), "invoices.edit is none for ACME's folder: {access:?}");
    // julie's override shows where her level comes from.
    ws.run(&["access", "list", "julie", "--area", "invoices"]).code(0).stdout_has("connect-no-pay + override");
    // An invited member holds nothing.
    let v = ws.run(&["access", "list", "ines", "--format", "json"]).code(0).json();
    assert_eq!(v["active"], false);
    assert!(v["access"].as_array().unwrap().iter().all(|l| l["level"] == "none"));
    ws.run(&["access", "list", "bobb"]).code(4).stderr_has("did you mean `bob`?");
    ws.run(&["access", "list", "bob", "--area", "invoice"]).code(4).stderr_has("did you mean `invoices`?");
    ws.run(&["access", "list", "bob", "--client", "acm"]).code(4).stderr_has("did you mean `acme`?");
}

/// One change assigns and sets the per-client profile: one write of bob's
/// entry, the licence line, and no moment with the wider own profile.
#[test]
fn client_assign_with_a_profile_is_one_change() {
    let ws = Workspace::example();
    let run = ws.run(&["client", "assign", "umbrella", "--to", "hugo", "--profile", "full-accounting"]);
    run.code(0)
        .stdout_has("hugo: assigned umbrella\n")
        .stdout_has(
            "hugo: for umbrella, profile easy-invoicing -> full-accounting (their own profile stays easy-invoicing)",
        )
        .stdout_has("hugo: licence Invoicing 15.00 -> Accounting 29.00 EUR/month")
        .stdout_has("monthly cost: 305.00 -> 319.00 EUR");
    let members = ws.read("members.toml");
    assert!(
        members
            .contains("clients = [\"initech\", \"umbrella\"]\nclient_profiles = { initech = { profile = \"full-accounting\", from = 2027-01-04, until = 2027-03-31 }, umbrella = \"full-accounting\" }   # Initech's year-end close\n"),
        "{members}"
    );
    ws.run(&["check"]).code(0);
    // Again: nothing to do, and said so.
    ws.run(&["client", "assign", "umbrella", "--to", "hugo", "--profile", "full-accounting"])
        .code(0)
        .stdout_has("hugo: umbrella already assigned")
        .stdout_has("hugo: for umbrella, already on profile full-accounting");
    // Refused: an admin is never limited; an unknown profile; nothing written.
    let before = files(&ws);
    ws.run(&["client", "assign", "umbrella", "--to", "marc", "--profile", "full-accounting"])
        .code(3)
        .stderr_has("error[admin-limited]")
        .stderr_has("help: an admin works under their admin profile for every client");
    ws.run(&["client", "assign", "umbrella", "--to", "lea", "--profile", "full-acounting"])
        .code(4)
        .stderr_has("did you mean `full-accounting`?");
    assert_eq!(files(&ws), before);
}

#[test]
fn member_rename_renames_the_id_everywhere_and_keeps_the_layout() {
    let ws = Workspace::example_with_tests();
    ws.run(&["member", "rename", "bob", "bob.durand"])
        .code(0)
        .stdout_has("bob: renamed to bob.durand\n")
        .stdout_has("luc-girard: created_by bob -> bob.durand\n")
        .stdout_has("tests.toml: bob -> bob.durand in 1 test\n");
    let members = ws.read("members.toml");
    assert!(
        members.starts_with("# The team of Cabinet Martin.\n\n[members.\"bob.durand\"]\nname = \"Bob Durand\""),
        "{members}"
    );
    assert!(members.contains("client_profiles = { acme = \"full-accounting\" }   # keeps ACME's books\n"));
    assert!(ws.read("clients.toml").contains("created_by = \"bob.durand\""));
    assert!(ws.read("tests.toml").contains("member = \"bob.durand\""));
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["test"]).code(0);
    // The owner: workspace.toml's owner and the who-can tests follow, the comment stays.
    ws.run(&["member", "rename", "claire", "claire.martin"])
        .code(0)
        .stdout_has("workspace: owner claire -> claire.martin");
    assert!(ws.read("workspace.toml").contains("owner = \"claire.martin\""));
    assert!(ws.read("workspace.toml").contains("# the primary administrator"));
    assert!(ws.read("tests.toml").contains("exactly = [\"claire.martin\", \"marc\"]"));
    ws.run(&["test"]).code(0);
}

#[test]
fn member_rename_refusals_write_nothing() {
    let ws = Workspace::example_with_tests();
    let before = files(&ws);
    ws.run(&["member", "rename", "bob", "lea"]).code(3).stderr_has("error[exists]: member `lea` already exists");
    ws.run(&["member", "rename", "bob", "Bob"])
        .code(3)
        .stderr_has("`Bob` is not a valid member id: it must start with a lowercase letter or a digit")
        .stderr_has("ids match ^[a-z0-9][a-z0-9._-]{0,63}$");
    ws.run(&["member", "rename", "bobb", "robert"]).code(4).stderr_has("did you mean `bob`?");
    // With --as, only the owner renames the owner.
    ws.run(&["--as", "marc", "member", "rename", "claire", "cm"])
        .code(5)
        .stderr_has("only the owner may change the owner's entry");
    assert_eq!(files(&ws), before);
    ws.run(&["--as", "claire", "member", "rename", "claire", "cm"]).code(0);
    ws.run(&["--as", "marc", "member", "rename", "bob", "robert"]).code(0);
}

/// A CRLF members.toml stays CRLF, and an inline entry keeps its place.
#[test]
fn member_rename_keeps_line_endings_and_inline_entries() {
    let ws = Workspace::example();
    ws.edit(
        "members.toml",
        "[members.hugo]\nname = \"Hugo Garnier\"\nemail = \"hugo@cabinet-martin.example\"\nprofile = \"easy-invoicing\"\nuntil = 2027-04-30                     # a temp for tax season: no access, no seat after this day\nclients = [\"initech\"]\nclient_profiles = { initech = { profile = \"full-accounting\", from = 2027-01-04, until = 2027-03-31 } }   # Initech's year-end close\n",
        "[members]\nhugo = { name = \"Hugo Garnier\", email = \"hugo@cabinet-martin.example\", profile = \"easy-invoicing\", clients = [\"initech\"] }  # inline\nzed = { name = \"Zed\", email = \"zed@cabinet-martin.example\", profile = \"connect-pay\" }\n",
    );
    let crlf = ws.read("members.toml").replace('\n', "\r\n");
    ws.write("members.toml", &crlf);
    ws.run(&["check"]).code(0);
    ws.run(&["member", "rename", "hugo", "h"]).code(0);
    let after = ws.read("members.toml");
    assert_eq!(after, crlf.replace("hugo = {", "h = {"));
}

/// A print above view, by hand: check names the file, line and column.
#[test]
fn a_print_above_view_by_hand_is_located() {
    let ws = Workspace::example();
    ws.edit(
        "members.toml",
        "grants = { invoices = { view = \"assigned\" } }",
        "grants = { invoices = { view = \"none\", print = \"assigned\" } }",
    );
    let v = ws.run(&["check", "--format", "json"]).code(1).json();
    let d = v["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "action-exceeds-view")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(d["file"], "members.toml");
    assert!(d["line"].as_u64().unwrap() > 1 && d["column"].as_u64().unwrap() > 1, "{d}");
    ws.run(&["check"]).code(1).stderr_has(&format!("--> members.toml:{}:{}", d["line"], d["column"]));
}
