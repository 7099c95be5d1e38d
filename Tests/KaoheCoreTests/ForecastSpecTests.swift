import Foundation
import Testing
@testable import KaoheCore

/// |a − b| ≤ tolerance · max(1, |b|).
private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// A year with `value` at `month` and `december` in December, NaN elsewhere.
private func year(_ month: Int, _ value: Double, december: Double) -> [Double] {
    var row = [Double](repeating: .nan, count: 12)
    row[month - 1] = value
    row[11] = december
    return row
}

/// A current year with the given (month, value) pairs.
private func current(_ values: [(Int, Double)]) -> [Double] {
    var row = [Double](repeating: .nan, count: 12)
    for (month, value) in values { row[month - 1] = value }
    return row
}

// Published quantiles (e.g. NIST/SEMATECH e-Handbook, table of the t distribution, 1.3.6.7.2, and of
// the normal distribution): t₀.₉ and t₀.₉₇₅ with ν degrees of freedom, z₀.₉ and z₀.₉₇₅.
private let t90 = [2: 1.885618, 3: 1.637744, 4: 1.533206]
private let t975 = [2: 4.302653, 3: 3.182446, 4: 2.776445]
private let z90 = 1.281552, z975 = 1.959964

/// Closed-form Student-t upper tails (Abramowitz & Stegun 26.7.3):
/// ν = 2: P(T > z) = 1/2 − z / (2√(z² + 2));  ν = 4: P(T > z) = 1/2 − z(z² + 6) / (2(z² + 4)^{3/2}).
private func upperTail2(_ z: Double) -> Double { 0.5 - z / (2 * (z * z + 2).squareRoot()) }
private func upperTail4(_ z: Double) -> Double { 0.5 - z * (z * z + 6) / (2 * pow(z * z + 4, 1.5)) }

extension ForecastTests {
    @Suite("Default computations of dataset.md, by hand")
    struct SpecByHand {
        /// Three history years with C(y,6) = 100 and C(y,12) = 100·e^r, r = 0.5, 0.6, 0.7.
        static let threeYears = [0.5, 0.6, 0.7].map { year(6, 100, december: 100 * exp($0)) }

        /// mean r = 0.6; sd r = √((0.01 + 0 + 0.01)/2) = 0.1; σ = 0.1·√(1 + 1/3) = 0.1154700538.
        /// C = 50 at m = 6: F = 50·e^0.6 = 91.10594002; ln F ~ t₂.
        /// lo80 = F·e^(−1.885618σ) = 73.28021, hi80 = F·e^(1.885618σ) = 113.26786,
        /// lo95 = F·e^(−4.302653σ) = 55.43413, hi95 = F·e^(4.302653σ) = 149.73253.
        /// T = 95: z = ln(95/F)/σ = 0.3624653; p_meet = P(t₂ > z) = 1/2 − z/(2√(z²+2)) = 0.3758617.
        @Test func studentTIntervalAndPMeet() throws {
            let result = SeriesContext.with(
                current: current([(5, 45), (6, 50)]), history: Self.threeYears, measure: .cumulative,
                target: 95, asOfMonth: 6
            ) { SeasonalMethod().forecast($0) }
            let sigma = 0.1 * (4.0 / 3).squareRoot()
            let f = 50 * exp(0.6)
            #expect(result.method == "seasonal")
            #expect(result.historyYears == 3)
            #expect(result.month == 6 && !result.stale)
            #expect(close(result.actual, 50))
            #expect(close(result.forecast, f, 1e-12))
            #expect(close(result.forecast, 91.10594002, 1e-9))
            #expect(close(result.lo80, f * exp(-t90[2]! * sigma), 1e-6))
            #expect(close(result.hi80, f * exp(t90[2]! * sigma), 1e-6))
            #expect(close(result.lo95, f * exp(-t975[2]! * sigma), 1e-6))
            #expect(close(result.hi95, f * exp(t975[2]! * sigma), 1e-6))
            #expect(close(result.lo80, 73.28021, 1e-6) && close(result.hi95, 149.73253, 1e-6))
            let z = log(95 / f) / sigma
            #expect(close(result.pMeet, upperTail2(z), 1e-9))
            #expect(close(result.pMeet, 0.3758617, 1e-6))
            guard case let .locationScale(center, scale, dof, logScale)? = result.distribution else {
                Issue.record("expected a location-scale distribution")
                return
            }
            #expect(close(center, log(50) + 0.6, 1e-12) && close(scale, sigma, 1e-12) && dof == 2 && logScale)
            // The distribution's quantiles are the interval ends.
            #expect(close(result.distribution?.quantile(0.9), f * exp(t90[2]! * sigma), 1e-6))
        }

