import CGSL

/// Descriptive statistics of samples of `Double`, computed by GSL (`gsl_stats_*`, `gsl_sort*`).
///
/// GSL's routines are two-pass or use running (Welford-style) updates, so they keep about 9–15
/// significant digits on the NIST StRD univariate sets. Every function validates its input first:
/// too few observations, mismatched lengths, zero spread where the statistic divides by it, a
/// probability outside [0, 1] and NaN that would propagate to the result all throw `GSLError`
/// instead of returning NaN.
///
/// The `UnsafeBufferPointer` overloads allocate nothing and are meant for hot loops; the array
/// versions call them.
public enum Statistics: Sendable {
    // MARK: Location and spread

    /// The arithmetic mean, x̄ = (1/n) Σᵢ xᵢ (`gsl_stats_mean`). Requires n ≥ 1.
    public static func mean(_ x: [Double]) throws(GSLError) -> Double {
        try x.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in try mean(buffer) }
    }

    /// The arithmetic mean of a buffer, without allocating. Requires n ≥ 1.
    public static func mean(_ x: UnsafeBufferPointer<Double>) throws(GSLError) -> Double {
        let function = "Statistics.mean"
        let base = try requireCount(x, 1, function)
        return try requireNumber(gsl_stats_mean(base, 1, x.count), function)
    }

    /// The sample variance with the n − 1 denominator,
    /// s² = (1/(n−1)) Σᵢ (xᵢ − x̄)² (`gsl_stats_variance`, two-pass). Requires n ≥ 2.
    public static func variance(_ x: [Double]) throws(GSLError) -> Double {
        try x.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in try variance(buffer) }
    }

    /// The sample variance (n − 1 denominator) of a buffer, without allocating. Requires n ≥ 2.
    public static func variance(_ x: UnsafeBufferPointer<Double>) throws(GSLError) -> Double {
        let function = "Statistics.variance"
        let base = try requireCount(x, 2, function)
        return try requireNumber(gsl_stats_variance(base, 1, x.count), function)
    }

    /// The sample standard deviation s = √s², n − 1 denominator (`gsl_stats_sd`). Requires n ≥ 2.
    public static func standardDeviation(_ x: [Double]) throws(GSLError) -> Double {
        try x.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in try standardDeviation(buffer) }
    }

    /// The sample standard deviation (n − 1 denominator) of a buffer, without allocating.
    public static func standardDeviation(_ x: UnsafeBufferPointer<Double>) throws(GSLError) -> Double {
        let function = "Statistics.standardDeviation"
        let base = try requireCount(x, 2, function)
        return try requireNumber(gsl_stats_sd(base, 1, x.count), function)
    }

    // MARK: Weighted location and spread

    /// The weighted mean x̄_w = Σᵢ wᵢxᵢ / Σᵢ wᵢ (`gsl_stats_wmean`).
    ///
    /// Weights must be finite and non-negative, and at least one must be positive. Observations of
    /// weight 0 are ignored.
    public static func weightedMean(_ x: [Double], weights: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.weightedMean"
        try requireWeights(x, weights, positive: 1, function)
        let value = x.withUnsafeBufferPointer { xs in
            weights.withUnsafeBufferPointer { ws in
                gsl_stats_wmean(ws.baseAddress, 1, xs.baseAddress, 1, xs.count)
            }
        }
        return try requireNumber(value, function)
    }

    /// The weighted variance with GSL's bias correction for reliability weights,
    /// σ̂² = (Σwᵢ / ((Σwᵢ)² − Σwᵢ²)) · Σᵢ wᵢ(xᵢ − x̄_w)² (`gsl_stats_wvariance`).
    ///
    /// With equal weights this is the n − 1 sample variance. At least two weights must be positive.
    public static func weightedVariance(_ x: [Double], weights: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.weightedVariance"
        try requireWeights(x, weights, positive: 2, function)
        let value = x.withUnsafeBufferPointer { xs in
            weights.withUnsafeBufferPointer { ws in
                gsl_stats_wvariance(ws.baseAddress, 1, xs.baseAddress, 1, xs.count)
            }
        }
        return try requireNumber(value, function)
    }

    /// The weighted standard deviation, √σ̂² of `weightedVariance` (`gsl_stats_wsd`).
    public static func weightedStandardDeviation(_ x: [Double], weights: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.weightedStandardDeviation"
        try requireWeights(x, weights, positive: 2, function)
        let value = x.withUnsafeBufferPointer { xs in
            weights.withUnsafeBufferPointer { ws in
                gsl_stats_wsd(ws.baseAddress, 1, xs.baseAddress, 1, xs.count)
            }
        }
        return try requireNumber(value, function)
    }

    // MARK: Order statistics

    /// The `probability` quantile of data sorted in ascending order, interpolating linearly between
    /// order statistics: with h = (n − 1)p, i = ⌊h⌋, Q(p) = x₍ᵢ₎ + (h − i)(x₍ᵢ₊₁₎ − x₍ᵢ₎)
    /// (`gsl_stats_quantile_from_sorted_data`). Requires n ≥ 1 and 0 ≤ p ≤ 1.
    ///
    /// The order is checked (O(n), no allocation): unsorted data or NaN throws `.domain`.
    public static func quantile(sorted: [Double], probability: Double) throws(GSLError) -> Double {
        try sorted.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in
            try quantile(sorted: buffer, probability: probability)
        }
    }

    /// The `probability` quantile of an ascending buffer, without allocating. See `quantile(sorted:probability:)`.
    public static func quantile(sorted: UnsafeBufferPointer<Double>, probability: Double) throws(GSLError) -> Double {
        let function = "Statistics.quantile"
        guard probability >= 0, probability <= 1 else {
            throw .domain(function: function, reason: "probability \(probability) is not in [0, 1]")
        }
        let base = try requireSorted(sorted, function)
        // ±∞ among the order statistics can still interpolate to NaN (0 · ∞).
        return try requireNumber(gsl_stats_quantile_from_sorted_data(base, 1, sorted.count, probability), function)
    }

    /// The median of data sorted in ascending order: the middle value, or the mean of the two middle
    /// values when n is even (`gsl_stats_median_from_sorted_data`). Requires n ≥ 1.
    public static func median(sorted: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.median"
        return try sorted.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in
            let base = try requireSorted(buffer, function)
            return try requireNumber(gsl_stats_median_from_sorted_data(base, 1, buffer.count), function)
        }
    }

    // MARK: Association

    /// Pearson's correlation coefficient,
    /// r = Σ(xᵢ − x̄)(yᵢ − ȳ) / √(Σ(xᵢ − x̄)² Σ(yᵢ − ȳ)²) (`gsl_stats_correlation`).
    ///
    /// Requires equal lengths, n ≥ 2, and non-zero spread in both samples (`.degenerate` otherwise).
    public static func correlation(_ x: [Double], _ y: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.correlation"
        try requirePair(x, y, function)
        let value = x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in gsl_stats_correlation(xs.baseAddress, 1, ys.baseAddress, 1, xs.count) }
        }
        return try requireAssociation(value, x, y, function)
    }

    /// Spearman's rank correlation: Pearson's r of the ranks, ties given their average rank
    /// (`gsl_stats_spearman`). Requires equal lengths, n ≥ 2, no NaN, and at least two distinct
    /// values in each sample.
    public static func spearman(_ x: [Double], _ y: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.spearman"
        try requirePair(x, y, function)
        // Ranks of data containing NaN are meaningless (NaN is unordered): refuse it up front.
        guard !x.contains(where: \.isNaN), !y.contains(where: \.isNaN) else {
            throw .domain(function: function, reason: "input contains NaN, which has no rank")
        }
        var work = [Double](repeating: 0, count: 2 * x.count)  // GSL's scratch space for the ranks
        let value = x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                work.withUnsafeMutableBufferPointer { ws in
                    gsl_stats_spearman(xs.baseAddress, 1, ys.baseAddress, 1, xs.count, ws.baseAddress)
                }
            }
        }
        return try requireAssociation(value, x, y, function)
    }

    /// The lag-1 autocorrelation,
    /// r₁ = Σᵢ₌₁ⁿ⁻¹ (xᵢ − x̄)(xᵢ₊₁ − x̄) / Σᵢ₌₁ⁿ (xᵢ − x̄)² (`gsl_stats_lag1_autocorrelation`),
    /// the definition NIST StRD certifies. Requires n ≥ 2 and non-constant data.
    public static func lag1Autocorrelation(_ x: [Double]) throws(GSLError) -> Double {
        let function = "Statistics.lag1Autocorrelation"
        let value = try x.withUnsafeBufferPointer { (buffer) throws(GSLError) -> Double in
            let base = try requireCount(buffer, 2, function)
            return gsl_stats_lag1_autocorrelation(base, 1, buffer.count)
        }
        guard value.isNaN else { return value }
        if x.contains(where: { !$0.isFinite }) {
            throw .domain(function: function, reason: "input contains NaN or infinite values")
        }
        throw .degenerate(function: function, reason: "the data are constant (zero variance)")
    }

    // MARK: Sorting

    /// A copy of `x` in ascending order (`gsl_sort`, heapsort, O(n log n)). NaN has no place in an
    /// ascending order; where NaN values end up is unspecified.
    public static func sorted(_ x: [Double]) -> [Double] {
        var copy = x
        copy.withUnsafeMutableBufferPointer { buffer in
            if let base = buffer.baseAddress { gsl_sort(base, 1, buffer.count) }
        }
        return copy
    }

    /// The permutation that sorts `x` ascending: `x[p[0]] ≤ x[p[1]] ≤ …` (`gsl_sort_index`).
    ///
    /// GSL sorts with heapsort, which is not stable: the relative order of indices of equal values is
    /// NOT guaranteed (it need not be ascending). Callers that need a deterministic order for ties
    /// must break them themselves, e.g. by re-sorting runs of equal values by index.
    public static func sortIndex(_ x: [Double]) -> [Int] {
        let n = x.count
        return [Int](unsafeUninitializedCapacity: n) { indices, initialized in
            x.withUnsafeBufferPointer { data in
                // GSL writes size_t indices; Swift imports `size_t *` as a pointer to `Int`.
                if let out = indices.baseAddress, let base = data.baseAddress {
                    gsl_sort_index(out, base, 1, n)
                }
            }
            initialized = n  // every index below n was written (gsl_sort_index fills 0..<n; n = 0 writes none)
        }
    }
}
