import CGSL

/// The result of a multiple linear least-squares fit y = Xβ + ε.
///
/// With n observations and p parameters (p counts the intercept when there is one):
/// - `residualSumOfSquares` RSS = Σᵢ wᵢ(yᵢ − xᵢᵀβ̂)² (wᵢ = 1 unweighted);
/// - `residualStandardDeviation` = √(RSS/(n − p));
/// - `rSquared` = 1 − RSS/TSS, where TSS = Σwᵢ(yᵢ − ȳ_w)² about the (weighted) mean for a model
///   with intercept, and the UNCENTRED TSS = Σwᵢyᵢ² for a model without intercept — the
///   definitions NIST StRD certifies (NoInt1, NoInt2).
public struct RegressionResult: Sendable, Equatable {
    /// β̂, the intercept first when the model has one, then one per design column.
    public let coefficients: [Double]
    /// √Cov(β̂)ᵢᵢ for each coefficient.
    public let standardErrors: [Double]
    /// Cov(β̂), p × p, row-major. Unweighted: s²(XᵀX)⁻¹ with s² = RSS/(n − p). Weighted (as in
    /// GSL): (XᵀWX)⁻¹, not rescaled, i.e. taking wᵢ = 1/σᵢ² as known.
    public let covariance: [Double]
    public let residualSumOfSquares: Double
    public let residualStandardDeviation: Double
    public let rSquared: Double
    /// n − p, with n counting only positive-weight observations in a weighted fit.
    public let degreesOfFreedom: Int
    /// Whether a column of ones was prepended (and `coefficients[0]` is the intercept).
    public let hasIntercept: Bool

    /// The number of parameters p.
    public var parameterCount: Int { coefficients.count }

    /// The fitted value for one row of the design (without the column of ones): β̂₀ + Σⱼ β̂ⱼxⱼ.
    public func predict(_ row: [Double]) throws(GSLError) -> Double {
        let offset = hasIntercept ? 1 : 0
        guard row.count + offset == coefficients.count else {
            throw .lengthMismatch(function: "RegressionResult.predict", expected: coefficients.count - offset, actual: row.count)
        }
        var value = hasIntercept ? coefficients[0] : 0
        for (j, x) in row.enumerated() { value += coefficients[j + offset] * x }
        return value
    }
}

/// Multiple linear least squares by GSL's column-balanced SVD (`gsl_multifit_linear`,
/// `gsl_multifit_wlinear`).
public enum MultipleRegression: Sendable {
    /// Fits y = Xβ + ε.
    ///
    /// - Parameters:
    ///   - design: the n × k design matrix X, row-major (`design[i * columns + j]`), without a column
    ///     of ones.
    ///   - rows: n; `columns`: k.
    ///   - y: the n responses.
    ///   - intercept: when true, a column of ones is prepended and p = k + 1; otherwise p = k.
    ///   - weights: wᵢ ≥ 0 (typically 1/σᵢ²) for weighted least squares, or nil.
    /// - Throws: `.tooFewObservations` when n ≤ p (or nothing to fit), `.lengthMismatch` when the
    ///   sizes disagree, `.domain` for non-finite input or negative weights, `.degenerate` when X is
    ///   rank-deficient or, for R², y has no spread.
    public static func fit(
        design: [Double], rows n: Int, columns k: Int, y: [Double],
        intercept: Bool, weights: [Double]? = nil
    ) throws(GSLError) -> RegressionResult {
        let function = weights == nil ? "MultipleRegression.fit" : "MultipleRegression.fit(weights:)"
        guard n >= 0, k >= 0 else {
            throw .domain(function: function, reason: "rows \(n) and columns \(k) must be non-negative")
        }
        let p = k + (intercept ? 1 : 0)
        guard p >= 1 else { throw .domain(function: function, reason: "the model has no parameters") }
        guard design.count == n * k else {
            throw .lengthMismatch(function: function, expected: n * k, actual: design.count)
        }
        guard y.count == n else { throw .lengthMismatch(function: function, expected: n, actual: y.count) }
        try requireFinite(design, "design", function)
        try requireFinite(y, "y", function)
        let used = try weights.map { (w) throws(GSLError) -> Int in try requireFitWeights(w, count: n, function) } ?? n
        guard used > p else { throw .tooFewObservations(function: function, required: p + 1, actual: used) }

        let solution = try solve(design: design, n: n, k: k, p: p, y: y, intercept: intercept, weights: weights, function)
        let tss = try totalSumOfSquares(y, weights: weights, centred: intercept, function)
        let dof = used - p
        return RegressionResult(
            coefficients: solution.coefficients,
            standardErrors: (0..<p).map { solution.covariance[$0 * p + $0].squareRoot() },
            covariance: solution.covariance,
            residualSumOfSquares: solution.chisq,
            residualStandardDeviation: (solution.chisq / Double(dof)).squareRoot(),
            rSquared: 1 - solution.chisq / tss,
            degreesOfFreedom: dof,
            hasIntercept: intercept
        )
    }

