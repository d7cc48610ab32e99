//! `roster batch FILE|-` through the binary: lines applied in order on the
//! state the lines above left, one validation, one write, all or nothing.

use crate::support::{Run, Workspace};
use serde_json::json;
use std::collections::BTreeMap;

/// Every file of the workspace, to compare before and after a refusal.
fn files(ws: &Workspace) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for name in ["workspace.toml", "members.toml", "clients.toml"] {
        out.insert(name.to_string(), ws.read(name));
    }
    for e in std::fs::read_dir(ws.path().join("profiles")).expect("profiles") {
        let name = format!("profiles/{}", e.expect("entry").file_name().to_string_lossy());
        out.insert(name.clone(), ws.read(&name));
    }
    out
}

/// Runs `roster batch` on `lines` written to a file of the workspace.
fn batch(ws: &Workspace, lines: &str, args: &[&str]) -> Run {
    ws.write("changes.txt", lines);
    let mut all = vec!["batch", "changes.txt"];
    all.extend_from_slice(args);
    ws.run(&all)
}

/// Runs `roster batch -` with `input` on its standard input.
fn batch_stdin(ws: &Workspace, input: &str) -> Run {
    let out = assert_cmd::Command::cargo_bin("roster")
        .expect("binary")
        .current_dir(ws.path())
        .env_remove("ROSTER_WORKSPACE")
        .env_remove("ROSTER_ACTOR")
        .env_remove("NO_COLOR")
        .args(["-w", ws.path().to_str().expect("utf-8"), "batch", "-"])
        .write_stdin(input)
        .output()
        .expect("run roster");
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        code: out.status.code().unwrap_or(-1),
    }
}

/// A batch that must be refused with `code`: it says `says`, and no file moved.
#[track_caller]
fn refused(ws: &Workspace, lines: &str, code: i32, says: &str) -> Run {
    let before = files(ws);
    let run = batch(ws, lines, &[]);
    run.code(code).stderr_has(says);
    assert_eq!(files(ws), before, "a refused batch changed files");
    assert!(run.stdout.is_empty(), "a refused batch printed:\n{}", run.stdout);
    run
}

#[test]
fn a_member_added_on_one_line_is_assigned_on_the_next() {
    let ws = Workspace::example();
    let run = batch(
        &ws,
        "member add dan --name \"Dan Marchand\" --email dan@cabinet-martin.example\n\
         client assign acme globex --to dan\n\
         member edit dan --credit-limit 50\n",
        &[],
    );
    run.code(0);
    assert_eq!(
        run.stdout,
        "line 1: dan: added as active with profile connect-pay (Connect 9.00 EUR/month)\n\
         line 2: dan: assigned acme\n\
         line 2: dan: assigned globex\n\
         line 3: dan: credit limit none -> 50 credits/month\n\
         monthly cost: 305.00 -> 314.00 EUR\n\
         no other member's access changed\n"
    );
    // One entry, in id order, as the three commands one after another write it.
    assert!(ws.read("members.toml").contains(
        "profile = \"admin\"\n\n[members.dan]\nname = \"Dan Marchand\"\nemail = \"dan@cabinet-martin.example\"\nprofile = \"connect-pay\"\nclients = [\"acme\", \"globex\"]\ncredit_limit = 50\n\n[members.hugo]\n"
    ));
    ws.run(&["check", "--strict"]).code(0);
    ws.run(&["fmt", "--check"]).code(0);
}

/// The same lines through `batch` and one command at a time write the same files.
#[test]
fn a_batch_writes_what_its_lines_one_at_a_time_write() {
    let lines = [
        "client add wayne --name \"Wayne Corp\"",
        "member add dan --name Dan --email dan@cabinet-martin.example --client wayne",
        "client assign umbrella --to bob",
        "transfer-one hugo --to full-accounting",
        "member edit julie --grant invoices.print=assigned",
        "profile duplicate connect-pay connect-lite --name \"Connect lite\"",
        "profile edit connect-lite --set invoices.print=none",
        "transfer-one dan --to connect-lite",
        "client unassign globex --from bob",
        "member remove paul",
    ];
    let (one, each) = (Workspace::example(), Workspace::example());
    batch(&one, &lines.join("\n"), &[]).code(0);
    for line in lines {
        let words = shell_words::split(line).expect("words");
        let args: Vec<&str> = words.iter().map(String::as_str).collect();
        each.run(&args).code(0);
    }
    assert_eq!(files(&one), files(&each));
    one.run(&["check", "--strict"]).code(0);
}

