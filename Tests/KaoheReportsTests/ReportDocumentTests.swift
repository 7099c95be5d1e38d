import Foundation
import KaoheCore
import Testing
@testable import KaoheReports

/// A minimal category for the document tests (the registered modules live in another target):
/// points = weight · min(max(c, 0), 1), drawn from the forecasts in the simulation.
private struct PlainCategory: IndicatorCategory {
    static let id = "quantitative"
    static let displayName = "量化指标"
    static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]

    let context: ScoringContext

    init(context: ScoringContext, settings: inout SettingsReader) { self.context = context }

    static func score(_ c: Double, weight: Double) -> Double { c.isNaN ? 0 : weight * min(max(c, 0), 1) }

    func points(_ scenario: Scenario, push: Push?) -> [[Double]] {
        context.indicators.map { indicator in
            let weight = context.dataset.indicators[indicator].weight
            return context.completions(indicator: indicator, scenario: scenario, push: push).map { Self.score($0, weight: weight) }
        }
    }

    func isRandom(position: Int) -> Bool { true }

    func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                        into points: UnsafeMutableBufferPointer<Double>) {
        let indicator = context.indicators[position]
        let definition = context.dataset.indicators[indicator]
        for unit in 0..<context.unitCount {
            let value = context.sampler.draw(indicator * context.unitCount + unit, stream: stream)
            var c = ScoringContext.completion(value: value, target: context.dataset.target(indicator: indicator, unit: unit) ?? .nan,
                                              direction: definition.direction)
            if let push, push.indicator == indicator, push.unit == unit { c += push.completionShift }
            points[unit] = Self.score(c, weight: definition.weight)
        }
    }
}

/// Names that must show as text, never as markup.
private enum Hostile {
    static let indicator = "<script>alert(\"指标\")</script> & 投资"
    static let department = "县<img src=x onerror=alert(1)>局 & \"发改\""
    static let cooperating = "县'财政'局 & <i>税务</i>"
    static let leader = "张\" onmouseover=\"alert(1)"
    static let home = "宁陕<script>县</script>"
    static let peer = "汉阴 & \"县\""
    static let dataset = "考核</title><script>x()</script>"
}

private enum DocumentFixtures {
    static let grades = [GradeBand(name: "优秀", minimum: 18), GradeBand(name: "良好", minimum: 15),
                         GradeBand(name: "一般", minimum: 10), GradeBand(name: "较差", minimum: 0)]

    /// Four units, as of June 2019, two indicators (a cumulative one with two years of history, a rate),
    /// hostile names everywhere; the home county trails on the cumulative one.
    static func dataset() -> Dataset {
        let indicators = [
            Indicator(id: "inv", name: Hostile.indicator, category: "quantitative", measure: .cumulative, unit: "亿元",
                      direction: .higher, weight: 10, leader: Hostile.leader, leadDepartment: Hostile.department,
                      cooperatingDepartments: [Hostile.cooperating], source: ""),
            Indicator(id: "gdp", name: "地区生产总值增速", category: "quantitative", measure: .rate, unit: "%",
                      direction: .higher, weight: 10, leader: "陈县长", leadDepartment: "县统计局",
                      cooperatingDepartments: [], source: ""),
        ]
        var store = ObservationStore(indicatorCount: 2, unitCount: 4, firstYear: 2017, lastYear: 2019)
        let scale = [0.8, 1.0, 1.1, 1.2]
        for unit in 0..<4 {
            for year in 2017...2019 {
                let months = year == 2019 ? 6 : 12
                for month in 1...months {
                    let wobble = 1 + 0.02 * Double((unit + year + month) % 3)
                    store.set(scale[unit] * Double(month) * wobble, indicator: 0, unit: unit, year: year, month: month)
                }
            }
            store.set(7.5 + Double(unit) * 0.4, indicator: 1, unit: unit, year: 2019, month: 6)
        }
        let settings = Settings(name: Hostile.dataset, year: 2019, asOf: YearMonth(year: 2019, month: 6), home: 0,
                                grades: grades, historyGrades: [2016: "优秀", 2017: "优秀", 2018: "优秀"])
        let submissions = [Submission(department: Hostile.department, period: YearMonth(year: 2019, month: 3),
                                      submittedOn: CalendarDate(year: 2019, month: 4, day: 20), line: 2),
                           Submission(department: "县统计局", period: YearMonth(year: 2019, month: 4), submittedOn: nil, line: 3)]
        return Dataset(directory: "", settings: settings,
                       units: [AssessedUnit(id: "home", name: Hostile.home), AssessedUnit(id: "b", name: Hostile.peer),
                               AssessedUnit(id: "c", name: "石泉县"), AssessedUnit(id: "d", name: "平利县")],
                       indicators: indicators, targets: [13, 13, 13, 13, 8.5, 8.5, 8.5, 8.5], observations: store,
                       submissions: submissions)
    }

