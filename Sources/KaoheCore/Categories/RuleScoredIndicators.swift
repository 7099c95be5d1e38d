/// The shared machinery of categories whose indicators are forecast and scored by a `ScoringRule`
/// (quantitative, new): the rule of each indicator (the category's `rule:`, or indicators.csv's `rule`
/// column), deterministic points per scenario, and simulated points drawn from the forecasts.
public struct RuleScoredIndicators: Sendable {
    public let context: ScoringContext
    /// The rule of each indicator, in `context.indicators` order.
    public let rules: [any ScoringRule]
    /// What the simulation needs of each indicator, copied out of `Indicator` (whose strings would
    /// otherwise be retained and released on every draw).
    let shapes: [(weight: Double, measure: Measure, direction: Direction)]

    /// Reads the category's `rule:` and the rules' parameters from `settings`; an indicator's own `rule`
    /// column overrides the category's choice (its parameters come from the same section).
    public init(context: ScoringContext, settings: inout SettingsReader, defaultRule: any ScoringRule.Type) {
        self.context = context
        shapes = context.indicators.map { index in
            let indicator = context.dataset.indicators[index]
            return (indicator.weight, indicator.measure, indicator.direction)
        }
        let categoryRule = ScoringRules.chosen(by: &settings, default: defaultRule)
        rules = context.indicators.map { index in
            let indicator = context.dataset.indicators[index]
            guard let id = indicator.rule?.trimmingSpaces().lowercased(), !id.isEmpty else { return categoryRule }
            if id == defaultRule.id { return defaultRule.init(reading: &settings) }
            guard let rule = ScoringRules.named(id) else {
                settings.report(file: "indicators.csv", line: indicator.line,
                                message: "指标 \(indicator.id) 的 rule 为 \"\(id)\"，该计分规则不存在；应为以下之一：\(ScoringRules.all.map { $0.id }.joined(separator: ", "))")
                return categoryRule
            }
            return rule.init(reading: &settings)
        }
    }

    public func points(_ scenario: Scenario, push: Push?) -> [[Double]] {
        context.indicators.enumerated().map { position, indicator in
            rules[position].score(context.outcomes(indicator: indicator, scenario: scenario, push: push))
        }
    }

    /// Random unless every unit's forecast is known (m = 12 everywhere).
    public func isRandom(position: Int) -> Bool {
        let indicator = context.indicators[position]
        let base = indicator * context.unitCount
        return (0..<context.unitCount).contains { context.sampler.isRandom(base + $0) }
    }

    /// Draws every unit's year-end value, turns it into a completion, and scores the draw.
    public func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                               into points: UnsafeMutableBufferPointer<Double>) {
        let indicator = context.indicators[position]
        let base = indicator * context.unitCount
        withTargets(of: indicator) { targets in
            context.sampler.drawCompletions(from: base, targets: targets, direction: shapes[position].direction,
                                            values: workspace.values, completions: workspace.completions, stream: stream)
            score(position: position, push: push, targets: targets, workspace: workspace, into: points)
        }
    }

    /// The pushed unit's points on the outcomes left in `workspace` by the last draw: from the rule
    /// alone when it can tell (`ScoringRule.points(ofRaised:…)`), else by scoring the whole row once
    /// more with the push applied and putting the outcomes back as they were.
    public func pushedPoints(position: Int, push: Push, workspace: SimulationWorkspace) -> Double? {
        let indicator = context.indicators[position]
        guard push.indicator == indicator else { return nil }
        let unit = push.unit
        let (completion, value) = (workspace.completions[unit], workspace.values[unit])
        var points: Double?
        withTargets(of: indicator) { targets in
            if !completion.isNaN {
                let shape = shapes[position]
                let (raised, raisedValue) = ScoringContext.raised(completion: completion, by: push.completionShift,
                                                                  target: targets[unit], direction: shape.direction)
                points = rules[position].points(
                    ofRaised: unit, to: raised, value: raisedValue,
                    lastScored: OutcomeBuffers(weight: shape.weight, measure: shape.measure, direction: shape.direction,
                                               completions: UnsafeBufferPointer(workspace.completions),
                                               values: UnsafeBufferPointer(workspace.values), targets: targets),
                    ranks: workspace.ranks)
            }
            if points == nil {
                score(position: position, push: push, targets: targets, workspace: workspace, into: workspace.pushedPoints)
                points = workspace.pushedPoints[unit]
            }
        }
        (workspace.completions[unit], workspace.values[unit]) = (completion, value)
        return points
    }

    private func withTargets(of indicator: Int, _ body: (UnsafeBufferPointer<Double>) -> Void) {
        let units = context.unitCount
        let base = indicator * units
        context.dataset.targets.withUnsafeBufferPointer { allTargets in
            body(UnsafeBufferPointer(rebasing: allTargets[base..<(base + units)]))
        }
    }

    /// Applies `push` to the drawn outcomes in `workspace` (raises the unit's completion and its value
    /// with it) and scores them.
    private func score(position: Int, push: Push?, targets: UnsafeBufferPointer<Double>,
                       workspace: SimulationWorkspace, into points: UnsafeMutableBufferPointer<Double>) {
        let shape = shapes[position]
        let direction = shape.direction
        if let push, push.indicator == context.indicators[position], !workspace.completions[push.unit].isNaN {
            (workspace.completions[push.unit], workspace.values[push.unit]) = ScoringContext.raised(
                completion: workspace.completions[push.unit], by: push.completionShift,
                target: targets[push.unit], direction: direction)
        }
        rules[position].score(
            OutcomeBuffers(weight: shape.weight, measure: shape.measure, direction: direction,
                           completions: UnsafeBufferPointer(workspace.completions),
                           values: UnsafeBufferPointer(workspace.values), targets: targets),
            into: points, ranks: workspace.ranks)
    }
}

/// A category whose indicators are all forecast and scored by rules: it hands its points and draws to
/// its `RuleScoredIndicators`.
public protocol RuleScoredCategory: IndicatorCategory {
    var scored: RuleScoredIndicators { get }
}

extension RuleScoredCategory {
    public func points(_ scenario: Scenario, push: Push?) -> [[Double]] { scored.points(scenario, push: push) }

    public func isRandom(position: Int) -> Bool { scored.isRandom(position: position) }

    public func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                               into points: UnsafeMutableBufferPointer<Double>) {
        scored.simulatePoints(position: position, stream: stream, push: push, workspace: workspace, into: points)
    }

    public func pushedPoints(position: Int, push: Push, workspace: SimulationWorkspace) -> Double? {
        scored.pushedPoints(position: position, push: push, workspace: workspace)
    }
}
