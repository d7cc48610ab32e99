//! `access check`, `who-can`, `matrix`, `export` and `import` through the binary.

use crate::support::Workspace;
use serde_json::json;

/// (allowed, exit code, JSON) of one `access check`.
fn check(ws: &Workspace, args: &[&str]) -> (bool, i32, serde_json::Value) {
    let mut all = vec!["access", "check", "--format", "json"];
    all.extend_from_slice(args);
    let run = ws.run(&all);
    let v = run.json();
    (v["allowed"].as_bool().expect("allowed"), run.code, v)
}

#[test]
fn every_path_that_allows() {
    let ws = Workspace::example();
    // all: reaches every client.
    let (ok, code, v) = check(&ws, &["sophie", "invoices.edit", "--client", "initech"]);
    assert!(ok && code == 0, "{v}");
    assert_eq!(v["level"], "all");
    // assigned: an assigned client.
    let (ok, _, v) = check(&ws, &["hugo", "invoices.edit", "--client", "initech"]);
    assert!(ok);
    assert!(v["reason"].as_str().expect("reason").contains("initech is assigned to hugo"));
    // assigned: a contact of an assigned company.
    let (ok, _, v) = check(&ws, &["bob", "clients.view", "--client", "anne-leroy"]);
    assert!(ok);
    assert!(v["reason"].as_str().expect("reason").contains("anne-leroy's company globex is assigned to bob"));
    // assigned: a client the member created.
    let (ok, _, v) = check(&ws, &["bob", "clients.view", "--client", "luc-girard"]);
    assert!(ok);
    assert!(v["reason"].as_str().expect("reason").contains("luc-girard was created by bob"));
    // a per-client profile: bob keeps ACME's books under full-accounting.
    let (ok, _, v) = check(&ws, &["bob", "documents.edit", "--client", "acme"]);
    assert!(ok);
    assert_eq!((v["level"].clone(), v["profile"].clone()), (json!("all"), json!("full-accounting")));
    // an override: julie sees invoices although her profile does not.
    let (ok, _, v) = check(&ws, &["julie", "invoices.view", "--client", "marie-curie"]);
    assert!(ok);
    assert!(v["reason"].as_str().expect("reason").contains("member override"));
    // without a client, the level itself; an area not judged per client.
    assert!(check(&ws, &["claire", "settings.edit"]).0);
    assert!(check(&ws, &["lea", "calendars.edit"]).0);
}

#[test]
fn every_path_that_denies() {
    let ws = Workspace::example();
    // not active.
    let (ok, code, v) = check(&ws, &["paul", "clients.view", "--client", "acme"]);
    assert!(!ok && code == 1);
    assert_eq!(v["reason"], "status: invited (only active members have access)");
    assert!(!check(&ws, &["nadia", "calendars.view"]).0);
    // level none.
    let (ok, _, v) = check(&ws, &["bob", "settings.view"]);
    assert!(!ok);
    assert_eq!(v["level"], "none");
    // assigned, but not assigned, not the company's, not created.
    let (ok, _, v) = check(&ws, &["hugo", "clients.view", "--client", "globex"]);
    assert!(!ok);
    assert!(v["reason"].as_str().expect("reason").contains("globex is not assigned to hugo"));
    // the per-client profile lacks what the own profile has.
    let (ok, _, v) = check(&ws, &["bob", "invoices.edit", "--client", "acme"]);
    assert!(!ok);
    assert_eq!(v["profile"], "full-accounting");
    // a company's per-client profile governs its contacts too (its folder holds them).
    let (ok, _, v) = check(&ws, &["bob", "invoices.edit", "--client", "jean-dupont"]);
    assert!(!ok);
    assert_eq!(v["profile"], "full-accounting");
}

