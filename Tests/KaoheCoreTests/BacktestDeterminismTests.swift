import Foundation
import Testing
@testable import KaoheCore

@Suite("Backtest determinism")
struct BacktestDeterminismTests {
    /// Three units, one cumulative indicator, 2014–2019 complete, every month: flows with a seasonal
    /// swing, growth and a unit- and year-specific wiggle.
    static func dataset() -> Dataset {
        BacktestFixtures.dataset(
            units: ["a", "b", "c"], indicators: [BacktestFixtures.indicator("q")], firstYear: 2014, year: 2019, asOf: 12,
            targets: [150, 160, 170]
        ) { store in
            for unit in 0..<3 {
                for year in 2014...2019 {
                    var total = 0.0
                    for month in 1...12 {
                        let index = Double(year - 2014)
                        total += 10 * (1 + 0.3 * sin(2 * Double.pi * Double(month) / 12)) * pow(1.04 + 0.01 * Double(unit), index)
                            * (1 + 0.05 * sin(Double(11 * year + 5 * month + 3 * unit)))
                        store.set(total, indicator: 0, unit: unit, year: year, month: month)
                    }
                }
            }
        }
    }

    static func backtest(blockSize: Int) -> Backtest {
        let ets = ETSMethod(simulationPaths: 100, storedSamples: 11, models: [ETSModel(code: "ANA")!])
        var backtest = Backtest(methods: [SeasonalMethod(), ets, BlendMethod(smoothingModels: [[ETSModel(code: "ANA")!], [ETSModel(code: "ANN")!]])], months: [4, 8])
        backtest.blockSize = blockSize
        backtest.keepCases = true
        return backtest
    }

    /// The same outcomes, bit for bit, whether the 18 series-years run one per parallel block or all in
    /// one block, and from one run to the next. (Exact equality is the property under test here: the
    /// values are compared with themselves, not with expected numbers.)
    @Test func identicalWhateverTheBlocks() throws {
        let dataset = Self.dataset()
        let one = Self.backtest(blockSize: 1).run([dataset])
        let all = Self.backtest(blockSize: 1000).run([dataset])
        let again = Self.backtest(blockSize: 1).run([dataset])
        #expect(one.seriesYears[.history] == 15 && one.seriesYears[.current] == 3)
        // 18 series-years × 4 methods (linear added) × 2 months.
        #expect(one.cases.count == 18 * 4 * 2)
        func bits(_ report: BacktestReport) -> [[UInt64?]] {
            report.cases.map { c in
                let o = c.outcome
                return [o.actual, o.forecast, o.lo80, o.hi80, o.lo95, o.hi95].map { $0.bitPattern } + [o.pMeet?.bitPattern]
            }
        }
        #expect(bits(one) == bits(all))
        #expect(bits(one) == bits(again))
        #expect(one.cases.map(\.outcome.method) == all.cases.map(\.outcome.method))
        #expect(one.rows == all.rows)
        // The methods did run (no fallback for the blend on these complete years).
        #expect(one.cases.contains { $0.method == "blend" && $0.outcome.method == "blend" })
        #expect(one.cases.contains { $0.method == "ets" && $0.outcome.method == "ets" })
    }
}
