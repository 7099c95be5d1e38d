import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// observations.csv is read in parallel chunks cut at line ends; cuts that fall inside quoted fields with
/// line breaks must not change anything: the same values, the same problems at the same lines.
@Suite struct LoadingChunkTests {
    /// The fixture's observations with a `note` column (ignored) whose quoted text spans lines on every
    /// third row, `bad` rows carrying errors, and the 1-based lines of those rows.
    static func observationsWithNotes(bad: Set<Int>) -> (text: String, badLines: [Int]) {
        let rows = LoadingFixture.observationsCSV.split(separator: "\n").dropFirst()
        var text = "unit,indicator,period,value,note\n"
        var line = 2
        var badLines: [Int] = []
        for (index, row) in rows.enumerated() {
            var fields = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if bad.contains(index) {
                fields[3] = "\"1,2\""
                badLines.append(line)
            }
            let note = index % 3 == 0 ? "\"第\(index)行备注,\n含逗号与\"\"引号\"\"\r\n及换行\"" : "备注\(index)"
            text += fields.joined(separator: ",") + "," + note + "\n"
            line += 1 + (index % 3 == 0 ? 2 : 0)
        }
        return (text, badLines)
    }

    /// A loader cutting observations.csv into chunks of `chunkBytes` and assembling in parts of `seriesPerPart`
    /// series.
    func loader(chunkBytes: Int, seriesPerPart: Int = 1) -> DatasetLoader {
        var loader = DatasetLoader(categories: registeredCategories)
        loader.observationChunkBytes = chunkBytes
        loader.observationSeriesPerPart = seriesPerPart
        return loader
    }

    @Test(arguments: [1, 7, 64, 300])
    func smallChunksReadTheSameAsOne(chunkBytes: Int) throws {
        let fixture = try LoadingFixture()
        let (text, _) = LoadingChunkTests.observationsWithNotes(bad: [])
        fixture.write("observations.csv", text)
        let whole = loader(chunkBytes: 1 << 30, seriesPerPart: 1 << 30).validate(directory: fixture.directory)
        let pieces = loader(chunkBytes: chunkBytes).validate(directory: fixture.directory)
        let a = try #require(whole.dataset), b = try #require(pieces.dataset)
        #expect(whole.problems.map(\.description) == pieces.problems.map(\.description))
        #expect(whole.problems.count == 1 && whole.problems.first?.message.contains("\"note\"") == true)
        #expect(a.observations.values.count == b.observations.values.count)
        #expect(zip(a.observations.values, b.observations.values).allSatisfy { $0.bitPattern == $1.bitPattern })
        #expect(a.observations.value(indicator: 0, unit: 2, year: 2019, month: 8).map {
            close($0, LoadingFixture.faiValue(unit: 2, year: 2019, month: 8))
        } == true)
    }

    @Test(arguments: [5, 50, 1 << 30])
    func problemLinesAreRightAcrossChunks(chunkBytes: Int) throws {
        let fixture = try LoadingFixture()
        let (text, badLines) = LoadingChunkTests.observationsWithNotes(bad: [0, 1, 17, 40, 41, 99, 107])
        fixture.write("observations.csv", text)
        // A duplicate at the end, of a row far back, and a fall within a year.
        let duplicateLine = text.utf8.count { $0 == 0x0A } + 1
        fixture.write("observations.csv", text + "shiquan,gdp_growth,2018-05,8.5,\"x\ny\"\n")
        let (dataset, problems) = loader(chunkBytes: chunkBytes).validate(directory: fixture.directory)
        #expect(dataset == nil)
        let errors = problems.filter { $0.severity == .error }
        #expect(errors.map(\.line) == badLines + [duplicateLine], "\(errors)")
        #expect(errors.dropLast().allSatisfy { $0.message.contains("value \"1,2\" 不是数字") })
        let range = try #require(text.range(of: "\nshiquan,gdp_growth,2018-05,"))
        let firstLine = text[..<range.lowerBound].utf8.count { $0 == 0x0A } + 2
        #expect(errors.last?.message.contains("首次在第 \(firstLine) 行") == true, "\(errors.last!)")
    }

    @Test func unterminatedQuoteNearTheEndIsOneProblem() throws {
        let fixture = try LoadingFixture()
        let (text, _) = LoadingChunkTests.observationsWithNotes(bad: [])
        let line = text.utf8.count { $0 == 0x0A } + 1
        fixture.write("observations.csv", text + "hanyin,fai,2019-09,1,\"open\nand never closed\n")
        for chunkBytes in [3, 1 << 30] {
            let errors = loader(chunkBytes: chunkBytes).validate(directory: fixture.directory).problems
                .filter { $0.severity == .error }
            #expect(errors.count == 1 && errors.first?.line == line && errors.first?.message.contains("没有结束引号") == true,
                    "\(errors)")
        }
    }

    /// Duplicates, falls and `lower` values ≤ 0 are found the same whether the assembly runs in one part or
    /// in parts by series range.
    @Test func assemblyInPartsFindsTheSameProblems() throws {
        let fixture = try LoadingFixture()
        fixture.replace("indicators.csv", "rate,%,higher", with: "rate,%,lower")
        fixture.replace("observations.csv", "hanyin,gdp_growth,2019-08,8.3", with: "hanyin,gdp_growth,2019-08,-0.4")
        fixture.replace("observations.csv", "ningshan,fai,2019-05,45", with: "ningshan,fai,2019-05,30")
        fixture.append("observations.csv", "shiquan,fai,2018-03,30")
        var results: [[String]] = []
        for (chunkBytes, seriesPerPart) in [(1 << 30, 1 << 30), (5, 1), (50, 2), (1 << 30, 1)] {
            let problems = loader(chunkBytes: chunkBytes, seriesPerPart: seriesPerPart)
                .validate(directory: fixture.directory).problems
            results.append(problems.map(\.description))
        }
        #expect(results.allSatisfy { $0 == results[0] })
        let errors = results[0]
        #expect(errors.count == 3, "\(errors)")
        #expect(errors.contains { $0.contains("单位 ningshan 指标 fai 2019-05 的累计值 30") })
        #expect(errors.contains { $0.contains("单位 hanyin 的当前值（2019-08）为 -0.4") })
        #expect(errors.contains { $0.contains("单位 shiquan、指标 fai、period 2018-03 的数据重复") })
    }
}
