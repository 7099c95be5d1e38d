import GSL

/// One evaluated forecast of a backtest: what a method said in month m about a December that is
/// known.
public struct BacktestOutcome: Sendable, Equatable {
    /// A: the December value that was hidden.
    public var actual: Double
    /// F: the point forecast.
    public var forecast: Double
    public var lo80: Double
    public var hi80: Double
    public var lo95: Double
    public var hi95: Double
    /// p_meet, nil without a target.
    public var pMeet: Double?
    /// Whether A met the target (completion ≥ 1, reading rule 9's tolerance), nil without a target.
    public var met: Bool?
    /// Whether the method fell back on another computation (`ets→seasonal`, `seasonal`'s `pooled` or
    /// `linear`…) for this case.
    public var fellBack: Bool
    /// The forecast's `method` (`seasonal`, `ets→seasonal`…).
    public var method: String?

    public init(
        actual: Double, forecast: Double, lo80: Double, hi80: Double, lo95: Double, hi95: Double,
        pMeet: Double?, met: Bool?, fellBack: Bool = false, method: String? = nil
    ) {
        self.actual = actual
        self.forecast = forecast
        self.lo80 = lo80
        self.hi80 = hi80
        self.lo95 = lo95
        self.hi95 = hi95
        self.pMeet = pMeet
        self.met = met
        self.fellBack = fellBack
        self.method = method
    }

    /// The outcome of `forecast` against the actual December value `actual` (nil when the forecast
    /// has no point or intervals, i.e. no data in the year).
    public init?(_ forecast: YearEndForecast, actual: Double, direction: Direction, ownNames: Set<String>) {
        guard let point = forecast.forecast, let lo80 = forecast.lo80, let hi80 = forecast.hi80,
              let lo95 = forecast.lo95, let hi95 = forecast.hi95 else { return nil }
        let met = forecast.target.flatMap { t in t > 0 ? SpecComputation.meets(actual, target: t, direction: direction) : nil }
        let fellBack = !(forecast.method.map(ownNames.contains) ?? false)
        self.init(actual: actual, forecast: point, lo80: lo80, hi80: hi80, lo95: lo95, hi95: hi95,
                  pMeet: met == nil ? nil : forecast.pMeet, met: met, fellBack: fellBack, method: forecast.method)
    }

    /// |F − A| / A: the absolute percentage error as a fraction.
    @inline(__always) public var absoluteError: Double { abs(forecast - actual) / actual }
    /// (F − A) / A: the signed percentage error as a fraction (positive: the forecast was too high).
    @inline(__always) public var signedError: Double { (forecast - actual) / actual }
    @inline(__always) public var covered80: Bool { lo80 <= actual && actual <= hi80 }
    @inline(__always) public var covered95: Bool { lo95 <= actual && actual <= hi95 }
}

/// The accuracy and calibration of a set of outcomes (`kaohe backtest`). Errors and widths are
/// fractions of the actual value A (0.0718 is 7.18%), coverages are shares of the cases.
public struct BacktestMetrics: Sendable, Equatable {
    /// The number of outcomes.
    public var cases: Int
    /// MAPE: the mean of |F − A| / A.
    public var meanAbsoluteError: Double
    /// The median of |F − A| / A.
    public var medianAbsoluteError: Double
    /// Bias: the mean of (F − A) / A.
    public var bias: Double
    /// The share of cases with lo80 ≤ A ≤ hi80.
    public var coverage80: Double
    /// The share of cases with lo95 ≤ A ≤ hi95.
    public var coverage95: Double
    /// The mean of (hi80 − lo80) / A: the same denominator for every method on a case.
    public var width80: Double
    /// The mean of (hi95 − lo95) / A.
    public var width95: Double
    /// The Brier score of p_meet, mean of (p_meet − 1{met})² over the cases with a target and a
    /// p_meet; nil when there are none.
    public var brier: Double?
    /// The number of cases the Brier score rests on.
    public var brierCases: Int
    /// The share of cases in which the method fell back on another computation.
    public var fallbackShare: Double

    /// The metrics of `outcomes`, nil when there are none. Sums run in the order given, so the
    /// result does not depend on how the outcomes were computed.
    public static func summarize<S: Sequence<BacktestOutcome>>(_ outcomes: S) -> BacktestMetrics? {
        var errors: [Double] = []
        var signed = 0.0, in80 = 0, in95 = 0, widths80 = 0.0, widths95 = 0.0, fallbacks = 0
        var brierSum = 0.0, brierCount = 0
        for outcome in outcomes {
            errors.append(outcome.absoluteError)
            signed += outcome.signedError
            if outcome.covered80 { in80 += 1 }
            if outcome.covered95 { in95 += 1 }
            widths80 += (outcome.hi80 - outcome.lo80) / outcome.actual
            widths95 += (outcome.hi95 - outcome.lo95) / outcome.actual
            if outcome.fellBack { fallbacks += 1 }
            if let p = outcome.pMeet, let met = outcome.met {
                let d = p - (met ? 1 : 0)
                brierSum += d * d
                brierCount += 1
            }
        }
        guard !errors.isEmpty, let mape = try? Statistics.mean(errors),
              let median = try? Statistics.median(sorted: Statistics.sorted(errors)) else { return nil }
        let n = Double(errors.count)
        return BacktestMetrics(
            cases: errors.count, meanAbsoluteError: mape, medianAbsoluteError: median, bias: signed / n,
            coverage80: Double(in80) / n, coverage95: Double(in95) / n, width80: widths80 / n, width95: widths95 / n,
            brier: brierCount > 0 ? brierSum / Double(brierCount) : nil, brierCases: brierCount,
            fallbackShare: Double(fallbacks) / n
        )
    }
}
