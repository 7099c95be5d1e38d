import GSL
import KaoheCategories
import Testing
@testable import KaoheCore

/// Datasets for the peer-table tests, built in code: one indicator, 2019 data only (unless a test adds
/// history), every unit's value set at one month.
private enum CompareFixtures {
    static let grades = [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                         GradeBand(name: "一般", minimum: 60), GradeBand(name: "较差", minimum: 0)]

    static func indicator(_ measure: Measure = .rate, direction: Direction = .higher) -> Indicator {
        Indicator(id: "x", name: "指标X", category: "quantitative", measure: measure, unit: "亿元", direction: direction,
                  weight: 10, leader: "", leadDepartment: "甲局", cooperatingDepartments: [], source: "")
    }

    /// `values[u]` reported for month `asOf` of 2019 (NaN: no data), one indicator, home = unit 0.
    static func dataset(values: [Double], targets: [Double], indicator: Indicator = indicator(), asOf: Int = 12,
                        firstYear: Int = 2019, fill: (inout ObservationStore) -> Void = { _ in }) -> Dataset {
        var store = ObservationStore(indicatorCount: 1, unitCount: values.count, firstYear: firstYear, lastYear: 2019)
        for (unit, value) in values.enumerated() where !value.isNaN {
            store.set(value, indicator: 0, unit: unit, year: 2019, month: asOf)
        }
        fill(&store)
        let settings = Settings(name: "test", year: 2019, asOf: YearMonth(year: 2019, month: asOf), home: 0, grades: grades)
        return Dataset(directory: "", settings: settings,
                       units: values.indices.map { AssessedUnit(id: "u\($0)", name: "单位\($0)") },
                       indicators: [indicator], targets: targets, observations: store)
    }

    static func table(_ dataset: Dataset, focus: Int = 0) -> PeerTable {
        let forecasts = ForecastEngine().forecastAll(dataset)
        return PeerComparison.tables(dataset, forecasts: forecasts, focus: focus)[0]
    }
}

