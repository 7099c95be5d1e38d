import Foundation
import GSL

/// `--method blend`, the recommended method (docs/FORECASTING.md): the equal-weight average, on
/// ln F, of a recency-weighted seasonal ratio and two exponential-smoothing forecasts of the monthly
/// flows, with intervals and p_meet from the errors the same forecast made in the series' own
/// earlier years.
///
/// For a cumulative series with C at month m (1 ≤ m ≤ 11):
/// 1. **Seasonal part.** r(y) = ln(C(y,12)/C(y,m)) over the unit's own history years (as the spec),
///    weighted w(y) = `decay`^age (age 0 for the year just before, 1 for the one before it…):
///    r̄ = Σw·r/Σw (`Statistics.weightedMean`). When the indicator's pool holds other units' years,
///    r̄ is shrunk toward the pooled mean r̄ₚ (every unit-year, unweighted) as if the peers were
///    `peerWeight` more years of weight 1: r̄ ← (Σw·r̄ + peerWeight·r̄ₚ)/(Σw + peerWeight).
///    S = C·exp(r̄).
/// 2. **Smoothing parts.** The monthly flows of the complete history years (the run ending the year
///    before) and of this year up to m — twelve a year when every January is reported, else eleven
///    with January–February together, as `ETSMethod` — fitted by each set of `smoothingModels`,
///    the best of the set by AICc kept; every model is fitted once with `effort` (by default
///    `.fixedInitialSeason`: the seasonal start stays R's heuristic one, which on M3 forecasts as
///    well as R's full fit at a twentieth of the cost); Eᵢ = C + its remaining flows' forecasts
///    (negative ones as 0). By default two sets: R's 15 models (on short monthly series AICc often
///    picks a model without seasonality) and the 4 seasonal models ANA, AAdA, MNM, MAdM.
/// 3. **Point forecast.** ln F = the mean of ln S and the ln Eᵢ of the parts that fitted (without any
///    — too little history, a gap — ln F = ln S).
/// 4. **Spread, from evidence.** For every own history year h the same forecast is made as it would
///    have been made in month m of year h from what was known then: the seasonal part from the own
///    years before h (weighted by age from h; h needs at least one), each smoothing part by running
///    its fitted model through the flows up to month m of year h and forecasting the rest of that
///    year (`ETS.fitted`: the parameters are today's, the state only knows the flows up to then; the
///    first fitted year, which sets the initial state, is skipped). Its error is
///    e(h) = ln C(h,12) − ln F(h). With k such errors, s² = Σe(h)²/k and ln(year-end) ~ ln F + s·t_k
///    (the errors of honest forecasts have mean 0, so none of the k degrees of freedom goes to a
///    mean). The intervals and p_meet come from that Student-t.
/// 5. **Fallbacks.** Fewer than 2 own years with months m and 12, or fewer than 2 errors: the spec's
///    computation (`blend→seasonal`, `blend→pooled`, `blend→linear`); rate and level indicators:
///    the spec (`blend→seasonal`…, `blend→naive`); m = 12: `final`.
public struct BlendMethod: ForecastMethod {
    public let name = "blend"
    /// The weight of a year of age a is decay^a.
    public var decay: Double
    /// How many years the peers' pooled mean counts for when the unit's ratio is shrunk toward it.
    public var peerWeight: Double
    /// One smoothing part per set of models (the best of each set by AICc); none: the seasonal part
    /// alone.
    public var smoothingModels: [[ETSModel]]
    /// Complete history years the smoothing parts need.
    public var minimumETSYears: Int
    /// How hard each smoothing model is fitted (docs/FORECASTING.md compares the two on M3).
    public var effort: ETS.Effort

    /// ETS(A,N,A), ETS(A,Ad,A), ETS(M,N,M), ETS(M,Ad,M): additive and multiplicative seasonality,
    /// with and without a damped trend.
    public static let seasonalModels: [ETSModel] = ["ANA", "AAdA", "MNM", "MAdM"].compactMap { ETSModel(code: $0) }

    /// The default parts: ETS selected among R's 15 models, and among the 4 seasonal ones.
    public static let defaultSmoothingModels: [[ETSModel]] = [ETSModel.all, seasonalModels]

    public init(decay: Double = 0.7, peerWeight: Double = 1, smoothingModels: [[ETSModel]] = BlendMethod.defaultSmoothingModels,
                minimumETSYears: Int = 2, effort: ETS.Effort = .fixedInitialSeason) {
        self.effort = effort
        self.decay = min(max(decay, 0.01), 1)
        self.peerWeight = max(peerWeight, 0)
        self.smoothingModels = smoothingModels.filter { !$0.isEmpty }
        self.minimumETSYears = max(minimumETSYears, 2)
    }

