//! `tests.toml` and `roster test` (SPEC §8): each kind of test passing and
//! failing, the JSON shape, changes refused for breaking a test, `diff` naming
//! it, and typos reported by `check`.

use crate::support::Workspace;
use serde_json::json;

fn with_tests(tests: &str) -> Workspace {
    let ws = Workspace::example();
    ws.write("tests.toml", tests);
    ws
}

#[test]
fn the_example_expectations_pass() {
    let ws = Workspace::example_with_tests();
    let run = ws.run(&["test"]);
    run.code(0).stdout_has("pass  Only the administrators edit settings").stdout_has("access tests: 7 of 7 passed");
    let v = ws.run(&["test", "--format", "json"]).json();
    assert_eq!((v["passed"].clone(), v["failed"].clone()), (json!(7), json!(0)));
    assert_eq!(
        v["tests"][0],
        json!({"name": "Only the administrators edit settings", "passed": true, "expected": "exactly claire, marc", "actual": "claire, marc"})
    );
}

#[test]
fn who_can_exactly_includes_excludes() {
    let ws = with_tests(
        "[[test]]\nwho_can = \"settings.edit\"\nexactly = [\"claire\", \"marc\"]\n\n\
         [[test]]\nwho_can = \"settings.edit\"\nexactly = [\"claire\"]\n\n\
         [[test]]\nwho_can = \"invoices.view\"\nclient = \"acme\"\nincludes = [\"bob\", \"sophie\"]\n\n\
         [[test]]\nwho_can = \"invoices.view\"\nclient = \"acme\"\nincludes = [\"hugo\"]\n\n\
         [[test]]\nwho_can = \"clients.view\"\nclient = \"globex\"\nexcludes = [\"hugo\", \"paul\"]\n\n\
         [[test]]\nname = \"Lea stays off Globex\"\nwho_can = \"clients.view\"\nclient = \"globex\"\nexcludes = [\"bob\"]\n",
    );
    let v = ws.run(&["test", "--format", "json"]).json();
    let passed: Vec<bool> =
        v["tests"].as_array().expect("tests").iter().map(|t| t["passed"].as_bool().expect("bool")).collect();
    assert_eq!(passed, [true, false, true, false, true, false]);
    assert_eq!(v["tests"][1]["name"], "who can settings.edit is exactly claire");
    assert_eq!(v["tests"][1]["actual"], "claire, marc");
    let run = ws.run(&["test"]);
    run.code(1)
        .stdout_has("FAIL  who can settings.edit is exactly claire")
        .stdout_has("      expected: exactly claire\n      actual:   claire, marc\n")
        .stdout_has("why:      marc: allowed (status: active -> profile: admin (own profile) -> grant: settings.edit = all (admin profile: the highest level)")
        .stdout_has("FAIL  who can invoices.view on acme is include hugo")
        .stdout_has("why:      hugo: denied (")
        .stdout_has("client: acme is not assigned to hugo")
        .stdout_has("FAIL  Lea stays off Globex")
        .stdout_has("access tests: 3 of 6 passed");
}

#[test]
fn member_allow_and_deny_with_a_client() {
    let ws = with_tests(
        "[[test]]\nmember = \"bob\"\nclient = \"acme\"\nallow = [\"documents.edit\", \"invoices.view\"]\n\n\
         [[test]]\nmember = \"bob\"\nclient = \"acme\"\nallow = [\"invoices.edit\"]\n\n\
         [[test]]\nmember = \"ines\"\ndeny = [\"clients.view\", \"calendars.view\"]\n\n\
         [[test]]\nname = \"Julie cannot print\"\nmember = \"julie\"\ndeny = [\"invoices.view\"]\n",
    );
    let v = ws.run(&["test", "--format", "json"]).json();
    let passed: Vec<bool> =
        v["tests"].as_array().expect("tests").iter().map(|t| t["passed"].as_bool().expect("bool")).collect();
    assert_eq!(passed, [true, false, true, false]);
    assert_eq!(v["tests"][0]["name"], "bob may documents.edit, invoices.view on acme");
    assert_eq!(v["tests"][2]["name"], "ines may not clients.view, calendars.view");
    assert_eq!(v["tests"][1]["actual"], "invoices.edit denied");
    ws.run(&["test"])
        .code(1)
        .stdout_has("FAIL  Julie cannot print")
        .stdout_has("grant: invoices.view = assigned (member override)");
}

#[test]
fn max_monthly_cost() {
    let ws = with_tests("[[test]]\nmax_monthly_cost = 305.0\n\n[[test]]\nname = \"Tight\"\nmax_monthly_cost = 304.0\n");
    let v = ws.run(&["test", "--format", "json"]).json();
    assert_eq!(
        v["tests"][0],
        json!({"name": "the monthly cost stays at or below 305.00", "passed": true, "expected": "at most 305.00 EUR", "actual": "305.00 EUR"})
    );
    assert_eq!(v["tests"][1]["passed"], false);
    assert_eq!((v["passed"].clone(), v["failed"].clone()), (json!(1), json!(1)));
}

#[test]
fn filter_runs_matching_tests_only() {
    let ws = Workspace::example_with_tests();
    let v = ws.run(&["test", "--filter", "administrators", "--format", "json"]).json();
    assert_eq!(v["passed"], 2);
    let names: Vec<&str> =
        v["tests"].as_array().expect("tests").iter().map(|t| t["name"].as_str().expect("name")).collect();
    assert_eq!(names, ["Only the administrators edit settings", "Billing stays with the administrators"]);
}