#[test]
fn the_human_answer_shows_the_chain() {
    let ws = Workspace::example();
    let run = ws.run(&["access", "check", "bob", "invoices.edit", "--client", "anne-leroy"]);
    run.code(0);
    assert_eq!(
        run.stdout,
        "allowed: bob invoices.edit on anne-leroy\n  status: active\n  profile: easy-invoicing (own profile)\n  grant: invoices.edit = assigned (profile easy-invoicing)\n  ceiling: assigned (tier invoicing)\n  client: anne-leroy's company globex is assigned to bob\n"
    );
    ws.run(&["access", "check", "bob", "invoices.edit", "--client", "acme"])
        .code(1)
        .stdout_has("denied: bob invoices.edit on acme")
        .stdout_has("profile: full-accounting (per-client profile for acme; own profile easy-invoicing)");
    let v = ws.run(&["access", "check", "bob", "invoices.view", "--format", "json"]).json();
    assert_eq!(
        v.as_object().expect("object").keys().collect::<Vec<_>>(),
        ["member", "area", "action", "client", "allowed", "level", "profile", "reason"]
    );
    ws.run(&["access", "check", "bob", "invoices.pay"]).code(4).stderr_has("no action of area `invoices` named `pay`");
    ws.run(&["access", "check", "bob", "invoices"]).code(2).stderr_has("not AREA.ACTION");
    ws.run(&["access", "check", "bob", "invoices.view", "--client", "acm"]).code(4).stderr_has("did you mean `acme`?");
}

#[test]
fn who_can_lists_active_members_with_level_and_profile() {
    let ws = Workspace::example();
    let v = ws.run(&["access", "who-can", "settings.edit", "--format", "json"]).json();
    assert_eq!(
        v,
        json!([{"member": "claire", "level": "all", "profile": "admin"}, {"member": "marc", "level": "all", "profile": "admin"}])
    );
    let v = ws.run(&["access", "who-can", "documents.edit", "--client", "acme", "--format", "json"]).json();
    let ids: Vec<&str> = v.as_array().expect("array").iter().map(|r| r["member"].as_str().expect("id")).collect();
    assert_eq!(ids, ["bob", "claire", "marc", "sophie", "thomas", "victor"]);
    let csv = ws.run(&["access", "who-can", "invoices.view", "--client", "marie-curie", "--format", "csv"]);
    assert!(csv.stdout.starts_with("member,level,profile\n"));
    assert!(csv.stdout.contains("julie,assigned,connect-no-pay\n"));
}

#[test]
fn matrix_in_every_format() {
    let ws = Workspace::example();
    let v = ws.run(&["access", "matrix", "--format", "json"]).json();
    let rows = v.as_array().expect("rows");
    assert_eq!(rows.len(), 12);
    let julie = rows.iter().find(|r| r["member"] == "julie").expect("julie");
    assert_eq!(julie["invoices.view"], "assigned");
    assert_eq!(julie["invoices.edit"], "none");
    assert_eq!(julie["calendars.view"], "all");
    let ines = rows.iter().find(|r| r["member"] == "ines").expect("ines");
    assert_eq!(ines["calendars.view"], "none");
    let csv = ws.run(&["access", "matrix", "--format", "csv"]);
    assert!(csv.stdout.starts_with("member,status,profile,clients.view,clients.edit,clients.export,documents.view,"));
    ws.run(&["access", "matrix"]).code(0).stdout_has("levels: all > asg (assigned) > own > - (none)");
}