    /// Copies the problem into GSL objects owned by this scope and solves it by truncated SVD with
    /// GSL's own tolerance (`gsl_multifit_linear` is `gsl_multifit_linear_tsvd` with tol = ε; calling
    /// the latter directly also yields the effective rank, which is checked).
    private static func solve(
        design: [Double], n: Int, k: Int, p: Int, y: [Double], intercept: Bool, weights: [Double]?,
        _ function: String
    ) throws(GSLError) -> (coefficients: [Double], covariance: [Double], chisq: Double) {
        let x = try GSLMatrix(rows: n, columns: p)
        let offset = intercept ? 1 : 0
        for i in 0..<n {
            if intercept { x[i, 0] = 1 }
            for j in 0..<k { x[i, j + offset] = design[i * k + j] }
        }
        let yv = try GSLVector(y)
        let c = try GSLVector(count: p)
        let cov = try GSLMatrix(rows: p, columns: p)
        let workspace = try MultifitWorkspace(observations: n, parameters: p)
        var chisq = 0.0
        var rank = 0
        let status: Int32
        if let weights {
            let wv = try GSLVector(weights)
            status = gsl_multifit_wlinear_tsvd(
                x.pointer, wv.pointer, yv.pointer, GSL_DBL_EPSILON, c.pointer, cov.pointer, &chisq, &rank, workspace.pointer)
        } else {
            status = gsl_multifit_linear_tsvd(
                x.pointer, yv.pointer, GSL_DBL_EPSILON, c.pointer, cov.pointer, &chisq, &rank, workspace.pointer)
        }
        try ErrorHandler.check(status, function)
        guard rank == p else {
            throw .degenerate(
                function: function,
                reason: "the design matrix has rank \(rank) < \(p) parameters (collinear columns)"
            )
        }
        let covariance = (0..<(p * p)).map { cov[$0 / p, $0 % p] }
        let coefficients = c.array
        guard chisq.isFinite, coefficients.allSatisfy(\.isFinite), covariance.allSatisfy(\.isFinite) else {
            throw .degenerate(function: function, reason: "the fit produced non-finite values")
        }
        return (coefficients, covariance, chisq)
    }

    /// TSS about the (weighted) mean, or about 0 when `centred` is false
    /// (`gsl_stats_tss`, `gsl_stats_tss_m`, `gsl_stats_wtss`, `gsl_stats_wtss_m`).
    private static func totalSumOfSquares(
        _ y: [Double], weights: [Double]?, centred: Bool, _ function: String
    ) throws(GSLError) -> Double {
        let n = y.count
        let tss: Double = y.withUnsafeBufferPointer { ys in
            guard let weights else {
                return centred ? gsl_stats_tss(ys.baseAddress, 1, n) : gsl_stats_tss_m(ys.baseAddress, 1, n, 0)
            }
            return weights.withUnsafeBufferPointer { ws in
                // GSL's weighted TSS skips non-positive weights, like the fit.
                centred
                    ? gsl_stats_wtss(ws.baseAddress, 1, ys.baseAddress, 1, n)
                    : gsl_stats_wtss_m(ws.baseAddress, 1, ys.baseAddress, 1, n, 0)
            }
        }
        guard tss > 0, tss.isFinite else {
            throw .degenerate(
                function: function,
                reason: centred ? "y is constant, so R² = 1 − RSS/TSS divides by 0" : "y is zero everywhere, so R² divides by 0"
            )
        }
        return tss
    }
}
