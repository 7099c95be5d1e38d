/// Reusable buffers for ranking one indicator's outcomes across units, draw after draw, without
/// allocating: a simulation of 3,000 units ranks 600,000 times.
///
/// Only the places that earn points need ranking: with `places` set, the workspace ranks exactly the
/// units at least as good as the `places`-th best value t (ties included: every value ≥ floor(t),
/// floor(t) = t − `Ranking.tolerance` · max(|t|, 1e-300)), and marks every other unit `beyond`.
///
/// A simulation ranks the same indicator draw after draw, so the workspace remembers a cut from the
/// last partial ranking (its `cutDepth(places)`-th best value) and first collects only the units at
/// least that good: one comparison per unit, and a sort of a few dozen candidates. When that cut
/// proves too high (fewer than `places` values reach it, or t's tie floor falls below it) or too low
/// (too many candidates), the call ranks from scratch. The cut only decides how much work is done,
/// never the result: ranks are the same whatever was ranked before.
///
/// A full ranking sorts order-preserving 64-bit keys of the values, ties by unit.
///
/// - Complexity: O(n + places · log places) for a partial ranking whose remembered cut holds,
///   O(n + places² · log(n / places)) expected otherwise; O(n log n) for a full one.
public final class RankWorkspace {
    /// The rank given to units outside the requested places (and to units without a value when
    /// ranking partially).
    public static let beyond = Int32.max
    /// Up to this many places, only the units that can reach them are sorted.
    static let partialLimit = 64

    /// How deep the remembered cut lies for `limit` places: a quarter more places and four, so that
    /// the next draw rarely has fewer than `limit` units above it while few units are sorted.
    @inline(__always)
    static func cutDepth(_ limit: Int) -> Int { limit + limit / 4 + 4 }

    public let unitCount: Int
    /// Ranks by unit, valid after `rank(_:places:)`. Every unit outside `rankedUnits` is `beyond`, at
    /// all times, so a ranking need only reset the units the last one ranked.
    public let ranks: UnsafeMutableBufferPointer<Int32>
    /// One value per unit for a rule to prepare what it ranks (e.g. only the eligible units).
    public let scratch: UnsafeMutableBufferPointer<Double>
    private let candidates: UnsafeMutableBufferPointer<Int32>
    private let best: UnsafeMutableBufferPointer<Double>
    /// The words `sortByValue` sorts, one per unit.
    private let sortWords: UnsafeMutableBufferPointer<UInt64>
    /// How many units `rankedUnits` holds.
    private var rankedCount = 0
    /// Where `rankedUnits` lives (in `candidates`).
    private var rankedBase: UnsafeMutablePointer<Int32>?
    /// The remembered cut (NaN: none) and the number of places it was found for.
    private var cut = Double.nan
    private var cutPlaces = 0

    public init(unitCount: Int) {
        self.unitCount = unitCount
        ranks = .allocate(capacity: max(unitCount, 1))
        ranks.initialize(repeating: Self.beyond)
        candidates = .allocate(capacity: max(unitCount, 1))
        best = .allocate(capacity: max(unitCount, 1))
        scratch = .allocate(capacity: max(unitCount, 1))
        scratch.initialize(repeating: .nan)
        sortWords = .allocate(capacity: max(unitCount, 1))
    }

    deinit {
        ranks.deallocate()
        candidates.deallocate()
        best.deallocate()
        scratch.deallocate()
        sortWords.deallocate()
    }

    /// The units with an exact rank after `rank(_:places:)`, best first (every unit after a full
    /// ranking; the rest are `beyond`): a rule that scores a beyond unit the same whatever its value
    /// scores every unit that way and then revisits only these.
    public var rankedUnits: UnsafeBufferPointer<Int32> {
        UnsafeBufferPointer(start: rankedBase, count: rankedCount)
    }

