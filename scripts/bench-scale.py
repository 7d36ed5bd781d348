#!/usr/bin/env python3
"""Issue 7's release benchmark at group scale, with medians.

Builds nothing: run `swift build -c release` first. Creates the scale workspace once (kam demo
--size scale, `since` set to the last quarter's first month) under --base, then for each of
--runs repetitions, on a fresh `cp -a` copy:

  cold      kam run: ingests every drop file, delivers the last period's instances
  nothing   the same command again (nothing new)
  late      one late file (HG01's sales_2026Q3.csv re-sent without its last line), then kam run
  ingest    kam ingest alone on a fresh copy (the ingest part of `cold`)

With --digest FILE, the workspace after the first repetition's cold run and after its late file
is summarised into FILE: the sha256 of every file under reports/, of every receipt and every
archived drop file, and an md5 of every store table's rows (sorted; report_cache's computedFrom,
which names the kam build, left out). Two builds' digests must be equal line for line:

    python3 scripts/bench-scale.py --kam /tmp/kam-before --digest /tmp/before.digest
    python3 scripts/bench-scale.py --digest /tmp/after.digest && diff /tmp/before.digest /tmp/after.digest

Each command runs under /usr/bin/time -v; the table gives the median (and range) of wall,
user, system seconds and peak RSS. Wall time is only meaningful on an otherwise idle machine
(see `load` in the output); user + system time is the work done.

    python3 scripts/bench-scale.py [--runs 3] [--base /tmp/kam-bench] [--kam .build/release/kam]
"""
import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sqlite3
import sys

AS_OF = "2026-11-22T08:00"


def timed(cmd):
    """Runs cmd under /usr/bin/time -v; returns (wall, user, sys, rss_mb)."""
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-2000:]}")
    def field(name):
        m = re.search(re.escape(name) + r": (.*)", r.stderr)
        return m.group(1).strip()
    wall = field("Elapsed (wall clock) time (h:mm:ss or m:ss)")
    parts = [float(p) for p in wall.split(":")]
    seconds = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    return (seconds, float(field("User time (seconds)")), float(field("System time (seconds)")),
            int(field("Maximum resident set size (kbytes)")) / 1024)


def fresh_copy(pristine, target):
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", pristine, target], check=True)


def digest(workspace, label):
    """Lines '<label> <what> <digest>' for everything a run leaves that must not change."""
    lines = []
    def files(root, keep):
        for folder, _, names in sorted(os.walk(root)):
            for name in sorted(names):
                path = os.path.join(folder, name)
                if keep(path):
                    with open(path, "rb") as f:
                        lines.append(f"{label} {os.path.relpath(path, workspace)} {hashlib.sha256(f.read()).hexdigest()}")
    files(os.path.join(workspace, "reports"), lambda p: True)
    files(os.path.join(workspace, "drop"), lambda p: "/receipts/" in p)
    files(os.path.join(workspace, "var/archive"), lambda p: not os.path.basename(p).startswith("."))
    db = sqlite3.connect(os.path.join(workspace, "var/kam.sqlite"))
    tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})") if not (table == "report_cache" and r[1] == "computedFrom")]
        rows = sorted(repr(r) for r in db.execute(f"SELECT {', '.join(columns)} FROM {table}"))
        lines.append(f"{label} table:{table} ({len(rows)} rows) {hashlib.md5(chr(10).join(rows).encode()).hexdigest()}")
    db.close()
    return lines


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--base", default="/tmp/kam-bench")
    ap.add_argument("--kam", default=".build/release/kam")
    ap.add_argument("--digest", help="write the first repetition's outputs' digest to this file")
    args = ap.parse_args()
    kam = os.path.abspath(args.kam)
    pristine = os.path.join(args.base, "scale0")
    work = os.path.join(args.base, "run")
    if not os.path.isdir(pristine):
        os.makedirs(args.base, exist_ok=True)
        print(f"creating the scale workspace in {pristine} (a few minutes)", flush=True)
        subprocess.run([kam, "demo", pristine, "--size", "scale"], check=True, stdout=subprocess.DEVNULL)
        cfg = os.path.join(pristine, "config/kam.yaml")
        text = re.sub(r"(?m)^since: .*$", "since: 2026-07", open(cfg, encoding="utf-8").read())
        open(cfg, "w", encoding="utf-8").write(text)
    config = os.path.join(work, "config/kam.yaml")
    run = [kam, "run", "--config", config, "--as-of", AS_OF]
    late_source = os.path.join(pristine, "drop/HG01/sales_2026Q3.csv")
    results = {"cold": [], "nothing": [], "late": [], "ingest": []}
    for i in range(args.runs):
        fresh_copy(pristine, work)
        results["cold"].append(timed(run))
        results["nothing"].append(timed(run))
        lines = open(late_source, "rb").read().rstrip(b"\r\n").split(b"\n")
        with open(os.path.join(work, "drop/HG01/sales_2026Q3.csv"), "wb") as f:
            f.write(b"\n".join(lines[:-1]) + b"\n")
        if i == 0 and args.digest:
            summary = digest(work, "cold")
        results["late"].append(timed(run))
        if i == 0 and args.digest:
            summary += digest(work, "late")
            with open(args.digest, "w") as f:
                f.write("\n".join(summary) + "\n")
        fresh_copy(pristine, work)
        results["ingest"].append(timed([kam, "ingest", "--config", config, "--as-of", AS_OF]))
        print(f"run {i + 1}/{args.runs} done", flush=True)
    print(f"\nkam: {kam}; {args.runs} runs; load average now: {open('/proc/loadavg').read().split()[:3]}")
    print("| run | wall s (median, range) | user s | sys s | peak RSS MB |")
    print("| --- | --- | --- | --- | --- |")
    for name, rows in results.items():
        cols = list(zip(*rows))
        def cell(values, fmt):
            return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"
        print(f"| {name} | {cell(cols[0], '{:.2f}')} | {cell(cols[1], '{:.2f}')} | {cell(cols[2], '{:.2f}')} | {cell(cols[3], '{:.0f}')} |")


if __name__ == "__main__":
    main()
