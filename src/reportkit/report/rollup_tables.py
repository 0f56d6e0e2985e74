"""Tables and the chart of the consolidated report (report/rollup.py): per organisation, per group, ranking,
overdue tasks across organisations, organisations without a valid report, per-task comparison."""

from __future__ import annotations

import html

import pandas as pd

from reportkit.fmt import format_percent
from reportkit.report import rollup_chart
from reportkit.report.markup import (
    Column,
    dash_list,
    escape,
    escape_series,
    para,
    render_table,
    tag,
)
from reportkit.report.rollup_chart import PngChart
from reportkit.status.words import (
    DEADLINE_STATUSES,
    DONE_LATE,
    DONE_ON_TIME,
    NO_REPORT,
    OPEN_IN_TIME,
    OPEN_LATE,
)

STATE_LABELS = {"on_time": "Đúng hạn", "late": "Muộn", "missing": "Không có báo cáo hợp lệ",
                "invalid": "Không có báo cáo hợp lệ"}  # as NO_VALID_LABEL
VALID = ("on_time", "late")
NO_VALID_PREFIX = "không có báo cáo hợp lệ: "  # the reasons' common start (messages: rollup.no_valid_report)
NO_VALID_LABEL = "Không có báo cáo hợp lệ"
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


ORG_HEADERS = [Column("no", "TT", "5%", "center"), Column("name", "Đơn vị", "36%"),
               Column("state_text", "Báo cáo", "14%"), *COUNT_COLUMNS]


def render_org_table(table: pd.DataFrame, cls: str = "data stack") -> str:
    """The table per organisation (names escaped); one without a valid report has the reason after its name.

    Built column-wise with pandas string operations (a roll-up of thousands of
    organisations puts every one of them in the annex).
    """
    if table is None or len(table) == 0:
        return para("Không có đơn vị nào.", "noindent")
    cols = ORG_HEADERS
    valid = table["state"].isin(VALID).to_numpy()

    def td(column: Column) -> pd.Series:
        cls = f' class="{column.cls}"' if column.cls else ""
        label = html.escape(column.header, quote=True)
        # counts and rates are numbers reportkit wrote (safe, kept on one line by the "num" class)
        cells = table[column.field].astype(str) if column.cls == "num" else escape_series(table[column.field])
        return f'<td{cls} data-label="{label}">' + cells + "</td>"

    known = td(cols[2])
    for column in cols[3:]:
        known = known + td(column)
    why = table["reason"].fillna("").astype(str).str.replace(f"^{NO_VALID_PREFIX}", "", regex=True)
    unknown = (f'<td colspan="{len(cols) - 2}" class="reason" data-label="Báo cáo">{NO_VALID_LABEL}: '
               + escape_series(why) + "</td>")
    rows = "<tr>" + td(cols[0]) + td(cols[1]) + known.where(valid, unknown) + "</tr>"
    colgroup = "".join(f'<col style="width:{c.width}">' for c in cols)
    heads = "".join(f"<th>{escape(c.header)}</th>" for c in cols)
    return (f'<div class="table-scroll"><table class="{cls}">'
            f"<colgroup>{colgroup}</colgroup><thead><tr>{heads}</tr></thead>"
            f"<tbody>{''.join(rows.tolist())}</tbody></table></div>")


def _natural_key(names: pd.Series) -> pd.Series:
    """Sort key so that "Huyện 2" comes before "Huyện 10"."""
    return names.str.replace(r"\d+", lambda m: m.group(0).zfill(8), regex=True)


def group_table(orgs: pd.DataFrame) -> pd.DataFrame:
    """One row per group (the config's ``group`` field), in natural order: organisations, valid reports, counts, rate."""
    frame = _counts(orgs)
    frame["valid"] = frame["state"].isin(VALID).astype(int)
    frame["group"] = frame["group"].astype(str).replace("", "(không nhóm)")
    agg = frame.groupby("group", sort=True).agg(
        orgs=("code", "size"), valid=("valid", "sum"), **{k: (k, "sum") for k in DEADLINE_STATUSES})
    agg["tasks"] = agg[list(DEADLINE_STATUSES)].sum(axis=1)
    agg["rate"] = (agg[DONE_ON_TIME] / agg["tasks"]).where(agg["tasks"] > 0)
    agg["rate_text"] = agg["rate"].map(lambda r: format_percent(r) if pd.notna(r) else "")
    agg["reported"] = agg["valid"].astype(str) + "/" + agg["orgs"].astype(str)
    return agg.reset_index().sort_values("group", key=_natural_key, kind="stable").reset_index(drop=True)


