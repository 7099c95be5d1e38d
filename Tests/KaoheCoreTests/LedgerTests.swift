import KaoheCategories
import Testing
@testable import KaoheCore

/// A two-unit dataset for the department ledger, built in code (home = u0, as of August 2019,
/// multiplier 3, cooperating share 0.4, reports due on day 30, 0.3 points each).
///
/// Indicators (rate ones have no history: the forecast is `naive`, F = V):
/// - q1 quantitative, weight 10, lead 甲局, cooperating 乙局;丙局 — u0 9 vs u1 10 of target 10;
/// - q2 quantitative, weight 5, lead 甲局 — u0 12 vs u1 10 of 10 (full marks: no entry);
/// - b1 bonus, weight 4, lead 乙局, cooperating 丁局 — u0 12 vs u1 11 of 10;
/// - b2 bonus, weight 4, lead 丁局 — u0 12 vs u1 11 of 10 (b1 + b2 = 8 > the cap of 5);
/// - c1 common, weight 3, lead 己局 — no reviews: grade B assumed;
/// - n1 negative, lead 丙局, cooperating 戊局.
private enum LedgerFixtures {
    static let grades = [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                         GradeBand(name: "一般", minimum: 60), GradeBand(name: "较差", minimum: 0)]

    static func indicator(_ id: String, _ category: String, _ measure: Measure, weight: Double, lead: String,
                          cooperating: [String] = []) -> Indicator {
        Indicator(id: id, name: "指标\(id)", category: category, measure: measure, unit: "", direction: .higher,
                  weight: weight, leader: "", leadDepartment: lead, cooperatingDepartments: cooperating, source: "")
    }

    static let indicators = [
        indicator("q1", "quantitative", .rate, weight: 10, lead: "甲局", cooperating: ["乙局", "丙局"]),
        indicator("q2", "quantitative", .rate, weight: 5, lead: "甲局"),
        indicator("b1", "bonus", .rate, weight: 4, lead: "乙局", cooperating: ["丁局"]),
        indicator("b2", "bonus", .rate, weight: 4, lead: "丁局"),
        indicator("c1", "common", .grade, weight: 3, lead: "己局"),
        indicator("n1", "negative", .events, weight: 0, lead: "丙局", cooperating: ["戊局"]),
    ]

    static func date(_ month: Int, _ day: Int, year: Int = 2019) -> CalendarDate {
        CalendarDate(year: year, month: month, day: day)
    }

    static func event(_ date: CalendarDate, unit: Int = 0, department: String?, points: Double) -> NegativeEvent {
        NegativeEvent(date: date, unit: unit, indicator: 5, department: department, points: points, veto: false,
                      description: "问题", line: 2)
    }

    static let events = [
        event(date(3, 10), department: "庚局", points: 0.5),
        event(date(5, 2), department: nil, points: 1.5),           // no department: the lead, 丙局
        event(date(6, 2), department: "  ", points: 0.25),        // blank counts as empty: 丙局 too
        event(date(9, 1), department: "甲局", points: 2),          // after as_of: not charged
        event(date(4, 1), unit: 1, department: "甲局", points: 2), // another unit's event
        event(date(6, 1, year: 2018), department: "甲局", points: 2), // history
    ]

    static func report(_ department: String, _ month: Int, _ submitted: CalendarDate?, year: Int = 2019) -> Submission {
        Submission(department: department, period: YearMonth(year: year, month: month), submittedOn: submitted, line: 2)
    }

    static let submissions = [
        report("甲局", 1, date(2, 28)),                // deadline_day 30 in February 2019 → Feb 28: on time
        report("甲局", 2, date(3, 31)),                // due Mar 30: late
        report("乙局", 3, date(4, 30)),                // on the deadline day: on time
        report("乙局", 4, nil),                        // not submitted
        report("丙局", 7, date(8, 31)),                // due Aug 30: late (July is before as_of)
        report("丙局", 8, nil),                        // the as_of month: not judged yet
        report("丙局", 12, nil, year: 2018),           // an earlier year: not judged
    ]

    static func dataset(multiplier: Double = 3, share: Double = 0.4) -> Dataset {
        let units = 2
        var store = ObservationStore(indicatorCount: indicators.count, unitCount: units, firstYear: 2019, lastYear: 2019)
        let values: [[Double]] = [[9, 10], [12, 10], [12, 11], [12, 11]]
        for (indicator, row) in values.enumerated() {
            for (unit, value) in row.enumerated() { store.set(value, indicator: indicator, unit: unit, year: 2019, month: 8) }
        }
        var targets = [Double](repeating: .nan, count: indicators.count * units)
        for index in 0..<(4 * units) { targets[index] = 10 }
        let settings = Settings(
            name: "test", year: 2019, asOf: YearMonth(year: 2019, month: 8), home: 0, grades: grades,
            departments: DepartmentSettings(multiplier: multiplier, cooperatingShare: share),
            reporting: ReportingSettings(deadlineDay: 30, latePoints: 0.3))
        return Dataset(directory: "", settings: settings,
                       units: [AssessedUnit(id: "u0", name: "本县"), AssessedUnit(id: "u1", name: "邻县")],
                       indicators: indicators, targets: targets, observations: store, events: events,
                       submissions: submissions)
    }

