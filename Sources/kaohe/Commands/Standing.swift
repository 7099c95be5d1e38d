import ArgumentParser
import KaoheCore
import KaoheReports

/// Current, projected and simulated score, rank and grade of every unit.
struct Standing: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Current, projected and simulated score, rank and grade; where the home county should push."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var simulation: SimulationOptions
    @Flag(inversion: .prefixedNo, help: "Simulate, for the home county, closing the gap to the next better peer on each indicator.")
    var whereToPush = true
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        let engine = try prepareStanding(options, method: methodOptions)
        let report = try StandingReport(engine: engine, simulation: simulation, whereToPush: whereToPush)
        switch output.format {
        case .json:
            // A national peer group's rank probabilities run to 150 MB: written as they are rendered.
            report.writeJSON { Console.write($0) }
            Console.write("\n")
        case .csv: Console.output(report.csv())
        case .table: Console.output(report.table())
        }
    }
}

/// Everything `kaohe standing` says, and its three renderings.
struct StandingReport: Sendable {
    let engine: StandingEngine
    let current: ScenarioStanding
    let projected: ScenarioStanding
    let simulated: SimulatedStanding

    /// Current, projected and simulated standing of `engine`'s dataset, with the home county's
    /// where-to-push cases simulated on the same draws when asked.
    init(engine: StandingEngine, simulation: SimulationOptions, whereToPush: Bool) throws {
        try SimulationOptions.checkSize(draws: simulation.draws, units: engine.unitCount)
        self.engine = engine
        current = engine.standing(.current)
        projected = engine.standing(.projected)
        simulated = engine.simulate(draws: simulation.draws, seed: simulation.seed, threads: simulation.threads,
                                    pushes: whereToPush ? engine.pushCandidates(unit: engine.dataset.settings.home) : [])
    }

    var dataset: Dataset { engine.dataset }
    var gradeNames: [String] { dataset.settings.grades.map(\.name) }
    var home: Int { dataset.settings.home }

    var streak: StreakOutlook {
        StreakOutlook(settings: dataset.settings, topGradeProbability: simulated.gradeProbabilities[home][0])
    }

    /// Push effects, the most useful first: the gain in P(top grade), then in expected total.
    var rankedPushes: [PushEffect] {
        simulated.pushes.sorted {
            ($0.topGradeProbabilityGain, $0.meanTotalGain, -$0.push.indicator)
                > ($1.topGradeProbabilityGain, $1.meanTotalGain, -$1.push.indicator)
        }
    }

    /// The document of cli.md, whole.
    func json() -> JSONValue {
        .object(jsonEntries(units: .array(dataset.units.indices.map(unitJSON))))
    }

    /// The same text as `json().rendered()`, handed to `write` piece by piece, the units rendered in
    /// parallel batches.
    func writeJSON(_ write: (String) -> Void) {
        JSONValue.writeObject(jsonEntries(units: .null), streaming: "units", count: dataset.units.count,
                              element: unitJSON, to: write)
    }

    @Sendable private func unitJSON(_ unit: Int) -> JSONValue {
        func scenario(_ standing: ScenarioStanding) -> JSONValue {
            .object([("total", .number(standing.totals[unit])), ("rank", .integer(standing.ranks[unit])),
                     ("grade", .string(gradeNames[standing.grades[unit]]))])
        }
        return .object([
            ("unit", .string(dataset.units[unit].id)),
            ("name", .string(dataset.units[unit].name)),
            ("current", scenario(current)),
            ("projected", scenario(projected)),
            ("simulated", .object([
                ("mean_total", .number(simulated.meanTotals[unit])),
                ("p10_total", .number(simulated.p10Totals[unit])),
                ("p90_total", .number(simulated.p90Totals[unit])),
                ("rank_probabilities", .array(simulated.rankProbabilities[unit].map { .number($0) })),
                ("grade_probabilities", .object(zip(gradeNames, simulated.gradeProbabilities[unit]).map { ($0, .number($1)) })),
            ])),
        ])
    }

    /// The document's entries in order, with `units` as the value of "units".
    private func jsonEntries(units: JSONValue) -> [(String, JSONValue)] {
        let outlook = streak
        return [
            ("as_of", .string(dataset.settings.asOf.description)),
            ("method", .string(engine.forecasts.method)),
            ("draws", .integer(simulated.draws)),
            ("seed", .number(Double(simulated.seed))),
            ("home", .string(dataset.units[home].id)),
            ("units", units),
            ("streak", .object([
                ("years", .integer(outlook.earlierYears.count + 1)),
                ("earlier_grades", .object(outlook.earlierYears.map { (String($0.year), .text($0.grade)) })),
                ("alive", .bool(outlook.isAlive)),
                ("probability", .number(outlook.probability)),
            ])),
            ("where_to_push", .array(rankedPushes.map { effect in
                let indicator = dataset.indicators[effect.push.indicator]
                return .object([
                    ("indicator", .string(indicator.id)),
                    ("completion_shift", .number(effect.push.completionShift)),
                    ("value_gap", .number(engine.valueGap(of: effect.push))),
                    ("mean_total_gain", .number(effect.meanTotalGain)),
                    ("top_grade_probability_gain", .number(effect.topGradeProbabilityGain)),
                ])
            })),
        ]
    }

