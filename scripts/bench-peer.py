#!/usr/bin/env python3
"""Issue 15's ratio benchmark: kam against a pandas + XlsxWriter peer on the acceptance-style workspace.

The peer is what an analyst would write to produce the same workbooks without kam: read every drop
file with pandas (sniffing encoding and separator, cleaning amounts and dates), aggregate sales by
customer and month, and write, for every workbook kam delivers in the run, its main sheets with
`DataFrame.to_excel(engine="xlsxwriter")` plus money/percent formats, a frozen header and an
autofilter: 客户排名/潜力客户/等级变动 (客户销售报表), 资信评估/超限预警 (客户资信报表), 建议额度
(资信额度申请表), 拜访达标/拜访人统计/拜访目的分布 (客户拜访记录及分析), 新增档案/删除档案/档案完整度/
无档案客户 (客户档案维护情况), 分公司汇总/重点客户排名/等级迁移 (汇总分析表), 档案与拜访/跨公司客户
(客户档案及拜访分析), 大客户评价 (大客户年度评价). It follows SPEC §4's rules the way a spreadsheet
user would (floats for money, one grade rule, no revisions, no receipts, no store, no lineage): it
does less than kam, so the ratio flatters the peer. Which workbooks to write is taken from kam's
first run (reports/<P>/<tier>/<owner>_<P>_<workbook>.xlsx), so both produce the same set.

Not part of CI. Needs pandas and XlsxWriter for /usr/bin/python3:

    /usr/bin/python3 -m pip install --break-system-packages pandas XlsxWriter
    swift build -c release --product kam
    /usr/bin/python3 scripts/bench-peer.py [--runs 3] [--base /tmp/kam-peer] [--kam .build/release/kam]

The workspace is `kam demo DIR --size acceptance` (4 subsidiaries of two lines, 3,000 customers,
≈ 18,500 sales lines per subsidiary and month, 27 months) with `since` 12 months before the as-of
month. Each repetition runs `kam run` cold on a fresh copy, then the peer on another fresh copy,
each under /usr/bin/time -v; the table gives medians (and ranges) and the ratio of the medians.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

AS_OF = "2026-11-22T08:00"
SINCE = "2025-11"

# ---------------------------------------------------------------------------------------------
# The driver


def timed(cmd):
    r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.exit(f"failed ({r.returncode}): {' '.join(cmd)}\n{r.stderr[-3000:]}")
    def field(name):
        return re.search(re.escape(name) + r": (.*)", r.stderr).group(1).strip()
    parts = [float(p) for p in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":")]
    wall = parts[-1] + 60 * parts[-2] + (3600 * parts[-3] if len(parts) > 2 else 0)
    return (wall, float(field("User time (seconds)")) + float(field("System time (seconds)")),
            int(field("Maximum resident set size (kbytes)")) / 1024)


def fresh_copy(pristine, target):
    shutil.rmtree(target, ignore_errors=True)
    subprocess.run(["cp", "-a", pristine, target], check=True)


def plan_from(reports):
    """(period, tier, owner, workbook) of every current workbook kam wrote."""
    plan = []
    for period in sorted(os.listdir(reports)):
        folder = os.path.join(reports, period)
        if not os.path.isdir(folder):
            continue
        for tier in sorted(os.listdir(folder)):
            tier_folder = os.path.join(folder, tier)
            if not os.path.isdir(tier_folder):
                continue
            for name in sorted(os.listdir(tier_folder)):
                m = re.fullmatch(r"(.+?)_" + re.escape(period) + r"_(.+)\.xlsx", name)
                if m:
                    plan.append((period, tier, m.group(1), m.group(2)))
    return plan


def drive():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--base", default="/tmp/kam-peer")
    ap.add_argument("--kam", default=".build/release/kam")
    args = ap.parse_args()
    kam = os.path.abspath(args.kam)
    pristine = os.path.join(args.base, "acceptance0")
    if not os.path.isdir(pristine):
        os.makedirs(args.base, exist_ok=True)
        print(f"creating the acceptance workspace in {pristine}", flush=True)
        subprocess.run([kam, "demo", pristine, "--size", "acceptance"], check=True, stdout=subprocess.DEVNULL)
        cfg = os.path.join(pristine, "config/kam.yaml")
        text = re.sub(r"(?m)^since: .*$", f"since: {SINCE}", open(cfg, encoding="utf-8").read())
        open(cfg, "w", encoding="utf-8").write(text)
    lines = sum(sum(1 for _ in open(os.path.join(d, f), "rb")) - 1
                for d, _, fs in os.walk(os.path.join(pristine, "drop")) for f in fs if f.startswith("sales_"))
    work = os.path.join(args.base, "run")
    plan_file = os.path.join(args.base, "plan.txt")
    kam_times, peer_times = [], []
    for i in range(args.runs):
        fresh_copy(pristine, work)
        kam_times.append(timed([kam, "run", "--config", os.path.join(work, "config/kam.yaml"), "--as-of", AS_OF]))
        plan = plan_from(os.path.join(work, "reports"))
        with open(plan_file, "w", encoding="utf-8") as f:
            f.write("".join("\t".join(p) + "\n" for p in plan))
        fresh_copy(pristine, work)
        out = os.path.join(args.base, "peer-out")
        shutil.rmtree(out, ignore_errors=True)
        peer_times.append(timed(["/usr/bin/python3", os.path.abspath(__file__), "--peer", work, "--plan", plan_file, "--out", out]))
        written = sum(len(fs) for _, _, fs in os.walk(out))
        print(f"run {i + 1}/{args.runs}: kam {kam_times[-1][0]:.2f} s, peer {peer_times[-1][0]:.2f} s "
              f"({len(plan)} workbooks planned, peer wrote {written})", flush=True)
    print(f"\nkam: {kam}; {args.runs} runs; {lines:,} sales lines; load average now: {open('/proc/loadavg').read().split()[:3]}")
    print("| pipeline | wall s (median, range) | CPU s (user + sys) | peak RSS MB |")
    print("| --- | --- | --- | --- |")
    for name, rows in (("kam run (cold)", kam_times), ("pandas + XlsxWriter peer", peer_times)):
        cols = list(zip(*rows))
        def cell(values, fmt):
            return f"{fmt.format(statistics.median(values))} ({fmt.format(min(values))}–{fmt.format(max(values))})"
        print(f"| {name} | {cell(cols[0], '{:.2f}')} | {cell(cols[1], '{:.2f}')} | {cell(cols[2], '{:.0f}')} |")
    print(f"\nkam is {statistics.median(c[0] for c in peer_times) / statistics.median(c[0] for c in kam_times):.1f}× "
          "faster than the peer (wall, medians)")


# ---------------------------------------------------------------------------------------------
# The peer: what an analyst would write


def peer(workspace, plan_file, out):
    import numpy as np
    import pandas as pd
    import yaml

    config = yaml.safe_load(open(os.path.join(workspace, "config/kam.yaml"), encoding="utf-8"))
    drop = os.path.normpath(os.path.join(workspace, "config", config["paths"]["drop"]))
    lines = {l["code"]: l for l in config["business_lines"]}
    subs = {s["code"]: s for s in config["subsidiaries"]}
    aliases = {"日期": "date", "客户编码": "customer_id", "客户名称": "customer_name", "产品": "product", "数量": "quantity",
               "金额": "amount", "成本": "cost", "应收余额": "receivable", "逾期金额": "overdue", "本期回款": "collected",
               "付款方式": "payment_terms", "统一社会信用代码": "credit_code", "行业": "industry", "区域": "region",
               "法定代表人": "legal_rep", "联系人": "contact", "联系电话": "phone", "地址": "address",
               "客户经理": "account_manager", "拜访人": "visitor", "职务": "role", "拜访目的": "purpose", "备注": "notes",
               "核定额度": "approved_limit", "审批人": "approved_by"}
    money_columns = ["amount", "cost", "receivable", "overdue", "collected", "approved_limit"]

    def read(path, sub):
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            encoding = "utf-8-sig"
        else:
            try:
                raw.decode("utf-8")
                encoding = "utf-8"
            except UnicodeDecodeError:
                encoding = "gb18030"
        first = raw.split(b"\n", 1)[0]
        sep = max([",", ";", "\t"], key=lambda c: first.count(c.encode()))
        df = pd.read_csv(path, encoding=encoding, sep=sep, dtype=str, keep_default_na=False)
        mapping = {v: k for k, v in (subs[sub].get("columns") or {}).items()}
        df = df.rename(columns=lambda c: mapping.get(c.strip(), aliases.get(c.strip(), c.strip())))
        for c in money_columns:
            if c in df:
                s = df[c].str.replace(r"[¥￥,\s]", "", regex=True)
                negative = s.str.startswith("(")
                s = pd.to_numeric(s.str.strip("()"), errors="coerce").fillna(0)
                df[c] = np.where(negative, -s, s)
        if "date" in df:
            parts = df["date"].str.extract(r"^(\d{4})\D?(\d{1,2})\D?(\d{1,2})")
            df["month"] = parts[0].astype(int) * 12 + parts[1].astype(int) - 1
        return df

    def files(sub, kind):
        folder = os.path.join(drop, sub)
        return sorted(f for f in os.listdir(folder) if f.startswith(kind + "_") and f.endswith(".csv"))

    def month_index(text):
        return int(text[:4]) * 12 + int(text[5:7]) - 1

    def period_months(p):
        if "Q" in p:
            first = int(p[:4]) * 12 + (int(p[5]) - 1) * 3
            return list(range(first, first + 3))
        if len(p) == 4:
            return list(range(int(p) * 12, int(p) * 12 + 12))
        return [month_index(p)]

    def previous_period(p):
        if "Q" in p:
            y, q = int(p[:4]), int(p[5])
            return f"{y - 1}Q4" if q == 1 else f"{y}Q{q - 1}"
        m = month_index(p) - 1
        return f"{m // 12}-{m % 12 + 1:02d}"

    def year_before(p):
        return str(int(p[:4]) - 1) + p[4:]

    # Load everything once, as a notebook would.
    sales, names, has_cost, snapshots = {}, {}, {}, {}
    for sub in subs:
        frames = [read(os.path.join(drop, sub, f), sub) for f in files(sub, "sales")]
        df = pd.concat(frames, ignore_index=True)
        has_cost[sub] = "cost" in df
        if "cost" not in df:
            df["cost"] = 0.0
        df["nonzero"] = df["amount"] != 0
        sales[sub] = df.groupby(["customer_id", "month"]).agg(sales=("amount", "sum"), cost=("cost", "sum"),
                                                              nonzero=("nonzero", "sum")).reset_index()
        names[sub] = df.groupby("customer_id")["customer_name"].last()
        for kind in ("receivables", "customers", "visits", "approvals"):
            for f in files(sub, kind):
                snapshots[(sub, kind, f[len(kind) + 1:-4])] = read(os.path.join(drop, sub, f), sub)

    def snapshot(sub, kind, q):
        return snapshots.get((sub, kind, q))

    def grades(ttm):
        graded = ttm[ttm > 0]
        if graded.empty:
            return pd.Series("", index=ttm.index)
        by_value = graded.groupby(graded).sum().sort_index(ascending=False)
        before = graded.map((by_value.cumsum() - by_value) / graded.sum())
        g = pd.Series(np.where(before < 0.70, "A", np.where(before < 0.90, "B", "C")), index=graded.index)
        return g.reindex(ttm.index, fill_value="")

    cache = {}

    def sales_frame(sub, p):
        if (sub, p) in cache:
            return cache[(sub, p)]
        months = period_months(p)
        last = months[-1]
        agg = sales[sub]
        window = agg[(agg.month > last - 24) & (agg.month <= last)]
        wide = window.pivot_table(index="customer_id", columns="month", values="sales", aggfunc="sum", fill_value=0)
        wide_cost = window.pivot_table(index="customer_id", columns="month", values="cost", aggfunc="sum", fill_value=0)
        active = window.groupby("customer_id")["nonzero"].sum() > 0
        wide = wide[active.reindex(wide.index, fill_value=False)]
        def total(ms, frame=wide):
            cols = [m for m in ms if m in frame.columns]
            return frame[cols].sum(axis=1) if cols else pd.Series(0.0, index=frame.index)
        prev_months = period_months(previous_period(p))
        df = pd.DataFrame(index=wide.index)
        df["客户名称"] = names[sub].reindex(df.index)
        df["本期销售额"] = total(months)
        df["上期销售额"] = total(prev_months)
        df["环比"] = np.where(df["上期销售额"] > 0, df["本期销售额"] / df["上期销售额"].where(df["上期销售额"] > 0) - 1, np.nan)
        df["去年同期销售额"] = total(period_months(year_before(p)))
        df["同比"] = np.where(df["去年同期销售额"] > 0, df["本期销售额"] / df["去年同期销售额"].where(df["去年同期销售额"] > 0) - 1, np.nan)
        profit = df["本期销售额"] - total(months, wide_cost.reindex(wide.index))
        df["本期毛利"] = profit if has_cost[sub] else np.nan
        df["毛利率"] = np.where(has_cost[sub] & (df["本期销售额"] > 0), profit / df["本期销售额"].where(df["本期销售额"] > 0), np.nan)
        ttm = total(range(last - 11, last + 1))
        df["近12月销售额"] = ttm
        df["等级"] = grades(ttm)
        df["上期等级"] = grades(total(range(prev_months[-1] - 11, prev_months[-1] + 1)))
        df["等级变动"] = np.select(
            [(df["上期等级"] == "") & (df["等级"] != ""), (df["上期等级"] != "") & (df["等级"] == ""),
             df["等级"] < df["上期等级"], df["等级"] > df["上期等级"]],
            ["新增", "流失", "升级", "降级"], default="不变")
        df.loc[(df["上期等级"] == "") & (df["等级"] == ""), "等级变动"] = ""
        ttm_profit = ttm - total(range(last - 11, last + 1), wide_cost.reindex(wide.index))
        share = ttm_profit / ttm_profit.sum() if has_cost[sub] and ttm_profit.sum() > 0 else pd.Series(0.0, index=df.index)
        df["大客户"] = np.where((ttm >= 1_000_000) | (share >= 0.10), "是", "")
        df["大客户级别"] = np.where(ttm >= 200_000_000, "集团级", np.where(ttm >= 100_000_000, "公司级", ""))
        df["排名"] = df["本期销售额"].where(df["本期销售额"] > 0).rank(method="min", ascending=False)
        df = df.reset_index().rename(columns={"customer_id": "客户编码"})
        df = df.sort_values(["排名", "客户编码"], na_position="last")
        df = df[["排名", "客户编码", "客户名称", "本期销售额", "上期销售额", "环比", "去年同期销售额", "同比", "本期毛利",
                 "毛利率", "近12月销售额", "等级", "上期等级", "等级变动", "大客户", "大客户级别"]]
        cache[(sub, p)] = df
        return df

    def quarter_of(p):
        m = period_months(p)[-1]
        return f"{m // 12}Q{m % 12 // 3 + 1}"

    def credit_frame(sub, q):
        recv = snapshot(sub, "receivables", q)
        if recv is None:
            return pd.DataFrame()
        opening = snapshot(sub, "receivables", previous_period(q))
        df = recv.set_index("customer_id")[["receivable", "overdue", "collected", "payment_terms"]].copy()
        df["期初应收"] = opening.set_index("customer_id")["receivable"].reindex(df.index).fillna(0) if opening is not None else 0.0
        s = sales_frame(sub, q).set_index("客户编码")
        df["本期销售额"] = s["本期销售额"].reindex(df.index).fillna(0)
        divisor = df["期初应收"] + df["本期销售额"]
        df["回款率"] = np.where(divisor > 0, df["collected"] / divisor.where(divisor > 0), np.nan)
        df["逾期率"] = np.where(df["receivable"] > 0, df["overdue"] / df["receivable"].where(df["receivable"] > 0), 0.0)
        bad = (df["逾期率"] > 0.20) | (df["回款率"] < 0.60)
        good = (df["逾期率"] <= 0.05) & ((df["回款率"] >= 0.90) | df["回款率"].isna())
        df["评估等级"] = np.where(bad, 3, np.where(good, 1, 2))
        df["核定等级"] = df["评估等级"]
        approvals = snapshot(sub, "approvals", q)
        proposed = proposal_frame(sub, q)["建议额度"]
        approved = approvals.set_index("customer_id")["approved_limit"] if approvals is not None else pd.Series(dtype=float)
        df["执行额度"] = approved.reindex(df.index).fillna(proposed.reindex(df.index)).fillna(0)
        df["额度来源"] = np.where(df.index.isin(approved.index), "核定", "未批复")
        df["额度使用率"] = np.where(df["执行额度"] > 0, df["receivable"] / df["执行额度"].where(df["执行额度"] > 0), np.nan)
        df["状态"] = np.select([(df["执行额度"] <= 0) & (df["receivable"] > 0), df["receivable"] > df["执行额度"],
                              df["额度使用率"] >= 0.90], ["无额度", "超限", "预警"], default="正常")
        df["客户名称"] = names[sub].reindex(df.index)
        df = df.reset_index().rename(columns={"customer_id": "客户编码", "collected": "本期回款", "receivable": "应收余额",
                                              "overdue": "逾期金额"})
        return df[["客户编码", "客户名称", "期初应收", "本期销售额", "本期回款", "回款率", "应收余额", "逾期金额", "逾期率",
                   "评估等级", "核定等级", "执行额度", "额度来源", "额度使用率", "状态"]]

    def proposal_frame(sub, q):
        first = period_months(q)[0]
        basis = first - 2 if lines[subs[sub]["line"]]["cadence"] == "monthly" else first - 1
        agg = sales[sub]
        ttm = agg[(agg.month > basis - 12) & (agg.month <= basis)].groupby("customer_id")["sales"].sum()
        recv = snapshot(sub, "receivables", previous_period(previous_period(q)))
        terms = recv.set_index("customer_id")["payment_terms"] if recv is not None else pd.Series(dtype=str)
        factor = terms.map({"现款": 1.2, "月结30": 1.0, "月结60": 0.8, "月结90": 0.6, "承兑汇票": 0.9}).reindex(ttm.index).fillna(1.0)
        limit = np.ceil((ttm / 12 * 1.0 * factor).clip(lower=0) / 10_000) * 10_000
        return pd.DataFrame({"客户编码": ttm.index, "客户名称": names[sub].reindex(ttm.index).values,
                             "近12月销售额": ttm.values, "付款方式": terms.reindex(ttm.index).fillna("").values,
                             "建议额度": limit.values}).set_index("客户编码", drop=False)

    def visit_frames(sub, q):
        visits = snapshot(sub, "visits", q)
        s = sales_frame(sub, q).set_index("客户编码")
        required = s["等级"].map({"A": 3, "B": 2, "C": 1}).dropna()
        actual = visits.groupby("customer_id").size() if visits is not None else pd.Series(dtype=int)
        compliance = pd.DataFrame({"客户名称": s["客户名称"].reindex(required.index), "等级": s["等级"].reindex(required.index),
                                   "应拜访": required, "实际拜访": actual.reindex(required.index).fillna(0).astype(int)})
        compliance["达标"] = np.where(compliance["实际拜访"] >= compliance["应拜访"], "达标", "未达标")
        sheets = {"拜访达标": compliance.reset_index().rename(columns={"index": "客户编码"})}
        if visits is not None:
            sheets["拜访人统计"] = visits.groupby("visitor").agg(拜访次数=("customer_id", "size"),
                                                               覆盖客户数=("customer_id", "nunique")).reset_index()
            sheets["拜访目的分布"] = visits["purpose"].replace("", "未填写").value_counts().rename_axis("拜访目的").reset_index(name="次数")
        return sheets

    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"

    def valid_code(code):
        if len(code) != 18 or any(c not in alphabet for c in code):
            return False
        total = sum(alphabet.index(c) * w for c, w in zip(code[:17], weights))
        return alphabet[(31 - total % 31) % 31] == code[17]

    required_fields = ["customer_name", "credit_code", "industry", "region", "contact", "phone", "account_manager"]

    def file_frames(sub, q):
        now = snapshot(sub, "customers", q)
        before = snapshot(sub, "customers", previous_period(q))
        if now is None:
            return {}
        now_i = now.set_index("customer_id")
        before_i = before.set_index("customer_id") if before is not None else now_i.iloc[0:0]
        sheets = {"新增档案": now_i[~now_i.index.isin(before_i.index)].reset_index(),
                  "删除档案": before_i[~before_i.index.isin(now_i.index)].reset_index()}
        common = now_i.index.intersection(before_i.index)
        a, b = now_i.loc[common], before_i.loc[common, now_i.columns]
        changed = (a != b).stack()
        changed = changed[changed]
        sheets["档案变更"] = pd.DataFrame({"客户编码": changed.index.get_level_values(0), "字段": changed.index.get_level_values(1),
                                       "原值": [b.at[i, f] for i, f in changed.index], "新值": [a.at[i, f] for i, f in changed.index]})
        present = [f for f in required_fields if f in now_i]
        sheets["档案完整度"] = pd.DataFrame({"客户编码": now_i.index,
                                        "完整度": (now_i[present].apply(lambda c: c.str.strip() != "").sum(axis=1) / len(required_fields)).values})
        s = sales_frame(sub, q)
        sheets["无档案客户"] = s[(s["本期销售额"] != 0) & ~s["客户编码"].isin(now_i.index)][["客户编码", "客户名称", "本期销售额"]]
        codes = now_i.get("credit_code", pd.Series(dtype=str))
        sheets["信用代码校验错误"] = codes[(codes != "") & ~codes.map(valid_code)].rename("统一社会信用代码").reset_index()
        return sheets

    def line_frames(line, p):
        rows, tops, migration = [], [], []
        for sub in (s for s in subs if subs[s]["line"] == line):
            df = sales_frame(sub, p)
            t = df[["本期销售额", "上期销售额", "去年同期销售额"]].sum()
            rows.append({"分公司": sub, "分公司名称": subs[sub]["name"], "本期销售额": t["本期销售额"], "上期销售额": t["上期销售额"],
                         "环比": t["本期销售额"] / t["上期销售额"] - 1 if t["上期销售额"] > 0 else np.nan,
                         "去年同期销售额": t["去年同期销售额"],
                         "同比": t["本期销售额"] / t["去年同期销售额"] - 1 if t["去年同期销售额"] > 0 else np.nan,
                         "活跃客户数": int((df["本期销售额"] != 0).sum()), "A类": int((df["等级"] == "A").sum()),
                         "B类": int((df["等级"] == "B").sum()), "C类": int((df["等级"] == "C").sum()),
                         "大客户数": int((df["大客户"] == "是").sum()), "提交状态": "已提交", "接收时间": ""})
            tops.append(df.assign(分公司=sub))
            migration.append(df[["上期等级", "等级"]])
        top = pd.concat(tops).sort_values(["本期销售额", "客户编码"], ascending=[False, True]).head(100)
        both = pd.concat(migration, ignore_index=True).replace("", "无")
        grid = pd.crosstab(both["上期等级"], both["等级"])
        return {"分公司汇总": pd.DataFrame(rows), "重点客户排名": top, "等级迁移": grid.reset_index()}

    def hq_frames(q):
        rows, shared = [], []
        for sub in subs:
            files_ = file_frames(sub, q)
            visits = visit_frames(sub, q)["拜访达标"]
            rows.append({"分公司": sub, "分公司名称": subs[sub]["name"], "新增档案": len(files_.get("新增档案", [])),
                         "删除档案": len(files_.get("删除档案", [])),
                         "平均完整度": files_["档案完整度"]["完整度"].mean() if files_ else np.nan,
                         "信用代码错误": len(files_.get("信用代码校验错误", [])),
                         "A类达标率": (visits[visits["等级"] == "A"]["达标"] == "达标").mean()})
            now = snapshot(sub, "customers", q)
            if now is not None:
                v = now[now["credit_code"].map(valid_code)][["credit_code", "customer_name", "customer_id"]].assign(分公司=sub)
                sales_q = sales_frame(sub, q).set_index("客户编码")["本期销售额"]
                shared.append(v.assign(本季销售额=sales_q.reindex(v["customer_id"]).fillna(0).values))
        codes = pd.concat(shared)
        codes = codes[codes.groupby("credit_code")["分公司"].transform("nunique") >= 2]
        codes = codes.assign(集团销售额=codes.groupby("credit_code")["本季销售额"].transform("sum"))
        codes = codes.sort_values(["集团销售额", "credit_code", "分公司"], ascending=[False, True, True])
        return {"档案与拜访": pd.DataFrame(rows), "跨公司客户": codes.rename(columns={"credit_code": "统一社会信用代码",
                                                                                 "customer_name": "客户名称", "customer_id": "客户编码"})}

    def review_frames(year):
        rows = []
        for sub in subs:
            df = sales_frame(sub, f"{year}Q4")
            last = sales_frame(sub, f"{int(year) - 1}Q4").set_index("客户编码")["近12月销售额"]
            keys = df[df["大客户"] == "是"]
            growth = keys["近12月销售额"] / keys["客户编码"].map(last) - 1
            rows.append(keys.assign(分公司=sub, 上年销售额=keys["客户编码"].map(last).values, 增长率=growth.values,
                                    建议=np.where(growth >= 0.10, "加强", np.where(growth <= -0.30, "终止", "维持"))))
        return {"大客户评价": pd.concat(rows)[["分公司", "客户编码", "客户名称", "近12月销售额", "上年销售额", "增长率", "建议"]]}

    def write(path, sheets):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
            book = writer.book
            money = book.add_format({"num_format": "#,##0.00"})
            percent = book.add_format({"num_format": "0.0%"})
            for name, df in sheets.items():
                df.to_excel(writer, sheet_name=name, index=False)
                sheet = writer.sheets[name]
                sheet.freeze_panes(1, 0)
                if len(df.columns):
                    sheet.autofilter(0, 0, len(df), len(df.columns) - 1)
                for i, column in enumerate(df.columns):
                    text = str(column)
                    if any(w in text for w in ("率", "比", "完整度")):
                        sheet.set_column(i, i, 10, percent)
                    elif any(w in text for w in ("额", "应收", "回款", "毛利")):
                        sheet.set_column(i, i, 16, money)
                    else:
                        sheet.set_column(i, i, max(10, 2 * len(text) + 2))

    line_of_name = {l["name"]: code for code, l in lines.items()}
    for entry in open(plan_file, encoding="utf-8"):
        period, tier, owner, workbook = entry.rstrip("\n").split("\t")
        target = os.path.join(out, period, tier, f"{owner}_{period}_{workbook}.xlsx")
        if workbook == "客户销售报表":
            df = sales_frame(owner, period)
            sheets = {"客户排名": df,
                      "潜力客户": df[df["等级"].isin(["B", "C"]) & (df["去年同期销售额"] >= 10_000) & (df["同比"] > 0)]
                      .sort_values(["同比", "本期销售额", "客户编码"], ascending=[False, False, True]).head(20),
                      "等级变动": df[df["等级变动"].isin(["升级", "降级", "新增", "流失"])]}
        elif workbook == "客户资信报表":
            df = credit_frame(owner, period)
            sheets = {"资信评估": df, "超限预警": df[df["状态"].isin(["超限", "预警"])] if len(df) else df}
        elif workbook == "资信额度申请表":
            sheets = {"建议额度": proposal_frame(owner, period).reset_index(drop=True)}
        elif workbook == "客户拜访记录及分析":
            sheets = visit_frames(owner, period)
        elif workbook == "客户档案维护情况":
            sheets = file_frames(owner, period) or {"说明": pd.DataFrame({"说明": ["无档案快照"]})}
        elif workbook == "汇总分析表":
            sheets = line_frames(line_of_name.get(owner, owner), period)
        elif workbook == "客户档案及拜访分析":
            sheets = hq_frames(quarter_of(period))
        elif workbook == "大客户年度评价":
            sheets = review_frames(period[:4])
        else:
            sys.exit(f"unknown workbook {workbook}")
        write(target, sheets)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--peer":
        a = argparse.ArgumentParser()
        a.add_argument("--peer")
        a.add_argument("--plan")
        a.add_argument("--out")
        ns = a.parse_args()
        started = time.time()
        peer(ns.peer, ns.plan, ns.out)
    else:
        drive()