        /// `lower`: completion ≥ 1 means F ≤ T, so p_meet = P(t₂ ≤ z) = 1/2 + z/(2√(z²+2)) = 0.6241383
        /// with the numbers above; completion = T/C = 95/50 = 1.9.
        @Test func lowerDirection() throws {
            let result = SeriesContext.with(
                current: current([(6, 50)]), history: Self.threeYears, measure: .cumulative, direction: .lower,
                target: 95, asOfMonth: 6
            ) { SeasonalMethod().forecast($0) }
            let sigma = 0.1 * (4.0 / 3).squareRoot()
            let z = log(95 / (50 * exp(0.6))) / sigma
            #expect(close(result.pMeet, 1 - upperTail2(z), 1e-9))
            #expect(close(result.pMeet, 0.6241383, 1e-6))

            // Status: e = mean(e^−0.5, e^−0.6, e^−0.7) = (0.6065307 + 0.5488116 + 0.4965853)/3 = 0.5506425.
            // lower cumulative gap = e − C/T = 0.5506425 − 50/95 = +0.0243267 → on_track;
            // with T = 60: 0.5506425 − 0.8333333 = −0.2826908 → behind (the cap is being used too fast).
            let expected = (exp(-0.5) + exp(-0.6) + exp(-0.7)) / 3
            for (target, state) in [(95.0, ProgressState.onTrack), (60, .behind)] {
                let row = SeriesContext.with(
                    current: current([(6, 50)]), history: Self.threeYears, measure: .cumulative, direction: .lower,
                    target: target, asOfMonth: 6
                ) { SpecComputation.status($0, risk: RiskSettings()) }
                #expect(close(row.completion, target / 50, 1e-12))
                #expect(close(row.expected, expected, 1e-12))
                #expect(close(row.gap, expected - 50 / target, 1e-12))
                #expect(row.state == state)
            }
        }

        /// Expected progress from the unit's own years, e = 0.5506425 (above), and the state by
        /// c − e against ±0.05: T = 95: 0.5263158 − 0.5506425 = −0.0243 → on_track;
        /// T = 120: 0.4166667 − 0.5506425 = −0.1340 → behind; T = 80: 0.625 − 0.5506425 = +0.0744 → ahead.
        @Test func expectedProgressAndState() {
            let expected = (exp(-0.5) + exp(-0.6) + exp(-0.7)) / 3
            #expect(close(expected, 0.5506425, 1e-7))
            for (target, state) in [(95.0, ProgressState.onTrack), (120, .behind), (80, .ahead)] {
                let row = SeriesContext.with(
                    current: current([(6, 50)]), history: Self.threeYears, measure: .cumulative, target: target, asOfMonth: 6
                ) { SpecComputation.status($0, risk: RiskSettings()) }
                #expect(close(row.expected, expected, 1e-12))
                #expect(close(row.completion, 50 / target, 1e-12))
                #expect(close(row.gap, 50 / target - expected, 1e-12))
                #expect(row.state == state, "T = \(target)")
                #expect(row.source == "seasonal")
            }
        }

