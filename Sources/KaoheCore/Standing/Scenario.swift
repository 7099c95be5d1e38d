/// The deterministic ways a standing is scored (dataset.md, "Scores"); the simulated standing draws.
public enum Scenario: String, Sendable, CaseIterable {
    /// A `cumulative` indicator scored by the completion of its pace value C/e: the year as if it ended
    /// at today's pace. Rate and level indicators by their current value.
    case current
    /// Every indicator scored by its point forecast F.
    case projected
}

/// "Where to push": the home unit closes the gap on one indicator, its year-end completion raised by
/// `completionShift` in every scenario and every draw.
public struct Push: Sendable, Equatable {
    public var indicator: Int
    public var unit: Int
    public var completionShift: Double

    public init(indicator: Int, unit: Int, completionShift: Double) {
        self.indicator = indicator
        self.unit = unit
        self.completionShift = completionShift
    }
}
