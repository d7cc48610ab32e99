//! At a terminal: tables that fit 80 and 200 columns without cutting an id or
//! an email, colour that `--color always` keeps in a pipe, empty results that
//! say so, and errors that say one thing once.

use crate::support::Workspace;

fn widest(text: &str) -> usize {
    text.lines().map(roster::render::width::width).max().unwrap_or(0)
}

/// The whole output at a width, pinned: what a terminal that wide shows.
fn pin_at(ws: &Workspace, columns: usize, name: &str, args: &[&str]) -> String {
    let run = ws.run_at(columns, args);
    run.code(0);
    insta::with_settings!({ description => format!("COLUMNS={columns} roster {}", args.join(" ")), omit_expression => true }, {
        insta::assert_snapshot!(name, run.stdout);
    });
    run.stdout
}

#[test]
fn the_access_matrix_fits_80_and_200_columns() {
    let ws = Workspace::example();
    let at80 = pin_at(&ws, 80, "matrix_at_80", &["access", "matrix"]);
    assert!(widest(&at80) <= 80, "{at80}");
    // Two blocks at 80, each led by the members; one at 200.
    assert_eq!(at80.matches(" MEMBER ").count(), 2, "{at80}");
    let at200 = pin_at(&ws, 200, "matrix_at_200", &["access", "matrix"]);
    assert!(widest(&at200) <= 200);
    assert_eq!(at200.matches(" MEMBER ").count(), 1, "{at200}");
    for text in [&at80, &at200] {
        assert!(text.starts_with("levels: all > asg (assigned) > own > - (none)\n"), "{text}");
        // No cell is cut: every level is one of the abbreviations, whole.
        for line in text.lines().filter(|l| l.starts_with(" julie ")) {
            assert!(
                line.split_whitespace()
                    .skip(1)
                    .all(|w| ["all", "asg", "own", "-", "active", "connect-no-pay"].contains(&w))
            );
        }
    }
    // The data formats stay whole at any width.
    let csv = ws.run_at(80, &["access", "matrix", "--format", "csv"]).stdout;
    assert!(csv.contains("bob,active,easy-invoicing,assigned,assigned,none,"), "{csv}");
}

#[test]
fn lists_never_cut_an_id_or_an_email_at_80_columns() {
    let ws = Workspace::example();
    let members = pin_at(&ws, 80, "member_list_at_80", &["member", "list"]);
    let profiles = pin_at(&ws, 80, "profile_list_at_80", &["profile", "list"]);
    pin_at(&ws, 80, "client_list_at_80", &["client", "list"]);
    let full = ws.run(&["member", "list", "--format", "json"]).json();
    for m in full.as_array().expect("members") {
        let (id, email) = (m["id"].as_str().expect("id"), m["email"].as_str().expect("email"));
        assert!(members.contains(&format!(" {id} ")) && members.contains(&format!(" {email} ")), "{members}");
    }
    // Names are shortened, with `…`; the member list still does not fit
    // (ids, emails, profiles and statuses alone take more than 80), so it is
    // wider than the terminal rather than cut.
    assert!(members.contains("Claire Ma…") && !members.contains("Claire Martin"), "{members}");
    assert!(widest(&members) > 80);
    for id in ["advanced-commercial", "connect-no-pay", "full-accounting"] {
        assert!(profiles.contains(&format!(" {id} ")), "{profiles}");
    }
    // The profile list's names are shortened as far as they go; its counts
    // and flags (members, active, default, builtin, admin) still take more
    // than 80, so like the member list it is wider than cut.
    assert!(profiles.contains("Administr…"), "{profiles}");
    // At 200 nothing is shortened.
    let wide = ws.run_at(200, &["member", "list"]).stdout;
    assert!(wide.contains("Claire Martin") && !wide.contains('…'), "{wide}");
}

#[test]
fn colour_always_paints_the_differing_rows_into_a_pipe() {
    let ws = Workspace::example();
    let compare = ["profile", "compare", "connect-pay", "connect-no-pay"];
    let mut args = compare.to_vec();
    args.extend(["--color", "always"]);
    let painted = ws.run(&args).stdout;
    let row = painted.lines().find(|l| l.contains("print")).expect("the invoices.print row");
    assert!(row.contains("\x1b[38;5;11m") && row.contains("\x1b[1m"), "{row:?}");
    let same = painted.lines().find(|l| l.contains("calendars")).expect("a row that does not differ");
    assert!(!same.contains("\x1b[38;5;11m"), "{same:?}");
    // auto never paints a pipe.
    assert!(!ws.run(&compare).stdout.contains('\x1b'));
}

