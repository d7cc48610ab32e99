//! Every validation rule of SPEC §4 that spans more than one value: references,
//! levels, ceilings, the owner and the default profile, emails, companies, and
//! the warnings. The loader (`store::load`) owns the rules of syntax and shape
//! (`toml-syntax`, `unknown-key`, `bad-value`, `missing-field`).

use crate::access;
use crate::diag::Diagnostic;
use crate::fxhash::FxHashMap as HashMap;
use crate::model::{
    ActionKey, At, ClientKind, ClientRef, Grants, Id, Level, Member, Profile, Ref, Status, Workspace, email,
};
use crate::source::Span;

/// Runs every rule; errors and warnings in one list, in the order of the
/// rules below. A large workspace's rules run on every core: the groups of
/// rules are tasks, the members' own rules split in parts, and each task's
/// findings take their place in that order (see [`Task`]).
pub fn check(ws: &Workspace) -> Vec<Diagnostic> {
    check_in(ws, if ws.members.len() >= PARALLEL_MEMBERS { crate::parallel::threads() } else { 1 })
}

/// [`check`] on `parts` threads, the members' own rules in `parts` parts.
fn check_in(ws: &Workspace, parts: usize) -> Vec<Diagnostic> {
    let n = ws.members.len();
    let mut tasks: Vec<Task> = (0..parts).map(|i| Task::Members(i * n / parts..(i + 1) * n / parts)).collect();
    // The largest first, so that the cores end about together.
    tasks.extend([Task::Emails, Task::Warnings, Task::Clients, Task::Head, Task::Rest]);
    let done = crate::parallel::map(&tasks, parts, |task| {
        let mut out = Vec::new();
        match task {
            Task::Head => {
                settings_area(ws, &mut out);
                workspace_refs(ws, &mut out);
                for tier in &ws.tiers {
                    grant_shape(ws, &tier.ceiling, &format!("tier `{}`'s ceiling", tier.id), &mut out);
                }
                for profile in &ws.profiles {
                    profile_rules(ws, profile, &mut out);
                }
            }
            Task::Members(range) => {
                let mut of = Vec::new();
                for (i, m) in ws.members[range.clone()].iter().enumerate() {
                    member_rule(ws, m, &mut out);
                    of.resize(out.len(), range.start + i);
                }
                return out.into_iter().zip(of).map(|(d, i)| (i, d)).collect();
            }
            Task::Emails => return shared_emails(ws),
            Task::Clients => client_rules(ws, &mut out),
            Task::Rest => {
                test_rules(ws, &mut out);
                crate::separation::reference_rules(ws, &mut out);
                crate::separation::member_rules(ws, None, &mut out);
                team_rules(ws, &mut out);
            }
            Task::Warnings => warnings(ws, &mut out),
        }
        out.into_iter().map(|d| (0, d)).collect()
    });
    // Each task's findings by what it checked; the members' in member order.
    let (mut head, mut emails, mut clients, mut rest, mut warned) = Default::default();
    let mut own: Vec<(usize, Diagnostic)> = Vec::new();
    for (task, found) in tasks.iter().zip(done) {
        match task {
            Task::Head => head = found,
            Task::Members(_) => own.extend(found),
            Task::Emails => emails = found,
            Task::Clients => clients = found,
            Task::Rest => rest = found,
            Task::Warnings => warned = found,
        }
    }
    let plain = |found: Vec<(usize, Diagnostic)>| found.into_iter().map(|(_, d)| d);
    let mut out: Vec<Diagnostic> = plain(head).collect();
    // Each member's own findings, then the one of its email shared with an
    // earlier member (both lists are in member order).
    let mut emails = emails.into_iter().peekable();
    for (i, d) in own {
        while let Some((_, e)) = emails.next_if(|e| e.0 < i) {
            out.push(e);
        }
        out.push(d);
    }
    out.extend(plain(emails.collect()));
    out.extend(plain(clients));
    out.extend(plain(rest));
    out.extend(plain(warned));
    out
}

/// Members from which [`check`] runs the rules on every core: below it,
/// starting threads costs more than it saves.
const PARALLEL_MEMBERS: usize = 5_000;

/// A group of rules that [`check`] runs as one task.
enum Task {
    /// Settings, the workspace's references, tiers and profiles.
    Head,
    /// The own rules of these members (each finding with its member's position).
    Members(std::ops::Range<usize>),
    /// Emails shared between members (each finding with its member's position).
    Emails,
    Clients,
    /// Tests, separation of duties and teams.
    Rest,
    Warnings,
}

/// `teams.toml` (SPEC §10): its lead, members and clients exist, each is
/// listed once, and a team with neither members nor lead is a warning.
fn team_rules(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let member_ids = || ws.members.iter().map(|m| m.id.as_str());
    for t in ws.teams() {
        let what = format!("team `{}`", t.id);
        if let Some(lead) = t.lead.as_ref().filter(|l| ws.member(&l.value).is_none()) {
            out.push(unknown_ref(
                format!("{what} has the lead"),
                lead,
                member_ids(),
                "members are declared in members.toml",
            ));
        }
        for (list, noun, file) in [(&t.members, "member", "members.toml"), (&t.clients, "client", "clients.toml")] {
            let exists =
                |r: &Ref| if noun == "member" { ws.member(&r.value).is_some() } else { ws.client(&r.value).is_some() };
            let unknown: Vec<(Span, &Ref)> = list.iter().filter(|r| !exists(r)).map(|r| (r.span, r)).collect();
            capped(
                unknown,
                out,
                |r| {
                    let candidates: Vec<&str> = if noun == "member" {
                        member_ids().collect()
                    } else {
                        ws.clients.iter().map(|c| c.id.as_str()).collect()
                    };
                    unknown_ref(
                        format!("{what} lists the {noun}"),
                        r,
                        candidates,
                        &format!("{noun}s are declared in {file}"),
                    )
                },
                |n, at| {
                    Diagnostic::error("unknown-ref", at, format!("and {n} more {noun}s of {what} that do not exist"))
                        .hint(format!("{noun}s are declared in {file}"))
                },
            );
            capped(
                repeated(list, |i| list[i].span, exists),
                out,
                |(r, n)| {
                    Diagnostic::error(
                        "bad-value",
                        r.span,
                        format!("{noun} `{}` is listed in {what} {}", r.value, times(n)),
                    )
                    .hint(format!("list each {noun} once"))
                },
                |n, at| {
                    Diagnostic::error("bad-value", at, format!("and {n} more {noun}s listed in {what} more than once"))
                        .hint(format!("list each {noun} once"))
                },
            );
        }
        if t.lead.is_none() && t.members.is_empty() {
            out.push(
                Diagnostic::warning("empty-team", t.span, format!("{what} has neither members nor a lead"))
                    .hint(format!("add members (`roster team edit {} --add MEMBER`), or remove it", t.id)),
            );
        }
    }
}

/// `tests.toml`: every member, client and area.action it names exists.
fn test_rules(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    use crate::model::TestKind;
    let members = |refs: Vec<&Ref>, out: &mut Vec<Diagnostic>| {
        let unknown = refs.into_iter().filter(|r| ws.member(&r.value).is_none()).map(|r| (r.span, r)).collect();
        capped(
            unknown,
            out,
            |r| {
                unknown_ref(
                    "the test names the member".into(),
                    r,
                    ws.members.iter().map(|m| m.id.as_str()),
                    "members are declared in members.toml",
                )
            },
            |n, at| {
                Diagnostic::error(
                    "unknown-ref",
                    at,
                    format!("and {n} more members named by the test that do not exist"),
                )
                .hint("members are declared in members.toml")
            },
        );
    };
    let client = |r: &Option<Ref>, out: &mut Vec<Diagnostic>| {
        if let Some(c) = r.as_ref().filter(|c| ws.client(&c.value).is_none()) {
            out.push(unknown_ref(
                "the test names the client".into(),
                c,
                ws.clients.iter().map(|c| c.id.as_str()),
                "clients are declared in clients.toml",
            ));
        }
    };
    let key = |k: &At<String>| -> Option<Diagnostic> {
        let (area_id, action) = k.value.split_once('.')?;
        match ws.area(area_id) {
            None => Some(
                Diagnostic::error(
                    "unknown-ref",
                    k.span,
                    format!("the test names the area `{area_id}`, which does not exist"),
                )
                .suggest(
                    area_id,
                    ws.areas.iter().map(|a| a.id.as_str()),
                    "areas are declared in workspace.toml",
                ),
            ),
            Some(area) if !area.has_action(action) => {
                let known: Vec<&str> = area.actions.iter().map(|a| a.value.as_str()).collect();
                Some(
                    Diagnostic::error("bad-value", k.span, format!("area `{area_id}` has no action `{action}`"))
                        .suggest(action, known.iter().copied(), format!("its actions are: {}", known.join(", "))),
                )
            }
            Some(_) => None,
        }
    };
    for t in &ws.tests {
        match &t.kind {
            TestKind::WhoCan { key: k, client: c, exactly, includes, excludes } => {
                out.extend(key(k));
                client(c, out);
                members(exactly.iter().flatten().chain(includes).chain(excludes).collect(), out);
            }
            TestKind::Member { member: m, client: c, allow, deny } => {
                members(vec![m], out);
                client(c, out);
                let bad = allow.iter().chain(deny).filter_map(|k| key(k).map(|d| (k.span, d))).collect();
                capped(
                    bad,
                    out,
                    |d| d,
                    |n, at| {
                        Diagnostic::error(
                            "bad-value",
                            at,
                            format!("and {n} more area.actions named by the test that do not exist"),
                        )
                        .hint("areas and their actions are declared in workspace.toml")
                    },
                );
            }
            TestKind::MaxMonthlyCost { .. } => {}
        }
    }
}

