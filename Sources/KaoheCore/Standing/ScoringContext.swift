/// Everything a category module sees of a dataset when it scores: the dataset, every series' status
/// and forecast, and the indicators that are its own. Completions are computed here, once, so that
/// every category means the same thing by them.
public struct ScoringContext: Sendable {
    public let dataset: Dataset
    /// Indices into `dataset.indicators` of the indicators this category scores, in file order.
    public let indicators: [Int]
    public let forecasts: ForecastTable
    /// Completion of the pace value, `[indicator · unitCount + unit]`, NaN without data or target.
    public let currentCompletions: [Double]
    /// Completion of the point forecast F, same layout.
    public let projectedCompletions: [Double]
    /// Every series' predictive distribution, compiled for fast draws, same layout.
    public let sampler: OutcomeSampler

    public init(dataset: Dataset, indicators: [Int], forecasts: ForecastTable,
                currentCompletions: [Double], projectedCompletions: [Double], sampler: OutcomeSampler) {
        self.dataset = dataset
        self.indicators = indicators
        self.forecasts = forecasts
        self.currentCompletions = currentCompletions
        self.projectedCompletions = projectedCompletions
        self.sampler = sampler
    }

    /// The same context for another category's indicators.
    public func restricted(to indicators: [Int]) -> ScoringContext {
        ScoringContext(dataset: dataset, indicators: indicators, forecasts: forecasts,
                       currentCompletions: currentCompletions, projectedCompletions: projectedCompletions,
                       sampler: sampler)
    }

    public var unitCount: Int { dataset.units.count }

    /// c for a value: V/T when more is better, T/V when less is (V ≤ 0 with `lower` beats every target:
    /// +∞ is avoided by a large finite completion). NaN without value or target.
    @inline(__always)
    public static func completion(value: Double, target: Double, direction: Direction) -> Double {
        guard !value.isNaN, !target.isNaN, target > 0 else { return .nan }
        switch direction {
        case .higher: return value / target
        case .lower: return value > 0 ? target / value : nonPositiveLowerCompletion
        }
    }

    /// The completion of a value ≤ 0 when less is better: it beats every target, and a large finite
    /// number keeps sums and ranks finite.
    public static let nonPositiveLowerCompletion = 1e6

    /// A completion raised by `shift`, and the value that gives it against `target`.
    @inline(__always)
    public static func raised(completion: Double, by shift: Double, target: Double, direction: Direction)
        -> (completion: Double, value: Double) {
        let c = completion + shift
        return (c, direction == .higher ? c * target : target / c)
    }

    /// Every unit's completion on `indicator` in `scenario`, with `push` applied.
    public func completions(indicator: Int, scenario: Scenario, push: Push? = nil) -> [Double] {
        let base = indicator * unitCount
        let source = scenario == .current ? currentCompletions : projectedCompletions
        var result = Array(source[base..<(base + unitCount)])
        if let push, push.indicator == indicator, !result[push.unit].isNaN { result[push.unit] += push.completionShift }
        return result
    }

    /// Every unit's year-end value on `indicator` in `scenario` (the pace value or F).
    public func values(indicator: Int, scenario: Scenario) -> [Double] {
        (0..<unitCount).map { unit in
            let forecast = forecasts[indicator: indicator, unit: unit]
            switch scenario {
            case .projected: return forecast.forecast ?? .nan
            case .current:
                let c = currentCompletions[indicator * unitCount + unit]
                guard let target = dataset.target(indicator: indicator, unit: unit), !c.isNaN else { return .nan }
                return dataset.indicators[indicator].direction == .higher ? c * target : target / c
            }
        }
    }

    /// What a scoring rule sees of `indicator` in `scenario`.
    public func outcomes(indicator: Int, scenario: Scenario, push: Push? = nil) -> IndicatorOutcomes {
        let definition = dataset.indicators[indicator]
        let completions = completions(indicator: indicator, scenario: scenario, push: push)
        let targets = (0..<unitCount).map { dataset.target(indicator: indicator, unit: $0) ?? .nan }
        var values = values(indicator: indicator, scenario: scenario)
        if let push, push.indicator == indicator, !completions[push.unit].isNaN {
            // The pushed unit's value is the one that gives its raised completion.
            let c = completions[push.unit], target = targets[push.unit]
            values[push.unit] = definition.direction == .higher ? c * target : target / c
        }
        return IndicatorOutcomes(
            weight: definition.weight, measure: definition.measure, direction: definition.direction,
            completions: completions, values: values, targets: targets
        )
    }
}
