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
        #expect(error.message.contains("missing") && error.message.contains("indicators.csv, targets.csv and observations.csv"))
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
        #expect(error.message.contains("empty"))
        if name != "dataset.yaml" { #expect(error.message.contains("header")) }
    }

    @Test func missingColumnIsReportedAtTheHeaderLine() throws {
        let fixture = try LoadingFixture()
        // Blank lines before the header: the header is on line 3.
        fixture.write("targets.csv", "\n,,\n" + LoadingFixture.targetsCSV.replacingOccurrences(of: "unit,indicator,target", with: "unit,indicator,goal"))
        let errors = fixture.errors()
        let error = try #require(errors.first { $0.file == "targets.csv" })
        #expect(error.line == 3)
        #expect(error.message.contains("\"target\" is missing") && error.message.contains("unit, indicator, target"))
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
        #expect(note.message.contains("\"remark\"") && note.message.contains("ignored"))
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
        #expect(errors.first?.message.contains("neither UTF-8 nor GB18030") == true)
        #expect(errors.first?.message.contains("save the file as UTF-8") == true)
    }

    @Test func unterminatedQuoteIsReportedWhereItOpens() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("events.csv", "2019-04-01,hanyin,safety,\"县应急局,1,no,未闭合")
        expectSingleError(fixture, file: "events.csv", line: line, "never closed", "\"\"")
    }

    @Test func rowWithTooFewValues() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("observations.csv", "hanyin,fai,2019-09")
        expectSingleError(fixture, file: "observations.csv", line: line, "3 values", "4 columns")
    }

    @Test func unquotedCommaInANumberSplitsTheRow() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "hanyin,fai,120", with: "hanyin,fai,1,200")
        expectSingleError(fixture, file: "targets.csv", line: line, "4 values", "double quotes", "\"1,234.5\"")
    }

    // MARK: dataset.yaml

    @Test func malformedYAMLNamesItsLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "as_of: 2019-08", with: "  as_of: 2019-08")
        let errors = fixture.errors()
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.file == "dataset.yaml" && error.line == 3, "\(error)")
        #expect(error.message.contains("malformed") && error.message.contains("indentation"))
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
        expectSingleError(fixture, file: "dataset.yaml", line: 14, "year", "twice", "line 2")
    }

    @Test func gradesMustStrictlyDecrease() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("dataset.yaml", "{name: 良好, min: 80}", with: "{name: 良好, min: 90}")
        expectSingleError(fixture, file: "dataset.yaml", line: line, "良好", "not below 90 of 优秀 (line 10)",
                          "strictly decreasing")
    }

    @Test func gradesAreRequired() throws {
        let fixture = try LoadingFixture()
        let text = LoadingFixture.datasetYAML
        fixture.write("dataset.yaml", String(text[..<text.range(of: "grades:")!.lowerBound]))
        expectSingleError(fixture, file: "dataset.yaml", line: 1, "grades is missing", "{name: 优秀, min: 90}")
    }

    @Test func homeMustBeAUnit() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "home: ningshan", with: "home: Ningshan")
        expectSingleError(fixture, file: "dataset.yaml", line: 4, "\"Ningshan\" is not among the units",
                          "ningshan, hanyin, shiquan", "did you mean ningshan")
    }

    @Test func duplicateUnitNamesTheLaterLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "{id: shiquan, name: 石泉县}", with: "{id: hanyin, name: 石泉县}")
        // The targets and observations of shiquan are then about an unknown unit: look at dataset.yaml only.
        let errors = fixture.errors().filter { $0.file == "dataset.yaml" }
        #expect(errors.count == 1)
        #expect(errors.first?.line == 8)
        #expect(errors.first?.message.contains("listed twice (first on line 7)") == true)
    }

    @Test func asOfMustBeAMonthOfTheYear() throws {
        let fixture = try LoadingFixture()
        fixture.replace("dataset.yaml", "as_of: 2019-08", with: "as_of: 2018-08")
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "not within year 2019", "as_of: 2019-08")
        fixture.replace("dataset.yaml", "as_of: 2018-08", with: "as_of: 2019-8")
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "\"2019-8\" is not a month", "YYYY-MM")
    }

    @Test func asOfOverrideLaterThanTheDataIsAnError() throws {
        let fixture = try LoadingFixture()
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "--as-of 2019-10 is later than as_of 2019-08",
                          "give 2019-08 or an earlier month of 2019", asOf: YearMonth(year: 2019, month: 10))
        expectSingleError(fixture, file: "dataset.yaml", line: 3, "--as-of 2018-05 is not within the assessment year 2019",
                          asOf: YearMonth(year: 2018, month: 5))
    }

    @Test func settingOutOfRange() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "risk: {warning_below: 1.5}\nreporting:\n  deadline_day: 15.5\n")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [14, 16])
        #expect(errors.first?.message.contains("risk.warning_below 1.5 is not a probability between 0 and 1") == true)
        #expect(errors.last?.message.contains("deadline_day") == true)
    }

    @Test func historyGradeMustBeABand() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "history_grades:\n  2018: 特优\n")
        expectSingleError(fixture, file: "dataset.yaml", line: 15, "特优", "优秀, 良好, 一般, 较差")
    }

    @Test func unknownKeysAreNotes() throws {
        let fixture = try LoadingFixture()
        fixture.write("dataset.yaml", LoadingFixture.datasetYAML + "colour: red\nscoring:\n  special: {x: 1}\n")
        let (dataset, problems) = fixture.validate()
        #expect(dataset != nil)
        #expect(problems.map(\.severity) == [.note, .note])
        #expect(problems.map(\.line) == [14, 16])
        #expect(problems.last?.message.contains("quantitative, bonus, common, new, negative") == true)
    }

    // MARK: indicators.csv

    @Test func unknownCategory() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "quantitative,cumulative", with: "quantitive,cumulative")
        expectSingleError(fixture, file: "indicators.csv", line: 2, "\"quantitive\" is unknown",
                          "quantitative, bonus, common, new, negative")
    }

    @Test func unknownMeasureAndDirection() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "quantitative,rate,%,higher", with: "quantitative,ratio,%,up")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.allSatisfy { $0.file == "indicators.csv" && $0.line == 3 })
        #expect(errors.contains { $0.message.contains("measure \"ratio\"") && $0.message.contains("cumulative, rate, level, grade, events") })
        #expect(errors.contains { $0.message.contains("direction \"up\"") && $0.message.contains("higher") })
    }

    @Test func categoryAndMeasureMustPair() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "fai,固定资产投资,quantitative", with: "fai,固定资产投资,common")
        expectSingleError(fixture, file: "indicators.csv", line: 2, "category common, which takes measure grade",
                          "not cumulative", "use category quantitative | bonus | new")
    }

    @Test func duplicateIndicatorNamesTheEarlierLine() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("indicators.csv", "party,党建工作2,common,grade,,higher,5,王五,县委组织部,,市考核办")
        expectSingleError(fixture, file: "indicators.csv", line: line, "party is listed twice (first on line 4)")
    }

    @Test func badWeight() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "higher,8,李四", with: "higher,8分,李四")
        expectSingleError(fixture, file: "indicators.csv", line: 3, "weight \"8分\" is not a number", "e.g. 12.3")
    }

    // MARK: targets.csv

    @Test func missingTargetIsReportedAtTheIndicatorLine() throws {
        let fixture = try LoadingFixture()
        fixture.replace("targets.csv", "hanyin,gdp_growth,7.5\n", with: "")
        expectSingleError(fixture, file: "indicators.csv", line: 3, "gdp_growth has no target for unit hanyin",
                          "hanyin,gdp_growth,TARGET")
    }

    @Test(arguments: ["0", "-5"])
    func targetMustBePositive(target: String) throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "shiquan,fai,90", with: "shiquan,fai,\(target)")
        expectSingleError(fixture, file: "targets.csv", line: line, "target \(target) is not above 0", "must be > 0")
    }

    @Test func duplicateTarget() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("targets.csv", "hanyin,fai,125")
        expectSingleError(fixture, file: "targets.csv", line: line, "duplicate target for unit hanyin on indicator fai",
                          "first on line 4")
    }

    @Test func targetOnAGradeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("targets.csv", "hanyin,party,90")
        expectSingleError(fixture, file: "targets.csv", line: line, "party has measure grade", "remove this row")
    }

    @Test func percentOnACumulativeTarget() throws {
        let fixture = try LoadingFixture()
        let line = fixture.replace("targets.csv", "hanyin,fai,120", with: "hanyin,fai,120%")
        expectSingleError(fixture, file: "targets.csv", line: line, "\"120%\" has a % sign", "write the number alone, e.g. 120")
    }

    @Test func unknownUnitAndIndicatorInTargets() throws {
        let fixture = try LoadingFixture()
        fixture.append("targets.csv", "Hanyin,fai,125")
        fixture.append("targets.csv", "hanyin,gdp,7")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [8, 9])
        #expect(errors[0].message.contains("unknown unit \"Hanyin\"") && errors[0].message.contains("did you mean hanyin"))
        #expect(errors[1].message.contains("unknown indicator \"gdp\"") && errors[1].message.contains("fai, gdp_growth, party, safety"))
    }

    // MARK: observations.csv

    @Test(arguments: [
        ("\"12,3\"", "value \"12,3\" is not a number; write digits with an optional decimal point, e.g. 12.3 or \"1,234.5\""),
        ("\"12,3a\"", "value \"12,3a\" is not a number"),
        ("abc", "value \"abc\" is not a number"),
        ("NaN", "value \"NaN\" is not a number"),
        ("inf", "value \"inf\" is not a number"),
        ("-Infinity", "value \"-Infinity\" is not a number"),
        ("", "value is empty; write a number"),
        ("1e999", "too large"),
        ("45%", "has a % sign, which only rate and level indicators take"),
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
        ("2019-8", "period \"2019-8\" is not YYYY-MM; write it as YYYY-MM, e.g. 2019-08"),
        ("2019/05", "period \"2019/05\" is not YYYY-MM"),
        ("2019-13", "period \"2019-13\" is impossible (there is no month 13)"),
        ("1948-05", "period 1948-05 is before 1949"),
        ("2020-05", "period 2020-05 is after the assessment year 2019"),
        ("", "period is empty"),
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
        #expect(errors[0].message.contains("unknown unit \"pingli\"") && errors[0].message.contains("2 rows name it, the last on line \(last)"))
        #expect(errors[1].message.contains("unknown indicator \"FAI\"") && errors[1].message.contains("did you mean fai"))
    }

    @Test func duplicateObservationNamesTheFirstRow() throws {
        let fixture = try LoadingFixture()
        let first = fixture.line(of: "hanyin,gdp_growth,2019-03,", in: "observations.csv")
        let line = fixture.append("observations.csv", "hanyin,gdp_growth,2019-03,7.9")
        expectSingleError(fixture, file: "observations.csv", line: line,
                          "duplicate row for unit hanyin, indicator gdp_growth, period 2019-03 (first on line \(first))")
    }

    @Test func cumulativeSeriesMustNotFallWithinAYear() throws {
        let fixture = try LoadingFixture()
        let april = fixture.line(of: "ningshan,fai,2019-04,", in: "observations.csv")
        let line = fixture.replace("observations.csv", "ningshan,fai,2019-05,45", with: "ningshan,fai,2019-05,30")
        expectSingleError(fixture, file: "observations.csv", line: line,
                          "cumulative value 30 of unit ningshan on fai for 2019-05 is below 37 of 2019-04 (line \(april))",
                          "never falls")
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
        expectSingleError(fixture, file: "observations.csv", line: line, "cumulative value \(value) is not above 0",
                          "must be > 0")
    }

    @Test func lowerIndicatorNeedsAPositiveCurrentValue() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "rate,%,higher", with: "rate,%,lower")
        let line = fixture.replace("observations.csv", "hanyin,gdp_growth,2019-08,8.3", with: "hanyin,gdp_growth,2019-08,-0.4")
        expectSingleError(fixture, file: "observations.csv", line: line, "gdp_growth is lower-is-better",
                          "unit hanyin (2019-08) is -0.4", "must be > 0")
    }

    @Test func observationsOfAGradeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("observations.csv", "hanyin,party,2019-03,90")
        expectSingleError(fixture, file: "observations.csv", line: line, "party has measure grade", "reviews.csv")
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
        #expect(errors[0].message.contains("period \"2018-7\""))
        #expect(errors[1].message.contains("value \"27..5"))
        #expect(errors[2].message.contains("unknown indicator \"gdp\""))
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
        #expect(errors.contains { $0.message.contains("plan \"y\" is not yes or no; write yes or no") })
        #expect(errors.contains { $0.message.contains("grade \"E\" is not A, B, C or D") && $0.message.contains("leave it empty") })
    }

    @Test func badQuarterAndDuplicateReview() throws {
        let fixture = try LoadingFixture()
        let bad = fixture.append("reviews.csv", "hanyin,party,2019-Q5,yes,yes,yes,A")
        let duplicate = fixture.append("reviews.csv", "ningshan,party,2019-Q1,yes,yes,yes,B")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [bad, duplicate])
        #expect(errors[0].message.contains("quarter \"2019-Q5\" is impossible (there is no quarter 5)"))
        #expect(errors[1].message.contains("duplicate review of unit ningshan on indicator party for 2019-Q1 (first on line 2)"))
    }

    @Test(arguments: [
        ("2019-02-30", "date \"2019-02-30\" is impossible (2019-02 has 28 days)"),
        ("2019/3/2", "date \"2019/3/2\" is not YYYY-MM-DD"),
        ("1900-01-05", "date 1900-01-05 is before 1949"),
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
        #expect(errors.contains { $0.message.contains("points 0 is not above 0") })
        #expect(errors.contains { $0.message.contains("veto \"是\" is not yes or no; write yes or no") })
    }

    @Test func eventOfANonNegativeIndicator() throws {
        let fixture = try LoadingFixture()
        let line = fixture.append("events.csv", "2019-04-02,hanyin,fai,,1,no,x")
        expectSingleError(fixture, file: "events.csv", line: line, "fai has measure cumulative", "measure events")
    }

    @Test func badSubmissionDateAndDuplicate() throws {
        let fixture = try LoadingFixture()
        let bad = fixture.append("submissions.csv", "县统计局,2019-05,2019-06-31")
        let duplicate = fixture.append("submissions.csv", "县统计局,2019-06,2019-07-13")
        let errors = fixture.errors()
        #expect(errors.count == 2, "\(errors)")
        #expect(errors.map(\.line) == [bad, duplicate])
        #expect(errors[0].message.contains("submitted_on \"2019-06-31\" is impossible (2019-06 has 30 days)"))
        #expect(errors[0].message.contains("leave it empty when not submitted"))
        #expect(errors[1].message.contains("duplicate report of 县统计局 for 2019-06 (first on line 2)"))
    }
}
