import Foundation
import GSL

/// A fitted ETS model: its parameters, states and information criteria, as R's `forecast::ets`
/// reports them.
public struct ETSFit: Sendable {
    public let model: ETSModel
    /// The seasonal period m (1 without seasonality).
    public let period: Int
    public let parameters: ETSParameters
    /// x₀, the estimated initial state (R's `initstate`, the normalised last seasonal included).
    public let initialState: ETSState
    /// x_n, the state after the last observation, where forecasts start.
    public let finalState: ETSState
    /// n.
    public let observationCount: Int
    /// R's criterion lik = n·ln Σeₜ² (+ 2 Σ ln|ŷₜ|): −2 × `logLikelihood`.
    public let criterion: Double
    /// The number of estimated parameters, σ included (R's `np`).
    public let parameterCount: Int
    /// Σeₜ² / (n − np + 1) (n minus the parameters other than σ): the variance of the innovations (R's `sigma2`; relative errors for
    /// multiplicative-error models).
    public let sigma2: Double

    /// The log-likelihood as R's `ets` reports it, −lik/2. The full Gaussian log-likelihood (as
    /// statsmodels' `ETSModel.llf`) is this minus n/2·(ln(2π/n) + 1).
    public var logLikelihood: Double { -0.5 * criterion }
    public var aic: Double { criterion + 2 * Double(parameterCount) }
    public var bic: Double { criterion + log(Double(observationCount)) * Double(parameterCount) }
    /// AIC + 2·np(np + 1)/(n − np − 1); +∞ when n ≤ np + 1.
    public var aicc: Double {
        let n = Double(observationCount), k = Double(parameterCount)
        return n - k - 1 > 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// Point forecasts for the next `horizon` periods.
    public func forecast(horizon: Int) -> [Double] {
        var out = [Double](repeating: 0, count: max(horizon, 0))
        withFinalSeason { season in
            out.withUnsafeMutableBufferPointer { buffer in
                ETSRecursion.forecast(
                    model, parameters, level: finalState.level, trend: finalState.trend,
                    season: UnsafeBufferPointer(season), observed: observationCount, into: buffer
                )
            }
        }
        return out
    }

    /// The path that follows the data with the given innovations εₜ (R's `simulate(fit, innov = …)`).
    public func simulate(errors: [Double]) -> [Double] {
        var out = [Double](repeating: 0, count: errors.count)
        withFinalSeason { season in
            errors.withUnsafeBufferPointer { errorBuffer in
                out.withUnsafeMutableBufferPointer { buffer in
                    ETSRecursion.simulate(
                        model, parameters, level: finalState.level, trend: finalState.trend, season: season,
                        observed: observationCount, errors: errorBuffer, into: buffer
                    )
                }
            }
        }
        return out
    }

    /// Calls `body` with the final seasonal states in the circular layout of `ETSRecursion`
    /// (a scratch copy that `body` may overwrite).
    func withFinalSeason<Result>(_ body: (UnsafeMutableBufferPointer<Double>) -> Result) -> Result {
        let m = model.season == .none ? 1 : period
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { season in
            season.initialize(repeating: model.season == .multiplicative ? 1 : 0)
            if model.season != .none {
                finalState.seasonal.withUnsafeBufferPointer {
                    ETSRecursion.loadSeasonal($0, into: season, start: observationCount)
                }
            }
            return body(season)
        }
    }
}

/// The one-step-ahead record of a model run through a series with given parameters and initial
/// state (R's `pegelsresid.C`).
public struct ETSFiltered: Sendable {
    public let criterion: Double
    public let residuals: [Double]
    public let fitted: [Double]
    /// x₀, x₁, …, x_n.
    public let states: [ETSState]
}

/// Exponential smoothing state-space models: recursion, maximum-likelihood fit and AICc selection,
/// following R's `forecast::ets` (Hyndman & Khandakar 2008) with GSL's Nelder–Mead simplex.
public enum ETS {
    /// R's "usual" bounds: 1e-4 ≤ α, β, γ ≤ 0.9999 with β ≤ α and γ ≤ 1 − α; 0.8 ≤ φ ≤ 0.98.
    static let lower = (alpha: 1e-4, beta: 1e-4, gamma: 1e-4, phi: 0.8)
    static let upper = (alpha: 0.9999, beta: 0.9999, gamma: 0.9999, phi: 0.98)

