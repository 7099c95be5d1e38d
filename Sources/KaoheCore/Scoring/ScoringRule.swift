/// What a scoring rule sees of one indicator: every unit's outcome, because ranks matter.
///
/// Arrays are indexed by unit; NaN marks a unit without data this year (it scores 0 and ranks last).
public struct IndicatorOutcomes: Sendable {
    /// Full points of the indicator.
    public var weight: Double
    public var measure: Measure
    public var direction: Direction
    /// Completion c (direction applied: more is always better).
    public var completions: [Double]
    /// The year-end (or current) value as reported.
    public var values: [Double]
    /// The annual targets.
    public var targets: [Double]

    public init(weight: Double, measure: Measure, direction: Direction, completions: [Double],
                values: [Double] = [], targets: [Double] = []) {
        self.weight = weight
        self.measure = measure
        self.direction = direction
        self.completions = completions
        self.values = values.isEmpty ? Array(repeating: .nan, count: completions.count) : values
        self.targets = targets.isEmpty ? Array(repeating: .nan, count: completions.count) : targets
    }
}

/// A rule that turns every unit's outcome on one indicator into points (a category chooses one, and
/// indicators.csv's optional `rule` column overrides it for one indicator).
public protocol ScoringRule: Sendable {
    /// The id written in dataset.yaml `rule:` and indicators.csv `rule`.
    static var id: String { get }
    /// The Chinese name for reports.
    static var displayName: String { get }
    /// Reads the rule's parameters from its category's `scoring:` section (defaults when absent).
    init(reading settings: inout SettingsReader)
    /// Writes every unit's points into `points`, ranking with `ranks` (no allocation: a simulation
    /// calls this once per indicator and draw).
    func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace)

    /// The points `score` would give `unit` if its completion rose to `raised` (and its value with it to
    /// `raisedValue`), every other unit's outcome staying as in `outcomes` — the outcomes `score` last
    /// scored with `ranks`. Nil when the rule cannot tell without scoring the row again (the default).
    func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                ranks: RankWorkspace) -> Double?
}

extension ScoringRule {
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? { nil }
}

/// One indicator's outcomes for every unit, borrowed from the caller's buffers.
public struct OutcomeBuffers {
    public var weight: Double
    public var measure: Measure
    public var direction: Direction
    public var completions: UnsafeBufferPointer<Double>
    public var values: UnsafeBufferPointer<Double>
    public var targets: UnsafeBufferPointer<Double>

    public init(weight: Double, measure: Measure, direction: Direction, completions: UnsafeBufferPointer<Double>,
                values: UnsafeBufferPointer<Double>, targets: UnsafeBufferPointer<Double>) {
        self.weight = weight
        self.measure = measure
        self.direction = direction
        self.completions = completions
        self.values = values
        self.targets = targets
    }

    public var unitCount: Int { completions.count }
}

extension ScoringRule {
    /// Points for every unit, in unit order (allocating; for deterministic scenarios and tests).
    public func score(_ outcomes: IndicatorOutcomes) -> [Double] {
        let count = outcomes.completions.count
        var points = [Double](repeating: 0, count: count)
        let ranks = RankWorkspace(unitCount: count)
        outcomes.completions.withUnsafeBufferPointer { completions in
            outcomes.values.withUnsafeBufferPointer { values in
                outcomes.targets.withUnsafeBufferPointer { targets in
                    points.withUnsafeMutableBufferPointer { output in
                        score(OutcomeBuffers(weight: outcomes.weight, measure: outcomes.measure,
                                             direction: outcomes.direction, completions: completions,
                                             values: values, targets: targets),
                              into: output, ranks: ranks)
                    }
                }
            }
        }
        return points
    }
}

/// The rules a category may choose by id.
public enum ScoringRules {
    public static let all: [any ScoringRule.Type] = [
        CompletionRankRule.self, EfficacyRule.self, DeviationRule.self, RankLadderRule.self,
    ]

    /// The rule registered under `id` (trimmed, case-insensitive), or nil.
    public static func named(_ id: String) -> (any ScoringRule.Type)? {
        let wanted = id.trimmingSpaces().lowercased()
        return all.first { $0.id == wanted }
    }

    /// The rule a category section asks for with `rule:`, `fallback` when absent; an unknown id is a
    /// problem naming the known ones.
    public static func chosen(
        by settings: inout SettingsReader, default fallback: any ScoringRule.Type
    ) -> any ScoringRule {
        let id = settings.string("rule", default: fallback.id)
        // The category's own default may be a rule of its own, not in the shared list.
        if id.lowercased() == fallback.id { return fallback.init(reading: &settings) }
        guard let rule = named(id) else {
            settings.fail("rule", "计分规则 \"\(id)\" 不存在；应为以下之一：\(all.map { $0.id }.joined(separator: ", "))")
            return fallback.init(reading: &settings)
        }
        return rule.init(reading: &settings)
    }
}
