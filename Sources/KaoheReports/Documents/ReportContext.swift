import KaoheCore

/// The standing of an earlier month, for "较上月" and "较上季度" comparisons.
public struct ReportBaseline: Sendable {
    /// The month it was taken as of.
    public let asOf: YearMonth
    public let current: ScenarioStanding
    public let projected: ScenarioStanding
    /// The home unit's status rows, in indicator order.
    public let status: [ProgressStatus]

    public init(engine: StandingEngine) {
        asOf = engine.dataset.settings.asOf
        current = engine.standing(.current)
        projected = engine.standing(.projected)
        status = ForecastEngine.status(engine.dataset, unit: engine.dataset.settings.home)
    }
}

/// Everything the summary, the bulletin and the notices say, computed once from a prepared standing
/// engine: the current and projected standings, the simulation, the risks, the ledger, the home
/// unit's status rows and the peer tables.
public struct ReportContext: Sendable {
    public let engine: StandingEngine
    public let current: ScenarioStanding
    public let projected: ScenarioStanding
    /// The simulated standing, with the home unit's pushes ("where to push"); the summary and the
    /// bulletin need it, the notices do not.
    public let simulated: SimulatedStanding?
    public let risks: RiskAssessment
    public let ledger: DepartmentLedger
    /// The home unit's status rows, in indicator order.
    public let status: [ProgressStatus]
    /// The peer table of each indicator with a target, by indicator index.
    public let peers: [Int: PeerTable]
    /// The standing of the previous period, when there is one.
    public let baseline: ReportBaseline?
    /// The date documents are dated.
    public let issued: CalendarDate
    /// The program that made them, as the footers say ("Kaohe 0.1.0").
    public let generator: String

    /// - Parameters:
    ///   - simulated: `engine.simulate(…, pushes: engine.pushCandidates(unit: home))`, or nil for the
    ///     notices alone.
    ///   - issued: the documents' date (default: the 1st of the month after as_of).
    public init(engine: StandingEngine, simulated: SimulatedStanding?, baseline: ReportBaseline? = nil,
                issued: CalendarDate? = nil, generator: String = "Kaohe \(KaoheVersion.string)") {
        self.engine = engine
        current = engine.standing(.current)
        projected = engine.standing(.projected)
        self.simulated = simulated
        risks = RiskAssessment(engine: engine)
        ledger = DepartmentLedger(engine: engine)
        let dataset = engine.dataset
        status = ForecastEngine.status(dataset, unit: dataset.settings.home)
        var peers: [Int: PeerTable] = [:]
        for table in PeerComparison.tables(dataset, forecasts: engine.forecasts, status: engine.status) {
            peers[table.indicator] = table
        }
        self.peers = peers
        self.baseline = baseline
        let asOf = dataset.settings.asOf
        self.issued = issued ?? CalendarDate(year: asOf.month == 12 ? asOf.year + 1 : asOf.year,
                                             month: asOf.month == 12 ? 1 : asOf.month + 1, day: 1)
        self.generator = generator
    }

    public var dataset: Dataset { engine.dataset }
    public var settings: Settings { engine.dataset.settings }
    public var home: Int { engine.dataset.settings.home }
    public var homeName: String { engine.dataset.units[home].name }
    public var unitCount: Int { engine.dataset.units.count }
    public var gradeNames: [String] { settings.grades.map(\.name) }
    public var topGrade: String { gradeNames.first ?? "" }

    /// The simulation, which the summary and the bulletin require.
    var simulation: SimulatedStanding {
        guard let simulated else { preconditionFailure("ReportContext: the summary and the bulletin need a simulation") }
        return simulated
    }

    /// P(top grade) of the home unit (0 without a simulation).
    public var topGradeProbability: Double { simulated?.gradeProbabilities[home].first ?? 0 }

    /// 四连优.
    public var streak: StreakOutlook { StreakOutlook(settings: settings, topGradeProbability: topGradeProbability) }

    /// The deadline for rectification: the next reporting deadline, day `deadline_day` of the month
    /// after as_of.
    public var rectificationDeadline: CalendarDate {
        DepartmentLedger.deadline(of: settings.asOf, deadlineDay: settings.reporting.deadlineDay)
    }

    /// The home unit's forecast of `indicator`.
    public func forecast(_ indicator: Int) -> YearEndForecast { engine.forecasts[indicator: indicator, unit: home] }