#[test]
fn exports_in_both_formats() {
    let ws = Workspace::example();
    let members = ws.run(&["export", "members"]);
    members.code(0);
    assert!(
        members
            .stdout
            .starts_with("id,name,email,profile,status,clients,client_profiles,grants,credit_limit,from,until\n")
    );
    assert!(members.stdout.contains(
        "bob,Bob Durand,bob@cabinet-martin.example,easy-invoicing,active,acme;globex,acme=full-accounting,,200,,\n"
    ));
    assert!(members.stdout.contains("julie,Julie Petit,julie@cabinet-martin.example,connect-no-pay,active,initech;marie-curie,,invoices.view=assigned,,,\n"));
    let v = ws.run(&["export", "members", "--format", "json"]).json();
    assert_eq!(v[0]["client_profiles"], json!({"acme": "full-accounting"}));
    assert_eq!(v[0]["credit_limit"], json!(200.0));

    let profiles = ws.run(&["export", "profiles"]).stdout;
    assert!(profiles.starts_with("id,name,description,tier,price,builtin,admin,default,clients.view,"));
    assert!(profiles.contains("connect-pay,Connect & pay,"));
    let v = ws.run(&["export", "profiles", "--format", "json"]).json();
    assert_eq!(v.as_array().map(Vec::len), Some(6));
    assert_eq!(v[0]["grants"]["settings"]["edit"], "all");

    let clients = ws.run(&["export", "clients"]).stdout;
    assert!(clients.contains("jean-dupont,Jean Dupont,contact,acme,,\n"));
    assert_eq!(ws.run(&["export", "clients", "--format", "json"]).json().as_array().map(Vec::len), Some(8));

    let assignments = ws.run(&["export", "assignments"]).stdout;
    assert!(
        assignments
            .starts_with("member,client,profile,from,until\nbob,acme,full-accounting,,\nbob,globex,easy-invoicing,,\n")
    );
    let v = ws.run(&["export", "assignments", "--format", "json"]).json();
    assert_eq!(
        v[0],
        json!({"member": "bob", "client": "acme", "profile": "full-accounting", "from": null, "until": null})
    );

    let matrix = ws.run(&["export", "matrix"]).stdout;
    assert!(matrix.starts_with("member,status,profile,clients.view"));
    assert_eq!(ws.run(&["export", "matrix", "--format", "json"]).json().as_array().map(Vec::len), Some(12));

    let out = ws.path().join("m.csv");
    ws.run(&["export", "members", "-o", out.to_str().expect("path")]).code(0).stdout_has("wrote 12 members to");
    assert_eq!(std::fs::read_to_string(out).expect("file"), members.stdout);
}

#[test]
fn export_then_import_changes_nothing() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    let out = ws.path().join("m.csv");
    ws.run(&["export", "members", "-o", out.to_str().expect("path")]).code(0);
    ws.run(&["import", "members", out.to_str().expect("path")])
        .code(0)
        .stdout_has("no change: all 12 rows match the workspace");
    assert_eq!(ws.read("members.toml"), before);
}

#[test]
fn import_adds_and_updates_from_real_world_csv() {
    let ws = Workspace::example();
    // A byte-order mark, CRLF, columns in another order, quoted commas and quotes, UTF-8.
    let csv = "\u{feff}email,id,name,clients,status\r\n\"zoe@cabinet-martin.example\",zoe,\"Zoé Marchand, \"\"ZM\"\"\",acme;globex,\r\n,bob,,,suspended\r\n,julie,Julie Petit-Roux,,\r\n";
    ws.write("in.csv", csv);
    ws.run(&["import", "members", "in.csv"])
        .code(0)
        .stdout_has("bob: status active -> suspended")
        .stdout_has("julie: name Julie Petit -> Julie Petit-Roux")
        .stdout_has("zoe: added as active with profile connect-pay")
        .stdout_has("sign in again (their access changed): bob");
    let v = ws.run(&["member", "show", "zoe", "--format", "json"]).json();
    assert_eq!((v["name"].clone(), v["clients"].clone()), (json!("Zoé Marchand, \"ZM\""), json!(["acme", "globex"])));
    let bob = ws.run(&["member", "show", "bob", "--format", "json"]).json();
    assert_eq!(
        (bob["status"].clone(), bob["email"].clone()),
        (json!("suspended"), json!("bob@cabinet-martin.example"))
    );
    ws.run(&["check"]).code(0);
}

