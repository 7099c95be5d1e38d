/// `deviation` — for growth-rate indicators: meeting the target earns a base share of the weight, and
/// every percentage point above or below it adds or removes `points_per_point` points, within a cap and
/// a floor.
///
///     d = x − T (percentage points) for a `rate` (T − x when lower is better); d = 100 · (c − 1) otherwise
///     score = clamp(weight · base_share + points_per_point · d, weight · floor_share, weight · cap_share)
///
/// Defaults: base_share 0.8, points_per_point 0.5, cap_share 1.2, floor_share 0.
///
/// Example (weight 4, defaults), target growth 8.0%: x = 9.0 → 3.2 + 0.5 = 3.7; x = 12.0 → 3.2 + 2 = 5.2,
/// capped at 4.8; x = 6.5 → 3.2 − 0.75 = 2.45; x = −2.0 → 3.2 − 5 < 0 → 0.
public struct DeviationRule: ScoringRule {
    public static let id = "deviation"
    public static let displayName = "偏差计分法"

    public var baseShare: Double
    public var pointsPerPoint: Double
    public var capShare: Double
    public var floorShare: Double

    public init(baseShare: Double = 0.8, pointsPerPoint: Double = 0.5, capShare: Double = 1.2, floorShare: Double = 0) {
        self.baseShare = baseShare
        self.pointsPerPoint = pointsPerPoint
        self.capShare = capShare
        self.floorShare = floorShare
    }

    public init(reading settings: inout SettingsReader) {
        baseShare = settings.number("base_share", default: 0.8, in: 0...2)
        pointsPerPoint = settings.number("points_per_point", default: 0.5, in: 0...100)
        capShare = settings.number("cap_share", default: 1.2, in: 0...5)
        floorShare = settings.number("floor_share", default: 0, in: 0...1)
        if capShare < floorShare {
            settings.fail("cap_share", "不得小于 floor_share（\(floorShare.formatted(shortest: true))）")
            capShare = max(capShare, floorShare)
        }
    }

    public func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace) {
        for unit in 0..<outcomes.unitCount {
            points[unit] = self.points(completion: outcomes.completions[unit], value: outcomes.values[unit],
                                       target: outcomes.targets[unit], outcomes)
        }
    }

    /// A unit's points depend on its own outcome alone.
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? {
        points(completion: raised, value: raisedValue, target: outcomes.targets[unit], outcomes)
    }

    /// The points of one outcome (`outcomes` gives the indicator's weight, measure and direction).
    @inline(__always)
    func points(completion c: Double, value: Double, target: Double, _ outcomes: OutcomeBuffers) -> Double {
        guard !c.isNaN else { return 0 }
        let deviation: Double
        if outcomes.measure == .rate, !value.isNaN, !target.isNaN {
            let difference = value - target
            deviation = outcomes.direction == .higher ? difference : -difference
        } else {
            deviation = 100 * (c - 1)
        }
        let raw = outcomes.weight * baseShare + pointsPerPoint * deviation
        return min(max(raw, outcomes.weight * floorShare), outcomes.weight * capShare)
    }
}
