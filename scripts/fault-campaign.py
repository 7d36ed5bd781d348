#!/usr/bin/env python3
"""Fault campaign for kam (issue 8): inject faults into `kam run` on demo workspaces and check
that after each one kam said what was wrong, nothing was lost or counted twice, and the next
run completes with reports byte-identical to an uninterrupted run's.

Usage (as root, for the tmpfs and read-only mounts):
    swift build -c release && python3 scripts/fault-campaign.py [--kam .build/release/kam] [--quick]

Every workspace is `kam demo DIR --customers 20` (deterministic), run `--as-of 2026-11-22T08:00`.
Reference: one uninterrupted run: the sha256 of every file under reports/, and the store's
accepted submissions, sales rows and deliveries. The faults:

  kill@<point>:<n>    KAM_FAULT_KILL_AT (a test hook in kam, Sources/KamScheduler/FaultHook.swift)
                      SIGKILLs kam the n-th time it passes a named step
  kill@<t>s           SIGKILL from outside at a time offset spread over a measured run
  revision kill@...   the same during a run that makes revision 2 of workbooks (a corrected file)
  disk full ...       the workspace on a small tmpfs: full during ingest / during workbook writes
  read-only ...       var/ (the store) or reports/ mounted read-only
  drop file grows / vanishes while read   KAM_FAULT_DROP_CHANGE=append|remove
  config bad edit / good edit             between runs

Prints a Markdown table: fault, times injected, times survived with nothing lost.
"""
import argparse, hashlib, os, shutil, signal, sqlite3, subprocess, sys, tempfile, time

AS_OF = "2026-11-22T08:00"
# Made by main() once the arguments are read: `--help` or a bad argument leaves nothing in /tmp.
ROOT = ""
results = {}   # fault -> [injected, survived]
failures = []


def sh(*args, env=None, check=False):
    r = subprocess.run(list(args), capture_output=True, text=True, env=env)
    if check and r.returncode != 0:
        raise RuntimeError(f"{args}: {r.returncode} {r.stderr}")
    return r


def demo(name):
    d = os.path.join(ROOT, name)
    if os.path.exists(d):
        unmount_all(d)
        shutil.rmtree(d)
    sh(KAM, "demo", d, "--customers", str(CUSTOMERS), check=True)
    return d


def run(ws, env_extra=None, args=()):
    env = dict(os.environ)
    env.pop("KAM_FAULT_KILL_AT", None)
    env.pop("KAM_FAULT_DROP_CHANGE", None)
    env.pop("KAM_FAULT_UNREADABLE", None)
    env.update(env_extra or {})
    return sh(KAM, "run", "--config", f"{ws}/config/kam.yaml", "--as-of", AS_OF, "--wait", "5", *args, env=env)


def digests(folder):
    out = {}
    for base, _, files in os.walk(folder):
        for f in files:
            p = os.path.join(base, f)
            with open(p, "rb") as h:
                out[os.path.relpath(p, folder)] = hashlib.sha256(h.read()).hexdigest()
    return out


def store_state(ws):
    db = sqlite3.connect(f"file:{ws}/var/kam.sqlite?mode=ro", uri=True)
    subs = sorted(db.execute("select subsidiary, kind, period, fileName, sha256, status, rowCount, amountTotal "
                             "from submission where status = 'accepted'").fetchall())
    sales = db.execute("select count(*), coalesce(sum(sales), 0), coalesce(sum(lines), 0) from sales_month").fetchone()
    deliveries = sorted(db.execute("select job, owner, period, revision, sha256 from delivery").fetchall())
    # The same file (subsidiary, name, bytes) stored twice; the same bytes under another name are another file.
    dup = db.execute("select count(*) from (select subsidiary, fileName, sha256 from submission "
                     "where status = 'accepted' group by 1, 2, 3 having count(*) > 1)").fetchone()
    db.close()
    return {"subs": subs, "sales": sales, "deliveries": deliveries, "dup": dup[0]}


def drop_files(ws):
    return sorted(os.path.relpath(os.path.join(b, f), ws) for b, _, fs in os.walk(f"{ws}/drop") for f in fs
                  if "/receipts" not in b)


