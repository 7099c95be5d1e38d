import Foundation

/// An exponential-smoothing state-space model ETS(error, trend, season) of Hyndman, Koehler, Ord &
/// Snyder, *Forecasting with Exponential Smoothing* (Springer 2008), as R's `forecast::ets` restricts
/// them: no multiplicative trend, and no multiplicative seasonality with additive errors.
public struct ETSModel: Hashable, Sendable, CustomStringConvertible {
    public enum ErrorType: Sendable, Hashable { case additive, multiplicative }
    public enum Seasonality: Sendable, Hashable { case none, additive, multiplicative }

    public var error: ErrorType
    /// An additive trend (`A`, or `Ad` when `damped`); false: none (`N`).
    public var trend: Bool
    public var damped: Bool
    public var season: Seasonality

    public init(error: ErrorType, trend: Bool, damped: Bool = false, season: Seasonality) {
        self.error = error
        self.trend = trend
        self.damped = trend && damped
        self.season = season
    }

    /// Parses a code such as `ANN`, `AAdA`, `MAM`, `MAdM`; nil for anything else (including the
    /// combinations R's `ets` excludes).
    public init?(code: String) {
        var rest = Substring(code.uppercased())
        guard let e = rest.popFirst() else { return nil }
        let error: ErrorType
        switch e {
        case "A": error = .additive
        case "M": error = .multiplicative
        default: return nil
        }
        let trend: Bool, damped: Bool
        if rest.hasPrefix("AD") {
            trend = true; damped = true; rest = rest.dropFirst(2)
        } else if rest.hasPrefix("A") {
            trend = true; damped = false; rest = rest.dropFirst()
        } else if rest.hasPrefix("N") {
            trend = false; damped = false; rest = rest.dropFirst()
        } else {
            return nil
        }
        let season: Seasonality
        switch rest {
        case "N": season = .none
        case "A": season = .additive
        case "M": season = .multiplicative
        default: return nil
        }
        self.init(error: error, trend: trend, damped: damped, season: season)
        guard Self.all.contains(self) else { return nil }
    }

    /// The short code, `MAdM`.
    public var code: String {
        (error == .additive ? "A" : "M") + (trend ? (damped ? "Ad" : "A") : "N")
            + (season == .none ? "N" : season == .additive ? "A" : "M")
    }

    /// `ETS(M,Ad,M)`.
    public var description: String {
        "ETS(\(error == .additive ? "A" : "M"),\(trend ? (damped ? "Ad" : "A") : "N"),\(season == .none ? "N" : season == .additive ? "A" : "M"))"
    }

    /// The 15 models R's `ets(model = "ZZZ")` considers, in its order (error, trend, season, then
    /// damped before undamped) — the order decides exact ties of AICc.
    public static let all: [ETSModel] = {
        var models: [ETSModel] = []
        for error in [ErrorType.additive, .multiplicative] {
            for trend in [false, true] {
                for season in [Seasonality.none, .additive, .multiplicative] {
                    for damped in [true, false] where trend || !damped {
                        if error == .additive, season == .multiplicative { continue }
                        models.append(ETSModel(error: error, trend: trend, damped: damped, season: season))
                    }
                }
            }
        }
        return models
    }()

    /// The candidates for data with or without a seasonal period: multiplicative error and
    /// seasonality only for strictly positive data (as R's `ets`).
    public static func candidates(positiveData: Bool, seasonal: Bool) -> [ETSModel] {
        all.filter { model in
            (positiveData || (model.error == .additive && model.season != .multiplicative))
                && (seasonal || model.season == .none)
        }
    }

    /// The number of smoothing parameters (α, β, γ, φ) the model estimates.
    public var smoothingParameterCount: Int { 1 + (trend ? 1 : 0) + (season != .none ? 1 : 0) + (damped ? 1 : 0) }

    /// The number of free initial states for period `m`: l₀, b₀, and m − 1 seasonal states (the
    /// last is fixed by normalisation, as in R).
    public func initialStateCount(period m: Int) -> Int { 1 + (trend ? 1 : 0) + (season != .none ? m - 1 : 0) }
}