    static func engine() throws -> StandingEngine {
        let dataset = dataset()
        return try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                  catalog: CategoryCatalog([PlainCategory.self]))
    }

    static func context() throws -> ReportContext {
        let engine = try engine()
        let simulated = engine.simulate(draws: 400, seed: 5, threads: 1, pushes: engine.pushCandidates(unit: 0))
        return ReportContext(engine: engine, simulated: simulated, baseline: ReportBaseline(engine: engine),
                             issued: CalendarDate(year: 2019, month: 7, day: 1))
    }
}

/// The value of attribute `name` in the first tag that carries `marker`.
private func attribute(_ name: String, in html: String, after marker: String) -> String? {
    guard let start = html.range(of: marker) else { return nil }
    let rest = html[start.upperBound...]
    guard let key = rest.range(of: " \(name)=\"") else { return nil }
    let value = rest[key.upperBound...]
    return value.firstIndex(of: "\"").map { String(value[..<$0]) }
}

/// Undoes `HTML.escape` for comparing attribute values with names.
private func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
        .replacingOccurrences(of: "&amp;", with: "&")
}

@Suite struct ReportDocumentTests {
    @Test func hostileNamesShowAsTextInEveryDocument() throws {
        let context = try DocumentFixtures.context()
        let summary = PeriodReport(context: context, kind: .summary(YearMonth(year: 2019, month: 6))).html()
        let bulletin = PeriodReport(context: context, kind: .bulletin(YearQuarter(year: 2019, quarter: 2))).html()
        let files = NoticeBook(context: context).files()
        #expect(files.contains { $0.path.hasSuffix(".md") })
        for (name, text) in [("summary", summary), ("bulletin", bulletin)] + files.map({ ($0.path, $0.contents) }) {
            let lower = text.lowercased()
            #expect(!lower.contains("<script"), "raw <script> in \(name)")
            #expect(!lower.contains("<img"), "raw <img> in \(name)")
            #expect(!lower.contains("<i>"), "raw <i> in \(name)")
            guard !name.hasSuffix(".md") else { continue }
            // In HTML, a quote in a name must not end an attribute, nor a name close an element.
            #expect(!text.contains("onmouseover=\"alert"), "a quote broke out of an attribute in \(name)")
            #expect(text.components(separatedBy: "<title>").count == text.components(separatedBy: "</title>").count,
                    "a name closed a <title> in \(name)")
        }
        // The names are there, as text.
        #expect(summary.contains("&lt;script&gt;alert(&quot;指标&quot;)&lt;/script&gt; &amp; 投资"))
        #expect(summary.contains("宁陕&lt;script&gt;县&lt;/script&gt;"))
        #expect(bulletin.contains("县&lt;img src=x onerror=alert(1)&gt;局 &amp; &quot;发改&quot;"))
        let notice = try #require(files.first { $0.path.hasPrefix("notice-") && $0.path.hasSuffix(".md") })
        #expect(notice.contents.contains("&lt;script&gt;"))
        // File names made from the department's name are plain.
        for file in files { #expect(!file.path.contains("<") && !file.path.contains("\"") && !file.path.contains("&")) }
    }

    @Test func headlineNumbersAreTheEnginesStanding() throws {
        let context = try DocumentFixtures.context()
        let engine = context.engine
        let html = PeriodReport(context: context, kind: .summary(YearMonth(year: 2019, month: 6))).html()
        let current = engine.standing(.current), projected = engine.standing(.projected)
        let marker = "id=\"headline\""
        #expect(attribute("data-current-rank", in: html, after: marker) == String(current.ranks[0]))
        #expect(attribute("data-projected-rank", in: html, after: marker) == String(projected.ranks[0]))
        #expect(attribute("data-unit-count", in: html, after: marker) == "4")
        let total = try #require(attribute("data-current-total", in: html, after: marker).flatMap(Double.init))
        #expect(abs(total - current.totals[0]) <= 1e-12 * max(1, abs(total)))
        let projectedTotal = try #require(attribute("data-projected-total", in: html, after: marker).flatMap(Double.init))
        #expect(abs(projectedTotal - projected.totals[0]) <= 1e-12 * max(1, abs(projectedTotal)))
        let probability = try #require(attribute("data-top-grade-probability", in: html, after: marker).flatMap(Double.init))
        #expect(abs(probability - (context.simulated?.gradeProbabilities[0][0] ?? .nan)) < 1e-12)
        // The visible headline says the same rank out of the same number of units.
        #expect(html.contains("id=\"current-rank\">第\(current.ranks[0])名<small>／4</small>"))
    }