    static func ledger(_ dataset: Dataset = dataset()) throws -> DepartmentLedger {
        let engine = try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                        catalog: registeredCategories)
        return DepartmentLedger(engine: engine)
    }
}

private func isClose(_ a: Double?, _ b: Double, _ tolerance: Double = 1e-9) -> Bool {
    guard let a else { return false }
    return abs(a - b) <= tolerance * max(1, abs(b))
}

@Suite struct LedgerTests {
    @Test func leadAndCooperatingDepartmentsShareTheLoss() throws {
        let ledger = try LedgerFixtures.ledger()
        // q1: u0 completes 0.9 and ranks 2nd of 2: 10·(0.6·0.9 + 0.4·(1 − 0.05)) = 10·(0.54 + 0.38) = 9.2,
        // a loss of 0.8. Lead 甲局: −3·0.8 = −2.4; cooperating 乙局 and 丙局: −3·0.4·0.8 = −0.96 each.
        let lead = try #require(ledger.account("甲局")?.entries.first { $0.indicator == 0 })
        #expect(lead.kind == .lead)
        #expect(isClose(lead.points, -2.4))
        #expect(lead.reason == "牵头指标「指标q1」预计失分 0.80 分 × 3")
        for department in ["乙局", "丙局"] {
            let entry = try #require(ledger.account(department)?.entries.first { $0.indicator == 0 })
            #expect(entry.kind == .cooperating)
            #expect(isClose(entry.points, -0.96))
            #expect(entry.reason == "配合指标「指标q1」预计失分 0.80 分 × 3 × 0.4")
        }
    }

    @Test func fullMarksLeaveNoEntry() throws {
        let ledger = try LedgerFixtures.ledger()
        // q2: u0 completes 1.2 (capped at 1) and ranks 1st: 5·(0.6 + 0.4) = 5 = weight: nothing lost.
        #expect(ledger.accounts.flatMap(\.entries).allSatisfy { $0.indicator != 1 })
        #expect(ledger.accounts.flatMap(\.entries).allSatisfy { $0.points != 0 })
    }

    @Test func bonusPointsAreGainsBeforeTheCategoryCap() throws {
        let ledger = try LedgerFixtures.ledger()
        // b1 and b2: u0 completes 1.2 > u1's 1.1: rank 1 → 4·1.0 = 4 points each (8 together, capped at 5
        // in the total, but the ledger counts each indicator's own points). 乙局 leads b1: +3·4 = +12;
        // 丁局 cooperates on b1 (+3·0.4·4 = +4.8) and leads b2 (+12).
        let b1 = try #require(ledger.account("乙局")?.entries.first { $0.indicator == 2 })
        #expect(isClose(b1.points, 12))
        #expect(b1.reason == "牵头加分指标「指标b1」预计得分 4.00 分 × 3")
        let ding = try #require(ledger.account("丁局"))
        #expect(isClose(ding.entries.first { $0.indicator == 2 }?.points, 4.8))
        #expect(isClose(ding.entries.first { $0.indicator == 3 }?.points, 12))
        #expect(isClose(ding.total, 16.8))
    }

    @Test func commonIndicatorsLoseTheGradeShortfall() throws {
        let ledger = try LedgerFixtures.ledger()
        // c1: no grade yet, B assumed: 3·0.9 = 2.7, a loss of 0.3: 己局 −3·0.3 = −0.9.
        let account = try #require(ledger.account("己局"))
        #expect(account.entries.count == 1)
        #expect(isClose(account.total, -0.9))
    }