#[test]
fn a_bad_line_is_reported_with_its_number_and_nothing_is_written() {
    let ws = Workspace::example();
    let run = refused(
        &ws,
        "member add dan --name Dan --email dan@cabinet-martin.example\n\n# then\nmember edit bobb --status suspended\nmember edit hugo --name Hugo\n",
        4,
        "line 4: error[not-found]: no member named `bobb`\n  = help: did you mean `bob`?\n",
    );
    assert_eq!(run.stderr, "line 4: error[not-found]: no member named `bobb`\n  = help: did you mean `bob`?\n");
    // Each line's own error and exit code: a refusal (3), a usage error (2).
    refused(
        &ws,
        "client assign acme --to bob\nmember add bob --name B --email b@x.example\n",
        3,
        "line 2: error[exists]: member `bob` already exists",
    );
    refused(
        &ws,
        "member edit bob --name B\nmember edit bob --nmae B\n",
        2,
        "line 2: error[usage]: unexpected argument '--nmae' found\n  = help: tip: a similar argument exists: '--name'\n  = help: usage: member edit --name <NAME> <MEMBER>\n",
    );
    refused(
        &ws,
        "member edit bob --name \"B\n",
        2,
        "line 1: error[usage]: the line cannot be split into words: missing closing quote",
    );
    refused(
        &ws,
        "member edit bob --name B\nmember list\n",
        2,
        "line 2: error[usage]: `member list` changes nothing in the workspace: a batch holds changes only",
    );
    refused(&ws, "profile default\n", 2, "line 1: error[usage]: `profile default` changes nothing");
    refused(&ws, "batch other.txt\n", 2, "line 1: error[usage]: a batch can't hold another batch");
    refused(
        &ws,
        "member edit bob --name B --dry-run\n",
        2,
        "line 1: error[usage]: `--dry-run` is an option of the whole batch, not of one line",
    );
    refused(&ws, "roster member edit bob --name B\n", 2, "write `member edit bob --name B`");
    refused(&ws, "member\n", 2, "line 1: error[usage]: `member` is a group of commands: name one of them");
    refused(&ws, "nope x\n", 2, "line 1: error[usage]: unrecognized subcommand 'nope'");
    refused(&ws, "member edit bob -q --name B\n", 2, "line 1: error[usage]: `--quiet` is an option of the whole batch");
    // A line after an earlier line removed what it names.
    refused(
        &ws,
        "member remove hugo\nclient assign acme --to hugo\n",
        4,
        "line 2: error[not-found]: no member named `hugo`",
    );
}

#[test]
fn a_combination_that_breaks_a_rule_only_together_is_refused() {
    let ws = Workspace::example();
    let lines = "member edit bob --email new@cabinet-martin.example\nmember add dan --name Dan --email NEW@cabinet-martin.example\n";
    // Each line alone is a valid change.
    for line in lines.lines() {
        let alone = Workspace::example();
        batch(&alone, line, &["--dry-run"]).code(0);
    }
    let run = refused(&ws, lines, 3, "error[duplicate-email]: the change would break 1 rule");
    // The lines that changed the member whose entry breaks it are named above it.
    run.stderr_has("line 2 (member dan):\nerror[duplicate-email]: member `dan` has the email `NEW@cabinet-martin.example`, already used by `bob`\n  --> members.toml:");
}

#[test]
fn a_batch_that_breaks_a_test_is_refused_unless_allowed() {
    let ws = Workspace::example_with_tests();
    let lines = "client assign umbrella --to hugo\nmember edit bob --status suspended\n";
    refused(
        &ws,
        lines,
        3,
        "error[test-failed]: the change would make a test of tests.toml fail: \"Bob keeps ACME's books\"; nothing was written",
    );
    let run = batch(&ws, lines, &["--allow-failing-tests"]);
    run.code(0);
    assert_eq!(
        run.stdout,
        "line 1: hugo: assigned umbrella\n\
         line 2: bob: status active -> suspended\n\
         test now fails (--allow-failing-tests): Bob keeps ACME's books\n\
         monthly cost: 305.00 -> 276.00 EUR\n\
         sign in again (their access changed): bob, hugo\n"
    );
}

#[test]
fn standard_input_quoting_and_comments() {
    let ws = Workspace::example();
    // CRLF line ends, a byte-order mark, comments alone and after a change,
    // blank lines, and shell quoting of every kind.
    let input = "\u{feff}# renames\r\n\r\nmember edit bob --name \"Bob O'Hara\"   # after the wedding\r\n  member edit hugo --name 'Hugo \"H\" Garnier'\r\nmember edit julie --name Julie\\ Moreau\r\nmember edit marc --name \"Marc # not a comment\"\r\n";
    let run = batch_stdin(&ws, input);
    run.code(0);
    assert_eq!(
        run.stdout,
        "line 3: bob: name Bob Durand -> Bob O'Hara\n\
         line 4: hugo: name Hugo Garnier -> Hugo \"H\" Garnier\n\
         line 5: julie: name Julie Petit -> Julie Moreau\n\
         line 6: marc: name Marc Lefèvre -> Marc # not a comment\n\
         no member's access changed\n"
    );
    let members = ws.read("members.toml");
    for name in [
        "name = \"Bob O'Hara\"",
        "name = 'Hugo \"H\" Garnier'",
        "name = \"Julie Moreau\"",
        "name = \"Marc # not a comment\"",
    ] {
        assert!(members.contains(name), "{name} not in\n{members}");
    }
    // An empty batch changes nothing.
    batch_stdin(&ws, "# nothing yet\n\n").code(0);
}