    /// Runs `model` through `y` with fixed parameters from `initialState` (whose `seasonal` holds all
    /// m states in R's order). Nil when the sizes do not fit the model.
    public static func filter(
        _ y: [Double], period: Int, model: ETSModel, parameters: ETSParameters, initialState: ETSState
    ) -> ETSFiltered? {
        let m = model.season == .none ? 1 : period
        guard model.season == .none || initialState.seasonal.count == m else { return nil }
        var level = initialState.level, trend = model.trend ? initialState.trend : 0
        var residuals = [Double](repeating: 0, count: y.count), fitted = residuals
        var states = [initialState]
        states.reserveCapacity(y.count + 1)
        let criterion: Double = withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { season in
            season.initialize(repeating: 0)
            if model.season != .none {
                initialState.seasonal.withUnsafeBufferPointer { ETSRecursion.loadSeasonal($0, into: season) }
            }
            var sse = 0.0, logSum = 0.0
            let seasonal = model.season != .none
            for t in 0..<y.count {
                let slot = t % m
                let old = seasonal ? season[slot] : 0
                let f = ETSRecursion.oneStep(model, level: level, trend: trend, phi: parameters.phi, seasonalState: old)
                let e = model.error == .additive
                    ? y[t] - f
                    : (y[t] - f) / (abs(f) < ETSRecursion.tolerance ? f + ETSRecursion.tolerance : f)
                let new = ETSRecursion.update(model, parameters, level: &level, trend: &trend, seasonalState: old, y: y[t])
                if seasonal { season[slot] = new }
                residuals[t] = e
                fitted[t] = f
                sse += e * e
                logSum += log(abs(f))
                states.append(ETSState(
                    level: level, trend: trend,
                    seasonal: seasonal ? ETSRecursion.rOrderSeasonal(UnsafeBufferPointer(season), observed: t + 1) : []
                ))
            }
            var criterion = Double(y.count) * log(sse)
            if model.error == .multiplicative { criterion += 2 * logSum }
            return criterion
        }
        return ETSFiltered(criterion: criterion, residuals: residuals, fitted: fitted, states: states)
    }

    /// Whether the smoothing parameters are inside R's usual bounds and its admissible region
    /// (R's `check.param` with `bounds = "both"`).
    static func acceptable(_ p: ETSParameters, model: ETSModel, period m: Int) -> Bool {
        guard p.alpha >= lower.alpha, p.alpha <= upper.alpha else { return false }
        if model.trend {
            guard p.beta >= lower.beta, p.beta <= p.alpha, p.beta <= upper.beta else { return false }
        }
        if model.damped {
            guard p.phi >= lower.phi, p.phi <= upper.phi else { return false }
        }
        if model.season != .none {
            guard p.gamma >= lower.gamma, p.gamma <= 1 - p.alpha, p.gamma <= upper.gamma else { return false }
        }
        return admissible(p, model: model, period: m)
    }