/// `message` says what names `r`; the diagnostic adds that it names nothing.
pub(crate) fn unknown_ref<'a>(
    message: String,
    r: &At<impl AsRef<str>>,
    candidates: impl IntoIterator<Item = &'a str>,
    otherwise: &str,
) -> Diagnostic {
    let name = r.value.as_ref();
    Diagnostic::error("unknown-ref", r.span, format!("{message} `{name}`, which does not exist"))
        .suggest(name, candidates, otherwise)
}

/// At most this many diagnostics of one kind for the items of one list (a
/// member's clients, the actions of one area in a grants table, the members a
/// test names): past it, one more diagnostic counts the rest. A line of 30,000
/// mistakes then reads as a few, and costs as few (each names its nearest id).
const PER_LIST: usize = 5;

/// The diagnostics of one kind for `items` (where each was written, and what
/// `make` needs): the first [`PER_LIST`] in file order, then `rest(count, span
/// of the first one left out)`.
fn capped<T>(
    mut items: Vec<(Span, T)>,
    out: &mut Vec<Diagnostic>,
    make: impl Fn(T) -> Diagnostic,
    rest: impl FnOnce(usize, Span) -> Diagnostic,
) {
    if items.len() > PER_LIST {
        items.sort_by_key(|(span, _)| (span.file, span.start));
    }
    let hidden = items.len().saturating_sub(PER_LIST);
    let mut items = items.into_iter();
    out.extend(items.by_ref().take(PER_LIST).map(|(_, item)| make(item)));
    if let Some((at, _)) = items.next() {
        out.push(rest(hidden, at));
    }
}

/// The items named more than once, each once: where it is named the second
/// time, and how many times in all, in file order. Linear: a list of 40,000
/// copies of one id is one finding, not 39,999 scans.
/// `span` gives where the item at an index is written.
fn repeated<R: Listed>(
    items: &[R],
    span: impl Fn(usize) -> Span,
    keep: impl Fn(&R) -> bool,
) -> Vec<(Span, (&R, usize))> {
    let mut found: Vec<(Span, (&R, usize))> = Vec::new();
    if items.len() <= 16 {
        for (i, item) in items.iter().enumerate() {
            let before = items[..i].iter().filter(|x| x.id() == item.id()).count();
            if before == 1 && keep(item) {
                let count = items[i..].iter().filter(|x| x.id() == item.id()).count() + 1;
                found.push((span(i), (item, count)));
            }
        }
        return found;
    }
    // id -> (index in `found`, or usize::MAX while seen once)
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (i, item) in items.iter().enumerate() {
        match seen.get_mut(item.id().as_str()) {
            None => {
                seen.insert(item.id(), usize::MAX);
            }
            Some(at) if *at == usize::MAX => {
                if keep(item) {
                    *at = found.len();
                    found.push((span(i), (item, 2)));
                } else {
                    *at = usize::MAX - 1;
                }
            }
            Some(at) => {
                if let Some(f) = found.get_mut(*at) {
                    f.1.1 += 1;
                }
            }
        }
    }
    found
}

/// A reference in a list: its id.
trait Listed {
    fn id(&self) -> &Id;
}

impl Listed for Ref {
    fn id(&self) -> &Id {
        &self.value
    }
}

impl Listed for ClientRef {
    fn id(&self) -> &Id {
        &self.value
    }
}

/// "twice", "3 times".
fn times(n: usize) -> String {
    if n == 2 { "twice".into() } else { format!("{n} times") }
}

fn profile_ids(ws: &Workspace) -> impl Iterator<Item = &str> {
    ws.profiles.iter().map(|p| p.id.as_str())
}

fn settings_area(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let settings = ws.area("settings");
    let ok = settings.is_some_and(|a| a.has_action("view") && a.has_action("edit"));
    if !ok && !ws.areas.is_empty() {
        let at = ws.areas[0].span;
        out.push(
            Diagnostic::error("missing-field", at, "there is no `settings` area with `view` and `edit` actions")
                .hint("add [areas.settings] with actions = [\"view\", \"edit\"] and levels = [\"none\", \"all\"]"),
        );
    }
    // Who may change permissions holds settings.edit = `all` (`change`'s actor
    // check): without that level nobody ever could, and the owner (active, on
    // an admin profile, never limited) would not be the one who always can.
    if let Some(area) = settings.filter(|a| ok && !a.incomplete && !a.accepts(Level::All)) {
        let at = area.levels.last().map_or(area.span, |l| l.span);
        out.push(
            Diagnostic::error("bad-value", at, "the `settings` area does not accept the level `all`")
                .hint("add \"all\" to the `levels` of [areas.settings]: members who may change permissions hold settings.edit = all"),
        );
    }
}

/// Whether some active member holds `settings.edit = all`: who may change
/// permissions (`change`'s actor check). A change that would leave nobody is
/// refused. In a workspace without errors the owner always does (active, on
/// an admin profile, no overrides, and `settings` accepts `all`), so it is
/// looked for first.
pub fn has_settings_editor(ws: &Workspace) -> bool {
    let Some(area) = ws.area("settings") else { return false };
    let edits = |m: &Member| access::member_level(ws, m, area, "edit").level == Level::All;
    let owner = ws.settings.owner.as_ref().and_then(|o| ws.member(&o.value));
    owner.is_some_and(edits) || ws.members.iter().any(edits)
}

fn workspace_refs(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let s = &ws.settings;
    match &s.owner {
        None => out.push(
            Diagnostic::error("owner", s.span, "the workspace has no owner")
                .hint("add `owner = \"<member id>\"` to [workspace]: the primary administrator"),
        ),
        Some(owner) => match ws.member(&owner.value) {
            None => out.push(unknown_ref(
                "the owner is".into(),
                owner,
                ws.members.iter().map(|m| m.id.as_str()),
                "the owner must be a member of members.toml",
            )),
            Some(m) => {
                if !m.is_active() {
                    out.push(
                        Diagnostic::error(
                            "owner",
                            owner.span,
                            format!("the owner `{}` is {}, not active", m.id, m.status),
                        )
                        .hint(format!(
                            "set `status = \"active\"` for `{}` in members.toml, or name another owner",
                            m.id
                        )),
                    );
                }
                if ws.profile(&m.profile.value).is_some_and(|p| !p.admin) {
                    out.push(
                        Diagnostic::error(
                            "owner",
                            m.profile.span,
                            format!(
                                "the owner `{}` is on profile `{}`, which is not an admin profile",
                                m.id, m.profile.value
                            ),
                        )
                        .hint("the owner must keep an admin profile; give them one with `admin = true`"),
                    );
                }
            }
        },
    }
    match &s.default_profile {
        None => out.push(
            Diagnostic::error("default-profile", s.span, "the workspace has no default profile")
                .hint("add `default_profile = \"<profile id>\"` to [workspace]: the profile new members get"),
        ),
        Some(d) => match ws.profile(&d.value) {
            None => out.push(unknown_ref(
                "the default profile is".into(),
                d,
                profile_ids(ws),
                "the default profile must be a file in profiles/",
            )),
            Some(p) if p.admin => out.push(
                Diagnostic::error(
                    "default-profile",
                    d.span,
                    format!("the default profile `{}` is an admin profile", p.id),
                )
                .hint("new members must not become admins by default; name a non-admin profile"),
            ),
            Some(_) => {}
        },
    }
}