    func csv() -> String {
        var csv = CSVWriter(header: ["unit", "current_total", "current_rank", "current_grade", "projected_total",
                                    "projected_rank", "projected_grade", "mean_total", "p10_total", "p90_total"]
                            + gradeNames.map { "p_\($0)" })
        for unit in dataset.units.indices {
            csv.append([dataset.units[unit].id,
                        JSONValue.format(current.totals[unit]), String(current.ranks[unit]), gradeNames[current.grades[unit]],
                        JSONValue.format(projected.totals[unit]), String(projected.ranks[unit]), gradeNames[projected.grades[unit]],
                        JSONValue.format(simulated.meanTotals[unit]), JSONValue.format(simulated.p10Totals[unit]),
                        JSONValue.format(simulated.p90Totals[unit])]
                       + simulated.gradeProbabilities[unit].map { JSONValue.format($0) })
        }
        return csv.text
    }

    func table() -> String {
        let order = Ranking.order(projected.totals.map { $0 })
        var peers = TextTable(
            headers: ["单位", "当前得分", "当前位次", "当前等次", "预计得分", "预计位次", "预计等次", "模拟均值", "80%区间", "\(gradeNames[0])概率"],
            alignments: [.left, .right, .right, .left, .right, .right, .left, .right, .right, .right])
        for unit in order {
            peers.append([
                dataset.units[unit].name + (unit == home ? " ★" : ""),
                NumberFormat.decimal(current.totals[unit]), "\(current.ranks[unit])", gradeNames[current.grades[unit]],
                NumberFormat.decimal(projected.totals[unit]), "\(projected.ranks[unit])", gradeNames[projected.grades[unit]],
                NumberFormat.decimal(simulated.meanTotals[unit]),
                "\(NumberFormat.decimal(simulated.p10Totals[unit], digits: 1))～\(NumberFormat.decimal(simulated.p90Totals[unit], digits: 1))",
                NumberFormat.percent(simulated.gradeProbabilities[unit][0]),
            ])
        }
        let name = dataset.units[home].name
        var lines = [
            "\(name) 综合考核测算（截至\(dataset.settings.asOf.chineseLabel)，预测方法 \(ForecastMethods.readerLabel(engine.forecasts.method))，模拟 \(simulated.draws) 次，种子 \(simulated.seed)）",
            "",
            "当前：第\(current.ranks[home])名，\(NumberFormat.decimal(current.totals[home]))分，\(gradeNames[current.grades[home]])（按当前进度折算全年）",
            "预计：第\(projected.ranks[home])名，\(NumberFormat.decimal(projected.totals[home]))分，\(gradeNames[projected.grades[home]])（按年底预测值）",
            "",
            peers.rendered(),
            "",
            "\(name) 名次概率：" + simulated.rankProbabilities[home].enumerated()
                .filter { $0.element >= 0.0005 }
                .map { "第\($0.offset + 1)名 \(NumberFormat.percent($0.element))" }.joined(separator: "，"),
            "\(name) 等次概率：" + zip(gradeNames, simulated.gradeProbabilities[home])
                .map { "\($0) \(NumberFormat.percent($1))" }.joined(separator: "，"),
        ]
        let outlook = streak
        if let probability = outlook.probability {
            let years = outlook.earlierYears.map { "\($0.year)年\($0.grade ?? "—")" }.joined(separator: "、")
            lines.append(outlook.isAlive
                ? "四连优：\(years)，今年保持\(gradeNames[0])的概率 \(NumberFormat.percent(probability))"
                : "四连优：\(years)，\(outlook.brokenIn.map { "\($0)年" } ?? "")未获\(gradeNames[0])，今年已无法实现")
        }
        let pushes = rankedPushes.prefix(8)
        if !pushes.isEmpty {
            var table = TextTable(
                headers: ["指标", "预计完成率", "赶上前一名需完成率", "需追加", "总分增加", "\(gradeNames[0])概率增加"],
                alignments: [.left, .right, .right, .right, .right, .right])
            for effect in pushes {
                let indicator = dataset.indicators[effect.push.indicator]
                let own = engine.projectedCompletions(indicator: effect.push.indicator)[home]
                table.append([
                    indicator.name,
                    NumberFormat.percent(own),
                    NumberFormat.percent(own + effect.push.completionShift),
                    engine.valueGap(of: effect.push).map { gap in
                        (gap < 0 ? "降低" : "增加") + NumberFormat.decimal(abs(gap)) + indicator.unit
                    } ?? NumberFormat.missing,
                    NumberFormat.decimal(effect.meanTotalGain, digits: 2),
                    NumberFormat.points(effect.topGradeProbabilityGain),
                ])
            }
            lines += ["", "发力方向（赶上前一名后的效果，按\(gradeNames[0])概率增加排序；百分点）：", table.rendered()]
        }
        return lines.joined(separator: "\n")
    }
}
