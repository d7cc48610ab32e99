//! `roster test [--filter TEXT]`: runs the expectations of `tests.toml` (SPEC
//! §8), one line per test; a failure shows what was expected, what holds, and
//! the access chain behind it. Exit 0 when all pass, 1 when any fails.

use super::Ctx;
use crate::error::{Error, Kind, Outcome, Result};
use crate::expect;
use crate::render::escape::terminal;
use crate::render::{self, Col, Format, Records};
use clap::Args;
use serde_json::json;

#[derive(Debug, Args)]
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
    let text = match ctx.format {
        Format::Json => render::json(&json!({
            "passed": passed,
            "failed": failed,
            "tests": results.iter().map(|r| json!({"name": r.name, "passed": r.passed, "expected": r.expected, "actual": r.actual})).collect::<Vec<_>>(),
        })),
        Format::Table => {
            let paint = ctx.out_paint();
            let mut out = String::new();
            if ws.tests.is_empty() {
                out.push_str("no tests: add expectations to tests.toml (see `roster init` for an example)\n");
            }
            for r in &results {
                if r.passed {
                    if !ctx.quiet {
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
            if !ctx.quiet || failed > 0 {
                out.push_str(&format!("\naccess tests: {passed} of {} passed\n", results.len()));
            }
            out
        }
        _ => {
            let mut r = Records::new([
                ("name", Col::Text),
                ("passed", Col::Text),
                ("expected", Col::Text),
                ("actual", Col::Text),
            ]);
            for t in &results {
                r.push(vec![json!(t.name), json!(t.passed), json!(t.expected), json!(t.actual)]);
            }
            r.render(ctx.format, ctx.out_paint())
        }
    };
    ctx.print(&text)?;
    Ok(if failed > 0 { Outcome::Negative } else { Outcome::Success })
}