/// Areas, actions and levels of a grants table exist and are accepted.
fn grant_shape(ws: &Workspace, grants: &Grants, what: &str, out: &mut Vec<Diagnostic>) {
    let mut unknown_areas = Vec::new();
    for (area_id, actions) in grants {
        let Some(area) = ws.area(area_id) else {
            if let Some(first) = actions.values().next() {
                unknown_areas.push((first.span, At::new(area_id.clone(), first.span)));
            }
            continue;
        };
        let (mut no_action, mut not_allowed) = (Vec::new(), Vec::new());
        for (action, level) in actions {
            if !area.has_action(action) {
                no_action.push((level.span, (action, level.span)));
            } else if !area.accepts(level.value) && !area.incomplete {
                not_allowed.push((level.span, (action, level)));
            }
        }
        let known: Vec<&str> = area.actions.iter().map(|a| a.value.as_str()).collect();
        capped(
            no_action,
            out,
            |(action, span)| {
                Diagnostic::error("bad-value", span, format!("area `{area_id}` has no action `{action}` (in {what})"))
                    .suggest(action, known.iter().copied(), format!("its actions are: {}", known.join(", ")))
            },
            |n, at| {
                Diagnostic::error(
                    "bad-value",
                    at,
                    format!("and {n} more actions that area `{area_id}` does not have (in {what})"),
                )
                .hint(format!("its actions are: {}", known.join(", ")))
            },
        );
        let levels: Vec<&str> = area.levels.iter().map(|l| l.value.as_str()).collect();
        capped(
            not_allowed,
            out,
            |(action, level)| {
                Diagnostic::error(
                    "level-not-allowed",
                    level.span,
                    format!("level `{}` is not allowed for `{area_id}.{action}` (in {what})", level.value),
                )
                .hint(format!("area `{area_id}` accepts: {}", levels.join(", ")))
            },
            |n, at| {
                Diagnostic::error(
                    "level-not-allowed",
                    at,
                    format!("and {n} more levels that area `{area_id}` does not accept (in {what})"),
                )
                .hint(format!("area `{area_id}` accepts: {}", levels.join(", ")))
            },
        );
    }
    capped(
        unknown_areas,
        out,
        |r| {
            unknown_ref(
                format!("{what} names the area"),
                &r,
                ws.areas.iter().map(|a| a.id.as_str()),
                "areas are declared in workspace.toml",
            )
        },
        |n, at| {
            Diagnostic::error("unknown-ref", at, format!("and {n} more areas that do not exist (in {what})"))
                .hint("areas are declared in workspace.toml")
        },
    );
}

fn profile_rules(ws: &Workspace, p: &Profile, out: &mut Vec<Diagnostic>) {
    let what = format!("profile `{}`", p.id);
    grant_shape(ws, &p.grants, &what, out);
    if !ws.settings.custom_profiles && !p.builtin {
        out.push(
            Diagnostic::error(
                "custom-profiles-disabled",
                p.span,
                format!("{what} is a custom profile, and the plan allows none (custom_profiles = false)"),
            )
            .hint(
                "remove the profile and move its members to a builtin one, or enable custom_profiles in workspace.toml",
            ),
        );
    }
    let tier = if p.tier.value.is_empty() {
        None
    } else {
        let t = ws.tier(&p.tier.value);
        if t.is_none() {
            out.push(unknown_ref(
                format!("{what} is on the tier"),
                &p.tier,
                ws.tiers.iter().map(|t| t.id.as_str()),
                "tiers are declared in workspace.toml under [tiers]",
            ));
        }
        t
    };
    for area in &ws.areas {
        for action in &area.actions {
            let action = action.value.as_str();
            let written = p.grants.get(&area.id).and_then(|a| a.get(action));
            let level = ws.profile_level(p, area, action);
            if p.admin
                && let Some(w) = written.filter(|w| w.value < area.highest())
            {
                out.push(
                    Diagnostic::error(
                        "admin-limited",
                        w.span,
                        format!("admin {what} limits `{}.{action}` to `{}`", area.id, w.value),
                    )
                    .hint(format!(
                        "an admin profile has the highest level of everything: remove this grant or set it to `{}`",
                        area.highest()
                    )),
                );
            }
            if let Some(tier) = tier {
                let ceiling = ws.level_in(&tier.ceiling, area, action);
                if level > ceiling {
                    let at = written.map_or(p.tier.span, |w| w.span);
                    out.push(
                        Diagnostic::error("above-ceiling", at, format!("{what} grants `{}.{action}` = `{level}`, above the `{}` tier's ceiling `{ceiling}`", area.id, tier.id))
                            .hint(format!("lower the grant to `{ceiling}` or move the profile to a tier whose ceiling allows `{level}`")),
                    );
                }
            }
        }
        if !p.admin {
            edit_exceeds_view(
                area,
                |action| {
                    (
                        ws.level_in(&p.grants, area, action),
                        p.grants.get(&area.id).and_then(|a| a.get(action)).map(|l| l.span),
                    )
                },
                p.span,
                &what,
                out,
            );
        }
    }
}

/// SPEC §4 `edit-exceeds-view` and `action-exceeds-view`: what one cannot
/// see, one cannot change, print or export.
fn edit_exceeds_view(
    area: &crate::model::Area,
    level_of: impl Fn(&str) -> (Level, Option<Span>),
    fallback: Span,
    what: &str,
    out: &mut Vec<Diagnostic>,
) {
    if !area.has_action("view") {
        return;
    }
    let (view, _) = level_of("view");
    for action in area.actions.iter().map(|a| a.value.as_str()).filter(|a| *a != "view" && *a != "edit") {
        let (level, at) = level_of(action);
        if level > view {
            out.push(
                Diagnostic::error(
                    "action-exceeds-view",
                    at.unwrap_or(fallback),
                    format!("{what} may {action} `{}` at `{level}` but only view it at `{view}`", area.id),
                )
                .hint(format!(
                    "what one cannot see, one cannot {action}: raise `{}.view` to `{level}` or lower `{}.{action}` to `{view}`",
                    area.id, area.id
                )),
            );
        }
    }
    if !area.has_action("edit") {
        return;
    }
    let (edit, edit_at) = level_of("edit");
    // A level the area does not accept is `level-not-allowed` already: judged
    // here too, it would be reported twice, with a hint to use that level.
    let judged = area.incomplete || (area.accepts(view) && area.accepts(edit));
    if !judged {
        return;
    }
    if edit > view {
        out.push(
            Diagnostic::error(
                "edit-exceeds-view",
                edit_at.unwrap_or(fallback),
                format!("{what} may edit `{}` at `{edit}` but only view it at `{view}`", area.id),
            )
            .hint(format!("raise `{}.view` to `{edit}` or lower `{}.edit` to `{view}`", area.id, area.id)),
        );
    }
}

/// Emails shared between members, compared without case: each member that
/// reuses an earlier member's email, with its position, for [`check`]'s
/// merge with the members' own rules.
fn shared_emails(ws: &Workspace) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    // Members by email: positions, not copies of the emails.
    let mut emails: hashbrown::HashTable<u32> = hashbrown::HashTable::with_capacity(ws.members.len());
    for (index, m) in ws.members.iter().enumerate() {
        if m.email.value.is_empty() {
            continue;
        }
        let e: &str = &m.email.value;
        let h = email::hash(e);
        match emails.find(h, |&j| email::same(&ws.members[j as usize].email.value, e)) {
            Some(&first) => out.push((index, duplicate_email(m, &ws.members[first as usize]))),
            None => {
                emails.insert_unique(h, index as u32, |&j| email::hash(&ws.members[j as usize].email.value));
            }
        }
    }
    out
}

/// The errors that the members at `touched` (indexes into `ws.members`) can
/// bring, for a change that edited those members' entries in place or added
/// them, and nothing else, on a workspace that had no error before (no rule
/// of another entry reads a member that was not there): their own rules, the
/// emails they share with any member, and the workspace's references (the
/// owner is a member). What does not read a member's entry (profiles, tiers,
/// clients, tests, which name members by id only) cannot have changed, and
/// warnings do not stop a change. The tests below hold it to the errors of a
/// full [`check`].
pub fn check_edited_members(ws: &Workspace, touched: &[usize]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    workspace_refs(ws, &mut out);
    for &i in touched {
        member_rule(ws, &ws.members[i], &mut out);
    }
    crate::separation::member_rules(ws, Some(touched), &mut out);
    let edited: Vec<&Member> = touched.iter().map(|&i| &ws.members[i]).filter(|m| !m.email.value.is_empty()).collect();
    // The members that hold an edited member's email, by its hash: one pass
    // over every member however many were edited (a batch edits a thousand).
    // An ASCII email of another length is none of them; for a few edited
    // members, an ASCII email is compared with theirs directly (it differs
    // within a few bytes), without hashing 100,000 emails.
    let mut holders: HashMap<u64, Vec<&Member>> =
        edited.iter().map(|m| (email::hash(&m.email.value), Vec::new())).collect();
    let ascii = edited.iter().all(|m| m.email.value.is_ascii());
    let lengths: std::collections::BTreeSet<usize> = edited.iter().map(|m| m.email.value.len()).collect();
    let few = ascii && edited.len() <= 8;
    for o in ws.members.iter().filter(|o| !o.email.value.is_empty()) {
        // Bytes first: the text itself only for what is hashed.
        let bytes = o.email.value.as_bytes();
        if ascii && !lengths.contains(&bytes.len()) && bytes.is_ascii() {
            continue;
        }
        if few && bytes.is_ascii() {
            if let Some(m) = edited.iter().find(|m| m.email.value.as_bytes().eq_ignore_ascii_case(bytes)) {
                holders.entry(email::hash(&m.email.value)).or_default().push(o);
            }
            continue;
        }
        if let Some(list) = holders.get_mut(&email::hash(&o.email.value)) {
            list.push(o);
        }
    }
    let mut reported = Vec::new();
    for m in edited {
        // Every member with this email, in file order: the first keeps it, as in `member_rules`.
        let same: Vec<&Member> = holders[&email::hash(&m.email.value)]
            .iter()
            .copied()
            .filter(|o| email::same(&o.email.value, &m.email.value))
            .collect();
        if same.len() > 1 && !reported.contains(&same[0].id) {
            reported.push(same[0].id.clone());
            out.extend(same[1..].iter().map(|o| duplicate_email(o, same[0])));
        }
    }
    out.retain(Diagnostic::is_error);
    out
}

