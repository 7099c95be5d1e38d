import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// Datasets for the standing tests, built in code.
private enum StandingFixtures {
    static let grades = [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                         GradeBand(name: "一般", minimum: 60), GradeBand(name: "较差", minimum: 0)]

    static func indicator(_ id: String, _ category: String, _ measure: Measure, weight: Double = 10) -> Indicator {
        Indicator(id: id, name: id, category: category, measure: measure, unit: "", direction: .higher,
                  weight: weight, leader: "", leadDepartment: "dept", cooperatingDepartments: [], source: "")
    }

    static func dataset(units: Int, indicators: [Indicator], firstYear: Int = 2019, asOf: Int, targets: [Double],
                        reviews: [Review] = [], events: [NegativeEvent] = [],
                        fill: (inout ObservationStore) -> Void) -> Dataset {
        var store = ObservationStore(indicatorCount: indicators.count, unitCount: units, firstYear: firstYear, lastYear: 2019)
        fill(&store)
        let settings = Settings(name: "test", year: 2019, asOf: YearMonth(year: 2019, month: asOf), home: 0, grades: grades)
        return Dataset(directory: "", settings: settings,
                       units: (0..<units).map { AssessedUnit(id: "u\($0)", name: "单位\($0)") },
                       indicators: indicators, targets: targets, observations: store, reviews: reviews, events: events)
    }

    static func engine(_ dataset: Dataset) throws -> StandingEngine {
        try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset), catalog: registeredCategories)
    }

    /// Two units on one rate indicator with no history: the forecast is `naive`, F ~ N(V, 1).
    static func twoUnits() -> Dataset {
        dataset(units: 2, indicators: [indicator("r", "quantitative", .rate)], asOf: 6, targets: [10, 10]) { store in
            store.set(10.0, indicator: 0, unit: 0, year: 2019, month: 6)
            store.set(10.5, indicator: 0, unit: 1, year: 2019, month: 6)
        }
    }
}

private func isClose(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct StandingSimulationTests {
    @Test func rankProbabilityOfTwoUnitsMatchesTheNormalCDF() throws {
        let engine = try StandingFixtures.engine(StandingFixtures.twoUnits())
        let result = engine.simulate(draws: 10_000, seed: 7)
        // Unit 0 ranks first when F₀/10 > F₁/10, F₀ − F₁ ~ N(10 − 10.5, √2):
        // P = Φ(−0.5/√2) = Φ(−0.35355) = 1 − 0.63816 = 0.36184 (standard normal table, z = 0.3536).
        // 10,000 draws: standard error √(0.362 · 0.638 / 10⁴) = 0.0048; allow four of them.
        #expect(abs(result.rankProbabilities[0][0] - 0.36184) < 0.0192)
        #expect(isClose(result.rankProbabilities[0][0] + result.rankProbabilities[0][1], 1))
        #expect(isClose(result.rankProbabilities[0][0] + result.rankProbabilities[1][0], 1))
    }

    @Test func resultsDoNotDependOnTheNumberOfThreads() throws {
        let engine = try StandingFixtures.engine(StandingFixtures.twoUnits())
        let one = engine.simulate(draws: 700, seed: 3, threads: 1, pushes: engine.pushCandidates(unit: 0))
        let two = engine.simulate(draws: 700, seed: 3, threads: 2, pushes: engine.pushCandidates(unit: 0))
        let five = engine.simulate(draws: 700, seed: 3, threads: 5, pushes: engine.pushCandidates(unit: 0))
        for other in [two, five] {
            #expect(one.meanTotals.map(\.bitPattern) == other.meanTotals.map(\.bitPattern))
            #expect(one.p10Totals.map(\.bitPattern) == other.p10Totals.map(\.bitPattern))
            #expect(one.rankProbabilities.flatMap { $0 }.map(\.bitPattern) == other.rankProbabilities.flatMap { $0 }.map(\.bitPattern))
            #expect(one.pushes.map(\.meanTotalGain.bitPattern) == other.pushes.map(\.meanTotalGain.bitPattern))
        }
        let otherSeed = engine.simulate(draws: 700, seed: 4, threads: 1)
        #expect(one.meanTotals.map(\.bitPattern) != otherSeed.meanTotals.map(\.bitPattern))
    }

    @Test func pushingTheTrailingUnitToTheLeaderRaisesItsChancesWithoutNoise() throws {
        let engine = try StandingFixtures.engine(StandingFixtures.twoUnits())
        let pushes = engine.pushCandidates(unit: 0)
        // Unit 0's projected completion is 10/10 = 1.00, the next better is 10.5/10 = 1.05.
        #expect(pushes.count == 1)
        #expect(isClose(pushes[0].completionShift, 0.05))
        #expect(isClose(engine.valueGap(of: pushes[0]) ?? .nan, 0.5))
        let result = engine.simulate(draws: 4_000, seed: 11, pushes: pushes)
        // Pushed, unit 0 draws from N(10.5, 1) like unit 1 and wins half the time. Its rank part moves
        // from weight·0.4·(P(rank 1) + 0.95·P(rank 2)) at P(rank 1) = 0.362 to P(rank 1) ≈ 0.5, a gain of
        // 10·0.4·0.05·(0.5 − 0.362) = 0.028, plus the completion part: 10·0.6·(E min(c', 1) − E min(c, 1)) > 0.
        #expect(result.pushes[0].meanTotalGain > 0.028)
    }
}

/// The registered quantitative category, except that it cannot rescore a draw with a push (the
/// protocol's default `pushedPoints`): the simulation must then draw the pushed rows again.
private struct QuantitativeWithoutRescoring: IndicatorCategory {
    static let id = "quantitative"
    static let displayName = "量化指标"
    static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]
    let inner: any IndicatorCategory

    init(context: ScoringContext, settings: inout SettingsReader) {
        inner = registeredCategories.category(id: Self.id)!.init(context: context, settings: &settings)
    }

    func points(_ scenario: Scenario, push: Push?) -> [[Double]] { inner.points(scenario, push: push) }
    func isRandom(position: Int) -> Bool { inner.isRandom(position: position) }
    func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                        into points: UnsafeMutableBufferPointer<Double>) {
        inner.simulatePoints(position: position, stream: stream, push: push, workspace: workspace, into: points)
    }
}

