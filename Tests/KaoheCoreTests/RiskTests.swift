import KaoheCategories
import Testing
@testable import KaoheCore

/// Small datasets built by hand for the risk rules (dataset.md, "Risks"; reading rules 9 and 14).
private enum RiskFixtures {
    static let grades = [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                         GradeBand(name: "一般", minimum: 60), GradeBand(name: "较差", minimum: 0)]

    static func indicator(_ id: String, _ category: String = "quantitative", _ measure: Measure = .rate,
                          weight: Double = 10) -> Indicator {
        Indicator(id: id, name: "指标\(id)", category: category, measure: measure, unit: "%", direction: .higher,
                  weight: weight, leader: "李副县长", leadDepartment: "县统计局", cooperatingDepartments: ["县发改局"],
                  source: "")
    }

    /// `units` units, home = unit 0, as of June 2019; `fill` sets the observations.
    static func dataset(units: Int, indicators: [Indicator], firstYear: Int = 2019, targets: [Double],
                        reviews: [Review] = [], events: [NegativeEvent] = [],
                        fill: (inout ObservationStore) -> Void) -> Dataset {
        var store = ObservationStore(indicatorCount: indicators.count, unitCount: units, firstYear: firstYear, lastYear: 2019)
        fill(&store)
        let settings = Settings(name: "risk test", year: 2019, asOf: YearMonth(year: 2019, month: 6), home: 0, grades: grades)
        return Dataset(directory: "", settings: settings,
                       units: (0..<units).map { AssessedUnit(id: "u\($0)", name: "单位\($0)") },
                       indicators: indicators, targets: targets, observations: store, reviews: reviews, events: events)
    }

    static func risks(_ dataset: Dataset) throws -> RiskAssessment {
        let engine = try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                        catalog: registeredCategories)
        return RiskAssessment(engine: engine)
    }

    /// One rate indicator, target 10 for everyone, June values `values` (unit 0 = home), no history:
    /// every forecast is `naive`, F = V with σ = default_sd = 1 (normal), so p_meet = Φ(V − 10).
    static func rate(_ values: [Double?], month: [Int]? = nil) -> Dataset {
        dataset(units: values.count, indicators: [indicator("r")], targets: values.map { _ in 10 }) { store in
            for (unit, value) in values.enumerated() {
                guard let value else { continue }
                store.set(value, indicator: 0, unit: unit, year: 2019, month: month?[unit] ?? 6)
            }
        }
    }

    static func status(gap: Double?, stale: Bool = false, month: Int? = 6) -> ProgressStatus {
        ProgressStatus(indicator: 0, indicatorID: "r", category: "quantitative", month: month, actual: 9,
                       target: 10, completion: gap.map { 1 + $0 }, expected: 1, gap: gap,
                       state: nil, expectedSource: nil, stale: stale)
    }
}

