//! Whole outputs pinned: every command's stdout, stderr and exit code on the
//! example workspace and on broken ones, as insta snapshots. A refactor that
//! changes a byte of what a user sees fails here, with the difference shown.
//! Review a deliberate change with `cargo insta review` (or
//! `INSTA_UPDATE=always cargo test --test cli snapshots` and `git diff`).

use crate::support::{Run, Workspace};

/// stdout, stderr and the exit code in one text, with the temporary folder's
/// path replaced so that the snapshot does not depend on it.
fn transcript(ws: &Workspace, run: &Run) -> String {
    let path = ws.path().to_string_lossy().into_owned();
    let name = ws.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let clean = |text: &str| text.replace(&path, "[WS]").replace(&format!("`{name}`"), "`[WS]`");
    format!("exit: {}\n--- stdout\n{}--- stderr\n{}", run.code, clean(&run.stdout), clean(&run.stderr))
}

/// Runs each command line on a fresh copy of `ws()` and pins its transcript
/// under the snapshot name given beside it.
fn pin(ws: impl Fn() -> Workspace, cases: &[(&str, &[&str])]) {
    for (name, args) in cases {
        let ws = ws();
        let run = ws.run(args);
        insta::with_settings!({ description => args.join(" "), omit_expression => true }, {
            insta::assert_snapshot!(*name, transcript(&ws, &run));
        });
    }
}

#[test]
fn analyze_in_every_format() {
    pin(
        Workspace::example_with_tests,
        &[
            ("analyze", &["analyze"]),
            ("analyze_json", &["analyze", "--format", "json"]),
            ("analyze_markdown", &["analyze", "--format", "markdown"]),
            ("analyze_csv", &["analyze", "--format", "csv"]),
            ("analyze_exception_ends_soon", &["--at", "2030-06-20", "analyze"]),
        ],
    );
    pin(
        crate::separation::rich,
        &[
            ("analyze_rich", &["analyze"]),
            ("analyze_rich_json", &["analyze", "--format", "json"]),
            ("analyze_rich_markdown", &["analyze", "--format", "markdown"]),
            ("analyze_rich_csv", &["analyze", "--format", "csv"]),
        ],
    );
}

