import ArgumentParser
import KaoheCore
import KaoheReports

/// Where each indicator stands now: completion against time progress (时序进度).
struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Where each indicator stands now: completion against time progress."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var unitOption: UnitOption
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let dataset = try options.load()
        let unit = try unitOption.resolve(in: dataset)
        let rows = ForecastEngine.status(dataset, unit: unit)
        switch output.format {
        case .json: Console.output(StatusView.json(rows, dataset: dataset, unit: unit).rendered())
        case .csv: Console.output(StatusView.csv(rows, dataset: dataset))
        case .table: Console.output(StatusView.table(rows, dataset: dataset, unit: unit))
        }
    }
}

/// The three renderings of `kaohe status`.
enum StatusView {
    static func json(_ rows: [ProgressStatus], dataset: Dataset, unit: Int) -> JSONValue {
        .object([
            ("unit", .string(dataset.units[unit].id)),
            ("unit_name", .string(dataset.units[unit].name)),
            ("as_of", .string(dataset.settings.asOf.description)),
            ("indicators", .array(rows.map { row in
                let indicator = dataset.indicators[row.indicator]
                return .object([
                    ("indicator", .string(indicator.id)),
                    ("name", .string(indicator.name)),
                    ("category", .string(indicator.category)),
                    ("month", .integer(row.month)),
                    ("actual", .number(row.actual)),
                    ("target", .number(row.target)),
                    ("completion", .number(row.completion)),
                    ("expected", .number(row.expected)),
                    ("gap", .number(row.gap)),
                    ("state", .text(row.state?.rawValue)),
                    ("expected_source", .text(row.expectedSource)),
                    ("stale", .bool(row.stale)),
                ])
            })),
        ])
    }

    static func csv(_ rows: [ProgressStatus], dataset: Dataset) -> String {
        var csv = CSVWriter(header: ["indicator", "name", "category", "month", "actual", "target", "completion",
                                    "expected", "gap", "state", "stale"])
        func number(_ value: Double?) -> String { value.map { JSONValue.format($0) } ?? "" }
        for row in rows {
            let indicator = dataset.indicators[row.indicator]
            csv.append([indicator.id, indicator.name, indicator.category, row.month.map(String.init) ?? "",
                        number(row.actual), number(row.target), number(row.completion), number(row.expected),
                        number(row.gap), row.state?.rawValue ?? "", row.stale ? "yes" : "no"])
        }
        return csv.text
    }

    static func table(_ rows: [ProgressStatus], dataset: Dataset, unit: Int) -> String {
        var table = TextTable(
            headers: ["指标", "类别", "月份", "当前值", "目标", "完成率", "时序进度", "差距(百分点)", "状态"],
            alignments: [.left, .left, .right, .right, .right, .right, .right, .right, .left]
        )
        let categories = registeredCategoryNames()
        var behind = 0
        for row in rows {
            let indicator = dataset.indicators[row.indicator]
            let state: String
            switch row.state {
            case .behind?: state = "▼ 落后"; behind += 1
            case .ahead?: state = "▲ 超前"
            case .onTrack?: state = "正常"
            case nil: state = row.stale ? "无本年数据" : "—"
            }
            table.append([
                indicator.name + (indicator.unit.isEmpty ? "" : "（\(indicator.unit)）"),
                categories[indicator.category] ?? indicator.category,
                row.month.map { "\($0)月" } ?? "—",
                NumberFormat.decimal(row.actual),
                NumberFormat.decimal(row.target),
                NumberFormat.percent(row.completion),
                NumberFormat.percent(row.expected),
                NumberFormat.points(row.gap),
                state + (row.stale && row.state != nil ? "（数据滞后）" : ""),
            ])
        }
        let title = "\(dataset.units[unit].name) 指标完成情况（截至\(dataset.settings.asOf.chineseLabel)）"
        let footer = "共 \(rows.count) 项指标，\(behind) 项落后于时序进度（差距超过 \(NumberFormat.decimal(dataset.settings.risk.behindProgress * 100, digits: 0)) 个百分点）。"
        return [title, "", table.rendered(), "", footer].joined(separator: "\n")
    }
}
