import ArgumentParser
import KaoheCore
import KaoheReports

/// The peer table: where the county stands among its 兄弟县区 on each indicator.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The peer table: every unit's value, completion, rank, z and percentile on each indicator, and the gaps to close."
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: "One indicator, by id or name (default: every cumulative, rate and level indicator).")
    var indicator: String?
    @OptionGroup var unitOption: UnitOption
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let dataset = try options.load()
        let focus = try unitOption.resolve(in: dataset)
        let chosen = try indicator.map { [try Self.resolveIndicator($0, in: dataset)] }
        let forecasts = methodOptions.forecastAll(dataset)
        let tables = PeerComparison.tables(dataset, forecasts: forecasts, focus: focus, indicators: chosen)
        let view = CompareView(dataset: dataset, tables: tables, focus: focus, method: forecasts.method)
        switch output.format {
        case .json: Console.output(view.json().rendered())
        case .csv: Console.output(view.csv())
        case .table: Console.output(view.table())
        }
    }

    /// The index of the indicator named `text` (id or name), which must have targets to compare.
    static func resolveIndicator(_ text: String, in dataset: Dataset) throws -> Int {
        let wanted = text.trimmingSpaces()
        let comparable = dataset.indicators.filter { $0.measure.hasTarget }.map(\.id)
        guard let index = dataset.indicators.firstIndex(where: { $0.id == wanted || $0.name == wanted }) else {
            throw CommandFailure(
                message: "no indicator \"\(wanted)\" in \(dataset.directory); expected one of \(comparable.joined(separator: ", "))",
                status: ExitStatus.usage)
        }
        let found = dataset.indicators[index]
        guard found.measure.hasTarget else {
            throw CommandFailure(
                message: "indicator \"\(found.id)\" is measured as \(found.measure.rawValue); compare ranks cumulative, "
                    + "rate and level indicators: \(comparable.joined(separator: ", "))",
                status: ExitStatus.usage)
        }
        return index
    }
}

/// The three renderings of `kaohe compare`.
struct CompareView {
    let dataset: Dataset
    let tables: [PeerTable]
    let focus: Int
    let method: String

    private func gapJSON(_ gap: PeerGap?) -> JSONValue {
        guard let gap else { return .null }
        return .object([
            ("unit", .string(dataset.units[gap.unit].id)),
            ("completion", .number(gap.completion)),
            ("value", .number(gap.value)),
        ])
    }

    func json() -> JSONValue {
        .object([
            ("as_of", .string(dataset.settings.asOf.description)),
            ("method", .string(method)),
            ("unit", .string(dataset.units[focus].id)),
            ("unit_name", .string(dataset.units[focus].name)),
            ("indicators", .array(tables.map { table in
                let indicator = dataset.indicators[table.indicator]
                return .object([
                    ("indicator", .string(indicator.id)),
                    ("name", .string(indicator.name)),
                    ("category", .string(indicator.category)),
                    ("measure", .string(indicator.measure.rawValue)),
                    ("direction", .string(indicator.direction.rawValue)),
                    ("measure_unit", .string(indicator.unit)),
                    ("units_with_data", .integer(table.unitsWithData)),
                    ("units", .array(table.order.map { unit in
                        let row = table.rows[unit]
                        return .object([
                            ("unit", .string(dataset.units[unit].id)),
                            ("name", .string(dataset.units[unit].name)),
                            ("home", .bool(unit == dataset.settings.home)),
                            ("month", .integer(row.month)),
                            ("value", .number(row.value)),
                            ("target", .number(row.target)),
                            ("completion", .number(row.completion)),
                            ("rank", .integer(row.rank)),
                            ("z", .number(row.z)),
                            ("percentile", .number(row.percentile)),
                            ("projected_value", .number(row.projectedValue)),
                            ("projected_completion", .number(row.projectedCompletion)),
                            ("projected_rank", .integer(row.projectedRank)),
                            ("stale", .bool(row.stale)),
                        ])
                    })),
                    ("focus", .string(dataset.units[table.focus].id)),
                    ("focus_rank", .integer(table.focusRow.rank)),
                    ("gap_to_next", gapJSON(table.gapToNext)),
                    ("gap_to_leader", gapJSON(table.gapToLeader)),
                ])
            })),
        ])
    }

    func csv() -> String {
        var csv = CSVWriter(header: ["indicator", "unit", "month", "value", "target", "completion", "rank", "z",
                                    "percentile", "projected_value", "projected_completion", "projected_rank",
                                    "stale", "focus"])
        func number(_ value: Double?) -> String { value.map { JSONValue.format($0) } ?? "" }
        for table in tables {
            for unit in table.order {
                let row = table.rows[unit]
                csv.append([dataset.indicators[table.indicator].id, dataset.units[unit].id,
                            row.month.map(String.init) ?? "", number(row.value), number(row.target),
                            number(row.completion), String(row.rank), number(row.z), number(row.percentile),
                            number(row.projectedValue), number(row.projectedCompletion), String(row.projectedRank),
                            row.stale ? "yes" : "no", unit == table.focus ? "yes" : "no"])
            }
        }
        return csv.text
    }