#[test]
fn json_has_each_line_its_command_and_facts() {
    let ws = Workspace::example();
    let run = batch(
        &ws,
        "member add dan --name 'Dan Marchand' --email dan@cabinet-martin.example\nclient assign acme --to dan  # first\n",
        &["--format", "json"],
    );
    run.code(0);
    assert_eq!(
        run.json(),
        json!({
            "lines": [
                {
                    "line": 1,
                    "command": "member add dan --name 'Dan Marchand' --email dan@cabinet-martin.example",
                    "changes": ["dan: added as active with profile connect-pay (Connect 9.00 EUR/month)"]
                },
                {"line": 2, "command": "client assign acme --to dan", "changes": ["dan: assigned acme"]}
            ],
            "changes": ["monthly cost: 305.00 -> 314.00 EUR"],
            "files": ["members.toml"],
            "sign_in_again": []
        })
    );
}

#[test]
fn a_dry_run_prints_the_combined_diff_and_writes_nothing() {
    let ws = Workspace::example();
    let before = files(&ws);
    let run = batch(
        &ws,
        "member edit bob --status suspended\nmember edit bob --credit-limit 100\nclient assign umbrella --to hugo\n",
        &["--dry-run"],
    );
    run.code(0);
    assert_eq!(
        run.stdout,
        "--- a/members.toml\n\
         +++ b/members.toml\n\
         @@ -4,9 +4,10 @@\n \
         name = \"Bob Durand\"\n \
         email = \"bob@cabinet-martin.example\"\n \
         profile = \"easy-invoicing\"\n\
         +status = \"suspended\"\n \
         clients = [\"acme\", \"globex\"]\n \
         client_profiles = { acme = \"full-accounting\" }   # keeps ACME's books\n\
         -credit_limit = 200\n\
         +credit_limit = 100\n \
         \n \
         [members.claire]\n \
         name = \"Claire Martin\"\n\
         @@ -18,7 +19,7 @@\n \
         email = \"hugo@cabinet-martin.example\"\n \
         profile = \"easy-invoicing\"\n \
         until = 2027-04-30                     # a temp for tax season: no access, no seat after this day\n\
         -clients = [\"initech\"]\n\
         +clients = [\"initech\", \"umbrella\"]\n \
         client_profiles = { initech = { profile = \"full-accounting\", from = 2027-01-04, until = 2027-03-31 } }   # Initech's year-end close\n \
         \n \
         [members.ines]\n\
         dry run: nothing was written\n\
         line 1: bob: status active -> suspended\n\
         line 2: bob: credit limit 200 credits/month -> 100 credits/month\n\
         line 3: hugo: assigned umbrella\n\
         monthly cost: 305.00 -> 276.00 EUR\n\
         sign in again (their access changed): bob, hugo\n"
    );
    assert_eq!(files(&ws), before);
    let json = batch(&ws, "member edit bob --status suspended\n", &["--dry-run", "--format", "json"]).json();
    assert_eq!(json["dry_run"], json!(true));
    assert!(json["diff"].as_str().is_some_and(|d| d.contains("+status = \"suspended\"")));
    assert_eq!(files(&ws), before);
}

/// Entries that do not stand alone (dotted keys, inline tables) are edited
/// in the whole file: slower, and the same files as the commands one at a time.
#[test]
fn members_written_with_dotted_keys_or_inline_tables_give_the_same_files() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/edit");
    let lines = [
        "member add dan --name Dan --email dan@example.com",
        "client assign acme globex --to dan",
        "member edit bob --name Robert --credit-limit 100",
        "client assign initech --to bob",
        "member remove eve",
        "member edit dan --status invited",
    ];
    for case in ["dotted-keys", "inline-tables"] {
        let setup = || {
            let ws = Workspace::empty();
            crate::support::copy_dir(&fixtures.join("base"), ws.path());
            crate::support::copy_dir(&fixtures.join(case).join("in"), ws.path());
            ws
        };
        let (one, each) = (setup(), setup());
        batch(&one, &lines.join("\n"), &[]).code(0);
        for line in lines {
            let words = shell_words::split(line).expect("words");
            let args: Vec<&str> = words.iter().map(String::as_str).collect();
            each.run(&args).code(0);
        }
        assert_eq!(one.read("members.toml"), each.read("members.toml"), "{case}");
        one.run(&["check"]).code(0);
    }
}