#[test]
fn a_change_that_breaks_a_test_is_refused_unless_allowed() {
    let ws = Workspace::example_with_tests();
    let before = ws.read("members.toml");
    ws.run(&["transfer-one", "bob", "--to", "connect-pay", "--client", "acme"])
        .code(3)
        .stderr_has("test failed: Bob keeps ACME's books")
        .stderr_has("actual:   clients.export denied, documents.edit allowed, invoices.view allowed")
        .stderr_has("error[test-failed]: the change would make a test of tests.toml fail: \"Bob keeps ACME's books\"; nothing was written");
    assert_eq!(ws.read("members.toml"), before);
    // Cost guard: 305 + 24 + 30 = 359 fits the budget of 365; 10 more does not.
    ws.run(&["transfer-one", "hugo", "--to", "advanced-commercial"])
        .code(0)
        .stdout_has("monthly cost: 305.00 -> 329.00 EUR");
    ws.run(&["transfer-one", "lea", "--to", "advanced-commercial"])
        .code(0)
        .stdout_has("monthly cost: 329.00 -> 359.00 EUR");
    ws.run(&["transfer-one", "thomas", "--to", "advanced-commercial"])
        .code(3)
        .stderr_has("test failed: Seats stay within budget\n  expected: at most 365.00 EUR\n  actual:   369.00 EUR");
    ws.run(&["--allow-failing-tests", "transfer-one", "bob", "--to", "connect-pay", "--client", "acme"])
        .code(0)
        .stdout_has("test now fails (--allow-failing-tests): Bob keeps ACME's books");
    assert!(ws.read("members.toml").contains("client_profiles = { acme = \"connect-pay\" }"));
    ws.run(&["test"]).code(1);
}

#[test]
fn import_is_held_to_the_tests_too() {
    let ws = Workspace::example_with_tests();
    ws.write("in.csv", "id,profile\nsophie,admin\n");
    ws.run(&["import", "members", "in.csv"]).code(3).stderr_has("\"Only the administrators edit settings\"");
}

#[test]
fn diff_names_the_test_that_breaks() {
    let repo = Workspace::example_with_tests();
    let git = |args: &[&str]| {
        let ok = std::process::Command::new("git")
            .arg("-C")
            .arg(repo.path())
            .args(["-c", "user.name=T", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
            .args(args)
            .output()
            .expect("git")
            .status
            .success();
        assert!(ok, "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-A"]);
    git(&["commit", "-qm", "start"]);
    repo.run(&["-q", "--allow-failing-tests", "transfer-one", "victor", "--to", "admin"]).code(0);
    let v = repo.run(&["diff", "--format", "json"]).json();
    assert_eq!(v["failing_tests"][0]["name"], "Only the administrators edit settings");
    assert_eq!(v["failing_tests"][1]["name"], "Billing stays with the administrators");
    repo.run(&["diff"]).code(0).stdout_has("test now fails: Only the administrators edit settings (expected exactly claire, marc; actual claire, marc, victor)");
    repo.run(&["diff", "--format", "markdown"]).code(0).stdout_has("- ❌ Only the administrators edit settings");
}

#[test]
fn check_reports_typos_in_tests_toml_with_their_line() {
    let ws = with_tests(
        "[[test]]\nname = \"x\"\nwho_can = \"setings.edit\"\nexatly = [\"claire\"]\n\n[[test]]\nmember = \"bobb\"\nallow = [\"invoices.veiw\"]\nclient = \"acm\"\n",
    );
    let run = ws.run(&["check"]);
    run.code(1)
        .stderr_has("error[unknown-ref]: the test names the area `setings`, which does not exist\n --> tests.toml:3:11")
        .stderr_has("did you mean `settings`?")
        .stderr_has("error[unknown-key]: unknown key `exatly` in a test\n --> tests.toml:4:1")
        .stderr_has("did you mean `exactly`?")
        .stderr_has("error[unknown-ref]: the test names the member `bobb`, which does not exist\n --> tests.toml:7:10")
        .stderr_has("error[bad-value]: area `invoices` has no action `veiw`")
        .stderr_has("did you mean `view`?")
        .stderr_has("the test names the client `acm`")
        .stderr_has("did you mean `acme`?");
    ws.write("tests.toml", "[[test]]\nwho_can = \"settings.edit\"\nmember = \"bob\"\nallow = [\"settings.edit\"]\n");
    ws.run(&["check"]).code(1).stderr_has("a test needs exactly one of `who_can`, `member` or `max_monthly_cost`");
    ws.write("tests.toml", "[[test]]\nwho_can = \"settings.edit\"\n");
    ws.run(&["check"]).code(1).stderr_has("error[missing-field]: a `who_can` test has no `exactly`");
    ws.run(&["test"]).code(1).stderr_has("error[invalid-workspace]");
}

#[test]
fn init_writes_tests_that_pass() {
    let dir = Workspace::empty();
    crate::support::run_in(dir.path(), &["init", "-q"]).code(0);
    crate::support::run_in(dir.path(), &["test"]).code(0).stdout_has("pass  The owner edits settings");
}

#[test]
fn a_filter_that_matches_no_test_fails() {
    let ws = Workspace::example_with_tests();
    ws.run(&["test", "--filter", "nomatch"]).code(1).stderr_has("error[no-test]").stderr_has("`nomatch`");
    ws.run(&["test", "--filter", "Bob"]).code(0);
}