/// The smoothing parameters. Unused ones are β = γ = 0 and φ = 1.
public struct ETSParameters: Sendable, Equatable {
    public var alpha: Double
    public var beta: Double
    public var gamma: Double
    public var phi: Double

    public init(alpha: Double, beta: Double = 0, gamma: Double = 0, phi: Double = 1) {
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
    }
}

/// A state vector xₜ = (lₜ, bₜ, sₜ, sₜ₋₁, …, sₜ₋ₘ₊₁), in R's order: `seasonal[0]` is the most recent
/// seasonal state, `seasonal[m − 1]` the one the next observation uses.
public struct ETSState: Sendable, Equatable {
    public var level: Double
    public var trend: Double
    public var seasonal: [Double]

    public init(level: Double, trend: Double = 0, seasonal: [Double] = []) {
        self.level = level
        self.trend = trend
        self.seasonal = seasonal
    }
}

/// The recursions of the ETS models (Hyndman et al. 2008, tables 2.2–2.3, in the error-correction
/// form of R's `forecast` C code, which is the same for additive and multiplicative errors once
/// written in terms of yₜ).
///
/// Seasonal states are kept in a circular buffer `season[0..<m]` where the state used by
/// observation t (0-based) is `season[t mod m]`, so a step touches one slot instead of shifting m.
enum ETSRecursion {
    /// Relative errors divide by the one-step forecast; below this it is treated as 0 (R's TOL).
    static let tolerance = 1e-10
    /// What a division by a vanishing state gives (R's HUGEN).
    static let huge = 1e10

    /// Copies R-order seasonal states into the circular layout for observation index `start`.
    @inline(__always)
    static func loadSeasonal(_ rOrder: UnsafeBufferPointer<Double>, into circular: UnsafeMutableBufferPointer<Double>, start: Int = 0) {
        let m = circular.count
        for k in 0..<m {
            // R's s_k (lag k + 1) is the state of observation start − 1 − k.
            circular[((start - 1 - k) % m + m) % m] = rOrder[k]
        }
    }

    /// The R-order seasonal states after `observed` observations.
    static func rOrderSeasonal(_ circular: UnsafeBufferPointer<Double>, observed: Int) -> [Double] {
        let m = circular.count
        return (0..<m).map { k in circular[((observed - 1 - k) % m + m) % m] }
    }

    /// The one-step forecast for the observation whose seasonal slot holds `seasonalState`.
    @inline(__always)
    static func oneStep(_ model: ETSModel, level: Double, trend: Double, phi: Double, seasonalState: Double) -> Double {
        let base = model.trend ? level + phi * trend : level
        switch model.season {
        case .none: return base
        case .additive: return base + seasonalState
        case .multiplicative: return base * seasonalState
        }
    }

    /// One state update with observation y. `seasonalState` is the slot's old value; returns its
    /// new value.
    @inline(__always)
    static func update(
        _ model: ETSModel, _ p: ETSParameters, level: inout Double, trend: inout Double, seasonalState: Double, y: Double
    ) -> Double {
        let phiB = model.trend ? p.phi * trend : 0
        let q = level + phiB
        let deseasonalised: Double
        switch model.season {
        case .none: deseasonalised = y
        case .additive: deseasonalised = y - seasonalState
        case .multiplicative: deseasonalised = abs(seasonalState) < tolerance ? huge : y / seasonalState
        }
        let newLevel = q + p.alpha * (deseasonalised - q)
        if model.trend {
            let r = newLevel - level
            trend = phiB + (p.beta / p.alpha) * (r - phiB)
        }
        level = newLevel
        switch model.season {
        case .none:
            return seasonalState
        case .additive:
            return seasonalState + p.gamma * (y - q - seasonalState)
        case .multiplicative:
            let t = abs(q) < tolerance ? huge : y / q
            return seasonalState + p.gamma * (t - seasonalState)
        }
    }

