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
    // thomas (own), paul (invited, own), bob (for acme).
    assert_eq!((fa["members"].clone(), fa["active"].clone()), (serde_json::json!(3), serde_json::json!(2)));
    let v = ws.run(&["member", "list", "--profile", "full-accounting", "--format", "json"]).code(0).json();
    let bob = v.as_array().unwrap().iter().find(|m| m["id"] == "bob").unwrap().clone();
    assert_eq!(bob["for_clients"], serde_json::json!(["acme"]));
    assert_eq!(bob["credit_limit"], 200);
    let thomas = v.as_array().unwrap().iter().find(|m| m["id"] == "thomas").unwrap().clone();
    assert_eq!(thomas["for_clients"], serde_json::json!([]));
}
