/// `completion_rank` — the spec's default for quantitative and new indicators: a completion share plus
/// a rank share that falls by `rank_step` a place.
///
///     score = weight · (completion_share · min(max(c, 0), 1) + rank_share · max(0, 1 − (rank − 1) · rank_step))
///
/// Ranks are competition ranks by c (1, 2, 2, 4); a unit without data scores 0.
///
/// Example (weight 10, defaults 0.6 / 0.4 / 0.05), completions 1.10, 0.95, 0.95, 0.80:
/// ranks 1, 2, 2, 4; scores 10·(0.6·1 + 0.4·1) = 10, 10·(0.6·0.95 + 0.4·0.95) = 9.5, 9.5,
/// 10·(0.6·0.8 + 0.4·0.85) = 8.2.
public struct CompletionRankRule: ScoringRule {
    public static let id = "completion_rank"
    public static let displayName = "完成度+排名"

    public var completionShare: Double
    public var rankShare: Double
    public var rankStep: Double

    public init(completionShare: Double = 0.6, rankShare: Double = 0.4, rankStep: Double = 0.05) {
        self.completionShare = completionShare
        self.rankShare = rankShare
        self.rankStep = rankStep
    }

    public init(reading settings: inout SettingsReader) {
        completionShare = settings.number("completion_share", default: 0.6, in: 0...1)
        rankShare = settings.number("rank_share", default: 0.4, in: 0...1)
        rankStep = settings.number("rank_step", default: 0.05, in: 0...1)
    }

    /// The share of the rank part a unit of `rank` keeps.
    @inline(__always)
    public func rankFactor(_ rank: Int) -> Double { max(0, 1 - Double(rank - 1) * rankStep) }

    /// The number of places that earn any rank points (all of them when the step is 0).
    public var scoringPlaces: Int? { rankStep > 0 ? Int((1 / rankStep).rounded(.up)) : nil }

    /// A unit's points depend only on its completion and its rank, and the rank of a raised unit follows
    /// from the last ranking (`RankWorkspace.rankAfterRaising`): no second ranking of the row.
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? {
        let c = outcomes.completions[unit]
        guard !c.isNaN, raised >= c else { return nil }
        let rank = ranks.rankAfterRaising(unit, to: raised, in: outcomes.completions, places: scoringPlaces)
        // The same expressions as `score`, so the same bits.
        guard rank != RankWorkspace.beyond else { return outcomes.weight * (completionShare * min(max(raised, 0), 1) + 0) }
        return outcomes.weight * (completionShare * min(max(raised, 0), 1) + rankShare * rankFactor(Int(rank)))
    }

    public func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace) {
        ranks.rank(outcomes.completions, places: scoringPlaces)
        let (weight, completionShare, rankShare) = (outcomes.weight, self.completionShare, self.rankShare)
        // Every unit as if beyond the scoring places (a rank part of 0, added as the formula has it),
        // in one branch-free pass; then the ranked units get their rank part.
        for unit in 0..<outcomes.unitCount {
            let c = outcomes.completions[unit]
            points[unit] = c.isNaN ? 0 : weight * (completionShare * min(max(c, 0), 1) + 0)
        }
        for unit in ranks.rankedUnits.lazy.map({ Int($0) }) {
            let c = outcomes.completions[unit]
            guard !c.isNaN else { continue }
            let rank = ranks.ranks[unit]
            points[unit] = weight * (completionShare * min(max(c, 0), 1) + rankShare * rankFactor(Int(rank)))
        }
    }
}
