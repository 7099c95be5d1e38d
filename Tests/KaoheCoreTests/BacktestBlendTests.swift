import Foundation
import Testing
@testable import KaoheCore

private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// A year with C(y,6) = 100 and C(y,12) = 100·e^r, NaN elsewhere.
private func year(_ r: Double) -> [Double] {
    var row = [Double](repeating: .nan, count: 12)
    row[5] = 100
    row[11] = 100 * exp(r)
    return row
}

/// This year with C = 50 in June.
private let june: [Double] = (1...12).map { $0 == 6 ? 50 : .nan }

/// Twelve monthly flows a year with a seasonal swing and 5% growth, plus a fixed wiggle; cumulated.
private func cumulativeYear(_ index: Int, through last: Int = 12) -> [Double] {
    var total = 0.0
    return (1...12).map { month in
        guard month <= last else { return .nan }
        let flow = 10 * (1 + 0.3 * sin(2 * Double.pi * Double(month) / 12)) * pow(1.05, Double(index))
            * (1 + 0.04 * sin(Double(7 * index + 3 * month)))
        total += flow
        return total
    }
}

@Suite("The recommended method (blend), by hand")
struct BacktestBlendTests {
    /// Seasonal part alone (no smoothing fit: only June and December are known). Ratios, oldest
    /// first, r = 0.5, 0.6, 0.8; weights 0.7^age with age 2, 1, 0 → 0.49, 0.7, 1:
    ///   r̄ = (0.49·0.5 + 0.7·0.6 + 1·0.8)/(0.49 + 0.7 + 1) = 1.465/2.19 = 0.6689498;
    ///   F = 50·e^r̄ = 97.60930.
    /// Errors of the same forecast made in each history year from the years before it:
    ///   h = 0: no earlier year, no error;
    ///   h = 1: r̄ = 0.5 → e = 0.6 − 0.5 = 0.1;
    ///   h = 2: 0.6 (age 0, w 1), 0.5 (age 1, w 0.7) → (0.6 + 0.35)/1.7 = 0.5588235; e = 0.2411765.
    ///   s = √((0.1² + 0.2411765²)/2) = 0.1846159, ln F ~ t₂.
    ///   lo80 = F·e^(−1.885618·s) = 68.91388, hi80 = 138.25336; lo95 = F·e^(−4.302653·s) = 44.10771.
    ///   T = 100: z = ln(100/F)/s = 0.1310689; P(t₂ > z) = 1/2 − z/(2√(z² + 2)) = 0.4538579.
    @Test func seasonalPartByHand() throws {
        let result = SeriesContext.with(
            current: june, history: [0.5, 0.6, 0.8].map(year), measure: .cumulative, target: 100, asOfMonth: 6
        ) { BlendMethod(smoothingModels: []).forecast($0) }
        #expect(result.method == "blend" && result.historyYears == 3 && !result.stale)
        let f = 50 * exp(1.465 / 2.19)
        #expect(close(result.forecast, f))
        #expect(close(result.forecast, 97.60930, 1e-6))
        let errors = [0.6 - 0.5, 0.8 - 0.95 / 1.7]
        let s = (errors.map { $0 * $0 }.reduce(0, +) / 2).squareRoot()
        #expect(close(s, 0.1846159, 1e-6))
        #expect(close(result.lo80, f * exp(-1.885618 * s), 1e-6))
        #expect(close(result.hi80, f * exp(1.885618 * s), 1e-6))
        #expect(close(result.lo95, f * exp(-4.302653 * s), 1e-6))
        #expect(close(result.lo80, 68.91388, 1e-6) && close(result.hi80, 138.25336, 1e-6) && close(result.lo95, 44.10771, 1e-6))
        let z = log(100 / f) / s
        #expect(close(result.pMeet, 0.5 - z / (2 * (z * z + 2).squareRoot()), 1e-9))
        #expect(close(result.pMeet, 0.4538579, 1e-6))
        guard case let .locationScale(center, scale, dof, logScale)? = result.distribution else {
            Issue.record("expected a location-scale distribution")
            return
        }
        #expect(close(center, log(f)) && close(scale, s, 1e-9) && dof == 2 && logScale)
    }

    /// Two own years give one error only (the first has no earlier year): too little evidence for a
    /// spread, so the blend falls back on the spec (`blend→seasonal`).
    @Test func twoYearsAreNotEnough() {
        let result = SeriesContext.with(
            current: june, history: [0.5, 0.6].map(year), measure: .cumulative, target: 100, asOfMonth: 6
        ) { BlendMethod(smoothingModels: []).forecast($0) }
        #expect(result.method == "blend→seasonal" && close(result.forecast, 50 * exp(0.55)))
    }

    /// Equal weights (decay 1) give the spec's mean ratio: (0.5 + 0.6 + 0.8)/3.
    @Test func decayOneIsTheSpecMean() {
        let result = SeriesContext.with(
            current: june, history: [0.5, 0.6, 0.8].map(year), measure: .cumulative, target: 100, asOfMonth: 6
        ) { BlendMethod(decay: 1, smoothingModels: []).forecast($0) }
        #expect(close(result.forecast, 50 * exp(1.9 / 3)))
    }

