import CGSL

extension Statistics {
    /// The `probability`-quantile of unsorted `data`, found by selection (GSL's `gsl_stats_select`,
    /// quickselect) instead of a full sort; `data` is reordered. The same definition as
    /// `quantile(sorted:probability:)` (`gsl_stats_quantile_from_sorted_data`):
    ///
    ///     h = p · (n − 1),  Q = (1 − (h − ⌊h⌋)) · x₍⌊h⌋₎ + (h − ⌊h⌋) · x₍⌊h⌋+1₎
    ///
    /// with x₍k₎ the k-th smallest value (0-based).
    ///
    /// - Complexity: O(n) expected.
    public static func quantileBySelection(
        _ data: UnsafeMutableBufferPointer<Double>, probability: Double
    ) throws(GSLError) -> Double {
        guard let base = data.baseAddress, !data.isEmpty else {
            throw .tooFewObservations(function: "Statistics.quantileBySelection", required: 1, actual: 0)
        }
        guard probability >= 0, probability <= 1 else {
            throw .domain(function: "Statistics.quantileBySelection", reason: "probability \(probability) is not in [0, 1]")
        }
        guard !data.contains(where: { $0.isNaN }) else {
            throw .domain(function: "Statistics.quantileBySelection", reason: "the data contain NaN")
        }
        ErrorHandler.ensureOff()
        let n = data.count
        let position = probability * Double(n - 1)
        let lower = Int(position)
        let fraction = position - Double(lower)
        let low = gsl_stats_select(base, 1, n, lower)
        guard fraction > 0, lower + 1 < n else { return low }
        // After selection every element past `lower` is at least x₍lower₎; the next order statistic
        // is the smallest of them.
        let high = UnsafeBufferPointer(rebasing: data[(lower + 1)...]).min() ?? low
        return (1 - fraction) * low + fraction * high
    }
}

extension Statistics {
    /// The k-th smallest value (0-based) of unsorted `data` by GSL's quickselect, `gsl_stats_select`;
    /// `data` is reordered. NaN must not occur (the caller filters it).
    ///
    /// - Complexity: O(n) expected.
    public static func select(_ data: UnsafeMutableBufferPointer<Double>, k: Int) throws(GSLError) -> Double {
        guard let base = data.baseAddress, !data.isEmpty else {
            throw .tooFewObservations(function: "Statistics.select", required: 1, actual: 0)
        }
        guard k >= 0, k < data.count else {
            throw .domain(function: "Statistics.select", reason: "k = \(k) is outside 0..<\(data.count)")
        }
        ErrorHandler.ensureOff()
        return gsl_stats_select(base, 1, data.count, k)
    }
}
