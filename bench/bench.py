#!/usr/bin/env python3
"""roster's benchmark: prints each ratio of SPEC §7 with its target and whether it holds.

    python3 bench/bench.py [--quick]

It builds roster, the generator and the floor program in release mode,
generates the reference workload (100,000 members) and one of a tenth of its
size (10,000 members), and measures, on this machine, in one run:

- `check` / floor (the same files parsed into plain serde structs, no validation);
- each one-member change (`member edit`, `transfer-one`, `client assign`) / `check`;
- `export matrix` / `check` and `access who-can` / `check`;
- `review start` / `check` and `review report` / `check` (a campaign over every member);
- time at 100,000 members / time at 10,000 members, for `check` and a change;
- peak memory / total size of the files, for `check` and a change;
- on `config/`, each command / `roster --version`;
- each hostile input of SPEC §7 (one line of 40,000 copies of a client id, a
  profile line of 30,000 unknown actions, a CSV header of 100,000 columns) /
  a valid input of the same size.

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


def main():
    print("building (release)...", file=sys.stderr)
    subprocess.run(["cargo", "build", "--release", "--quiet", "--bin", "roster", "--example", "generate", "--example", "floor"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="roster-bench-")
    rows = []

    def row(name, value, target, holds, unit="x"):
        rows.append((name, f"{value:.2f}{unit}", target, "yes" if holds else "NO"))

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
            campaign = os.path.join(ws, "reviews", "bench.toml")
            drop_campaign = lambda campaign=campaign: os.path.exists(campaign) and os.remove(campaign)
            setups[members] = [
                ("floor", [os.path.join(TARGET, "examples", "floor"), ws], None),
                ("check", roster + ["check"], None),
                ("member edit", roster + ["member", "edit", mid, "--name", "Renamed Member"], restore),
                ("transfer-one", roster + ["transfer-one", mid, "--to", "p0001"], restore),
                ("client assign", roster + ["client", "assign", "c000001", "--to", mid], restore),
                ("export matrix", roster + ["export", "matrix", "-o", os.path.join(work, "matrix.csv")], None),
                ("access who-can", roster + ["access", "who-can", "area1.view", "--client", "c000123"], None),
                ("review start", roster + ["review", "start", "bench"], drop_campaign),
                ("review report", roster + ["review", "report", "bench-report", "-o", os.path.join(work, "report.html")], None),
            ]
        # `review report` reports a campaign started once, over every member.
        for members in setups:
            subprocess.run([ROSTER, "-w", os.path.join(work, f"ws{members}"), "-q", "review", "start", "bench-report"], check=True)
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
        row("check / floor (100k)", check / big["floor"][0], "<= 1.5x", check <= 1.5 * big["floor"][0])
        for change in ("member edit", "transfer-one", "client assign"):
            row(f"{change} / check", big[change][0] / check, "<= 1.3x", big[change][0] <= 1.3 * check)
        for query in ("export matrix", "access who-can"):
            row(f"{query} / check", big[query][0] / check, "<= 2x", big[query][0] <= 2 * check)
        for review in ("review start", "review report"):
            row(f"{review} / check (100k)", big[review][0] / check, "<= 3x", big[review][0] <= 3 * check)
        for what in ("check", "member edit"):
            ratio = big[what][0] / small[what][0]
            row(f"{what}: 100k / 10k members", ratio, "<= 11x", ratio <= 11)
        total = sizes[100_000] / 1024
        for what in ("check", "member edit"):
            ratio = big[what][1] / total
            row(f"{what}: peak memory / files (100k)", ratio, "<= 5x", ratio <= 5)

        # The shipped example: every command against process start.
        config = os.path.join(work, "config")
        shutil.copytree(os.path.join(ROOT, "config"), config)
        pristine = os.path.join(work, "config-pristine")
        shutil.copytree(config, pristine)
        restore = lambda: (shutil.rmtree(config), shutil.copytree(pristine, config))
        commands = [
            ["check", "--strict"], ["fmt", "--check"], ["test"], ["member", "list"], ["member", "show", "bob"],
            ["profile", "list"], ["profile", "show", "connect-pay"], ["profile", "compare", "connect-pay", "easy-invoicing"],
            ["profile", "default"], ["client", "list"], ["access", "check", "bob", "invoices.edit", "--client", "jean-dupont"],
            ["access", "who-can", "settings.edit"], ["access", "matrix"], ["export", "members"],
            ["member", "edit", "bob", "--name", "Robert"], ["transfer-one", "hugo", "--to", "full-accounting"],
            ["client", "assign", "umbrella", "--to", "bob"],
            ["check", "--format", "github"], ["check", "--format", "sarif"], ["test", "--format", "junit"],
            ["test", "--format", "github"], ["schema", "members"], ["man", "member", "add"],
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

        hostile = hostile_rows(work, row)

        print(f"\nroster benchmark: {os.uname().machine}, {os.cpu_count()} cores; times are medians of {ROUNDS_BIG} interleaved rounds ({ROUNDS_SMALL} runs on config/)")
        print(f"files: {sizes[100_000] / 1e6:.1f} MB at 100k members, {sizes[10_000] / 1e6:.1f} MB at 10k\n")
        print(f"{'measure':58} {'100k':>9} {'10k':>9} {'peak MB':>8}")
        for name in ("floor", "check", "member edit", "transfer-one", "client assign", "export matrix", "access who-can", "review start", "review report"):
            print(f"{name:58} {big[name][0]:8.3f}s {small[name][0]:8.3f}s {big[name][1] / 1024:8.0f}")
        print(f"{'roster --version (config/)':58} {base:8.4f}s\n")
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