extension StandingSimulationTests {
    /// Rescoring the draw just made and drawing the row again with the push are the same computation
    /// on the same uniforms: the push effects agree bit for bit.
    @Test func pushesDrawnAgainEqualPushesRescored() throws {
        let dataset = StandingFixtures.twoUnits()
        let forecasts = ForecastEngine().forecastAll(dataset)
        let rescoring = try StandingEngine(dataset: dataset, forecasts: forecasts, catalog: registeredCategories)
        let redrawing = try StandingEngine(dataset: dataset, forecasts: forecasts,
                                           catalog: CategoryCatalog([QuantitativeWithoutRescoring.self]))
        let pushes = rescoring.pushCandidates(unit: 0)
        #expect(pushes.count == 1)
        let a = rescoring.simulate(draws: 1_000, seed: 9, pushes: pushes)
        let b = redrawing.simulate(draws: 1_000, seed: 9, pushes: pushes)
        #expect(a.pushes.map(\.meanTotalGain.bitPattern) == b.pushes.map(\.meanTotalGain.bitPattern))
        #expect(a.pushes.map(\.topGradeProbabilityGain.bitPattern) == b.pushes.map(\.topGradeProbabilityGain.bitPattern))
        #expect(a.meanTotals.map(\.bitPattern) == b.meanTotals.map(\.bitPattern))
        // The push did something: unit 0 gains.
        #expect(a.pushes[0].meanTotalGain > 0)
    }
}

@Suite struct StandingScenarioTests {
    /// One unit, one cumulative indicator: own years June → December 50 → 100 and 40 → 100, this June 30,
    /// target 100.
    private func paceDataset() -> Dataset {
        StandingFixtures.dataset(units: 1, indicators: [StandingFixtures.indicator("q", "quantitative", .cumulative)],
                                 firstYear: 2017, asOf: 6, targets: [100]) { store in
            store.set(50, indicator: 0, unit: 0, year: 2017, month: 6)
            store.set(100, indicator: 0, unit: 0, year: 2017, month: 12)
            store.set(40, indicator: 0, unit: 0, year: 2018, month: 6)
            store.set(100, indicator: 0, unit: 0, year: 2018, month: 12)
            store.set(30, indicator: 0, unit: 0, year: 2019, month: 6)
        }
    }

