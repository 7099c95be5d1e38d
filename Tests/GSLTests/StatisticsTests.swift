import GSL
import Testing

@Suite("Statistics: values")
struct StatisticsValueTests {
    @Test("Mean, variance and standard deviation of a small sample")
    func basics() throws {
        // x = 2, 4, 4, 4, 5, 5, 7, 9: mean 40/8 = 5; Σ(x − 5)² = 9+1+1+1+0+0+4+16 = 32; s² = 32/7.
        let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        expectClose(try Statistics.mean(x), 5, relative: 1e-15, "mean")
        expectClose(try Statistics.variance(x), 32.0 / 7.0, relative: 1e-15, "variance")
        expectClose(try Statistics.standardDeviation(x), (32.0 / 7.0).squareRoot(), relative: 1e-15, "sd")
    }

    @Test("Weighted statistics: equal weights reproduce the unweighted ones; weights count as frequencies in the mean")
    func weighted() throws {
        let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        let ones = [Double](repeating: 1, count: x.count)
        expectClose(try Statistics.weightedMean(x, weights: ones), try Statistics.mean(x), relative: 1e-15, "wmean")
        expectClose(try Statistics.weightedVariance(x, weights: ones), try Statistics.variance(x), relative: 1e-14, "wvar")
        expectClose(
            try Statistics.weightedStandardDeviation(x, weights: ones), try Statistics.standardDeviation(x),
            relative: 1e-14, "wsd")
        // (1·1 + 3·2) / (1 + 3) = 7/4; a zero weight drops its observation.
        expectClose(try Statistics.weightedMean([1, 2, 100], weights: [1, 3, 0]), 7.0 / 4.0, relative: 1e-15, "wmean")
    }

    @Test("Quantiles interpolate linearly between order statistics: Q(p) = x₍ᵢ₎ + (h − i)(x₍ᵢ₊₁₎ − x₍ᵢ₎), h = (n − 1)p")
    func quantiles() throws {
        let sorted: [Double] = [1, 2, 3, 4]
        // h = 3 · 0.25 = 0.75 → 1 + 0.75 · (2 − 1) = 1.75; h = 1.5 → 2.5; p = 0 and 1 give the extremes.
        expectClose(try Statistics.quantile(sorted: sorted, probability: 0.25), 1.75, relative: 1e-15, "Q(0.25)")
        expectClose(try Statistics.quantile(sorted: sorted, probability: 0.5), 2.5, relative: 1e-15, "Q(0.5)")
        expectClose(try Statistics.quantile(sorted: sorted, probability: 0), 1, relative: 1e-15, "Q(0)")
        expectClose(try Statistics.quantile(sorted: sorted, probability: 1), 4, relative: 1e-15, "Q(1)")
        expectClose(try Statistics.median(sorted: sorted), 2.5, relative: 1e-15, "median (even n)")
        expectClose(try Statistics.median(sorted: [1, 2, 10]), 2, relative: 1e-15, "median (odd n)")
        expectClose(try Statistics.quantile(sorted: [7], probability: 0.3), 7, relative: 1e-15, "n = 1")
    }

    @Test("Pearson and Spearman correlation")
    func correlations() throws {
        let x: [Double] = [1, 2, 3, 4, 5]
        expectClose(try Statistics.correlation(x, x.map { 3 * $0 - 2 }), 1, relative: 1e-14, "r of a line")
        expectClose(try Statistics.correlation(x, x.map { -$0 }), -1, relative: 1e-14, "r of a falling line")
        // A monotone but non-linear transform keeps every rank: ρ = 1 although r < 1.
        let cubes = x.map { $0 * $0 * $0 }
        expectClose(try Statistics.spearman(x, cubes), 1, relative: 1e-14, "Spearman of x³")
        #expect(try Statistics.correlation(x, cubes) < 0.99)
        // Ties get their average rank: ranks of y = (1, 2.5, 2.5, 4, 5), of x = (1, …, 5), both with
        // mean 3. Deviations dx = (−2, −1, 0, 1, 2), dy = (−2, −0.5, −0.5, 1, 2): Σdx·dy = 9.5,
        // Σdx² = 10, Σdy² = 9.5, so ρ = 9.5/√(10 · 9.5).
        expectClose(try Statistics.spearman(x, [10, 20, 20, 30, 40]), 9.5 / (10 * 9.5).squareRoot(), relative: 1e-14, "ties")
    }

    @Test("Lag-1 autocorrelation of an alternating series is negative")
    func lag1() throws {
        // x = 1, −1, 1, −1: mean 0; Σ xᵢxᵢ₊₁ = −3; Σxᵢ² = 4 → r₁ = −3/4.
        expectClose(try Statistics.lag1Autocorrelation([1, -1, 1, -1]), -0.75, relative: 1e-15, "r1")
    }

    @Test("Sorting and the sorting permutation")
    func sorting() {
        let x: [Double] = [3, -1, 2.5, 10, 0, 2.5]
        let sorted = Statistics.sorted(x)
        #expect(sorted.count == x.count)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0 <= $1 })
        let p = Statistics.sortIndex(x)
        #expect(Set(p) == Set(x.indices), "a permutation of the indices")
        #expect(zip(p, p.dropFirst()).allSatisfy { x[$0] <= x[$1] }, "x[p[0]] ≤ x[p[1]] ≤ …")
        #expect(Statistics.sorted([]).isEmpty)
        #expect(Statistics.sortIndex([]).isEmpty)
    }
}