    /// The completion of a year-end value of the home unit on `indicator`.
    public func completion(ofValue value: Double?, indicator: Int) -> Double? {
        guard let value, let target = dataset.target(indicator: indicator, unit: home) else { return nil }
        let c = ScoringContext.completion(value: value, target: target, direction: dataset.indicators[indicator].direction)
        return c.isNaN ? nil : c
    }

    /// The 80% interval of the year-end completion (lower, upper), from the forecast's interval.
    public func completionInterval80(_ indicator: Int) -> (Double, Double)? {
        let forecast = forecast(indicator)
        guard let lo = completion(ofValue: forecast.lo80, indicator: indicator),
              let hi = completion(ofValue: forecast.hi80, indicator: indicator) else { return nil }
        return (min(lo, hi), max(lo, hi))
    }

    /// The home unit's points at stake for `department` on `indicator` in the ledger (nil: no entry).
    public func ledgerPoints(department: String, indicator: Int) -> Double? {
        guard let account = ledger.account(department.trimmingSpaces()) else { return nil }
        let entries = account.entries.filter { $0.indicator == indicator }
        return entries.isEmpty ? nil : entries.reduce(0) { $0 + $1.points }
    }

    /// Late and missing monthly reports, by month then department.
    public var reportEntries: [(department: String, entry: LedgerEntry)] {
        ledger.accounts.flatMap { account in
            account.entries.filter { $0.kind == .lateReport || $0.kind == .missingReport }.map { (account.department, $0) }
        }.sorted { ($0.entry.period ?? settings.asOf, $0.department) < ($1.entry.period ?? settings.asOf, $1.department) }
    }

    /// Push effects, the most useful first (as `kaohe standing`): the gain in P(top grade), then in
    /// expected total.
    public var rankedPushes: [PushEffect] {
        (simulated?.pushes ?? []).sorted {
            ($0.topGradeProbabilityGain, $0.meanTotalGain, -$0.push.indicator)
                > ($1.topGradeProbabilityGain, $1.meanTotalGain, -$1.push.indicator)
        }
    }

    /// The indicators whose forecasts a report draws as fans: those at risk with a forecast (worst
    /// first), then the heaviest others, up to `limit`.
    public func keyIndicators(limit: Int = 6) -> [Int] {
        var chosen: [Int] = []
        for risk in risks.risks where risk.forecast.forecast != nil && chosen.count < limit {
            chosen.append(risk.indicator)
        }
        let rest = dataset.indicators.indices
            .filter { dataset.indicators[$0].measure.hasTarget && !chosen.contains($0) && forecast($0).forecast != nil }
            .sorted { (dataset.indicators[$0].weight, -$0) > (dataset.indicators[$1].weight, -$1) }
        for index in rest where chosen.count < limit { chosen.append(index) }
        return chosen
    }

    /// The county leaders, in the order indicators.csv first names them.
    public var leaders: [String] {
        var seen: Set<String> = []
        return dataset.indicators.map { $0.leader.trimmingSpaces() }.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The departments, in the order indicators.csv first names them (lead, then cooperating).
    public var departments: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        for indicator in dataset.indicators {
            for name in [indicator.leadDepartment] + indicator.cooperatingDepartments {
                let clean = name.trimmingSpaces()
                if !clean.isEmpty, seen.insert(clean).inserted { result.append(clean) }
            }
        }
        return result
    }

    /// The role of `department` on `indicator`: "牵头", "配合" or nil.
    public func role(of department: String, on indicator: Int) -> String? {
        let definition = dataset.indicators[indicator]
        if definition.leadDepartment.trimmingSpaces() == department { return "牵头" }
        if definition.cooperatingDepartments.contains(where: { $0.trimmingSpaces() == department }) { return "配合" }
        return nil
    }

    /// The Chinese name of the category of `indicator`, from its registered module.
    public func categoryName(of indicator: Int) -> String {
        for (c, members) in engine.members.enumerated() where members.contains(indicator) {
            return type(of: engine.categories[c]).displayName
        }
        return dataset.indicators[indicator].category
    }

    /// Level names: 督办, 预警.
    public static func levelName(_ level: RiskReason.Level) -> String { level == .supervision ? "督办" : "预警" }
}