    /// Runs the model through `y` from the given initial level and trend and the circular seasonal
    /// buffer (overwritten with the final seasonal states). Returns R's criterion
    /// lik = n·ln Σeₜ² (+ 2 Σ ln|ŷₜ| for multiplicative errors) — −2 × the log-likelihood up to a
    /// constant — and the sum of squared errors; writes the residuals eₜ (yₜ − ŷₜ, or (yₜ − ŷₜ)/ŷₜ) and
    /// one-step fitted values ŷₜ when asked.
    @inline(__always)
    static func run(
        _ model: ETSModel, _ p: ETSParameters, level: inout Double, trend: inout Double,
        season: UnsafeMutableBufferPointer<Double>, y: UnsafeBufferPointer<Double>,
        residuals: UnsafeMutableBufferPointer<Double>? = nil, fitted: UnsafeMutableBufferPointer<Double>? = nil
    ) -> (criterion: Double, sse: Double) {
        let m = max(season.count, 1)
        let seasonal = model.season != .none
        // Σ ln|ŷₜ| (multiplicative error only) as the logarithm of a running product, taken whenever
        // the product nears the ends of the double range: one log every few dozen steps, not one a step.
        let multiplicative = model.error == .multiplicative
        var sse = 0.0, logSum = 0.0, product = 1.0
        var slot = 0
        for t in 0..<y.count {
            let old = seasonal ? season[slot] : 0
            let f = oneStep(model, level: level, trend: trend, phi: p.phi, seasonalState: old)
            let e: Double
            if model.error == .additive {
                e = y[t] - f
            } else {
                e = (y[t] - f) / (abs(f) < tolerance ? f + tolerance : f)
            }
            residuals?[t] = e
            fitted?[t] = f
            let new = update(model, p, level: &level, trend: &trend, seasonalState: old, y: y[t])
            if seasonal {
                season[slot] = new
                slot += 1
                if slot == m { slot = 0 }
            }
            sse += e * e
            if multiplicative {
                product *= abs(f)
                if !(product < 1e150 && product > 1e-150) {
                    logSum += log(product)
                    product = 1
                }
            }
        }
        let n = Double(y.count)
        var criterion = n * log(sse)
        if multiplicative { criterion += 2 * (logSum + log(product)) }
        return (criterion, sse)
    }

    /// Point forecasts for `horizon` steps after `observed` observations, from the final state.
    static func forecast(
        _ model: ETSModel, _ p: ETSParameters, level: Double, trend: Double,
        season: UnsafeBufferPointer<Double>, observed: Int, into out: UnsafeMutableBufferPointer<Double>
    ) {
        let m = max(season.count, 1)
        var phiStar = p.phi
        for i in 0..<out.count {
            var f = model.trend ? level + phiStar * trend : level
            switch model.season {
            case .none: break
            case .additive: f += season[(observed + i) % m]
            case .multiplicative: f *= season[(observed + i) % m]
            }
            out[i] = f
            if model.damped { phiStar += pow(p.phi, Double(i + 2)) } else { phiStar += 1 }
        }
    }

    /// One simulated sample path: from the state after `observed` observations, yₜ = ŷₜ + εₜ
    /// (additive) or ŷₜ(1 + εₜ) (multiplicative) with the given errors, the state updated with each
    /// yₜ. `season` is scratch (overwritten).
    @inline(__always)
    static func simulate(
        _ model: ETSModel, _ p: ETSParameters, level: Double, trend: Double,
        season: UnsafeMutableBufferPointer<Double>, observed: Int, errors: UnsafeBufferPointer<Double>,
        into out: UnsafeMutableBufferPointer<Double>
    ) {
        let m = max(season.count, 1)
        let seasonal = model.season != .none
        var level = level, trend = trend
        var slot = observed % m
        for i in 0..<errors.count {
            let old = seasonal ? season[slot] : 0
            let f = oneStep(model, level: level, trend: trend, phi: p.phi, seasonalState: old)
            let y = model.error == .additive ? f + errors[i] : f * (1 + errors[i])
            out[i] = y
            let new = update(model, p, level: &level, trend: &trend, seasonalState: old, y: y)
            if seasonal {
                season[slot] = new
                slot += 1
                if slot == m { slot = 0 }
            }
        }
    }
}
