import CGSL

// Input checks shared by `Statistics`: each turns input that GSL would answer with NaN, garbage or a
// read out of bounds into a `GSLError`.
extension Statistics {
    /// Checks n ≥ `required` and returns the buffer's base address (non-nil once n ≥ 1).
    @inline(__always)
    static func requireCount(
        _ x: UnsafeBufferPointer<Double>, _ required: Int, _ function: String
    ) throws(GSLError) -> UnsafePointer<Double> {
        guard x.count >= max(required, 1), let base = x.baseAddress else {
            throw .tooFewObservations(function: function, required: max(required, 1), actual: x.count)
        }
        ErrorHandler.ensureOff()
        return base
    }

    /// Passes a result through unless it is NaN, which only NaN or infinite input can produce for
    /// the location, spread and order statistics.
    @inline(__always)
    static func requireNumber(_ value: Double, _ function: String) throws(GSLError) -> Double {
        guard value.isNaN else { return value }
        throw .domain(function: function, reason: "the result is NaN: the input contains NaN or infinite values")
    }

    /// Checks n ≥ 1 and ascending order (which also rules out NaN), without allocating.
    static func requireSorted(_ x: UnsafeBufferPointer<Double>, _ function: String) throws(GSLError) -> UnsafePointer<Double> {
        let base = try requireCount(x, 1, function)
        if x[0].isNaN { throw .domain(function: function, reason: "input contains NaN") }
        var index = 1
        while index < x.count {
            // `!(a <= b)` is true when a > b and when either is NaN.
            guard x[index - 1] <= x[index] else {
                throw .domain(
                    function: function,
                    reason: "input is not sorted ascending (or contains NaN) at index \(index)"
                )
            }
            index += 1
        }
        return base
    }

    /// Checks equal lengths and n ≥ 2 for a statistic of two paired samples.
    static func requirePair(_ x: [Double], _ y: [Double], _ function: String) throws(GSLError) {
        guard x.count == y.count else {
            throw .lengthMismatch(function: function, expected: x.count, actual: y.count)
        }
        guard x.count >= 2 else {
            throw .tooFewObservations(function: function, required: 2, actual: x.count)
        }
        ErrorHandler.ensureOff()
    }

    /// Explains a NaN correlation: non-finite input, or a sample without spread (0/0).
    static func requireAssociation(
        _ value: Double, _ x: [Double], _ y: [Double], _ function: String
    ) throws(GSLError) -> Double {
        guard value.isNaN else { return value }
        if x.contains(where: { !$0.isFinite }) || y.contains(where: { !$0.isFinite }) {
            throw .domain(function: function, reason: "input contains NaN or infinite values")
        }
        throw .degenerate(function: function, reason: "a sample has zero variance, so the correlation is 0/0")
    }

    /// Checks equal lengths, finite non-negative weights, and at least `positive` positive weights.
    static func requireWeights(
        _ x: [Double], _ weights: [Double], positive: Int, _ function: String
    ) throws(GSLError) {
        guard x.count == weights.count else {
            throw .lengthMismatch(function: function, expected: x.count, actual: weights.count)
        }
        guard x.count >= positive else {
            throw .tooFewObservations(function: function, required: positive, actual: x.count)
        }
        var positiveCount = 0
        for w in weights {
            guard w.isFinite, w >= 0 else {
                throw .domain(function: function, reason: "weight \(w) is not finite and non-negative")
            }
            if w > 0 { positiveCount += 1 }
        }
        guard positiveCount >= positive else {
            throw .degenerate(
                function: function,
                reason: "\(positiveCount) observation(s) have positive weight, \(positive) needed"
            )
        }
        ErrorHandler.ensureOff()
    }
}