def verify(ws, ref, label, expect_same=True):
    """The next run completes; then reports, store and drop folder equal the reference."""
    problems = []
    r = run(ws)
    if r.returncode != 0:
        problems.append(f"next run exit {r.returncode}: {r.stderr.strip()[-300:]}")
    again = run(ws)
    if "delivered: 0 workbook(s)" not in again.stdout:
        problems.append("a third run still delivered: " + again.stdout[:200])
    tmp = [p for p in digests(f"{ws}/reports") if p.endswith(".tmp")]
    if tmp:
        problems.append(f"partial files left: {tmp}")
    if expect_same:
        got = digests(f"{ws}/reports")
        if got != ref["reports"]:
            diff = sorted(set(got.items()) ^ set(ref["reports"].items()))[:4]
            problems.append(f"reports differ: {diff}")
        st = store_state(ws)
        for k in ("subs", "sales", "deliveries"):
            if st[k] != ref["store"][k]:
                problems.append(f"store {k} differs")
        if drop_files(ws) != ref["drop"]:
            problems.append(f"drop folder differs: {sorted(set(drop_files(ws)) ^ set(ref['drop']))[:4]}")
    if store_state(ws)["dup"]:
        problems.append("the same bytes stored twice")
    return problems


def record(fault, problems, ws=None):
    row = results.setdefault(fault, [0, 0])
    row[0] += 1
    if not problems:
        row[1] += 1
    else:
        failures.append((fault, problems))
        print(f"  FAIL {fault}: {problems}", flush=True)
    if ws:
        unmount_all(ws)
        shutil.rmtree(ws, ignore_errors=True)


def unmount_all(ws):
    for m in reversed(open("/proc/mounts").read().split("\n")):
        parts = m.split(" ")
        if len(parts) > 1 and parts[1].startswith(ws):
            sh("umount", "-l", parts[1])


def clear_error(r, *words):
    text = (r.stderr + r.stdout).lower()
    return r.returncode != 0 and all(w.lower() in text for w in words)


# ---------------------------------------------------------------- the faults

def hook_kills(ref, points):
    for point, n in points:
        ws = demo("hook")
        r = run(ws, {"KAM_FAULT_KILL_AT": f"{point}:{n}"})
        killed = r.returncode == -signal.SIGKILL
        problems = [] if killed else [f"the hook did not fire (exit {r.returncode})"]
        record(f"SIGKILL at hook `{point}`", problems + verify(ws, ref, point), ws)