    /// "增加 3.20 亿元" or "降低 1.50 微克/立方米".
    private func valueText(_ gap: PeerGap?, _ indicator: Indicator) -> String {
        guard let value = gap?.value, value.isFinite else { return NumberFormat.missing }
        // Two decimals, more for small values (at least two significant digits, at most four decimals).
        let magnitude = abs(value)
        var digits = 2
        while digits < 4, magnitude > 0, magnitude < 10 / pow10(digits) { digits += 1 }
        return (value < 0 ? "降低 " : "增加 ") + NumberFormat.decimal(magnitude, digits: digits) + indicator.unit
    }

    private func pow10(_ digits: Int) -> Double { (0..<digits).reduce(1.0) { value, _ in value * 10 } }

    private func label(_ indicator: Indicator) -> String {
        indicator.name + (indicator.unit.isEmpty ? "" : "（\(indicator.unit)）")
    }

    func table() -> String {
        let name = dataset.units[focus].name
        let count = dataset.units.count
        var lines = ["\(name) 与兄弟县区比较（截至\(dataset.settings.asOf.chineseLabel)，\(count)个单位，预测方法 \(ForecastMethods.readerLabel(method))）", ""]
        // The focus unit on every indicator, at a glance.
        var summary = TextTable(
            headers: ["指标", "当前值", "完成率", "位次", "标准分", "百分位", "前一名", "差距(百分点)", "追上前一名需",
                      "距第一名(百分点)", "预计完成率", "预计位次"],
            alignments: [.left, .right, .right, .right, .right, .right, .left, .right, .right, .right, .right, .right])
        for table in tables {
            let indicator = dataset.indicators[table.indicator]
            let row = table.focusRow
            summary.append([
                label(indicator),
                NumberFormat.decimal(row.value),
                NumberFormat.percent(row.completion),
                row.completion == nil ? NumberFormat.missing : "\(row.rank)/\(count)",
                NumberFormat.decimal(row.z),
                NumberFormat.percent(row.percentile, digits: 0),
                table.gapToNext.map { dataset.units[$0.unit].name } ?? (row.rank == 1 && row.completion != nil ? "（领先）" : NumberFormat.missing),
                NumberFormat.points(table.gapToNext.map { -$0.completion }),
                valueText(table.gapToNext, indicator),
                NumberFormat.points(table.gapToLeader.map { -$0.completion }),
                NumberFormat.percent(row.projectedCompletion),
                row.projectedCompletion == nil ? NumberFormat.missing : "\(row.projectedRank)/\(count)",
            ])
        }
        lines.append(summary.rendered())
        let first = tables.map(\.focusRow).filter { $0.completion != nil && $0.rank == 1 }.count
        let upperThird = tables.map(\.focusRow).filter { $0.completion != nil && 3 * $0.rank <= count }.count
        let bottomThird = tables.map(\.focusRow).filter { $0.completion != nil && 3 * $0.rank > 2 * count }.count
        lines += ["", "\(tables.count) 项指标中，\(name)位居第一 \(first) 项，处于前三分之一 \(upperThird) 项，后三分之一 \(bottomThird) 项。"
                  + "差距为负表示落后的百分点；标准分按完成率（样本标准差）计算。"]
        // Every indicator's full peer table.
        for table in tables {
            let indicator = dataset.indicators[table.indicator]
            var peers = TextTable(
                headers: ["位次", "单位", "月份", "当前值", "目标", "完成率", "标准分", "百分位", "年底预测", "预计完成率", "预计位次"],
                alignments: [.right, .left, .right, .right, .right, .right, .right, .right, .right, .right, .right])
            for unit in table.order {
                let row = table.rows[unit]
                peers.append([
                    row.completion == nil ? NumberFormat.missing : "\(row.rank)",
                    dataset.units[unit].name + (unit == focus ? " ★" : ""),
                    row.month.map { "\($0)月" + (row.stale ? "*" : "") } ?? "无数据",
                    NumberFormat.decimal(row.value),
                    NumberFormat.decimal(row.target),
                    NumberFormat.percent(row.completion),
                    NumberFormat.decimal(row.z),
                    NumberFormat.percent(row.percentile, digits: 0),
                    NumberFormat.decimal(row.projectedValue),
                    NumberFormat.percent(row.projectedCompletion),
                    row.projectedCompletion == nil ? NumberFormat.missing : "\(row.projectedRank)",
                ])
            }
            var heading = "【\(label(indicator))，\(indicator.direction.label)】"
            if let gap = table.gapToNext {
                heading += " 距前一名\(dataset.units[gap.unit].name)差 \(NumberFormat.decimal(gap.completion * 100, digits: 1)) 个百分点，需\(valueText(gap, indicator))"
                if let leader = table.gapToLeader, leader.unit != gap.unit {
                    heading += "；距第一名\(dataset.units[leader.unit].name)差 \(NumberFormat.decimal(leader.completion * 100, digits: 1)) 个百分点，需\(valueText(leader, indicator))"
                }
            } else if table.focusRow.completion != nil {
                heading += " \(name)位居第一"
            }
            lines += ["", heading, peers.rendered()]
        }
        if tables.contains(where: { $0.rows.contains { $0.stale && $0.month != nil } }) {
            lines += ["", "* 数据月份早于截至月份（数据滞后）。"]
        }
        return lines.joined(separator: "\n")
    }
}
