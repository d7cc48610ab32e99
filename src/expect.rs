//! Access tests (SPEC §8): running the expectations of `tests.toml` against a
//! workspace. A failure says what was expected, what holds, and the access
//! chain behind each member that makes the difference.

use crate::access;
use crate::model::{AccessTest, Client, Member, Ref, TestKind, Workspace};
use crate::render::money;
use crate::source::Span;

/// The outcome of one test.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub name: String,
    pub passed: bool,
    pub expected: String,
    pub actual: String,
    /// Why, for a failure: one access chain per member that differs.
    pub why: Vec<String>,
    /// Where the test is stated (its `[[test]]` header).
    pub span: Span,
}

/// Runs every test whose name contains `filter` (all without one).
pub fn run(ws: &Workspace, filter: Option<&str>) -> Vec<Outcome> {
    ws.tests.iter().filter(|t| filter.is_none_or(|f| t.title().contains(f))).map(|t| run_one(ws, t)).collect()
}

fn ids(v: &[&str]) -> String {
    if v.is_empty() { "nobody".into() } else { v.join(", ") }
}

fn chain(ws: &Workspace, m: &Member, key: &str, client: Option<&Client>) -> String {
    let Some((area_id, action)) = key.split_once('.') else { return String::new() };
    let Some(area) = ws.area(area_id) else { return String::new() };
    let d = access::decide(ws, m, area, action, client);
    format!(
        "{}: {} ({})",
        m.id,
        if d.allowed { "allowed" } else { "denied" },
        d.chain(m, area, action, client).join(" -> ")
    )
}

fn client_of<'w>(ws: &'w Workspace, c: &Option<Ref>) -> Option<&'w Client> {
    c.as_ref().and_then(|c| ws.client(&c.value))
}

/// Runs one test, on its own `at` date when it has one.
pub fn run_one(ws: &Workspace, t: &AccessTest) -> Outcome {
    match t.at {
        Some(at) => {
            let before = ws.set_at(at);
            let mut out = run_on(ws, t);
            ws.set_at(before);
            out.name = t.title();
            out
        }
        None => run_on(ws, t),
    }
}

fn run_on(ws: &Workspace, t: &AccessTest) -> Outcome {
    let span = t.span;
    let name = t.title();
    match &t.kind {
        TestKind::WhoCan { key, client, exactly, includes, excludes } => {
            let c = client_of(ws, client);
            let who: Vec<&str> = match key.value.split_once('.').and_then(|(a, x)| ws.area(a).map(|area| (area, x))) {
                Some((area, action)) => {
                    access::who_can(ws, area, action, c).into_iter().map(|(m, _)| m.id.as_str()).collect()
                }
                None => Vec::new(),
            };
            let mut expected = Vec::new();
            let mut wrong: Vec<&str> = Vec::new();
            if let Some(e) = exactly {
                let want: Vec<&str> = e.iter().map(|r| r.value.as_str()).collect();
                expected.push(format!("exactly {}", ids(&want)));
                wrong.extend(want.iter().filter(|m| !who.contains(m)));
                wrong.extend(who.iter().filter(|m| !want.contains(m)));
            }
            if !includes.is_empty() {
                let want: Vec<&str> = includes.iter().map(|r| r.value.as_str()).collect();
                expected.push(format!("including {}", ids(&want)));
                wrong.extend(want.iter().filter(|m| !who.contains(m)));
            }
            if !excludes.is_empty() {
                let not: Vec<&str> = excludes.iter().map(|r| r.value.as_str()).collect();
                expected.push(format!("excluding {}", ids(&not)));
                wrong.extend(not.iter().filter(|m| who.contains(m)));
            }
            wrong.sort_unstable();
            wrong.dedup();
            let why = wrong.iter().filter_map(|id| ws.member(id)).map(|m| chain(ws, m, &key.value, c)).collect();
            Outcome { name, passed: wrong.is_empty(), expected: expected.join(" and "), actual: ids(&who), why, span }
        }
        TestKind::Member { member, client, allow, deny } => {
            let c = client_of(ws, client);
            let Some(m) = ws.member(&member.value) else {
                return Outcome {
                    name,
                    passed: false,
                    expected: format!("member {} exists", member.value),
                    actual: "no such member".into(),
                    why: Vec::new(),
                    span,
                };
            };
            let allowed = |key: &str| {
                key.split_once('.')
                    .and_then(|(a, x)| ws.area(a).map(|area| access::decide(ws, m, area, x, c).allowed))
                    .unwrap_or(false)
            };
            let mut expected = Vec::new();
            let mut actual = Vec::new();
            let mut why = Vec::new();
            for (keys, want) in [(allow, true), (deny, false)] {
                if keys.is_empty() {
                    continue;
                }
                let list: Vec<&str> = keys.iter().map(|k| k.value.as_str()).collect();
                expected.push(format!("{} {}", if want { "allowed" } else { "denied" }, list.join(", ")));
                for k in keys {
                    let is = allowed(&k.value);
                    actual.push(format!("{} {}", k.value, if is { "allowed" } else { "denied" }));
                    if is != want {
                        why.push(chain(ws, m, &k.value, c));
                    }
                }
            }
            Outcome {
                name,
                passed: why.is_empty(),
                expected: expected.join("; "),
                actual: actual.join(", "),
                why,
                span,
            }
        }
        TestKind::MaxMonthlyCost { max } => {
            let cost = ws.monthly_cost();
            let currency = &ws.settings.currency;
            Outcome {
                name,
                passed: cost <= *max + 0.005,
                expected: format!("at most {} {currency}", money(*max)),
                actual: format!("{} {currency}", money(cost)),
                why: Vec::new(),
                span,
            }
        }
    }
}

/// The tests that pass in `before` and fail in `after` (matched by title).
pub fn newly_failing(before: &Workspace, after: &Workspace) -> Vec<Outcome> {
    let passed: Vec<String> = run(before, None).into_iter().filter(|o| o.passed).map(|o| o.name).collect();
    run(after, None).into_iter().filter(|o| !o.passed && passed.contains(&o.name)).collect()
}
