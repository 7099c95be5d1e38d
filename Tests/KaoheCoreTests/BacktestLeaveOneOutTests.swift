import Foundation
import Testing
@testable import KaoheCore

private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// Datasets built in code for the backtest tests.
enum BacktestFixtures {
    static func indicator(_ id: String, _ measure: Measure = .cumulative) -> Indicator {
        Indicator(
            id: id, name: id, category: "quantitative", measure: measure, unit: "", direction: .higher, weight: 10,
            leader: "", leadDepartment: "dept", cooperatingDepartments: [], source: ""
        )
    }

    static func dataset(
        units: [String], indicators: [Indicator], firstYear: Int, year: Int, asOf: Int, targets: [Double],
        fill: (inout ObservationStore) -> Void
    ) -> Dataset {
        var store = ObservationStore(indicatorCount: indicators.count, unitCount: units.count, firstYear: firstYear, lastYear: year)
        fill(&store)
        let settings = Settings(
            name: "backtest", year: year, asOf: YearMonth(year: year, month: asOf), home: 0,
            grades: [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "较差", minimum: 0)]
        )
        return Dataset(
            directory: "fixture", settings: settings, units: units.map { AssessedUnit(id: $0, name: $0) },
            indicators: indicators, targets: targets, observations: store
        )
    }

    /// The absurd December of unit a in 2016.
    static let absurd = 1e9

    /// Units a and b, one cumulative indicator q, 2015–2019, as of 2019-12 (complete), June and
    /// December only:
    ///   a: C(y,6) = 100 every year, C(y,12) = 100·e^r with r = 2015 0.5, 2017 0.6, 2018 0.7, 2019 0.4,
    ///      and an absurd C(2016,12) = 1e9;
    ///   b: C(2016,6) = 80, C(2016,12) = 80·e^0.45; C(2019,6) = 60, C(2019,12) = 60·e^0.3.
    /// Targets (2019): a 200, b 90.
    static func absurdYear() -> Dataset {
        dataset(units: ["a", "b"], indicators: [indicator("q")], firstYear: 2015, year: 2019, asOf: 12, targets: [200, 90]) { store in
            for (year, r) in [(2015, 0.5), (2017, 0.6), (2018, 0.7), (2019, 0.4)] {
                store.set(100, indicator: 0, unit: 0, year: year, month: 6)
                store.set(100 * exp(r), indicator: 0, unit: 0, year: year, month: 12)
            }
            store.set(100, indicator: 0, unit: 0, year: 2016, month: 6)
            store.set(absurd, indicator: 0, unit: 0, year: 2016, month: 12)
            store.set(80, indicator: 0, unit: 1, year: 2016, month: 6)
            store.set(80 * exp(0.45), indicator: 0, unit: 1, year: 2016, month: 12)
            store.set(60, indicator: 0, unit: 1, year: 2019, month: 6)
            store.set(60 * exp(0.3), indicator: 0, unit: 1, year: 2019, month: 12)
        }
    }
}

@Suite("Backtest: which years are hidden and what the forecasts see")
struct BacktestLeaveOneOutTests {
    static func report() -> BacktestReport {
        var backtest = Backtest(methods: [SeasonalMethod()], months: [6])
        backtest.keepCases = true
        return backtest.run([BacktestFixtures.absurdYear()])
    }

    static func seasonalCase(_ report: BacktestReport, unit: String, year: Int, scope: BacktestScope) -> BacktestCase? {
        report.cases.first { $0.unit == unit && $0.year == year && $0.scope == scope && $0.method == "seasonal" }
    }

    /// History of hidden 2016 among 2015–2019: distances 2015 1, 2017 1, 2018 2, 2019 3; nearest
    /// last, the earlier of two equally near years last → 2019, 2018, 2017, 2015. Without a complete
    /// assessment year, 2019 is not history.
    @Test func historyOrder() {
        let store = BacktestFixtures.absurdYear().observations
        #expect(Backtest.historyYears(hiding: 2016, store: store, year: 2019, currentComplete: true) == [2019, 2018, 2017, 2015])
        #expect(Backtest.historyYears(hiding: 2016, store: store, year: 2019, currentComplete: false) == [2018, 2017, 2015])
        #expect(Backtest.historyYears(hiding: 2015, store: store, year: 2019, currentComplete: true) == [2019, 2018, 2017, 2016])
    }