@Suite struct RiskRuleTests {
    @Test func pMeetBelowSupervisionIsOneSupervisionReason() throws {
        // Home V = 9.6 against 10: F = 9.6, σ = 1, p_meet = Φ(−0.4) = 0.3446 (normal table) < 0.5.
        // Peers at 9.0 and 9.2 are worse, so the home ranks first; its gap is 0.96 − 1 = −0.04, not
        // beyond −0.05; its data is current. The p_meet reason must come once, as supervision (rule 14).
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([9.6, 9.0, 9.2]))
        #expect(assessment.risks.count == 1)
        let risk = try #require(assessment.risks.first)
        #expect(risk.level == .supervision)
        #expect(risk.reasons.map(\.code) == ["p_meet"])
        #expect(risk.reasons.map(\.level) == [.supervision])
        #expect(risk.reasons[0].text == "预计年底完成率 96.0%，达标概率 34%")
        #expect(abs((risk.pMeet ?? .nan) - 0.3446) < 1e-4)
    }

    @Test func pMeetBetweenTheThresholdsIsAWarning() throws {
        // Home V = 10.5: p_meet = Φ(0.5) = 0.6915, between 0.5 and 0.8; it leads (peers 9, 9.2).
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([10.5, 9.0, 9.2]))
        let risk = try #require(assessment.risks.first)
        #expect(risk.level == .warning)
        #expect(risk.reasons.map(\.code) == ["p_meet"])
        #expect(risk.reasons[0].text == "预计年底完成率 105.0%，达标概率 69%")
    }

    @Test func aSafeIndicatorIsNotListed() throws {
        // V = 11: p_meet = Φ(1) = 0.8413 ≥ 0.8, ahead of time progress, first of three.
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([11, 9.0, 9.2]))
        #expect(assessment.risks.isEmpty)
    }

    @Test func bottomThirdByProjectedCompletionCallsForSupervision() throws {
        // Completions 1.2, 1.3, 1.4: the home is third of three (3 > 2·3/3 = 2); p_meet = Φ(2) = 0.977.
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([12, 13, 14]))
        let risk = try #require(assessment.risks.first)
        #expect(risk.level == .supervision)
        #expect(risk.reasons.map(\.code) == ["projected_rank"])
        #expect(risk.reasons[0].text == "按预计完成率排名第3位（共3个单位），处于后三分之一")
        #expect(risk.projectedRank == 3)
        // Second of three is not in the bottom third (2 ≤ 2).
        #expect(try RiskFixtures.risks(RiskFixtures.rate([13, 12, 14])).risks.isEmpty)
    }

    @Test func bottomThirdBoundaryIsStrict() {
        let status = RiskFixtures.status(gap: 0)
        func codes(rank: Int, of n: Int) -> [String] {
            RiskAssessment.genericReasons(measure: .rate, status: status, pMeet: 0.99, projectedCompletion: 1.1,
                                          projectedRank: rank, unitCount: n, asOfMonth: 6, risk: RiskSettings())
                .map(\.code)
        }
        // n = 6: 2n/3 = 4 exactly; rank 4 is not beyond it, rank 5 is.
        #expect(codes(rank: 4, of: 6).isEmpty)
        #expect(codes(rank: 5, of: 6) == ["projected_rank"])
        // n = 10: 2n/3 = 6.67; rank 7 is in the bottom third, rank 6 is not.
        #expect(codes(rank: 6, of: 10).isEmpty)
        #expect(codes(rank: 7, of: 10) == ["projected_rank"])
        // A lone unit has nobody to trail.
        #expect(codes(rank: 1, of: 1).isEmpty)
    }

    @Test func thresholdsIgnoreDifferencesBelowTheTolerance() {
        let settings = RiskSettings()  // warning 0.8, supervision 0.5, behind 0.05
        func reasons(pMeet: Double, gap: Double = 0) -> [RiskReason] {
            RiskAssessment.genericReasons(measure: .rate, status: RiskFixtures.status(gap: gap), pMeet: pMeet,
                                          projectedCompletion: 1, projectedRank: 1, unitCount: 3, asOfMonth: 6,
                                          risk: settings)
        }
        // 1e-12 below a threshold is equal to it (rule 9): not below.
        #expect(reasons(pMeet: 0.5 - 1e-12).map(\.level) == [.warning])
        #expect(reasons(pMeet: 0.8 - 1e-12).isEmpty)
        #expect(reasons(pMeet: 0.5).map(\.level) == [.warning])
        // 1e-6 below is below.
        #expect(reasons(pMeet: 0.5 - 1e-6).map(\.level) == [.supervision])
        #expect(reasons(pMeet: 0.8 - 1e-6).map(\.level) == [.warning])
        // The same for the progress gap against −behind_progress.
        #expect(reasons(pMeet: 0.9, gap: -0.05 - 1e-12).isEmpty)
        #expect(reasons(pMeet: 0.9, gap: -0.05).isEmpty)
        #expect(reasons(pMeet: 0.9, gap: -0.05 - 1e-6).map(\.code) == ["behind_progress"])
    }

    @Test func behindTimeProgressIsAWarningWithTheGapInPoints() throws {
        // Home rate 9.4 against 10 (e = 1 for rates): gap −0.06, beyond −0.05. Its own two history years
        // rose by 1.9 and 2.1 from June to December: F = 9.4 + 2 = 11.4, σ = 0.1414·√1.5 = 0.1732,
        // t with 1 dof: p_meet = P(t₁ ≥ −8.08) = 0.5 + atan(8.08)/π = 0.961. The peers (V = 9, pooled:
        // F = 11, c = 1.1) are behind it, so it ranks first.
        let indicators = [RiskFixtures.indicator("r")]
        let dataset = RiskFixtures.dataset(units: 3, indicators: indicators, firstYear: 2017, targets: [10, 10, 10]) { store in
            store.set(8.0, indicator: 0, unit: 0, year: 2017, month: 6)
            store.set(9.9, indicator: 0, unit: 0, year: 2017, month: 12)
            store.set(8.5, indicator: 0, unit: 0, year: 2018, month: 6)
            store.set(10.6, indicator: 0, unit: 0, year: 2018, month: 12)
            store.set(9.4, indicator: 0, unit: 0, year: 2019, month: 6)
            store.set(9.0, indicator: 0, unit: 1, year: 2019, month: 6)
            store.set(9.0, indicator: 0, unit: 2, year: 2019, month: 6)
        }
        let assessment = try RiskFixtures.risks(dataset)
        let risk = try #require(assessment.risks.first)
        #expect(abs((risk.pMeet ?? .nan) - 0.961) < 1e-3)
        #expect(risk.level == .warning)
        #expect(risk.reasons.map(\.code) == ["behind_progress"])
        #expect(risk.reasons[0].text == "落后时序进度 6.0 个百分点（完成率 94.0%，时序进度 100.0%）")
    }

    @Test func staleDataIsAWarningNamingTheMonths() throws {
        // The home reported April only (as_of June): V = 11, p_meet = Φ(1) = 0.84, first of three.
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([11, 9, 9.2], month: [4, 6, 6]))
        let risk = try #require(assessment.risks.first)
        #expect(risk.level == .warning)
        #expect(risk.reasons.map(\.code) == ["stale"])
        #expect(risk.reasons[0].text == "数据停留在4月，未更新到6月")
    }

    @Test func noDataThisYearRanksLastAndIsStale() throws {
        // Rule 8: no p_meet, ranks after every unit with data (3 of 3), stale.
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([nil, 9, 9.2]))
        let risk = try #require(assessment.risks.first)
        #expect(risk.pMeet == nil)
        #expect(risk.level == .supervision)
        #expect(risk.reasons.map(\.code) == ["projected_rank", "stale"])
        #expect(risk.reasons[0].text.hasPrefix("本年无数据，按预计完成率排名第3位"))
        #expect(risk.reasons[1].text == "本年尚无数据，应更新到6月")
    }

    @Test func everyReasonThatAppliesIsListedAndTheWorstLevelWins() throws {
        // V = 8.5 of 10: p_meet = Φ(−1.5) = 0.067 (supervision), gap −0.15 (warning), third of three
        // (supervision).
        let assessment = try RiskFixtures.risks(RiskFixtures.rate([8.5, 9, 9.2]))
        let risk = try #require(assessment.risks.first)
        #expect(risk.level == .supervision)
        #expect(risk.reasons.map(\.code) == ["p_meet", "projected_rank", "behind_progress"])
        #expect(risk.reasons.map(\.level) == [.supervision, .supervision, .warning])
        #expect(risk.reasons.filter { $0.code == "p_meet" }.count == 1)
    }

    @Test func categoryReasonsAreAddedOnceBesideTheGenericOnes() throws {
        // A common indicator with no review (Q1 and Q2 due by June), a negative-list indicator with one
        // deduction this year, a new cumulative indicator with no history (linear fallback).
        let indicators = [RiskFixtures.indicator("c", "common", .grade, weight: 5),
                          RiskFixtures.indicator("n", "negative", .events, weight: 0),
                          RiskFixtures.indicator("x", "new", .cumulative, weight: 4)]
        let event = NegativeEvent(date: CalendarDate(year: 2019, month: 3, day: 2), unit: 0, indicator: 1,
                                  department: nil, points: 0.5, veto: false, description: "事故", line: 2)
        let reviews = (1...2).map { q in
            [1, 2].map { unit in
                Review(unit: unit, indicator: 0, quarter: YearQuarter(year: 2019, quarter: q), plan: true,
                       progress: true, evidence: true, grade: "B", line: 2)
            }
        }.flatMap { $0 }
        let dataset = RiskFixtures.dataset(units: 3, indicators: indicators, targets: [.nan, .nan, .nan, .nan, .nan, .nan, 10, 10, 10],
                                           reviews: reviews, events: [event]) { store in
            // Cumulative: June C = 6 of 10 for everybody: linear F = 12, p_meet = P(ln F' ≥ ln 10) with
            // σ = 0.1: 1 − Φ(−1.82) = 0.966; all tie, so all rank first; e = 6/12 = 0.5, gap +0.1.
            for unit in 0..<3 { store.set(6, indicator: 2, unit: unit, year: 2019, month: 6) }
        }
        let assessment = try RiskFixtures.risks(dataset)
        #expect(assessment.risks.map(\.indicator) == [1, 0, 2])  // supervision first
        let negative = try #require(assessment.risk(indicator: 1))
        #expect(negative.level == .supervision)
        #expect(negative.reasons.map(\.code) == ["deduction"])
        let common = try #require(assessment.risk(indicator: 0))
        #expect(common.level == .warning)
        #expect(common.reasons.map(\.code) == ["missing_submission", "missing_submission"])
        let new = try #require(assessment.risk(indicator: 2))
        #expect(new.level == .warning)
        #expect(new.reasons.map(\.code) == ["fallback_forecast"])
    }

    @Test func aVetoCallsForSupervisionWithItsOwnCode() throws {
        let indicators = [RiskFixtures.indicator("n", "negative", .events, weight: 0)]
        let event = NegativeEvent(date: CalendarDate(year: 2019, month: 5, day: 9), unit: 0, indicator: 0,
                                  department: "县应急管理局", points: 2, veto: true, description: "较大事故", line: 2)
        let dataset = RiskFixtures.dataset(units: 2, indicators: indicators, targets: [.nan, .nan], events: [event]) { _ in }
        let risk = try #require(try RiskFixtures.risks(dataset).risks.first)
        #expect(risk.level == .supervision)
        #expect(risk.reasons.map(\.code) == ["veto"])
    }

    @Test func probabilitiesNearTheEndsAreNeverRoundedToCertainty() {
        #expect(RiskText.probability(0.004) == "不足1%")
        #expect(RiskText.probability(0.996) == "超过99%")
        #expect(RiskText.probability(0) == "0%")
        #expect(RiskText.probability(1) == "100%")
        #expect(RiskText.probability(0.125) == "13%")  // 12.5: half away from zero
        #expect(RiskText.percent(0.9375) == "93.8%")  // 93.75
        #expect(RiskText.points(-0.0625) == "6.3")  // 6.25
    }
}
