#!/usr/bin/env python3
"""Converts the real reference data of ../shared/reference into Kaohe datasets for `kaohe backtest`.

Python standard library only. The output goes under a git-ignored folder (default `.realdata/`) and is
never committed: the data belong to their publishers (see ../shared/reference/README.md).

    script/realdata/convert.py [--reference ../shared/reference] [--out .realdata]

writes

    .realdata/m3/            one dataset: the 1,428 monthly M3 series (train and test parts together)
    .realdata/nbs/2016/ … .realdata/nbs/2019/
                             China's industrial profit, one dataset per evaluated year

The M3 task (docs/FORECASTING.md):
  * a calendar year of a series becomes a year-to-date cumulative series (the values are positive);
  * the last complete calendar year is the current (assessment) year, as_of = December, and up to six
    complete years before it are history (an incomplete first year is dropped);
  * N2801–N2829 carry no calendar dates (their times read 1-01, 1-02, …): their years are 12-month
    blocks from the first observation, which is what those labels already are;
  * the target is 1.05 × the previous year's December total.
  Layout: ONE unit (`m3`) and one INDICATOR per series. Kaohe's pooled fallback pools the units of one
  indicator, so with this layout it pools a series only with itself; putting the series side by side
  as units of one indicator would pool unrelated series (shipments with births with interest rates),
  which would be wrong. Calendar years are relabelled so that every series' current year is 2000 (its
  history 1994–1999) because a dataset has one assessment year and M3 years start in the 1860s (the
  month of the year is kept; the true span of each series is in indicators.csv `source`).

The NBS task:
  * `profit.csv` holds year-to-date totals (亿元) with January and February published together, so a
    year's first value is month 2 and January stays empty;
  * each of the years 2016–2019 is the current year of its own dataset (as_of = December) with every
    earlier year from 2012 as history; the target is 1.05 × the previous year's December total (the
    M3 rule; the published targets are not in the data).
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
from collections import defaultdict

M3_CURRENT_YEAR = 2000
M3_HISTORY_YEARS = 6
TARGET_FACTOR = 1.05
NBS_CURRENT_YEARS = range(2016, 2020)
NBS_FIRST_YEAR = 2012

INDICATOR_HEADER = ["id", "name", "category", "measure", "unit", "direction", "weight", "leader",
                    "lead_department", "cooperating_departments", "source"]


def number(value: float) -> str:
    """A value as written in observations.csv and targets.csv (shortest round-trip form)."""
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def write_dataset(folder: str, *, name: str, year: int, unit_id: str, unit_name: str, note: str,
                  indicators: list[list[str]], targets: list[tuple[str, float]],
                  observations: list[tuple[str, int, int, float]]) -> None:
    """Writes one dataset folder: dataset.yaml, indicators.csv, targets.csv, observations.csv."""
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "dataset.yaml"), "w", encoding="utf-8") as f:
        for line in note.strip().splitlines():
            f.write(f"# {line}\n")
        f.write(f"name: {name}\n")
        f.write(f"year: {year}\n")
        f.write(f"as_of: {year}-12\n")
        f.write(f"home: {unit_id}\n")
        f.write(f"units:\n  - {{id: {unit_id}, name: {unit_name}}}\n")
        f.write("grades:\n  - {name: 优秀, min: 90}\n  - {name: 良好, min: 80}\n"
                "  - {name: 一般, min: 60}\n  - {name: 较差, min: 0}\n")
    with open(os.path.join(folder, "indicators.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(INDICATOR_HEADER)
        writer.writerows(indicators)
    with open(os.path.join(folder, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["unit", "indicator", "target"])
        for indicator, target in targets:
            writer.writerow([unit_id, indicator, number(target)])
    with open(os.path.join(folder, "observations.csv"), "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["unit", "indicator", "period", "value"])
        for indicator, y, m, value in observations:
            writer.writerow([unit_id, indicator, f"{y:04d}-{m:02d}", number(value)])


def convert_m3(reference: str, out: str, offset: int = 0) -> int:
    """The M3 dataset; returns the number of series written. With `offset` k > 0 the current year is
    the k-th complete year before the last one and later years are dropped (an earlier forecast
    origin, to check that what was chosen on the last year holds on another)."""
    info = {}
    with open(os.path.join(reference, "m3", "M3_info.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            info[row["sn"]] = row
    series: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    with open(os.path.join(reference, "m3", "M3_monthly_long.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):  # train and test parts, every observation
            year, month = (int(part) for part in row["time"].split("-"))
            series[row["sn"]].append((year, month, float(row["value"])))

    indicators, targets, observations = [], [], []
    for sn in sorted(series):
        points = sorted(series[sn])
        by_year: dict[int, dict[int, float]] = defaultdict(dict)
        for year, month, value in points:
            if value <= 0:
                raise SystemExit(f"{sn} {year}-{month:02d}: value {value} is not positive")
            by_year[year][month] = value
        complete = sorted(y for y, months in by_year.items() if len(months) == 12)
        complete = complete[:len(complete) - offset]
        if len(complete) < 3:
            print(f"note: {sn} has fewer than three complete years; left out", file=sys.stderr)
            continue
        current = complete[-1]
        history = [y for y in complete[:-1] if y >= current - M3_HISTORY_YEARS]
        years = history + [current]
        # Years between the first kept year and the current one are complete (M3 series have no gaps).
        assert years == list(range(years[0], current + 1)), sn
        shift = M3_CURRENT_YEAR - current
        ident = sn.lower()
        meta = info.get(sn, {})
        dated = not points[0][0] < 100  # N2801–N2829: times 1-01, 2-01, … (12-month blocks)
        span = (f"{years[0]}-01…{current}-12" if dated
                else f"blocks {years[0]}…{current} of 12 months from the first observation (no calendar dates)")
        indicators.append([
            ident, f"M3 {sn} {meta.get('description', '').strip()}".strip(), "quantitative", "cumulative",
            "", "higher", "1", "", "", "", f"M3 {sn} {meta.get('type', '')} {span}, relabelled {years[0] + shift}–{M3_CURRENT_YEAR}",
        ])
        previous_december = sum(by_year[current - 1][m] for m in range(1, 13))
        targets.append((ident, TARGET_FACTOR * previous_december))
        for year in years:
            total = 0.0
            for month in range(1, 13):
                total += by_year[year][month]
                observations.append((ident, year + shift, month, total))
    folder = "m3" if offset == 0 else f"m3-origin-{offset}"
    origin = "its last complete calendar year" if offset == 0 else f"its complete year {offset} before the last one; later years dropped"
    write_dataset(
        os.path.join(out, folder), name="M3 monthly series as year-to-date totals", year=M3_CURRENT_YEAR,
        unit_id="m3", unit_name="M3",
        note=f"""Generated by script/realdata/convert.py from ../shared/reference/m3 — do not commit.