#[test]
fn import_refuses_the_whole_file_for_any_bad_row() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    ws.write("bad.csv", "id,email,profile,clients,grants,credit_limit\nbob,not-email,easy,acme;nope,invoices.pay=all,-3\nzed,z@x.example,,,,\nok,ok@x.example,,,,\n");
    ws.run(&["import", "members", "bad.csv"])
        .code(3)
        .stderr_has("row 2, column email: `not-email` is not an email address")
        .stderr_has("row 2, column profile: no profile named `easy` (did you mean `easy-invoicing`?)")
        .stderr_has("row 2, column clients: no client named `nope`")
        .stderr_has("row 2, column grants: no action of area `invoices` named `pay`")
        .stderr_has("row 2, column credit_limit: `-3` is not an amount at or above 0")
        .stderr_has("row 3, column name: `zed` is a new member and needs a name")
        .stderr_has("error[bad-row]: 7 problems in `bad.csv`; nothing was imported");
    assert_eq!(ws.read("members.toml"), before);

    ws.write("cols.csv", "id,name,colour\nbob,Bob,red\n");
    ws.run(&["import", "members", "cols.csv"])
        .code(3)
        .stderr_has("unknown column `colour`; the known columns are: id, name, email,");
    ws.write("ragged.csv", "id,name\nbob,Bob,extra\n");
    ws.run(&["import", "members", "ragged.csv"]).code(3).stderr_has("row 2: it has 3 fields, and the header has 2");
    ws.write("dup.csv", "id,email\nbob,julie@cabinet-martin.example\n");
    ws.run(&["import", "members", "dup.csv"])
        .code(3)
        .stderr_has("row 2, column email: `julie@cabinet-martin.example` is also the email of member `julie`");
    // A rule broken only by the whole new state names the row.
    ws.write("ceiling.csv", "id,grants\nbob,clients.export=all\n");
    ws.run(&["import", "members", "ceiling.csv"])
        .code(3)
        .stderr_has("row 2 (member bob):")
        .stderr_has("error[above-ceiling]");
    ws.run(&["import", "members", "missing.csv"]).code(6).stderr_has("cannot read `missing.csv`");
    assert_eq!(ws.read("members.toml"), before);
}

/// One decision serves check, who-can and the matrix: on a generated
/// workspace, for every member, area.action and client, they agree.
#[test]
fn check_who_can_and_matrix_agree_on_a_generated_workspace() {
    use roster::generate::{Params, generate, write};
    let ws = Workspace::empty();
    let params = Params { seed: 42, members: 60, clients: 40, profiles: 10, ..Params::default() };
    write(ws.path(), &generate(&params)).expect("generate");
    let checked = roster::store::check(ws.path());
    assert!(checked.errors().next().is_none());
    let w = &checked.workspace;
    let mut triples = 0;
    for area in &w.areas {
        for action in &area.actions {
            for client in w.clients.iter().map(Some).chain([None]) {
                let who: Vec<&str> = roster::access::who_can(w, area, &action.value, client)
                    .iter()
                    .map(|(m, _)| m.id.as_str())
                    .collect();
                for m in &w.members {
                    let d = roster::access::decide(w, m, area, &action.value, client);
                    assert_eq!(
                        who.contains(&m.id.as_str()),
                        d.allowed,
                        "{} {}.{} {:?}",
                        m.id,
                        area.id,
                        action.value,
                        client.map(|c| &c.id)
                    );
                    triples += 1;
                }
            }
        }
    }
    assert!(triples > 30_000);
    // The binary's matrix shows the level the decision gives.
    let matrix = ws.run(&["access", "matrix", "--format", "json"]).json();
    for row in matrix.as_array().expect("rows") {
        let m = w.member(row["member"].as_str().expect("id")).expect("member");
        for area in &w.areas {
            for action in &area.actions {
                let level = roster::access::decide(w, m, area, &action.value, None).effective.level;
                assert_eq!(row[format!("{}.{}", area.id, action.value)], level.as_str());
            }
        }
    }
    // And the binary's who-can and check agree with each other on a sample.
    for (i, area) in w.areas.iter().enumerate() {
        let action = &area.actions[0].value;
        let client = &w.clients[i * 5 % w.clients.len()].id;
        let key = format!("{}.{action}", area.id);
        let who = ws.run(&["access", "who-can", &key, "--client", client, "--format", "json"]).json();
        let ids: Vec<&str> = who.as_array().expect("rows").iter().map(|r| r["member"].as_str().expect("id")).collect();
        for m in w.members.iter().step_by(7) {
            let run = ws.run(&["access", "check", &m.id, &key, "--client", client]);
            assert_eq!(run.code == 0, ids.contains(&m.id.as_str()), "{} {key} {client}", m.id);
        }
    }
}