fn duplicate_email(m: &Member, first: &Member) -> Diagnostic {
    Diagnostic::error(
        "duplicate-email",
        m.email.span,
        format!("{} has the email `{}`, already used by `{}`", MemberLabel(&m.id), m.email.value, first.id),
    )
    .hint("each member needs their own email address (compared without case)")
}

/// The rules of one member's own entry.
fn member_rule(ws: &Workspace, m: &Member, out: &mut Vec<Diagnostic>) {
    let client_ids = || ws.clients.iter().map(|c| c.id.as_str());
    // Formatted only into a diagnostic: most members have none.
    let what = MemberLabel(&m.id);
    let profile = if m.profile.value.is_empty() {
        None
    } else {
        let p = ws.profile(&m.profile.value);
        if p.is_none() {
            out.push(unknown_ref(
                format!("{what} has the profile"),
                &m.profile,
                profile_ids(ws),
                "profiles are the files in profiles/",
            ));
        }
        p
    };
    // Known when read (`Member::clients_known`): no need to look them up.
    let known = |c: &ClientRef| m.clients_known || ws.client(&c.value).is_some();
    // Where the clients are written: read again from the member's entry, only
    // for a diagnostic (see `model::ClientRef`).
    let spans = std::cell::OnceCell::new();
    let span = |i: usize| {
        let spans = spans.get_or_init(|| {
            let file = m.span.file;
            crate::store::load::client_spans(&ws.sources.get(file).text, file, m)
        });
        spans.get(i).copied().unwrap_or(m.span)
    };
    if !m.clients_known {
        let unknown: Vec<(Span, At<&str>)> = m
            .clients
            .iter()
            .enumerate()
            .filter(|(_, c)| !known(c))
            .map(|(i, c)| (span(i), At::new(c.value.as_str(), span(i))))
            .collect();
        capped(
            unknown,
            out,
            |c| {
                unknown_ref(
                    format!("{what} is assigned the client"),
                    &c,
                    client_ids(),
                    "clients are declared in clients.toml",
                )
            },
            |n, at| {
                Diagnostic::error(
                    "unknown-ref",
                    at,
                    format!("and {n} more clients assigned to {what} that do not exist"),
                )
                .hint("clients are declared in clients.toml")
            },
        );
    }
    capped(
        repeated(&m.clients, span, known).into_iter().map(|(at, (c, n))| (at, (at, c, n))).collect(),
        out,
        |(at, c, n)| {
            Diagnostic::error("bad-value", at, format!("client `{}` is assigned to {what} {}", c.value, times(n)))
                .hint("list each client once")
        },
        |n, at| {
            Diagnostic::error("bad-value", at, format!("and {n} more clients assigned to {what} more than once"))
                .hint("list each client once")
        },
    );
    let client_profiles = m.client_profiles();
    if !client_profiles.is_empty() {
        // Many per-client profiles are looked up in a set of the member's clients, not each in the list.
        let many = m.clients.len() > 16 && client_profiles.len() > 1;
        let assigned: crate::fxhash::FxHashSet<&str> =
            if many { m.clients.iter().map(|c| c.value.as_str()).collect() } else { Default::default() };
        let has_client = |c: &str| {
            (if many { assigned.contains(c) } else { m.has_client(c) }) || ws.team_with_client(&m.id, c).is_some()
        };
        let (mut unknown, mut unassigned, mut no_profile) = (Vec::new(), Vec::new(), Vec::new());
        for (c, p) in client_profiles {
            if ws.client(&c.value).is_none() {
                unknown.push((c.span, c));
            } else if !has_client(&c.value) {
                unassigned.push((c.span, c));
            }
            if ws.profile(&p.value).is_none() {
                no_profile.push((p.span, p));
            }
        }
        capped(
            unknown,
            out,
            |c| {
                unknown_ref(
                    format!("{what} has a per-client profile for the client"),
                    c,
                    client_ids(),
                    "clients are declared in clients.toml",
                )
            },
            |n, at| {
                Diagnostic::error(
                    "unknown-ref",
                    at,
                    format!("and {n} more per-client profiles of {what} for clients that do not exist"),
                )
                .hint("clients are declared in clients.toml")
            },
        );
        capped(
            unassigned,
            out,
            |c| {
                Diagnostic::error(
                    "client-profile-unassigned",
                    c.span,
                    format!("{what} has a per-client profile for `{}`, which is not assigned to them", c.value),
                )
                .hint(format!("add \"{}\" to the member's `clients`, or remove this per-client profile", c.value))
            },
            |n, at| {
                Diagnostic::error(
                    "client-profile-unassigned",
                    at,
                    format!("and {n} more per-client profiles of {what} for clients not assigned to them"),
                )
                .hint("add those clients to the member's `clients`, or remove their per-client profiles")
            },
        );
        capped(
            no_profile,
            out,
            |p| {
                unknown_ref(
                    format!("{what} has the per-client profile"),
                    p,
                    profile_ids(ws),
                    "profiles are the files in profiles/",
                )
            },
            |n, at| {
                Diagnostic::error(
                    "unknown-ref",
                    at,
                    format!("and {n} more per-client profiles of {what} that do not exist"),
                )
                .hint("profiles are the files in profiles/")
            },
        );
    }
    if let Some(p) = profile.filter(|p| p.admin) {
        admin_limited(ws, m, p, out);
    }
    if !m.grants().is_empty() {
        grant_shape(ws, m.grants(), &format!("{what}'s overrides"), out);
        // On an admin, every override is already `admin-limited`: no more about it.
        if let Some(p) = profile.filter(|p| !p.admin) {
            override_rules(ws, m, p, &what.to_string(), out);
        }
    }
}

/// SPEC §1 `admin-limited`, on a member: an admin holds the highest level of
/// everything, for every client, so a member whose own profile is an admin
/// profile has no overrides and no per-client profiles. One diagnostic per
/// override (at its level) and per per-client profile (at its client key).
fn admin_limited(ws: &Workspace, m: &Member, p: &Profile, out: &mut Vec<Diagnostic>) {
    // The owner stays on an admin profile (rule `owner`): removing is the only way.
    let move_first = if ws.settings.owner.as_ref().is_some_and(|o| o.value == m.id) {
        format!("the owner `{}` stays on an admin profile", m.id)
    } else {
        format!("or first move `{}` to a non-admin profile (`roster transfer-one {} --to PROFILE`)", m.id, m.id)
    };
    for (area, actions) in m.grants() {
        for (action, level) in actions {
            out.push(
                Diagnostic::error(
                    "admin-limited",
                    level.span,
                    format!(
                        "{} is on the admin profile `{}` and has an override `{area}.{action}` = `{}`",
                        MemberLabel(&m.id),
                        p.id,
                        level.value
                    ),
                )
                .hint(format!(
                    "an admin holds the highest level of everything and is never limited: remove the override (`roster member edit {} --revoke-grant {area}.{action}`); {move_first}",
                    m.id
                )),
            );
        }
    }
    for (client, profile) in m.client_profiles() {
        out.push(
            Diagnostic::error(
                "admin-limited",
                client.span,
                format!(
                    "{} is on the admin profile `{}` and has a per-client profile `{}` for `{}`",
                    MemberLabel(&m.id),
                    p.id,
                    profile.value,
                    client.value
                ),
            )
            .hint(format!(
                "an admin works under their admin profile for every client: remove `{}` from `client_profiles` (`roster transfer-one {} --to {} --client {}`); {move_first}",
                client.value, m.id, p.id, client.value
            )),
        );
    }
}

/// "member `bob`", written only when a message needs it.
struct MemberLabel<'a>(&'a str);

impl std::fmt::Display for MemberLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "member `{}`", self.0)
    }
}