    @Test func indicatorRowsCarryTheForecastsAndLedgerRowsTheLedger() throws {
        let context = try DocumentFixtures.context()
        let html = PeriodReport(context: context, kind: .bulletin(YearQuarter(year: 2019, quarter: 2))).html()
        for (index, indicator) in context.dataset.indicators.enumerated() {
            let forecast = context.engine.forecasts[indicator: index, unit: 0]
            let marker = "<tr data-indicator=\"\(indicator.id)\" data-completion"
            let f = try #require(attribute("data-forecast", in: html, after: marker).flatMap(Double.init))
            #expect(abs(f - (forecast.forecast ?? .nan)) <= 1e-12 * abs(f))
            let p = try #require(attribute("data-p-meet", in: html, after: marker).flatMap(Double.init))
            #expect(abs(p - (forecast.pMeet ?? .nan)) < 1e-12)
        }
        let ledger = DepartmentLedger(engine: context.engine)
        var seen = 0
        var rest = html[...]
        while let row = rest.range(of: "<tr data-department=\"") {
            let tail = rest[row.upperBound...]
            let name = String(tail[..<tail.firstIndex(of: "\"")!])
            if let totalKey = tail.range(of: "data-total=\""), tail.distance(from: tail.startIndex, to: totalKey.lowerBound) < name.count + 4 {
                let value = tail[totalKey.upperBound...]
                let total = try #require(Double(String(value[..<value.firstIndex(of: "\"")!])))
                let account = try #require(ledger.account(unescape(name)))
                #expect(abs(total - account.total) < 1e-12)
                seen += 1
            }
            rest = tail
        }
        #expect(seen == ledger.accounts.count)
        #expect(ledger.account(Hostile.department) != nil)
    }

    @Test func noticesGoToEveryDepartmentOfALaggingIndicatorWithTheWorstLevel() throws {
        let context = try DocumentFixtures.context()
        let book = NoticeBook(context: context)
        // The home county trails on both indicators (completions about 0.75 and 0.88): both at risk.
        #expect(context.risks.risks.count == 2)
        #expect(!book.notices.isEmpty)
        for notice in book.notices {
            let levels = context.risks.risks.filter { context.role(of: notice.department, on: $0.indicator) != nil }.map(\.level)
            #expect(notice.level == levels.max())
            #expect(notice.risks.count == levels.count)
        }
        let departments = Set(context.risks.risks.flatMap { risk in
            let indicator = context.dataset.indicators[risk.indicator]
            return [indicator.leadDepartment] + indicator.cooperatingDepartments
        })
        #expect(Set(book.notices.map(\.department)) == departments)
        // The deadline: day 15 of the month after June.
        #expect(context.rectificationDeadline == CalendarDate(year: 2019, month: 7, day: 15))
        if let notice = book.notices.first {
            let html = book.html(notice)
            #expect(html.contains("2019年7月15日前"))
            #expect(html.contains("〔2019〕1号"))
            #expect(html.contains("系统生成编号"))
        }
    }

    @Test func aBulletinOfAnUnfinishedQuarterSaysSo() throws {
        let context = try DocumentFixtures.context()
        let q3 = PeriodReport(context: context, kind: .bulletin(YearQuarter(year: 2019, quarter: 3)))
        #expect(q3.partialQuarterNote == "2019年第三季度尚未结束，本通报使用截至2019年6月的数据。")
        #expect(q3.html().contains("尚未结束"))
        let q2 = PeriodReport(context: context, kind: .bulletin(YearQuarter(year: 2019, quarter: 2)))
        #expect(q2.partialQuarterNote == nil)
        #expect(q2.fileName == "bulletin-2019-Q2.html")
    }

    @Test func largePeerGroupsAreListedWithTheHomeUnitAndGaps() {
        let order = Array(0..<100)
        let chosen = ReportContext.selection(order: order, home: 50)
        #expect(chosen.contains(50))
        #expect(chosen.contains(nil))
        #expect(chosen.compactMap { $0 }.count == 10 + 11 + 1)
        #expect(ReportContext.selection(order: Array(0..<10), home: 3) == Array(0..<10).map { Optional($0) })
    }
}
