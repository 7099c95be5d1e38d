import ArgumentParser
import Foundation
import KaoheCategories
import KaoheCore
import KaoheReports

/// How well each forecasting method would have done: hides years whose December is known and scores
/// the forecasts made from earlier months, beside the linear pace C·12/m.
struct Backtest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "How well each forecasting method would have done on the years whose December is known.",
        discussion: """
            Every history year of every cumulative indicator is hidden in turn and its December forecast \
            from each month m with the other years as history and as the peers' pool (scope history); \
            when the assessment year is complete (as_of = December), it is forecast from the earlier \
            years only (scope current, the real out-of-sample task). A hidden history year's target is \
            1.05 × the unit's previous December (targets.csv holds only the assessment year's). \
            Several dataset folders are pooled into one report. MAPE, median APE, bias and interval \
            widths are in percent of the actual December value; coverages are shares; the Brier score \
            is of p_meet. The linear row is the pace C·12/m (σ of ln F = default_log_sd).
            """
    )

    @Argument(help: "Dataset folders, pooled (default: the bundled datasets/ankang-2019).")
    var datasets: [String] = [DatasetOptions.bundled]

    @Option(name: .customLong("as-of"), help: "Look at the files as of an earlier month (YYYY-MM).")
    var asOf: YearMonth?

    @Option(help: ArgumentHelp(
        "Methods to compare, separated by commas (default: every method, \(ForecastMethods.names.joined(separator: ","))); the linear pace is always added.",
        valueName: "a,b,…"))
    var method: String?

    @Option(help: ArgumentHelp("Months to forecast from, separated by commas (1–11; default 3,6,9).", valueName: "m,…"))
    var months: String = "3,6,9"

    @Option(help: "Years to hide: all, history (each history year in turn) or current (the complete assessment year).")
    var scope: BacktestScopeOption = .all

    @Option(help: ArgumentHelp("Also write every single case to this CSV file.", valueName: "file"))
    var cases: String?

    @OptionGroup var output: FormatOptions

    enum BacktestScopeOption: String, ExpressibleByArgument, CaseIterable {
        case all, history, current
        var scopes: [BacktestScope] {
            switch self {
            case .all: BacktestScope.allCases
            case .history: [.history]
            case .current: [.current]
            }
        }
    }

    /// The method names asked for, trimmed and without duplicates.
    var methodNames: [String] {
        guard let method else { return ForecastMethods.names }
        var seen = Set<String>()
        return method.split(separator: ",").map { String($0).trimmingSpaces().lowercased() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The months asked for, nil when one is not a month 1…11.
    var monthList: [Int]? {
        let values = months.split(separator: ",").map { Int(String($0).trimmingSpaces()) }
        guard !values.isEmpty, values.allSatisfy({ $0.map { (1...11).contains($0) } ?? false }) else { return nil }
        return Array(Set(values.compactMap { $0 })).sorted()
    }

    func validate() throws {
        let names = methodNames
        if names.isEmpty { throw ValidationError("--method 至少要给一个方法名 — --method needs at least one method name") }
        for name in names where name != "linear" && ForecastMethods.named(name) == nil {
            throw ValidationError("没有预测方法 \"\(name)\"，应为 \(ForecastMethods.names.joined(separator: ", ")) 中的若干个（线性外推总会加入） — "
                + "unknown method \"\(name)\"; expected some of \(ForecastMethods.names.joined(separator: ", ")) (the linear pace is always added)")
        }
        if monthList == nil { throw ValidationError("--months 须为 1–11 的月份，以逗号分隔，如 3,6,9 — --months takes months 1–11 separated by commas, e.g. 3,6,9") }
    }

    func run() throws {
        let loader = DatasetLoader(categories: registeredCategories)
        var loaded: [Dataset] = []
        for directory in datasets { loaded.append(try loader.load(directory: directory, asOf: asOf)) }
        let methods = methodNames.compactMap { ForecastMethods.named($0) }
        var backtest = KaoheCore.Backtest(methods: methods, months: monthList ?? [3, 6, 9], scopes: scope.scopes)
        backtest.keepCases = cases != nil
        let report = backtest.run(loaded)
        if let cases {
            do {
                try BacktestView.casesCSV(report).write(toFile: cases, atomically: true, encoding: .utf8)
            } catch {
                throw CommandFailure(message: "无法写入 \(cases) — cannot write \(cases): \(error.localizedDescription)", status: ExitStatus.usage)
            }
            Console.error("kaohe: 已将 \(report.cases.count) 个回测案例写入 \(cases) — wrote \(report.cases.count) cases to \(cases)")
        }
        if report.rows.isEmpty {
            Console.error("kaohe: 提示：没有可回测的案例，数据集中没有已知12月数值的累计值序列"
                + (scope == .current ? "（完整考核年度，as_of 须为12月）" : "")
                + " — note: no cases — the datasets have no cumulative series with a known December"
                + (scope == .current ? " in a complete assessment year (as_of must be December)" : ""))
        }
        switch output.format {
        case .json: Console.output(BacktestView.json(report).rendered())
        case .csv: Console.output(BacktestView.csv(report))
        case .table: Console.output(BacktestView.table(report))
        }
    }
}

/// The three renderings of `kaohe backtest`.
enum BacktestView {
    /// A fraction as a percentage number (0.0718 → 7.18).
    static func percent(_ value: Double) -> Double { value * 100 }

    static func scopeLabel(_ scope: BacktestScope) -> String {
        switch scope {
        case .history: "留一年检验（历史年份逐年隐去）"
        case .current: "样本外检验（考核年份，仅用此前年份）"
        }
    }

    static func targetRule(_ report: BacktestReport) -> String {
        "hidden history years: target = \(JSONValue.format(report.targetFactor)) × the unit's previous December (targets.csv has only the assessment year's); the assessment year: its target in targets.csv"
    }

    static func json(_ report: BacktestReport) -> JSONValue {
        .object([
            ("datasets", .array(report.datasets.map { .string($0) })),
            ("methods", .array(report.methods.map { .string($0) })),
            ("months", .array(report.months.map { .integer($0) })),
            ("series", .integer(report.series)),
            ("series_years", .object(report.scopes.map { ($0.rawValue, .integer(report.seriesYears[$0] ?? 0)) })),
            ("target_rule", .string(targetRule(report))),
            ("metric_units", .string("mape, median_ape, bias, width80, width95: percent of the actual December value; coverage80, coverage95, fallback_share: shares; brier: of p_meet")),
            ("results", .array(report.rows.map { row in
                let m = row.metrics
                return .object([
                    ("scope", .string(row.scope.rawValue)),
                    ("method", .string(row.method)),
                    ("month", .integer(row.month)),
                    ("cases", .integer(m.cases)),
                    ("mape", .number(percent(m.meanAbsoluteError))),
                    ("median_ape", .number(percent(m.medianAbsoluteError))),
                    ("bias", .number(percent(m.bias))),
                    ("coverage80", .number(m.coverage80)),
                    ("coverage95", .number(m.coverage95)),
                    ("width80", .number(percent(m.width80))),
                    ("width95", .number(percent(m.width95))),
                    ("brier", .number(m.brier)),
                    ("brier_cases", .integer(m.brierCases)),
                    ("fallback_share", .number(m.fallbackShare)),
                ])
            })),
        ])
    }

    static func csv(_ report: BacktestReport) -> String {
        var csv = CSVWriter(header: ["scope", "method", "month", "cases", "mape", "median_ape", "bias", "coverage80",
                                    "coverage95", "width80", "width95", "brier", "brier_cases", "fallback_share"])
        for row in report.rows {
            let m = row.metrics
            csv.append([row.scope.rawValue, row.method, row.month.map(String.init) ?? "all", String(m.cases),
                        JSONValue.format(percent(m.meanAbsoluteError)), JSONValue.format(percent(m.medianAbsoluteError)),
                        JSONValue.format(percent(m.bias)), JSONValue.format(m.coverage80), JSONValue.format(m.coverage95),
                        JSONValue.format(percent(m.width80)), JSONValue.format(percent(m.width95)),
                        m.brier.map { JSONValue.format($0) } ?? "", String(m.brierCases), JSONValue.format(m.fallbackShare)])
        }
        return csv.text
    }

    /// Every case: one row per scope, series, hidden year, method and month.
    static func casesCSV(_ report: BacktestReport) -> String {
        var csv = CSVWriter(header: ["scope", "dataset", "indicator", "unit", "year", "method", "month", "actual", "target",
                                    "forecast", "lo80", "hi80", "lo95", "hi95", "p_meet", "met", "method_used"])
        func number(_ value: Double?) -> String { value.map { JSONValue.format($0) } ?? "" }
        for c in report.cases {
            let o = c.outcome
            csv.append([c.scope.rawValue, c.dataset, c.indicator, c.unit, String(c.year), c.method, String(c.month),
                        number(o.actual), number(c.target), number(o.forecast), number(o.lo80), number(o.hi80),
                        number(o.lo95), number(o.hi95), number(o.pMeet), o.met.map { $0 ? "yes" : "no" } ?? "",
                        o.method ?? ""])
        }
        return csv.text
    }

    static func table(_ report: BacktestReport) -> String {
        var parts: [String] = []
        let sources = report.datasets.count == 1 ? report.datasets[0] : "\(report.datasets.count)个数据集"
        parts.append("预测方法回测（\(sources)，\(report.series)个累计值序列，月份 \(report.months.map(String.init).joined(separator: "、"))）")
        for scope in report.scopes {
            let rows = report.rows.filter { $0.scope == scope }
            parts.append("")
            parts.append("\(scopeLabel(scope))：\(report.seriesYears[scope] ?? 0)个序列年")
            guard !rows.isEmpty else {
                parts.append(scope == .current ? "（考核年份尚未结束：as_of 须为12月）" : "（没有可检验的年份）")
                continue
            }
            var table = TextTable(
                headers: ["方法", "月份", "个数", "平均绝对百分比误差", "绝对百分比误差中位数", "偏差", "80%区间覆盖率",
                          "95%区间覆盖率", "80%区间相对宽度", "95%区间相对宽度", "布里尔评分", "回退比例"],
                alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right, .right]
            )
            for row in rows {
                let m = row.metrics
                table.append([
                    methodLabel(row.method), row.month.map { "\($0)月" } ?? "全部", String(m.cases),
                    NumberFormat.percent(m.meanAbsoluteError, digits: 2), NumberFormat.percent(m.medianAbsoluteError, digits: 2),
                    NumberFormat.percent(m.bias, digits: 2), NumberFormat.decimal(m.coverage80, digits: 3),
                    NumberFormat.decimal(m.coverage95, digits: 3), NumberFormat.percent(m.width80, digits: 1),
                    NumberFormat.percent(m.width95, digits: 1), NumberFormat.decimal(m.brier, digits: 3),
                    NumberFormat.percent(m.fallbackShare, digits: 1),
                ])
            }
            parts.append(table.rendered())
        }
        parts.append("")
        parts.append("注：误差、偏差、区间宽度均为占年底实际值的百分比；偏差为正表示预测偏高。线性外推为 C×12/m（ln F 的标准差取 default_log_sd）。")
        if report.scopes.contains(.history) {
            parts.append("注：历史年份没有目标值，按该单位上一年12月值的\(JSONValue.format(report.targetFactor))倍计算达标与否（布里尔评分）；考核年份用 targets.csv 的目标。")
        }
        return parts.joined(separator: "\n")
    }

    /// A method's name with its Chinese name (`ForecastMethods.chineseLabel`).
    static func methodLabel(_ method: String) -> String {
        let chinese = ForecastMethods.chineseLabel(method)
        return chinese == method ? method : "\(chinese) \(method)"
    }
}
