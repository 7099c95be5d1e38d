/// The Python of the assessment notebook's code cells. Every cell reads only the files written beside
/// the notebook (paths relative to the notebook's folder, which Jupyter and nbclient run it in), so
/// running the notebook top to bottom in a fresh kernel redraws every table and figure from them.
/// The cells do not depend on the dataset: the narrative around them does (AssessmentNotebook).
public enum AssessmentNotebookCode {
    /// Imports, the CJK font, the manifest check, the dataset description.
    public static let setup = #"""
# 准备：导入库，选择中文字体，核对并读入本笔记本旁边的数据文件（路径都相对于本笔记本所在的文件夹）。
import hashlib
import json
import warnings
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from IPython.display import display
from matplotlib import font_manager
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

pd.set_option("display.max_rows", 200)
pd.set_option("display.max_columns", 30)
pd.set_option("display.width", 200)

# 图中的中文需要 CJK 字体：用已安装的第一个；一个也没有时照常运行，只是图中汉字显示为方框。
CJK_FONTS = ["Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
             "Noto Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "PingFang SC",
             "Heiti SC", "Arial Unicode MS"]
installed_fonts = {font.name for font in font_manager.fontManager.ttflist}
CJK_FONT = next((name for name in CJK_FONTS if name in installed_fonts), None)
if CJK_FONT:
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [CJK_FONT, *matplotlib.rcParams["font.sans-serif"]]
    print("图中中文字体：", CJK_FONT)
else:
    warnings.filterwarnings("ignore", message=r"Glyph .* missing from")
    print("未找到中文字体（Debian/Ubuntu：apt-get install fonts-noto-cjk）：图中汉字将显示为方框，表格和数据不受影响。")
matplotlib.rcParams["axes.unicode_minus"] = False

# MANIFEST.json 记录了生成这些文件的 kaohe 命令、版本和每个文件的 SHA-256。
if Path("MANIFEST.json").exists():
    manifest = json.loads(Path("MANIFEST.json").read_text(encoding="utf-8"))
    data_files = [entry for entry in manifest["files"] if entry["path"].endswith((".csv", ".json"))]
    changed = [entry["path"] for entry in data_files
               if not Path(entry["path"]).exists()
               or hashlib.sha256(Path(entry["path"]).read_bytes()).hexdigest() != entry["sha256"]]
    print("生成命令：", manifest["command"])
    print("生成程序：", manifest["version"])
    if changed:
        print("注意：以下数据文件缺失或与 MANIFEST.json 的记录不一致（生成后被改动过）：", "、".join(changed))
    else:
        print(f"{len(data_files)} 个数据文件与 MANIFEST.json 记录的 SHA-256 一致。")
else:
    print("本文件夹中没有 MANIFEST.json，无法核对数据文件的来源。")

dataset = json.loads(Path("dataset.json").read_text(encoding="utf-8"))
HOME, HOME_NAME = dataset["home"]["id"], dataset["home"]["name"]
AS_OF = dataset["as_of_label"]
UNIT_NAMES = {unit["id"]: unit["name"] for unit in dataset["units"]}
UNIT_ORDER = [unit["name"] for unit in dataset["units"]]
CATEGORY_NAMES = dataset["categories"]
GRADES = [grade["name"] for grade in dataset["grades"]]
indicators = pd.DataFrame(dataset["indicators"]).set_index("id")
print(f"{dataset['name']}：{len(UNIT_NAMES)} 个单位，{len(indicators)} 项指标，数据截至 {AS_OF}，本县：{HOME_NAME}。")
display(indicators.groupby("category", sort=False).size().rename(index=CATEGORY_NAMES).rename("指标数").to_frame())
"""#

    /// The status table and the completion-against-time-progress bars.
    public static let status = #"""
status = pd.read_csv("status.csv")
STATE_NAMES = {"ahead": "▲ 超前", "on_track": "正常", "behind": "▼ 落后"}
status_table = pd.DataFrame({
    "指标": status["name"],
    "类别": status["category"].map(CATEGORY_NAMES),
    "月份": status["month"].astype("Int64"),
    "当前值": status["actual"].round(2),
    "目标": status["target"].round(2),
    "完成率(%)": (status["completion"] * 100).round(1),
    "时序进度(%)": (status["expected"] * 100).round(1),
    "差距(百分点)": (status["gap"] * 100).round(1),
    "状态": status["state"].map(STATE_NAMES).fillna("—"),
})
display(status_table)
print("状态统计：", status["state"].map(STATE_NAMES).value_counts().to_dict())
"""#

    public static let statusChart = #"""
# 完成率（条）与时序进度（竖线）：颜色表示超前、正常或落后；超过 150% 的截断显示。
shown = status.dropna(subset=["completion", "expected"]).iloc[::-1]
colors = shown["state"].map({"ahead": "#2e7d32", "on_track": "#1565c0", "behind": "#c62828"}).fillna("#9e9e9e")
positions = np.arange(len(shown))
fig, ax = plt.subplots(figsize=(9, 0.32 * len(shown) + 1.5))
ax.barh(positions, (shown["completion"] * 100).clip(upper=150), color=colors, alpha=0.85)
ax.scatter((shown["expected"] * 100).clip(upper=150), positions, marker="|", s=250, color="black", zorder=3)
ax.set_yticks(positions, shown["name"])
ax.set_xlabel("完成率 / 时序进度（%）")
ax.set_title(f"{HOME_NAME} 完成率与时序进度（截至{AS_OF}）")
ax.legend(handles=[Patch(color="#2e7d32", label="完成率：超前"), Patch(color="#1565c0", label="完成率：正常"),
                   Patch(color="#c62828", label="完成率：落后"),
                   Line2D([], [], color="black", marker="|", linestyle="none", markersize=14, label="时序进度")],
          loc="lower right")
fig.tight_layout()
plt.show()
"""#

    /// The home county's year-end forecasts, and their intervals against the target.
    public static let forecast = #"""
forecast = pd.read_csv("forecast.csv").join(indicators[["name", "direction", "measure_unit"]], on="indicator")
def interval(lo, hi):
    return [f"{a:.2f}～{b:.2f}" if pd.notna(a) and pd.notna(b) else "—" for a, b in zip(lo, hi)]
forecast_table = pd.DataFrame({
    "指标": forecast["name"] + forecast["measure_unit"].map(lambda u: f"（{u}）" if isinstance(u, str) and u else ""),
    "月份": forecast["month"].astype("Int64"),
    "当前值": forecast["actual"].round(2),
    "目标": forecast["target"].round(2),
    "年底预测": forecast["forecast"].round(2),
    "80%区间": interval(forecast["lo80"], forecast["hi80"]),
    "95%区间": interval(forecast["lo95"], forecast["hi95"]),
    "达标概率(%)": (forecast["p_meet"] * 100).round(1),
    "方法": forecast["method"],
    "历史年数": forecast["history_years"],
})
display(forecast_table)
"""#

    public static let forecastChart = #"""
# 年底预测的完成率（点）与 80%（粗线）、95%（细线）区间，竖线为目标（100%）。
# 越低越好的指标按 目标/预测 折算，使右侧永远是“更好”。颜色按达标概率：低于督办线红，低于预警线橙，其余绿。
fc = forecast.dropna(subset=["forecast", "target"]).copy()
higher = fc["direction"].eq("higher")
def completion(value, flipped):
    return (fc[value] / fc["target"]).where(higher, fc["target"] / fc[flipped]).clip(0, 3)
fc["c"] = completion("forecast", "forecast")
for level in ("80", "95"):
    fc["clo" + level] = completion("lo" + level, "hi" + level).fillna(fc["c"])
    fc["chi" + level] = completion("hi" + level, "lo" + level).fillna(fc["c"])
fc = fc.iloc[::-1]
positions = np.arange(len(fc))
SUPERVISION, WARNING = dataset["risk"]["supervision_below"], dataset["risk"]["warning_below"]
colors = np.where(fc["p_meet"] < SUPERVISION, "#c62828", np.where(fc["p_meet"] < WARNING, "#ef6c00", "#2e7d32"))
fig, ax = plt.subplots(figsize=(9, 0.32 * len(fc) + 1.5))
ax.hlines(positions, fc["clo95"] * 100, fc["chi95"] * 100, color=colors, linewidth=1.2)
ax.hlines(positions, fc["clo80"] * 100, fc["chi80"] * 100, color=colors, linewidth=4.5, alpha=0.6)
ax.scatter(fc["c"] * 100, positions, color=colors, zorder=3, s=18)
ax.axvline(100, color="black", linestyle="--", linewidth=1)
labels = [name + ("（越低越好）" if direction == "lower" else "") for name, direction in zip(fc["name"], fc["direction"])]
ax.set_yticks(positions, labels)
ax.set_xlabel("年底预测完成率（%）")
ax.set_title(f"{HOME_NAME} 年底预测与目标（截至{AS_OF}）")
ax.legend(handles=[Line2D([], [], color="black", linestyle="--", label="目标 100%"),
                   Patch(color="#2e7d32", label=f"达标概率 ≥{WARNING:.0%}"),
                   Patch(color="#ef6c00", label=f"达标概率 {SUPERVISION:.0%}～{WARNING:.0%}"),
                   Patch(color="#c62828", label=f"达标概率 <{SUPERVISION:.0%}")], loc="lower right")
fig.tight_layout()
plt.show()
"""#

    /// The peer tables: the home county's row on every indicator, and every unit's rank.
    public static let compare = #"""
compare = pd.read_csv("compare.csv")
compare["单位"] = compare["unit"].map(UNIT_NAMES)
compare["指标"] = compare["indicator"].map(indicators["name"])
leaders = compare[compare["completion"].notna()].sort_values("rank").groupby("indicator", sort=False).first()
home_rows = compare[compare["focus"] == "yes"].set_index("indicator")
peer_table = pd.DataFrame({
    "指标": home_rows["指标"],
    "完成率(%)": (home_rows["completion"] * 100).round(1),
    "位次": home_rows["rank"].where(home_rows["completion"].notna()).astype("Int64"),
    "标准分": home_rows["z"].round(2),
    "百分位(%)": (home_rows["percentile"] * 100).round(0),
    "第一名": leaders["单位"].reindex(home_rows.index),
    "第一名完成率(%)": (leaders["completion"].reindex(home_rows.index) * 100).round(1),
    "预计完成率(%)": (home_rows["projected_completion"] * 100).round(1),
    "预计位次": home_rows["projected_rank"].where(home_rows["projected_completion"].notna()).astype("Int64"),
}).reset_index(drop=True)
display(peer_table)
ranked = peer_table["位次"].dropna()
count = len(UNIT_NAMES)
print(f"{len(ranked)} 项有位次的指标中：第一 {int((ranked == 1).sum())} 项，前三分之一 {int((3 * ranked <= count).sum())} 项，"
      f"后三分之一 {int((3 * ranked > 2 * count).sum())} 项。")
"""#

    public static let compareChart = #"""
# 各单位在每项指标上的当前位次（1 为第一；空白为无数据），本县一列加框。单位很多时只画平均位次最好的
# MAX_UNITS 个和本县。
MAX_UNITS = 30
ranks = (compare[compare["completion"].notna()]
         .pivot_table(index="indicator", columns="单位", values="rank", aggfunc="first")
         .reindex(index=list(dict.fromkeys(compare["indicator"])), columns=UNIT_ORDER))
if len(ranks.columns) > MAX_UNITS:
    best = ranks.mean().sort_values().index[:MAX_UNITS - 1].tolist()
    ranks = ranks[[unit for unit in UNIT_ORDER if unit in best or unit == HOME_NAME]]
    print(f"共 {len(UNIT_ORDER)} 个单位，图中只画平均位次最好的 {MAX_UNITS - 1} 个和{HOME_NAME}。")
fig, ax = plt.subplots(figsize=(max(6, 0.45 * len(ranks.columns) + 4), 0.3 * len(ranks) + 2))
image = ax.imshow(ranks.to_numpy(dtype=float), cmap="RdYlGn_r", aspect="auto", vmin=1, vmax=len(UNIT_ORDER))
for row, indicator in enumerate(ranks.index):
    for column, unit in enumerate(ranks.columns):
        value = ranks.loc[indicator, unit]
        if pd.notna(value):
            ax.text(column, row, int(value), ha="center", va="center", fontsize=7)
ax.set_xticks(np.arange(len(ranks.columns)), ranks.columns, rotation=45, ha="right")
ax.set_yticks(np.arange(len(ranks.index)), ranks.index.map(indicators["name"]))
home_column = list(ranks.columns).index(HOME_NAME)
ax.add_patch(plt.Rectangle((home_column - 0.5, -0.5), 1, len(ranks.index), fill=False, edgecolor="black", linewidth=2))
fig.colorbar(image, ax=ax, label="位次", shrink=0.6)
ax.set_title(f"兄弟县区各指标位次（截至{AS_OF}）")
fig.tight_layout()
plt.show()
"""#

    /// Current, projected and simulated standing of every unit.
    public static let standing = #"""
standing = json.loads(Path("standing.json").read_text(encoding="utf-8"))
TOP = GRADES[0]
standing_table = pd.DataFrame([{
    "单位": unit["name"] + (" ★" if unit["unit"] == HOME else ""),
    "当前得分": round(unit["current"]["total"], 2),
    "当前位次": unit["current"]["rank"],
    "当前等次": unit["current"]["grade"],
    "预计得分": round(unit["projected"]["total"], 2),
    "预计位次": unit["projected"]["rank"],
    "预计等次": unit["projected"]["grade"],
    "模拟均值": round(unit["simulated"]["mean_total"], 2),
    "模拟P10": round(unit["simulated"]["p10_total"], 1),
    "模拟P90": round(unit["simulated"]["p90_total"], 1),
    f"{TOP}概率(%)": round(unit["simulated"]["grade_probabilities"][TOP] * 100, 1),
} for unit in standing["units"]]).sort_values(["预计位次", "单位"]).reset_index(drop=True)
print(f"预测方法 {standing['method']}，模拟 {standing['draws']} 次，随机种子 {standing['seed']}。")
display(standing_table)
streak = standing["streak"]
if streak["probability"] is not None:
    earlier = "、".join(f"{year}年{grade or '—'}" for year, grade in streak["earlier_grades"].items())
    years = "零一二三四五六七八九十"[streak["years"]] if streak["years"] <= 10 else str(streak["years"])
    print(f"{years}连优：{earlier}；" + (f"今年获评{TOP}的概率 {streak['probability']:.1%}" if streak["alive"]
                                            else "此前已中断，今年无法实现"))
"""#

    public static let standingChart = #"""
# 本县的名次概率与等次概率（模拟）。
home = next(unit for unit in standing["units"] if unit["unit"] == HOME)
rank_probabilities = pd.Series(home["simulated"]["rank_probabilities"], index=range(1, len(UNIT_NAMES) + 1))
grade_probabilities = pd.Series(home["simulated"]["grade_probabilities"])
fig, (left, right) = plt.subplots(1, 2, figsize=(11, 3.8), gridspec_kw={"width_ratios": [3, 2]})
bars = left.bar(rank_probabilities.index, rank_probabilities * 100, color="#1565c0")
left.bar_label(bars, labels=[f"{p:.0%}" if p >= 0.005 else "" for p in rank_probabilities], fontsize=8)
if len(rank_probabilities) <= 20:
    left.set_xticks(rank_probabilities.index, [f"第{rank}名" for rank in rank_probabilities.index], rotation=45)
else:
    left.set_xlabel("名次")
left.set_ylabel("概率（%）")
left.set_title(f"{HOME_NAME} 最终名次的概率")
palette = ["#2e7d32", "#1565c0", "#ef6c00", "#c62828", "#6d4c41", "#616161"]
bars = right.bar(grade_probabilities.index, grade_probabilities * 100, color=palette[:len(grade_probabilities)])
right.bar_label(bars, labels=[f"{p:.1%}" for p in grade_probabilities], fontsize=8)
right.set_ylabel("概率（%）")
right.set_title(f"{HOME_NAME} 最终等次的概率")
fig.tight_layout()
plt.show()

# 各单位的等次概率（按模拟均值排列；单位很多时只画前 MAX_UNITS - 1 个和本县）。
ordered = sorted(standing["units"], key=lambda unit: -unit["simulated"]["mean_total"])
if len(ordered) > MAX_UNITS:
    ordered = [unit for index, unit in enumerate(ordered) if index < MAX_UNITS - 1 or unit["unit"] == HOME]
grades = pd.DataFrame([unit["simulated"]["grade_probabilities"] for unit in ordered],
                      index=[unit["name"] + (" ★" if unit["unit"] == HOME else "") for unit in ordered])[GRADES]
fig, ax = plt.subplots(figsize=(9, 0.35 * len(grades) + 1.5))
left_edge = np.zeros(len(grades))
for grade, color in zip(GRADES, palette):
    ax.barh(grades.index[::-1], grades[grade][::-1] * 100, left=left_edge, color=color, label=grade)
    left_edge += grades[grade][::-1].to_numpy() * 100
ax.set_xlim(0, 100)
ax.set_xlabel("概率（%）")
ax.set_title("各单位最终等次的概率")
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=len(GRADES), frameon=False)
fig.tight_layout()
plt.show()
"""#

    /// Where the home county should push (the simulated effect of catching up with the next peer).
    public static let whereToPush = #"""