    @Test func currentStandingScoresThePaceValue() throws {
        let engine = try StandingFixtures.engine(paceDataset())
        // e = (50/100 + 40/100)/2 = 0.45; pace value 30/0.45 = 66.67; c = 0.6667; rank 1 alone:
        // 10·(0.6·0.6667 + 0.4·1) = 8.0.
        #expect(isClose(engine.standing(.current).totals[0], 8.0))
    }

    @Test func projectedStandingScoresThePointForecast() throws {
        let engine = try StandingFixtures.engine(paceDataset())
        // r = ln 2, ln 2.5; F = 30·exp(mean r) = 30·√5 = 67.082; c = 0.67082; 10·(0.6·0.67082 + 0.4) = 8.02492.
        #expect(isClose(engine.standing(.projected).totals[0], 10 * (0.6 * 0.3 * 5.0.squareRoot() + 0.4)))
    }
}

@Suite struct CategoryTests {
    /// Five units, values reported for December (m = 12: the forecast is the value itself).
    private func finalDataset(_ indicators: [Indicator], values: [[Double]], targets: [Double],
                              reviews: [Review] = [], events: [NegativeEvent] = [], asOf: Int = 12,
                              firstYear: Int = 2019) -> Dataset {
        StandingFixtures.dataset(units: values[0].count, indicators: indicators, firstYear: firstYear, asOf: asOf,
                                 targets: targets, reviews: reviews, events: events) { store in
            for (indicator, row) in values.enumerated() {
                for (unit, value) in row.enumerated() where !value.isNaN {
                    store.set(value, indicator: indicator, unit: unit, year: 2019, month: asOf)
                }
            }
            for year in firstYear..<2019 { store.set(1, indicator: 0, unit: 0, year: year, month: 12) }
        }
    }

