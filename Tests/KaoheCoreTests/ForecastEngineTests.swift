import Foundation
import Testing
@testable import KaoheCore

private func close(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

/// Datasets built in code (the loader is someone else's work).
enum ForecastFixtures {
    static func indicator(_ id: String, _ category: String, _ measure: Measure, _ direction: Direction = .higher) -> Indicator {
        Indicator(
            id: id, name: id, category: category, measure: measure, unit: "", direction: direction, weight: 10,
            leader: "", leadDepartment: "dept", cooperatingDepartments: [], source: ""
        )
    }

    static func dataset(
        units: [String], indicators: [Indicator], firstYear: Int, year: Int, asOf: Int,
        targets: [Double], fill: (inout ObservationStore) -> Void
    ) -> Dataset {
        var store = ObservationStore(indicatorCount: indicators.count, unitCount: units.count, firstYear: firstYear, lastYear: year)
        fill(&store)
        let settings = Settings(
            name: "test", year: year, asOf: YearMonth(year: year, month: asOf), home: 0,
            grades: [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "较差", minimum: 0)]
        )
        return Dataset(
            directory: "", settings: settings, units: units.map { AssessedUnit(id: $0, name: $0) },
            indicators: indicators, targets: targets, observations: store
        )
    }

    /// Three units a, b, c; indicators: cumulative q1, rate r1 (no history), common grade g1,
    /// negative events n1. History 2016–2018, as of 2019-06.
    ///   q1: C(y,6) = 100, C(y,12) = 100·e^r with r = a: 2017 0.5, 2018 0.6; b: 2018 0.7;
    ///       c: 2017 0.4, 2018 0.8. This year: a 50 (June), b 40 (June), c 30 (April only).
    ///   r1: a 7.5 in May, b nothing this year, c 8.0 in June.
    static func small() -> Dataset {
        let q1 = indicator("q1", "quantitative", .cumulative)
        let r1 = indicator("r1", "new", .rate)
        let g1 = indicator("g1", "common", .grade)
        let n1 = indicator("n1", "negative", .events)
        // targets[indicator · 3 + unit]
        let targets: [Double] = [90, 70, 80, 9, 9, 9, .nan, .nan, .nan, .nan, .nan, .nan]
        return dataset(units: ["a", "b", "c"], indicators: [q1, r1, g1, n1], firstYear: 2016, year: 2019, asOf: 6, targets: targets) { store in
            for (unit, year, r) in [(0, 2017, 0.5), (0, 2018, 0.6), (1, 2018, 0.7), (2, 2017, 0.4), (2, 2018, 0.8)] {
                store.set(100, indicator: 0, unit: unit, year: year, month: 6)
                store.set(100 * exp(r), indicator: 0, unit: unit, year: year, month: 12)
            }
            store.set(45, indicator: 0, unit: 0, year: 2019, month: 5)
            store.set(50, indicator: 0, unit: 0, year: 2019, month: 6)
            store.set(40, indicator: 0, unit: 1, year: 2019, month: 6)
            store.set(30, indicator: 0, unit: 2, year: 2019, month: 4)
            store.set(7.5, indicator: 1, unit: 0, year: 2019, month: 5)
            store.set(8.0, indicator: 1, unit: 2, year: 2019, month: 6)
        }
    }
}

extension ForecastTests {
    @Suite("Forecast engine over a dataset")
    struct Engine {
        /// Unit a, own years r = 0.5, 0.6: mean 0.55, sd = √0.005, σ = √0.005·√1.5 = √0.0075 = 0.0866025,
        /// ν = 1 (t₀.₉,₁ = 3.077684, t₀.₉₇₅,₁ = 12.706205): F = 50·e^0.55 = 86.66265,
        /// lo80 = F·e^(−3.077684σ) = 66.38610, hi95 = F·e^(12.706205σ) = 260.45045.
        /// Unit b (one own year) pools all five unit-years: the numbers of ForecastTests.SpecByHand.pooledFallback
        /// (F = 40·e^0.6, history_years 5). Unit c's latest month is April (stale); nobody has April →
        /// linear F = 30·12/4 = 90. Rate r1 has no history anywhere → naive; b has no r1 data → nulls.
        @Test func smallDataset() {
            let dataset = ForecastFixtures.small()
            let table = ForecastEngine().forecastAll(dataset)
            #expect(table.method == "seasonal")

            let a = table[indicator: 0, unit: 0]
            let sigma = 0.0075.squareRoot(), fa = 50 * exp(0.55)
            #expect(a.method == "seasonal" && a.historyYears == 2 && !a.stale)
            #expect(close(a.forecast, fa, 1e-12) && close(a.forecast, 86.66265, 1e-6))
            #expect(close(a.lo80, fa * exp(-3.077684 * sigma), 1e-6) && close(a.lo80, 66.38610, 1e-6))
            #expect(close(a.hi95, fa * exp(12.706205 * sigma), 1e-6) && close(a.hi95, 260.45045, 1e-6))

            let b = table[indicator: 0, unit: 1]
            let sigmaB = 0.03.squareRoot(), fb = 40 * exp(0.6)
            #expect(b.method == "pooled" && b.historyYears == 5)
            #expect(close(b.forecast, fb, 1e-12) && close(b.lo80, fb * exp(-1.533206 * sigmaB), 1e-6))

            let c = table[indicator: 0, unit: 2]
            #expect(c.method == "linear" && c.stale && c.month == 4 && close(c.forecast, 90, 1e-12))

            #expect(table[indicator: 1, unit: 0].method == "naive" && table[indicator: 1, unit: 0].stale)  // May < June
            #expect(table[indicator: 1, unit: 1] == .noData(target: 9))
            #expect(table[indicator: 1, unit: 2].method == "naive" && !table[indicator: 1, unit: 2].stale)
            for unit in 0..<3 {
                #expect(table[indicator: 2, unit: unit] == .notForecast)
                #expect(table[indicator: 3, unit: unit] == .notForecast)
            }
            // One series, one unit, all: the same numbers.
            #expect(ForecastEngine().forecast(dataset, indicator: 0, unit: 1) == b)
            #expect(ForecastEngine().forecast(dataset, unit: 2) == table.unit(2))
        }

