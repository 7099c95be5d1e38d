import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// The small valid dataset loads into the model as written, with the defaults of dataset.md.
@Suite struct LoadingValidDatasetTests {
    @Test func baseDatasetLoads() throws {
        let fixture = try LoadingFixture()
        let (dataset, problems) = fixture.validate()
        #expect(problems.isEmpty, "\(problems)")
        let data = try #require(dataset)
        #expect(data.settings.name == "测试数据")
        #expect(data.settings.year == 2019)
        #expect(data.settings.asOf == YearMonth(year: 2019, month: 8))
        #expect(data.units.map(\.id) == ["ningshan", "hanyin", "shiquan"])
        #expect(data.units.map(\.name) == ["宁陕县", "汉阴县", "石泉县"])
        #expect(data.homeUnit.id == "ningshan")
        #expect(data.settings.grades.map(\.name) == ["优秀", "良好", "一般", "较差"])
        #expect(data.indicators.map(\.id) == ["fai", "gdp_growth", "party", "safety"])
        #expect(data.indicators.map(\.line) == [2, 3, 4, 5])
        let fai = data.indicators[0]
        #expect(fai.category == "quantitative" && fai.measure == .cumulative && fai.direction == .higher)
        #expect(close(fai.weight, 10))
        #expect(fai.cooperatingDepartments == ["县统计局", "县财政局"])
        #expect(fai.leadDepartment == "县发改局" && fai.leader == "张三" && fai.unit == "亿元" && fai.source == "统计局")
        #expect(fai.rule == nil)

        // Targets: indicator-major, NaN where the measure has none.
        #expect(data.target(indicator: 0, unit: 1).map { close($0, 120) } == true)
        #expect(data.target(indicator: 1, unit: 2).map { close($0, 8.5) } == true)
        #expect(data.target(indicator: 2, unit: 0) == nil)

        // Observations: history from 2018; January reported with February.
        let store = data.observations
        #expect(store.firstYear == 2018 && store.lastYear == 2019)
        #expect(store.value(indicator: 0, unit: 0, year: 2019, month: 1) == nil)
        let august = try #require(store.value(indicator: 0, unit: 1, year: 2019, month: 8))
        #expect(close(august, LoadingFixture.faiValue(unit: 1, year: 2019, month: 8)))
        let growth = try #require(store.value(indicator: 1, unit: 2, year: 2018, month: 12))
        #expect(close(growth, 7 + 1.0 + 1.2))
        #expect(store.value(indicator: 2, unit: 0, year: 2019, month: 3) == nil)
        #expect(store.latestMonth(indicator: 0, unit: 0, year: 2019) == 8)
        #expect(store.historyYears(indicator: 0, unit: 0) == [2018])

        #expect(data.reviews.count == 4)
        #expect(data.reviews[2].grade == nil && data.reviews[0].grade == "A" && data.reviews[1].progress == false)
        #expect(data.reviews[3].quarter == YearQuarter(year: 2019, quarter: 2))
        #expect(data.events.count == 2)
        #expect(data.events[0].department == nil && data.events[1].department == "县应急局")
        #expect(data.events[1].date == CalendarDate(year: 2019, month: 3, day: 2) && data.events[1].line == 3)
        #expect(data.submissions.count == 3)
        #expect(data.submissions[2].submittedOn == nil)
        #expect(data.submissions[0].submittedOn == CalendarDate(year: 2019, month: 7, day: 12))
    }

    @Test func settingsTakeTheDefaultsOfDatasetMd() throws {
        let fixture = try LoadingFixture()
        let settings = try fixture.load().settings
        #expect(close(settings.departments.multiplier, 2) && close(settings.departments.cooperatingShare, 0.5))
        #expect(settings.reporting.deadlineDay == 15 && close(settings.reporting.latePoints, 0.5))
        #expect(close(settings.risk.warningBelow, 0.8) && close(settings.risk.supervisionBelow, 0.5))
        #expect(close(settings.risk.behindProgress, 0.05))
        #expect(close(settings.forecast.defaultLogSD, 0.10) && close(settings.forecast.defaultSD, 1.0))
        // `scoring:` sections are handed over as written; each category module applies its own defaults.
        #expect(settings.scoring.isEmpty)
        #expect(settings.historyGrades.isEmpty)
    }

    @Test func writtenSettingsMergeKeyByKeyAndScoringKeepsItsLines() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + """
            scoring:
              quantitative: {rank_step: 0.1}
              common:
                grade_points: {A: 1.0, B: 0.8}
            departments: {multiplier: 3}
            risk:
              warning_below: 0.7
            history_grades: {2017: 优秀, 2018: 良好}

            """)
        let settings = try fixture.load().settings
        let quantitative = try #require(settings.scoring["quantitative"])
        #expect(quantitative["rank_step"]?.numberValue.map { close($0, 0.1) } == true)
        #expect(quantitative["rank_step"]?.line == 15)
        #expect(quantitative["completion_share"] == nil)
        let points = try #require(settings.scoring["common"]?["grade_points"])
        #expect(points["B"]?.numberValue.map { close($0, 0.8) } == true)
        #expect(points.line == 17)
        #expect(settings.scoring["bonus"] == nil)
        #expect(close(settings.departments.multiplier, 3) && close(settings.departments.cooperatingShare, 0.5))
        #expect(close(settings.risk.warningBelow, 0.7) && close(settings.risk.supervisionBelow, 0.5))
        #expect(settings.historyGrades == [2017: "优秀", 2018: "良好"])
    }

    /// The bundled example (datasets/ankang-2019, written by the generator) reads without a problem.
    @Test func bundledExampleIsValid() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/ankang-2019").path
        guard FileManager.default.fileExists(atPath: directory + "/dataset.yaml") else { return }
        let (dataset, problems) = DatasetLoader(categories: registeredCategories).validate(directory: directory)
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems)")
        let data = try #require(dataset)
        #expect(data.units.count >= 3 && data.homeUnit.id == "ningshan")
        #expect(data.settings.asOf == YearMonth(year: 2019, month: 8))
    }
}