        /// Pooled: the unit has one year of its own (r = 0.7); the pool holds every unit's years,
        /// r = 0.5, 0.6 | 0.7 | 0.4, 0.8: mean 0.6, sd = √((0.01+0+0.01+0.04+0.04)/4) = √0.025,
        /// σ = √0.025·√(1 + 1/5) = √0.03 = 0.1732051, ν = 4.
        /// C = 40: F = 40·e^0.6 = 72.88475; lo80 = F·e^(−1.533206σ) = 55.88636, hi95 = F·e^(2.776445σ) = 117.89258.
        /// T = 70: z = ln(70/F)/σ = −0.2331584; p_meet = P(t₄ > z) = 0.5864581.
        /// e = mean of e^−r over the 5 years = 0.5543153.
        @Test func pooledFallback() {
            let rows = [0.5, 0.6, 0.7, 0.4, 0.8].map { year(6, 100, december: 100 * exp($0)) }
            let pool = PeerHistory(rows: rows + [year(6, .nan, december: 5)], measure: .cumulative)
            let context = { (body: (SeriesContext) -> YearEndForecast) in
                SeriesContext.with(
                    current: current([(6, 40)]), history: [rows[2]], measure: .cumulative, target: 70, asOfMonth: 6,
                    peers: pool, body
                )
            }
            let result = context { SeasonalMethod().forecast($0) }
            let sigma = 0.03.squareRoot(), f = 40 * exp(0.6)
            #expect(result.method == "pooled")
            #expect(result.historyYears == 5)
            #expect(close(result.forecast, f, 1e-12))
            #expect(close(result.lo80, f * exp(-t90[4]! * sigma), 1e-6))
            #expect(close(result.hi80, f * exp(t90[4]! * sigma), 1e-6))
            #expect(close(result.lo95, f * exp(-t975[4]! * sigma), 1e-6))
            #expect(close(result.hi95, f * exp(t975[4]! * sigma), 1e-6))
            #expect(close(result.lo80, 55.88636, 1e-6) && close(result.hi95, 117.89258, 1e-6))
            #expect(close(result.pMeet, upperTail4(log(70 / f) / sigma), 1e-9))
            #expect(close(result.pMeet, 0.5864581, 1e-6))
            #expect(result.usesFallback)
            let row = SeriesContext.with(
                current: current([(6, 40)]), history: [rows[2]], measure: .cumulative, target: 70, asOfMonth: 6, peers: pool
            ) { SpecComputation.status($0, risk: RiskSettings()) }
            let pooledExpected = [0.5, 0.6, 0.7, 0.4, 0.8].map { exp(-$0) }.reduce(0, +) / 5
            #expect(close(row.expected, pooledExpected, 1e-12) && close(row.expected, 0.5543153, 1e-6))
            #expect(row.source == "pooled")
        }

        /// Linear: no years anywhere. C = 30 at m = 4: F = 30·12/4 = 90, ln F ~ N(ln 90, 0.1²):
        /// lo80 = 90·e^(−0.1281552) = 79.17452, hi95 = 90·e^(0.1959964) = 109.48703.
        /// T = 90·e^(0.1281552): p_meet = P(Z > 1.281552) = 0.1. e = 4/12.
        @Test func linearFallback() {
            let target = 90 * exp(0.1 * z90)
            let result = SeriesContext.with(
                current: current([(4, 30)]), history: [], measure: .cumulative, target: target, asOfMonth: 4
            ) { SeasonalMethod().forecast($0) }
            #expect(result.method == "linear" && result.historyYears == 0 && result.usesFallback)
            #expect(close(result.forecast, 90, 1e-12))
            #expect(close(result.lo80, 90 * exp(-0.1 * z90), 1e-6) && close(result.lo80, 79.17452, 1e-6))
            #expect(close(result.hi95, 90 * exp(0.1 * z975), 1e-6) && close(result.hi95, 109.48703, 1e-6))
            #expect(close(result.pMeet, 0.1, 1e-6))
            #expect(result.distribution == .locationScale(center: log(90), scale: 0.1, degreesOfFreedom: nil, logScale: true))
            // default_log_sd is a setting: 0.2 doubles the log-spread.
            let wider = SeriesContext.with(
                current: current([(4, 30)]), history: [], measure: .cumulative, target: target,
                settings: ForecastSettings(defaultLogSD: 0.2, defaultSD: 1), asOfMonth: 4
            ) { SeasonalMethod().forecast($0) }
            #expect(close(wider.lo80, 90 * exp(-0.2 * z90), 1e-6))
            let row = SeriesContext.with(
                current: current([(4, 30)]), history: [], measure: .cumulative, target: 100, asOfMonth: 4
            ) { SpecComputation.status($0, risk: RiskSettings()) }
            #expect(close(row.expected, 4.0 / 12, 1e-15) && row.source == "linear")
        }

        /// Naive: a rate with no history. V = 7.5 at m = 5: F = 7.5, F ~ N(7.5, 1²);
        /// lo95 = 7.5 − 1.959964 = 5.540036; T = 7.5 + 1.959964: p_meet = 0.025.
        @Test func naiveFallback() {
            let result = SeriesContext.with(
                current: current([(5, 7.5)]), history: [], measure: .rate, target: 7.5 + z975, asOfMonth: 5
            ) { SeasonalMethod().forecast($0) }
            #expect(result.method == "naive" && result.historyYears == 0)
            #expect(close(result.forecast, 7.5, 1e-12))
            #expect(close(result.lo95, 5.540036, 1e-6) && close(result.hi80, 7.5 + z90, 1e-6))
            #expect(close(result.pMeet, 0.025, 1e-6))
        }