push = pd.DataFrame(standing["where_to_push"])
if push.empty:
    print("没有可模拟的发力方向。")
else:
    push = push.join(indicators[["name", "measure_unit"]], on="indicator")
    display(pd.DataFrame({
        "指标": push["name"],
        "需提高完成率(百分点)": (push["completion_shift"] * 100).round(1),
        "需追加": [f"{gap:+.2f}{unit}" if pd.notna(gap) else "—" for gap, unit in zip(push["value_gap"], push["measure_unit"])],
        "总分增加": push["mean_total_gain"].round(2),
        f"{TOP}概率增加(百分点)": (push["top_grade_probability_gain"] * 100).round(1),
    }).head(10))
"""#

    /// The indicators at risk.
    public static let risks = #"""
risks_path = Path("risks.csv")
if not risks_path.exists():
    print("这次导出没有风险清单（risks.csv）。")
else:
    risks = pd.read_csv(risks_path)
    LEVEL_NAMES = {"supervision": "督办", "warning": "预警"}
    display(pd.DataFrame({
        "级别": risks["level"].map(LEVEL_NAMES),
        "指标": risks["name"],
        "原因": risks["reasons"],
        "达标概率(%)": (risks["p_meet"] * 100).round(1),
        "分管县级领导": risks["leader"],
        "牵头单位": risks["lead_department"],
        "配合单位": risks["cooperating_departments"].fillna("").str.replace(";", "、"),
    }))
    print("风险统计：", risks["level"].map(LEVEL_NAMES).value_counts().to_dict())