    /// R's `admissible()`: the model is forecastable (Hyndman et al. 2008, ch. 10) — the roots of
    /// its characteristic polynomial lie within 1 + 1e-10 of the unit circle.
    static func admissible(_ p: ETSParameters, model: ETSModel, period m: Int) -> Bool {
        let phi = model.damped ? p.phi : 1
        guard phi >= 0, phi <= 1 + 1e-8 else { return false }
        let alpha = p.alpha
        if model.season == .none {
            guard alpha >= 1 - 1 / phi, alpha <= 1 + 1 / phi else { return false }
            if model.trend {
                guard p.beta >= alpha * (phi - 1), p.beta <= (1 + phi) * (2 - alpha) else { return false }
            }
            return true
        }
        guard m > 1 else { return true }
        let beta = model.trend ? p.beta : 0
        let gamma = p.gamma
        let md = Double(m)
        guard gamma >= max(1 - 1 / phi - alpha, 0), gamma <= 1 + 1 / phi - alpha else { return false }
        guard alpha >= 1 - 1 / phi - gamma * (1 - md + phi + phi * md) / (2 * phi * md) else { return false }
        guard beta >= -(1 - phi) * (gamma / md + alpha) else { return false }
        // P(z) = φ(1−α−γ) + (α+β−αφ+γ−1)z + Σ_{k=2}^{m−1}(α+β−αφ)z^k + (α+β−φ)z^m + z^{m+1}; every root
        // must have modulus ≤ 1 + 1e-10. Without damping and trend, z = 1 is always a root, so the
        // fast Schur–Cohn test (exact in exact arithmetic, fragile on the circle) settles only the
        // clear cases and the roots themselves settle the rest, as R's `polyroot`.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (m + 2)) { buffer in
            let c = UnsafeMutableBufferPointer(rebasing: buffer[0..<(m + 2)])
            let scratch = UnsafeMutableBufferPointer(rebasing: buffer[(m + 2)...])
            c[0] = phi * (1 - alpha - gamma)
            c[1] = alpha + beta - alpha * phi + gamma - 1
            for k in 2..<m { c[k] = alpha + beta - alpha * phi }
            c[m] = alpha + beta - phi
            c[m + 1] = 1
            if !model.trend, !model.damped {
                // P(1) = 0 exactly: test P(z)/(z − 1) (synthetic division) for the other m roots.
                var carry = 0.0
                for k in stride(from: m + 1, through: 1, by: -1) {
                    carry = c[k] + carry
                    scratch[k - 1] = carry
                }
                if Polynomial.rootsClearlyWithin(radius: 1, coefficients: UnsafeMutableBufferPointer(rebasing: scratch[0...m])) {
                    return true
                }
            } else {
                for k in 0..<(m + 2) { scratch[k] = c[k] }
                if Polynomial.rootsClearlyWithin(radius: 1, coefficients: scratch) { return true }
            }
            guard let modulus = try? PolynomialRoots.maximumModulus(UnsafeBufferPointer(c)) else { return false }
            return modulus <= 1 + 1e-10
        }
    }

