import Foundation
import KaoheCategories
import Testing
@testable import KaoheCore

/// A small valid dataset written to a fresh temporary folder (3 units, 4 indicators), for tests to mutate
/// one file at a time. Removed when the value is released.
final class LoadingFixture {
    let directory: String

    static let datasetYAML = """
        name: 测试数据
        year: 2019
        as_of: 2019-08
        home: ningshan
        units:
          - {id: ningshan, name: 宁陕县}
          - {id: hanyin, name: 汉阴县}
          - {id: shiquan, name: 石泉县}
        grades:
          - {name: 优秀, min: 90}
          - {name: 良好, min: 80}
          - {name: 一般, min: 60}
          - {name: 较差, min: 0}

        """

    static let indicatorsCSV = """
        id,name,category,measure,unit,direction,weight,leader,lead_department,cooperating_departments,source
        fai,固定资产投资,quantitative,cumulative,亿元,higher,10,张三,县发改局,县统计局;县财政局,统计局
        gdp_growth,地区生产总值增速,quantitative,rate,%,higher,8,李四,县统计局,,统计局
        party,党建工作,common,grade,,higher,5,王五,县委组织部,,市考核办
        safety,安全生产,negative,events,起,lower,0,赵六,县应急局,,市应急局

        """

    static let targetsCSV = """
        unit,indicator,target
        ningshan,fai,100
        ningshan,gdp_growth,8
        hanyin,fai,120
        hanyin,gdp_growth,7.5
        shiquan,fai,90
        shiquan,gdp_growth,8.5

        """

    static let units = ["ningshan", "hanyin", "shiquan"]

    /// 2018 months 2…12 and 2019 months 2…8 (January reported with February) of fai and gdp_growth.
    static var observationsCSV: String {
        var text = "unit,indicator,period,value\n"
        for (u, unit) in units.enumerated() {
            for year in [2018, 2019] {
                for month in 2...(year == 2019 ? 8 : 12) {
                    let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                    text += "\(unit),fai,\(period),\(faiValue(unit: u, year: year, month: month).formatted(shortest: true))\n"
                }
            }
            for year in [2018, 2019] {
                for month in 2...(year == 2019 ? 8 : 12) {
                    let period = "\(year)-\(month < 10 ? "0" : "")\(month)"
                    text += "\(unit),gdp_growth,\(period),\(growthValue(unit: u, month: month).formatted(shortest: true))\n"
                }
            }
        }
        return text
    }

    static func growthValue(unit: Int, month: Int) -> Double { Double(70 + 5 * unit + month) / 10 }

    static func faiValue(unit: Int, year: Int, month: Int) -> Double {
        Double(month) * (8 + Double(unit)) + Double(year - 2018) * 5
    }

    static let reviewsCSV = """
        unit,indicator,quarter,plan,progress,evidence,grade
        ningshan,party,2019-Q1,yes,yes,yes,A
        hanyin,party,2019-Q1,yes,no,yes,B
        shiquan,party,2019-Q1,yes,yes,yes,
        ningshan,party,2019-Q2,yes,yes,yes,B

        """

    static let eventsCSV = """
        date,unit,indicator,department,points,veto,description
        2018-06-11,hanyin,safety,,0.5,no,一般事故
        2019-03-02,ningshan,safety,县应急局,1,no,较大事故

        """

    static let submissionsCSV = """
        department,period,submitted_on
        县统计局,2019-06,2019-07-12
        县发改局,2019-06,2019-07-20
        县发改局,2019-07,

        """

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("kaohe-loading-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        write("dataset.yaml", LoadingFixture.datasetYAML)
        write("indicators.csv", LoadingFixture.indicatorsCSV)
        write("targets.csv", LoadingFixture.targetsCSV)
        write("observations.csv", LoadingFixture.observationsCSV)
        write("reviews.csv", LoadingFixture.reviewsCSV)
        write("events.csv", LoadingFixture.eventsCSV)
        write("submissions.csv", LoadingFixture.submissionsCSV)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data(text.utf8))
    }

    func write(_ name: String, bytes: [UInt8]) {
        _ = FileManager.default.createFile(atPath: path(name), contents: Data(bytes))
    }

    func read(_ name: String) -> String {
        String(decoding: FileManager.default.contents(atPath: path(name)) ?? Data(), as: UTF8.self)
    }

    func remove(_ name: String) { try? FileManager.default.removeItem(atPath: path(name)) }

    /// Replaces the first occurrence of `old` in file `name`, returning the 1-based line it was on.
    @discardableResult
    func replace(_ name: String, _ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        let text = read(name)
        guard let range = text.range(of: old) else {
            Issue.record("\(old) not in \(name)", sourceLocation: sourceLocation)
            return 0
        }
        let line = text[..<range.lowerBound].utf8.count { $0 == 0x0A } + 1
        write(name, text.replacingCharacters(in: range, with: new))
        return line
    }

    /// Appends a row (a newline is added), returning its line.
    @discardableResult
    func append(_ name: String, _ row: String) -> Int {
        let text = read(name)
        let line = text.utf8.count { $0 == 0x0A } + 1
        write(name, text + row + (text.contains("\r\n") ? "\r\n" : "\n"))
        return line
    }

    /// The 1-based line holding `text` in file `name` (0 when absent).
    func line(of text: String, in name: String) -> Int {
        let lines = read(name).components(separatedBy: "\n")
        return (lines.firstIndex { $0.contains(text) } ?? -1) + 1
    }

    func validate(asOf: YearMonth? = nil) -> (dataset: Dataset?, problems: [Problem]) {
        DatasetLoader(categories: registeredCategories).validate(directory: directory, asOf: asOf)
    }

    func errors(asOf: YearMonth? = nil) -> [Problem] {
        validate(asOf: asOf).problems.filter { $0.severity == .error }
    }

    func load(asOf: YearMonth? = nil) throws -> Dataset {
        try DatasetLoader(categories: registeredCategories).load(directory: directory, asOf: asOf)
    }
}

/// Expects exactly one error, at `file:line`, whose message contains every one of `fragments`.
func expectSingleError(
    _ fixture: LoadingFixture, file: String, line: Int, _ fragments: String..., asOf: YearMonth? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let (dataset, problems) = fixture.validate(asOf: asOf)
    let errors = problems.filter { $0.severity == .error }
    #expect(dataset == nil, "invalid data must not give a dataset", sourceLocation: sourceLocation)
    #expect(errors.count == 1, "expected one error, got:\n\(errors.map(\.description).joined(separator: "\n"))",
            sourceLocation: sourceLocation)
    guard let error = errors.first else { return }
    #expect(error.file == file, "\(error)", sourceLocation: sourceLocation)
    #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
    for fragment in fragments {
        #expect(error.message.contains(fragment), "\(error) lacks \"\(fragment)\"", sourceLocation: sourceLocation)
    }
}

/// Whether two doubles agree within a relative tolerance.
func close(_ a: Double, _ b: Double, tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(a), abs(b))
}
