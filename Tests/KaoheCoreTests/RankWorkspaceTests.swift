import Testing
@testable import KaoheCore

/// `RankWorkspace` against `Ranking.ranks`, the plain definition: whatever was ranked before (the
/// remembered cut), partial and full rankings give the reference's ranks.
@Suite("Scoring: the rank workspace")
struct RankWorkspaceTests {
    /// SplitMix64: reproducible values without GSL.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

        /// Values that stress a ranking, by phase: 0 continuous, 1 a coarse grid (exact ties), 2 near-ties
        /// within the tolerance, 3 a shifted scale (a stale cut), 4 many NaN.
        mutating func value(phase: Int) -> Double {
            let u = uniform()
            switch phase {
            case 0: return 0.5 + u
            case 1: return (u * 8).rounded(.down) / 4
            case 2: return 1 + (u < 0.5 ? 0 : 1e-11 * (u - 0.5))
            case 3: return -3 + 10 * u
            default: return u < 0.4 ? .nan : u
            }
        }
    }

    /// The reference: full ranks, and for `places` only the units that tie with the places-th best
    /// value or beat it.
    func expected(_ values: [Double], places: Int?) -> [Int32] {
        let full = Ranking.ranks(values.map { $0 })
        guard let places, places < values.count, places <= RankWorkspace.partialLimit else { return full.map { Int32($0) } }
        let sorted = values.filter { !$0.isNaN }.sorted(by: >)
        guard places > 0, !sorted.isEmpty else { return values.map { _ in RankWorkspace.beyond } }
        let threshold = sorted[min(places, sorted.count) - 1]
        let floor = threshold - Ranking.tolerance * max(abs(threshold), 1e-300)
        return values.indices.map { !values[$0].isNaN && values[$0] >= floor ? Int32(full[$0]) : RankWorkspace.beyond }
    }

    func check(_ workspace: RankWorkspace, _ values: [Double], places: Int?, _ note: String) {
        values.withUnsafeBufferPointer { workspace.rank($0, places: places) }
        let ranks = Array(workspace.ranks)
        let reference = expected(values, places: places)
        #expect(ranks == reference, "\(note), places \(places.map(String.init) ?? "all")")
    }

    @Test("Partial rankings draw after draw, with ties, near-ties, NaN and shifting distributions")
    func partialRankingsAgreeWithTheReference() {
        var random = Generator(state: 42)
        for units in [1, 2, 5, 40, 100, 700] {
            let workspace = RankWorkspace(unitCount: units)
            for draw in 0..<120 {
                let phase = (draw / 12) % 5
                let values = (0..<units).map { _ in random.value(phase: phase) }
                // The last partial ranking of a draw is the first of the next: its cut carries over.
                for places in [20, 3, 3, 0, 64, 65, units, 20] {
                    check(workspace, values, places: places, "\(units) units, draw \(draw)")
                }
            }
        }
    }

    @Test("Full rankings: signs, zeros of both signs, infinities, NaN, exact ties in unit order")
    func fullRankingsAgreeWithTheReference() {
        var random = Generator(state: 7)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1, -1, 1e-300, -1e-300, 1 + 1e-12, 1e300]
        for units in [1, 3, 50, 3_000] {
            let workspace = RankWorkspace(unitCount: units)
            for round in 0..<6 {
                let values: [Double] = (0..<units).map { _ in
                    let u = random.uniform()
                    if round % 2 == 0, u < 0.3 { return specials[Int(random.next() % UInt64(specials.count))] }
                    return round < 4 ? (u * 1_000).rounded() / 10 - 20 : 60 + 40 * u
                }
                check(workspace, values, places: nil, "\(units) units, round \(round)")
            }
        }
    }

    /// `rankAfterRaising` against ranking the raised values afresh (a second workspace, which the tests
    /// above check against the reference): raises of nothing, of less than the tolerance, onto a
    /// neighbour's exact value, past the threshold and to the top, from inside and outside the places,
    /// and from no value at all.
    @Test("A raised unit's rank, read from the last ranking, equals ranking the raised values again")
    func raisedRankAgreesWithRankingAgain() {
        var random = Generator(state: 99)
        var checked = 0
        for units in [1, 2, 7, 40, 300] {
            let workspace = RankWorkspace(unitCount: units)
            let fresh = RankWorkspace(unitCount: units)
            for draw in 0..<60 {
                let values = (0..<units).map { _ in random.value(phase: draw % 5) }
                for places in [20, 3, 0, units, 65] as [Int?] + [nil] {
                    for _ in 0..<4 {
                        let unit = Int(random.next() % UInt64(units))
                        let others = values.filter { !$0.isNaN }
                        // From no value: to each of these levels.
                        let start = values[unit].isNaN ? 0 : values[unit]
                        let raises = [0, 1e-12 * abs(start), random.uniform() * 0.3, (others.max() ?? start) - start, 2]
                        for raise in raises where raise >= 0 {
                            values.withUnsafeBufferPointer { workspace.rank($0, places: places) }
                            var raisedValues = values
                            raisedValues[unit] = start + raise
                            let rank = values.withUnsafeBufferPointer {
                                workspace.rankAfterRaising(unit, to: raisedValues[unit], in: $0, places: places)
                            }
                            raisedValues.withUnsafeBufferPointer { fresh.rank($0, places: places) }
                            #expect(rank == fresh.ranks[unit], "\(units) units, draw \(draw), places \(places.map(String.init) ?? "all"), raise \(raise)")
                            checked += 1
                        }
                    }
                }
            }
        }
        #expect(checked > 5_000)
    }
}