    @Test func negativeEventsCostDoubleAndFallBackToTheLeadDepartment() throws {
        let ledger = try LedgerFixtures.ledger()
        // 庚局 (named on the event only): −3·0.5 = −1.5.
        let geng = try #require(ledger.account("庚局"))
        #expect(geng.entries.count == 1)
        #expect(geng.entries[0].kind == .negativeEvent)
        #expect(isClose(geng.total, -1.5))
        #expect(geng.entries[0].reason == "负面清单「指标n1」3月10日：问题，扣 0.50 分 × 3")
        // Empty and blank departments fall back on n1's lead, 丙局: −3·1.5 = −4.5 and −3·0.25 = −0.75.
        let events = try #require(ledger.account("丙局")).entries.filter { $0.kind == .negativeEvent }
        #expect(events.count == 2)
        #expect(isClose(events[0].points, -4.5))
        #expect(isClose(events[1].points, -0.75))
        // The September event (after as_of), the other unit's and the 2018 one charge nobody: 甲局 has
        // only its q1 entry and its late report.
        #expect(try #require(ledger.account("甲局")).entries.allSatisfy { $0.kind != .negativeEvent })
    }

    @Test func lateAndMissingReportsWithTheDeadlineClampedToTheMonth() throws {
        let ledger = try LedgerFixtures.ledger()
        // 甲局: January due Feb 30 → Feb 28 (2019), submitted Feb 28: on time. February due Mar 30, in Mar 31: late.
        let jia = try #require(ledger.account("甲局")).entries.filter { $0.indicator == nil }
        #expect(jia.count == 1)
        #expect(jia.first?.kind == .lateReport)
        #expect(jia.first?.period == YearMonth(year: 2019, month: 2))
        #expect(isClose(jia.first?.points, -0.3))
        #expect(jia.first?.reason == "2月报表逾期报送（3月31日，截止3月30日）")
        // 乙局: March in on Apr 30, the deadline day: on time. April: not submitted.
        let yi = try #require(ledger.account("乙局")).entries.filter { $0.indicator == nil }
        #expect(yi.map(\.kind) == [.missingReport])
        #expect(yi.first?.reason == "4月报表未报送（截止5月30日）")
        // 丙局: July in on Aug 31, due Aug 30: late. August (= as_of) and December 2018 are not judged.
        let bing = try #require(ledger.account("丙局")).entries.filter { $0.indicator == nil }
        #expect(bing.map(\.period) == [YearMonth(year: 2019, month: 7)])
    }

    @Test func deadlinesFallOnTheDayOfTheNextMonthClampedToItsLength() {
        #expect(DepartmentLedger.deadline(of: YearMonth(year: 2019, month: 1), deadlineDay: 30) == CalendarDate(year: 2019, month: 2, day: 28))
        #expect(DepartmentLedger.deadline(of: YearMonth(year: 2020, month: 1), deadlineDay: 30) == CalendarDate(year: 2020, month: 2, day: 29))
        #expect(DepartmentLedger.deadline(of: YearMonth(year: 2019, month: 5), deadlineDay: 31) == CalendarDate(year: 2019, month: 6, day: 30))
        #expect(DepartmentLedger.deadline(of: YearMonth(year: 2019, month: 6), deadlineDay: 31) == CalendarDate(year: 2019, month: 7, day: 31))
        #expect(DepartmentLedger.deadline(of: YearMonth(year: 2019, month: 12), deadlineDay: 15) == CalendarDate(year: 2020, month: 1, day: 15))
    }

    @Test func everyDepartmentIsListedWorstFirstEvenAtZero() throws {
        let ledger = try LedgerFixtures.ledger()
        // Totals by hand:
        //   甲局 −2.4 (q1) − 0.3 (Feb late)                     = −2.7
        //   乙局 −0.96 (q1) + 12 (b1) − 0.3 (Apr missing)        = 10.74
        //   丙局 −0.96 (q1) − 4.5 − 0.75 (events) − 0.3 (Jul late) = −6.51
        //   丁局 +4.8 (b1) + 12 (b2)                              = 16.8
        //   己局 −0.9 (c1); 庚局 −1.5 (event); 戊局 0 (cooperates on n1 only, no event charged to it)
        let expected: [(String, Double)] = [("丙局", -6.51), ("甲局", -2.7), ("庚局", -1.5), ("己局", -0.9),
                                            ("戊局", 0), ("乙局", 10.74), ("丁局", 16.8)]
        #expect(ledger.accounts.map(\.department) == expected.map(\.0))
        for (account, (_, total)) in zip(ledger.accounts, expected) {
            #expect(isClose(account.total, total), "\(account.department)")
        }
        #expect(ledger.account("戊局")?.entries.isEmpty == true)
    }

    @Test func theMultiplierAndShareComeFromTheSettings() throws {
        // Multiplier 1, share 1: q1's loss of 0.8 goes whole to each of its three departments.
        let ledger = try LedgerFixtures.ledger(LedgerFixtures.dataset(multiplier: 1, share: 1))
        for department in ["甲局", "乙局", "丙局"] {
            #expect(isClose(ledger.account(department)?.entries.first { $0.indicator == 0 }?.points, -0.8))
        }
    }
}