        /// A rate with its own years: d = V(y,12) − V(y,5) = 0.5, −0.5, 1.0, 0.0: mean 0.25,
        /// sd = √((0.0625+0.5625+0.5625+0.0625)/3) = √(1.25/3), σ = √(1.25/3 · 1.25) = 0.7216878, ν = 3.
        /// V = 8: F = 8.25; lo80 = 8.25 − 1.637744σ = 7.068060, hi95 = 8.25 + 3.182446σ = 10.546734.
        /// T = 8.25: z = 0, p_meet = 0.5 either direction. Status: e = 1, c = 8/8.25, gap = c − 1 = −0.0303.
        @Test func rateWithHistory() {
            let history = [(7.0, 7.5), (9.0, 8.5), (6.0, 7.0), (8.0, 8.0)].map { year(5, $0.0, december: $0.1) }
            let sigma = (1.25 / 3 * 1.25).squareRoot()
            for direction in [Direction.higher, .lower] {
                let result = SeriesContext.with(
                    current: current([(5, 8)]), history: history, measure: .rate, direction: direction, target: 8.25, asOfMonth: 5
                ) { SeasonalMethod().forecast($0) }
                #expect(result.method == "seasonal" && result.historyYears == 4)
                #expect(close(result.forecast, 8.25, 1e-12))
                #expect(close(result.lo80, 8.25 - t90[3]! * sigma, 1e-6) && close(result.lo80, 7.068060, 1e-6))
                #expect(close(result.hi95, 8.25 + t975[3]! * sigma, 1e-6) && close(result.hi95, 10.546734, 1e-6))
                #expect(close(result.pMeet, 0.5, 1e-12))
                if case let .locationScale(center, scale, dof, logScale)? = result.distribution {
                    #expect(close(center, 8.25, 1e-12) && close(scale, sigma, 1e-12) && dof == 3 && !logScale)
                } else {
                    Issue.record("expected a location-scale distribution")
                }
            }
            let row = SeriesContext.with(
                current: current([(5, 8)]), history: history, measure: .rate, target: 8.25, asOfMonth: 5
            ) { SpecComputation.status($0, risk: RiskSettings()) }
            #expect(row.expected == 1 && close(row.completion, 8 / 8.25, 1e-12) && close(row.gap, 8 / 8.25 - 1, 1e-12))
            #expect(row.state == .onTrack && row.source == nil)
        }

        /// m = 12: F = C, σ = 0, `final`, history_years 0; p_meet is 1 or 0.
        @Test func finalMonth() {
            let december = current([(11, 110), (12, 120)])
            for (target, direction, meets) in [(100.0, Direction.higher, 1.0), (130, .higher, 0), (130, .lower, 1), (100, .lower, 0)] {
                let result = SeriesContext.with(
                    current: december, history: Self.threeYears, measure: .cumulative, direction: direction,
                    target: target, asOfMonth: 12
                ) { SeasonalMethod().forecast($0) }
                #expect(result.method == "final" && result.historyYears == 0 && result.month == 12)
                #expect(result.forecast == 120 && result.lo95 == 120 && result.hi95 == 120)
                #expect(result.pMeet == meets)
                #expect(result.distribution == .point(120))
            }
        }

        /// Identical history (r = 0.5 every year): σ = 0, so p_meet is 1 or 0 and the interval is F.
        /// F = 50·e^0.5 = 82.43606; T = 82 → 1, T = 83 → 0.
        @Test func zeroSpread() {
            let history = [0.5, 0.5, 0.5].map { year(6, 100, december: 100 * exp($0)) }
            for (target, meets) in [(82.0, 1.0), (83, 0)] {
                let result = SeriesContext.with(
                    current: current([(6, 50)]), history: history, measure: .cumulative, target: target, asOfMonth: 6
                ) { SeasonalMethod().forecast($0) }
                #expect(result.method == "seasonal" && result.historyYears == 3)
                #expect(close(result.forecast, 82.43606, 1e-6) && result.lo80 == result.forecast && result.hi95 == result.forecast)
                #expect(result.pMeet == meets)
            }
        }