private func isClose(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct ComparePeerTableTests {
    /// Five units with data and one without, target 10: values 9, 11, 10, 10, 8, — →
    /// completions 0.9, 1.1, 1.0, 1.0, 0.8, —.
    private func fiveAndOneMissing() -> PeerTable {
        CompareFixtures.table(CompareFixtures.dataset(values: [9, 11, 10, 10, 8, .nan], targets: Array(repeating: 10, count: 6)))
    }

    @Test func ranksByCompletionWithTiesSharingTheBetterRankAndMissingLast() {
        let table = fiveAndOneMissing()
        // Best first: u1 (1.1) 1; u2, u3 (1.0) share 2; u0 (0.9) 4; u4 (0.8) 5; u5 (no data) 6.
        #expect(table.rows.map(\.rank) == [4, 1, 2, 2, 5, 6])
        #expect(table.order == [1, 2, 3, 0, 4, 5])
        #expect(table.rows[5].completion == nil)
        #expect(table.rows[5].value == nil)
        #expect(table.rows[5].stale)
        #expect(table.unitsWithData == 5)
    }

    @Test func zScoresUseTheSampleStandardDeviation() {
        let table = fiveAndOneMissing()
        // mean = (0.9 + 1.1 + 1.0 + 1.0 + 0.8)/5 = 4.8/5 = 0.96; deviations −0.06, 0.14, 0.04, 0.04, −0.16;
        // squares 0.0036 + 0.0196 + 0.0016 + 0.0016 + 0.0256 = 0.052; s = √(0.052/4) = √0.013 = 0.114017543.
        let s = 0.013.squareRoot()
        #expect(isClose(table.rows[0].z, -0.06 / s))   // −0.526235
        #expect(isClose(table.rows[1].z, 0.14 / s))    //  1.227881
        #expect(isClose(table.rows[2].z, 0.04 / s))    //  0.350823
        #expect(isClose(table.rows[4].z, -0.16 / s))   // −1.403293
        #expect(isClose(table.rows[0].z, -0.526235, 1e-5))
        #expect(table.rows[5].z == nil)
    }

    @Test func percentilesInterpolateBetweenOrderStatisticsWithTiesAtTheMidpoint() throws {
        let table = fiveAndOneMissing()
        // Sorted ascending: 0.8 (position 0), 0.9 (1), 1.0 (2 and 3), 1.1 (4); n − 1 = 4.
        // u4 → 0/4 = 0; u0 → 1/4 = 0.25; u2, u3 → midpoint 2.5/4 = 0.625; u1 → 4/4 = 1.
        #expect(isClose(table.rows[4].percentile, 0))
        #expect(isClose(table.rows[0].percentile, 0.25))
        #expect(isClose(table.rows[2].percentile, 0.625))
        #expect(isClose(table.rows[3].percentile, 0.625))
        #expect(isClose(table.rows[1].percentile, 1))
        #expect(table.rows[5].percentile == nil)
        // And each is a p with Q(p) = c for GSL's quantile: Q(0.625) = x₂ + 0.5·(x₃ − x₂) = 1.0.
        let sorted = Statistics.sorted([0.9, 1.1, 1.0, 1.0, 0.8])
        for row in table.rows.prefix(5) {
            let p = try #require(row.percentile)
            #expect(isClose(try Statistics.quantile(sorted: sorted, probability: p), try #require(row.completion)))
        }
    }

    @Test func fourDistinctUnitsByHand() {
        // Completions 0.5, 1.5, 1.0, 2.0 (n = 4): mean 1.25; deviations −0.75, 0.25, −0.25, 0.75;
        // Σ squares = 0.5625·2 + 0.0625·2 = 1.25; s = √(1.25/3) = 0.645497.
        // z = −1.161895, 0.387298, −0.387298, 1.161895. Percentiles: positions 0, 2, 1, 3 of 0…3.
        let z = PeerComparison.zScores([0.5, 1.5, 1.0, 2.0])
        let s = (1.25 / 3).squareRoot()
        #expect(isClose(z[0], -0.75 / s))
        #expect(isClose(z[0], -1.161895, 1e-5))
        #expect(isClose(z[3], 1.161895, 1e-5))
        let p = PeerComparison.percentiles([0.5, 1.5, 1.0, 2.0])
        #expect(isClose(p[0], 0))
        #expect(isClose(p[1], 2.0 / 3))
        #expect(isClose(p[2], 1.0 / 3))
        #expect(isClose(p[3], 1))
    }

    @Test func zIsNullForFewerThanTwoUnitsOrNoSpread() {
        // One unit with data: no sd; its percentile is the midpoint of [0, 1].
        #expect(PeerComparison.zScores([1.2, nil, nil]).allSatisfy { $0 == nil })
        #expect(isClose(PeerComparison.percentiles([1.2, nil, nil])[0], 0.5))
        // All equal (within rule 9's 1e-9): s = 0 or rounding noise → z null; everyone at the midpoint 0.5.
        #expect(PeerComparison.zScores([1.0, 1.0, 1.0 + 1e-13]).allSatisfy { $0 == nil })
        #expect(PeerComparison.percentiles([1.0, 1.0, 1.0]).allSatisfy { isClose($0, 0.5) })
        let table = CompareFixtures.table(CompareFixtures.dataset(values: [10, .nan], targets: [10, 10]))
        #expect(table.rows[0].z == nil)
        #expect(table.rows[0].rank == 1)
        #expect(table.rows[1].rank == 2)
    }

    @Test func gapToTheNextBetterAndTheLeaderWhenMoreIsBetter() {
        // Focus u0: value 18 of target 20 → 0.9. Others (target 10): 11 → 1.1, 10 → 1.0, 10 → 1.0, 8 → 0.8.
        let dataset = CompareFixtures.dataset(values: [18, 11, 10, 10, 8], targets: [20, 10, 10, 10, 10])
        let table = CompareFixtures.table(dataset)
        // Next better: the lowest completion above 0.9 is 1.0 (u2, the first of the tie): 0.1 behind;
        // it takes 1.0·20 = 20, i.e. 2 more. Leader u1 at 1.1: 0.2 behind; 1.1·20 − 18 = 4 more.
        #expect(table.gapToNext?.unit == 2)
        #expect(isClose(table.gapToNext?.completion, 0.1))
        #expect(isClose(table.gapToNext?.value, 2))
        #expect(table.gapToLeader?.unit == 1)
        #expect(isClose(table.gapToLeader?.completion, 0.2))
        #expect(isClose(table.gapToLeader?.value, 4))
    }

    @Test func gapWhenLessIsBetterIsHowMuchLess() {
        // Lower is better, level: focus u0 value 3.6 of target 3 → c = 3/3.6 = 0.8333; u1 4 of 5 → 1.25;
        // u2 5 of 5 → 1.0; u3 8 of 5 → 0.625.
        let indicator = CompareFixtures.indicator(.level, direction: .lower)
        let table = CompareFixtures.table(CompareFixtures.dataset(values: [3.6, 4, 5, 8], targets: [3, 5, 5, 5],
                                                                  indicator: indicator))
        #expect(table.rows.map(\.rank) == [3, 1, 2, 4])
        // Next better u2 (1.0): 1 − 0.8333 = 0.16667; value at c = 1.0 is 3/1.0 = 3: 3 − 3.6 = −0.6 (0.6 less).
        #expect(table.gapToNext?.unit == 2)
        #expect(isClose(table.gapToNext?.completion, 1.0 / 6))
        #expect(isClose(table.gapToNext?.value, -0.6))
        // Leader u1 (1.25): 3/1.25 = 2.4: 2.4 − 3.6 = −1.2.
        #expect(table.gapToLeader?.unit == 1)
        #expect(isClose(table.gapToLeader?.value, -1.2))
    }

    @Test func theLeaderAndAUnitWithoutDataHaveNoGaps() {
        let dataset = CompareFixtures.dataset(values: [12, 11, .nan], targets: [10, 10, 10])
        let leader = CompareFixtures.table(dataset, focus: 0)
        #expect(leader.gapToNext == nil)
        #expect(leader.gapToLeader == nil)
        let missing = CompareFixtures.table(dataset, focus: 2)
        #expect(missing.gapToNext == nil)
        #expect(missing.gapToLeader == nil)
        // Sharing the lead (within 1e-9) is leading too.
        let tied = CompareFixtures.table(CompareFixtures.dataset(values: [11, 11 * (1 + 1e-12)], targets: [10, 10]))
        #expect(tied.rows.map(\.rank) == [1, 1])
        #expect(tied.gapToNext == nil)
    }

    @Test func projectedCompletionAndRankComeFromTheForecasts() {
        // Rate, as of June. u0's own years: June 8 → December 9 (d = 1) and 8 → 10 (d = 2): F = 9 + 1.5 = 10.5.
        // u1's own years: 8 → 8 and 9 → 9 (d = 0, 0): F = 10 + 0 = 10. Targets 10.
        let dataset = CompareFixtures.dataset(values: [9, 10], targets: [10, 10], asOf: 6, firstYear: 2017) { store in
            store.set(8, indicator: 0, unit: 0, year: 2017, month: 6)
            store.set(9, indicator: 0, unit: 0, year: 2017, month: 12)
            store.set(8, indicator: 0, unit: 0, year: 2018, month: 6)
            store.set(10, indicator: 0, unit: 0, year: 2018, month: 12)
            store.set(8, indicator: 0, unit: 1, year: 2017, month: 6)
            store.set(8, indicator: 0, unit: 1, year: 2017, month: 12)
            store.set(9, indicator: 0, unit: 1, year: 2018, month: 6)
            store.set(9, indicator: 0, unit: 1, year: 2018, month: 12)
        }
        let table = CompareFixtures.table(dataset)
        // Now: 0.9 vs 1.0 → ranks 2, 1. Projected: 1.05 vs 1.0 → ranks 1, 2.
        #expect(table.rows.map(\.rank) == [2, 1])
        #expect(isClose(table.rows[0].projectedValue, 10.5))
        #expect(isClose(table.rows[0].projectedCompletion, 1.05))
        #expect(isClose(table.rows[1].projectedCompletion, 1.0))
        #expect(table.rows.map(\.projectedRank) == [1, 2])
        #expect(table.rows.map(\.month) == [6, 6])
        #expect(isClose(table.rows[0].value, 9))
    }

    @Test func onlyCumulativeRateAndLevelIndicatorsAreCompared() {
        let grade = Indicator(id: "g", name: "共性", category: "common", measure: .grade, unit: "", direction: .higher,
                              weight: 3, leader: "", leadDepartment: "甲局", cooperatingDepartments: [], source: "")
        var dataset = CompareFixtures.dataset(values: [9, 10], targets: [10, 10])
        dataset.indicators.append(grade)
        dataset.targets += [.nan, .nan]
        var store = ObservationStore(indicatorCount: 2, unitCount: 2, firstYear: 2019, lastYear: 2019)
        store.set(9, indicator: 0, unit: 0, year: 2019, month: 12)
        store.set(10, indicator: 0, unit: 1, year: 2019, month: 12)
        dataset.observations = store
        let tables = PeerComparison.tables(dataset, forecasts: ForecastEngine().forecastAll(dataset))
        #expect(tables.map(\.indicator) == [0])
    }
}