#[test]
fn read_commands_on_the_example() {
    pin(
        Workspace::example_with_tests,
        &[
            ("check", &["check"]),
            ("check_strict_json", &["check", "--strict", "--format", "json"]),
            ("member_list", &["member", "list"]),
            ("cost", &["cost"]),
            ("cost_by_profile", &["cost", "--by", "profile"]),
            ("cost_by_member_csv", &["cost", "--by", "member", "--format", "csv"]),
            ("cost_json", &["cost", "--format", "json"]),
            ("cost_markdown", &["cost", "--format", "markdown"]),
            ("member_list_csv", &["member", "list", "--format", "csv"]),
            ("member_list_json", &["member", "list", "--format", "json"]),
            ("member_list_markdown", &["member", "list", "--format", "markdown"]),
            ("member_list_profile", &["member", "list", "--profile", "connect-pay"]),
            ("member_list_status", &["member", "list", "--status", "invited"]),
            ("member_list_client", &["member", "list", "--client", "acme"]),
            ("member_list_empty", &["member", "list", "--client", "jean-dupont"]),
            ("member_list_empty_csv", &["member", "list", "--client", "jean-dupont", "--format", "csv"]),
            ("member_list_empty_json", &["member", "list", "--client", "jean-dupont", "--format", "json"]),
            ("member_list_empty_markdown", &["member", "list", "--client", "jean-dupont", "--format", "markdown"]),
            ("client_list_empty", &["client", "list", "--member", "marc"]),
            ("member_show", &["member", "show", "bob"]),
            ("member_show_json", &["member", "show", "bob", "--format", "json"]),
            ("profile_list", &["profile", "list"]),
            ("profile_list_json", &["profile", "list", "--format", "json"]),
            ("profile_show", &["profile", "show", "easy-invoicing"]),
            ("profile_show_json", &["profile", "show", "easy-invoicing", "--format", "json"]),
            ("profile_compare", &["profile", "compare", "connect-pay", "connect-no-pay"]),
            (
                "profile_compare_only_diff_markdown",
                &["profile", "compare", "connect-pay", "connect-no-pay", "--only-diff", "--format", "markdown"],
            ),
            ("profile_default", &["profile", "default"]),
            ("client_list", &["client", "list"]),
            ("client_list_member", &["client", "list", "--member", "bob"]),
            ("client_list_json", &["client", "list", "--format", "json"]),
            ("access_check_allowed", &["access", "check", "bob", "invoices.edit", "--client", "jean-dupont"]),
            ("access_check_denied", &["access", "check", "julie", "invoices.edit", "--client", "initech"]),
            ("access_check_json", &["access", "check", "bob", "invoices.edit", "--client", "acme", "--format", "json"]),
            ("access_who_can", &["access", "who-can", "invoices.edit", "--client", "acme"]),
            ("access_who_can_json", &["access", "who-can", "settings.edit", "--format", "json"]),
            ("access_matrix", &["access", "matrix"]),
            ("access_matrix_csv", &["access", "matrix", "--format", "csv"]),
            ("access_matrix_markdown", &["access", "matrix", "--format", "markdown"]),
            ("access_matrix_json", &["access", "matrix", "--format", "json"]),
            ("access_list", &["access", "list", "bob"]),
            ("access_list_csv", &["access", "list", "bob", "--format", "csv"]),
            ("access_list_json", &["access", "list", "bob", "--format", "json"]),
            ("access_list_markdown", &["access", "list", "bob", "--format", "markdown"]),
            ("access_list_client", &["access", "list", "bob", "--client", "jean-dupont"]),
            ("access_list_area_override", &["access", "list", "julie", "--area", "invoices"]),
            ("access_list_invited", &["access", "list", "ines", "--area", "clients"]),
            ("access_list_unknown_area", &["access", "list", "bob", "--area", "invoice"]),
            ("export_members", &["export", "members"]),
            ("export_profiles", &["export", "profiles"]),
            ("export_clients", &["export", "clients"]),
            ("export_assignments", &["export", "assignments"]),
            ("export_matrix_json", &["export", "matrix", "--format", "json"]),
            ("test", &["test"]),
            ("test_json", &["test", "--format", "json"]),
            ("test_filter", &["test", "--filter", "Bob"]),
            ("fmt_check", &["fmt", "--check"]),
            ("check_github", &["check", "--format", "github"]),
            ("check_sarif", &["check", "--format", "sarif"]),
            ("test_github", &["test", "--format", "github"]),
            ("test_junit", &["test", "--format", "junit"]),
            ("format_refused", &["member", "list", "--format", "sarif"]),
            ("schema", &["schema"]),
            ("schema_json", &["schema", "--format", "json"]),
            ("schema_out", &["schema", "--out", "schemas"]),
            ("man_out", &["man", "--out", "man"]),
            ("team_list", &["team", "list"]),
            ("team_list_csv", &["team", "list", "--format", "csv"]),
            ("team_list_json", &["team", "list", "--format", "json"]),
            ("team_list_markdown", &["team", "list", "--format", "markdown"]),
            ("team_show", &["team", "show", "audit"]),
            ("team_show_csv", &["team", "show", "audit", "--format", "csv"]),
            ("team_show_json", &["team", "show", "audit", "--format", "json"]),
            ("team_show_markdown", &["team", "show", "audit", "--format", "markdown"]),
            ("team_show_not_found", &["team", "show", "audti"]),
            ("access_check_team", &["access", "check", "thomas", "clients.edit", "--client", "initech"]),
            ("access_list_team", &["access", "list", "thomas", "--area", "clients"]),
        ],
    );
    let failing_tests = || {
        let ws = Workspace::example_with_tests();
        ws.edit("tests.toml", "exactly = [\"claire\", \"marc\"]", "exactly = [\"claire\"]");
        ws.edit("tests.toml", "deny = [\"invoices.edit\"]", "deny = [\"invoices.view\"]");
        ws
    };
    pin(
        failing_tests,
        &[
            ("failing_test_github", &["test", "--format", "github"]),
            ("failing_test_junit", &["test", "--format", "junit"]),
        ],
    );
}

