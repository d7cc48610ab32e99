use crate::support::Workspace;
use serde_json::json;

#[test]
fn member_list_in_every_format() {
    let ws = Workspace::example();
    let table = ws.run(&["member", "list"]);
    table.code(0).stdout_has("ID").stdout_has("bob     Bob Durand").stdout_has("acme, globex");
    let json = ws.run(&["member", "list", "--format", "json"]).json();
    assert_eq!(json.as_array().map(Vec::len), Some(12));
    assert_eq!(
        json[0],
        json!({"id": "bob", "name": "Bob Durand", "email": "bob@cabinet-martin.example", "profile": "easy-invoicing", "status": "active", "clients": ["acme", "globex"], "credit_limit": 200})
    );
    let csv = ws.run(&["member", "list", "--format", "csv"]);
    csv.code(0);
    assert!(csv.stdout.starts_with("id,name,email,profile,status,clients,credit_limit\nbob,Bob Durand,bob@cabinet-martin.example,easy-invoicing,active,acme;globex,200\n"), "{}", csv.stdout);
    ws.run(&["member", "list", "--format", "markdown"])
        .code(0)
        .stdout_has("| id | name |")
        .stdout_has("| bob | Bob Durand |");
}

#[test]
fn member_list_filters() {
    let ws = Workspace::example();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["member", "list", "--format", "json"];
        all.extend_from_slice(args);
        ws.run(&all)
            .json()
            .as_array()
            .expect("array")
            .iter()
            .map(|m| m["id"].as_str().expect("id").to_string())
            .collect()
    };
    assert_eq!(ids(&["--profile", "admin"]), ["claire", "marc"]);
    // Per-client profiles count: bob works under full-accounting for ACME,
    // and hugo will for Initech (a dated one, listed as written).
    assert_eq!(ids(&["--profile", "full-accounting"]), ["bob", "hugo", "paul", "thomas"]);
    assert_eq!(ids(&["--status", "invited"]), ["ines", "paul"]);
    assert_eq!(ids(&["--client", "globex"]), ["bob", "thomas"]);
    assert_eq!(ids(&["--client", "globex", "--profile", "full-accounting"]), ["bob", "thomas"]);
    assert!(ids(&["--status", "suspended", "--client", "acme"]).is_empty());
}

#[test]
fn unknown_names_exit_4_with_did_you_mean() {
    let ws = Workspace::example();
    ws.run(&["member", "list", "--profile", "admn"])
        .code(4)
        .stderr_has("error[not-found]: no profile named `admn`")
        .stderr_has("did you mean `admin`?");
    ws.run(&["member", "show", "bobb"]).code(4).stderr_has("no member named `bobb`").stderr_has("did you mean `bob`?");
    ws.run(&["member", "show", "zed"]).code(4).stderr_has("`roster member list` lists them");
    ws.run(&["client", "list", "--member", "nobody"]).code(4).stderr_has("no member named `nobody`");
    ws.run(&["member", "list", "--client", "acm"]).code(4).stderr_has("did you mean `acme`?");
    ws.run(&["profile", "compare", "admin", "nope"]).code(4);
}

#[test]
fn usage_errors_exit_2() {
    let ws = Workspace::example();
    ws.run(&["member", "list", "--status", "away"]).code(2).stderr_has("invalid value 'away'");
    ws.run(&["member", "frobnicate"]).code(2);
    ws.run(&["--format", "yaml", "member", "list"]).code(2);
}

#[test]
fn member_show_has_every_field_and_effective_access() {
    let ws = Workspace::example();
    let v = ws.run(&["member", "show", "julie", "--format", "json"]).json();
    assert_eq!(v["id"], "julie");
    assert_eq!(v["client_profiles"], json!({}));
    assert_eq!(v["grants"], json!({"invoices": {"view": "assigned"}}));
    assert_eq!(v["credit_limit"], json!(null));
    assert_eq!(v["effective"]["invoices"], json!({"view": "assigned", "edit": "none", "print": "none"}));
    assert_eq!(v["effective"]["calendars"], json!({"view": "all", "edit": "own"}));
    let bob = ws.run(&["member", "show", "bob", "--format", "json"]).json();
    assert_eq!(bob["client_profiles"], json!({"acme": "full-accounting"}));
    assert_eq!(bob["credit_limit"], json!(200.0));
    // Members who are not active have no access at all.
    let ines = ws.run(&["member", "show", "ines", "--format", "json"]).json();
    assert_eq!(ines["effective"]["calendars"]["view"], "none");

    ws.run(&["member", "show", "julie"])
        .code(0)
        .stdout_has("julie — Julie Petit <julie@cabinet-martin.example>")
        .stdout_has("override      invoices.view = assigned")
        .stdout_has("invoices   view    assigned  member override");
    ws.run(&["member", "show", "bob"])
        .code(0)
        .stdout_has("per-client    acme -> full-accounting")
        .stdout_has("credit limit  200 credits/month");
}