The 1,428 monthly series of the M3 competition (Makridakis & Hibon 2000; IIF data via R package Mcomp).
One indicator per series, one unit: the pooled fallback pools a series with itself only.
Years are relabelled so that every series' current year ({origin}) is {M3_CURRENT_YEAR};
targets are 1.05 × the previous year's December total.""",
        indicators=indicators, targets=targets, observations=observations,
    )
    return len(indicators)


def convert_nbs(reference: str, out: str) -> list[int]:
    """The NBS datasets, one per evaluated year; returns the years written."""
    values: dict[int, dict[int, float]] = defaultdict(dict)
    with open(os.path.join(reference, "nbs-industrial-profit", "profit.csv"), encoding="utf-8") as f:
        for row in csv.DictReader(f):
            year, month = int(float(row["yr"])), int(float(row["mon"]))
            values[year][month] = float(row["cumValue"])
    written = []
    for current in NBS_CURRENT_YEARS:
        years = [y for y in range(NBS_FIRST_YEAR, current + 1) if y in values]
        if current not in values or 12 not in values[current] or 12 not in values.get(current - 1, {}):
            print(f"note: NBS {current} lacks December (or its previous December); left out", file=sys.stderr)
            continue
        observations = [("industrial_profit", y, m, v) for y in years for m, v in sorted(values[y].items())]
        write_dataset(
            os.path.join(out, "nbs", str(current)), name=f"全国规模以上工业企业利润总额（{current}年检验）",
            year=current, unit_id="china", unit_name="全国",
            note=f"""Generated by script/realdata/convert.py from ../shared/reference/nbs-industrial-profit — do not commit.
Year-to-date total profit of industrial enterprises above designated size (NBS via Wind, repository
common2016/TBHB). January and February are published together: each year starts at month 2.
{current} is the evaluated year, {years[0]}–{current - 1} its history; the target is 1.05 × the {current - 1} December total.""",
            indicators=[["industrial_profit", "规模以上工业企业利润总额", "quantitative", "cumulative", "亿元",
                         "higher", "1", "", "", "", "NBS via Wind (common2016/TBHB)"]],
            targets=[("industrial_profit", TARGET_FACTOR * values[current - 1][12])],
            observations=observations,
        )
        written.append(current)
    return written


def main() -> None:
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", default=os.path.join(root, "..", "shared", "reference"),
                        help="the reference folder (default: ../shared/reference)")
    parser.add_argument("--out", default=os.path.join(root, ".realdata"), help="output folder (default: .realdata)")
    parser.add_argument("--m3-origin", type=int, default=0, metavar="K",
                        help="also write .realdata/m3-origin-K: the M3 task with the current year K complete years "
                             "before the last one (default: none)")
    args = parser.parse_args()
    count = convert_m3(args.reference, args.out)
    print(f"{os.path.join(args.out, 'm3')}: {count} series")
    if args.m3_origin > 0:
        count = convert_m3(args.reference, args.out, offset=args.m3_origin)
        print(f"{os.path.join(args.out, f'm3-origin-{args.m3_origin}')}: {count} series")
    years = convert_nbs(args.reference, args.out)
    for year in years:
        print(f"{os.path.join(args.out, 'nbs', str(year))}: {year}, history {NBS_FIRST_YEAR}–{year - 1}")


if __name__ == "__main__":
    main()