fn override_rules(ws: &Workspace, m: &Member, p: &Profile, what: &str, out: &mut Vec<Diagnostic>) {
    let tier = ws.tier(&p.tier.value);
    if !ws.settings.custom_profiles {
        for (area_id, actions) in m.grants() {
            for (action, level) in actions {
                out.push(
                    Diagnostic::error(
                        "custom-profiles-disabled",
                        level.span,
                        format!("{what}'s override `{area_id}.{action}` = `{}` is a customisation, and the plan allows none (custom_profiles = false)", level.value),
                    )
                    .hint(format!(
                        "remove the override (`roster member edit {} --revoke-grant {area_id}.{action}`) and move the member to a builtin profile that grants it, or enable custom_profiles in workspace.toml",
                        m.id
                    )),
                );
            }
        }
    }
    for (area_id, actions) in m.grants() {
        let Some(area) = ws.area(area_id) else { continue };
        for (action, level) in actions {
            if !area.has_action(action) {
                continue;
            }
            if let Some(tier) = tier {
                let ceiling = ws.level_in(&tier.ceiling, area, action);
                if level.value > ceiling {
                    out.push(
                        Diagnostic::error("above-ceiling", level.span, format!("{what}'s override `{area_id}.{action}` = `{}` is above the `{}` tier's ceiling `{ceiling}` (profile `{}`)", level.value, tier.id, p.id))
                            .hint(format!("lower the override to `{ceiling}`, or move the member to a profile on a higher tier")),
                    );
                }
            }
        }
        let level_of = |action: &str| match m.grants().get(area_id).and_then(|a| a.get(action)) {
            Some(l) => (l.value, Some(l.span)),
            None => (ws.profile_level(p, area, action), None),
        };
        edit_exceeds_view(area, level_of, m.span, what, out);
    }
}

fn client_rules(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    for c in &ws.clients {
        if let Some(company) = &c.company {
            match ws.client(&company.value) {
                None => out.push(unknown_ref(
                    format!("client `{}` belongs to the company", c.id),
                    company,
                    ws.clients.iter().filter(|x| x.kind == ClientKind::Company).map(|x| x.id.as_str()),
                    "companies are clients with kind = \"company\"",
                )),
                Some(_) if c.kind == ClientKind::Company => out.push(
                    Diagnostic::error(
                        "contact-company",
                        company.span,
                        format!(
                            "company `{}` belongs to company `{}`; only contacts belong to a company",
                            c.id, company.value
                        ),
                    )
                    .hint("remove `company`, or set `kind = \"contact\"`"),
                ),
                Some(target) if target.kind != ClientKind::Company => out.push(
                    Diagnostic::error(
                        "contact-company",
                        company.span,
                        format!("contact `{}` belongs to `{}`, which is a contact, not a company", c.id, target.id),
                    )
                    .hint("name a client with kind = \"company\""),
                ),
                Some(_) => {}
            }
        }
        if let Some(by) = &c.created_by
            && ws.member(&by.value).is_none()
        {
            out.push(unknown_ref(
                format!("client `{}` was created by the member", c.id),
                by,
                ws.members.iter().map(|m| m.id.as_str()),
                "created_by names a member of members.toml",
            ));
        }
    }
}

fn warnings(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    // unused-profile
    let mut used: HashMap<&str, usize> = HashMap::default();
    for m in &ws.members {
        *used.entry(m.profile.value.as_str()).or_default() += 1;
        for (_, p) in m.client_profiles() {
            *used.entry(p.value.as_str()).or_default() += 1;
        }
    }
    let default = ws.settings.default_profile.as_ref().map(|d| d.value.as_str());
    for p in &ws.profiles {
        if !p.builtin && !used.contains_key(p.id.as_str()) && default != Some(p.id.as_str()) {
            out.push(
                Diagnostic::warning("unused-profile", p.span, format!("profile `{}` has no members", p.id))
                    .hint(format!("remove profiles/{}.toml if it is no longer needed", p.id)),
            );
        }
    }
    // over-licensed: a cheaper tier's ceiling holds the profile's grants.
    for p in &ws.profiles {
        if let Some(t) = crate::analyze::cheapest_tier(ws, p) {
            out.push(
                Diagnostic::warning(
                    "over-licensed",
                    p.tier.span,
                    format!(
                        "profile `{}` is on tier `{}` ({} {cur}) but tier `{}` ({} {cur}) holds all its grants",
                        p.id,
                        p.tier.value,
                        crate::render::money(ws.profile_price(p)),
                        t.id,
                        crate::render::money(t.price),
                        cur = ws.settings.currency
                    ),
                )
                .hint(format!("move it to the cheaper tier: `roster profile edit {} --tier {}`", p.id, t.id)),
            );
        }
    }
    // identical-profiles: same tier and the same level for every area.action.
    let keys = ws.action_keys();
    let mut seen: HashMap<(&str, Vec<Level>), &Profile> = HashMap::default();
    for p in &ws.profiles {
        let levels: Vec<Level> =
            keys.iter().filter_map(|k| ws.area(&k.area).map(|a| ws.profile_level(p, a, &k.action))).collect();
        match seen.get(&(p.tier.value.as_str(), levels.clone())) {
            Some(first) => out.push(
                Diagnostic::warning(
                    "identical-profiles",
                    p.span,
                    format!("profile `{}` has the same tier and grants as `{}`", p.id, first.id),
                )
                .hint(format!("move its members to `{}` and remove it, or make the two differ", first.id)),
            ),
            None => {
                seen.insert((p.tier.value.as_str(), levels), p);
            }
        }
    }
    expiry(ws, out);
    // assigned-without-clients and suspended-with-clients
    for m in &ws.members {
        if m.status == Status::Suspended && !m.clients.is_empty() {
            out.push(
                Diagnostic::warning(
                    "suspended-with-clients",
                    m.status_span,
                    format!("member `{}` is suspended but still has {} assigned client(s)", m.id, m.clients.len()),
                )
                .hint("unassign their clients or give them to another member"),
            );
        }
        if m.active_on(ws.at())
            && m.clients.is_empty()
            && ws.team_clients(&m.id).next().is_none()
            && hinges_on_assignment(ws, m, &keys)
        {
            out.push(
                Diagnostic::warning(
                    "assigned-without-clients",
                    m.span,
                    format!("member `{}` reaches clients only through assignments, and has none", m.id),
                )
                .hint("assign clients to them, or give them a profile that does not depend on assignments"),
            );
        }
    }
}

/// `expired` and `expires-soon` (SPEC §9): the dated entries of members,
/// judged on the date of judgement. A suspended member's own `until` is left
/// alone: it no longer holds access.
fn expiry(ws: &Workspace, out: &mut Vec<Diagnostic>) {
    let at = ws.at();
    let soon = at.checked_add(jiff::Span::new().days(i64::from(ws.settings.expiry_warning_days))).unwrap_or(at);
    for m in ws.members.iter().filter(|m| m.extra.is_some()) {
        let Some(e) = m.extra.as_deref() else { continue };
        let mut entries: Vec<(String, &crate::model::Window)> = Vec::new();
        if let Some(w) = &e.window
            && m.status != Status::Suspended
        {
            entries.push((format!("member `{}`'s access", m.id), w));
        }
        entries.extend(e.client_windows.iter().map(|(c, w)| (format!("the assignment of `{c}` to `{}`", m.id), w)));
        entries
            .extend(e.profile_windows.iter().map(|(c, w)| (format!("`{}`'s per-client profile for `{c}`", m.id), w)));
        entries.extend(e.grant_windows.iter().map(|(a, x, w)| (format!("`{}`'s override of `{a}.{x}`", m.id), w)));
        expiry_of(entries, at, soon, out);
    }
    // A team's dated clients (§10).
    for t in ws.teams() {
        let entries =
            t.client_windows.iter().map(|(c, w)| (format!("the assignment of `{c}` to team `{}`", t.id), w)).collect();
        expiry_of(entries, at, soon, out);
    }
}

/// `expired` or `expires-soon` for each dated entry (what it is, its window).
fn expiry_of(
    entries: Vec<(String, &crate::model::Window)>,
    at: crate::model::Date,
    soon: crate::model::Date,
    out: &mut Vec<Diagnostic>,
) {
    {
        for (what, w) in entries {
            let Some(until) = w.until else { continue };
            if until < at {
                out.push(
                    Diagnostic::warning("expired", w.span, format!("{what} expired: its `until` {until} has passed"))
                        .hint("it grants nothing now: `roster prune` removes it (and suspends a member who ended)"),
                );
            } else if until <= soon {
                let days = (until - at).get_days();
                out.push(
                    Diagnostic::warning(
                        "expires-soon",
                        w.span,
                        format!("{what} expires on {until}, in {days} day(s)"),
                    )
                    .hint("extend its `until` if it must go on; `workspace.expiry_warning_days` sets this warning's lead"),
                );
            }
        }
    }
}

fn hinges_on_assignment(ws: &Workspace, m: &Member, keys: &[ActionKey]) -> bool {
    keys.iter().any(|k| {
        ws.area(&k.area)
            .is_some_and(|a| a.per_client && access::member_level(ws, m, a, &k.action).level == Level::Assigned)
    })
}

