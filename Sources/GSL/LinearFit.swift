import CGSL

/// A least-squares straight line, y = c₀ + c₁x (`gsl_fit_linear`, `gsl_fit_wlinear`), or a line
/// through the origin, y = c₁x (`gsl_fit_mul`, `gsl_fit_wmul`).
///
/// Unweighted fits minimise RSS = Σ(yᵢ − c₀ − c₁xᵢ)², and their covariance is scaled by the residual
/// variance s² = RSS/(n − p), so `standardErrors` are the usual OLS standard errors.
/// Weighted fits minimise χ² = Σwᵢ(yᵢ − c₀ − c₁xᵢ)² with wᵢ = 1/σᵢ²; as in GSL their covariance is
/// NOT rescaled — it is (XᵀWX)⁻¹, the covariance implied by the stated σᵢ.
public struct LinearFit: Sendable, Equatable {
    /// c₀; exactly 0 for a fit through the origin.
    public let intercept: Double
    /// c₁.
    public let slope: Double
    /// Var(c₀), Cov(c₀, c₁), Var(c₁); the first two are 0 for a fit through the origin.
    public let cov00: Double, cov01: Double, cov11: Double
    /// RSS, or the weighted χ² for a weighted fit.
    public let residualSumOfSquares: Double
    /// Whether the line was forced through the origin (p = 1) rather than fitted with c₀ (p = 2).
    public let throughOrigin: Bool
    /// Residual degrees of freedom, n − p, counting only positive-weight observations if weighted.
    public let degreesOfFreedom: Int

    /// √(RSS/(n − p)), the residual standard deviation (for a weighted fit, of the weighted residuals).
    public var residualStandardDeviation: Double {
        (residualSumOfSquares / Double(degreesOfFreedom)).squareRoot()
    }

    /// √Var(c₀) and √Var(c₁).
    public var standardErrors: (intercept: Double, slope: Double) {
        (cov00.squareRoot(), cov11.squareRoot())
    }

    /// The fitted value c₀ + c₁x.
    public func predict(_ x: Double) -> Double { estimate(at: x).value }

    /// The fitted value ŷ = c₀ + c₁x and its standard error √(cov00 + 2x·cov01 + x²·cov11)
    /// (`gsl_fit_linear_est`, `gsl_fit_mul_est`).
    public func estimate(at x: Double) -> (value: Double, standardError: Double) {
        ErrorHandler.ensureOff()
        var value = 0.0, error = 0.0
        // Both return GSL_SUCCESS unconditionally.
        if throughOrigin {
            _ = gsl_fit_mul_est(x, slope, cov11, &value, &error)
        } else {
            _ = gsl_fit_linear_est(x, intercept, slope, cov00, cov01, cov11, &value, &error)
        }
        return (value, error)
    }

    /// Fits y = c₀ + c₁x by least squares; with `weights`, by weighted least squares.
    ///
    /// Requires equal lengths, finite values, more (positive-weight) observations than the two
    /// parameters, and x not constant (`.degenerate`).
    public static func linear(x: [Double], y: [Double], weights: [Double]? = nil) throws(GSLError) -> LinearFit {
        try fit(x: x, y: y, weights: weights, throughOrigin: false)
    }

    /// Fits y = c₁x (no intercept) by least squares; with `weights`, by weighted least squares.
    ///
    /// Requires equal lengths, finite values, at least two (positive-weight) observations, and x not
    /// all zero (`.degenerate`).
    public static func throughOrigin(x: [Double], y: [Double], weights: [Double]? = nil) throws(GSLError) -> LinearFit {
        try fit(x: x, y: y, weights: weights, throughOrigin: true)
    }

    private static func fit(x: [Double], y: [Double], weights: [Double]?, throughOrigin: Bool) throws(GSLError) -> LinearFit {
        let function = throughOrigin ? "LinearFit.throughOrigin" : "LinearFit.linear"
        let p = throughOrigin ? 1 : 2
        let n = x.count
        guard y.count == n else { throw .lengthMismatch(function: function, expected: n, actual: y.count) }
        try requireFinite(x, "x", function)
        try requireFinite(y, "y", function)
        let used = try weights.map { (w) throws(GSLError) -> Int in try requireFitWeights(w, count: n, function) } ?? n
        guard used > p else { throw .tooFewObservations(function: function, required: p + 1, actual: used) }

        ErrorHandler.ensureOff()
        var c0 = 0.0, c1 = 0.0, cov00 = 0.0, cov01 = 0.0, cov11 = 0.0, rss = 0.0
        let status: Int32 = x.withUnsafeBufferPointer { xs in
            y.withUnsafeBufferPointer { ys in
                switch (weights, throughOrigin) {
                case (nil, false):
                    return gsl_fit_linear(xs.baseAddress, 1, ys.baseAddress, 1, n, &c0, &c1, &cov00, &cov01, &cov11, &rss)
                case (nil, true):
                    return gsl_fit_mul(xs.baseAddress, 1, ys.baseAddress, 1, n, &c1, &cov11, &rss)
                case let (w?, false):
                    return w.withUnsafeBufferPointer { ws in
                        gsl_fit_wlinear(
                            xs.baseAddress, 1, ws.baseAddress, 1, ys.baseAddress, 1, n,
                            &c0, &c1, &cov00, &cov01, &cov11, &rss)
                    }
                case let (w?, true):
                    return w.withUnsafeBufferPointer { ws in
                        gsl_fit_wmul(xs.baseAddress, 1, ws.baseAddress, 1, ys.baseAddress, 1, n, &c1, &cov11, &rss)
                    }
                }
            }
        }
        try ErrorHandler.check(status, function)
        // With finite input, a non-finite result can only come from Σ(x − x̄)² = 0 (or Σx² = 0).
        guard [c0, c1, cov00, cov01, cov11, rss].allSatisfy(\.isFinite) else {
            throw .degenerate(
                function: function,
                reason: throughOrigin ? "x is zero everywhere (with positive weight)" : "x is constant, so the slope is 0/0"
            )
        }
        return LinearFit(
            intercept: c0, slope: c1, cov00: cov00, cov01: cov01, cov11: cov11,
            residualSumOfSquares: rss, throughOrigin: throughOrigin, degreesOfFreedom: used - p
        )
    }
}