        /// `kaohe status` rows: every indicator, common and negative ones without completion fields.
        /// Unit a, q1: c = 50/90 = 0.5555556, e = (e^−0.5 + e^−0.6)/2 = 0.5776711, gap = −0.0221 → on_track.
        /// r1: V = 7.5, T = 9: c = 0.8333333, e = 1, gap = −0.1667 → behind.
        @Test func statusRows() {
            let rows = ForecastEngine.status(ForecastFixtures.small(), unit: 0)
            #expect(rows.map(\.indicatorID) == ["q1", "r1", "g1", "n1"])
            #expect(rows.map(\.category) == ["quantitative", "new", "common", "negative"])
            let q1 = rows[0]
            #expect(close(q1.actual, 50) && close(q1.target, 90))
            #expect(close(q1.completion, 50.0 / 90, 1e-12))
            #expect(close(q1.expected, (exp(-0.5) + exp(-0.6)) / 2, 1e-12) && close(q1.expected, 0.5776711, 1e-6))
            #expect(close(q1.gap, 50.0 / 90 - (exp(-0.5) + exp(-0.6)) / 2, 1e-12))
            #expect(q1.state == .onTrack && q1.expectedSource == "seasonal" && !q1.stale)
            let r1 = rows[1]
            #expect(close(r1.completion, 7.5 / 9, 1e-12) && r1.expected == 1 && r1.state == .behind && r1.stale)
            for row in rows[2...] {
                #expect(row.actual == nil && row.target == nil && row.completion == nil && row.expected == nil)
                #expect(row.gap == nil && row.state == nil && !row.stale)
            }
            // Unit b has no r1 data: nulls, stale.
            let b = ForecastEngine.status(ForecastFixtures.small(), unit: 1)[1]
            #expect(b.actual == nil && b.completion == nil && b.state == nil && b.stale && close(b.target, 9))
        }

        /// A backtest hides a year by building the context from earlier years only: 2018 "as of June"
        /// seen from 2017 alone. Unit a has one year (2017, r = 0.5) → pooled over 2016–2017: a's 0.5 and
        /// c's 0.4 → mean 0.45; C(2018,6) = 100 → F = 100·e^0.45.
        @Test func hiddenYearContext() {
            let dataset = ForecastFixtures.small()
            let store = dataset.observations
            let peers = PeerHistory(store: store, indicator: 0, years: 2016..<2018, measure: .cumulative)
            let result = store.values.withUnsafeBufferPointer { values in
                let base = store.offset(indicator: 0, unit: 0, year: 2016)
                return SeasonalMethod().forecast(SeriesContext(
                    measure: .cumulative, direction: .higher, target: 150, settings: .init(), asOfMonth: 6,
                    current: UnsafeBufferPointer(rebasing: values[(base + 24)..<(base + 36)]),
                    history: UnsafeBufferPointer(rebasing: values[base..<(base + 24)]), peers: peers, seed: 1
                ))
            }
            #expect(result.method == "pooled" && result.historyYears == 2)
            #expect(close(result.forecast, 100 * exp(0.45), 1e-12))
        }

        /// The partition into parallel blocks does not change a single bit, and neither does ETS's
        /// simulation (seeded per series).
        @Test func identicalWhateverTheBlocks() {
            let dataset = ForecastBenchmark.synthetic(units: 97, indicators: 7, historyYears: 6, asOf: 8)
            var one = ForecastEngine()
            one.blockSize = 1
            var many = ForecastEngine()
            many.blockSize = 1000
            var odd = ForecastEngine()
            odd.blockSize = 13
            let reference = one.forecastAll(dataset)
            #expect(many.forecastAll(dataset).forecasts == reference.forecasts)
            #expect(odd.forecastAll(dataset).forecasts == reference.forecasts)
            #expect(reference.forecasts.allSatisfy { $0.forecast?.isFinite ?? true })

            var ets = ForecastEngine(method: ETSMethod(simulationPaths: 200))
            ets.blockSize = 1
            let small = ForecastBenchmark.synthetic(units: 3, indicators: 2, historyYears: 4, asOf: 5)
            let first = ets.forecastAll(small)
            ets.blockSize = 4
            #expect(ets.forecastAll(small).forecasts == first.forecasts)
            #expect(first.forecasts.allSatisfy { $0.method?.hasPrefix("ets") ?? false })
            #expect(first.forecasts.contains { $0.method == "ets" })
        }