    @Test func bonusRanksOnlyUnitsThatMeetTheirTarget() throws {
        let bonus = StandingFixtures.indicator("b", "bonus", .rate, weight: 2)
        let engine = try StandingFixtures.engine(finalDataset([bonus], values: [[13, 11, 11, 10.5, 9.5]],
                                                              targets: [10, 10, 10, 10, 10]))
        // Completions 1.3, 1.1, 1.1, 1.05, 0.95 → eligible ranks 1, 2, 2, 4, — → 2·[1.0, 0.6, 0.6, 0, 0].
        let totals = engine.standing(.projected).totals
        for (total, expected) in zip(totals, [2.0, 1.2, 1.2, 0, 0]) { #expect(isClose(total, expected)) }
    }

    @Test func bonusTotalIsCapped() throws {
        let first = StandingFixtures.indicator("b1", "bonus", .rate, weight: 4)
        let second = StandingFixtures.indicator("b2", "bonus", .rate, weight: 4)
        let engine = try StandingFixtures.engine(finalDataset([first, second], values: [[12, 11], [12, 11]],
                                                              targets: [10, 10, 10, 10]))
        // Unit 0 is first on both: 4 + 4 = 8, capped at the default 5; unit 1 second on both: 2.4 + 2.4 = 4.8.
        let standing = engine.standing(.projected)
        #expect(isClose(standing.totals[0], 5))
        #expect(isClose(standing.totals[1], 4.8))
        // The points before the cap stay visible (the ledger's "points won").
        #expect(isClose(standing.points[0], 4))
    }

    @Test func commonScoresTheLatestGradedQuarterOrAssumesB() throws {
        let common = StandingFixtures.indicator("g", "common", .grade, weight: 3)
        let reviews = [
            Review(unit: 0, indicator: 0, quarter: YearQuarter(year: 2019, quarter: 1), plan: true, progress: true, evidence: true, grade: "B", line: 2),
            Review(unit: 0, indicator: 0, quarter: YearQuarter(year: 2019, quarter: 2), plan: true, progress: true, evidence: true, grade: "C", line: 3),
            Review(unit: 1, indicator: 0, quarter: YearQuarter(year: 2019, quarter: 1), plan: true, progress: false, evidence: true, grade: nil, line: 4),
        ]
        let dataset = StandingFixtures.dataset(units: 2, indicators: [common], asOf: 8, targets: [.nan, .nan], reviews: reviews) { _ in }
        let engine = try StandingFixtures.engine(dataset)
        // Unit 0: latest graded Q2 = C → 3·0.75 = 2.25; unit 1: nothing graded → assumed B → 3·0.9 = 2.7.
        let totals = engine.standing(.projected).totals
        #expect(isClose(totals[0], 2.25))
        #expect(isClose(totals[1], 2.7))
        // As of August, Q1 and Q2 are due: unit 1 sent an incomplete Q1 and nothing for Q2.
        let category = try #require(engine.categories.first)
        #expect(category.riskReasons(position: 0, unit: 1).count == 2)
        #expect(category.riskReasons(position: 0, unit: 0).isEmpty)
    }

    @Test func negativeEventsDeductAndAVetoCapsTheGrade() throws {
        let quantity = StandingFixtures.indicator("q", "quantitative", .rate, weight: 100)
        let negative = StandingFixtures.indicator("n", "negative", .events, weight: 0)
        let day = { (month: Int) in CalendarDate(year: 2019, month: month, day: 10) }
        let events = [
            NegativeEvent(date: day(3), unit: 0, indicator: 1, department: nil, points: 0.5, veto: false, description: "", line: 2),
            NegativeEvent(date: day(4), unit: 1, indicator: 1, department: nil, points: 1, veto: true, description: "", line: 3),
            NegativeEvent(date: day(11), unit: 1, indicator: 1, department: nil, points: 9, veto: false, description: "after as_of", line: 4),
        ]
        let dataset = finalDataset([quantity, negative], values: [[10, 10], [.nan, .nan]], targets: [10, 10, .nan, .nan],
                                   events: events, asOf: 8)
        let standing = try StandingFixtures.engine(dataset).standing(.projected)
        // Both complete 100% and tie for rank 1: 100 points; minus 0.5 and 1 (the November event is after as_of).
        #expect(isClose(standing.totals[0], 99.5))
        #expect(isClose(standing.totals[1], 99))
        #expect(standing.grades[0] == 0)
        // 99 would be 优秀, but the veto caps unit 1 at 一般 (band 2).
        #expect(standing.grades[1] == 2)
    }

    @Test func futureNegativeEventsArePoissonWithTheHistoryRate() throws {
        let negative = StandingFixtures.indicator("n", "negative", .events, weight: 0)
        let events = [
            NegativeEvent(date: CalendarDate(year: 2016, month: 5, day: 1), unit: 0, indicator: 0, department: nil, points: 1, veto: false, description: "", line: 2),
            NegativeEvent(date: CalendarDate(year: 2018, month: 5, day: 1), unit: 0, indicator: 0, department: nil, points: 3, veto: false, description: "", line: 3),
            NegativeEvent(date: CalendarDate(year: 2019, month: 2, day: 1), unit: 0, indicator: 0, department: nil, points: 0.5, veto: false, description: "", line: 4),
        ]
        // Observations in 2015–2018 make H = 4 earlier years.
        let dataset = StandingFixtures.dataset(units: 1, indicators: [negative], firstYear: 2015, asOf: 8,
                                               targets: [.nan], events: events) { store in
            for year in 2015...2018 { store.set(1, indicator: 0, unit: 0, year: year, month: 12) }
        }
        let result = try StandingFixtures.engine(dataset).simulate(draws: 20_000, seed: 5)
        // λ = 2/4 · (12 − 8)/12 = 1/6, p̄ = (1 + 3)/2 = 2: E[deduction] = 0.5 + 2/6 = 0.8333.
        // sd of 2·N is 2·√(1/6) = 0.816; over 20,000 draws the standard error is 0.0058: allow 0.025.
        #expect(abs(result.meanTotals[0] + 0.5 + 1.0 / 3) < 0.025)
    }
}
