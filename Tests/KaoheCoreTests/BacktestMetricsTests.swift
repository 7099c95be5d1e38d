import Foundation
import Testing
@testable import KaoheCore

/// |a − b| ≤ tolerance · max(1, |b|).
private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite("Backtest metrics, by hand")
struct BacktestMetricsTests {
    /// Three cases:
    ///   1. A = 100, F = 110, 80% [95, 120], 95% [90, 130], p_meet 0.8, target 105 → not met;
    ///   2. A = 200, F = 180, 80% [185, 210], 95% [170, 230], p_meet 0.3, target 190 → met;
    ///   3. A = 50,  F = 60,  80% [55, 65],   95% [45, 70],  no target.
    static let outcomes = [
        BacktestOutcome(actual: 100, forecast: 110, lo80: 95, hi80: 120, lo95: 90, hi95: 130, pMeet: 0.8, met: false),
        BacktestOutcome(actual: 200, forecast: 180, lo80: 185, hi80: 210, lo95: 170, hi95: 230, pMeet: 0.3, met: true),
        BacktestOutcome(actual: 50, forecast: 60, lo80: 55, hi80: 65, lo95: 45, hi95: 70, pMeet: nil, met: nil, fellBack: true),
    ]

    /// APE: 10/100 = 0.1, 20/200 = 0.1, 10/50 = 0.2 → MAPE = 0.4/3 = 0.1333…, median 0.1.
    /// Signed: +0.1, −0.1, +0.2 → bias = 0.2/3 = 0.0666….
    /// 80%: 100 ∈ [95,120] yes, 200 ∈ [185,210] yes, 50 ∈ [55,65] no → 2/3; 95%: all three → 1.
    /// Widths: 80% 25/100, 25/200, 10/50 = 0.25, 0.125, 0.2 → 0.575/3; 95% 0.4, 0.3, 0.5 → 1.2/3 = 0.4.
    /// Brier over the two cases with a target: ((0.8 − 0)² + (0.3 − 1)²)/2 = (0.64 + 0.49)/2 = 0.565.
    /// One case of three fell back.
    @Test func handComputedCase() throws {
        let metrics = try #require(BacktestMetrics.summarize(Self.outcomes))
        #expect(metrics.cases == 3)
        #expect(close(metrics.meanAbsoluteError, 0.4 / 3))
        #expect(close(metrics.medianAbsoluteError, 0.1))
        #expect(close(metrics.bias, 0.2 / 3))
        #expect(close(metrics.coverage80, 2.0 / 3))
        #expect(close(metrics.coverage95, 1))
        #expect(close(metrics.width80, 0.575 / 3))
        #expect(close(metrics.width95, 0.4))
        #expect(close(metrics.brier, 0.565))
        #expect(metrics.brierCases == 2)
        #expect(close(metrics.fallbackShare, 1.0 / 3))
    }

    /// An even number of cases: the median is the mean of the two middle APEs (0.1 and 0.2 → 0.15
    /// with a fourth case of APE 0.3: A = 10, F = 7).
    @Test func medianOfAnEvenCount() throws {
        let fourth = BacktestOutcome(actual: 10, forecast: 7, lo80: 6, hi80: 8, lo95: 5, hi95: 9, pMeet: nil, met: nil)
        let metrics = try #require(BacktestMetrics.summarize(Self.outcomes + [fourth]))
        #expect(close(metrics.medianAbsoluteError, 0.15))
        // Bias: (0.1 − 0.1 + 0.2 − 0.3)/4 = −0.025.
        #expect(close(metrics.bias, -0.025))
        #expect(metrics.brier != nil && metrics.brierCases == 2)
    }

    @Test func noCasesNoMetrics() {
        #expect(BacktestMetrics.summarize([BacktestOutcome]()) == nil)
        // Without any target there is no Brier score.
        let metrics = BacktestMetrics.summarize([Self.outcomes[2]])
        #expect(metrics?.brier == nil && metrics?.brierCases == 0)
    }

    /// The outcome of a forecast: met uses completion ≥ 1 with reading rule 9's tolerance (A = T
    /// is met), `lower` means A ≤ T, and a method label other than the method's own name is a
    /// fallback.
    @Test func outcomeOfAForecast() throws {
        func forecast(target: Double?, method: String) -> YearEndForecast {
            YearEndForecast(
                month: 6, actual: 50, target: target, forecast: 100, lo80: 90, hi80: 110, lo95: 80, hi95: 120, pMeet: 0.4,
                method: method, historyYears: 3, stale: false, distribution: nil
            )
        }
        let equal = try #require(BacktestOutcome(forecast(target: 100, method: "ets"), actual: 100, direction: .higher, ownNames: ["ets"]))
        #expect(equal.met == true && !equal.fellBack && close(equal.pMeet, 0.4))
        let above = try #require(BacktestOutcome(forecast(target: 100, method: "ets→seasonal"), actual: 100.5, direction: .lower, ownNames: ["ets"]))
        #expect(above.met == false && above.fellBack)
        let noTarget = try #require(BacktestOutcome(forecast(target: nil, method: "ets"), actual: 100, direction: .higher, ownNames: ["ets"]))
        #expect(noTarget.met == nil && noTarget.pMeet == nil)
        let noData = YearEndForecast.noData(target: 100)
        #expect(BacktestOutcome(noData, actual: 100, direction: .higher, ownNames: ["ets"]) == nil)
    }

    /// The linear pace: F = C·12/m, ln F ~ N(ln F, default_log_sd = 0.1): with C = 50 at m = 4,
    /// F = 150, hi80 = 150·e^(1.281552·0.1) = 170.51…, whatever the history.
    @Test func linearPace() {
        let history = [[Double]](repeating: (1...12).map { Double($0) * 10 }, count: 3)
        var current = [Double](repeating: .nan, count: 12)
        current[3] = 50
        let result = SeriesContext.with(current: current, history: history, measure: .cumulative, target: 160, asOfMonth: 4) {
            LinearPaceMethod().forecast($0)
        }
        #expect(result.method == "linear" && result.historyYears == 0)
        #expect(close(result.forecast, 150))
        #expect(close(result.hi80, 150 * exp(1.281552 * 0.1), 1e-6))
        // p_meet = P(Z > ln(160/150)/0.1) = P(Z > 0.6453852) = 1 − Φ(0.6453852) = 0.259339.
        #expect(close(result.pMeet, 0.259339, 1e-5))
    }
}
