/// `rank_ladder` — explicit shares of the weight by rank, then a fixed step down a place.
///
///     share(rank) = shares[rank − 1] for rank ≤ shares.count,
///                   max(floor_share, shares.last − (rank − shares.count) · step) after
///     score = weight · share(rank)
///
/// Ranks are competition ranks by completion (1, 2, 2, 4); a unit without data scores 0.
/// Defaults: shares [1.0, 0.95, 0.9], step 0.05, floor_share 0.
///
/// Example (weight 2, defaults), completions 1.2, 1.1, 1.1, 0.9, 0.7: ranks 1, 2, 2, 4, 5;
/// shares 1.0, 0.95, 0.95, 0.85, 0.80; scores 2, 1.9, 1.9, 1.7, 1.6.
public struct RankLadderRule: ScoringRule {
    public static let id = "rank_ladder"
    public static let displayName = "名次阶梯法"

    public var shares: [Double]
    public var step: Double
    public var floorShare: Double

    public init(shares: [Double] = [1.0, 0.95, 0.9], step: Double = 0.05, floorShare: Double = 0) {
        self.shares = shares
        self.step = step
        self.floorShare = floorShare
    }

    public init(reading settings: inout SettingsReader) {
        shares = settings.numbers("shares", default: [1.0, 0.95, 0.9], in: 0...2)
        step = settings.number("step", default: 0.05, in: 0...1)
        floorShare = settings.number("floor_share", default: 0, in: 0...1)
    }

    /// The share of the weight that `rank` earns.
    public func share(_ rank: Int) -> Double {
        if rank <= shares.count { return shares[rank - 1] }
        return max(floorShare, shares[shares.count - 1] - Double(rank - shares.count) * step)
    }

    /// The places that can earn more than the floor.
    var scoringPlaces: Int? {
        guard step > 0 else { return nil }
        let last = shares[shares.count - 1]
        return shares.count + max(0, Int(((last - floorShare) / step).rounded(.up)))
    }

    public func score(_ outcomes: OutcomeBuffers, into points: UnsafeMutableBufferPointer<Double>, ranks: RankWorkspace) {
        ranks.rank(outcomes.completions, places: scoringPlaces)
        for unit in 0..<outcomes.unitCount {
            let rank = ranks.ranks[unit]
            guard !outcomes.completions[unit].isNaN else { points[unit] = 0; continue }
            points[unit] = outcomes.weight * (rank == RankWorkspace.beyond ? floorShare : share(Int(rank)))
        }
    }

    /// A unit's points depend on its rank alone, and a raised unit's rank follows from the last ranking
    /// (`RankWorkspace.rankAfterRaising`).
    public func points(ofRaised unit: Int, to raised: Double, value raisedValue: Double, lastScored outcomes: OutcomeBuffers,
                       ranks: RankWorkspace) -> Double? {
        let c = outcomes.completions[unit]
        guard !c.isNaN, raised >= c else { return nil }
        let rank = ranks.rankAfterRaising(unit, to: raised, in: outcomes.completions, places: scoringPlaces)
        return outcomes.weight * (rank == RankWorkspace.beyond ? floorShare : share(Int(rank)))
    }
}