#[cfg(test)]
mod tests {
    use super::{PER_LIST, times};
    use crate::testing::{CLIENTS, CONTRIBUTOR, MEMBERS, USER, WORKSPACE, check_with, codes, edit};

    /// Asserts that the change gives exactly one diagnostic, with this code.
    fn breaks(file: &str, text: &str, code: &str) {
        let checked = check_with(&[(file, text)]);
        assert_eq!(codes(&checked), vec![code], "{:#?}", checked.diagnostics);
    }

    #[test]
    fn the_base_workspace_is_clean() {
        assert_eq!(codes(&check_with(&[])), Vec::<&str>::new());
    }

    #[test]
    fn unknown_ref_for_every_kind_of_id() {
        breaks("members.toml", &edit(MEMBERS, "profile = \"contributor\"", "profile = \"contribtor\""), "unknown-ref");
        breaks("members.toml", &edit(MEMBERS, "\"acme\", \"globex\"", "\"acme\", \"globx\""), "unknown-ref");
        breaks("members.toml", &edit(MEMBERS, "acme = \"contributor\"", "acme = \"nobody\""), "unknown-ref");
        breaks(
            "profiles/contributor.toml",
            &edit(CONTRIBUTOR, "tier = \"standard\"", "tier = \"gold\""),
            "unknown-ref",
        );
        breaks("profiles/contributor.toml", &edit(CONTRIBUTOR, "calendars = {", "calendar = {"), "unknown-ref");
        breaks("clients.toml", &edit(CLIENTS, "company = \"acme\"", "company = \"acmee\""), "unknown-ref");
        breaks("clients.toml", &edit(CLIENTS, "created_by = \"eve\"", "created_by = \"adam\""), "unknown-ref");
        breaks("workspace.toml", &edit(WORKSPACE, "owner = \"claire\"", "owner = \"clare\""), "unknown-ref");
        breaks(
            "workspace.toml",
            &edit(WORKSPACE, "default_profile = \"user\"", "default_profile = \"usr\""),
            "unknown-ref",
        );
    }

    #[test]
    fn the_nearest_name_is_suggested() {
        let checked =
            check_with(&[("members.toml", &edit(MEMBERS, "profile = \"contributor\"", "profile = \"contribtor\""))]);
        assert_eq!(checked.diagnostics[0].hint.as_deref(), Some("did you mean `contributor`?"));
    }

    #[test]
    fn level_not_allowed() {
        breaks(
            "profiles/contributor.toml",
            &edit(CONTRIBUTOR, "calendars = { view = \"all\" }", "calendars = { view = \"assigned\" }"),
            "level-not-allowed",
        );
    }

    #[test]
    fn a_level_not_allowed_is_reported_once_without_a_cascade() {
        // eve's profile edits clients at `all`: her view at `own` (which the
        // area does not accept) is not also `edit-exceeds-view`, whose hint
        // would suggest `own`.
        let members = edit(
            MEMBERS,
            "profile = \"contributor\"",
            "profile = \"contributor\"\ngrants = { clients = { view = \"own\" } }",
        );
        breaks("members.toml", &members, "level-not-allowed");
        let profile = edit(CONTRIBUTOR, "view = \"all\", edit", "view = \"own\", edit");
        breaks("profiles/contributor.toml", &profile, "level-not-allowed");
    }

    #[test]
    fn a_client_named_many_times_is_one_finding() {
        let list = vec!["\"acme\""; 40].join(", ");
        let checked =
            check_with(&[("members.toml", &edit(MEMBERS, "\"acme\", \"globex\"", &format!("{list}, \"globex\"")))]);
        assert_eq!(codes(&checked), vec!["bad-value"], "{:#?}", checked.diagnostics);
        assert!(
            checked.diagnostics[0].message.ends_with("is assigned to member `bob` 40 times"),
            "{:#?}",
            checked.diagnostics
        );
        // Both ways of finding them (a scan for short lists, a table for long ones) agree.
        for n in [2, 3, 16, 17, 100] {
            let ids: Vec<String> = (0..n).map(|i| format!("\"{}\"", ["acme", "globex", "jean"][i % 3])).collect();
            let checked = check_with(&[("members.toml", &edit(MEMBERS, "\"acme\", \"globex\"", &ids.join(", ")))]);
            let found: Vec<&str> = checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
            let expected: Vec<String> = (0..n.min(3))
                .filter(|&i| n > i + 3)
                .map(|i| {
                    let count = (n - i).div_ceil(3);
                    format!("client `{}` is assigned to member `bob` {}", ["acme", "globex", "jean"][i], times(count))
                })
                .collect();
            assert_eq!(found, expected, "{n} clients");
        }
    }

    #[test]
    fn many_mistakes_in_one_list_are_capped() {
        let actions: Vec<String> = (0..30).map(|i| format!("x{i} = \"all\"")).collect();
        let profile = edit(
            CONTRIBUTOR,
            "calendars = { view = \"all\" }",
            &format!("calendars = {{ view = \"all\", {} }}", actions.join(", ")),
        );
        let checked = check_with(&[("profiles/contributor.toml", &profile)]);
        let found: Vec<&str> = checked.diagnostics.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(found.len(), PER_LIST + 1, "{found:#?}");
        // The first ones in file order, then the count of the rest.
        assert!(found[0].contains("no action `x0`") && found[PER_LIST - 1].contains("no action `x4`"), "{found:#?}");
        assert_eq!(
            found[PER_LIST],
            "and 25 more actions that area `calendars` does not have (in profile `contributor`)"
        );
    }

    #[test]
    fn unknown_action_is_a_bad_value() {
        breaks(
            "profiles/contributor.toml",
            &edit(CONTRIBUTOR, "calendars = { view = \"all\" }", "calendars = { veiw = \"all\" }"),
            "bad-value",
        );
    }

    #[test]
    fn edit_exceeds_view() {
        breaks(
            "profiles/contributor.toml",
            &edit(CONTRIBUTOR, "calendars = { view = \"all\" }", "calendars = { view = \"own\", edit = \"all\" }"),
            "edit-exceeds-view",
        );
        // A member's overrides are held to it too.
        let members = edit(
            MEMBERS,
            "profile = \"contributor\"",
            "profile = \"contributor\"\ngrants = { calendars = { view = \"own\", edit = \"all\" } }",
        );
        breaks("members.toml", &members, "edit-exceeds-view");
    }

    #[test]
    fn above_ceiling_for_profiles_and_overrides() {
        breaks("profiles/user.toml", &edit(USER, "view = \"assigned\", edit", "view = \"all\", edit"), "above-ceiling");
        breaks(
            "members.toml",
            &edit(MEMBERS, "client_profiles", "grants = { clients = { view = \"all\" } }\nclient_profiles"),
            "above-ceiling",
        );
        // Within the ceiling, an override is fine.
        let ok = edit(
            MEMBERS,
            "profile = \"contributor\"",
            "profile = \"contributor\"\ngrants = { calendars = { edit = \"all\" } }",
        );
        assert_eq!(codes(&check_with(&[("members.toml", &ok)])), Vec::<&str>::new());
    }

    #[test]
    fn admin_limited() {
        breaks(
            "profiles/admin.toml",
            "name = \"Admin\"\ntier = \"admin\"\nbuiltin = true\nadmin = true\ngrants = { clients = { view = \"assigned\" } }\n",
            "admin-limited",
        );
        // Writing the highest level on an admin profile limits nothing.
        let ok = "name = \"Admin\"\ntier = \"admin\"\nbuiltin = true\nadmin = true\ngrants = { clients = { view = \"all\" } }\n";
        assert_eq!(codes(&check_with(&[("profiles/admin.toml", ok)])), Vec::<&str>::new());
    }

