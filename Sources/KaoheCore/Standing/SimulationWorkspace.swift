/// Per-thread scratch space for a simulation: buffers sized for the peer group, reused draw after draw
/// so that the hot loop allocates nothing. Not `Sendable`: every worker makes its own.
public final class SimulationWorkspace {
    public let unitCount: Int
    public let ranks: RankWorkspace
    /// Drawn year-end values, one per unit.
    public let values: UnsafeMutableBufferPointer<Double>
    /// Completions of the drawn values, one per unit.
    public let completions: UnsafeMutableBufferPointer<Double>
    /// Points of one indicator with a push applied (`IndicatorCategory.pushedPoints`), one per unit.
    public let pushedPoints: UnsafeMutableBufferPointer<Double>

    public init(unitCount: Int) {
        self.unitCount = unitCount
        ranks = RankWorkspace(unitCount: unitCount)
        values = .allocate(capacity: max(unitCount, 1))
        completions = .allocate(capacity: max(unitCount, 1))
        pushedPoints = .allocate(capacity: max(unitCount, 1))
        values.initialize(repeating: .nan)
        completions.initialize(repeating: .nan)
        pushedPoints.initialize(repeating: 0)
    }

    deinit {
        values.deallocate()
        completions.deallocate()
        pushedPoints.deallocate()
    }
}