    /// Values within the tolerance below `threshold` tie with it: floor(t) = t − tolerance · max(|t|, 1e-300),
    /// nondecreasing in t.
    @inline(__always)
    private static func tieFloor(_ threshold: Double) -> Double {
        threshold - Ranking.tolerance * max(abs(threshold), 1e-300)
    }

    /// Competition ranks of `values` (more is better; NaN = no value, ranked after every value) into
    /// `ranks`. With `places`, only ranks ≤ places are exact; the rest are `beyond`.
    public func rank(_ values: UnsafeBufferPointer<Double>, places: Int? = nil) {
        precondition(values.count == unitCount, "RankWorkspace: \(values.count) values for \(unitCount) units")
        let limit = places.map { min(max($0, 0), unitCount) } ?? unitCount
        // A long list of places is cheaper to rank by one sort of everything.
        guard limit < unitCount && limit <= Self.partialLimit else {
            rankAll(values)
            return
        }
        if limit > 0, limit == cutPlaces, !cut.isNaN, rankFromCut(values, limit: limit) { return }
        rankPartially(values, limit: limit)
    }

    /// The rank `rank(_:places:)` would give `unit` if its value were raised to `raised`, read from the
    /// last ranking — which must have been of these very `values` with the same `places` — without
    /// ranking again. `raised` must be a value, at least `unit`'s (which may be NaN: no value before).
    ///
    /// Raising one value (or giving one) cannot lower the places-th best value t — unless fewer units
    /// than the places had a value, and then every one of them was ranked — so every other unit that
    /// the raised ranking ranks (value ≥ floor(t′) ≥ floor(t)) is among `rankedUnits`: the raised
    /// ranking is the ranked units with `unit` moved to its new place, cut at the new floor and ranked
    /// as `assignRanks` does.
    ///
    /// - Complexity: O(`rankedUnits.count`): a few dozen steps after a partial ranking.
    public func rankAfterRaising(_ unit: Int, to raised: Double, in values: UnsafeBufferPointer<Double>, places: Int?) -> Int32 {
        precondition(!raised.isNaN && !(raised < values[unit]), "RankWorkspace: a raise must go up to a value")
        let limit = places.map { min(max($0, 0), unitCount) } ?? unitCount
        let partial = limit < unitCount && limit <= Self.partialLimit
        // The new floor: of the limit-th value of the new order (or its last, when fewer have a value).
        var floor = -Double.infinity
        if partial {
            guard limit > 0 else { return Self.beyond }
            var position = 0
            var threshold = Double.nan
            forEachRaised(unit, raised, values) { value, _ in
                position += 1
                threshold = value
                return position < limit
            }
            floor = Self.tieFloor(threshold)
        }
        guard raised >= floor else { return Self.beyond }
        // Ranks along the new order as `assignRanks` gives them, up to `unit`.
        var position: Int32 = 0
        var anchor = Double.nan
        var anchorRank: Int32 = 0
        forEachRaised(unit, raised, values) { value, isUnit in
            position += 1
            if anchor.isNaN || !Ranking.areEqual(value, anchor) {
                anchor = value
                anchorRank = position
            }
            return !isUnit
        }
        return anchorRank
    }

    /// Walks `rankedUnits` in order with `unit` moved to where `raised` sorts (best first by value, then
    /// by unit, as `sortByValue` orders), handing `body` each value and whether it is `unit`'s, while
    /// `body` returns true.
    @inline(__always)
    private func forEachRaised(_ unit: Int, _ raised: Double, _ values: UnsafeBufferPointer<Double>,
                               _ body: (Double, Bool) -> Bool) {
        var placed = false
        for other in rankedUnits.lazy.map({ Int($0) }) where other != unit {
            let value = values[other]
            // `unit` comes first when better, or equal with the smaller index (NaN: after every value).
            if !placed, value.isNaN || raised > value || (!(raised < value) && unit < other) {
                placed = true
                guard body(raised, true) else { return }
            }
            guard body(value, false) else { return }
        }
        if !placed { _ = body(raised, true) }
    }