    #[test]
    fn admin_limited_members_have_no_overrides_and_no_per_client_profiles() {
        // An override on the owner, who is on the admin profile: pointed at its level.
        let members =
            edit(MEMBERS, "profile = \"admin\"", "profile = \"admin\"\ngrants = { settings = { edit = \"none\" } }");
        let checked = check_with(&[("members.toml", &members)]);
        assert_eq!(codes(&checked), vec!["admin-limited"], "{:#?}", checked.diagnostics);
        let d = &checked.diagnostics[0];
        let at = d.span.unwrap();
        assert_eq!(&members[at.start as usize..at.end as usize], "\"none\"");
        assert!(d.message.contains("override `settings.edit` = `none`"), "{}", d.message);
        // The owner is never told to leave the admin profile.
        let hint = d.hint.as_deref().unwrap();
        assert!(hint.contains("--revoke-grant settings.edit") && hint.contains("stays on an admin profile"), "{hint}");
        // A per-client profile on an admin: pointed at its client key.
        let members = edit(
            MEMBERS,
            "profile = \"admin\"",
            "profile = \"admin\"\nclients = [\"acme\"]\nclient_profiles = { acme = \"contributor\" }",
        );
        let checked = check_with(&[("members.toml", &members)]);
        assert_eq!(codes(&checked), vec!["admin-limited"], "{:#?}", checked.diagnostics);
        let at = checked.diagnostics[0].span.unwrap();
        let line_start = members[..at.start as usize].rfind('\n').unwrap() + 1;
        assert_eq!(&members[line_start..at.end as usize], "client_profiles = { acme");
        // Another admin is told to move to a non-admin profile first; one
        // diagnostic per override, and no other rule judges them (an admin's
        // view below its edit is not also `edit-exceeds-view`).
        let members = format!(
            "{MEMBERS}\n[members.dan]\nname = \"Dan\"\nemail = \"dan@example.com\"\nprofile = \"admin\"\ngrants = {{ clients = {{ view = \"none\" }}, calendars = {{ view = \"own\" }} }}\n"
        );
        let checked = check_with(&[("members.toml", &members)]);
        assert_eq!(codes(&checked), vec!["admin-limited", "admin-limited"], "{:#?}", checked.diagnostics);
        assert!(checked.diagnostics[0].hint.as_deref().unwrap().contains("transfer-one dan --to PROFILE"));
        // The same override on a member who is not an admin is fine.
        let ok = edit(
            MEMBERS,
            "profile = \"contributor\"",
            "profile = \"contributor\"\ngrants = { calendars = { edit = \"all\" } }",
        );
        assert_eq!(codes(&check_with(&[("members.toml", &ok)])), Vec::<&str>::new());
    }

    #[test]
    fn the_settings_area_accepts_all() {
        let ws = edit(
            WORKSPACE,
            "[areas.settings]\nactions = [\"view\", \"edit\"]\nlevels = [\"none\", \"all\"]",
            "[areas.settings]\nactions = [\"view\", \"edit\"]\nlevels = [\"none\"]",
        );
        let ws = edit(&ws, "settings = { view = \"all\", edit = \"all\" }", "settings = { view = \"none\" }");
        // The admin tier's ceiling now holds nothing the standard tier lacks: over-licensed too.
        let checked = check_with(&[("workspace.toml", &ws)]);
        assert_eq!(codes(&checked), vec!["bad-value", "over-licensed"], "{:#?}", checked.diagnostics);
    }

    #[test]
    fn a_settings_editor_is_the_owner_or_any_active_member_with_settings_edit_all() {
        let editor = |changes: &[(&str, &str)]| super::has_settings_editor(&check_with(changes).workspace);
        assert!(editor(&[]));
        // Neither rule-breaking state below is valid; the guard holds on its own.
        let suspended = edit(MEMBERS, "profile = \"admin\"", "profile = \"admin\"\nstatus = \"suspended\"");
        assert!(!editor(&[("members.toml", &suspended)]));
        let limited =
            edit(MEMBERS, "profile = \"admin\"", "profile = \"admin\"\ngrants = { settings = { edit = \"none\" } }");
        assert!(!editor(&[("members.toml", &limited)]));
        // Another active admin is enough.
        let other = edit(&suspended, "profile = \"contributor\"", "profile = \"admin\"");
        assert!(editor(&[("members.toml", &other)]));
    }

    #[test]
    fn default_profile_missing_or_admin() {
        breaks(
            "workspace.toml",
            &edit(WORKSPACE, "default_profile = \"user\"", "default_profile = \"admin\""),
            "default-profile",
        );
        breaks("workspace.toml", &edit(WORKSPACE, "default_profile = \"user\"\n", ""), "default-profile");
    }

    #[test]
    fn owner_missing_inactive_or_not_admin() {
        breaks("workspace.toml", &edit(WORKSPACE, "owner = \"claire\"\n", ""), "owner");
        breaks(
            "members.toml",
            &edit(MEMBERS, "profile = \"admin\"", "profile = \"admin\"\nstatus = \"suspended\""),
            "owner",
        );
        breaks("members.toml", &edit(MEMBERS, "profile = \"admin\"", "profile = \"contributor\""), "owner");
    }

    #[test]
    fn client_profile_unassigned() {
        breaks(
            "members.toml",
            &edit(MEMBERS, "acme = \"contributor\"", "jean = \"contributor\""),
            "client-profile-unassigned",
        );
    }

    #[test]
    fn duplicate_email_ignores_case() {
        breaks("members.toml", &edit(MEMBERS, "eve@example.com", "BOB@Example.com"), "duplicate-email");
    }

    #[test]
    fn contact_company() {
        breaks(
            "clients.toml",
            &edit(
                CLIENTS,
                "kind = \"company\"\n\n[clients.globex]",
                "kind = \"company\"\ncompany = \"globex\"\n\n[clients.globex]",
            ),
            "contact-company",
        );
        let c = format!("{CLIENTS}\n[clients.pierre]\nname = \"Pierre\"\nkind = \"contact\"\ncompany = \"jean\"\n");
        breaks("clients.toml", &c, "contact-company");
    }

    #[test]
    fn custom_profiles_disabled() {
        breaks(
            "workspace.toml",
            &edit(WORKSPACE, "default_profile = \"user\"", "default_profile = \"user\"\ncustom_profiles = false"),
            "custom-profiles-disabled",
        );
    }

    #[test]
    fn settings_area_is_required() {
        let ws = edit(
            WORKSPACE,
            "[areas.settings]\nactions = [\"view\", \"edit\"]",
            "[areas.settings]\nactions = [\"view\"]",
        );
        let ws = edit(&ws, "settings = { view = \"all\", edit = \"all\" }", "settings = { view = \"all\" }");
        breaks("workspace.toml", &ws, "missing-field");
    }

    #[test]
    fn unused_profile_warns_unless_builtin_or_default() {
        let members = edit(MEMBERS, "profile = \"contributor\"", "profile = \"admin\"");
        let members = edit(&members, "client_profiles = { acme = \"contributor\" }\n", "");
        breaks("members.toml", &members, "unused-profile");
    }

    #[test]
    fn identical_profiles_warn() {
        let copy = CONTRIBUTOR.replace("Contributor", "Copy");
        let members =
            format!("{MEMBERS}\n[members.dan]\nname = \"Dan\"\nemail = \"dan@example.com\"\nprofile = \"copy\"\n");
        let checked = check_with(&[("profiles/copy.toml", &copy), ("members.toml", &members)]);
        assert_eq!(codes(&checked), vec!["identical-profiles"]);
    }

    #[test]
    fn assigned_without_clients_warns_for_active_members_only() {
        let members =
            format!("{MEMBERS}\n[members.dan]\nname = \"Dan\"\nemail = \"dan@example.com\"\nprofile = \"user\"\n");
        breaks("members.toml", &members, "assigned-without-clients");
        let invited = format!("{members}status = \"invited\"\n");
        assert_eq!(codes(&check_with(&[("members.toml", &invited)])), Vec::<&str>::new());
    }

    #[test]
    fn suspended_with_clients_warns() {
        breaks(
            "members.toml",
            &edit(MEMBERS, "profile = \"user\"", "profile = \"user\"\nstatus = \"suspended\""),
            "suspended-with-clients",
        );
    }
}

/// `check_edited_members` finds, after an in-place edit of members, the
/// errors that a full check finds.
#[cfg(test)]
mod edited_members {
    use crate::change::Change;
    use crate::diag::Diagnostic;
    use crate::generate::{Params, generate};
    use crate::model::Workspace;
    use crate::store::edit;
    use crate::store::incremental;
    use crate::store::load::{Input, MEMBERS_FILE, load_from};

    type Edit = Box<dyn Fn(&mut dyn toml_edit::TableLike)>;

    fn errors(mut diags: Vec<Diagnostic>) -> Vec<String> {
        diags.retain(Diagnostic::is_error);
        let mut out: Vec<String> = diags.iter().map(|d| format!("{} {:?} {}", d.code, d.span, d.message)).collect();
        out.sort();
        out
    }

    fn fresh() -> Workspace {
        let files = generate(&Params { members: 400, clients: 120, profiles: 12, ..Params::default() });
        let loaded = load_from(std::path::Path::new("/nonexistent"), Input::Memory(&files));
        assert!(errors(loaded.diagnostics).is_empty());
        loaded.workspace
    }

    /// Applies the edits (member id, edit), then returns the errors of both checks.
    fn both(edits: &[(&str, &Edit)]) -> (Vec<String>, Vec<String>) {
        let mut ws = fresh();
        assert!(errors(super::check(&ws)).is_empty());
        let parts = {
            let mut change = Change::new(&ws);
            for (id, f) in edits {
                change
                    .edit_entry(MEMBERS_FILE, "members", id, |e| {
                        f(e);
                        Ok(())
                    })
                    .unwrap();
            }
            change.finish()
        };
        let (_, splices) = parts.into_files();
        let applied = incremental::apply(&mut ws, &splices);
        let touched = applied.members_in_place.expect("edited in place");
        let full = errors([applied.diags.clone(), super::check(&ws)].concat());
        let scoped = errors([applied.diags, super::check_edited_members(&ws, &touched)].concat());
        (scoped, full)
    }