    /// R's `initstate`: l₀, b₀ from a regression on the first max(10, 2m) seasonally adjusted values,
    /// the seasonal states from a classical decomposition (n ≥ 3m) or a linear trend with one
    /// Fourier pair (n < 3m). Returns (l₀, b₀, s₀…s_{m−2}) in R's order, or nil.
    static func initialState(_ y: [Double], period m: Int, model: ETSModel) -> [Double]? {
        let n = y.count
        guard n >= 4 else { return nil }
        var adjusted = y
        var seasonalInit: [Double] = []
        if model.season != .none {
            let multiplicative = model.season == .multiplicative
            let seasonal: [Double]
            if n < 3 * m {
                // tslm(y ~ trend + fourier(y, 1)); the seasonal part is y minus the fitted line.
                var design: [Double] = []
                var columns = 1
                let dropSine = m == 2  // sin(πt) ≡ 0: R drops the column
                columns += dropSine ? 1 : 2
                for t in 1...n {
                    let angle = 2 * Double.pi * Double(t) / Double(m)
                    design.append(Double(t))
                    if !dropSine { design.append(sin(angle)) }
                    design.append(cos(angle))
                }
                guard let fit = try? MultipleRegression.fit(design: design, rows: n, columns: columns, y: y, intercept: true)
                else { return nil }
                let c0 = fit.coefficients[0], c1 = fit.coefficients[1]
                seasonal = (1...n).map { t in
                    let line = c0 + c1 * Double(t)
                    return multiplicative ? y[t - 1] / line : y[t - 1] - line
                }
            } else {
                guard let figure = decompose(y, period: m, multiplicative: multiplicative) else { return nil }
                seasonal = (0..<n).map { figure[$0 % m] }
            }
            // init.seas = rev(seasonal[2:m]).
            seasonalInit = (1..<m).reversed().map { seasonal[$0] }
            if multiplicative {
                seasonalInit = seasonalInit.map { max($0, 1e-2) }
                let total = seasonalInit.reduce(0, +)
                if total > Double(m) {
                    let denominator = seasonalInit.reduce(0) { $0 + $1 + 1e-2 }
                    seasonalInit = seasonalInit.map { $0 / denominator }
                }
                for t in 0..<n { adjusted[t] = y[t] / max(seasonal[t], 1e-2) }
            } else {
                for t in 0..<n { adjusted[t] = y[t] - seasonal[t] }
            }
        }
        let seasonalPeriod = model.season == .none ? 1 : m
        let maxn = min(max(10, 2 * seasonalPeriod), n)
        let head = Array(adjusted[0..<maxn])
        var state: [Double]
        if model.trend {
            guard let fit = try? LinearFit.linear(x: (1...maxn).map(Double.init), y: head) else { return nil }
            var l0 = fit.intercept, b0 = fit.slope
            if abs(l0 + b0) < 1e-8 {
                l0 *= 1 + 1e-3
                b0 *= 1 + 1e-3
            }
            state = [l0, b0]
        } else {
            state = [head.reduce(0, +) / Double(maxn)]
        }
        state += seasonalInit
        return state.allSatisfy(\.isFinite) ? state : nil
    }

    /// R's `decompose`: the seasonal figure (mean detrended value of each position of the cycle,
    /// counted from the first observation, centred to sum 0 or average 1) around a centred moving
    /// average of order m (2×m for even m).
    static func decompose(_ y: [Double], period m: Int, multiplicative: Bool) -> [Double]? {
        let n = y.count
        guard m >= 2, n >= 2 * m else { return nil }
        var weights = [Double](repeating: 1 / Double(m), count: m)
        if m % 2 == 0 {
            weights = [0.5 / Double(m)] + [Double](repeating: 1 / Double(m), count: m - 1) + [0.5 / Double(m)]
        }
        let half = weights.count / 2
        var sums = [Double](repeating: 0, count: m), counts = [Int](repeating: 0, count: m)
        for t in half..<(n - half) {
            var trend = 0.0
            for (k, w) in weights.enumerated() { trend += w * y[t - half + k] }
            let detrended = multiplicative ? y[t] / trend : y[t] - trend
            guard detrended.isFinite else { continue }
            sums[t % m] += detrended
            counts[t % m] += 1
        }
        guard !counts.contains(0) else { return nil }
        var figure = (0..<m).map { sums[$0] / Double(counts[$0]) }
        let mean = figure.reduce(0, +) / Double(m)
        figure = figure.map { multiplicative ? $0 / mean : $0 - mean }
        return figure.allSatisfy(\.isFinite) ? figure : nil
    }

    /// How much work a fit puts into the likelihood.
    public enum Effort: Sendable {
        /// R's fit: the smoothing parameters and every initial state (up to 17 variables for a damped
        /// seasonal model) by the simplex, restarted from its optimum until it stops improving.
        case thorough
        /// The initial seasonal states stay at R's heuristic start (`initialState`); the simplex
        /// moves the 1–4 smoothing parameters and the initial level (and trend): at most 6 variables
        /// instead of up to 17, some twenty times fewer likelihood evaluations. For a method that
        /// averages forecasts (`BlendMethod`) and needs a good fit rather than R's optimum. The
        /// information criteria count the seasonal states as `thorough` does: they still come from
        /// the data.
        case fixedInitialSeason
    }

