//! `roster cost [--by tier|profile|member]`: the monthly cost, its seats and
//! licences (SPEC §1: a member's licence is the highest-priced tier among the
//! profiles they work under), and the total of the monthly credit limits, which
//! are credits, not money. One pass over the members.

use crate::commands::Ctx;
use crate::error::{Outcome, Result};
use crate::model::Workspace;
use crate::render::{self, Col, Records, View};
use crate::style::Paint;
use clap::{Args, ValueEnum};
use serde::Serialize;
use serde_json::json;
use std::borrow::Cow;
use std::collections::HashMap;

#[derive(Debug, Args)]
#[command(after_help = r#"Examples:
  roster cost                        seats and monthly cost by licence tier
  roster cost --by member            what each member's licence costs
  roster cost --format csv           for a spreadsheet"#)]
pub struct CostArgs {
    /// Group the seats by licence tier, by the profile that sets each licence, or by member
    #[arg(long, value_enum, default_value_t = By::Tier)]
    pub by: By,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    Tier,
    Profile,
    Member,
}

/// SPEC §5's `cost` shape.
#[derive(Serialize)]
struct CostView {
    currency: String,
    monthly_cost: f64,
    members_paying: usize,
    rows: Vec<Row>,
    credit_limits: CreditLimits,
    #[serde(skip)]
    by: By,
}

#[derive(Serialize)]
struct Row {
    key: String,
    seats: usize,
    price: f64,
    monthly: f64,
}

#[derive(Serialize)]
struct CreditLimits {
    members: usize,
    total: f64,
}

pub fn cmd_cost(ctx: &Ctx, args: CostArgs) -> Result<Outcome> {
    let ws = ctx.open()?;
    ctx.show(&cost(&ws, args.by))?;
    Ok(Outcome::Success)
}

fn cost(ws: &Workspace, by: By) -> CostView {
    // key -> (seats, price), in the order keys are met; tiers listed in file order.
    let mut order: Vec<String> = Vec::new();
    let mut seats: HashMap<String, (usize, f64)> = HashMap::new();
    if by == By::Tier {
        for t in &ws.tiers {
            order.push(t.id.clone());
            seats.insert(t.id.clone(), (0, t.price));
        }
    }
    let (mut paying, mut total, mut limits, mut limit_total) = (0, 0.0, 0, 0.0);
    // Members outside their from/until window on the date of judgement cost nothing (§9).
    for m in ws.members.iter().filter(|m| ws.holds_seat(m)) {
        if let Some(limit) = m.credit_limit() {
            limits += 1;
            limit_total += limit;
        }
        let Some(profile) = ws.licence_profile(m) else { continue };
        let price = ws.profile_price(profile);
        paying += 1;
        total += price;
        let key = match by {
            By::Tier => profile.tier.value.to_string(),
            By::Profile => profile.id.to_string(),
            By::Member => m.id.to_string(),
        };
        let entry = seats.entry(key.clone()).or_insert_with(|| {
            order.push(key);
            (0, price)
        });
        entry.0 += 1;
    }
    if by != By::Tier {
        order.sort();
    }
    let rows = order
        .into_iter()
        .map(|key| {
            let (n, price) = seats[&key];
            Row { key, seats: n, price, monthly: n as f64 * price }
        })
        .collect();
    CostView {
        currency: ws.settings.currency.clone(),
        monthly_cost: total,
        members_paying: paying,
        rows,
        credit_limits: CreditLimits { members: limits, total: limit_total },
        by,
    }
}

impl CostView {
    /// The rows, their first column named after what they group by for
    /// people, and `key` (as in JSON) for CSV.
    fn records_named(&self, for_people: bool) -> Records {
        let key = match self.by {
            _ if !for_people => "key",
            By::Tier => "tier",
            By::Profile => "profile",
            By::Member => "member",
        };
        let mut r =
            Records::new([(key, Col::Text), ("seats", Col::Number), ("price", Col::Money), ("monthly", Col::Money)]);
        for row in &self.rows {
            r.push(vec![json!(row.key), json!(row.seats), json!(row.price), json!(row.monthly)]);
        }
        r
    }

    fn summary_lines(&self, escape: impl Fn(&str) -> String) -> String {
        self.summary().lines().map(|l| format!("{}\n", escape(l))).collect()
    }

    fn summary(&self) -> String {
        let c = &self.credit_limits;
        format!(
            "monthly cost: {} {} for {} member{} paying\ncredit limits: {} over {} member{}\n",
            render::money(self.monthly_cost),
            self.currency,
            self.members_paying,
            if self.members_paying == 1 { "" } else { "s" },
            render::credits(c.total),
            c.members,
            if c.members == 1 { "" } else { "s" },
        )
    }
}

impl View for CostView {
    fn records(&self) -> Option<Cow<'_, Records>> {
        Some(Cow::Owned(self.records_named(true)))
    }

    fn text(&self, paint: Paint) -> Option<String> {
        Some(format!(
            "{}\n{}",
            self.records_named(true).table(paint),
            self.summary_lines(|l| render::escape::terminal(l).into_owned())
        ))
    }

    fn markdown(&self) -> Option<String> {
        Some(format!("{}\n{}", self.records_named(true).markdown(), self.summary_lines(render::escape::markdown)))
    }

    fn csv(&self) -> Option<String> {
        Some(self.records_named(false).csv())
    }
}