    /// Hidden 2016 of unit a (whose December is absurd): its own other years give r = 0.5, 0.6, 0.7,
    /// 0.4 → mean 0.55, sd = √(0.05/3) (deviations ∓0.05, ±0.15), n = 4, so F = 100·e^0.55 =
    /// 173.325302 and σ = sd·√(1 + 1/4); hi80 = F·e^(t₀.₉,₃·σ) with t₀.₉,₃ = 1.637744. The absurd
    /// value is only the actual. Its target is 1.05 × C(2015,12) = 105·e^0.5.
    @Test func anAbsurdYearDoesNotAffectItsOwnForecast() throws {
        let report = Self.report()
        let hidden = try #require(Self.seasonalCase(report, unit: "a", year: 2016, scope: .history))
        #expect(close(hidden.outcome.forecast, 100 * exp(0.55)))
        #expect(close(hidden.outcome.forecast, 173.325302, 1e-8))
        let sigma = (0.05 / 3).squareRoot() * (1.25).squareRoot()
        #expect(close(hidden.outcome.hi80, 100 * exp(0.55) * exp(1.637744 * sigma), 1e-6))
        #expect(hidden.outcome.method == "seasonal")
        #expect(close(hidden.outcome.actual, BacktestFixtures.absurd))
        #expect(close(hidden.target, 105 * exp(0.5)))
        #expect(hidden.outcome.met == true)  // 1e9 ≥ 105·e^0.5
        // The absurd year IS history when another year is hidden: hidden 2017 sees r(2016) = ln(1e7).
        let other = try #require(Self.seasonalCase(report, unit: "a", year: 2017, scope: .history))
        #expect(close(other.outcome.forecast, 100 * exp((0.5 + log(1e7) + 0.7 + 0.4) / 4), 1e-9))
        // And its target is 1.05 × the absurd December before it.
        #expect(close(other.target, 1.05 * BacktestFixtures.absurd))
    }

    /// Hidden 2016 of unit b: its own other years are 2019 only (n = 1 < 2), so the spec pools every
    /// unit's years except 2016 — a: 0.5, 0.6, 0.7, 0.4; b: 0.3 → mean 2.5/5 = 0.5, n = 5 — and the
    /// absurd 2016 of unit a is not in the pool: F = 80·e^0.5. No 2015 December: no target.
    @Test func thePoolHidesTheYearToo() throws {
        let report = Self.report()
        let hidden = try #require(Self.seasonalCase(report, unit: "b", year: 2016, scope: .history))
        #expect(hidden.outcome.method == "pooled")
        #expect(close(hidden.outcome.forecast, 80 * exp(0.5)))
        #expect(hidden.target == nil && hidden.outcome.pMeet == nil && hidden.outcome.met == nil)
    }

    /// The assessment year (complete) is forecast from the earlier years only, against targets.csv,
    /// exactly as `kaohe forecast` would have forecast it as of June: unit a's history 2015–2018
    /// gives r = 0.5, ln(1e7), 0.6, 0.7.
    @Test func theCurrentYearUsesEarlierYearsOnly() throws {
        let report = Self.report()
        let current = try #require(Self.seasonalCase(report, unit: "a", year: 2019, scope: .current))
        #expect(close(current.outcome.forecast, 100 * exp((0.5 + log(1e7) + 0.6 + 0.7) / 4), 1e-9))
        #expect(close(current.target, 200))
        var asOfJune = BacktestFixtures.absurdYear()
        asOfJune.settings.asOf = YearMonth(year: 2019, month: 6)
        for unit in 0..<2 {
            let engine = ForecastEngine(method: SeasonalMethod()).forecast(asOfJune, indicator: 0, unit: unit)
            let backtest = try #require(Self.seasonalCase(report, unit: ["a", "b"][unit], year: 2019, scope: .current))
            #expect(close(backtest.outcome.forecast, try #require(engine.forecast)))
            #expect(close(backtest.outcome.hi95, try #require(engine.hi95)))
            #expect(close(backtest.outcome.pMeet, try #require(engine.pMeet)))
            #expect(backtest.outcome.method == engine.method)
        }
    }

    /// Cases: history scope a 2015–2018 (4) and b 2016 (1); Brier cases only where the previous
    /// December exists (a 2016, 2017, 2018). Current scope: a and b. The linear row comes last.
    @Test func reportRows() throws {
        let report = Self.report()
        #expect(report.methods == ["seasonal", "linear"])
        #expect(report.seriesYears[.history] == 5 && report.seriesYears[.current] == 2)
        let history = try #require(report.row(.history, method: "seasonal", month: 6))
        #expect(history.metrics.cases == 5 && history.metrics.brierCases == 3)
        let current = try #require(report.row(.current, method: "linear", month: 6))
        // Linear pace from June: F = 2C; a: 200 vs A = 100·e^0.4, b: 120 vs A = 60·e^0.3.
        let apeA = abs(200 - 100 * exp(0.4)) / (100 * exp(0.4)), apeB = abs(120 - 60 * exp(0.3)) / (60 * exp(0.3))
        #expect(close(current.metrics.meanAbsoluteError, (apeA + apeB) / 2, 1e-12))
        #expect(report.rows.last?.method == "linear")
        // One month only: no "every month" row.
        #expect(report.row(.history, method: "seasonal", month: nil) == nil)
    }

    /// Without a complete assessment year there is no current scope, and a year without month m
    /// is not a case.
    @Test func incompleteYearAndMissingMonth() throws {
        var dataset = BacktestFixtures.absurdYear()
        dataset.settings.asOf = YearMonth(year: 2019, month: 8)
        let report = Backtest(methods: [SeasonalMethod()], months: [6, 9]).run([dataset])
        #expect(report.seriesYears[.current] == 0)
        #expect(report.row(.current, method: "seasonal", month: 6) == nil)
        // No series has September: only June rows, and the all-months row counts the June cases.
        #expect(report.row(.history, method: "seasonal", month: 9) == nil)
        #expect(report.row(.history, method: "seasonal", month: nil)?.metrics.cases == 5)
    }
}