    /// Fits `model` to `y` by maximum likelihood (minimising R's criterion) with the Nelder–Mead
    /// simplex from R's starting values, restarted from its optimum until it stops improving. Nil
    /// when the model cannot be fitted (too few observations, no finite likelihood).
    public static func fit(_ y: [Double], period: Int, model: ETSModel, effort: Effort = .thorough) -> ETSFit? {
        let m = model.season == .none ? 1 : period
        let n = y.count
        guard model.season == .none || period >= 2 else { return nil }
        guard y.allSatisfy(\.isFinite) else { return nil }
        if model.error == .multiplicative || model.season == .multiplicative {
            guard y.allSatisfy({ $0 > 0 }) else { return nil }
        }
        guard let start = initialState(y, period: m, model: model) else { return nil }
        let smoothing = model.smoothingParameterCount
        let dimension = smoothing + start.count
        // R: np ≥ n − 1 leaves too little data.
        guard dimension < n - 1 else { return nil }

        // The states are optimised divided by a scale so that every coordinate is of order 1.
        let scale = max(y.reduce(0) { $0 + abs($1) } / Double(n), 1e-12)
        let additiveStates = 1 + (model.trend ? 1 : 0) + (model.season == .additive ? m - 1 : 0)
        var x0 = [Double](), steps = [Double]()
        // R's initparam.
        var alpha = lower.alpha + 0.2 * (upper.alpha - lower.alpha) / Double(m)
        if alpha > 1 || alpha < 0 { alpha = lower.alpha + 2e-3 }
        x0.append(alpha); steps.append(0.1)
        if model.trend {
            var beta = lower.beta + 0.1 * (min(upper.beta, alpha) - lower.beta)
            if beta < 0 || beta > alpha { beta = alpha - 1e-3 }
            x0.append(beta); steps.append(max(0.5 * (alpha - beta), 1e-4))
        }
        if model.season != .none {
            var gamma = lower.gamma + 0.05 * (min(upper.gamma, 1 - alpha) - lower.gamma)
            if gamma < 0 || gamma > 1 - alpha { gamma = 1 - alpha - 1e-3 }
            x0.append(gamma); steps.append(0.05)
        }
        if model.damped {
            var phi = lower.phi + 0.99 * (upper.phi - lower.phi)
            if phi < 0 || phi > 1 { phi = upper.phi - 1e-3 }
            x0.append(phi); steps.append(-0.05)
        }
        for (index, value) in start.enumerated() {
            let scaled = index < additiveStates ? value / scale : value
            x0.append(scaled)
            steps.append(0.1 * max(abs(scaled), index < additiveStates ? 0.1 : 0.05))
        }

        // The variables the simplex moves: all of x, or only its smoothing parameters.
        let moved = effort == .thorough ? dimension : min(dimension, smoothing + (model.trend ? 2 : 1))
        guard let minimizer = try? NelderMeadMinimizer(dimension: moved) else { return nil }
        var full = x0
        let evaluate: (UnsafeBufferPointer<Double>) -> Double = { x in
            guard moved < dimension else {
                return objective(x, y: y, model: model, period: m, smoothing: smoothing, scale: scale, additiveStates: additiveStates)
            }
            for k in 0..<moved { full[k] = x[k] }
            return full.withUnsafeBufferPointer {
                objective($0, y: y, model: model, period: m, smoothing: smoothing, scale: scale, additiveStates: additiveStates)
            }
        }
        var best = Array(x0[0..<moved])
        var bestValue = best.withUnsafeBufferPointer(evaluate)
        guard bestValue.isFinite else { return nil }
        steps = Array(steps[0..<moved])
        // R runs its simplex once (2000 evaluations, relative tolerance √ε on the values); a simplex
        // in 10–16 dimensions often stalls early, so restart it around the optimum while that helps.
        for _ in 0..<(effort == .thorough ? 4 : 2) {
            guard let result = try? minimizer.minimize(
                from: best, steps: steps, sizeTolerance: 1e-9, maxIterations: 2000 + 200 * moved,
                valueTolerance: 1.5e-8, stallWindow: 10 * moved, objective: evaluate
            ) else { break }
            let improvement = bestValue - result.value
            if result.value < bestValue {
                best = result.point
                bestValue = result.value
            }
            // Restart with a fresh simplex of smaller steps around the optimum.
            for k in steps.indices { steps[k] *= 0.5 }
            if improvement <= 1e-8 * max(1, abs(bestValue)) { break }
        }
        guard bestValue.isFinite, bestValue < 1e299 else { return nil }
        best += x0[moved...]

        // Unpack the optimum.
        let p = parameters(best, model: model)
        let stateValues = (0..<start.count).map { k in k < additiveStates ? best[smoothing + k] * scale : best[smoothing + k] }
        let states = completeState(stateValues, model: model, period: m)
        return fitted(y, period: m, model: model, parameters: p, initialState: states)
    }

