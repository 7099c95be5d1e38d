/// Reusable buffers for ranking one indicator's outcomes across units, draw after draw, without
/// allocating: a simulation of 3,000 units ranks 600,000 times.
///
/// Only the places that earn points need ranking: with `places` set, the workspace finds the
/// `places`-th best value in one pass, ranks exactly the units at least that good (ties included),
/// and marks every other unit `beyond`.
///
/// - Complexity: O(n + places² · log(n / places)) expected for a partial ranking of values in random
///   order, O(n log n) for a full one.
public final class RankWorkspace {
    /// The rank given to units outside the requested places (and to units without a value when
    /// ranking partially).
    public static let beyond = Int32.max
    /// Up to this many places, only the units that can reach them are sorted.
    static let partialLimit = 64

    public let unitCount: Int
    /// Ranks by unit, valid after `rank(_:places:)`.
    public let ranks: UnsafeMutableBufferPointer<Int32>
    /// One value per unit for a rule to prepare what it ranks (e.g. only the eligible units).
    public let scratch: UnsafeMutableBufferPointer<Double>
    private let candidates: UnsafeMutableBufferPointer<Int32>
    private let best: UnsafeMutableBufferPointer<Double>

    public init(unitCount: Int) {
        self.unitCount = unitCount
        ranks = .allocate(capacity: max(unitCount, 1))
        candidates = .allocate(capacity: max(unitCount, 1))
        best = .allocate(capacity: max(unitCount, 1))
        scratch = .allocate(capacity: max(unitCount, 1))
        scratch.initialize(repeating: .nan)
    }

    deinit {
        ranks.deallocate()
        candidates.deallocate()
        best.deallocate()
        scratch.deallocate()
    }

    /// Competition ranks of `values` (more is better; NaN = no value, ranked after every value) into
    /// `ranks`. With `places`, only ranks ≤ places are exact; the rest are `beyond`.
    public func rank(_ values: UnsafeBufferPointer<Double>, places: Int? = nil) {
        precondition(values.count == unitCount, "RankWorkspace: \(values.count) values for \(unitCount) units")
        // Local copies of the buffers: no class-property loads in the loops below.
        let (ranks, candidates, best, unitCount) = (self.ranks, self.candidates, self.best, self.unitCount)
        let limit = places.map { min(max($0, 0), unitCount) } ?? unitCount
        // A long list of places is cheaper to rank by one sort of everything.
        let partial = limit < unitCount && limit <= Self.partialLimit
        // 1. The limit-th best value, by insertion into a short descending list: after the first few
        //    hundred units almost every value fails the first comparison, so this is one pass.
        var kept = 0
        if partial {
            for unit in 0..<unitCount {
                let value = values[unit]
                guard !value.isNaN, limit > 0 else { continue }
                if kept == limit, !(value > best[kept - 1]) { continue }
                var slot = kept == limit ? kept - 1 : kept
                while slot > 0, best[slot - 1] < value {
                    best[slot] = best[slot - 1]
                    slot -= 1
                }
                best[slot] = value
                if kept < limit { kept += 1 }
            }
        }
        let threshold = kept > 0 ? best[kept - 1] : .infinity
        // Everything within the tolerance below the threshold ties with it: one comparison per unit.
        let floor = kept > 0 ? threshold - Ranking.tolerance * max(abs(threshold), 1e-300) : .infinity
        // 2. Candidates: every unit as good as the threshold (within tolerance); when ranking
        //    everything, every unit.
        var count = 0
        for unit in 0..<unitCount {
            let value = values[unit]
            if !partial || value >= floor {
                candidates[count] = Int32(unit)
                count += 1
            } else {
                ranks[unit] = Self.beyond
            }
        }
        // 3. Exact competition ranks among the candidates (every other unit is worse than all of them).
        var slice = UnsafeMutableBufferPointer(rebasing: candidates[0..<count])
        if partial {
            // No NaN among partial candidates: the plain order, value then unit.
            slice.sort { lhs, rhs in
                let a = values[Int(lhs)], b = values[Int(rhs)]
                return a > b || (!(a < b) && lhs < rhs)
            }
        } else {
            slice.sort { lhs, rhs in
                let a = values[Int(lhs)], b = values[Int(rhs)]
                switch (a.isNaN, b.isNaN) {
                case (false, false): return a > b || (!(a < b) && lhs < rhs)
                case (false, true): return true
                case (true, false): return false
                case (true, true): return lhs < rhs
                }
            }
        }
        var anchor = Double.nan
        var anchorRank: Int32 = 0
        for position in 0..<count {
            let unit = Int(slice[position])
            let value = values[unit]
            if value.isNaN {
                // Units without a value share the rank after the last unit with one.
                anchorRank = anchor.isNaN && position > 0 ? anchorRank : Int32(position + 1)
                anchor = .nan
                ranks[unit] = anchorRank
                continue
            }
            if anchor.isNaN || !Ranking.areEqual(value, anchor) {
                anchor = value
                anchorRank = Int32(position + 1)
            }
            ranks[unit] = anchorRank
        }
    }
}