        @Test func seedsAreStable() {
            // FNV-1a 64 of "q1\u{1F}a": fixed forever (offset basis 0xcbf29ce484222325, prime 0x100000001b3).
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in Array("q1".utf8) + [0x1f] + Array("a".utf8) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            #expect(ForecastEngine.seed(indicatorID: "q1", unitID: "a") == hash)
            #expect(ForecastEngine.seed(indicatorID: "q1", unitID: "a") != ForecastEngine.seed(indicatorID: "q1a", unitID: ""))
        }
    }
}

/// A synthetic dataset in memory and the timing of `forecastAll` on the brief's scale.
enum ForecastBenchmark {
    /// `units` × `indicators` (every fifth a rate, the rest cumulative) × (`historyYears` + the
    /// current year), a few gaps, deterministic.
    static func synthetic(units: Int, indicators: Int, historyYears: Int, asOf: Int) -> Dataset {
        let year = 2019, firstYear = year - historyYears
        let list = (0..<indicators).map { index in
            ForecastFixtures.indicator("i\(index)", "quantitative", index % 5 == 4 ? .rate : .cumulative)
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var targets = [Double](repeating: .nan, count: indicators * units)
        let dataset = ForecastFixtures.dataset(
            units: (0..<units).map { "u\($0)" }, indicators: list, firstYear: firstYear, year: year, asOf: asOf,
            targets: []
        ) { store in
            for i in 0..<indicators {
                let rate = list[i].measure == .rate
                for u in 0..<units {
                    let scale = 50 + 100 * uniform()
                    for y in firstYear...year {
                        if uniform() < 0.03 { continue }  // a missing year
                        var total = 0.0
                        let last = y == year ? asOf : 12
                        for month in 1...last {
                            if rate {
                                store.set(6 + 2 * uniform(), indicator: i, unit: u, year: y, month: month)
                            } else {
                                total += scale * (0.8 + 0.4 * uniform()) * (1 + 0.05 * Double(y - firstYear))
                                if month == 1, uniform() < 0.3 { continue }  // January reported with February
                                store.set(total, indicator: i, unit: u, year: y, month: month)
                            }
                        }
                    }
                    targets[i * units + u] = rate ? 7 : scale * 12 * 1.3
                }
            }
        }
        var result = dataset
        result.targets = targets
        return result
    }

    /// 3,000 units × 60 indicators × 6 history years with `seasonal`: run with
    /// `KAOHE_FORECAST_BENCHMARK=1 swift test --filter ForecastTests.Benchmark` (ideally
    /// `-c release -Xswiftc -enable-testing`); prints the timings.
    static var enabled: Bool { ProcessInfo.processInfo.environment["KAOHE_FORECAST_BENCHMARK"] != nil }
}

extension ForecastTests {
    @Suite("Forecast benchmark", .enabled(if: ForecastBenchmark.enabled))
    struct Benchmark {
        @Test func nationalScale() {
            let clock = ContinuousClock()
            var dataset: Dataset?
            let build = clock.measure { dataset = ForecastBenchmark.synthetic(units: 3000, indicators: 60, historyYears: 6, asOf: 8) }
            var table: ForecastTable?
            let engine = ForecastEngine()
            let run = clock.measure { table = engine.forecastAll(dataset!) }
            let again = clock.measure { table = engine.forecastAll(dataset!) }
            let methods = Dictionary(grouping: table!.forecasts, by: { $0.method ?? "none" }).mapValues(\.count)
            print("forecast benchmark: build \(build), forecastAll \(run), again \(again); methods \(methods)")
            #expect(table!.forecasts.count == 180_000)
            // One history year: every series pools its indicator's 3,000 unit-years.
            let pooled = ForecastBenchmark.synthetic(units: 3000, indicators: 60, historyYears: 1, asOf: 8)
            let pooledRun = clock.measure { table = engine.forecastAll(pooled) }
            let pooledMethods = Dictionary(grouping: table!.forecasts, by: { $0.method ?? "none" }).mapValues(\.count)
            print("forecast benchmark, pooled: forecastAll \(pooledRun); methods \(pooledMethods)")
            // The home unit with ETS.
            let ets = ForecastEngine(method: ETSMethod())
            var home: [YearEndForecast] = []
            let etsRun = clock.measure { home = ets.forecast(dataset!, unit: 0) }
            let etsMethods = Dictionary(grouping: home, by: { $0.method ?? "none" }).mapValues(\.count)
            print("forecast benchmark, ets for one unit (60 indicators): \(etsRun); methods \(etsMethods)")
        }
    }
}
