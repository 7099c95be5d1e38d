import ArgumentParser
import KaoheCore
import KaoheReports

/// The home county's indicators at risk: level (预警 or 督办) and every reason, with who answers for it.
struct Risks: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The home county's indicators at risk: warning or supervision, every reason, the leader and departments."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let engine = try prepareStanding(options, method: methodOptions)
        let view = RisksView(engine: engine, assessment: RiskAssessment(engine: engine))
        switch output.format {
        case .json: Console.output(view.json().rendered())
        case .csv: Console.output(view.csv())
        case .table: Console.output(view.table())
        }
    }
}

/// The three renderings of `kaohe risks`.
struct RisksView {
    let engine: StandingEngine
    let assessment: RiskAssessment

    var dataset: Dataset { engine.dataset }

    func json() -> JSONValue {
        let settings = dataset.settings
        return .object([
            ("unit", .string(dataset.units[assessment.unit].id)),
            ("as_of", .string(settings.asOf.description)),
            ("method", .string(engine.forecasts.method)),
            ("thresholds", .object([
                ("warning_below", .number(settings.risk.warningBelow)),
                ("supervision_below", .number(settings.risk.supervisionBelow)),
                ("behind_progress", .number(settings.risk.behindProgress)),
            ])),
            ("risks", .array(assessment.risks.map { risk in
                let indicator = dataset.indicators[risk.indicator]
                return .object([
                    ("indicator", .string(indicator.id)),
                    ("name", .string(indicator.name)),
                    ("category", .string(indicator.category)),
                    ("level", .string(risk.level.rawValue)),
                    ("reasons", .array(risk.reasons.map { reason in
                        .object([("code", .string(reason.code)), ("level", .string(reason.level.rawValue)),
                                 ("text", .string(reason.text))])
                    })),
                    ("leader", .string(indicator.leader)),
                    ("lead_department", .string(indicator.leadDepartment)),
                    ("cooperating_departments", .array(indicator.cooperatingDepartments.map { .string($0) })),
                    ("p_meet", .number(risk.pMeet)),
                    ("completion", .number(risk.status.completion)),
                    ("expected", .number(risk.status.expected)),
                    ("gap", .number(risk.status.gap)),
                    ("forecast", .number(risk.forecast.forecast)),
                    ("projected_completion", .number(risk.projectedCompletion)),
                    ("projected_rank", .integer(risk.projectedRank)),
                    ("units", .integer(risk.unitCount)),
                    ("stale", .bool(risk.status.stale)),
                ])
            })),
        ])
    }

    func csv() -> String {
        var csv = CSVWriter(header: ["indicator", "name", "level", "codes", "reasons", "leader", "lead_department",
                                    "cooperating_departments", "p_meet", "projected_completion", "projected_rank"])
        for risk in assessment.risks {
            let indicator = dataset.indicators[risk.indicator]
            csv.append([indicator.id, indicator.name, risk.level.rawValue, risk.reasons.map(\.code).joined(separator: ";"),
                        risk.reasons.map(\.text).joined(separator: "；"), indicator.leader, indicator.leadDepartment,
                        indicator.cooperatingDepartments.joined(separator: ";"),
                        risk.pMeet.map { JSONValue.format($0) } ?? "", risk.projectedCompletion.map { JSONValue.format($0) } ?? "",
                        risk.projectedRank.map(String.init) ?? ""])
        }
        return csv.text
    }

    func table() -> String {
        let settings = dataset.settings
        var table = TextTable(headers: ["级别", "指标", "原因", "达标概率", "分管县级领导", "牵头单位"],
                              alignments: [.left, .left, .left, .right, .left, .left])
        for risk in assessment.risks {
            let indicator = dataset.indicators[risk.indicator]
            for (index, reason) in risk.reasons.enumerated() {
                table.append(index == 0
                    ? [risk.level == .supervision ? "督办" : "预警", indicator.name, reason.text,
                       risk.pMeet.map { RiskText.probability($0) } ?? NumberFormat.missing, indicator.leader, indicator.leadDepartment]
                    : ["", "", reason.text, "", "", ""])
            }
        }
        let name = dataset.units[assessment.unit].name
        let title = "\(name) 风险指标（截至\(settings.asOf.chineseLabel)，预测方法 \(ForecastMethods.readerLabel(engine.forecasts.method))）"
        guard !assessment.risks.isEmpty else { return title + "\n\n各项指标均未触发预警或督办。" }
        let risk = settings.risk
        return [
            title, "", table.rendered(), "",
            "督办 \(assessment.count(.supervision)) 项，预警 \(assessment.count(.warning)) 项。"
                + "督办：达标概率低于\(RiskText.percent(risk.supervisionBelow))、按预计完成率排名处于后三分之一、负面清单扣分或一票否决；"
                + "预警：达标概率低于\(RiskText.percent(risk.warningBelow))、落后时序进度超过\(RiskText.points(risk.behindProgress))个百分点、"
                + "数据未更新、共性指标资料未报送、新增指标预测依据不足。",
        ].joined(separator: "\n")
    }
}
