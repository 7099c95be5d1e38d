import GSL

/// `--method ets`: exponential smoothing on the monthly values of a cumulative indicator.
///
/// - The series: each year's cumulative values are de-cumulated into 11 periods — January and
///   February together (C(y,2), because statistical offices report them together and January is
///   often missing), then March … December (C(y,k) − C(y,k−1)) — so the seasonal period is 11 and
///   every year has the same shape whether or not its January was reported. History years enter when
///   they have every month from February to December, as the longest run of such years ending the
///   year before the one forecast (at least `minimumHistoryYears`), followed by the current year's
///   periods up to m.
/// - The model: every admissible ETS model (R's 15: additive or multiplicative error, no, additive or
///   damped trend, no, additive or multiplicative season; multiplicative ones only when every period
///   is positive) fitted by maximum likelihood, chosen by AICc (`ETS.select`).
/// - The forecast: the 12 − m remaining periods' point forecasts (negative ones counted as 0, a
///   cumulative total never falls) added to C. The intervals and p_meet come from `simulationPaths`
///   sample paths of the fitted model with Gaussian innovations of variance σ̂², drawn from a
///   `RandomStream` seeded with `context.seed`, so a series always gives the same answer.
///   `distribution` keeps `storedSamples` evenly spaced order statistics of the simulated year-end
///   totals.
/// - Known limits: the simulated intervals take the fitted parameters as known (as R's
///   `simulate`), so they ignore estimation error and tend to be narrower than the spec's; a model
///   that fits the data exactly (Σe² = 0, only in artificial data) has no finite likelihood and is
///   skipped; a fit costs about 5 ms per model in a release build (≈ 75 ms per series for the 15
///   models), so `ets` suits one unit's indicators rather than every series of a national dataset.
/// - Falls back on the spec (method `ets→seasonal`, `ets→pooled`, `ets→linear`, `ets→naive`) for
///   rate and level indicators (year-to-date growth and point values have no monthly flows to
///   smooth), when m = 1 (a January value alone does not fill the combined first period), when the
///   history is too short or a month of the current year is missing, and whenever no model fits or
///   the result is not finite. m = 12 is `final`, as in the spec.
public struct ETSMethod: ForecastMethod {
    public let name = "ets"
    /// Sample paths for the intervals and p_meet.
    public var simulationPaths: Int = 2000
    /// Order statistics kept in `PredictiveDistribution.empirical`.
    public var storedSamples: Int = 201
    /// Complete history years required (each has 11 periods).
    public var minimumHistoryYears: Int = 2
    /// The candidate models; nil for all admissible ones.
    public var models: [ETSModel]?

    /// The seasonal period of the de-cumulated series.
    public static let periodsPerYear = 11

    public init(simulationPaths: Int = 2000, storedSamples: Int = 201, minimumHistoryYears: Int = 2, models: [ETSModel]? = nil) {
        self.simulationPaths = max(simulationPaths, 10)
        self.storedSamples = max(storedSamples, 2)
        self.minimumHistoryYears = max(minimumHistoryYears, 1)
        self.models = models
    }

    public func forecast(_ context: SeriesContext) -> YearEndForecast {
        let fallback = { SpecComputation.forecast(context, labelPrefix: name) }
        guard context.measure == .cumulative, let m = context.latestMonth, m >= 2, m < 12 else { return fallback() }
        guard let series = Self.periods(context, month: m, minimumYears: minimumHistoryYears) else { return fallback() }
        guard let fit = ETS.select(series.values, period: Self.periodsPerYear, models: models) else { return fallback() }
        guard let result = yearEnd(fit, context: context, month: m, historyYears: series.years) else { return fallback() }
        return result
    }