"""#

    /// The department ledger.
    public static let ledger = #"""
ledger = pd.read_csv("ledger.csv")
KIND_NAMES = {"lead": "牵头", "cooperating": "配合", "negative_event": "负面清单", "late_report": "逾期报送",
              "missing_report": "未报送"}
totals = ledger.groupby("department", sort=False)["total"].first().sort_values()
entries = ledger.dropna(subset=["kind"])
display(pd.DataFrame({
    "部门": totals.index,
    "合计": totals.round(2).to_numpy(),
    "条目数": entries.groupby("department").size().reindex(totals.index).fillna(0).astype(int).to_numpy(),
}))
fig, ax = plt.subplots(figsize=(8, 0.3 * len(totals) + 1.5))
ax.barh(totals.index, totals, color=np.where(totals < 0, "#c62828", "#2e7d32"))
ax.axvline(0, color="black", linewidth=0.8)
ax.set_xlabel("分值（失分为负）")
ax.set_title(f"{HOME_NAME} 各部门加减分（双倍加减分，截至{AS_OF}）")
fig.tight_layout()
plt.show()
"""#

    public static let ledgerEntries = #"""
# 失分最多的五个部门的明细。
for department in totals.index[:5]:
    rows = entries[entries["department"] == department]
    print(f"{department}：合计 {totals[department]:+.2f} 分")
    display(pd.DataFrame({
        "类型": rows["kind"].map(KIND_NAMES),
        "指标": rows["indicator"].map(indicators["name"]).fillna("—"),
        "分值": rows["points"].round(2),
        "事由": rows["reason"],
    }).reset_index(drop=True))
"""#
}
