#!/usr/bin/env python3
"""roster's benchmark: prints each ratio of SPEC §7 with its target and whether it holds.

    python3 bench/bench.py [--quick] [--log-only]

It builds roster, the generator and the floor program in release mode,
generates the reference workload (100,000 members) and one of a tenth of its
size (10,000 members), and measures, on this machine, in one run:

- `check` / floor (the same files parsed into plain serde structs, no validation);
- each one-member change (`member edit`, `member add`, `transfer-one`,
  `client assign`) / `check`;
- `export matrix`, `access who-can`, `access list`, `cost` and `analyze` / `check`;
- `log` over 100 commits that each change a few members of the 10,000-member
  workspace / `check` on it (a git repository made here, packed as a clone is);
- `batch` of 1,000 changes (250 member edits, 250 assignments, 250
  transfers, 250 additions, interleaved) / `check`;
- `review start` / `check` and `review report` / `check` (a campaign over
  every member, on a copy of the workspace: no other measure reads it);
- time at 100,000 members / time at 10,000 members, for `check` and a change;
- peak memory / total size of the files, for `check`, each one-member change
  and the batch;
- on `config/`, each command / `roster --version`;
- each hostile input of SPEC §7 (one line of 40,000 copies of a client id, a
  profile line of 30,000 unknown actions, a CSV header of 100,000 columns) /
  a valid input of the same size.

--log-only measures the `log` line alone (no 100,000-member workspace).

Each time is the median of several rounds (wall clock); every round runs
every measure at both sizes in turn, so that a slow moment of a shared machine
falls on both sides of a ratio. Peak memory is the child's maximum resident
set size, from wait4(2). --quick runs fewer rounds.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.path.join(ROOT, "target", "release")
ROSTER = os.path.join(TARGET, "roster")
QUICK = "--quick" in sys.argv
ROUNDS_BIG = 3 if QUICK else 7
ROUNDS_SMALL = 5 if QUICK else 11


def run(cmd, cwd=None, expect=0):
    """Runs cmd once: (seconds, peak KiB). Fails loudly on another exit code than `expect`."""
    # stderr to a file, not a pipe: a pipe read only after the wait would
    # block a child that writes more than the pipe holds.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    code = os.waitstatus_to_exitcode(status)
    if code != expect:
        sys.exit(f"bench: {' '.join(cmd)} exited {code}, not {expect}:\n{err[:2000]}")
    return elapsed, usage.ru_maxrss


def median(cmd, rounds, before=None, cwd=None):
    """Median time and the largest peak memory over `rounds` runs; `before` runs untimed first."""
    times, peaks = [], []
    for _ in range(rounds):
        if before:
            before()
        t, peak = run(cmd, cwd)
        times.append(t)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def size_of(folder):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(folder) for f in fs)


def generate(folder, members):
    clients = members // 5
    subprocess.run(
        [os.path.join(TARGET, "examples", "generate"), folder, "--members", str(members), "--clients", str(clients)],
        check=True,
    )


def batch_file(ws, path):
    """SPEC §7's batch: 1,000 changes of the kinds an ops script makes, spread
    over the file and interleaved: 250 each of member edits, assignments (one
    in five to a member added earlier in the batch), transfers and additions.
    Transfers and edits name members without overrides or per-client
    profiles, so that no line breaks a rule (the batch must go through)."""
    with open(os.path.join(ws, "members.toml")) as f:
        text = f.read()
    plain = []
    for entry in text.split("\n[members.")[1:]:
        mid, _, body = entry.partition("]")
        body = body.split("\n[", 1)[0]
        if "grants" not in body and "client_profiles" not in body and '"admin"' not in body and mid != "m000000":
            plain.append(mid)
    with open(os.path.join(ws, "clients.toml")) as f:
        clients = [line[len("[clients."):-1] for line in f.read().splitlines() if line.startswith("[clients.")]
    step = len(plain) // 750
    picks = plain[::step][:750]
    lines, added = [], []
    for i in range(250):
        edit, transfer, near = picks[3 * i], picks[3 * i + 1], picks[3 * i + 2]
        new = f"{near}n"
        client = clients[(i * 7919) % len(clients)]
        lines.append(f"member edit {edit} --name 'Batch Member {i}'")
        lines.append(f"member add {new} --name 'New Member {i}' --email {new}@batch.example --client {client}")
        target = added[i // 2] if i % 5 == 4 and added else near
        lines.append(f"client assign {clients[(i * 104729 + 13) % len(clients)]} --to {target}")
        lines.append(f"transfer-one {transfer} --to p{i % 100 + 1:04d}")
        added.append(new)
    with open(path, "w") as f:
        f.write("# SPEC §7: 1,000 changes in one batch\n" + "\n".join(lines) + "\n")


def main():
    print("building (release)...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "roster", "--example", "generate", "--example", "floor"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="roster-bench-")
    rows = []

    def row(name, value, target, holds, unit="x"):
        rows.append((name, f"{value:.2f}{unit}", target, "yes" if holds else "NO"))

    if "--log-only" in sys.argv:
        try:
            line = log_rows(work, row)
            print(f"\n{line}\n")
            for name, value, target, holds in rows:
                print(f"{name:58} {value:>9} {target:>9} {holds:>6}")
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return

    try:
        sizes = {}
        setups = {}
        for members in (10_000, 100_000):
            ws = os.path.join(work, f"ws{members}")
            print(f"generating {members} members...", file=sys.stderr)
            generate(ws, members)
            sizes[members] = size_of(ws)
            pristine = os.path.join(work, f"members{members}.toml")
            shutil.copy(os.path.join(ws, "members.toml"), pristine)
            restore = lambda ws=ws, pristine=pristine: shutil.copy(pristine, os.path.join(ws, "members.toml"))
            roster = [ROSTER, "-w", ws, "-q"]
            mid = f"m{members // 2:06d}"
            batch = os.path.join(work, f"batch{members}.txt")
            batch_file(ws, batch)
            # The review commands run on a copy of the workspace, so that no
            # other measure (`check` above all) reads a campaign.
            reviewed = os.path.join(work, f"reviewed{members}")
            shutil.copytree(ws, reviewed)
            campaign = os.path.join(reviewed, "reviews", "bench.toml")
            drop_campaign = lambda campaign=campaign: os.path.exists(campaign) and os.remove(campaign)
            on_review = [ROSTER, "-w", reviewed, "-q"]
            setups[members] = [
                ("floor", [os.path.join(TARGET, "examples", "floor"), ws], None),
                ("check", roster + ["check"], None),
                ("member edit", roster + ["member", "edit", mid, "--name", "Renamed Member"], restore),
                ("member add", roster + ["member", "add", "zz-bench", "--name", "Bench Member", "--email", "zz-bench@bench.example", "--profile", "p0001", "--client", "c000001"], restore),
                ("transfer-one", roster + ["transfer-one", mid, "--to", "p0001"], restore),
                ("client assign", roster + ["client", "assign", "c000001", "--to", mid], restore),
                ("export matrix", roster + ["export", "matrix", "-o", os.path.join(work, "matrix.csv")], None),
                ("access who-can", roster + ["access", "who-can", "area1.view", "--client", "c000123"], None),
                ("batch", roster + ["batch", batch], restore),
                ("access list", roster + ["access", "list", mid], None),
                ("cost", roster + ["cost"], None),
                ("review start", on_review + ["review", "start", "bench"], drop_campaign),
                ("review report", on_review + ["review", "report", "bench-report", "-o", os.path.join(work, "report.html")], None),
                ("analyze", roster + ["analyze"], None),
            ]
        # `review report` reports a campaign started once, over every member.
        for members in setups:
            subprocess.run([ROSTER, "-w", os.path.join(work, f"reviewed{members}"), "-q", "review", "start", "bench-report"], check=True)
        # Interleaved: every round runs every measure at both sizes, so that a
        # slow moment of a shared machine falls on both sides of each ratio.
        samples = {m: {name: ([], []) for name, _, _ in setups[m]} for m in setups}
        rounds = ROUNDS_BIG
        for r in range(rounds):
            print(f"round {r + 1} of {rounds}...", file=sys.stderr)
            for members, measures in setups.items():
                for name, cmd, before in measures:
                    if before:
                        before()
                    t, peak = run(cmd)
                    samples[members][name][0].append(t)
                    samples[members][name][1].append(peak)
        results = {
            m: {name: (statistics.median(ts), max(ps)) for name, (ts, ps) in measures.items()}
            for m, measures in samples.items()
        }

        big, small = results[100_000], results[10_000]
        check = big["check"][0]
        row("check / floor (100k; floor: one core)", check / big["floor"][0], "<= 0.5x", check <= 0.5 * big["floor"][0])
        for change in ("member edit", "member add", "transfer-one", "client assign"):
            row(f"{change} / check", big[change][0] / check, "<= 1.15x", big[change][0] <= 1.15 * check)
        row("batch of 1,000 changes / check", big["batch"][0] / check, "<= 1.5x", big["batch"][0] <= 1.5 * check)
        for query in ("export matrix", "access who-can", "access list", "cost", "analyze"):
            row(f"{query} / check", big[query][0] / check, "<= 1.5x", big[query][0] <= 1.5 * check)
        for review in ("review start", "review report"):
            row(f"{review} / check (100k)", big[review][0] / check, "<= 3x", big[review][0] <= 3 * check)
        for what in ("check", "member edit"):
            ratio = big[what][0] / small[what][0]
            row(f"{what}: 100k / 10k members", ratio, "<= 11x", ratio <= 11)
        total = sizes[100_000] / 1024
        for what in ("check", "member edit", "member add", "transfer-one", "client assign", "batch"):
            ratio = big[what][1] / total
            row(f"{what}: peak memory / files (100k)", ratio, "<= 4x", ratio <= 4)

        # The shipped example: every command against process start.
        config = os.path.join(work, "config")
        shutil.copytree(os.path.join(ROOT, "config"), config)
        pristine = os.path.join(work, "config-pristine")
        shutil.copytree(config, pristine)
        restore = lambda: (shutil.rmtree(config), shutil.copytree(pristine, config))
        commands = [
            ["check", "--strict"], ["fmt", "--check"], ["test"], ["member", "list"], ["member", "show", "bob"],
            ["profile", "list"], ["profile", "show", "connect-pay"], ["profile", "compare", "connect-pay", "easy-invoicing"],
            ["profile", "default"], ["client", "list"], ["access", "check", "bob", "clients.view", "--client", "acme"],
            ["access", "who-can", "settings.edit"], ["access", "matrix"], ["access", "list", "bob"], ["export", "members"],
            ["member", "edit", "bob", "--name", "Robert"], ["transfer-one", "hugo", "--to", "full-accounting"],
            ["client", "assign", "umbrella", "--to", "bob"],
            ["check", "--format", "github"], ["check", "--format", "sarif"], ["test", "--format", "junit"],
            ["test", "--format", "github"], ["schema", "members"], ["man", "member", "add"], ["analyze"], ["cost"],
            ["review", "status", "2026-q4"], ["review", "report", "2026-q4"],
        ]
        # Interleaved with `--version`, as above: each command's ratio is the
        # median over rounds of (its time / the process start measured next to it).
        version_times = []
        ratios = {}
        for _ in range(ROUNDS_SMALL):
            for args in commands:
                changes = args[0] in ("member", "transfer-one", "client") and len(args) > 2 and args[1] in ("edit", "hugo", "assign")
                if changes:
                    restore()
                v = run([ROSTER, "--version"])[0]
                t = run([ROSTER, "-w", config, "-q"] + args)[0]
                version_times.append(v)
                ratios.setdefault(" ".join(args), []).append(t / v)
        base = statistics.median(version_times)
        worst = max(((statistics.median(r), name) for name, r in ratios.items()), key=lambda x: x[0])
        row(f"config/: slowest command / --version ({worst[1]})", worst[0], "<= 3x", worst[0] <= 3)

        log_line = log_rows(work, row)
        hostile = hostile_rows(work, row)

        print(f"\nroster benchmark: {os.uname().machine}, {os.cpu_count()} cores; times are medians of {ROUNDS_BIG} interleaved rounds ({ROUNDS_SMALL} runs on config/)")
        print(f"files: {sizes[100_000] / 1e6:.1f} MB at 100k members, {sizes[10_000] / 1e6:.1f} MB at 10k\n")
        print(f"{'measure':58} {'100k':>9} {'10k':>9} {'peak MB':>8}")
        for name in ("floor", "check", "member edit", "member add", "transfer-one", "client assign", "export matrix", "access who-can", "batch", "access list", "cost", "review start", "review report", "analyze"):
            print(f"{name:58} {big[name][0]:8.3f}s {small[name][0]:8.3f}s {big[name][1] / 1024:8.0f}")
        print(f"{'roster --version (config/)':58} {base:8.4f}s")
        print(log_line + "\n")
        print(f"{'hostile input':58} {'hostile':>9} {'valid':>9}")
        for line in hostile:
            print(line)
        print()
        print(f"{'ratio':58} {'value':>9} {'target':>9} {'holds':>6}")
        for name, value, target, holds in rows:
            print(f"{name:58} {value:>9} {target:>9} {holds:>6}")
        failed = [r for r in rows if r[3] == "NO"]
        print(f"\n{len(rows) - len(failed)} of {len(rows)} targets hold")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def log_rows(work, row):
    """SPEC §7: `roster log` over 100 commits, each changing a few members of a
    10,000-member workspace, against `check` on that workspace. The commits
    edit entries as roster's changes do (a status, an assignment), and every
    tenth adds a member; the repository is then packed (`git gc`), as a
    clone is. Returns the line of the measure table."""
    import random
    import re
    repo = os.path.join(work, "log-repo")
    ws = os.path.join(repo, "config")
    print("making 100 commits on 10,000 members...", file=sys.stderr)
    generate(ws, 10_000)
    env = dict(os.environ, GIT_AUTHOR_DATE="2026-01-01T10:00:00Z", GIT_COMMITTER_DATE="2026-01-01T10:00:00Z")
    def git(*args):
        subprocess.run(["git", "-c", "user.name=Bench", "-c", "user.email=bench@example.com", "-c", "commit.gpgsign=false", *args],
                       cwd=repo, check=True, env=env, stdout=subprocess.DEVNULL)
    git("init", "-q")
    git("add", "-A")
    git("commit", "-qm", "workspace")
    path = os.path.join(ws, "members.toml")
    with open(path) as f:
        text = f.read()
    ids = re.findall(r"^\[members\.(m\d+)\]$", text, re.M)
    rng = random.Random(7)
    for i in range(100):
        for _ in range(3):
            mid = ids[rng.randrange(1, len(ids))]
            start = text.index(f"[members.{mid}]\n")
            end = text.find("\n[members.", start + 1)
            end = len(text) if end < 0 else end + 1
            entry = text[start:end]
            if 'status = "suspended"\n' in entry:
                entry = entry.replace('status = "suspended"\n', "")
            elif "clients = [" in entry and rng.random() < 0.5:
                client = f"c{rng.randrange(2000):06d}"
                if f'"{client}"' not in entry:
                    entry = entry.replace("clients = [", f'clients = ["{client}", ', 1)
            elif "status = " not in entry:
                entry = re.sub(r'(profile = "[^"]*"\n)', r'\1status = "suspended"\n', entry, count=1)
            text = text[:start] + entry + text[end:]
        if i % 10 == 9:
            new = f"m{10_000 + i:06d}"
            text += f'\n[members.{new}]\nname = "New {i}"\nemail = "{new}@example.com"\nprofile = "p0001"\n'
        with open(path, "w") as f:
            f.write(text)
        git("commit", "-qam", f"change {i}")
    git("gc", "-q")
    roster = [ROSTER, "-w", ws, "-q"]
    run(roster + ["check"])
    checks, logs = [], []
    for _ in range(ROUNDS_BIG):
        checks.append(run(roster + ["check"])[0])
        logs.append(run(roster + ["log", "HEAD~100..HEAD"])[0])
    check, log = statistics.median(checks), statistics.median(logs)
    row("log of 100 commits / check (10k)", log / check, "<= 10x", log <= 10 * check)
    return f"{'log HEAD~100..HEAD (10k; check on it: ' + f'{check:.3f}s)':58} {'':>9} {log:8.3f}s"


def hostile_rows(work, row):
    """SPEC §7: no input is quadratic. Each hostile input against a valid one of
    the same size, both copies of config/ that differ only in that input."""
    def workspace(name, edit):
        ws = os.path.join(work, name)
        shutil.copytree(os.path.join(ROOT, "config"), ws)
        os.remove(os.path.join(ws, "tests.toml"))
        edit(ws)
        return ws

    def replace(ws, file, old, new):
        path = os.path.join(ws, file)
        with open(path) as f:
            text = f.read()
        assert old in text, (file, old)
        with open(path, "w") as f:
            f.write(text.replace(old, new, 1))

    # 1. bob's clients: 40,000 distinct clients, or one of them 40,000 times
    #    (the same clients.toml, ids of the same length).
    n = 40_000
    def clients(ids):
        def edit(ws):
            with open(os.path.join(ws, "clients.toml"), "a") as f:
                f.write("".join(f'\n[clients.k{i:05d}]\nname = "K {i}"\nkind = "company"\n' for i in range(n)))
            line = ", ".join(f'"{i}"' for i in ["acme", "globex"] + ids)
            replace(ws, "members.toml", 'clients = ["acme", "globex"]', f"clients = [{line}]")
        return edit
    distinct = workspace("clients-valid", clients([f"k{i:05d}" for i in range(n)]))
    copies = workspace("clients-copies", clients(["k00000"] * n))

    # 2. a profile line of 30,000 actions of an area that has them, or that it
    #    does not have (the same workspace.toml, names of the same length).
    n = 30_000
    def actions(prefix):
        def edit(ws):
            names = ", ".join(f'"x{i:05d}"' for i in range(n))
            area = f'[areas.extra]\nlabel = "Extra"\nactions = ["view", {names}]\nlevels = ["none"]\n\n[tiers.'
            replace(ws, "workspace.toml", "[tiers.", area)
            grants = ", ".join(f'{prefix}{i:05d} = "none"' for i in range(n))
            with open(os.path.join(ws, "profiles", "easy-invoicing.toml"), "a") as f:
                f.write(f'extra = {{ view = "none", {grants} }}\n')
        return edit
    described = workspace("actions-valid", actions("x"))
    unknown = workspace("actions-unknown", actions("y"))

    # 3. a CSV header of 100,000 columns, or new members (id,name,email) in as many bytes.
    header = ",".join(["id", "name"] + [f"c{i}" for i in range(100_000)])
    wide_csv = os.path.join(work, "wide.csv")
    with open(wide_csv, "w") as f:
        f.write(header + "\nbob,Robert" + "," * 100_000 + "\n")
    rows_csv = os.path.join(work, "rows.csv")
    with open(rows_csv, "w") as f:
        f.write("id,name,email\n")
        size, i = 0, 0
        while size < os.path.getsize(wide_csv):
            r = f"new{i:06d},New Member {i},new{i:06d}@example.com\n"
            f.write(r)
            size += len(r)
            i += 1
    csv_ws = workspace("csv", lambda ws: None)

    pairs = [
        ("one line of 40,000 copies of a client id", [ROSTER, "-w", copies, "-q", "check"], 1,
         [ROSTER, "-w", distinct, "-q", "check"], 0),
        ("a profile line of 30,000 unknown actions", [ROSTER, "-w", unknown, "-q", "check"], 1,
         [ROSTER, "-w", described, "-q", "check"], 0),
        ("a CSV header of 100,000 columns", [ROSTER, "-w", csv_ws, "-q", "--dry-run", "import", "members", wide_csv], 3,
         [ROSTER, "-w", csv_ws, "-q", "--dry-run", "import", "members", rows_csv], 0),
    ]
    times = {name: ([], []) for name, *_ in pairs}
    for _ in range(ROUNDS_SMALL):
        for name, bad, bad_code, good, good_code in pairs:
            times[name][0].append(run(bad, expect=bad_code)[0])
            times[name][1].append(run(good, expect=good_code)[0])
    lines = []
    for name, (bad, good) in times.items():
        b, g = statistics.median(bad), statistics.median(good)
        lines.append(f"{name + ' (valid input)':58} {b:8.3f}s {g:8.3f}s")
        row(f"{name} / valid input", b / g, "<= 2x", b <= 2 * g)
    return lines


if __name__ == "__main__":
    main()
