/// One indicator of the home unit at risk (dataset.md, "Risks"): its level, every reason that applies,
/// and the numbers a notice quotes.
public struct IndicatorRisk: Sendable {
    /// Index into `Dataset.indicators`.
    public var indicator: Int
    /// The worst level among `reasons`.
    public var level: RiskReason.Level
    /// Every reason that applies, generic ones first (p_meet, projected rank, progress, stale data),
    /// then the category's own, each in the order the rules list them.
    public var reasons: [RiskReason]
    /// The unit's `kaohe status` row of the indicator.
    public var status: ProgressStatus
    /// The unit's year-end forecast of the indicator (`notForecast` for grade and events indicators).
    public var forecast: YearEndForecast
    /// The completion of the point forecast F; nil without one.
    public var projectedCompletion: Double?
    /// The competition rank of the projected completion among every unit (units without one rank
    /// last); nil for grade and events indicators.
    public var projectedRank: Int?
    /// The number of units ranked (the peer group, the unit included).
    public var unitCount: Int

    public init(indicator: Int, level: RiskReason.Level, reasons: [RiskReason], status: ProgressStatus,
                forecast: YearEndForecast, projectedCompletion: Double?, projectedRank: Int?, unitCount: Int) {
        self.indicator = indicator
        self.level = level
        self.reasons = reasons
        self.status = status
        self.forecast = forecast
        self.projectedCompletion = projectedCompletion
        self.projectedRank = projectedRank
        self.unitCount = unitCount
    }

    /// P(year-end completion ≥ 1), nil when not forecast.
    public var pMeet: Double? { forecast.pMeet }
}

/// The risk rules of dataset.md for one unit (the home unit): one `IndicatorRisk` per indicator at
/// risk, with the worst level of its reasons and every reason that applies.
///
/// Generic rules, on every indicator with a target (cumulative, rate, level), with the thresholds of
/// `risk:` compared under the 1e-9 tolerance of reading rule 9 (a value within 1e-9 of a threshold is
/// not below it):
///
/// | code | level | when |
/// | --- | --- | --- |
/// | `p_meet` | supervision | p_meet < `supervision_below` |
/// | `p_meet` | warning | `supervision_below` ≤ p_meet < `warning_below` (given once: rule 14) |
/// | `projected_rank` | supervision | rank by projected completion > 2n/3 (n ≥ 2 units) |
/// | `behind_progress` | warning | progress gap < −`behind_progress` |
/// | `stale` | warning | the unit's latest month is before as_of, or it has no data this year |
///
/// then every category's own `riskReasons(position:unit:)` (common: a missing quarterly submission;
/// new: a fallback forecast; negative: a veto or any deduction this year), which this type never
/// repeats.
///
/// A lone unit (n = 1) has no peers to trail, so the projected-rank rule needs n ≥ 2; a unit without
/// data this year ranks after every unit with data (reading rule 8) and so falls in the bottom third
/// whenever at least a third of the units have data.
///
/// Example (n = 10, defaults): p_meet 0.31, projected rank 9 of 10, gap −0.082 → level supervision,
/// reasons `p_meet` (supervision), `projected_rank` (9 > 6.67), `behind_progress`.
public struct RiskAssessment: Sendable {
    /// The unit assessed (index into `Dataset.units`).
    public let unit: Int
    /// The indicators at risk: supervision first, then warning, each in indicators.csv order.
    public let risks: [IndicatorRisk]

    /// The risks of `unit` (default: the home unit) from a prepared standing engine.
    public init(engine: StandingEngine, unit: Int? = nil) {
        let dataset = engine.dataset
        let unit = unit ?? dataset.settings.home
        let rows = ForecastEngine.status(dataset, unit: unit)
        var own = [[RiskReason]](repeating: [], count: dataset.indicators.count)
        for (c, category) in engine.categories.enumerated() {
            for (position, indicator) in engine.members[c].enumerated() {
                own[indicator] = category.riskReasons(position: position, unit: unit)
            }
        }
        var found: [IndicatorRisk] = []
        for (index, indicator) in dataset.indicators.enumerated() {
            let forecast = engine.forecasts[indicator: index, unit: unit]
            var projectedCompletion: Double?
            var projectedRank: Int?
            if indicator.measure.hasTarget {
                let completions = engine.projectedCompletions(indicator: index)
                let ranks = Ranking.ranks(completions.map { Optional($0) })
                projectedRank = ranks[unit]
                projectedCompletion = completions[unit].isNaN ? nil : completions[unit]
            }
            var reasons = Self.genericReasons(
                measure: indicator.measure, status: rows[index], pMeet: forecast.pMeet,
                projectedCompletion: projectedCompletion, projectedRank: projectedRank,
                unitCount: dataset.units.count, asOfMonth: dataset.settings.asOf.month, risk: dataset.settings.risk)
            reasons += own[index]
            guard let level = reasons.map(\.level).max() else { continue }
            found.append(IndicatorRisk(
                indicator: index, level: level, reasons: reasons, status: rows[index], forecast: forecast,
                projectedCompletion: projectedCompletion, projectedRank: projectedRank, unitCount: dataset.units.count))
        }
        self.unit = unit
        risks = found.filter { $0.level == .supervision } + found.filter { $0.level == .warning }
    }