    /// The partial ranking from the remembered cut c: collects the units with value ≥ floor(c). That
    /// set is closed upwards, so when it holds at least `limit` units its `limit`-th best value is t,
    /// and when floor(t) ≥ floor(c) it holds every unit that ties with t or beats it. False (ranks
    /// unusable) when either fails or the candidates overflow; the caller then ranks from scratch.
    private func rankFromCut(_ values: UnsafeBufferPointer<Double>, limit: Int) -> Bool {
        let (candidates, unitCount) = (self.candidates, self.unitCount)
        resetRankedUnits()
        let collectFloor = Self.tieFloor(cut)
        // Past this many candidates the cut is stale (another indicator's, or a freak draw).
        let capacity = min(unitCount, 8 * limit + 16)
        var count = 0
        for unit in 0..<unitCount {
            let value = values[unit]
            // NaN fails the comparison: no value, no place.
            if value >= collectFloor {
                guard count < capacity else { return false }
                candidates[count] = Int32(unit)
                count += 1
            }
        }
        guard count >= limit else { return false }
        let slice = UnsafeMutableBufferPointer(rebasing: candidates[0..<count])
        sortByValue(slice, values: values)
        let threshold = values[Int(slice[limit - 1])]
        let floor = Self.tieFloor(threshold)
        guard floor >= collectFloor else { return false }
        // The candidates that tie with t or beat it: a prefix of the sorted list.
        var ranked = limit
        while ranked < count, values[Int(slice[ranked])] >= floor { ranked += 1 }
        assignRanks(UnsafeMutableBufferPointer(rebasing: slice[0..<ranked]), values: values)
        // The next cut: this draw's cutDepth-th best value when there is one; else keep this one.
        let depth = Self.cutDepth(limit)
        if count >= depth { cut = values[Int(slice[depth - 1])] }
        return true
    }

    /// Ranks every unit the last ranking ranked `beyond` (every other unit already is), and empties
    /// `rankedUnits`: then a ranking sets only the ranks it assigns.
    @inline(__always)
    private func resetRankedUnits() {
        let ranks = self.ranks
        for unit in rankedUnits { ranks[Int(unit)] = Self.beyond }
        rankedCount = 0
    }

    /// The partial ranking from scratch: the `limit`-th best value by insertion into a short
    /// descending list (kept `cutDepth(limit)` long, to remember a cut for the next call), then every unit
    /// at least as good as its tie floor, sorted.
    private func rankPartially(_ values: UnsafeBufferPointer<Double>, limit: Int) {
        let (ranks, candidates, best, unitCount) = (self.ranks, self.candidates, self.best, self.unitCount)
        // 1. After the first few hundred units almost every value fails the first comparison, so this
        //    is one pass.
        let length = min(Self.cutDepth(limit), unitCount)
        var kept = 0
        if limit > 0 {
            for unit in 0..<unitCount {
                let value = values[unit]
                guard !value.isNaN else { continue }
                if kept == length, !(value > best[kept - 1]) { continue }
                var slot = kept == length ? kept - 1 : kept
                while slot > 0, best[slot - 1] < value {
                    best[slot] = best[slot - 1]
                    slot -= 1
                }
                best[slot] = value
                if kept < length { kept += 1 }
            }
        }
        // The limit-th best value (the last one when fewer units have a value).
        let known = min(kept, limit)
        let threshold = known > 0 ? best[known - 1] : .infinity
        let floor = known > 0 ? Self.tieFloor(threshold) : .infinity
        cut = kept == length && limit > 0 ? best[length - 1] : .nan
        cutPlaces = limit
        // 2. Candidates: every unit as good as the threshold (within tolerance).
        var count = 0
        for unit in 0..<unitCount {
            if values[unit] >= floor {
                candidates[count] = Int32(unit)
                count += 1
            } else {
                ranks[unit] = Self.beyond
            }
        }
        // 3. Exact competition ranks among the candidates (every other unit is worse than all of them).
        let slice = UnsafeMutableBufferPointer(rebasing: candidates[0..<count])
        sortByValue(slice, values: values)
        assignRanks(slice, values: values)
    }

