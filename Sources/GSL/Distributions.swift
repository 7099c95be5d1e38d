import CGSL

/// Checks that `p` is a probability strictly inside (0, 1), where every inverse CDF is finite.
@inline(__always)
private func requireOpenProbability(_ p: Double, _ function: String) throws(GSLError) {
    guard p > 0, p < 1 else {
        throw .domain(function: function, reason: "probability \(p) is not strictly between 0 and 1")
    }
}

/// Student's t distribution with ν degrees of freedom, p(x) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + x²/ν)^(−(ν+1)/2).
public enum StudentT {
    private static func requirePositive(_ nu: Double, _ function: String) throws(GSLError) {
        guard nu > 0, nu.isFinite else {
            throw .domain(function: function, reason: "degrees of freedom \(nu) must be positive and finite")
        }
    }

    /// P(X ≤ x).
    public static func cdf(_ x: Double, degreesOfFreedom nu: Double) throws(GSLError) -> Double {
        try requirePositive(nu, "StudentT.cdf")
        return gsl_cdf_tdist_P(x, nu)
    }

    /// P(X > x), accurate in the far tail.
    public static func upperTail(_ x: Double, degreesOfFreedom nu: Double) throws(GSLError) -> Double {
        try requirePositive(nu, "StudentT.upperTail")
        return gsl_cdf_tdist_Q(x, nu)
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) throws(GSLError) -> Double {
        try requirePositive(nu, "StudentT.quantile")
        try requireOpenProbability(p, "StudentT.quantile")
        return gsl_cdf_tdist_Pinv(p, nu)
    }
}

/// The normal distribution with mean 0 and standard deviation σ.
public enum Normal {
    private static func requirePositive(_ sigma: Double, _ function: String) throws(GSLError) {
        guard sigma > 0, sigma.isFinite else {
            throw .domain(function: function, reason: "standard deviation \(sigma) must be positive and finite")
        }
    }

    /// P(X ≤ x) = Φ(x/σ).
    public static func cdf(_ x: Double, sigma: Double = 1) throws(GSLError) -> Double {
        try requirePositive(sigma, "Normal.cdf")
        return gsl_cdf_gaussian_P(x, sigma)
    }

    /// P(X > x), accurate in the far tail.
    public static func upperTail(_ x: Double, sigma: Double = 1) throws(GSLError) -> Double {
        try requirePositive(sigma, "Normal.upperTail")
        return gsl_cdf_gaussian_Q(x, sigma)
    }

    /// The x with P(X ≤ x) = p, for 0 < p < 1.
    public static func quantile(_ p: Double, sigma: Double = 1) throws(GSLError) -> Double {
        try requirePositive(sigma, "Normal.quantile")
        try requireOpenProbability(p, "Normal.quantile")
        return gsl_cdf_gaussian_Pinv(p, sigma)
    }
}

/// The Poisson distribution with mean μ: P(k) = μᵏ e^(−μ) / k!.
public enum Poisson {
    private static func requireMean(_ mean: Double, _ function: String) throws(GSLError) {
        guard mean >= 0, mean.isFinite else {
            throw .domain(function: function, reason: "mean \(mean) must be non-negative and finite")
        }
    }

    /// P(K = k).
    public static func probability(_ k: Int, mean: Double) throws(GSLError) -> Double {
        try requireMean(mean, "Poisson.probability")
        guard k >= 0 else { return 0 }
        return gsl_ran_poisson_pdf(UInt32(clamping: k), mean)
    }

    /// P(K ≤ k).
    public static func cdf(_ k: Int, mean: Double) throws(GSLError) -> Double {
        try requireMean(mean, "Poisson.cdf")
        guard k >= 0 else { return 0 }
        return gsl_cdf_poisson_P(UInt32(clamping: k), mean)
    }

    /// P(K > k).
    public static func upperTail(_ k: Int, mean: Double) throws(GSLError) -> Double {
        try requireMean(mean, "Poisson.upperTail")
        guard k >= 0 else { return 1 }
        return gsl_cdf_poisson_Q(UInt32(clamping: k), mean)
    }

    /// The smallest k with P(K ≤ k) ≥ p, for 0 ≤ p < 1. GSL has no discrete inverse, so this walks
    /// the CDF upward from the normal approximation's lower end.
    public static func quantile(_ p: Double, mean: Double) throws(GSLError) -> Int {
        try requireMean(mean, "Poisson.quantile")
        guard p >= 0, p < 1 else {
            throw .domain(function: "Poisson.quantile", reason: "probability \(p) is not in [0, 1)")
        }
        var k = max(0, Int((mean - 10 * mean.squareRoot() - 1).rounded(.down)))
        while k > 0, gsl_cdf_poisson_P(UInt32(clamping: k - 1), mean) >= p { k -= 1 }
        while gsl_cdf_poisson_P(UInt32(clamping: k), mean) < p { k += 1 }
        return k
    }
}
