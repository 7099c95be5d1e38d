import ArgumentParser
import KaoheCore
import KaoheReports

/// The department ledger: what each department of the county gains or loses (双倍加减分).
struct Ledger: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The department ledger: each department's points from its indicators, negative-list events and late reports."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let engine = try prepareStanding(options, method: methodOptions)
        let view = LedgerView(dataset: engine.dataset, ledger: DepartmentLedger(engine: engine), method: engine.forecasts.method)
        switch output.format {
        case .json: Console.output(view.json().rendered())
        case .csv: Console.output(view.csv())
        case .table: Console.output(view.table())
        }
    }
}

/// The three renderings of `kaohe ledger`.
struct LedgerView {
    let dataset: Dataset
    let ledger: DepartmentLedger
    let method: String

    func json() -> JSONValue {
        let settings = dataset.settings
        return .object([
            ("as_of", .string(settings.asOf.description)),
            ("method", .string(method)),
            ("unit", .string(dataset.units[ledger.unit].id)),
            ("multiplier", .number(settings.departments.multiplier)),
            ("cooperating_share", .number(settings.departments.cooperatingShare)),
            ("deadline_day", .integer(settings.reporting.deadlineDay)),
            ("late_points", .number(settings.reporting.latePoints)),
            ("departments", .array(ledger.accounts.map { account in
                .object([
                    ("department", .string(account.department)),
                    ("total", .number(account.total)),
                    ("entries", .array(account.entries.map { entry in
                        .object([
                            ("indicator", .text(entry.indicator.map { dataset.indicators[$0].id })),
                            ("kind", .string(entry.kind.rawValue)),
                            ("points", .number(entry.points)),
                            ("reason", .string(entry.reason)),
                            ("period", .text(entry.period?.description)),
                            ("date", .text(entry.date?.description)),
                        ])
                    })),
                ])
            })),
        ])
    }

    func csv() -> String {
        var csv = CSVWriter(header: ["department", "total", "indicator", "kind", "points", "reason", "period", "date"])
        for account in ledger.accounts {
            let total = JSONValue.format(account.total)
            if account.entries.isEmpty { csv.append([account.department, total, "", "", "", "", "", ""]) }
            for entry in account.entries {
                csv.append([account.department, total, entry.indicator.map { dataset.indicators[$0].id } ?? "",
                            entry.kind.rawValue, JSONValue.format(entry.points), entry.reason,
                            entry.period?.description ?? "", entry.date?.description ?? ""])
            }
        }
        return csv.text
    }

    /// Points with a sign: "+3.60", "-2.40", "0.00".
    private func signed(_ value: Double) -> String {
        let text = NumberFormat.decimal(value)
        return value > 0 && text != NumberFormat.decimal(0) ? "+" + text : text
    }

    func table() -> String {
        let settings = dataset.settings
        var table = TextTable(headers: ["部门", "合计", "分值", "事由"], alignments: [.left, .right, .right, .left])
        for account in ledger.accounts {
            table.append([account.department, signed(account.total), "", account.entries.isEmpty ? "无加减分" : "共 \(account.entries.count) 项"])
            for entry in account.entries {
                table.append(["", "", signed(entry.points), entry.reason])
            }
        }
        let departments = settings.departments
        let losing = ledger.accounts.filter { $0.total < 0 && NumberFormat.decimal($0.total) != NumberFormat.decimal(0) }
        let gaining = ledger.accounts.filter { $0.total > 0 && NumberFormat.decimal($0.total) != NumberFormat.decimal(0) }
        return [
            "\(dataset.units[ledger.unit].name) 部门责任台账（截至\(settings.asOf.chineseLabel)，预测方法 \(ForecastMethods.readerLabel(method))）",
            "规则：指标预计失分（加分指标为预计得分）× \(departments.multiplier.formatted(shortest: true)) 计入牵头单位，"
                + "再 × \(departments.cooperatingShare.formatted(shortest: true)) 计入每个配合单位；负面清单扣分 × "
                + "\(departments.multiplier.formatted(shortest: true)) 计入责任部门；月报每月\(settings.reporting.deadlineDay)日前报送，"
                + "逾期或未报每次扣 \(settings.reporting.latePoints.formatted(shortest: true)) 分。失分为负，得分为正，按合计从低到高排列。",
            "",
            table.rendered(),
            "",
            "共 \(ledger.accounts.count) 个部门：\(losing.count) 个净失分，\(gaining.count) 个净得分，\(ledger.accounts.count - losing.count - gaining.count) 个持平。",
        ].joined(separator: "\n")
    }
}
