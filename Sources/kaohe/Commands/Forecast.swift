import ArgumentParser
import KaoheCore
import KaoheReports

/// Year-end forecasts with 80% and 95% intervals and the probability of meeting the target.
struct Forecast: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Year-end forecasts with 80% and 95% intervals and the probability of meeting the target."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var unitOption: UnitOption
    @Flag(help: "Forecast every unit, not only one.")
    var all = false
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func validate() throws {
        if all, unitOption.unit != nil { throw ValidationError("--unit 和 --all 只能给一个 — give either --unit or --all, not both") }
    }

    func run() throws {
        let dataset = try options.load()
        let engine = ForecastEngine(method: methodOptions.forecastMethod)
        let units = all ? Array(dataset.units.indices) : [try unitOption.resolve(in: dataset)]
        let forecastable = dataset.indicators.indices.filter { dataset.indicators[$0].measure.hasTarget }
        var rows: [(unit: Int, indicator: Int, forecast: YearEndForecast)] = []
        if all {
            let table = methodOptions.forecastAll(dataset)
            for unit in units { for indicator in forecastable { rows.append((unit, indicator, table[indicator: indicator, unit: unit])) } }
        } else {
            let forecasts = engine.forecast(dataset, unit: units[0])
            for indicator in forecastable { rows.append((units[0], indicator, forecasts[indicator])) }
        }
        switch output.format {
        case .json: Console.output(ForecastView.json(rows, dataset: dataset).rendered())
        case .csv: Console.output(ForecastView.csv(rows, dataset: dataset))
        case .table: Console.output(ForecastView.table(rows, dataset: dataset, method: methodOptions.method))
        }
    }
}

/// The three renderings of `kaohe forecast`.
enum ForecastView {
    typealias Row = (unit: Int, indicator: Int, forecast: YearEndForecast)

    static func json(_ rows: [Row], dataset: Dataset) -> JSONValue {
        .object([
            ("as_of", .string(dataset.settings.asOf.description)),
            ("forecasts", .array(rows.map { row in
                let f = row.forecast
                return .object([
                    ("unit", .string(dataset.units[row.unit].id)),
                    ("indicator", .string(dataset.indicators[row.indicator].id)),
                    ("month", .integer(f.month)),
                    ("actual", .number(f.actual)),
                    ("target", .number(f.target)),
                    ("forecast", .number(f.forecast)),
                    ("lo80", .number(f.lo80)),
                    ("hi80", .number(f.hi80)),
                    ("lo95", .number(f.lo95)),
                    ("hi95", .number(f.hi95)),
                    ("p_meet", .number(f.pMeet)),
                    ("method", .text(f.method)),
                    ("history_years", .integer(f.historyYears)),
                    ("stale", .bool(f.stale)),
                ])
            })),
        ])
    }

    static func csv(_ rows: [Row], dataset: Dataset) -> String {
        var csv = CSVWriter(header: ["unit", "indicator", "month", "actual", "target", "forecast", "lo80", "hi80",
                                    "lo95", "hi95", "p_meet", "method", "history_years", "stale"])
        func number(_ value: Double?) -> String { value.map { JSONValue.format($0) } ?? "" }
        for row in rows {
            let f = row.forecast
            csv.append([dataset.units[row.unit].id, dataset.indicators[row.indicator].id, f.month.map(String.init) ?? "",
                        number(f.actual), number(f.target), number(f.forecast), number(f.lo80), number(f.hi80),
                        number(f.lo95), number(f.hi95), number(f.pMeet), f.method ?? "", String(f.historyYears),
                        f.stale ? "yes" : "no"])
        }
        return csv.text
    }

    static func table(_ rows: [Row], dataset: Dataset, method: String) -> String {
        let manyUnits = Set(rows.map(\.unit)).count > 1
        var table = TextTable(
            headers: (manyUnits ? ["单位"] : []) + ["指标", "月份", "当前值", "目标", "年底预测", "80%区间", "95%区间", "达标概率", "方法", "历史年数"],
            alignments: (manyUnits ? [.left] : []) + [.left, .right, .right, .right, .right, .right, .right, .right, .left, .right]
        )
        for row in rows {
            let f = row.forecast
            let indicator = dataset.indicators[row.indicator]
            func interval(_ lo: Double?, _ hi: Double?) -> String {
                guard let lo, let hi else { return NumberFormat.missing }
                return "\(NumberFormat.decimal(lo))～\(NumberFormat.decimal(hi))"
            }
            table.append((manyUnits ? [dataset.units[row.unit].name] : []) + [
                indicator.name + (indicator.unit.isEmpty ? "" : "（\(indicator.unit)）"),
                f.month.map { "\($0)月" } ?? "—",
                NumberFormat.decimal(f.actual),
                NumberFormat.decimal(f.target),
                NumberFormat.decimal(f.forecast),
                interval(f.lo80, f.hi80),
                interval(f.lo95, f.hi95),
                NumberFormat.percent(f.pMeet),
                ForecastMethods.chineseLabel(f.method),
                String(f.historyYears),
            ])
        }
        let subject = manyUnits ? "各单位" : dataset.units[rows.first?.unit ?? dataset.settings.home].name
        let title = "\(subject) 年底预测（截至\(dataset.settings.asOf.chineseLabel)，方法 \(ForecastMethods.readerLabel(method))）"
        return [title, "", table.rendered()].joined(separator: "\n")
    }
}
