import KaoheCore

/// 加分指标 — a bonus indicator: points for the completion rank at the top of the city, within a cap.
///
/// Among the units that complete their target (c ≥ 1), rank by c; rank k earns
/// `weight · rank_points[k − 1]` (nothing past the list). The category's total is capped:
///
///     bonus total = min(Σ bonus points, cap)
///
/// The worked examples are `examples`, run by the test suite.
public struct BonusCategory: RuleScoredCategory {
    public static let id = "bonus"
    public static let displayName = "加分指标"
    public static let demand = "在全市排名靠前才加分（完成任务度排名全市前列）。"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]
    public static let ledgerTreatment = LedgerTreatment.pointsWon

    public static let examples = [
        CategoryExample(
            "Only units that meet the target rank: 1.3, 1.1, 1.1, 1.05, 0.95 → ranks 1, 2, 2, 4, — → 2·[1, 0.6, 0.6, 0, 0]",
            weight: 2, outcomes: [.completion(1.3), .completion(1.1), .completion(1.1), .completion(1.05), .completion(0.95)],
            points: [2, 1.2, 1.2, 0, 0]),
        CategoryExample(
            "The category total is capped at 5: 6 points for rank 1 count as 5; 3.6 for rank 2 stay 3.6",
            weight: 6, outcomes: [.completion(1.2), .completion(1.1)], points: [6, 3.6], contributions: [5, 3.6]),
    ]

    public let scored: RuleScoredIndicators
    /// The most a unit can gain from all bonus indicators together.
    public let cap: Double

    public init(context: ScoringContext, settings: inout SettingsReader) {
        scored = RuleScoredIndicators(context: context, settings: &settings, defaultRule: BonusRankRule.self)
        cap = settings.number("cap", default: 5, in: 0...100)
    }

    public func contribution(ofPoints sum: Double) -> Double { min(sum, cap) }

}

/// `bonus_rank` — the spec's bonus rule: rank only the units with c ≥ 1 and pay `rank_points` by rank.
public struct BonusRankRule: ScoringRule {
    public static let id = "bonus_rank"
    public static let displayName = "达标排名加分"

    public var rankPoints: [Double]

    public init(rankPoints: [Double] = [1.0, 0.6, 0.3]) {
        self.rankPoints = rankPoints
    }

    public init(reading settings: inout SettingsReader) {
        rankPoints = settings.numbers("rank_points", default: [1.0, 0.6, 0.3], in: 0...10)
    }

    /// Whether completion c takes part in the ranking: c ≥ 1, within the tolerance.
    @inline(__always)
    static func isEligible(_ c: Double) -> Bool { !c.isNaN && (c >= 1 || Ranking.areEqual(c, 1)) }

    /// A raised unit's rank among the eligible ones follows from the last ranking of them, which
    /// `score` left in `ranks.scratch` (`RankWorkspace.rankAfterRaising`): no second ranking.
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? {
        let c = outcomes.completions[unit]
        guard !c.isNaN, raised >= c else { return nil }
        guard Self.isEligible(raised) else { return 0 }
        let rank = ranks.rankAfterRaising(unit, to: raised, in: UnsafeBufferPointer(ranks.scratch), places: rankPoints.count)
        guard rank != RankWorkspace.beyond, Int(rank) <= rankPoints.count else { return 0 }
        return outcomes.weight * rankPoints[Int(rank) - 1]
    }

    public func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace) {
        // Units short of their target take no part in the ranking: rank the eligible ones only.
        let eligible = ranks.scratch
        for unit in 0..<outcomes.unitCount {
            let c = outcomes.completions[unit]
            eligible[unit] = Self.isEligible(c) ? c : .nan
        }
        ranks.rank(UnsafeBufferPointer(eligible), places: rankPoints.count)
        // Nothing for every unit but the ranked ones (those beyond the places earn nothing).
        points.update(repeating: 0)
        for unit in ranks.rankedUnits.lazy.map({ Int($0) }) {
            let rank = ranks.ranks[unit]
            guard !eligible[unit].isNaN, rank != RankWorkspace.beyond, Int(rank) <= rankPoints.count else { continue }
            points[unit] = outcomes.weight * rankPoints[Int(rank) - 1]
        }
    }
}