@Suite("Statistics: degenerate input throws, never returns NaN or aborts")
struct StatisticsErrorTests {
    @Test("Empty input and too few observations")
    func tooFew() {
        #expect(throws: GSLError.tooFewObservations(function: "Statistics.mean", required: 1, actual: 0)) {
            try Statistics.mean([])
        }
        #expect(throws: GSLError.tooFewObservations(function: "Statistics.variance", required: 2, actual: 1)) {
            try Statistics.variance([42])
        }
        expectGSLError(.tooFewObservations) { try Statistics.standardDeviation([1]) }
        expectGSLError(.tooFewObservations) { try Statistics.quantile(sorted: [], probability: 0.5) }
        expectGSLError(.tooFewObservations) { try Statistics.median(sorted: []) }
        expectGSLError(.tooFewObservations) { try Statistics.lag1Autocorrelation([1]) }
        expectGSLError(.tooFewObservations) { try Statistics.correlation([1], [2]) }
        expectGSLError(.tooFewObservations) { try Statistics.weightedMean([], weights: []) }
        [Double]().withUnsafeBufferPointer { empty in
            expectGSLError(.tooFewObservations) { try Statistics.mean(empty) }
            expectGSLError(.tooFewObservations) { try Statistics.variance(empty) }
        }
    }

    @Test("Mismatched lengths")
    func lengths() {
        #expect(throws: GSLError.lengthMismatch(function: "Statistics.correlation", expected: 3, actual: 2)) {
            try Statistics.correlation([1, 2, 3], [1, 2])
        }
        expectGSLError(.lengthMismatch) { try Statistics.spearman([1, 2, 3], [1, 2, 3, 4]) }
        expectGSLError(.lengthMismatch) { try Statistics.weightedMean([1, 2, 3], weights: [1, 1]) }
        expectGSLError(.lengthMismatch) { try Statistics.weightedVariance([1, 2], weights: [1, 1, 1]) }
    }

    @Test("Zero variance where the statistic divides by it")
    func zeroVariance() throws {
        expectGSLError(.degenerate) { try Statistics.correlation([1, 2, 3], [5, 5, 5]) }
        expectGSLError(.degenerate) { try Statistics.correlation([4, 4, 4], [1, 2, 3]) }
        expectGSLError(.degenerate) { try Statistics.spearman([1, 2, 3], [7, 7, 7]) }
        expectGSLError(.degenerate) { try Statistics.lag1Autocorrelation([2, 2, 2, 2]) }
        // A variance of constant data is a legitimate 0, not an error.
        expectClose(try Statistics.variance([3, 3, 3]), 0, relative: 0, absolute: .leastNormalMagnitude, "s² of constant data")
    }

    @Test("Probabilities outside [0, 1] and unsorted input to the order statistics")
    func quantileDomain() {
        expectGSLError(.domain) { try Statistics.quantile(sorted: [1, 2, 3], probability: -0.01) }
        expectGSLError(.domain) { try Statistics.quantile(sorted: [1, 2, 3], probability: 1.01) }
        expectGSLError(.domain) { try Statistics.quantile(sorted: [1, 2, 3], probability: .nan) }
        expectGSLError(.domain) { try Statistics.quantile(sorted: [3, 1, 2], probability: 0.5) }
        expectGSLError(.domain) { try Statistics.median(sorted: [1, .nan, 3]) }
        // Sorted, but the interpolation meets 0 · ∞ or ∞ − ∞.
        expectGSLError(.domain) { try Statistics.quantile(sorted: [1, .infinity], probability: 0) }
        expectGSLError(.domain) { try Statistics.median(sorted: [-.infinity, .infinity]) }
    }

    @Test("NaN in the input is refused instead of propagating")
    func nanInput() {
        expectGSLError(.domain) { try Statistics.mean([1, .nan, 3]) }
        expectGSLError(.domain) { try Statistics.variance([1, .nan, 3]) }
        expectGSLError(.domain) { try Statistics.standardDeviation([.infinity, 1]) }
        expectGSLError(.domain) { try Statistics.mean([.infinity, -.infinity]) }
        expectGSLError(.domain) { try Statistics.correlation([1, .nan, 3], [1, 2, 3]) }
        expectGSLError(.domain) { try Statistics.spearman([1, 2, 3], [1, .nan, 3]) }
        expectGSLError(.domain) { try Statistics.lag1Autocorrelation([1, 2, .nan]) }
        expectGSLError(.domain) { try Statistics.weightedMean([1, .nan], weights: [1, 1]) }
    }

    @Test("Weights must be finite and non-negative, with enough of them positive")
    func weights() {
        expectGSLError(.domain) { try Statistics.weightedMean([1, 2], weights: [1, -1]) }
        expectGSLError(.domain) { try Statistics.weightedMean([1, 2], weights: [1, .nan]) }
        expectGSLError(.degenerate) { try Statistics.weightedMean([1, 2], weights: [0, 0]) }
        expectGSLError(.degenerate) { try Statistics.weightedVariance([1, 2, 3], weights: [0, 5, 0]) }
        expectGSLError(.tooFewObservations) { try Statistics.weightedStandardDeviation([1], weights: [1]) }
    }
}
