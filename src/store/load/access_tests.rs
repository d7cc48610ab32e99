//! The reader of `tests.toml`: the access tests (`[[test]]`), each with
//! exactly one kind of expectation.

use super::reader::{Reader, Val};
use crate::diag::Diagnostic;
use crate::model::{AccessTest, At, Ref, TestKind};
use crate::schema;
use toml::de::DeTable;

pub(super) fn read_tests(r: &mut Reader, top: &DeTable) -> Vec<AccessTest> {
    let mut tests = Vec::new();
    for (key, value) in top {
        if key.get_ref() != "test" {
            r.unknown_key(key, &["test"], "tests.toml");
            continue;
        }
        let Some(items) = r.array(value, "`test` (write each test as [[test]])") else { continue };
        for item in items {
            if let Some(t) = read_test(r, item) {
                tests.push(t);
            }
        }
    }
    tests
}

fn read_test(r: &mut Reader, value: &Val) -> Option<AccessTest> {
    let table = r.table(value, "a test")?;
    let span = r.span(value.span());
    let (mut name, mut who_can, mut member, mut client, mut max) = (None, None, None, None, None);
    let mut at = None;
    let (mut exactly, mut includes, mut excludes, mut allow, mut deny) =
        (None, Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let ids = |r: &mut Reader, v: &Val, what: &str| -> Vec<Ref> {
        r.array(v, what).unwrap_or_default().iter().filter_map(|m| r.id_ref(m, "a member")).collect()
    };
    let keys = |r: &mut Reader, v: &Val, what: &str| -> Vec<At<String>> {
        r.array(v, what).unwrap_or_default().iter().filter_map(|k| r.action_key(k)).collect()
    };
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => name = r.string(v, "`name`"),
            "who_can" => who_can = r.action_key(v),
            "exactly" => exactly = Some(ids(r, v, "`exactly`")),
            "includes" => includes = ids(r, v, "`includes`"),
            "excludes" => excludes = ids(r, v, "`excludes`"),
            "member" => member = r.id_ref(v, "`member`"),
            "allow" => allow = keys(r, v, "`allow`"),
            "deny" => deny = keys(r, v, "`deny`"),
            "client" => client = r.id_ref(v, "`client`"),
            "max_monthly_cost" => max = r.amount(v, "`max_monthly_cost`"),
            "at" => at = r.date(v, "at"),
            _ => r.unknown_key(k, &schema::TEST.names(), "a test"),
        }
    }
    let kinds = usize::from(who_can.is_some()) + usize::from(member.is_some()) + usize::from(max.is_some());
    let misplaced = |r: &mut Reader, present: bool, key: &str, belongs: &str| {
        if present {
            r.diags.push(
                Diagnostic::error("bad-value", span, format!("`{key}` goes with `{belongs}` in a test"))
                    .hint(format!("add `{belongs}`, or remove `{key}`")),
            );
        }
    };
    if kinds != 1 {
        r.diags.push(
            Diagnostic::error(
                "bad-value",
                span,
                "a test needs exactly one of `who_can`, `member` or `max_monthly_cost`",
            )
            .hint("split it into one [[test]] per expectation"),
        );
        return None;
    }
    let kind = if let Some(key) = who_can {
        misplaced(r, !allow.is_empty(), "allow", "member");
        misplaced(r, !deny.is_empty(), "deny", "member");
        if exactly.is_none() && includes.is_empty() && excludes.is_empty() {
            r.missing(span, "exactly", "a `who_can` test", "[\"claire\"] (or includes = [...], excludes = [...])");
        }
        TestKind::WhoCan { key, client, exactly, includes, excludes }
    } else if let Some(member) = member {
        misplaced(r, exactly.is_some(), "exactly", "who_can");
        misplaced(r, !includes.is_empty(), "includes", "who_can");
        misplaced(r, !excludes.is_empty(), "excludes", "who_can");
        if allow.is_empty() && deny.is_empty() {
            r.missing(span, "allow", "a `member` test", "[\"invoices.view\"] (or deny = [...])");
        }
        TestKind::Member { member, client, allow, deny }
    } else {
        for (present, key) in [
            (client.is_some(), "client"),
            (exactly.is_some(), "exactly"),
            (!allow.is_empty(), "allow"),
            (!deny.is_empty(), "deny"),
        ] {
            misplaced(r, present, key, "who_can` or `member");
        }
        TestKind::MaxMonthlyCost { max: max.unwrap_or(0.0) }
    };
    Some(AccessTest { name, span, kind, at })
}