#[test]
fn changes_on_the_example_as_dry_runs() {
    pin(
        Workspace::example_with_tests,
        &[
            (
                "dry_member_add",
                &["--dry-run", "member", "add", "zoe", "--name", "Zoé Roux", "--email", "zoe@x.example"],
            ),
            ("dry_member_edit", &["--dry-run", "member", "edit", "bob", "--status", "suspended"]),
            ("dry_member_edit_grant", &["--dry-run", "member", "edit", "hugo", "--grant", "clients.export=assigned"]),
            ("dry_member_remove", &["--dry-run", "member", "remove", "lea"]),
            ("dry_profile_duplicate", &["--dry-run", "profile", "duplicate", "connect-pay", "connect-lite"]),
            ("dry_profile_edit", &["--dry-run", "profile", "edit", "easy-invoicing", "--set", "invoices.edit=none"]),
            ("dry_profile_default", &["--dry-run", "profile", "default", "connect-no-pay"]),
            ("dry_profile_remove_refused", &["--dry-run", "profile", "remove", "connect-pay"]),
            ("dry_transfer_all", &["--dry-run", "transfer-all", "connect-pay", "--to", "connect-no-pay"]),
            ("dry_transfer_one", &["--dry-run", "transfer-one", "hugo", "--to", "full-accounting"]),
            (
                "dry_transfer_one_client",
                &["--dry-run", "transfer-one", "lea", "--to", "full-accounting", "--client", "umbrella"],
            ),
            ("dry_client_add", &["--dry-run", "client", "add", "wayne", "--name", "Wayne Corp"]),
            ("dry_prune_nothing", &["--dry-run", "prune"]),
            ("dry_prune", &["--at", "2027-05-01", "--dry-run", "prune"]),
            ("dry_prune_json", &["--at", "2027-05-01", "--dry-run", "--format", "json", "prune"]),
            (
                "dry_client_assign_until",
                &["--dry-run", "client", "assign", "umbrella", "--to", "bob", "--until", "2027-01-31"],
            ),
            ("dry_member_edit_until", &["--dry-run", "member", "edit", "lea", "--until", "2027-06-30"]),
            ("dry_client_remove", &["--dry-run", "client", "remove", "umbrella"]),
            ("dry_client_assign", &["--dry-run", "client", "assign", "umbrella", "--to", "bob"]),
            ("dry_client_unassign", &["--dry-run", "client", "unassign", "globex", "--from", "bob"]),
            (
                "dry_client_assign_profile",
                &["--dry-run", "client", "assign", "umbrella", "--to", "hugo", "--profile", "full-accounting"],
            ),
            (
                "refused_client_assign_profile_admin",
                &["client", "assign", "umbrella", "--to", "marc", "--profile", "full-accounting"],
            ),
            ("dry_member_rename", &["--dry-run", "member", "rename", "bob", "bob.durand"]),
            ("dry_member_rename_owner", &["--dry-run", "member", "rename", "claire", "claire.martin"]),
            ("refused_member_rename_exists", &["member", "rename", "bob", "lea"]),
            ("refused_member_rename_bad_id", &["member", "rename", "bob", "Bob"]),
            ("not_found_member_rename", &["member", "rename", "bobb", "robert"]),
            ("dry_json_change", &["--dry-run", "--format", "json", "member", "edit", "bob", "--name", "Robert Durand"]),
            ("refused_by_test", &["member", "edit", "bob", "--status", "suspended"]),
            ("refused_by_rule", &["profile", "edit", "connect-pay", "--set", "clients.view=all"]),
            ("not_found_member", &["member", "edit", "bobb", "--status", "suspended"]),
            ("not_found_profile", &["transfer-one", "bob", "--to", "nope"]),
            ("usage_error", &["member", "edit", "bob", "--status", "sleeping"]),
            ("grant_level_not_allowed", &["member", "edit", "bob", "--grant", "invoices.view=own"]),
            ("grant_not_a_level", &["profile", "edit", "connect-no-pay", "--set", "invoices.view=asigned"]),
            ("unknown_option_member_show", &["member", "show", "lea", "--client", "acme"]),
            ("unknown_option_diff", &["diff", "--member", "bob"]),
            (
                "dry_team_add",
                &["--dry-run", "team", "add", "tax", "--name", "Tax team", "--lead", "marc", "--member", "bob"],
            ),
            (
                "dry_team_edit",
                &[
                    "--dry-run",
                    "team",
                    "edit",
                    "audit",
                    "--name",
                    "Audit",
                    "--lead",
                    "julie",
                    "--add",
                    "bob",
                    "--remove",
                    "hugo",
                ],
            ),
            ("dry_team_remove", &["--dry-run", "team", "remove", "audit"]),
            ("dry_client_assign_team", &["--dry-run", "client", "assign", "acme", "--team", "audit"]),
            ("dry_client_unassign_team", &["--dry-run", "client", "unassign", "initech", "--team", "audit"]),
            ("refused_client_unassign_through_team", &["client", "unassign", "initech", "--from", "thomas"]),
        ],
    );
}

