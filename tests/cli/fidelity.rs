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
