/// `efficacy` — 功效系数法, the efficacy-coefficient method: 60 points at the floor value (不允许值),
/// 100 at the satisfactory value (满意值), linear between and beyond, clamped to [0, 100], then scaled
/// to the indicator's weight.
///
///     score = weight/100 · clamp(60 + 40 · (c − floor) / (satisfactory − floor), 0, 100)
///
/// on the completion c (direction applied), with `floor` and `satisfactory` completions (defaults 0.6 and 1.0).
///
/// Example (weight 5, defaults): c = 0.9 → 60 + 40·0.3/0.4 = 90 → 4.5; c = 1.2 → 100 → 5;
/// c = 0.3 → 60 − 30 = 30 → 1.5; c = −0.9 → −90 → 0.
public struct EfficacyRule: ScoringRule {
    public static let id = "efficacy"
    public static let displayName = "功效系数法"

    public var floor: Double
    public var satisfactory: Double

    public init(floor: Double = 0.6, satisfactory: Double = 1.0) {
        self.floor = floor
        self.satisfactory = satisfactory
    }

    public init(reading settings: inout SettingsReader) {
        floor = settings.number("floor", default: 0.6, in: 0...10)
        satisfactory = settings.number("satisfactory", default: 1.0, in: 0...10)
        if satisfactory <= floor {
            settings.fail("satisfactory", "须大于 floor（\(floor.formatted(shortest: true))），如 floor 0.6、satisfactory 1.0")
            floor = 0.6
            satisfactory = 1.0
        }
    }

    public func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace) {
        for unit in 0..<outcomes.unitCount {
            points[unit] = self.points(completion: outcomes.completions[unit], weight: outcomes.weight)
        }
    }

    /// A unit's points depend on its completion alone.
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? {
        points(completion: raised, weight: outcomes.weight)
    }

    @inline(__always)
    func points(completion c: Double, weight: Double) -> Double {
        guard !c.isNaN else { return 0 }
        let coefficient = 60 + 40 * (c - floor) / (satisfactory - floor)
        return weight / 100 * min(max(coefficient, 0), 100)
    }
}