    public func forecast(_ context: SeriesContext) -> YearEndForecast {
        let fallback = { SpecComputation.forecast(context, labelPrefix: name) }
        guard context.measure == .cumulative, let m = context.latestMonth, m < 12 else { return fallback() }
        let c = context.current[m - 1]
        guard c > 0 else { return fallback() }

        // Own years with months m and 12: r(y), and their rows (0 = oldest).
        var rows: [Int] = [], ratios: [Double] = []
        for year in 0..<context.historyYearCount {
            let atM = context.historyValue(year: year, month: m), atDecember = context.historyValue(year: year, month: 12)
            guard atM > 0, atDecember > 0 else { continue }  // false for NaN too
            rows.append(year)
            ratios.append(log(atDecember / atM))
        }
        guard rows.count >= 2 else { return fallback() }
        let last = context.historyYearCount - 1
        let pool = context.peers.pooled(month: m)
        // The pool holds other units' years only when it is larger than the unit's own.
        let peerMean: Double? = pool.count > rows.count && peerWeight > 0 && pool.meanChange.isFinite ? pool.meanChange : nil

        /// The weighted, shrunk mean ratio of the own years before row `origin` (age 0: the row
        /// just before it).
        func seasonalRatio(before origin: Int) -> Double? {
            var values: [Double] = [], weights: [Double] = []
            for (row, ratio) in zip(rows, ratios) where row < origin {
                values.append(ratio)
                weights.append(pow(decay, Double(origin - row - 1)))
            }
            guard !values.isEmpty, let mean = try? Statistics.weightedMean(values, weights: weights) else { return nil }
            guard let peerMean else { return mean }
            let total = weights.reduce(0, +)
            return (total * mean + peerWeight * peerMean) / (total + peerWeight)
        }

        guard let ratio = seasonalRatio(before: last + 1) else { return fallback() }
        // The smoothing parts that fit and forecast this year.
        var parts: [SmoothingPart] = []
        var partLogs: [Double] = []
        if !smoothingModels.isEmpty, let flows = MonthlyFlows(context, month: m, minimumYears: minimumETSYears) {
            for part in SmoothingPart.best(flows, of: smoothingModels, effort: effort) {
                guard let e = part.yearEnd(history: nil, actual: c), e > 0 else { continue }
                parts.append(part)
                partLogs.append(log(e))
            }
        }
        let weight = 1 / Double(1 + parts.count)
        let center = weight * (log(c) + ratio + partLogs.reduce(0, +))

        // The errors of the same forecast made in month m of each own history year from what was
        // known then.
        var squares = 0.0, k = 0
        history: for (row, ratio) in zip(rows, ratios) {
            let atM = context.historyValue(year: row, month: m)
            guard let other = seasonalRatio(before: row) else { continue }
            var predicted = log(atM) + other
            for part in parts {
                guard let e = part.yearEnd(history: row, actual: atM), e > 0 else { continue history }
                predicted += log(e)
            }
            let error = log(atM) + ratio - weight * predicted  // ln C(h,12) − ln F(h)
            guard error.isFinite else { continue }
            squares += error * error
            k += 1
        }
        guard k >= 2, center.isFinite else { return fallback() }
        let scale = (squares / Double(k)).squareRoot()
        return Self.result(context, month: m, actual: c, center: center, scale: scale, dof: k, historyYears: rows.count, name: name)
    }

    /// The forecast of ln F ~ center + scale·t_dof.
    static func result(
        _ context: SeriesContext, month m: Int, actual: Double, center: Double, scale: Double, dof: Int, historyYears: Int, name: String
    ) -> YearEndForecast {
        let point = exp(center)
        let target = context.target
        let stale = m < context.asOfMonth
        guard scale > 0, scale.isFinite else {
            let pMeet = target.flatMap { t in t > 0 ? (SpecComputation.meets(point, target: t, direction: context.direction) ? 1.0 : 0.0) : nil }
            return YearEndForecast(
                month: m, actual: actual, target: target, forecast: point, lo80: point, hi80: point, lo95: point, hi95: point,
                pMeet: pMeet, method: name, historyYears: historyYears, stale: stale, distribution: .point(point)
            )
        }
        let q = CentralQuantiles.studentT(dof)
        var pMeet: Double?
        if let t = target, t > 0 {
            let z = (log(t) - center) / scale
            let p = context.direction == .higher
                ? try? StudentT.upperTail(z, degreesOfFreedom: Double(dof))
                : try? StudentT.cdf(z, degreesOfFreedom: Double(dof))
            pMeet = p.map { min(max($0, 0), 1) }
        }
        return YearEndForecast(
            month: m, actual: actual, target: target, forecast: point,
            lo80: exp(center - q.q90 * scale), hi80: exp(center + q.q90 * scale),
            lo95: exp(center - q.q975 * scale), hi95: exp(center + q.q975 * scale),
            pMeet: pMeet, method: name, historyYears: historyYears, stale: stale,
            distribution: .locationScale(center: center, scale: scale, degreesOfFreedom: Double(dof), logScale: true)
        )
    }
}