    /// The model with the given parameters and initial state (all m seasonal states, R's order) run
    /// through `y`, as a fit (R's `ets(y, model = fit)` without re-estimation): its criterion, σ̂²
    /// and final state. Nil when the sizes do not match or the likelihood is not finite.
    public static func fitted(
        _ y: [Double], period: Int, model: ETSModel, parameters: ETSParameters, initialState: ETSState
    ) -> ETSFit? {
        let m = model.season == .none ? 1 : period
        let n = y.count
        guard n > 0, let filtered = filter(y, period: m, model: model, parameters: parameters, initialState: initialState),
              filtered.criterion.isFinite
        else { return nil }
        let free = model.smoothingParameterCount + model.initialStateCount(period: m)
        let sse = filtered.residuals.reduce(0) { $0 + $1 * $1 }
        return ETSFit(
            model: model, period: m, parameters: parameters, initialState: initialState, finalState: filtered.states[n],
            observationCount: n, criterion: filtered.criterion, parameterCount: free + 1,
            sigma2: n > free ? sse / Double(n - free) : .nan
        )
    }

    /// Fits every candidate model and returns the one with the smallest AICc (R's `ets(y)` with
    /// `ic = "aicc"`), or nil when none could be fitted. Without `models`: the admissible models for
    /// the data (multiplicative ones only for positive data; seasonal ones only for period ≥ 2).
    public static func select(_ y: [Double], period: Int, models: [ETSModel]? = nil, effort: Effort = .thorough) -> ETSFit? {
        let candidates = models ?? ETSModel.candidates(positiveData: y.allSatisfy { $0 > 0 }, seasonal: period >= 2)
        var best: ETSFit?
        for model in candidates {
            guard let fit = fit(y, period: period, model: model, effort: effort), fit.aicc.isFinite else { continue }
            if best == nil || fit.aicc < best!.aicc { best = fit }
        }
        return best
    }

    // MARK: Internals

    static func parameters(_ x: UnsafeBufferPointer<Double>, model: ETSModel) -> ETSParameters {
        var k = 0
        var p = ETSParameters(alpha: x[k]); k += 1
        if model.trend { p.beta = x[k]; k += 1 }
        if model.season != .none { p.gamma = x[k]; k += 1 }
        if model.damped { p.phi = x[k] }
        return p
    }

    static func parameters(_ x: [Double], model: ETSModel) -> ETSParameters {
        x.withUnsafeBufferPointer { parameters($0, model: model) }
    }