/// `roster batch` on the example, its file in the workspace's folder (where
/// the commands run): every format, a dry run, a bad line, a broken rule.
#[test]
fn batch_on_the_example() {
    let ws = || {
        let ws = Workspace::example_with_tests();
        ws.write(
            "changes.txt",
            "# Onboarding\nmember add dan --name \"Dan Marchand\" --email dan@cabinet-martin.example\n\
             client assign acme --to dan   # from bob\nclient unassign globex --from bob\n\n\
             transfer-one hugo --to full-accounting\nmember edit bob --credit-limit 100\n",
        );
        ws.write("bad.txt", "member edit bob --credit-limit 100\nmember edit bobb --status suspended\n");
        ws.write("rule.txt", "member edit bob --name Robert\nprofile edit connect-no-pay --set clients.view=all\n");
        ws
    };
    pin(
        ws,
        &[
            ("batch", &["batch", "changes.txt"]),
            ("batch_dry", &["--dry-run", "batch", "changes.txt"]),
            ("batch_json", &["batch", "changes.txt", "--format", "json"]),
            ("batch_csv", &["batch", "changes.txt", "--format", "csv"]),
            ("batch_markdown", &["batch", "changes.txt", "--format", "markdown"]),
            ("batch_quiet", &["batch", "changes.txt", "-q"]),
            ("batch_bad_line", &["batch", "bad.txt"]),
            ("batch_broken_rule", &["batch", "rule.txt"]),
            ("batch_missing_file", &["batch", "nope.txt"]),
        ],
    );
}

#[test]
fn commands_on_broken_workspaces() {
    let broken = || {
        let ws = Workspace::example();
        ws.edit("workspace.toml", "owner = \"claire\"", "owner = \"clare\"");
        ws.edit("members.toml", "profile = \"connect-no-pay\"", "profile = \"connect-no-pai\"");
        ws.edit("clients.toml", "kind = \"contact\"", "kind = \"person\"");
        ws
    };
    pin(
        broken,
        &[
            ("broken_check", &["check"]),
            ("broken_check_json", &["check", "--format", "json"]),
            ("broken_check_github", &["check", "--format", "github"]),
            ("broken_check_sarif", &["check", "--format", "sarif"]),
            ("broken_member_list", &["member", "list"]),
            ("broken_change", &["member", "edit", "bob", "--name", "Robert"]),
        ],
    );
    let syntax = || {
        let ws = Workspace::example();
        ws.edit("members.toml", "[members.hugo]", "[members.hugo");
        ws
    };
    pin(syntax, &[("syntax_check", &["check"]), ("syntax_who_can", &["access", "who-can", "settings.edit"])]);
    let unknown_key = || {
        let ws = Workspace::example();
        ws.edit("profiles/connect-pay.toml", "tier =", "teir =");
        ws
    };
    pin(unknown_key, &[("unknown_key_check", &["check"])]);
    let unformatted = || {
        let ws = Workspace::example();
        ws.edit("members.toml", "name = \"Bob Durand\"", "name   =   \"Bob Durand\"");
        ws.edit("profiles/connect-pay.toml", "tier = ", "tier   = ");
        ws
    };
    pin(
        unformatted,
        &[
            ("unformatted_fmt_check", &["fmt", "--check"]),
            ("unformatted_fmt_check_diff", &["fmt", "--check", "--diff"]),
            ("unformatted_fmt_check_diff_json", &["fmt", "--check", "--diff", "--format", "json"]),
        ],
    );
    pin(Workspace::empty, &[("no_workspace", &["check"])]);
}