    /// Sorts units without NaN values by value, best first, then by unit: a strict total order, so
    /// every sort gives this one result.
    /// - Complexity: O(n²) worst case; O(n) on the nearly sorted lists `sortByValue` hands it.
    @inline(__always)
    private static func insertionSort(_ units: UnsafeMutableBufferPointer<Int32>, by values: UnsafeBufferPointer<Double>) {
        guard units.count > 1 else { return }
        for index in 1..<units.count {
            let unit = units[index]
            let value = values[Int(unit)]
            var slot = index
            while slot > 0 {
                let previous = units[slot - 1]
                let other = values[Int(previous)]
                // previous comes first when better, or equal with a smaller index.
                if other > value || (!(other < value) && previous < unit) { break }
                units[slot] = previous
                slot -= 1
            }
            units[slot] = unit
        }
    }

    /// Competition ranks along `sorted` (best first, units without a value last): a tie group is
    /// anchored on its first member, and units without a value share the rank after the last value.
    @inline(__always)
    private func assignRanks(_ sorted: UnsafeMutableBufferPointer<Int32>, values: UnsafeBufferPointer<Double>) {
        let ranks = self.ranks
        rankedBase = sorted.baseAddress
        rankedCount = sorted.count
        var anchor = Double.nan
        var anchorRank: Int32 = 0
        for position in 0..<sorted.count {
            let unit = Int(sorted[position])
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

    /// Full competition ranks of every unit.
    private func rankAll(_ values: UnsafeBufferPointer<Double>) {
        guard unitCount > 0 else { return }
        let sorted = UnsafeMutableBufferPointer(rebasing: candidates[0..<unitCount])
        for unit in 0..<unitCount { sorted[unit] = Int32(unit) }
        sortByValue(sorted, values: values)
        assignRanks(sorted, values: values)
    }

    /// Sorts `units` best first by value, then by unit, NaN last. The standard library sorts 64-bit
    /// words, each a unit's value rounded to `Float` (order-preserving bits) above its index: plain
    /// integer comparisons, no value lookups. Rounding can only make values that differ by less than
    /// a `Float` step look equal, so one insertion pass by the exact order — nearly sorted, O(n) —
    /// finishes the sort.
    private func sortByValue(_ units: UnsafeMutableBufferPointer<Int32>, values: UnsafeBufferPointer<Double>) {
        let count = units.count
        guard count > 1 else { return }
        var words = UnsafeMutableBufferPointer(rebasing: sortWords[0..<count])
        for index in 0..<count {
            let unit = units[index]
            words[index] = Self.descendingKey32(values[Int(unit)]) << 32 | UInt64(UInt32(bitPattern: unit))
        }
        words.sort()
        for index in 0..<count { units[index] = Int32(truncatingIfNeeded: words[index]) }
        // NaN keys sort last, already by unit; the values before them are finished by exact order.
        var valued = count
        while valued > 0, values[Int(units[valued - 1])].isNaN { valued -= 1 }
        Self.insertionSort(UnsafeMutableBufferPointer(rebasing: units[0..<valued]), by: values)
    }

    /// The 32-bit key that orders values best first with NaN last: the `Float` bit pattern made
    /// monotone and inverted, −0 read as +0, every NaN `UInt32.max`.
    @inline(__always)
    private static func descendingKey32(_ value: Double) -> UInt64 {
        guard !value.isNaN else { return UInt64(UInt32.max) }
        let bits = (Float(value) + 0).bitPattern  // −0 + 0 = +0
        let ascending = bits >> 31 == 1 ? ~bits : bits | (1 << 31)
        return UInt64(~ascending)
    }
}
