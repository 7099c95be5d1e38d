/// Competition ranking ("1, 2, 2, 4") of units by a score where more is better.
///
/// Values within 1e-9 of each other (relative, dataset.md rule 9) are equal and share the better rank;
/// units without a value (nil or NaN) rank after every unit with one, all sharing the rank after the last.
/// Listings sort by exact value, then unit index (a strict weak order, so the sort is well defined and
/// deterministic); the tolerance only decides which neighbours share a rank.
public enum Ranking {
    /// The relative tolerance under which two values are equal.
    public static let tolerance = 1e-9

    /// Whether `a` and `b` are equal under `tolerance`: |a − b| ≤ tolerance · max(|a|, |b|, 1e-300).
    /// (Inlinable: the category plugins rank in their simulation loops.)
    @inlinable @inline(__always)
    public static func areEqual(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= tolerance * max(max(abs(a), abs(b)), 1e-300)
    }

    /// `a` is better than `b` by more than the tolerance.
    @inlinable @inline(__always)
    public static func isBetter(_ a: Double, than b: Double) -> Bool {
        a > b && !areEqual(a, b)
    }

    /// The unit indices, best first (equal values and missing values by index).
    ///
    /// - Complexity: O(n log n).
    public static func order(_ values: [Double?]) -> [Int] {
        values.indices.sorted { lhs, rhs in
            switch (values[lhs].flatMap { $0.isNaN ? nil : $0 }, values[rhs].flatMap { $0.isNaN ? nil : $0 }) {
            case let (a?, b?): a > b || (!(a < b) && lhs < rhs)
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs < rhs
            }
        }
    }

    /// Competition ranks, 1 = best, in unit order.
    ///
    /// A tie group is anchored on its first (best) member, so a chain of values each within the tolerance
    /// of the next never merges values that differ by more.
    /// - Complexity: O(n log n).
    public static func ranks(_ values: [Double?]) -> [Int] {
        let sorted = order(values)
        var ranks = Array(repeating: 0, count: values.count)
        var anchor: Double?
        var anchorRank = 0
        for (position, unit) in sorted.enumerated() {
            guard let value = values[unit], !value.isNaN else {
                // Every unit without a value shares the rank after the last unit with one.
                ranks[unit] = anchor == nil && position > 0 ? ranks[sorted[position - 1]] : position + 1
                anchor = nil
                anchorRank = ranks[unit]
                continue
            }
            if let current = anchor, areEqual(value, current) {
                ranks[unit] = anchorRank
            } else {
                anchor = value
                anchorRank = position + 1
                ranks[unit] = anchorRank
            }
        }
        return ranks
    }
}
