//! `roster test [--filter TEXT]`: runs the expectations of `tests.toml` (SPEC
//! §8), one line per test; a failure shows what was expected, what holds, and
//! the access chain behind it. Exit 0 when all pass, 1 when any fails. For
//! CI: `--format junit` (a report of every test) and `--format github` (an
//! annotation on the line of `tests.toml` that states each failing test).

use super::Ctx;
use crate::error::{Error, Kind, Outcome, Result};
use crate::expect;
use crate::render::escape::terminal;
use crate::render::{Col, Records, View, ci};
use crate::style::Paint;
use clap::Args;
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster test                 every access test of tests.toml
  roster test --filter Bob    the tests whose name holds Bob"#)]
pub struct TestArgs {
    /// Run only the tests whose name contains TEXT
    #[arg(long, value_name = "TEXT")]
    pub filter: Option<String>,
}

pub fn cmd_test(ctx: &Ctx, args: TestArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    let results = expect::run(&ws, args.filter.as_deref());
    if let Some(filter) = &args.filter
        && results.is_empty()
    {
        // A filter that matches nothing is a mistake, not a pass: CI that
        // runs `test --filter X` must not go green on a renamed test.
        return Err(Error::new(Kind::Invalid, "no-test", format!("no test of tests.toml has `{filter}` in its name"))
            .hint("`roster test` lists every test's name; the filter is case-sensitive"));
    }
    let failed = results.iter().filter(|r| !r.passed).count();
    let passed = results.len() - failed;
    let mut tests =
        Records::new([("name", Col::Text), ("passed", Col::Text), ("expected", Col::Text), ("actual", Col::Text)]);
    for t in &results {
        tests.push(vec![json!(t.name), json!(t.passed), json!(t.expected), json!(t.actual)]);
    }
    let ci = ctx.format.is_ci().then(|| {
        let prefix = ctx.repo_prefix(&ctx.root().unwrap_or_default());
        results
            .iter()
            .map(|r| ci::Case {
                name: r.name.clone(),
                passed: r.passed,
                expected: r.expected.clone(),
                actual: r.actual.clone(),
                why: r.why.clone(),
                file: format!("{prefix}{}", ws.sources.get(r.span.file).name),
                line: ws.sources.position(r.span.file, r.span.start).line,
            })
            .collect()
    });
    ctx.show(&TestView {
        passed,
        failed,
        tests,
        results: &results,
        none: ws.tests.is_empty(),
        quiet: ctx.quiet,
        ci: ci.unwrap_or_default(),
    })?;
    Ok(if failed > 0 { Outcome::Negative } else { Outcome::Success })
}

/// The counts and a record per test; for people, a line per test (only the
/// failures with `-q`), what failed and why, and the count.
#[derive(Serialize)]
struct TestView<'a> {
    passed: usize,
    failed: usize,
    tests: Records,
    #[serde(skip)]
    results: &'a [expect::Outcome],
    /// tests.toml has no test at all.
    #[serde(skip)]
    none: bool,
    #[serde(skip)]
    quiet: bool,
    /// Each test where it is stated, for the CI formats.
    #[serde(skip)]
    ci: Vec<ci::Case>,
}

impl View for TestView<'_> {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Borrowed(&self.tests))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        let mut out = String::new();
        if self.none {
            out.push_str("no tests: add expectations to tests.toml (see `roster init` for an example)\n");
        }
        for r in self.results {
            if r.passed {
                if !self.quiet {
                    out.push_str(&format!("{}  {}\n", paint.apply(paint.ok(), "pass"), terminal(&r.name)));
                }
            } else {
                out.push_str(&format!("{}  {}\n", paint.apply(paint.error(), "FAIL"), terminal(&r.name)));
                out.push_str(&format!(
                    "      expected: {}\n      actual:   {}\n",
                    terminal(&r.expected),
                    terminal(&r.actual)
                ));
                for w in &r.why {
                    out.push_str(&format!("      why:      {}\n", terminal(w)));
                }
            }
        }
        if !self.quiet || self.failed > 0 {
            out.push_str(&format!("\naccess tests: {} of {} passed\n", self.passed, self.results.len()));
        }
        Some(out)
    }

    /// An error annotation on the `[[test]]` line of each failing test.
    fn github(&self) -> Option<String> {
        let failing: Vec<ci::Finding> = self
            .ci
            .iter()
            .filter(|c| !c.passed)
            .map(|c| ci::Finding {
                code: "test-failed".into(),
                error: true,
                title: c.name.clone(),
                message: format!("access test failed: expected {}", c.expected),
                notes: std::iter::once(format!("actual: {}", c.actual))
                    .chain(c.why.iter().map(|w| format!("why: {w}")))
                    .collect(),
                file: c.file.clone(),
                line: Some(c.line),
                column: None,
            })
            .collect();
        Some(ci::github(&failing))
    }

    fn junit(&self) -> Option<String> {
        Some(ci::junit("access tests", &self.ci))
    }
}