    /// Shrinking toward the peers: the pool holds the unit's 3 years and 2 peer years with r = 0.2,
    /// 0.3, so r̄ₚ = (0.5 + 0.6 + 0.8 + 0.2 + 0.3)/5 = 0.48, counted as one more year of weight 1:
    /// r̄ = (1.465 + 0.48)/(2.19 + 1) = 0.6097179, F = 50·e^0.6097179 = 91.99561.
    @Test func shrinkTowardPeers() {
        let own = [0.5, 0.6, 0.8].map(year)
        let peers = PeerHistory(rows: own + [0.2, 0.3].map(year), measure: .cumulative)
        let result = SeriesContext.with(
            current: june, history: own, measure: .cumulative, target: 100, asOfMonth: 6, peers: peers
        ) { BlendMethod(smoothingModels: []).forecast($0) }
        #expect(close(result.forecast, 50 * exp(1.945 / 3.19)))
        #expect(close(result.forecast, 91.99561, 1e-6))
        // Without peers beyond its own years, nothing is shrunk.
        let alone = SeriesContext.with(current: june, history: own, measure: .cumulative, target: 100, asOfMonth: 6) {
            BlendMethod(smoothingModels: []).forecast($0)
        }
        #expect(close(alone.forecast, 50 * exp(1.465 / 2.19)))
    }

    /// With complete months the smoothing parts fit. With one set of models, ln F = ½ ln S + ½ ln E
    /// where E = C + the remaining flows forecast by the best model of the set, fitted here to flows
    /// built by hand (January, then differences); with the default two sets (all 15 models, the 4
    /// seasonal ones), ln F = (ln S + ln E₁ + ln E₂)/3, i.e. F = ∛(S·E₁·E₂).
    @Test func smoothingPartsAndTheAverage() throws {
        let history = (0..<4).map { cumulativeYear($0) }
        let current = cumulativeYear(4, through: 6)
        func run(_ method: BlendMethod) -> YearEndForecast {
            SeriesContext.with(current: current, history: history, measure: .cumulative, target: 200, asOfMonth: 6) {
                method.forecast($0)
            }
        }
        var flows: [Double] = []
        for row in history + [current] {
            let months = row.prefix { !$0.isNaN }
            flows.append(months[0])
            for k in 1..<months.count { flows.append(months[k] - months[k - 1]) }
        }
        #expect(flows.count == 4 * 12 + 6)
        func smoothed(_ models: [ETSModel]) throws -> Double {
            let fit = try #require(ETS.select(flows, period: 12, models: models, effort: .fixedInitialSeason))
            return current[5] + fit.forecast(horizon: 6).reduce(0) { $0 + max($1, 0) }
        }
        let e1 = try smoothed(ETSModel.all), e2 = try smoothed(BlendMethod.seasonalModels)

        let seasonal = run(BlendMethod(smoothingModels: []))
        let s = try #require(seasonal.forecast)
        #expect(close(s, current[5] * exp((0.49 * log(history[1][11] / history[1][5]) + 0.7 * log(history[2][11] / history[2][5])
            + log(history[3][11] / history[3][5]) + 0.343 * log(history[0][11] / history[0][5])) / (0.343 + 0.49 + 0.7 + 1)), 1e-12))
        let first = run(BlendMethod(smoothingModels: [ETSModel.all]))
        #expect(first.method == "blend" && close(first.forecast, (s * e1).squareRoot(), 1e-9))
        let second = run(BlendMethod(smoothingModels: [BlendMethod.seasonalModels]))
        #expect(close(second.forecast, (s * e2).squareRoot(), 1e-9))
        let blend = run(BlendMethod())
        #expect(blend.method == "blend" && close(blend.forecast, cbrt(s * e1 * e2), 1e-9))
        // The intervals bracket the point and p_meet is a probability.
        #expect((blend.lo95 ?? .nan) < (blend.lo80 ?? .nan) && (blend.hi80 ?? .nan) < (blend.hi95 ?? .nan))
        #expect((blend.lo80 ?? .nan) < (blend.forecast ?? .nan) && (blend.forecast ?? .nan) < (blend.hi80 ?? .nan))
        #expect((0...1).contains(blend.pMeet ?? -1))
    }

    /// Where the blend cannot work it says so and uses the spec: one own year and no peers →
    /// `blend→linear`; a rate indicator → `blend→…`; December → `final`.
    @Test func fallbacks() {
        let oneYear = SeriesContext.with(current: june, history: [year(0.5)], measure: .cumulative, target: 100, asOfMonth: 6) {
            BlendMethod().forecast($0)
        }
        #expect(oneYear.method == "blend→linear" && close(oneYear.forecast, 100))
        let rate = SeriesContext.with(current: june, history: [], measure: .rate, target: 8, asOfMonth: 6) {
            BlendMethod().forecast($0)
        }
        #expect(rate.method == "blend→naive")
        var december = june
        december[11] = 120
        let final = SeriesContext.with(current: december, history: [0.5, 0.6].map(year), measure: .cumulative, target: 100, asOfMonth: 12) {
            BlendMethod().forecast($0)
        }
        #expect(final.method == "final" && close(final.forecast, 120) && final.pMeet == 1)
    }

    @Test func registered() {
        #expect(ForecastMethods.names.contains("blend"))
        #expect(ForecastMethods.named(" Blend ")?.name == "blend")
    }
}