        /// January–February reported together: this year's January is missing, February holds the
        /// two-month total. m = 2 and the history years use their C(y,2): C(y,2) = 10, C(y,12) = 10·e^r,
        /// r = 2.0, 2.2, 2.4 → mean 2.2, F = 5·e^2.2 = 45.12506 at C = 5; e = mean(e^−2, e^−2.2, e^−2.4).
        @Test func januaryFebruaryCombined() {
            let history = [2.0, 2.2, 2.4].map { year(2, 10, december: 10 * exp($0)) }
            let result = SeriesContext.with(
                current: current([(2, 5)]), history: history, measure: .cumulative, target: 50, asOfMonth: 2
            ) { SeasonalMethod().forecast($0) }
            #expect(result.month == 2 && !result.stale && result.method == "seasonal" && result.historyYears == 3)
            #expect(close(result.forecast, 5 * exp(2.2), 1e-12) && close(result.forecast, 45.12506, 1e-6))
            let row = SeriesContext.with(
                current: current([(2, 5)]), history: history, measure: .cumulative, target: 50, asOfMonth: 2
            ) { SpecComputation.status($0, risk: RiskSettings()) }
            #expect(close(row.expected, (exp(-2.0) + exp(-2.2) + exp(-2.4)) / 3, 1e-12))

            // As of January with January missing (to be reported with February): no data yet.
            let none = SeriesContext.with(
                current: current([]), history: history, measure: .cumulative, target: 50, asOfMonth: 1
            ) { SeasonalMethod().forecast($0) }
            #expect(none.month == nil && none.forecast == nil && none.stale)

            // This year's January is reported but the history years have none (combined): those years do
            // not have both months, the pool has none either → linear: F = 3·12 = 36.
            let january = SeriesContext.with(
                current: current([(1, 3)]), history: history, measure: .cumulative, target: 50, asOfMonth: 1
            ) { SeasonalMethod().forecast($0) }
            #expect(january.method == "linear" && january.historyYears == 0 && close(january.forecast, 36, 1e-12))
        }

        /// Stale: as of June, the unit's latest month is April: m = 4 is used and the unit is flagged.
        /// C(y,4) = 100, r = 0.5, 0.6, 0.7 → F = 40·e^0.6.
        @Test func staleUnit() {
            let history = [0.5, 0.6, 0.7].map { year(4, 100, december: 100 * exp($0)) }
            let result = SeriesContext.with(
                current: current([(3, 30), (4, 40)]), history: history, measure: .cumulative, target: 80, asOfMonth: 6
            ) { SeasonalMethod().forecast($0) }
            #expect(result.month == 4 && result.stale && result.method == "seasonal")
            #expect(close(result.forecast, 40 * exp(0.6), 1e-12))
        }

        /// No data this year: every number nil, stale, no method (reading rule 8).
        @Test func noDataThisYear() {
            let result = SeriesContext.with(
                current: current([]), history: Self.threeYears, measure: .cumulative, target: 95, asOfMonth: 6
            ) { SeasonalMethod().forecast($0) }
            #expect(result == .noData(target: 95))
            #expect(result.stale && result.forecast == nil && result.pMeet == nil && result.method == nil && result.historyYears == 0)
            let row = SeriesContext.with(
                current: current([]), history: Self.threeYears, measure: .cumulative, target: 95, asOfMonth: 6
            ) { SpecComputation.status($0, risk: RiskSettings()) }
            #expect(row.actual == nil && row.completion == nil && row.gap == nil && row.state == nil && row.stale)
        }

        /// Reading rule 9: c = 70/100 = 0.7 and e = 9/12 = 0.75 (linear, m = 9) give a gap of exactly
        /// −0.05, which floating point computes as −0.050000000000000044: still on_track. 0.69 is behind.
        @Test func thresholdTolerance() {
            #expect(0.7 - 0.75 < -0.05)  // the floating-point gap is below the threshold…
            for (value, state) in [(70.0, ProgressState.onTrack), (69, .behind)] {
                let row = SeriesContext.with(
                    current: current([(9, value)]), history: [], measure: .cumulative, target: 100, asOfMonth: 9
                ) { SpecComputation.status($0, risk: RiskSettings()) }
                #expect(row.state == state, "C = \(value)")  // …but within 1e-9 of it
            }
            // σ = 0 and F within 1e-9 of T: completion counts as 1. 0.1 + 0.2 = 0.30000000000000004 > 0.3.
            let result = SeriesContext.with(
                current: current([(12, 0.1 + 0.2)]), history: [], measure: .cumulative, direction: .lower,
                target: 0.3, asOfMonth: 12
            ) { SeasonalMethod().forecast($0) }
            #expect(result.pMeet == 1)
        }

        /// A target that is missing or ≤ 0 gives no completion or p_meet, but still a forecast.
        @Test func missingTarget() {
            let result = SeriesContext.with(
                current: current([(6, 50)]), history: Self.threeYears, measure: .cumulative, target: nil, asOfMonth: 6
            ) { SeasonalMethod().forecast($0) }
            #expect(result.pMeet == nil && close(result.forecast, 50 * exp(0.6), 1e-12))
        }
    }
}

/// Every forecasting test (`swift test --filter ForecastTests`).
@Suite("Forecasting")
struct ForecastTests {}
