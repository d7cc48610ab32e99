//! Output safety: values from the files cannot drive a terminal, break a
//! Markdown comment, run as a spreadsheet formula, or hide rows of an import.

use crate::support::Workspace;

/// The example workspace with bob's name set to `name` (TOML text, escapes allowed).
fn with_bob_named(toml_name: &str) -> Workspace {
    let ws = Workspace::example();
    ws.edit("members.toml", "name = \"Bob Durand\"", &format!("name = \"{toml_name}\""));
    ws
}

#[track_caller]
fn no_raw_escape(text: &str) {
    assert!(!text.contains('\x1b'), "a raw ESC reached the output:\n{text}");
}

#[test]
fn an_escape_sequence_in_a_name_shows_escaped_in_tables_and_views() {
    let ws = with_bob_named("Bob\\u001b[2J\\u001b]0;owned\\u0007 Durand");
    for args in [&["member", "list"][..], &["member", "show", "bob"]] {
        let run = ws.run(args);
        run.code(0).stdout_has("Bob\\u{1b}[2J\\u{1b}]0;owned\\u{7} Durand");
        no_raw_escape(&run.stdout);
    }
    let run = ws.run(&["member", "list", "--format", "markdown"]);
    run.code(0).stdout_has("Bob\\u{1b}\\[2J\\u{1b}\\]0;owned\\u{7} Durand");
    no_raw_escape(&run.stdout);
    // JSON keeps the value, escaped by JSON itself.
    assert_eq!(
        ws.run(&["member", "show", "bob", "--format", "json"]).json()["name"],
        "Bob\x1b[2J\x1b]0;owned\x07 Durand"
    );
}

#[test]
fn a_line_break_in_a_name_cannot_fake_a_line() {
    let ws = with_bob_named("Bob\\n  status        suspended");
    let show = ws.run(&["member", "show", "bob"]);
    show.code(0)
        .stdout_has("bob — Bob\\n  status        suspended <bob@cabinet-martin.example>\n  status        active\n");
    let list = ws.run(&["member", "list"]);
    list.code(0).stdout_has("Bob\\n  status        suspended");
    assert_eq!(list.stdout.lines().count(), 13, "{}", list.stdout);
}

#[test]
fn check_shows_the_offending_line_escaped_with_the_caret_under_it() {
    let ws = Workspace::example();
    ws.edit("members.toml", "name = \"Bob Durand\"", "name = \"Bob\x1b[2J Durand\"");
    let run = ws.run(&["check"]);
    run.code(1).stderr_has(concat!(
        " --> members.toml:4:12\n",
        "  |\n",
        "4 | name = \"Bob\\u{1b}[2J Durand\"\n",
        "  |            ^^^^^^\n",
    ));
    no_raw_escape(&run.stderr);
    // With colour on, roster's colours stay and the value's sequence does not.
    let run = ws.run(&["--color", "always", "check"]);
    run.code(1).stderr_has("\x1b[1m\x1b[31merror[toml-syntax]\x1b[0m").stderr_has("Bob\\u{1b}[2J Durand");
    assert!(!run.stderr.contains("\x1b[2J"), "{}", run.stderr);
}

#[test]
fn the_facts_of_a_change_and_errors_show_values_escaped() {
    let ws = with_bob_named("Bob\\u001b[2J");
    let run = ws.run(&["member", "edit", "bob", "--name", "Robert\x1b]0;x\x07", "--dry-run"]);
    run.code(0).stdout_has("bob: name Bob\\u{1b}[2J -> Robert\\u{1b}]0;x\\u{7}\n");
    no_raw_escape(&run.stdout);
    let run = ws.run(&["member", "show", "b\x1b[2Jb"]);
    run.code(4).stderr_has("no member named `b\\u{1b}[2Jb`");
    no_raw_escape(&run.stderr);
}

