import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// Awkward but valid input, as Excel, WPS and Chinese input methods produce it, is accepted.
@Suite struct LoadingAcceptedInputTests {
    /// `text` encoded as GB18030 by Python's codec (an implementation independent of glibc's iconv).
    static func gb18030(_ text: String) throws -> [UInt8] {
        try run("/usr/bin/env", ["python3", "-c",
                                 "import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode('utf-8').encode('gb18030'))"],
                input: Array(text.utf8))
    }

    static func run(_ tool: String, _ arguments: [String], input: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        try process.run()
        stdin.fileHandleForWriting.write(Data(input))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return Array(output)
    }

    @Test func gb18030BytesOfNingshanAreVerifiedIndependently() throws {
        let expected: [UInt8] = [0xC4, 0xFE, 0xC9, 0xC2, 0xCF, 0xD8]
        #expect(try LoadingAcceptedInputTests.gb18030("宁陕县") == expected)
        #expect(try LoadingAcceptedInputTests.run("/usr/bin/iconv", ["-f", "UTF-8", "-t", "GB18030"],
                                                  input: Array("宁陕县".utf8)) == expected)
        let decoded = try TextDecoder.decode(ByteBlock(expected))
        #expect(decoded.encoding == .gb18030)
        #expect(decoded.string == "宁陕县")
        // Characters outside GBK (four-byte GB18030 sequences) come through too.
        let rare = "𠀀鿿€"
        let rareDecoded = try TextDecoder.decode(ByteBlock(try LoadingAcceptedInputTests.gb18030(rare)))
        #expect(rareDecoded.string == rare)
    }

    @Test func wholeDatasetInGB18030() throws {
        let fixture = try LoadingFixture()
        for name in ["dataset.yaml", "indicators.csv", "targets.csv", "reviews.csv", "events.csv", "submissions.csv"] {
            fixture.write(name, bytes: try LoadingAcceptedInputTests.gb18030(fixture.read(name)))
        }
        let (dataset, problems) = fixture.validate()
        #expect(problems.isEmpty, "\(problems)")
        let data = try #require(dataset)
        #expect(data.settings.name == "测试数据")
        #expect(data.units.map(\.name) == ["宁陕县", "汉阴县", "石泉县"])
        #expect(data.settings.grades.first?.name == "优秀")
        #expect(data.indicators.map(\.name) == ["固定资产投资", "地区生产总值增速", "党建工作", "安全生产"])
        #expect(data.indicators[0].cooperatingDepartments == ["县统计局", "县财政局"])
        #expect(data.events[1].description == "较大事故" && data.events[1].department == "县应急局")
        #expect(data.submissions[0].department == "县统计局")
    }

    @Test func gb18030ErrorsStillNameTheirLine() throws {
        let fixture = try LoadingFixture()
        fixture.write("indicators.csv", bytes: try LoadingAcceptedInputTests.gb18030(
            LoadingFixture.indicatorsCSV.replacingOccurrences(of: "common,grade", with: "共性,grade")))
        expectSingleError(fixture, file: "indicators.csv", line: 4, "category \"共性\" 无法识别")
    }

    @Test func byteOrderMarksEverywhere() throws {
        let fixture = try LoadingFixture()
        for name in ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv", "reviews.csv", "events.csv",
                     "submissions.csv"] {
            fixture.write(name, bytes: [0xEF, 0xBB, 0xBF] + Array(fixture.read(name).utf8))
        }
        let (dataset, problems) = fixture.validate()
        #expect(problems.isEmpty, "\(problems)")
        #expect(dataset?.indicators.first?.id == "fai")
        #expect(dataset?.units.first?.id == "ningshan")
    }

    @Test func crlfLineEndsEverywhereKeepLineNumbers() throws {
        let fixture = try LoadingFixture()
        for name in ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv", "reviews.csv", "events.csv",
                     "submissions.csv"] {
            fixture.write(name, fixture.read(name).replacingOccurrences(of: "\n", with: "\r\n"))
        }
        let (dataset, problems) = fixture.validate()
        #expect(problems.isEmpty, "\(problems)")
        #expect(dataset?.observations.value(indicator: 0, unit: 2, year: 2019, month: 8).map {
            close($0, LoadingFixture.faiValue(unit: 2, year: 2019, month: 8))
        } == true)
        let line = fixture.replace("observations.csv", "shiquan,gdp_growth,2019-04,", with: "shiquan,gdp_growth,2019-04x,")
        expectSingleError(fixture, file: "observations.csv", line: line, "period \"2019-04x\"")
    }

    @Test func januaryAndFebruaryReportedTogether() throws {
        let fixture = try LoadingFixture()
        let data = try fixture.load()
        for unit in 0..<3 {
            #expect(data.observations.value(indicator: 0, unit: unit, year: 2019, month: 1) == nil)
            #expect(data.observations.value(indicator: 0, unit: unit, year: 2019, month: 2) != nil)
        }
    }

    @Test func fullWidthDigitsPointAndMinus() throws {
        let fixture = try LoadingFixture()
        fixture.replace("observations.csv", "hanyin,fai,2019-08,77", with: "hanyin,fai,2019-08,７７．５")
        fixture.replace("observations.csv", "shiquan,gdp_growth,2018-02,8.2", with: "shiquan,gdp_growth,2018-02,－１．５")
        fixture.replace("targets.csv", "shiquan,fai,90", with: "shiquan,fai,９０")
        let data = try fixture.load()
        #expect(data.observations.value(indicator: 0, unit: 1, year: 2019, month: 8).map { close($0, 77.5) } == true)
        #expect(data.observations.value(indicator: 1, unit: 2, year: 2018, month: 2).map { close($0, -1.5) } == true)
        #expect(data.target(indicator: 0, unit: 2).map { close($0, 90) } == true)
    }

    @Test func quotedThousandsSeparators() throws {
        let fixture = try LoadingFixture()
        fixture.replace("targets.csv", "ningshan,fai,100", with: "ningshan,fai,\"1,234.5\"")
        fixture.replace("observations.csv", "ningshan,fai,2019-08,69", with: "ningshan,fai,2019-08,\"1,069\"")
        let data = try fixture.load()
        #expect(data.target(indicator: 0, unit: 0).map { close($0, 1234.5) } == true)
        #expect(data.observations.value(indicator: 0, unit: 0, year: 2019, month: 8).map { close($0, 1069) } == true)
    }

    @Test func trailingPercentOnRateValuesAndTargets() throws {
        let fixture = try LoadingFixture()
        fixture.replace("targets.csv", "hanyin,gdp_growth,7.5", with: "hanyin,gdp_growth,7.5%")
        fixture.replace("targets.csv", "shiquan,gdp_growth,8.5", with: "shiquan,gdp_growth,8.5％")
        fixture.replace("observations.csv", "hanyin,gdp_growth,2019-03,7.8", with: "hanyin,gdp_growth,2019-03, 7.8% ")
        let data = try fixture.load()
        #expect(data.target(indicator: 1, unit: 1).map { close($0, 7.5) } == true)
        #expect(data.target(indicator: 1, unit: 2).map { close($0, 8.5) } == true)
        #expect(data.observations.value(indicator: 1, unit: 1, year: 2019, month: 3).map { close($0, 7.8) } == true)
    }

    @Test func rowsAfterAsOfAreIgnoredWithANote() throws {
        let fixture = try LoadingFixture()
        let first = fixture.append("observations.csv", "ningshan,fai,2019-09,80")
        fixture.append("observations.csv", "ningshan,fai,2019-12,1")  // would even fall: not read at all
        fixture.append("events.csv", "2019-09-03,hanyin,safety,,2,yes,后来的事故")
        fixture.append("reviews.csv", "hanyin,party,2019-Q4,yes,yes,yes,A")
        fixture.append("submissions.csv", "县统计局,2019-08,")
        let (dataset, problems) = fixture.validate()
        let data = try #require(dataset)
        #expect(problems.allSatisfy { $0.severity == .note }, "\(problems)")
        #expect(problems.map(\.file) == ["observations.csv", "reviews.csv", "events.csv", "submissions.csv"])
        #expect(problems.first?.line == first && problems.first?.message.contains("之后的 2019 年数据共 2 行，已忽略") == true)
        #expect(data.observations.value(indicator: 0, unit: 0, year: 2019, month: 9) == nil)
        #expect(data.events.count == 2 && data.reviews.count == 4 && data.submissions.count == 3)
    }

    @Test func readingAsOfAnEarlierMonth() throws {
        let fixture = try LoadingFixture()
        let data = try fixture.load(asOf: YearMonth(year: 2019, month: 5))
        #expect(data.settings.asOf == YearMonth(year: 2019, month: 5))
        #expect(data.observations.value(indicator: 0, unit: 0, year: 2019, month: 5) != nil)
        #expect(data.observations.value(indicator: 0, unit: 0, year: 2019, month: 6) == nil)
        #expect(data.observations.latestMonth(indicator: 1, unit: 2, year: 2019) == 5)
        #expect(data.events.count == 2)  // 2018-06 and 2019-03
        #expect(data.reviews.count == 4)  // Q1 and Q2 (May is in Q2)
        #expect(data.submissions.isEmpty)  // June's and July's reports are not due by May
        #expect(data.notes.contains { $0.file == "observations.csv" && $0.message.contains("as_of 2019-05 之后的 2019 年数据") })
    }

    @Test func keywordsAndHeadersAreTrimmedAndCaseInsensitive() throws {
        let fixture = try LoadingFixture()
        fixture.replace("observations.csv", "unit,indicator,period,value", with: " Unit ,INDICATOR, Period ,Value")
        fixture.replace("indicators.csv", "fai,固定资产投资,quantitative,cumulative,亿元,higher",
                        with: "fai,固定资产投资, Quantitative ,CUMULATIVE,亿元,Higher ")
        fixture.replace("reviews.csv", "ningshan,party,2019-Q1,yes,yes,yes,A", with: "ningshan,party,2019-q1, YES ,Yes,yes, a ")
        fixture.replace("targets.csv", "hanyin,fai,120", with: " hanyin ,\u{3000}fai,120")
        let data = try fixture.load()
        #expect(data.indicators[0].category == "quantitative" && data.indicators[0].measure == .cumulative)
        #expect(data.reviews[0].grade == "A" && data.reviews[0].plan && data.reviews[0].quarter.quarter == 1)
        #expect(data.target(indicator: 0, unit: 1).map { close($0, 120) } == true)
    }

    @Test func blankRowsAreSkippedAndLinesStillCount() throws {
        let fixture = try LoadingFixture()
        fixture.replace("observations.csv", "hanyin,fai,2018-02,", with: ",,,\n\n  , ,\t,\n\"\",,,\nhanyin,fai,2018-02,")
        let (dataset, problems) = fixture.validate()
        #expect(dataset != nil && problems.isEmpty, "\(problems)")
        let line = fixture.replace("observations.csv", "hanyin,fai,2018-05,", with: "hanyin,fai,2018-5,")
        expectSingleError(fixture, file: "observations.csv", line: line, "period \"2018-5\"")
    }

    @Test func quotedLineBreaksInFreeTextKeepLaterLinesRight() throws {
        let fixture = try LoadingFixture()
        fixture.append("events.csv", "2019-05-06,shiquan,safety,县应急局,0.5,no,\"两处问题：\n一、台账不全，\n二、\"\"隐患\"\"未整改\"")
        let line = fixture.append("events.csv", "2019-05-07,shiquan,safety,,0.5,maybe,x")
        expectSingleError(fixture, file: "events.csv", line: line, "veto \"maybe\"")
        fixture.replace("events.csv", ",maybe,", with: ",no,")
        let data = try fixture.load()
        #expect(data.events[2].description == "两处问题：\n一、台账不全，\n二、\"隐患\"未整改")
        #expect(data.events[3].line == line)
    }

    @Test func optionalRuleColumnAndChineseIds() throws {
        let fixture = try LoadingFixture()
        fixture.write("indicators.csv", LoadingFixture.indicatorsCSV
            .replacingOccurrences(of: ",source\n", with: ",source,rule\n")
            .replacingOccurrences(of: ",统计局\nparty", with: ",统计局,deviation\nparty")
            .replacingOccurrences(of: "fai,", with: "固投,"))
        fixture.write("targets.csv", LoadingFixture.targetsCSV.replacingOccurrences(of: ",fai,", with: ",固投,"))
        fixture.write("observations.csv", LoadingFixture.observationsCSV.replacingOccurrences(of: ",fai,", with: ",固投,"))
        let data = try fixture.load()
        #expect(data.indicators[0].id == "固投")
        #expect(data.indicators[1].rule == "deviation" && data.indicators[0].rule == nil)
        #expect(data.observations.value(indicator: 0, unit: 0, year: 2019, month: 8) != nil)
    }

    @Test func directionMayBeLeftEmptyForGradeAndEventIndicators() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "party,党建工作,common,grade,,higher,", with: "party,党建工作,common,grade,,,")
        #expect(try fixture.load().indicators[2].direction == .higher)
    }
}