    /// The risk of `indicator`, or nil when it is not at risk.
    public func risk(indicator: Int) -> IndicatorRisk? {
        risks.first { $0.indicator == indicator }
    }

    /// The indicators at `level`.
    public func count(_ level: RiskReason.Level) -> Int { risks.count { $0.level == level } }

    /// The generic reasons of dataset.md for one indicator of one unit, in the order of the table above.
    ///
    /// - Parameters:
    ///   - measure: reasons are given only for measures with a target.
    ///   - status: the unit's status row (gap, month, stale).
    ///   - pMeet: P(year-end completion ≥ 1), nil without a forecast.
    ///   - projectedCompletion: the completion of F, for the p_meet reason's words.
    ///   - projectedRank: the competition rank by projected completion among `unitCount` units.
    ///   - asOfMonth: the month the data should reach.
    public static func genericReasons(
        measure: Measure, status: ProgressStatus, pMeet: Double?, projectedCompletion: Double?, projectedRank: Int?,
        unitCount: Int, asOfMonth: Int, risk: RiskSettings
    ) -> [RiskReason] {
        guard measure.hasTarget else { return [] }
        var reasons: [RiskReason] = []
        if let pMeet {
            let level: RiskReason.Level? = Tolerance.isBelow(pMeet, risk.supervisionBelow) ? .supervision
                : Tolerance.isBelow(pMeet, risk.warningBelow) ? .warning : nil
            if let level {
                let completion = projectedCompletion.map { "预计年底完成率 \(RiskText.percent($0))，" } ?? ""
                reasons.append(RiskReason(level: level, code: "p_meet",
                                          text: completion + "达标概率 \(RiskText.probability(pMeet))"))
            }
        }
        if let rank = projectedRank, unitCount >= 2, 3 * rank > 2 * unitCount {
            let basis = projectedCompletion == nil ? "本年无数据，" : ""
            reasons.append(RiskReason(
                level: .supervision, code: "projected_rank",
                text: "\(basis)按预计完成率排名第\(rank)位（共\(unitCount)个单位），处于后三分之一"))
        }
        if let gap = status.gap, Tolerance.isBelow(gap, -risk.behindProgress) {
            reasons.append(RiskReason(
                level: .warning, code: "behind_progress",
                text: "落后时序进度 \(RiskText.points(-gap)) 个百分点"
                    + (status.completion.map { c in
                        status.expected.map { "（完成率 \(RiskText.percent(c))，时序进度 \(RiskText.percent($0))）" } ?? ""
                    } ?? "")))
        }
        if status.stale {
            let text = status.month.map { "数据停留在\($0)月，未更新到\(asOfMonth)月" } ?? "本年尚无数据，应更新到\(asOfMonth)月"
            reasons.append(RiskReason(level: .warning, code: "stale", text: text))
        }
        return reasons
    }
}

/// Numbers as the risk reasons write them, without Foundation's locale-dependent formatting.
public enum RiskText {
    /// A ratio as a percentage with one decimal: 0.932 → "93.2%".
    public static func percent(_ ratio: Double) -> String {
        guard ratio.isFinite else { return "—" }
        return fixed(ratio * 100, digits: 1) + "%"
    }

    /// A probability as a whole percentage, with "不足1%" and "超过99%" near the ends (never "0%" or
    /// "100%" for a probability that is not exactly 0 or 1): 0.31 → "31%".
    public static func probability(_ p: Double) -> String {
        guard p.isFinite else { return "—" }
        if p <= 0 { return "0%" }
        if p >= 1 { return "100%" }
        if p < 0.005 { return "不足1%" }
        if p > 0.995 { return "超过99%" }
        return fixed(p * 100, digits: 0) + "%"
    }

    /// A difference of ratios in percentage points, one decimal, no sign: 0.082 → "8.2".
    public static func points(_ ratio: Double) -> String { fixed(abs(ratio) * 100, digits: 1) }

    /// Rounds half away from zero to `digits` decimals (`NumberFormat.fixed`).
    public static func fixed(_ value: Double, digits: Int) -> String { NumberFormat.fixed(value, digits: digits) }
}