#[test]
fn json_escapes_c1_and_bidirectional_controls() {
    let ws = with_bob_named("Bob\u{9b}2J\u{202e}x");
    let run = ws.run(&["member", "show", "bob", "--format", "json"]);
    run.code(0).stdout_has(r#""name": "Bob\u009B2J\u202Ex""#);
    assert_eq!(run.json()["name"], "Bob\u{9b}2J\u{202e}x");
    ws.run(&["member", "list"]).code(0).stdout_has("Bob\\u{9b}2J\\u{202e}x");
}

#[test]
fn markdown_escapes_pipes_line_breaks_and_html() {
    let ws = with_bob_named("a|b <i>c</i>");
    ws.run(&["member", "list", "--format", "markdown"])
        .code(0)
        .stdout_has("| bob | a\\|b &lt;i&gt;c&lt;/i&gt; | bob@cabinet-martin.example |");
}

#[test]
fn diff_markdown_cannot_be_broken_by_an_area_label() {
    let ws = Workspace::example();
    let git = |args: &[&str]| {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(ws.path())
            .args(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .expect("git");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    ws.edit(
        "workspace.toml",
        "label = \"Invoices and payments\"",
        "label = \"Invoices | x\\n\\n</details><script>alert(1)</script>\"",
    );
    ws.edit(
        "profiles/connect-no-pay.toml",
        "calendars = { view = \"all\", edit = \"own\" }",
        "calendars = { view = \"all\", edit = \"own\" }\ninvoices = { view = \"assigned\", print = \"assigned\" }",
    );
    let run = ws.run(&["diff", "--format", "markdown"]);
    run.code(0).stdout_has(
        "| julie | `invoices.print` (Invoices \\| x  &lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;) |  | none | assigned | 🔺 gains |\n",
    );
    assert!(!run.stdout.contains("</details>") && !run.stdout.contains("<script>"), "{}", run.stdout);
    // Every row of the table has its 6 cells.
    for line in run.stdout.lines().filter(|l| l.starts_with('|')) {
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, 7, "{line}");
    }
}

/// Names a spreadsheet would run, as TOML text, and the same in CSV as `export members` writes them.
const HOSTILE: [(&str, &str, &str); 6] = [
    ("Bob Durand", "=HYPERLINK(\\\"http://x\\\",\\\"y\\\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""),
    ("Claire Martin", "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("Hugo Garnier", "@SUM(1)", "'@SUM(1)"),
    ("Julie Petit", "\\tJulie", "'\tJulie"),
    ("Léa Moreau", "-5", "'-5"),
    ("Marc Lefèvre", "'=already quoted", "''=already quoted"),
];

fn hostile() -> Workspace {
    let ws = Workspace::example();
    for (name, toml, _) in HOSTILE {
        ws.edit("members.toml", &format!("name = \"{name}\""), &format!("name = \"{toml}\""));
    }
    ws
}

#[test]
fn csv_cells_that_start_a_formula_get_a_quote_in_front() {
    let ws = hostile();
    for args in [&["export", "members"][..], &["member", "list", "--format", "csv"]] {
        let run = ws.run(args);
        run.code(0);
        for (_, _, csv) in HOSTILE {
            assert!(run.stdout.contains(&format!(",{csv},")), "{args:?} lacks {csv:?}:\n{}", run.stdout);
        }
    }
    // A client's name too, in every export; numbers are numbers.
    ws.edit("clients.toml", "name = \"ACME SA\"", "name = \"@SUM(1)\"");
    ws.run(&["export", "clients"]).code(0).stdout_has("acme,'@SUM(1),");
    ws.run(&["client", "list", "--format", "csv"]).code(0).stdout_has("acme,'@SUM(1),");
    ws.run(&["export", "profiles"]).code(0).stdout_has(",49.0,");
}

#[test]
fn export_then_import_members_changes_nothing() {
    let ws = hostile();
    let before = ws.read("members.toml");
    let file = ws.path().join("members.csv");
    let file = file.to_str().expect("utf-8 path");
    ws.run(&["export", "members", "-o", file]).code(0);
    ws.run(&["import", "members", file]).code(0).stdout_has("no change: all 12 rows match the workspace");
    assert_eq!(ws.read("members.toml"), before);
}

#[test]
fn import_takes_off_only_the_quote_export_puts_in_front() {
    let ws = Workspace::example();
    ws.write(
        "new.csv",
        "id,name,email\nzoe,'=SUM(1),zoe@example.com\nyann,'Yann,yann@example.com\nxavier,''@x,xavier@example.com\n",
    );
    ws.run(&["import", "members", "new.csv"]).code(0);
    let text = ws.read("members.toml");
    assert!(text.contains("name = \"=SUM(1)\""), "{text}");
    assert!(text.contains("name = \"'Yann\""), "{text}");
    assert!(text.contains("name = \"'@x\""), "{text}");
}

#[test]
fn an_unterminated_quote_refuses_the_import() {
    let ws = Workspace::example();
    let before = ws.read("members.toml");
    ws.write("open.csv", "id,name\nbob,\"Bob B\nclaire,Claire M\n");
    ws.run(&["import", "members", "open.csv"]).code(3).stderr_has(
        "open.csv: row 2: the quote opened at line 2, column 5 is never closed, so every line after it would be read into that one cell",
    );
    // In the header too; a doubled quote inside a closed one is fine.
    ws.write("head.csv", "id,\"name\nbob,Bob\n");
    ws.run(&["import", "members", "head.csv"]).code(3).stderr_has("row 1: the quote opened at line 1, column 4");
    assert_eq!(ws.read("members.toml"), before);
    ws.write("ok.csv", "id,name\nbob,\"Bob \"\"B\"\"\"\n");
    ws.run(&["import", "members", "ok.csv"]).code(0).stdout_has("bob: name Bob Durand -> Bob \"B\"");
}
