// Input checks shared by `LinearFit` and `MultipleRegression`.

/// Checks that every value is finite (NaN or ±∞ in a least-squares fit poisons every coefficient).
func requireFinite(_ values: [Double], _ name: String, _ function: String) throws(GSLError) {
    if let index = values.firstIndex(where: { !$0.isFinite }) {
        throw .domain(function: function, reason: "\(name)[\(index)] = \(values[index]) is not finite")
    }
}

/// Checks `weights` (count `n`, finite, non-negative) and returns how many are positive: the
/// observations that take part in a weighted fit.
func requireFitWeights(_ weights: [Double], count n: Int, _ function: String) throws(GSLError) -> Int {
    guard weights.count == n else {
        throw .lengthMismatch(function: function, expected: n, actual: weights.count)
    }
    var positive = 0
    for (index, w) in weights.enumerated() {
        guard w.isFinite, w >= 0 else {
            throw .domain(function: function, reason: "weights[\(index)] = \(w) is not finite and non-negative")
        }
        if w > 0 { positive += 1 }
    }
    return positive
}