def timed_kills(ref, fractions):
    for f in fractions:
        ws = demo("timed")
        p = subprocess.Popen([KAM, "run", "--config", f"{ws}/config/kam.yaml", "--as-of", AS_OF],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(ref["duration"] * f)
        p.send_signal(signal.SIGKILL)
        p.wait()
        record("SIGKILL at a time offset (spread over the run)", verify(ws, ref, f"t={f}"), ws)


CORRECTION = "YY01/sales_2026-10_更正.csv"


def add_correction(ws):
    """A corrected October file for YY01, as its ERP writes it: makes revision 2 of workbooks."""
    folder = f"{ws}/drop/YY01"
    archived = [f for f in sorted(os.listdir(folder)) if f.startswith("sales_2026-10")]
    src = os.path.join(folder, archived[0]) if archived else None
    if src is None:  # already ingested: take the bytes back from the archive via the store
        db = sqlite3.connect(f"file:{ws}/var/kam.sqlite?mode=ro", uri=True)
        path = db.execute("select archivePath from submission where subsidiary='YY01' and period='2026-10' and kind='sales' "
                          "and status='accepted' order by id desc limit 1").fetchone()[0]
        db.close()
        src = f"{ws}/var/{path}"
    data = open(src, "rb").read()
    # Drop the last data line: a different file, still valid.
    lines = data.rstrip(b"\r\n").split(b"\n")
    open(f"{ws}/drop/{CORRECTION}", "wb").write(b"\n".join(lines[:-1]) + b"\n")


def revision_reference(grown=False):
    ws = demo("revref")
    run(ws)
    add_correction(ws)
    if grown:  # what KAM_FAULT_DROP_CHANGE=append leaves: the same file with one more line end
        with open(f"{ws}/drop/{CORRECTION}", "ab") as h:
            h.write(b"\n")
    r = run(ws)
    assert r.returncode == 0 and "(revision 2)" in r.stdout, r.stdout + r.stderr
    ref = {"reports": digests(f"{ws}/reports"), "store": store_state(ws), "drop": drop_files(ws)}
    shutil.rmtree(ws)
    return ref


def revision_kills(ref, points):
    for point, n in points:
        ws = demo("rev")
        run(ws)
        add_correction(ws)
        r = run(ws, {"KAM_FAULT_KILL_AT": f"{point}:{n}"})
        problems = [] if r.returncode == -signal.SIGKILL else [f"the hook did not fire (exit {r.returncode})"]
        record(f"SIGKILL at hook `{point}` while making revision 2", problems + verify(ws, ref, point), ws)


def tmpfs_workspace(name, size_kb):
    """A demo workspace copied onto a tmpfs of size_kb KiB."""
    src = demo(name + "-src")
    ws = os.path.join(ROOT, name)
    os.makedirs(ws, exist_ok=True)
    unmount_all(ws)
    sh("mount", "-t", "tmpfs", "-o", f"size={size_kb}k,mode=0755", "tmpfs", ws, check=True)
    sh("cp", "-a", f"{src}/.", ws, check=True)
    shutil.rmtree(src)
    return ws


def disk_full(ref, phase):
    drop_kb = int(sh("du", "-sk", ref["demo_dir"] + "/drop").stdout.split()[0])
    other_kb = int(sh("du", "-sk", ref["demo_dir"] + "/config").stdout.split()[0])
    if phase == "ingest":
        size = drop_kb + other_kb + drop_kb // 3           # room for the drop files, not their archive
    else:
        size = drop_kb + other_kb + ref["var_kb"] + ref["reports_kb"] // 3   # ingest fits, workbooks do not
    ws = tmpfs_workspace("full", size)
    r = run(ws)
    problems = []
    if r.returncode == 0:
        problems.append(f"exit 0 on a full disk ({size} KiB)")
    elif not any(w in (r.stderr + r.stdout).lower() for w in ("no space left", "disk is full")):
        problems.append("error does not say the disk is full: " + (r.stderr + r.stdout).strip()[-300:])
    sh("mount", "-o", "remount,size=2g", ws, check=True)   # space freed
    record(f"disk full during {phase}", problems + verify(ws, ref, "full"), ws)
    return r


def read_only(ref, which):
    ws = demo("ro")
    if which == "store":
        # After a complete run: the store cannot be written; the next run must say so and change nothing.
        run(ws)
    os.makedirs(f"{ws}/{'var' if which == 'store' else 'reports'}", exist_ok=True)
    target = f"{ws}/{'var' if which == 'store' else 'reports'}"
    before_drop, before_reports = drop_files(ws), digests(f"{ws}/reports")
    sh("mount", "--bind", target, target, check=True)
    sh("mount", "-o", "remount,ro,bind", target, check=True)
    r = run(ws)
    problems = []
    if not clear_error(r, "read-only"):
        problems.append(f"no clear read-only error (exit {r.returncode}): {(r.stderr + r.stdout).strip()[-300:]}")
    if which == "store" and (drop_files(ws) != before_drop or digests(f"{ws}/reports") != before_reports):
        problems.append("something changed although the store could not be written")
    unmount_all(target)
    record(f"read-only {'store (var/)' if which == 'store' else 'reports/'}", problems + verify(ws, ref, which), ws)
    return r


def drop_change(ref, change):
    """A corrected file grows (or vanishes) while kam reads it."""
    ws = demo("chg")
    run(ws)
    add_correction(ws)
    r = run(ws, {"KAM_FAULT_DROP_CHANGE": change})
    problems = []
    if r.returncode != 0:
        problems.append(f"exit {r.returncode}: {r.stderr[-300:]}")
    if "changed while being read" not in r.stderr:
        problems.append("no log line for the changed file")
    if change == "append":
        # It was left in place and is read whole by the next run: the reports then equal a run
        # that read the grown file (one extra empty line, same rows) — revision 2 as the reference.
        if not os.path.exists(f"{ws}/drop/{CORRECTION}"):
            problems.append("the grown file was removed")
        record("drop file grows while read", problems + verify(ws, ref["grown"], change), ws)
    else:
        # Vanished: nothing was stored from it, nothing changed.
        st = store_state(ws)
        if any(s[3] == os.path.basename(CORRECTION) for s in st["subs"]):
            problems.append("a vanished file was stored")
        record("drop file vanishes while read", problems + verify(ws, ref, change), ws)
    return r


def config_edit(ref, good):
    ws = demo("cfg")
    path = f"{ws}/config/kam.yaml"
    text = open(path, encoding="utf-8").read()
    problems = []
    if good:
        open(path, "w", encoding="utf-8").write("# edited by the fault campaign: a comment only\n" + text)
        record("config good edit between runs", verify(ws, ref, "good"), ws)
        return
    open(path, "w", encoding="utf-8").write(text + "\nrun_att: \"07:00\"\n")
    r = run(ws)
    if r.returncode != 2 or "run_att" not in r.stderr:
        problems.append(f"bad config: exit {r.returncode}, stderr {r.stderr.strip()[-200:]}")
    if os.path.exists(f"{ws}/reports") and digests(f"{ws}/reports"):
        problems.append("a bad config still wrote reports")
    open(path, "w", encoding="utf-8").write(text)
    record("config bad edit between runs (then fixed)", problems + verify(ws, ref, "bad"), ws)


# ------------------------------------------------ operator errors (issue 13, SPEC §8 safety)

def store_lost(ref, how):
    """After a complete run the store is emptied, deleted, or paths.data points elsewhere: every
    command that would deliver refuses (exit 5) naming both folders, nothing under reports/ or
    drop/ changes; restoring the store from the backup made before lets the next run go on."""
    ws = demo("lost")
    run(ws)
    backup = f"{ws}/backup"
    sh(KAM, "backup", backup, "--config", f"{ws}/config/kam.yaml", check=True)
    add_correction(ws)
    before_reports, before_drop = digests(f"{ws}/reports"), drop_files(ws)
    store = f"{ws}/var/kam.sqlite"
    config = f"{ws}/config/kam.yaml"
    original = open(config, encoding="utf-8").read()
    if how == "empty":
        for suffix in ("-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
        open(store, "w").close()
    elif how == "deleted":
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(store + suffix):
                os.remove(store + suffix)
    else:
        # The config's paths.data pointing at a folder that is not the store's (a volume not mounted).
        if "data: ../var" in original:
            open(config, "w", encoding="utf-8").write(original.replace("data: ../var", "data: ../var-not-mounted", 1))
        else:
            open(config, "w", encoding="utf-8").write(original + "\npaths: {data: ../var-not-mounted}\n")
    problems = []
    r = run(ws)
    if r.returncode != 5 or "refuses to run" not in r.stderr or "reports" not in r.stderr:
        problems.append(f"no clear refusal (exit {r.returncode}): {(r.stderr + r.stdout).strip()[-300:]}")
    if digests(f"{ws}/reports") != before_reports or drop_files(ws) != before_drop:
        problems.append("reports/ or drop/ changed although the store did not know them")
    st = sh(KAM, "status", "--config", config, "--as-of", AS_OF)
    if st.returncode == 0 or "refuses to run" not in (st.stdout + st.stderr):
        problems.append(f"kam status does not say why (exit {st.returncode})")
    # The way back the message gives: restore the store (or fix paths.data).
    open(config, "w", encoding="utf-8").write(original)
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(store + suffix):
            os.remove(store + suffix)
    shutil.copy(f"{backup}/kam.sqlite", store)
    os.chmod(store, 0o600)
    shutil.rmtree(backup)
    record(f"store {how} after delivery (refused, then restored from backup)", problems + verify(ws, ref["revision"], how), ws)
    return r


def reports_touched(ref, how):
    """A delivered workbook deleted (put back, same bytes) or edited (reported, left alone)."""
    ws = demo("touched")
    run(ws)
    target = "2026Q3/subsidiary/HG01_2026Q3_客户销售报表.xlsx"
    path = f"{ws}/reports/{target}"
    problems = []
    if how == "deleted":
        os.remove(path)
        r = run(ws)
        if r.returncode != 0 or "restored" not in r.stdout:
            problems.append(f"not put back (exit {r.returncode}): {r.stdout[-200:]}")
        record("delivered workbook deleted (put back, same bytes)", problems + verify(ws, ref, how), ws)
    else:
        with open(path, "ab") as h:
            h.write(b"edited by hand")
        edited = digests(f"{ws}/reports")[target]
        st = sh(KAM, "status", "--config", f"{ws}/config/kam.yaml", "--as-of", AS_OF)
        if "edited by hand (left alone): 1" not in st.stdout:
            problems.append("kam status does not report the edited workbook")
        r = run(ws)
        if r.returncode != 0 or digests(f"{ws}/reports")[target] != edited:
            problems.append("the edited workbook was not left alone")
        record("delivered workbook edited by hand (reported, left alone)", problems, ws)
    return r


def unreadable_entry(ref):
    """One drop file kam may not read: the run goes on with every other file and workbook,
    names the file, and the next run takes it."""
    ws = demo("unreadable")
    victim = sorted(f for f in drop_files(ws) if f.startswith("drop/HG01/sales_"))[-1]
    r = run(ws, {"KAM_FAULT_UNREADABLE": os.path.basename(victim)})
    problems = []
    if r.returncode != 0 or "could not handle" not in r.stdout or os.path.basename(victim) not in r.stdout:
        problems.append(f"exit {r.returncode}, the file not named: {r.stdout[-300:]}")
    if not os.path.exists(f"{ws}/{victim}"):
        problems.append("the unreadable file was removed")
    st = sh(KAM, "status", "--config", f"{ws}/config/kam.yaml", "--as-of", AS_OF)
    if os.path.basename(victim) not in st.stdout:
        problems.append("kam status does not name the file")
    # The next run reads it: the workbooks it feeds become revision 2, as a late file would.
    r2 = run(ws)
    if r2.returncode != 0 or os.path.exists(f"{ws}/{victim}"):
        problems.append(f"the next run did not take the file (exit {r2.returncode})")
    record("one unreadable drop file (the rest delivered, retried next run)", problems, ws)
    return r


def drop_volume_full(ref):
    """The drop folders' file system is full: receipts cannot be written. Each file is its own
    problem, every due workbook is still delivered, and once space is freed the next run
    writes the receipts and ends equal to the reference."""
    src = demo("dropfull-src")
    ws = os.path.join(ROOT, "dropfull")
    shutil.copytree(src, ws)
    shutil.rmtree(src)
    drop_kb = int(sh("du", "-sk", f"{ws}/drop").stdout.split()[0])
    tmp = f"{ws}/drop-copy"
    shutil.move(f"{ws}/drop", tmp)
    os.makedirs(f"{ws}/drop")
    sh("mount", "-t", "tmpfs", "-o", f"size={drop_kb + 256}k,mode=0755", "tmpfs", f"{ws}/drop", check=True)
    sh("cp", "-a", f"{tmp}/.", f"{ws}/drop", check=True)
    shutil.rmtree(tmp)
    sh("dd", "if=/dev/zero", f"of={ws}/drop/.filler", "bs=64k")   # stops at "No space left on device"
    r = run(ws)
    problems = []
    if r.returncode != 0:
        problems.append(f"exit {r.returncode} on a full drop volume: {(r.stderr + r.stdout).strip()[-300:]}")
    if "could not handle" not in r.stdout or "No space left" not in r.stdout:
        problems.append("the files that could not be answered are not named with the reason")
    sh("mount", "-o", "remount,size=2g", f"{ws}/drop", check=True)
    os.remove(f"{ws}/drop/.filler")
    record("drop volume full (receipts cannot be written)", problems + verify(ws, ref, "dropfull"), ws)
    return r


def main():
    global KAM, CUSTOMERS, ROOT
    ap = argparse.ArgumentParser()
    ap.add_argument("--kam", default=".build/release/kam")
    ap.add_argument("--customers", type=int, default=20)
    ap.add_argument("--quick", action="store_true", help="one of each fault")
    ap.add_argument("--only", default="hooks,revision,timed,disk,readonly,drop,config,operator",
                    help="comma-separated groups to run (default all)")
    a = ap.parse_args()
    KAM, CUSTOMERS = os.path.abspath(a.kam), a.customers
    ROOT = tempfile.mkdtemp(prefix="kam-faults-")
    started = time.time()

    only = set(a.only.split(","))
    ws = demo("ref")
    t0 = time.time()
    r = run(ws)
    duration = time.time() - t0
    assert r.returncode == 0, r.stderr
    ref = {"reports": digests(f"{ws}/reports"), "store": store_state(ws), "drop": drop_files(ws), "duration": duration,
           "demo_dir": ws, "var_kb": int(sh("du", "-sk", f"{ws}/var").stdout.split()[0]),
           "reports_kb": int(sh("du", "-sk", f"{ws}/reports").stdout.split()[0])}
    ref["revision"] = revision_reference()
    if "drop" in only:
        ref["grown"] = revision_reference(grown=True)
    print(f"reference: {len(ref['reports'])} files under reports/, run {duration:.1f} s", flush=True)

    workbooks = sum(1 for p in ref["reports"] if p.endswith(".xlsx"))
    files = len(ref["store"]["subs"])
    q, only = a.quick, set(a.only.split(","))
    if "hooks" in only: hook_kills(ref, [("ingest.after-archive", n) for n in ([1] if q else [1, files // 2])]
               + [("ingest.after-commit", n) for n in ([2] if q else [1, files])]
               + [("ingest.after-receipt", n) for n in ([3] if q else [files // 3])]
               + [("publish.after-temp", n) for n in ([1] if q else [1, workbooks // 2])]
               + [("publish.after-rename", n) for n in ([5] if q else [workbooks // 3, workbooks])]
               + [("ledger.after-record", n) for n in ([7] if q else [1, workbooks // 2])]
               + [("manifest.after-write", n) for n in ([9] if q else [workbooks // 4, workbooks])])
    if "revision" in only: revision_kills(ref["revision"], [(p, n) for p in ["ingest.after-commit", "publish.after-temp", "publish.after-move-aside",
                                                     "publish.after-rename", "ledger.after-record"]
                                     for n in [1]])
    if "timed" in only: timed_kills(ref, [0.1, 0.5] if q else [0.1, 0.3, 0.5, 0.7, 0.9])
    last = {}
    if "disk" in only:
        last["disk full during ingest"] = disk_full(ref, "ingest")
        last["disk full during workbook writes"] = disk_full(ref, "workbooks")
    if "readonly" in only:
        last["read-only store"] = read_only(ref, "store")
        last["read-only reports"] = read_only(ref, "reports")
    if "drop" in only:
        last["drop file grows"] = drop_change(ref, "append")
        drop_change(ref, "remove")
    if "config" in only:
        config_edit(ref, good=False)
        config_edit(ref, good=True)
    if "operator" in only:
        for how in ("empty", "deleted", "elsewhere"):
            last[f"store {how}"] = store_lost(ref, how)
        reports_touched(ref, "deleted")
        reports_touched(ref, "edited")
        last["unreadable drop file"] = unreadable_entry(ref)
        last["drop volume full"] = drop_volume_full(ref)
    shutil.rmtree(ws)

    print()
    print("| fault | injected | survived, nothing lost |")
    print("| --- | ---: | ---: |")
    for fault, (n, ok) in results.items():
        print(f"| {fault} | {n} | {ok} |")
    total = sum(v[0] for v in results.values())
    print(f"\n{total} faults injected, {sum(v[1] for v in results.values())} survived, "
          f"in {time.time() - started:.0f} s ({len(ref['reports'])} report files, run {duration:.1f} s)")
    print("\nWhat kam said (first lines of stderr):")
    for k, r in last.items():
        print(f"- {k}: exit {r.returncode}: {(r.stderr.strip().splitlines() or [''])[-1][:240]}")
    for fault, problems in failures:
        print(f"FAILED {fault}: {problems}")
    shutil.rmtree(ROOT, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
