"""Tables and the chart of the consolidated report (report/rollup.py): per organisation, per group, ranking,
overdue tasks across organisations, organisations without a valid report, per-task comparison."""

from __future__ import annotations

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from reportkit.fmt import format_percent
from reportkit.report.charts import _RC, WIDTH_IN, Chart, _wrap
from reportkit.report.markup import Column, para, render_table
from reportkit.status.words import (
    DEADLINE_STATUSES,
    DONE_LATE,
    DONE_ON_TIME,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
)

STATE_LABELS = {"on_time": "Đúng hạn", "late": "Muộn", "missing": "Không có báo cáo hợp lệ",
                "invalid": "Không có báo cáo hợp lệ"}
VALID = ("on_time", "late")
COUNT_COLUMNS = [
    Column(DONE_ON_TIME, "Hoàn thành đúng hạn", "9%", "num"),
    Column(DONE_LATE, "Hoàn thành quá hạn", "9%", "num"),
    Column(OPEN_IN_TIME, "Chưa hoàn thành trong hạn", "9%", "num"),
    Column(OPEN_LATE, "Chưa hoàn thành quá hạn", "9%", "num"),
    Column("rate_text", "Tỷ lệ đúng hạn", "9%", "num"),
]


def _counts(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for key in DEADLINE_STATUSES:
        out[key] = out[key].fillna(0).astype(int) if key in out else 0
    out["tasks"] = out[list(DEADLINE_STATUSES)].sum(axis=1)
    return out


def totals(orgs: pd.DataFrame) -> dict:
    """Counts summed over the organisations with a valid report, with the on-time rate."""
    valid = _counts(orgs[orgs["state"].isin(VALID)])
    out = {k: int(valid[k].sum()) for k in DEADLINE_STATUSES}
    out["tasks"] = sum(out.values())
    out["rate"] = out[DONE_ON_TIME] / out["tasks"] if out["tasks"] else 0.0
    return out


def _rate_text(rate: pd.Series, state: pd.Series) -> pd.Series:
    text = rate.map(lambda r: format_percent(r) if pd.notna(r) else "")
    return text.where(state.isin(VALID), "")


def org_table(orgs: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation in config order: number, name, state, counts, rate."""
    out = _counts(orgs).reset_index(drop=True)
    out["no"] = (out.index + 1).astype(str)
    out["state_text"] = out["state"].map(STATE_LABELS).fillna(out["state"])
    out["rate_text"] = _rate_text(out["rate"], out["state"])
    return out


def render_org_table(table: pd.DataFrame) -> str:
    """The table per organisation (names escaped)."""
    cols = [Column("no", "TT", "5%", "center"), Column("name", "Đơn vị", "26%"),
            Column("state_text", "Báo cáo", "11%"), *COUNT_COLUMNS]
    return render_table(table, cols, empty="Không có đơn vị nào.")


def _natural_key(names: pd.Series) -> pd.Series:
    """Sort key so that "Huyện 2" comes before "Huyện 10"."""
    return names.str.replace(r"\d+", lambda m: m.group(0).zfill(8), regex=True)


def render_group_table(orgs: pd.DataFrame) -> str:
    """Counts per group (the config's ``group`` field) when there are many organisations."""
    frame = _counts(orgs)
    frame["valid"] = frame["state"].isin(VALID).astype(int)
    frame["group"] = frame["group"].astype(str).replace("", "(không nhóm)")
    agg = frame.groupby("group", sort=True).agg(
        orgs=("code", "size"), valid=("valid", "sum"), **{k: (k, "sum") for k in DEADLINE_STATUSES})
    agg["tasks"] = agg[list(DEADLINE_STATUSES)].sum(axis=1)
    agg["rate"] = (agg[DONE_ON_TIME] / agg["tasks"]).where(agg["tasks"] > 0)
    agg["rate_text"] = agg["rate"].map(lambda r: format_percent(r) if pd.notna(r) else "")
    agg["reported"] = agg["valid"].astype(str) + "/" + agg["orgs"].astype(str)
    agg = agg.reset_index().sort_values("group", key=_natural_key, kind="stable")
    cols = [Column("group", "Nhóm đơn vị", "26%"), Column("reported", "Có báo cáo hợp lệ", "11%", "center"),
            *COUNT_COLUMNS]
    return render_table(agg, cols)


def ranking(orgs: pd.DataFrame) -> pd.DataFrame:
    """Organisations with a valid report and tasks with a deadline, best on-time rate first."""
    frame = _counts(orgs[orgs["state"].isin(VALID)])
    frame = frame[frame["tasks"] > 0].copy()
    frame["rate"] = frame[DONE_ON_TIME] / frame["tasks"]
    frame = frame.sort_values(["rate", OPEN_LATE, "name"], ascending=[False, True, True], kind="stable")
    frame["rank"] = frame["rate"].rank(method="min", ascending=False).astype(int).astype(str)
    frame["rate_text"] = frame["rate"].map(format_percent)
    return frame.reset_index(drop=True)


def render_ranking(orgs: pd.DataFrame, limit: int = 20) -> str:
    """The top of the ranking (the whole ranking is in the xlsx)."""
    frame = ranking(orgs)
    note = para(f"{limit} đơn vị đứng đầu; bảng xếp hạng đầy đủ trong tệp rollup.xlsx.", "note") \
        if len(frame) > limit else ""
    cols = [Column("rank", "Hạng", "7%", "center"), Column("name", "Đơn vị", "45%"),
            Column("tasks", "Nhiệm vụ có thời hạn", "16%", "num"), Column("rate_text", "Tỷ lệ đúng hạn", "16%", "num")]
    return render_table(frame.head(limit), cols, empty="Chưa có đơn vị nào có nhiệm vụ có thời hạn.") + note


def chart_rates(orgs: pd.DataFrame, limit: int = 25) -> Chart | None:
    """Horizontal bars: on-time rate of the best-ranked organisations; None when nothing to draw."""
    frame = ranking(orgs).head(limit)
    if frame.empty:
        return None
    title = "Tỷ lệ hoàn thành đúng hạn theo đơn vị"
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(WIDTH_IN, 0.35 * len(frame) + 1.0), layout="constrained")
        ax = fig.add_subplot()
        labels = [_wrap(str(n), 30) for n in frame["name"]][::-1]
        values = [round(100 * r, 1) for r in frame["rate"]][::-1]
        bars = ax.barh(labels, values, color="#4a7ab5", edgecolor="#000000", linewidth=0.6)
        ax.bar_label(bars, labels=[format_percent(v / 100) for v in values], padding=3)
        ax.set_xlim(0, 115)
        ax.set_xlabel("Tỷ lệ hoàn thành đúng hạn (%)")
        ax.set_title(_wrap(title, 48), fontsize=11, fontweight="bold")
        return Chart(fig, "rollup-rates", title)


def overdue_across(tasks: pd.DataFrame, orgs: pd.DataFrame) -> pd.DataFrame:
    """Tasks not done and past their deadline, across organisations, sorted by organisation and task."""
    if tasks.empty or "status" not in tasks:
        return pd.DataFrame(columns=["org_code", "org", "task_code", "task_text", "days"])
    names = orgs.set_index("code")["name"]
    late = tasks[tasks["status"] == OPEN_LATE].copy()
    late["org"] = late["org_code"].map(names).fillna(late["org_code"])
    late["days"] = late["days_late"].fillna(0).astype(int).astype(str) if "days_late" in late else ""
    return late.drop_duplicates(["org_code", "task_code"]).sort_values(["org", "task_code"]).reset_index(drop=True)


def render_overdue_across(tasks: pd.DataFrame, orgs: pd.DataFrame, limit: int = 100) -> str:
    """The overdue tasks across organisations (the first ``limit``; every one is in rollup.xlsx)."""
    late = overdue_across(tasks, orgs)
    note = para(f"{limit} trong số {len(late)} nhiệm vụ quá hạn; danh sách đầy đủ trong tệp rollup.xlsx "
                "(trang tính \"Quá hạn\").", "note") if len(late) > limit else ""
    cols = [Column("org", "Đơn vị", "24%"), Column("task_code", "Mã", "8%", "mono"),
            Column("task_text", "Nhiệm vụ", "54%"), Column("days", "Số ngày quá hạn", "12%", "num")]
    return render_table(late.head(limit), cols, empty="Không có nhiệm vụ chưa hoàn thành quá hạn.") + note


def render_missing_orgs(orgs: pd.DataFrame) -> str:
    """Organisations without a valid report, with the reason."""
    frame = orgs[~orgs["state"].isin(VALID)]
    cols = [Column("name", "Đơn vị", "35%"), Column("reason", "Lý do", "65%")]
    return render_table(frame, cols, empty="Mọi đơn vị đều có báo cáo hợp lệ.")


def comparison_table(tasks: pd.DataFrame, orgs: pd.DataFrame) -> pd.DataFrame:
    """Per task of a plan shared by two or more organisations: how many are in each status."""
    if tasks.empty or "status" not in tasks:
        return pd.DataFrame()
    plans = orgs[orgs["state"].isin(VALID)].set_index("code")["plan_code"]
    frame = tasks.assign(plan_code=tasks["org_code"].map(plans)).dropna(subset=["plan_code"])
    shared = frame.groupby("plan_code")["org_code"].nunique()
    frame = frame[frame["plan_code"].isin(shared[shared > 1].index)]
    frame = frame[frame["status"].isin(DEADLINE_STATUSES)].drop_duplicates(["org_code", "task_code"])
    if frame.empty:
        return pd.DataFrame()
    table = pd.crosstab([frame["plan_code"], frame["task_code"]], frame["status"])
    table = table.reindex(columns=list(DEADLINE_STATUSES), fill_value=0).reset_index()
    text = frame.drop_duplicates(["plan_code", "task_code"]).set_index(["plan_code", "task_code"])["task_text"]
    table["task_text"] = [text.get((p, c), "") for p, c in zip(table["plan_code"], table["task_code"])]
    return table


def render_comparison(tasks: pd.DataFrame, orgs: pd.DataFrame) -> str:
    """The per-task comparison, or a sentence when no two organisations share a plan."""
    table = comparison_table(tasks, orgs)
    cols = [Column("task_code", "Mã", "8%", "mono"), Column("task_text", "Nhiệm vụ", "38%"), *COUNT_COLUMNS[:4],
            Column(NO_REPORT, "Không có báo cáo", "9%", "num")]
    return render_table(table, cols, empty="Không có hai đơn vị nào cùng thực hiện một kế hoạch.")