/// The monthly flows a smoothing part is fitted to: the complete history years (the run ending the
/// year before), then this year's up to m.
struct MonthlyFlows {
    let values: [Double]
    /// 12 (every January reported) or 11 (January and February together).
    let periodsPerYear: Int
    /// The history row of the first year of `values`.
    let firstRow: Int
    /// The complete history years in `values`.
    let years: Int
    let month: Int

    /// Nil when there are fewer than `minimumYears` complete years before this year, or a month of
    /// this year up to m is missing.
    init?(_ context: SeriesContext, month m: Int, minimumYears: Int) {
        func has(_ value: (Int) -> Double, from first: Int, through last: Int) -> Bool {
            first > last || (first...last).allSatisfy { !value($0).isNaN }
        }
        var first = context.historyYearCount
        while first > 0, has({ context.historyValue(year: first - 1, month: $0) }, from: 2, through: 12) { first -= 1 }
        let years = context.historyYearCount - first
        guard years >= minimumYears, m >= 2, has(context.currentValue, from: 2, through: m) else { return nil }
        let monthly = (first..<context.historyYearCount).allSatisfy { !context.historyValue(year: $0, month: 1).isNaN }
            && !context.currentValue(month: 1).isNaN
        let period = monthly ? 12 : 11
        var values: [Double] = []
        values.reserveCapacity(years * period + m)
        func append(_ value: (Int) -> Double, through last: Int) {
            if monthly {
                values.append(value(1))
                for month in 2...last { values.append(value(month) - value(month - 1)) }
            } else {
                values.append(value(2))
                if last >= 3 { for month in 3...last { values.append(value(month) - value(month - 1)) } }
            }
        }
        for year in first..<context.historyYearCount { append({ context.historyValue(year: year, month: $0) }, through: 12) }
        append(context.currentValue, through: m)
        guard values.allSatisfy(\.isFinite) else { return nil }
        self.values = values
        periodsPerYear = period
        firstRow = first
        self.years = years
        month = m
    }

    /// The periods of a year up to month m.
    var periodsToMonth: Int { periodsPerYear == 12 ? month : month - 1 }
}

/// One smoothing part of `BlendMethod`: the best of a set of ETS models fitted once to the flows,
/// and run through any prefix of them with the same parameters.
struct SmoothingPart {
    let flows: MonthlyFlows
    let fit: ETSFit

    /// The best model of each set by AICc, in order, leaving out the sets where none fits; a model
    /// in several sets is fitted once. Multiplicative error or seasonality needs positive flows (as
    /// R's `ets`); with a flow ≤ 0 only the additive models are tried.
    static func best(_ flows: MonthlyFlows, of sets: [[ETSModel]], effort: ETS.Effort) -> [SmoothingPart] {
        let positive = flows.values.allSatisfy { $0 > 0 }
        var fits: [ETSModel: ETSFit?] = [:]
        return sets.compactMap { models in
            var best: ETSFit?
            for model in models where positive || (model.error == .additive && model.season != .multiplicative) {
                if fits[model] == nil {
                    fits[model] = .some(ETS.fit(flows.values, period: flows.periodsPerYear, model: model, effort: effort))
                }
                guard let fit = fits[model] ?? nil, fit.aicc.isFinite else { continue }
                if best == nil || fit.aicc < best!.aicc { best = fit }
            }
            return best.map { SmoothingPart(flows: flows, fit: $0) }
        }
    }

    /// The year-end value the model forecasts from month m of history row `row` (nil: this year),
    /// given C at m; nil when the row is not one of the fitted years after the first, or the run is
    /// not finite.
    func yearEnd(history row: Int?, actual: Double) -> Double? {
        let horizon = flows.periodsPerYear - flows.periodsToMonth
        let forecasts: [Double]
        if let row {
            let index = row - flows.firstRow
            guard index >= 1, index < flows.years else { return nil }
            let prefix = Array(flows.values[0..<(index * flows.periodsPerYear + flows.periodsToMonth)])
            guard let run = ETS.fitted(prefix, period: flows.periodsPerYear, model: fit.model, parameters: fit.parameters,
                                       initialState: fit.initialState) else { return nil }
            forecasts = run.forecast(horizon: horizon)
        } else {
            forecasts = fit.forecast(horizon: horizon)
        }
        let total = actual + forecasts.reduce(0) { $0 + max($1, 0) }
        return total.isFinite ? total : nil
    }
}