    /// The full initial state from the free states (l₀, b₀, s₀…s_{m−2}): the last seasonal state
    /// makes them sum to 0 (additive) or m (multiplicative).
    static func completeState(_ free: [Double], model: ETSModel, period m: Int) -> ETSState {
        let level = free[0]
        let trend = model.trend ? free[1] : 0
        guard model.season != .none else { return ETSState(level: level, trend: trend) }
        var seasonal = Array(free[(model.trend ? 2 : 1)...])
        let sum = seasonal.reduce(0, +)
        seasonal.append(model.season == .multiplicative ? Double(m) - sum : -sum)
        return ETSState(level: level, trend: trend, seasonal: seasonal)
    }

    /// R's `lik` for the optimiser: +∞ outside the bounds, for negative multiplicative seasonal
    /// states and for a non-finite criterion; −1e10 at most (a perfect fit).
    static func objective(
        _ x: UnsafeBufferPointer<Double>, y: [Double], model: ETSModel, period m: Int, smoothing: Int,
        scale: Double, additiveStates: Int
    ) -> Double {
        let p = parameters(x, model: model)
        guard acceptable(p, model: model, period: m) else { return .infinity }
        let base = smoothing
        var level = x[base] * scale
        var trend = model.trend ? x[base + 1] * scale : 0
        let seasonOffset = base + (model.trend ? 2 : 1)
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: m) { season -> Double in
            if model.season == .none {
                season[0] = 0
            } else {
                // Free states s₀…s_{m−2} (R order) plus the normalising s_{m−1}, into the circular
                // layout: R's s_k is used by observation index −1 − k (mod m), i.e. slot m − 1 − k.
                let factor = model.season == .additive ? scale : 1
                var sum = 0.0
                for k in 0..<(m - 1) {
                    let value = x[seasonOffset + k] * factor
                    sum += value
                    season[m - 1 - k] = value
                }
                season[0] = model.season == .multiplicative ? Double(m) - sum : -sum
                if model.season == .multiplicative {
                    for k in 0..<m where season[k] < 0 { return .infinity }
                }
            }
            let result = y.withUnsafeBufferPointer { yb in
                ETSRecursion.run(model, p, level: &level, trend: &trend, season: season, y: yb)
            }
            // A perfect fit (Σe² = 0) gives −∞: R caps it at −1e10; NaN and +∞ are penalties.
            guard !result.criterion.isNaN, result.criterion != .infinity else { return .infinity }
            return max(result.criterion, -1e10)
        }
    }
}

/// Polynomial root location without computing the roots.
enum Polynomial {
    /// Whether every root of c₀ + c₁z + … + c_d z^d (c_d ≠ 0) has modulus < `radius` by a clear
    /// margin, by the Schur–Cohn test (Henrici, *Applied and Computational Complex Analysis* I, §6.8)
    /// on the polynomial in w = z/radius: all roots lie inside the unit circle iff |a₀| < |a_d| and the
    /// same holds for (a_d·p(w) − a₀·w^d·p(1/w))/w, of degree d − 1. Answers false when a ratio
    /// |a₀/a_d| comes within 1e-6 of 1 (a root near the circle, where rounding decides): callers
    /// then compute the roots. Uses `coefficients` as scratch.
    static func rootsClearlyWithin(radius: Double, coefficients c: UnsafeMutableBufferPointer<Double>) -> Bool {
        var degree = c.count - 1
        guard degree >= 0 else { return true }
        var power = 1.0
        for k in 0...degree {
            c[k] *= power
            power *= radius
        }
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: c.count) { next in
            while degree > 0 {
                let a0 = c[0], ad = c[degree]
                guard ad.isFinite, ad != 0, abs(a0) < (1 - 1e-6) * abs(ad) else { return false }
                for k in 0..<degree { next[k] = ad * c[k + 1] - a0 * c[degree - 1 - k] }
                // Rescale to keep the coefficients of order 1 (the test is scale-free).
                let scale = 1 / abs(next[degree - 1])
                for k in 0..<degree { c[k] = next[k] * scale }
                degree -= 1
            }
            return true
        }
    }
}