    /// The de-cumulated periods: complete history years (the run ending the year before), then the
    /// current year's periods up to m; nil when there are too few years or the current year has a
    /// gap.
    static func periods(_ context: SeriesContext, month m: Int, minimumYears: Int) -> (values: [Double], years: Int)? {
        func complete(_ value: (Int) -> Double, through last: Int) -> Bool {
            (2...last).allSatisfy { !value($0).isNaN }
        }
        var firstYear = context.historyYearCount
        while firstYear > 0, complete({ context.historyValue(year: firstYear - 1, month: $0) }, through: 12) {
            firstYear -= 1
        }
        let years = context.historyYearCount - firstYear
        guard years >= minimumYears, complete(context.currentValue, through: m) else { return nil }
        var values: [Double] = []
        values.reserveCapacity(years * periodsPerYear + m - 1)
        func append(_ value: (Int) -> Double, through last: Int) {
            values.append(value(2))
            if last >= 3 { for month in 3...last { values.append(value(month) - value(month - 1)) } }
        }
        for year in firstYear..<context.historyYearCount {
            append({ context.historyValue(year: year, month: $0) }, through: 12)
        }
        append(context.currentValue, through: m)
        guard values.allSatisfy(\.isFinite) else { return nil }
        return (values, years)
    }

    /// The year-end forecast from a fitted model, or nil when anything is not finite.
    func yearEnd(_ fit: ETSFit, context: SeriesContext, month m: Int, historyYears: Int) -> YearEndForecast? {
        let actual = context.current[m - 1]
        let horizon = 12 - m
        let point = actual + fit.forecast(horizon: horizon).reduce(0) { $0 + max($1, 0) }
        let sigma = fit.sigma2.squareRoot()
        guard point.isFinite, sigma.isFinite else { return nil }

        let paths = simulationPaths
        let stream = RandomStream(seed: context.seed)
        var totals = [Double](repeating: 0, count: paths)
        let ok: Bool = fit.withFinalSeason { season in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * horizon + season.count) { scratch in
                let errors = UnsafeMutableBufferPointer(rebasing: scratch[0..<horizon])
                let path = UnsafeMutableBufferPointer(rebasing: scratch[horizon..<(2 * horizon)])
                let work = UnsafeMutableBufferPointer(rebasing: scratch[(2 * horizon)..<(2 * horizon + season.count)])
                for index in 0..<paths {
                    for k in 0..<horizon { errors[k] = stream.gaussian(sigma: sigma) }
                    for k in 0..<season.count { work[k] = season[k] }
                    ETSRecursion.simulate(
                        fit.model, fit.parameters, level: fit.finalState.level, trend: fit.finalState.trend,
                        season: work, observed: fit.observationCount, errors: UnsafeBufferPointer(errors), into: path
                    )
                    var total = actual
                    for k in 0..<horizon { total += max(path[k], 0) }
                    guard total.isFinite else { return false }
                    totals[index] = total
                }
                return true
            }
        }
        guard ok else { return nil }
        let sorted = Statistics.sorted(totals)
        guard let lo80 = try? Statistics.quantile(sorted: sorted, probability: 0.1),
              let hi80 = try? Statistics.quantile(sorted: sorted, probability: 0.9),
              let lo95 = try? Statistics.quantile(sorted: sorted, probability: 0.025),
              let hi95 = try? Statistics.quantile(sorted: sorted, probability: 0.975)
        else { return nil }
        var pMeet: Double?
        if let target = context.target, target > 0 {
            let met = sorted.reduce(0) { $0 + (SpecComputation.meets($1, target: target, direction: context.direction) ? 1 : 0) }
            pMeet = Double(met) / Double(paths)
        }
        let kept = storedSamples
        let samples: [Double] = (0..<kept).map { k in
            (try? Statistics.quantile(sorted: sorted, probability: Double(k) / Double(kept - 1))) ?? .nan
        }
        guard samples.allSatisfy(\.isFinite) else { return nil }
        return YearEndForecast(
            month: m, actual: actual, target: context.target, forecast: point, lo80: lo80, hi80: hi80,
            lo95: lo95, hi95: hi95, pMeet: pMeet, method: name, historyYears: historyYears,
            stale: m < context.asOfMonth, distribution: .empirical(sortedSamples: samples)
        )
    }
}
