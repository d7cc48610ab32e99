//! The reader of `workspace.toml`'s `[[separation]]` rules (SPEC §13): a
//! name, the area.actions, `per_client`, and the exceptions. Whether the
//! area.actions and the members exist is a rule (`rules::separation`).

use super::reader::{Reader, Val};
use crate::model::{At, Exception, Separation};
use crate::schema;

pub(super) fn read_rules(r: &mut Reader, value: &Val) -> Vec<Separation> {
    let Some(items) = r.array(value, "`separation` (write each rule as [[separation]])") else { return Vec::new() };
    items.iter().filter_map(|item| read_rule(r, item)).collect()
}

fn read_rule(r: &mut Reader, value: &Val) -> Option<Separation> {
    let table = r.table(value, "a separation rule")?;
    let span = r.span(table.iter().next().map_or(value.span(), |(k, _)| k.span()));
    let mut rule =
        Separation { name: String::new(), span, actions: Vec::new(), per_client: false, exceptions: Vec::new() };
    let (mut has_name, mut has_actions) = (false, false);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "name" => {
                has_name = true;
                rule.name = r.string(v, "`name`").unwrap_or_default();
            }
            "actions" => {
                has_actions = true;
                read_actions(r, v, &mut rule);
            }
            "per_client" => rule.per_client = r.bool(v, "`per_client`").unwrap_or(false),
            "exceptions" => {
                let items = r.array(v, "`exceptions`").unwrap_or_default();
                rule.exceptions = items.iter().filter_map(|e| read_exception(r, e)).collect();
            }
            _ => r.unknown_key(k, &schema::SEPARATION.names(), "a separation rule"),
        }
    }
    if !has_name {
        r.missing(span, "name", "a separation rule", "\"Who raises invoices does not approve payments\"");
    }
    if !has_actions {
        r.missing(span, "actions", "a separation rule", "[\"invoices.edit\", \"payments.approve\"]");
    }
    Some(rule)
}

/// At least two area.actions, each once.
fn read_actions(r: &mut Reader, v: &Val, rule: &mut Separation) {
    let mut seen: crate::fxhash::FxHashSet<String> = Default::default();
    for a in r.array(v, "`actions`").unwrap_or_default() {
        let Some(key) = r.action_key(a) else { continue };
        if seen.insert(key.value.clone()) {
            rule.actions.push(key);
        } else {
            r.bad_value(a.span(), format!("`{}` is listed twice", key.value), "list each area.action once");
        }
    }
    if seen.len() < 2 {
        r.bad_value(
            v.span(),
            "a separation rule needs at least two area.actions to keep apart".to_string(),
            "list the actions one member may not hold together, e.g. [\"invoices.edit\", \"payments.approve\"]",
        );
    }
}

fn read_exception(r: &mut Reader, value: &Val) -> Option<Exception> {
    let table = r.table(value, "an exception")?;
    let span = r.span(value.span());
    let (mut member, mut until, mut reason) = (None, None, None);
    for (k, v) in table {
        match k.get_ref().as_ref() {
            "member" => member = r.id_ref(v, "`member`"),
            "until" => until = r.date(v, "until").map(|d| At::new(d, r.span(v.span()))),
            "reason" => reason = r.string(v, "`reason`"),
            _ => r.unknown_key(k, &schema::EXCEPTION.names(), "an exception"),
        }
    }
    if reason.as_deref().is_none_or(|s| s.trim().is_empty()) {
        if reason.is_none() {
            r.missing(span, "reason", "an exception", "\"interim, approved by the partners\"");
        } else {
            r.bad_value(value.span(), "an exception's `reason` is empty".into(), "say why, and who approved it");
        }
    }
    let Some(member) = member else {
        r.missing(span, "member", "an exception", "\"claire\"");
        return None;
    };
    Some(Exception { member, until, reason: reason.unwrap_or_default(), span })
}
