import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// Every class of bad input: the right file, the right line, and a message that says what would be right.
@Suite struct LoadingProblemTests {
    // MARK: Files

    @Test(arguments: ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv"])
    func missingRequiredFileIsLineZero(name: String) throws {
        let fixture = try LoadingFixture()
        fixture.remove(name)
        let errors = fixture.errors()
        #expect(errors.count >= 1)
        let error = try #require(errors.first { $0.file == name })
        #expect(error.line == 0)
        #expect(error.message.contains("缺少此文件") && error.message.contains("indicators.csv、targets.csv 和 observations.csv"))
        if name == "dataset.yaml" {
            #expect(errors.count == 1, "unit ids are not checked without dataset.yaml: \(errors)")
        }
    }

    @Test(arguments: ["reviews.csv", "events.csv", "submissions.csv"])
    func optionalFilesMayBeAbsent(name: String) throws {
        let fixture = try LoadingFixture()
        fixture.remove(name)
        let (dataset, problems) = fixture.validate()
        #expect(dataset != nil && problems.isEmpty, "\(problems)")
    }

    @Test(arguments: ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv", "reviews.csv"])
    func emptyFileIsLineOne(name: String) throws {
        let fixture = try LoadingFixture()
        fixture.write(name, "")
        let errors = fixture.errors()
        let error = try #require(errors.first { $0.file == name })
        #expect(error.line == 1, "\(error)")
        #expect(error.message.hasPrefix("文件为空；"), "\(error)")
        if name != "dataset.yaml" { #expect(error.message.contains("表头") && error.message.contains("unit,")) }
    }

    @Test func missingColumnIsReportedAtTheHeaderLine() throws {
        let fixture = try LoadingFixture()
        // Blank lines before the header: the header is on line 3.
        fixture.write("targets.csv", "\n,,\n" + LoadingFixture.targetsCSV.replacingOccurrences(of: "unit,indicator,target", with: "unit,indicator,goal"))
        let errors = fixture.errors()
        let error = try #require(errors.first { $0.file == "targets.csv" })
        #expect(error.line == 3)
        #expect(error.message.contains("表头缺少列 \"target\"") && error.message.contains("unit, indicator, target（顺序不限）"))
        #expect(errors.filter { $0.file == "targets.csv" }.count == 1)
    }

    @Test func unknownColumnIsANoteNotAnError() throws {
        let fixture = try LoadingFixture()
        fixture.write("targets.csv", LoadingFixture.targetsCSV
            .replacingOccurrences(of: "unit,indicator,target\n", with: "unit,indicator,target,remark\n")
            .replacingOccurrences(of: "ningshan,fai,100\n", with: "ningshan,fai,100,已下达\n"))
        let (dataset, problems) = fixture.validate()
        #expect(dataset != nil)
        #expect(problems.count == 1)
        let note = try #require(problems.first)
        #expect(note.severity == .note && note.file == "targets.csv" && note.line == 1)
        #expect(note.message.contains("列 \"remark\" 不会被读取，已忽略"))
        #expect(dataset?.notes.count == 1)
    }

    @Test func undecodableBytesNameTheirLine() throws {
        let fixture = try LoadingFixture()
        var bytes = Array("unit,indicator,target\nningshan,fai,100\n".utf8)
        bytes += [0x80, 0xFF] + Array(",fai,120\n".utf8)
        fixture.write("targets.csv", bytes: bytes)
        let errors = fixture.errors().filter { $0.file == "targets.csv" }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 3)
        #expect(errors.first?.message.contains("既不是 UTF-8 也不是 GB18030") == true)
        #expect(errors.first?.message.contains("请将文件另存为 UTF-8") == true)
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("events.csv", "2019-04-01,hanyin,safety,\"县应急局,1,no,未闭合")
        expectSingleError(fixture, file: "events.csv", line: line, "没有结束引号", "\"\"")
    }

    @Test func rowWithTooFewValues() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("observations.csv", "hanyin,fai,2019-09")
        expectSingleError(fixture, file: "observations.csv", line: line, "该行只有 3 个值", "表头有 4 列")
    }

    @Test func unquotedCommaInANumberSplitsTheRow() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "hanyin,fai,120", with: "hanyin,fai,1,200")
        expectSingleError(fixture, file: "targets.csv", line: line, "该行有 4 个值", "表头只有 3 列", "双引号", "\"1,234.5\"")
    }

    // MARK: dataset.yaml

    @Test func malformedYAMLNamesItsLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "as_of: 2019-08", with: "  as_of: 2019-08")
        let errors = fixture.errors()
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.file == "dataset.yaml" && error.line == 3, "\(error)")
        #expect(error.message.hasPrefix("YAML 格式有误：") && error.message.contains("请检查缩进"))
    }

    @Test func unclosedFlowMappingInYAML() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "{id: hanyin, name: 汉阴县}", with: "{id: hanyin, name: 汉阴县")
        let errors = fixture.errors()
        #expect(errors.count == 1, "\(errors)")
        #expect(errors.first?.file == "dataset.yaml")
        #expect((7...8).contains(errors.first?.line ?? 0), "\(errors)")
    }

    @Test func duplicateYAMLKeyNamesTheLaterOne() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "year: 2018\n")
        expectSingleError(fixture, file: "dataset.yaml", line: 14, "键 year 在同一映射中写了两次（首次在第 2 行）")
    }

    @Test func gradesMustStrictlyDecrease() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("dataset.yaml", "{name: 良好, min: 80}", with: "{name: 良好, min: 90}")
        expectSingleError(fixture, file: "dataset.yaml", line: line, "等次 良好 的 min 为 90，不低于优秀（第 10 行）的 90",
                          "严格递减")
    }

    @Test func gradesAreRequired() throws {
        let fixture = try LoadingFixture()
        let text = LoadingFixture.datasetYAML
        fixture.write("dataset.yaml", String(text[..<text.range(of: "grades:")!.lowerBound]))
        expectSingleError(fixture, file: "dataset.yaml", line: 1, "缺少 grades", "{name: 优秀, min: 90}")
    }

    @Test func homeMustBeAUnit() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "home: ningshan", with: "home: Ningshan")
        expectSingleError(fixture, file: "dataset.yaml", line: 4, "home \"Ningshan\" 不在 units 中",
                          "ningshan, hanyin, shiquan", "是否应为 ningshan")
    }

    @Test func duplicateUnitNamesTheLaterLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "{id: shiquan, name: 石泉县}", with: "{id: hanyin, name: 石泉县}")
        // The targets and observations of shiquan are then about an unknown unit: look at dataset.yaml only.
        let errors = fixture.errors().filter { $0.file == "dataset.yaml" }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 8)
        #expect(errors.first?.message.contains("单位 hanyin 重复列出（首次在第 7 行）") == true)
    }

    @Test func asOfMustBeAMonthOfTheYear() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "as_of: 2019-08", with: "as_of: 2018-08")
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "as_of 2018-08 不在 year 2019 年内", "as_of: 2019-08")
        fixture.replace("dataset.yaml", "as_of: 2018-08", with: "as_of: 2019-8")
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "as_of \"2019-8\" 不是月份", "YYYY-MM")
    }

    @Test func asOfOverrideLaterThanTheDataIsAnError() throws {
        let fixture = try LoadingFixture()
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "--as-of 2019-10 晚于 as_of 2019-08",
                          "请给出 2019-08 或 2019 年更早的月份", asOf: YearMonth(year: 2019, month: 10))
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "--as-of 2018-05 不在考核年度 2019 年内",
                          asOf: YearMonth(year: 2018, month: 5))
    }

    @Test func settingOutOfRange() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "risk: {warning_below: 1.5}\nreporting:\n  deadline_day: 15.5\n")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [14, 16])
        #expect(errors.first?.message.contains("risk.warning_below 1.5 不是 0 到 1 之间的概率；如 warning_below: ") == true)
        #expect(errors.last?.message.contains("reporting.deadline_day 15.5 不是每月 1 日到 31 日中的某一天") == true)
    }

    @Test func historyGradeMustBeABand() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "history_grades:\n  2018: 特优\n")
        expectSingleError(fixture, file: "dataset.yaml", line: 15, "history_grades 2018: \"特优\" 不是等次", "优秀, 良好, 一般, 较差")
    }

    @Test func unknownKeysAreNotes() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "colour: red\nscoring:\n  special: {x: 1}\n")
        let (dataset, problems) = fixture.validate()
        #expect(dataset != nil)
        #expect(problems.map(\.severity) == [.note, .note])
        #expect(problems.map(\.line) == [14, 16])
        #expect(problems.first?.message.contains("键 \"colour\" 不是设置项，已忽略") == true)
        #expect(problems.last?.message.contains("scoring 中的 \"special\" 不是已注册的类别") == true)
        #expect(problems.last?.message.contains("quantitative, bonus, common, new, negative") == true)
    }

    @Test func categorySettingsAreCheckedByTheirPlugins() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML
            + "scoring:\n  common: {assume: E}\n  negative: {veto_grade: 中等}\n")
        let dataset = try fixture.load()
        do {
            _ = try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                   catalog: registeredCategories)
            Issue.record("bad category settings must throw")
        } catch {
            let messages = error.problems.map(\.description)
            #expect(messages.contains("dataset.yaml:15: scoring.common.assume: 等次 \"E\" 没有对应的分值；应为以下之一：A, B, C, D"),
                    "\(messages)")
            #expect(messages.contains("dataset.yaml:16: scoring.negative.veto_grade: \"中等\" 不是 grades 中的等次；"
                + "应为以下之一：优秀, 良好, 一般, 较差"), "\(messages)")
        }
    }

    // MARK: indicators.csv

    @Test func unknownCategory() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "quantitative,cumulative", with: "quantitive,cumulative")
        expectSingleError(fixture, file: "indicators.csv", line: 2, "category \"quantitive\" 无法识别",
                          "quantitative, bonus, common, new, negative")
    }

    @Test func unknownMeasureAndDirection() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "quantitative,rate,%,higher", with: "quantitative,ratio,%,up")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.file == "indicators.csv" && $0.line == 3 })
        #expect(errors.contains { $0.message.contains("measure \"ratio\" 无法识别") && $0.message.contains("cumulative, rate, level, grade, events") })
        #expect(errors.contains { $0.message.contains("direction \"up\" 无法识别") && $0.message.contains("higher（越大越好）或 lower") })
    }

    @Test func categoryAndMeasureMustPair() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "fai,固定资产投资,quantitative", with: "fai,固定资产投资,common")
        expectSingleError(fixture, file: "indicators.csv", line: 2, "属于 category common，该类别的 measure 只能是 grade",
                          "不能是 cumulative", "请用 category quantitative | bonus | new")
    }

    @Test func duplicateIndicatorNamesTheEarlierLine() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("indicators.csv", "party,党建工作2,common,grade,,higher,5,王五,县委组织部,,市考核办")
        expectSingleError(fixture, file: "indicators.csv", line: line, "指标 party 重复列出（首次在第 4 行）")
    }

    @Test func badWeight() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "higher,8,李四", with: "higher,8分,李四")
        expectSingleError(fixture, file: "indicators.csv", line: 3, "weight \"8分\" 不是数字", "如 12.3", "指标满分")
    }

    // MARK: targets.csv

    @Test func missingTargetIsReportedAtTheIndicatorLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("targets.csv", "hanyin,gdp_growth,7.5\n", with: "")
        expectSingleError(fixture, file: "indicators.csv", line: 3, "指标 gdp_growth 缺少单位 hanyin 的目标值",
                          "targets.csv", "hanyin,gdp_growth,目标值")
    }

    @Test(arguments: ["0", "-5"])
    func targetMustBePositive(target: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "shiquan,fai,90", with: "shiquan,fai,\(target)")
        expectSingleError(fixture, file: "targets.csv", line: line, "target \(target) 不大于 0", "须 > 0")
    }

    @Test func duplicateTarget() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("targets.csv", "hanyin,fai,125")
        expectSingleError(fixture, file: "targets.csv", line: line, "单位 hanyin 在指标 fai 上的目标值重复",
                          "首次在第 4 行")
    }

    @Test func targetOnAGradeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("targets.csv", "hanyin,party,90")
        expectSingleError(fixture, file: "targets.csv", line: line, "指标 party 的 measure 为 grade", "请删除此行")
    }

    @Test func percentOnACumulativeTarget() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "hanyin,fai,120", with: "hanyin,fai,120%")
        expectSingleError(fixture, file: "targets.csv", line: line, "target \"120%\" 带有 % 号", "请只写数字，如 120")
    }

    @Test func unknownUnitAndIndicatorInTargets() throws {
        let fixture = try LoadingFixture()
        fixture.append("targets.csv", "Hanyin,fai,125")
        fixture.append("targets.csv", "hanyin,gdp,7")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [8, 9])
        #expect(errors[0].message.contains("未知单位 \"Hanyin\"") && errors[0].message.contains("是否应为 hanyin"))
        #expect(errors[1].message.contains("未知指标 \"gdp\"") && errors[1].message.contains("fai, gdp_growth, party, safety"))
    }

    // MARK: observations.csv

    @Test(arguments: [
        ("\"12,3\"", "value \"12,3\" 不是数字；请填写数字（可带小数点），如 12.3 或 \"1,234.5\"（逗号只能作千位分隔符"),
        ("\"12,3a\"", "value \"12,3a\" 不是数字"),
        ("abc", "value \"abc\" 不是数字"),
        ("NaN", "value \"NaN\" 不是数字"),
        ("inf", "value \"inf\" 不是数字"),
        ("-Infinity", "value \"-Infinity\" 不是数字"),
        ("", "value 为空；请填写数字"),
        ("1e999", "value \"1e999\" 数值过大"),
        ("45%", "value \"45%\" 带有 % 号，只有 measure 为 rate 或 level 的指标可以带 %"),
    ])
    func nonNumericValues(value: String, message: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("observations.csv", "hanyin,fai,2019-05,", with: "hanyin,fai,2019-05,\(value)\nX,")
        // The row now reads `hanyin,fai,2019-05,VALUE` and the old value is left on a line of its own: drop it.
        let text = fixture.read("observations.csv")
        let lines = text.components(separatedBy: "\n").filter { !$0.hasPrefix("X,") }
        fixture.write("observations.csv", lines.joined(separator: "\n"))
        expectSingleError(fixture, file: "observations.csv", line: line, message)
    }

    @Test(arguments: [
        ("2019-8", "period \"2019-8\" 不符合 YYYY-MM 格式；请按 YYYY-MM 格式填写，如 2019-08"),
        ("2019/05", "period \"2019/05\" 不符合 YYYY-MM 格式"),
        ("2019-13", "period \"2019-13\" 不存在（没有 13 月）"),
        ("1948-05", "period 1948-05 早于 1949 年"),
        ("2020-05", "period 2020-05 晚于考核年度 2019 年"),
        ("", "period 为空"),
    ])
    func badPeriods(period: String, message: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("observations.csv", "shiquan,gdp_growth,2018-04,", with: "shiquan,gdp_growth,\(period),")
        expectSingleError(fixture, file: "observations.csv", line: line, message)
    }

    @Test func unknownUnitsAndIndicatorsInObservationsAreGroupedById() throws {
        let fixture = try LoadingFixture()
        let first = fixture.append("observations.csv", "pingli,fai,2019-03,5")
        let last = fixture.append("observations.csv", "pingli,fai,2019-04,6")
        let other = fixture.append("observations.csv", "hanyin,FAI,2019-04,6")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [first, other])
        #expect(errors[0].message.contains("未知单位 \"pingli\"") && errors[0].message.contains("共 2 行填写了此值，最后一行是第 \(last) 行"))
        #expect(errors[1].message.contains("未知指标 \"FAI\"") && errors[1].message.contains("是否应为 fai"))
    }

    @Test func duplicateObservationNamesTheFirstRow() throws {
        let fixture = try LoadingFixture()
        let first = fixture.line(of: "hanyin,gdp_growth,2019-03,", in: "observations.csv")
        let line = fixture.append("observations.csv", "hanyin,gdp_growth,2019-03,7.9")
        expectSingleError(fixture, file: "observations.csv", line: line,
                          "单位 hanyin、指标 gdp_growth、period 2019-03 的数据重复（首次在第 \(first) 行）")
    }

    @Test func cumulativeSeriesMustNotFallWithinAYear() throws {
        let fixture = try LoadingFixture()
        let april = fixture.line(of: "ningshan,fai,2019-04,", in: "observations.csv")
        let line = fixture.replace("observations.csv", "ningshan,fai,2019-05,45", with: "ningshan,fai,2019-05,30")
        expectSingleError(fixture, file: "observations.csv", line: line,
                          "单位 ningshan 指标 fai 2019-05 的累计值 30 低于 2019-04 的 37（第 \(april) 行）",
                          "不会下降")
    }

    @Test func cumulativeMayStartLowerInANewYear() throws {
        let fixture = try LoadingFixture()
        // 2018-12 is 96 and 2019-02 is 21: a new year starts again from its own total.
        #expect(fixture.errors().isEmpty)
    }

    @Test(arguments: ["0", "-3"])
    func cumulativeValuesMustBePositive(value: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("observations.csv", "shiquan,fai,2019-02,25", with: "shiquan,fai,2019-02,\(value)")
        expectSingleError(fixture, file: "observations.csv", line: line, "累计指标的 value \(value) 不大于 0",
                          "须 > 0")
    }

    @Test func lowerIndicatorNeedsAPositiveCurrentValue() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "rate,%,higher", with: "rate,%,lower")
        let line = fixture.replace("observations.csv", "hanyin,gdp_growth,2019-08,8.3", with: "hanyin,gdp_growth,2019-08,-0.4")
        expectSingleError(fixture, file: "observations.csv", line: line, "指标 gdp_growth 越小越好",
                          "单位 hanyin 的当前值（2019-08）为 -0.4", "direction 为 lower 时当前值须 > 0")
    }

    @Test func observationsOfAGradeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("observations.csv", "hanyin,party,2019-03,90")
        expectSingleError(fixture, file: "observations.csv", line: line, "指标 party 的 measure 为 grade",
                          "应填在 reviews.csv")
    }

    @Test func threeDifferentErrorsInOneFileAreAllReported() throws {
        let fixture = try LoadingFixture()
        let a = fixture.replace("observations.csv", "ningshan,gdp_growth,2018-07,", with: "ningshan,gdp_growth,2018-7,")
        let b = fixture.replace("observations.csv", "hanyin,fai,2018-03,27", with: "hanyin,fai,2018-03,27..5")
        let c = fixture.replace("observations.csv", "shiquan,gdp_growth,2019-06,", with: "shiquan,gdp,2019-06,")
        let errors = fixture.errors()
        try #require(errors.count == 3, "\(errors)")
        #expect(errors.map(\.line) == [a, b, c])
        #expect(errors.allSatisfy { $0.file == "observations.csv" })
        #expect(errors[0].message.contains("period \"2018-7\" 不符合 YYYY-MM 格式"))
        #expect(errors[1].message.contains("value \"27..5\" 不是数字"))
        #expect(errors[2].message.contains("未知指标 \"gdp\""))
    }

    @Test func problemsOfSeveralFilesAreSortedByFileThenLine() throws {
        let fixture = try LoadingFixture()
        fixture.append("submissions.csv", "县统计局,2019-13,")
        fixture.replace("observations.csv", "hanyin,fai,2018-03,27", with: "hanyin,fai,2018-03,x")
        fixture.replace("observations.csv", "hanyin,fai,2018-02,", with: "hanyin,fai,2018-02x,")
        fixture.replace("targets.csv", "shiquan,fai,90", with: "shiquan,fai,-90")
        fixture.replace("indicators.csv", "higher,8,李四", with: "higher,-8,李四")
        fixture.replace("dataset.yaml", "{name: 一般, min: 60}", with: "{name: 一般, min: 85}")
        let errors = fixture.errors()
        #expect(errors.map(\.file) == ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv",
                                       "observations.csv", "submissions.csv"], "\(errors)")
        let observationLines = errors.filter { $0.file == "observations.csv" }.map(\.line)
        #expect(observationLines == observationLines.sorted())
        do {
            _ = try fixture.load()
            Issue.record("load must throw")
        } catch let error as DatasetError {
            #expect(error.problems.map(\.description) == errors.map(\.description))
        }
    }

    // MARK: reviews.csv, events.csv, submissions.csv

    @Test func badYesNoAndGradeInReviews() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("reviews.csv", "hanyin,party,2019-Q1,yes,no,yes,B", with: "hanyin,party,2019-Q1,y,no,yes,E")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.file == "reviews.csv" && $0.line == line })
        #expect(errors.contains { $0.message.contains("plan \"y\" 不是 yes 或 no；请填写 yes 或 no（是否已报送计划）") })
        #expect(errors.contains { $0.message.contains("grade \"E\" 不是 A、B、C 或 D") && $0.message.contains("尚未评定的留空") })
    }

    @Test func badQuarterAndDuplicateReview() throws {
        let fixture = try LoadingFixture()
        let bad = fixture.append("reviews.csv", "hanyin,party,2019-Q5,yes,yes,yes,A")
        let duplicate = fixture.append("reviews.csv", "ningshan,party,2019-Q1,yes,yes,yes,B")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [bad, duplicate])
        #expect(errors[0].message.contains("quarter \"2019-Q5\" 不存在（没有第 5 季度）"))
        #expect(errors[1].message.contains("单位 ningshan 在指标 party 上 2019-Q1 的评定重复（首次在第 2 行）"))
    }

    @Test(arguments: [
        ("2019-02-30", "date \"2019-02-30\" 不存在（2019-02 只有 28 天）"),
        ("2019/3/2", "date \"2019/3/2\" 不符合 YYYY-MM-DD 格式"),
        ("1900-01-05", "date 1900-01-05 早于 1949 年"),
    ])
    func badEventDates(date: String, message: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("events.csv", "2019-03-02,ningshan", with: "\(date),ningshan")
        expectSingleError(fixture, file: "events.csv", line: line, message)
    }

    @Test func badVetoAndPointsInEvents() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("events.csv", "县应急局,1,no,", with: "县应急局,0,是,")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.file == "events.csv" && $0.line == line })
        #expect(errors.contains { $0.message.contains("points 0 不大于 0；请填写扣分分值") })
        #expect(errors.contains { $0.message.contains("veto \"是\" 不是 yes 或 no；请填写 yes 或 no（是否为一票否决事项）") })
    }

    @Test func eventOfANonNegativeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("events.csv", "2019-04-02,hanyin,fai,,1,no,x")
        expectSingleError(fixture, file: "events.csv", line: line, "指标 fai 的 measure 为 cumulative", "measure 为 events")
    }

    @Test func badSubmissionDateAndDuplicate() throws {
        let fixture = try LoadingFixture()
        let bad = fixture.append("submissions.csv", "县统计局,2019-05,2019-06-31")
        let duplicate = fixture.append("submissions.csv", "县统计局,2019-06,2019-07-13")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [bad, duplicate])
        #expect(errors[0].message.contains("submitted_on \"2019-06-31\" 不存在（2019-06 只有 30 天）"))
        #expect(errors[0].message.contains("未报送的留空"))
        #expect(errors[1].message.contains("县统计局 2019-06 的月报重复（首次在第 2 行）"))
    }
}
