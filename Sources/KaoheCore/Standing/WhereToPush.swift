extension StandingEngine {
    /// The pushes worth simulating for `unit`: on every forecast indicator where some peer's projected
    /// completion is better, close the gap to the next better one (the peer just above the unit).
    public func pushCandidates(unit: Int) -> [Push] {
        let units = unitCount
        return dataset.indicators.indices.compactMap { indicator in
            guard dataset.indicators[indicator].measure.hasTarget, locate(indicator) != nil else { return nil }
            let own = context.projectedCompletions[indicator * units + unit]
            guard !own.isNaN else { return nil }
            var next: Double?
            for peer in 0..<units where peer != unit {
                let c = context.projectedCompletions[indicator * units + peer]
                guard !c.isNaN, Ranking.isBetter(c, than: own) else { continue }
                if next.map({ c < $0 }) ?? true { next = c }
            }
            guard let next else { return nil }
            return Push(indicator: indicator, unit: unit, completionShift: next - own)
        }
    }

    /// How much more of the indicator's own measure closes a push's gap: the year-end value that gives
    /// the raised completion, minus the point forecast (negative for `lower`: that much less).
    public func valueGap(of push: Push) -> Double? {
        let units = unitCount
        let own = context.projectedCompletions[push.indicator * units + push.unit]
        guard let target = dataset.target(indicator: push.indicator, unit: push.unit),
              let forecast = forecasts[indicator: push.indicator, unit: push.unit].forecast, !own.isNaN
        else { return nil }
        let needed = ScoringContext.raised(completion: own, by: push.completionShift, target: target,
                                           direction: dataset.indicators[push.indicator].direction).value
        return needed - forecast
    }

    /// The projected completion of every unit on `indicator`.
    public func projectedCompletions(indicator: Int) -> [Double] {
        Array(context.projectedCompletions[(indicator * unitCount)..<((indicator + 1) * unitCount)])
    }

    /// The current (pace) completion of every unit on `indicator`.
    public func currentCompletions(indicator: Int) -> [Double] {
        Array(context.currentCompletions[(indicator * unitCount)..<((indicator + 1) * unitCount)])
    }
}

/// 四连优: whether the home unit can make it `streak` years in a row in the top grade.
public struct StreakOutlook: Sendable {
    /// The earlier years checked, oldest first, with the grade recorded for each (nil: not given).
    public let earlierYears: [(year: Int, grade: String?)]
    /// All earlier years were in the top grade: this year decides the streak.
    public var isAlive: Bool { earlierYears.allSatisfy { $0.grade != nil } && brokenIn == nil }
    /// The first earlier year not in the top grade, if any.
    public let brokenIn: Int?
    /// P(top grade this year) when the streak is alive, else 0; nil when the earlier grades are not given.
    public let probability: Double?

    /// The outlook for a streak of `length` years ending this year, from `history_grades:`.
    public init(settings: Settings, length: Int = 4, topGradeProbability: Double) {
        let top = settings.grades.first?.name
        let years = (settings.year - length + 1)..<settings.year
        earlierYears = years.map { ($0, settings.historyGrades[$0]) }
        brokenIn = earlierYears.first { $0.grade != nil && $0.grade != top }?.year
        if earlierYears.contains(where: { $0.grade == nil }) && brokenIn == nil {
            probability = nil
        } else {
            probability = brokenIn == nil ? topGradeProbability : 0
        }
    }
}