def render_group_table(orgs: pd.DataFrame) -> str:
    """Counts per group when there are many organisations."""
    cols = [Column("group", "Nhóm đơn vị", "26%"), Column("reported", "Có báo cáo hợp lệ", "11%", "center"),
            *COUNT_COLUMNS]
    return render_table(group_table(orgs), cols)


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


def chart_rates(orgs: pd.DataFrame, grouped: bool = False) -> PngChart | None:
    """On-time rate of the best-ranked organisations, or of every group when the report summarises by group."""
    if grouped:
        groups = group_table(orgs).sort_values("rate", ascending=False, kind="stable")
        return rollup_chart.chart_rates(groups, "group", "Tỷ lệ hoàn thành đúng hạn theo nhóm đơn vị", limit=40)
    return rollup_chart.chart_rates(ranking(orgs), "name", "Tỷ lệ hoàn thành đúng hạn theo đơn vị")


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
    """The overdue tasks across organisations: all of them up to ``limit``, else the ``limit`` most overdue.

    Every one is in rollup.xlsx (sheet "Quá hạn").
    """
    late = overdue_across(tasks, orgs)
    note = ""
    if len(late) > limit:
        days = pd.to_numeric(late["days"], errors="coerce").fillna(0)
        late = late.assign(_days=days).sort_values(["_days", "org", "task_code"], ascending=[False, True, True],
                                                   kind="stable")
        note = para(f"{limit} nhiệm vụ quá hạn lâu nhất trong số {len(late)}; danh sách đầy đủ trong tệp "
                    "rollup.xlsx (trang tính \"Quá hạn\").", "note")
    cols = [Column("org", "Đơn vị", "24%"), Column("task_code", "Mã", "10%", "mono"),
            Column("task_text", "Nhiệm vụ", "52%"), Column("days", "Số ngày quá hạn", "12%", "num")]
    return render_table(late.head(limit), cols, empty="Không có nhiệm vụ chưa hoàn thành quá hạn.") + note


def render_missing_orgs(orgs: pd.DataFrame, grouped: bool = False) -> str:
    """Organisations without a valid report: with the reason, or, by group, their names (reasons in the annex)."""
    frame = orgs[~orgs["state"].isin(VALID)]
    if frame.empty:
        return para("Mọi đơn vị đều có báo cáo hợp lệ.", "noindent")
    if not grouped:
        return render_table(frame, [Column("name", "Đơn vị", "35%"), Column("reason", "Lý do", "65%")])
    frame = frame.assign(group=frame["group"].astype(str).replace("", "(không nhóm)"))
    intro = para(f"{len(frame)} đơn vị không có báo cáo hợp lệ (lý do của từng đơn vị ở Phụ lục I và trong tệp "
                 "rollup.xlsx):", "noindent")
    groups = frame.groupby("group", sort=False)["name"].agg(list)
    groups = groups.iloc[_natural_key(pd.Series(groups.index)).argsort(kind="stable").to_numpy()]
    items = [f"{tag('b', escape(g))} ({len(names)}): " + escape("; ".join(map(str, names))) + "."
             for g, names in groups.items()]
    return intro + dash_list(items, safe=True)


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
    cols = [Column("task_code", "Mã", "10%", "mono"), Column("task_text", "Nhiệm vụ", "36%"), *COUNT_COLUMNS[:4],
            Column(NO_REPORT, "Không có báo cáo", "9%", "num")]
    return render_table(table, cols, empty="Không có hai đơn vị nào cùng thực hiện một kế hoạch.")