#[test]
fn profile_list_marks_the_default_and_counts_members() {
    let ws = Workspace::example();
    let v = ws.run(&["profile", "list", "--format", "json"]).json();
    let connect = v.as_array().expect("array").iter().find(|p| p["id"] == "connect-pay").expect("connect-pay");
    assert_eq!(
        connect,
        &json!({"id": "connect-pay", "name": "Connect & pay", "tier": "connect", "price": 9.0, "members": 3, "active": 1, "default": true, "builtin": true, "admin": false})
    );
    let table = ws.run(&["profile", "list"]);
    table.code(0).stdout_has("PRICE").stdout_has("49.00");
    let default_line = table.stdout.lines().find(|l| l.contains("connect-pay")).expect("row");
    assert!(default_line.contains("yes"), "{default_line}");
    let csv = ws.run(&["profile", "list", "--format", "csv"]);
    assert!(csv.stdout.starts_with("id,name,tier,price,members,active,default,builtin,admin\n"));
    assert!(csv.stdout.contains("connect-pay,Connect & pay,connect,9.0,3,1,true,true,false"), "{}", csv.stdout);
}

#[test]
fn profile_show_lists_every_area_action() {
    let ws = Workspace::example();
    let v = ws.run(&["profile", "show", "connect-no-pay", "--format", "json"]).json();
    assert_eq!(v["grants"]["invoices"], json!({"view": "none", "edit": "none", "print": "none"}));
    assert_eq!(v["grants"]["settings"], json!({"view": "none", "edit": "none"}));
    assert_eq!(v["grants"]["clients"]["view"], "assigned");
    assert_eq!(v["members"], json!(["julie"]));
    assert_eq!(v["default"], false);
    let admin = ws.run(&["profile", "show", "admin", "--format", "json"]).json();
    assert_eq!(admin["grants"]["billing"]["edit"], "all");
    assert_eq!(admin["admin"], true);
    ws.run(&["profile", "show", "connect-pay"])
        .code(0)
        .stdout_has("connect-pay — Connect & pay")
        .stdout_has("tier connect (Connect), 9.00 EUR/member/month; default, builtin")
        .stdout_has("members (3): ines, lea, nadia");
}

#[test]
fn profile_compare_in_every_format() {
    let ws = Workspace::example();
    let v = ws.run(&["profile", "compare", "connect-pay", "connect-no-pay", "--format", "json"]).json();
    assert_eq!(v["a"], "connect-pay");
    assert_eq!(v["b"], "connect-no-pay");
    assert_eq!(v["rows"].as_array().map(Vec::len), Some(14));
    assert!(
        v["rows"]
            .as_array()
            .expect("rows")
            .contains(&json!({"area": "invoices", "action": "view", "a": "assigned", "b": "none", "differs": true}))
    );
    let only =
        ws.run(&["profile", "compare", "connect-pay", "connect-no-pay", "--only-diff", "--format", "json"]).json();
    assert_eq!(only["rows"].as_array().map(Vec::len), Some(2));

    let csv = ws.run(&["profile", "compare", "connect-pay", "connect-no-pay", "--only-diff", "--format", "csv"]);
    assert_eq!(
        csv.stdout,
        "area,action,a,b,differs\ninvoices,view,assigned,none,true\ninvoices,print,assigned,none,true\n"
    );
    let md = ws.run(&["profile", "compare", "connect-pay", "connect-no-pay", "--format", "markdown"]);
    md.code(0)
        .stdout_has("| area | action | connect-pay | connect-no-pay | differs |")
        .stdout_has("| **invoices** | **view** | **assigned** | **none** | **yes** |")
        .stdout_has("| clients | view | assigned | assigned |  |");
    ws.run(&["profile", "compare", "connect-pay", "connect-no-pay"]).code(0).stdout_has("2 area.actions differ");
}

#[test]
fn profile_default_prints_it() {
    let ws = Workspace::example();
    let run = ws.run(&["profile", "default"]);
    run.code(0);
    assert_eq!(run.stdout, "connect-pay\n");
    assert_eq!(ws.run(&["profile", "default", "--format", "json"]).json()["id"], "connect-pay");
}

#[test]
fn client_list_all_and_for_a_member() {
    let ws = Workspace::example();
    let v = ws.run(&["client", "list", "--format", "json"]).json();
    assert_eq!(v.as_array().map(Vec::len), Some(8));
    let jean = v.as_array().expect("array").iter().find(|c| c["id"] == "jean-dupont").expect("jean");
    assert_eq!(
        jean,
        &json!({"id": "jean-dupont", "name": "Jean Dupont", "kind": "contact", "company": "acme", "created_by": null, "members": []})
    );
    let bob = ws.run(&["client", "list", "--member", "bob", "--format", "csv"]);
    assert_eq!(
        bob.stdout,
        "id,name,kind,company,created_by,members\nacme,ACME SA,company,,,bob;paul\nglobex,Globex SARL,company,,,bob;thomas\n"
    );
    ws.run(&["client", "list"]).code(0).stdout_has("marie-curie  Marie Curie");
}
