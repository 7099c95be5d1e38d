/// A worked example of a category's scoring, written beside its formula and run as a test — as SwiftLint's
/// rules carry the examples that trigger them. One indicator of the category, every unit's outcome in,
/// every unit's points (and the category's total, where a cap or a deduction changes it) out.
public struct CategoryExample: Sendable {
    /// What the example shows, in a sentence.
    public var summary: String
    /// The indicator's full points.
    public var weight: Double
    /// Each unit's outcome on the indicator, in unit order.
    public var outcomes: [Outcome]
    /// Each unit's points on the indicator.
    public var points: [Double]
    /// Each unit's contribution to its total when it differs from `points` (nil: the same).
    public var contributions: [Double]?

    /// What a unit achieved, in the terms of the category that scores it.
    public enum Outcome: Sendable {
        /// Completion of the annual target (1 = exactly met), for forecast categories.
        case completion(Double)
        /// The latest grade the city gave, or nil when none was given yet (common indicators).
        case grade(String?)
        /// Points deducted by this year's negative-list events so far.
        case deduction(Double)
    }

    public init(_ summary: String, weight: Double, outcomes: [Outcome], points: [Double], contributions: [Double]? = nil) {
        self.summary = summary
        self.weight = weight
        self.outcomes = outcomes
        self.points = points
        self.contributions = contributions
    }
}