    fn set(key: &'static str, value: String) -> Edit {
        Box::new(move |e| edit::set(e, key, value.as_str().into()))
    }

    #[test]
    fn the_errors_are_those_of_a_full_check() {
        let ws = fresh();
        let admin = ws.profiles.iter().find(|p| p.admin).map(|p| p.id.to_string()).unwrap();
        let plain = ws.profiles.iter().find(|p| !p.admin && p.id != "p0001").map(|p| p.id.to_string()).unwrap();
        let owner = ws.settings.owner.as_ref().unwrap().value.to_string();
        assert!(ws.member(&owner).is_some_and(|m| m.profile.value == admin));
        let unknown_client: Edit = Box::new(|e| edit::set_string_array(e, "clients", &["c000001", "nobody"]));
        let twice: Edit = Box::new(|e| edit::set_string_array(e, "clients", &["c000001", "c000001"]));
        let per_client: Edit = Box::new(|e| {
            edit::set_string_array(e, "clients", &["c000001"]);
            let pairs: toml_edit::InlineTable = [("c000002", "p0002")].into_iter().collect();
            edit::set(e, "client_profiles", toml_edit::Value::InlineTable(pairs));
        });
        let above: Edit = Box::new(|e| {
            let edit_all: toml_edit::InlineTable = [("edit", "all")].into_iter().collect();
            let grants: toml_edit::InlineTable =
                [("settings", toml_edit::Value::InlineTable(edit_all))].into_iter().collect();
            edit::set(e, "grants", toml_edit::Value::InlineTable(grants));
        });
        let settings_none = || -> Edit {
            Box::new(|e| {
                let edit_none: toml_edit::InlineTable = [("edit", "none")].into_iter().collect();
                let grants: toml_edit::InlineTable =
                    [("settings", toml_edit::Value::InlineTable(edit_none))].into_iter().collect();
                edit::set(e, "grants", toml_edit::Value::InlineTable(grants));
            })
        };
        let per_client_owner: Edit = Box::new(move |e| {
            edit::set_string_array(e, "clients", &["c000002"]);
            let pairs: toml_edit::InlineTable = [("c000002", "p0002")].into_iter().collect();
            edit::set(e, "client_profiles", toml_edit::Value::InlineTable(pairs));
        });
        let to_admin: Edit = {
            let admin = admin.clone();
            let settings_none = settings_none();
            Box::new(move |e| {
                edit::set(e, "profile", admin.as_str().into());
                edit::set_string_array(e, "clients", &["c000002"]);
                let pairs: toml_edit::InlineTable = [("c000002", "p0002")].into_iter().collect();
                edit::set(e, "client_profiles", toml_edit::Value::InlineTable(pairs));
                settings_none(e);
            })
        };
        let cases: Vec<Vec<(&str, Edit)>> = vec![
            vec![("m000010", set("name", "Renamed".into()))],
            vec![("m000010", unknown_client)],
            vec![("m000011", twice)],
            vec![("m000012", per_client)],
            vec![("m000013", set("profile", "nope".into()))],
            vec![("m000014", above)],
            // The same email as an untouched member, before and after it in file order.
            vec![("m000020", set("email", "M000005@Example.com".into()))],
            vec![("m000005", set("email", "m000300@example.com".into()))],
            // Two edited members sharing one email, and a third with another's.
            vec![
                ("m000030", set("email", "same@example.com".into())),
                ("m000031", set("email", "SAME@example.com".into())),
                ("m000032", set("email", "m000033@example.com".into())),
            ],
            // The owner on a profile that is not an admin one, then suspended.
            vec![(owner.as_str(), set("profile", plain.clone()))],
            vec![(owner.as_str(), set("status", "suspended".into()))],
            // admin-limited: an override or a per-client profile on the
            // owner, and a member with both moved to the admin profile.
            vec![(owner.as_str(), settings_none())],
            vec![(owner.as_str(), per_client_owner)],
            vec![("m000015", to_admin)],
        ];
        for (i, case) in cases.iter().enumerate() {
            let edits: Vec<(&str, &Edit)> = case.iter().map(|(id, e)| (*id, e)).collect();
            let (scoped, full) = both(&edits);
            assert_eq!(scoped, full, "case {i}");
            // Every case but the rename breaks a rule.
            assert_eq!(full.is_empty(), i == 0, "case {i}: {full:?}");
            if i + 3 >= cases.len() {
                assert!(full.iter().any(|e| e.starts_with("admin-limited ")), "case {i}: {full:?}");
            }
        }
    }

    /// Members added (a batch's, `member add`'s) take the same path: the
    /// errors of those added and edited are those of a full check.
    #[test]
    fn added_members_bring_the_errors_of_a_full_check() {
        use crate::store::editors::NewMember;
        fn new<'a>(id: &'a str, email: &'a str, profile: &'a str, clients: &'a [String]) -> NewMember<'a> {
            NewMember {
                id,
                name: "New",
                email,
                profile,
                status: crate::model::Status::Active,
                clients,
                client_profiles: &[],
                grants: &[],
                credit_limit: None,
                from: None,
                until: None,
            }
        }
        let unknown = ["nobody".to_string()];
        let known = ["c000001".to_string()];
        let cases: Vec<Vec<NewMember>> = vec![
            vec![new("m000010a", "a@example.com", "p0001", &known), new("zz", "zz@example.com", "p0002", &[])],
            vec![new("m000010a", "a@example.com", "nope", &[])],
            vec![new("m000010a", "a@example.com", "p0001", &unknown)],
            // An email of a member after it and before it in file order, and twice among the new.
            vec![new("a0", "M000005@example.com", "p0001", &[])],
            vec![new("zz", "m000005@example.com", "p0001", &[])],
            vec![new("m000010a", "same@example.com", "p0001", &[]), new("zz", "SAME@example.com", "p0001", &[])],
            vec![new("m000010a", "not an email", "p0001", &[])],
        ];
        for (i, case) in cases.iter().enumerate() {
            let mut ws = fresh();
            let parts = {
                let mut change = Change::new(&ws);
                change.add_members(case);
                change
                    .edit_entry(MEMBERS_FILE, "members", "m000020", |e| {
                        edit::set(e, "name", "X".into());
                        Ok(())
                    })
                    .unwrap();
                change.finish()
            };
            let (_, splices) = parts.into_files();
            let applied = incremental::apply(&mut ws, &splices);
            let touched = applied.members_in_place.expect("added and edited in place");
            assert_eq!(touched.len(), case.len() + 1, "case {i}");
            let full = errors([applied.diags.clone(), super::check(&ws)].concat());
            let scoped = errors([applied.diags, super::check_edited_members(&ws, &touched)].concat());
            assert_eq!(scoped, full, "case {i}");
            assert_eq!(full.is_empty(), i == 0, "case {i}: {full:?}");
        }
    }
}

#[cfg(test)]
mod parallel {
    use crate::generate::{Params, generate};
    use crate::store::load::{Input, load_from};

    #[test]
    fn the_rules_on_many_threads_find_what_one_finds_in_the_same_order() {
        let mut files = generate(&Params { members: 3000, clients: 200, profiles: 8, ..Params::default() });
        let mut members = files["members.toml"].clone();
        // Problems spread over the members, two of them shared emails across the parts.
        for (i, id) in ["m000005", "m001499", "m001500", "m002998"].iter().enumerate() {
            let header = format!("[members.{id}]\n");
            let with = format!("{header}email = \"shared{}@example.com\"\n", i % 2);
            let start = members.find(&header).unwrap();
            let end = members[start + header.len()..].find("\n[").map_or(members.len(), |e| start + header.len() + e);
            let entry = members[start..end].replace("profile = \"", "profile = \"nope-").replacen("email", "#", 1);
            members.replace_range(start..end, &entry.replacen(&header, &with, 1));
        }
        members = members.replacen("clients = [\"", "clients = [\"c009999\", \"", 3);
        files.insert("members.toml".into(), members);
        let loaded = load_from(std::path::Path::new("/nonexistent"), Input::Memory(&files));
        let ws = loaded.workspace;
        let shown = |d: &[crate::diag::Diagnostic]| -> Vec<String> {
            d.iter().map(|d| format!("{} {:?} {}", d.code, d.span, d.message)).collect()
        };
        let one = shown(&super::check_in(&ws, 1));
        assert!(one.iter().filter(|d| d.starts_with("duplicate-email")).count() == 2, "{one:#?}");
        assert!(one.iter().filter(|d| d.starts_with("unknown-ref")).count() >= 7, "{one:#?}");
        for parts in [2, 3, 7] {
            assert_eq!(shown(&super::check_in(&ws, parts)), one, "on {parts} threads");
        }
    }
}