#[test]
fn an_empty_result_says_so_in_each_format() {
    let ws = Workspace::example();
    let args = ["member", "list", "--client", "jean-dupont"];
    ws.run(&args).code(0);
    assert_eq!(ws.run(&args).stdout, "no member has client `jean-dupont`\n");
    let mut json = args.to_vec();
    json.extend(["--format", "json"]);
    assert_eq!(ws.run(&json).stdout, "[]\n");
    let mut csv = args.to_vec();
    csv.extend(["--format", "csv"]);
    assert_eq!(ws.run(&csv).stdout, "id,name,email,profile,status,clients,credit_limit\n");
    assert_eq!(
        ws.run(&["member", "list", "--status", "suspended", "--profile", "admin"]).stdout,
        "no member is suspended and works under profile `admin`\n"
    );
    assert_eq!(ws.run(&["client", "list", "--member", "marc"]).stdout, "no client is assigned to `marc`\n");
}

#[test]
fn a_grant_the_area_does_not_allow_is_one_error_with_the_area_s_levels() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    let run = ws.run(&["member", "edit", "bob", "--grant", "invoices.view=own"]);
    run.code(3);
    assert_eq!(
        run.stderr,
        "error[level-not-allowed]: level `own` is not allowed for `invoices.view`\n  \
         = help: area `invoices` accepts: none, assigned, all\n"
    );
    let run = ws.run(&["member", "edit", "bob", "--grant", "invoices.view=most"]);
    run.code(2);
    assert_eq!(
        run.stderr,
        "error[usage]: `most` is not a level (in `invoices.view=most`)\n  \
         = help: area `invoices` accepts: none, assigned, all\n"
    );
    ws.run(&["profile", "edit", "connect-no-pay", "--set", "invoices.view=asigned"])
        .code(2)
        .stderr_has("= help: did you mean `assigned`?")
        .stderr_has("= help: area `invoices` accepts: none, assigned, all");
    // A level that is one of another area's only: no "did you mean" at all.
    let run = ws.run(&["profile", "edit", "connect-no-pay", "--set", "calendars.view=asigned"]);
    run.code(2).stderr_has("= help: area `calendars` accepts: own, all");
    assert!(!run.stderr.contains("did you mean"), "{}", run.stderr);
    assert_eq!(ws.read("members.toml"), before);
    // A hand edit reports the level once: no edit-exceeds-view suggesting `own`.
    ws.edit("members.toml", "credit_limit = 200", "credit_limit = 200\ngrants = { invoices = { view = \"own\" } }");
    let run = ws.run(&["check"]);
    run.code(1).stderr_has("error[level-not-allowed]");
    assert!(!run.stderr.contains("edit-exceeds-view"), "{}", run.stderr);
}

#[test]
fn csv_headers_match_without_case_and_near_names_are_suggested() {
    let ws = Workspace::example();
    ws.write("team.csv", "ID,Name,EMAIL,Profile\nzoe,Zoé Roux,zoe@x.example,connect-pay\n");
    ws.run(&["import", "members", "team.csv"]).code(0).stdout_has("zoe: added as active with profile connect-pay");
    ws.write("typo.csv", "id,name,e-mail,profil\nsam,Sam,sam@x.example,connect-pay\n");
    ws.run(&["import", "members", "typo.csv"])
        .code(3)
        .stderr_has("unknown columns `e-mail` (did you mean `email`?), `profil` (did you mean `profile`?);");
    // An invalid email is reported once, not also as a missing one.
    ws.write("bad.csv", "id,name,email\nsam,Sam,not-an-email\n");
    let run = ws.run(&["import", "members", "bad.csv"]);
    run.code(3).stderr_has("row 2, column email: `not-an-email` is not an email address");
    assert!(!run.stderr.contains("needs an email"), "{}", run.stderr);
    assert!(run.stderr.contains("error[bad-row]: 1 problem in"), "{}", run.stderr);
}

#[test]
fn fmt_check_says_what_would_change() {
    let ws = Workspace::example();
    ws.edit("members.toml", "name = \"Bob Durand\"", "name   =   \"Bob Durand\"");
    let run = ws.run(&["fmt", "--check"]);
    run.code(1);
    assert_eq!(
        run.stdout,
        "would reformat members.toml\nrun `roster fmt --check --diff` to see the changes, `roster fmt` to make them\n"
    );
    let run = ws.run(&["fmt", "--check", "--diff"]);
    run.code(1);
    assert!(
        run.stdout.starts_with("--- a/members.toml\n+++ b/members.toml\n")
            && run.stdout.contains("\n-name   =   \"Bob Durand\"\n+name = \"Bob Durand\"\n")
            && run.stdout.ends_with("would reformat members.toml\nrun `roster fmt` to format them\n"),
        "{}",
        run.stdout
    );
    let json = ws.run(&["fmt", "--check", "--diff", "--format", "json"]).json();
    assert_eq!(json["unformatted"], serde_json::json!(["members.toml"]));
    assert!(json["diff"].as_str().is_some_and(|d| d.contains("+name = \"Bob Durand\"")));
    ws.run(&["fmt", "--diff"]).code(2).stderr_has("--check");
}
