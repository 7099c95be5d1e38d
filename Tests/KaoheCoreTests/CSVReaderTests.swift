import Foundation
import Testing
@testable import KaoheCore

/// The CSV reader against an independent parser (Python's `csv` module) on a corpus of awkward files, and
/// its own rules: starting lines, blank records, malformed quoting, reading in pieces.
@Suite struct CSVReaderTests {
    /// What a parser saw: each record's starting line and fields.
    struct Parsed: Equatable, CustomStringConvertible {
        var line: Int
        var fields: [String]
        var description: String { "\(line): \(fields)" }
    }

    /// The corpus: awkward but well-formed CSV, as bytes.
    static let corpus: [(name: String, bytes: [UInt8])] = {
        var files: [(String, [UInt8])] = []
        func add(_ name: String, _ text: String) { files.append((name, Array(text.utf8))) }
        add("plain-lf", "unit,indicator,period,value\nningshan,fai,2019-02,12.5\nhanyin,fai,2019-02,13\n")
        add("crlf-no-final-newline", "a,b,c\r\n1,2,3\r\n4,5,6")
        add("quoted-commas", "id,name,note\n1,\"Smith, John\",\"a, b, c\"\n2,\"\",plain\n")
        add("doubled-quotes", "id,quote\n1,\"He said \"\"hi\"\"\"\n2,\"\"\"\"\n3,\"\"\"start\"\n4,\"end\"\"\"\n")
        add("embedded-newlines", "id,text\n1,\"line one\nline two\"\n2,\"crlf\r\ninside\"\n3,after\n4,\"\n\n\"\n5,last\n")
        add("blank-and-empty", "a,b,c\n\n1,,3\n,,\n\n,2,\n\"\",\"\",\"\"\n4,5,6\n\n\n")
        add("unicode", "单位,指标,备注\n宁陕县,固定资产投资,\"增长，较快\"\n汉阴县,地区生产总值增速,😀 emoji\n石泉县,１２３．５,－１\n")
        add("lone-cr", "a,b\r1,2\r\"x\ry\",3\r")
        add("trailing-comma", "a,b,c\n1,2,\n,,3\nx,y,")
        add("single-column", "value\n1\n\n2\n\"\"\n3")
        add("quote-in-unquoted", "a,b\nab\"c,d\n5'3\",x\n")
        add("only-header", "unit,indicator,period,value")
        add("empty", "")
        add("spaces", " a , b \nx, \"y\"\n\" q \",\t\n")
        var bom = [UInt8]([0xEF, 0xBB, 0xBF])
        bom += Array("id,名称\n1,\"宁陕县\"\r\n2,汉阴县\r\n".utf8)
        files.append(("bom-crlf", bom))
        files.append(("random", CSVReaderTests.randomCSV(records: 3000, seed: 42)))
        files.append(("random-crlf", CSVReaderTests.randomCSV(records: 2000, seed: 7, lineEnd: "\r\n")))
        return files
    }()

    /// Random records of random fields — quotes, commas, line ends, Chinese text, empties — written the
    /// RFC 4180 way.
    static func randomCSV(records: Int, seed: UInt64, lineEnd: String = "\n") -> [UInt8] {
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        let pieces = ["a", "b", "12.5", ",", "\"", "\n", "\r\n", " ", "县", "宁陕", "😀", "x,y", "\"\"", "—", "%"]
        var text = ""
        for _ in 0..<records {
            let fieldCount = Int(next() % 5) + 1
            var fields: [String] = []
            for _ in 0..<fieldCount {
                var field = ""
                for _ in 0..<Int(next() % 6) { field += pieces[Int(next() % UInt64(pieces.count))] }
                let needsQuotes = field.contains(",") || field.contains("\"") || field.contains("\n")
                    || field.contains("\r") || next() % 4 == 0
                fields.append(needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field)
            }
            text += fields.joined(separator: ",") + lineEnd
        }
        return Array(text.utf8)
    }

    /// What Python's csv module reads from each file (blank records dropped, like ours): starting lines
    /// from `line_num`.
    static func python(_ paths: [String]) throws -> [[Parsed]] {
        let script = """
            import csv, json, sys
            out = []
            for path in sys.argv[1:]:
                rows = []
                with open(path, newline='', encoding='utf-8-sig') as f:
                    reader = csv.reader(f)
                    previous = 0
                    for record in reader:
                        if any(field != '' for field in record):
                            rows.append([previous + 1, record])
                        previous = reader.line_num
                out.append(rows)
            json.dump(out, sys.stdout)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + paths
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let files = try #require(try JSONSerialization.jsonObject(with: data) as? [[[Any]]])
        return files.map { rows in
            rows.map { row in Parsed(line: row[0] as! Int, fields: row[1] as! [String]) }
        }
    }

    static func ours(_ bytes: [UInt8], skipBlankRecords: Bool = true) throws -> [Parsed] {
        let table = try CSVTable(bytes: bytes, skipBlankRecords: skipBlankRecords)
        #expect(table.issues.isEmpty, "\(table.issues)")
        return (0..<table.count).map { Parsed(line: table.line($0), fields: table.fields($0)) }
    }

    @Test func agreesWithPythonOnTheCorpus() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for file in CSVReaderTests.corpus {
            let path = directory.appendingPathComponent(file.name + ".csv").path
            try Data(file.bytes).write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let expected = try CSVReaderTests.python(paths)
        #expect(expected.count == CSVReaderTests.corpus.count)
        for (file, python) in zip(CSVReaderTests.corpus, expected) {
            let ours = try CSVReaderTests.ours(file.bytes)
            #expect(ours.count == python.count, "\(file.name): \(ours.count) records, Python \(python.count)")
            for (a, b) in zip(ours, python) {
                #expect(a == b, "\(file.name): ours \(a), Python \(b)")
            }
        }
        // The random files are not trivial.
        #expect(expected.last!.count > 1500 && expected.last!.contains { $0.fields.contains { $0.contains("\n") } })
    }

    @Test func startingLinesCountLineEndsInsideQuotes() throws {
        let records = try CSVReaderTests.ours(Array("h\n\"a\nb\r\nc\"\nnext\r\n\r\n\"x\ry\"\rlast".utf8))
        #expect(records == [
            Parsed(line: 1, fields: ["h"]),
            Parsed(line: 2, fields: ["a\nb\r\nc"]),
            Parsed(line: 5, fields: ["next"]),
            Parsed(line: 7, fields: ["x\ry"]),
            Parsed(line: 9, fields: ["last"]),
        ])
    }

    @Test func blankRecordsCanBeKept() throws {
        let records = try CSVReaderTests.ours(Array("a\n\n,\nb".utf8), skipBlankRecords: false)
        #expect(records == [Parsed(line: 1, fields: ["a"]), Parsed(line: 2, fields: [""]),
                            Parsed(line: 3, fields: ["", ""]), Parsed(line: 4, fields: ["b"])])
    }

    @Test func fieldsAreByteRangesIntoTheSource() throws {
        let table = try CSVTable(bytes: Array("ab,\"c\"\"d\",\"e,f\"\n".utf8))
        #expect(table.records.field(0, 0) == CSVField(start: 0, end: 2, hasDoubledQuotes: false))
        #expect(table.records.field(0, 1) == CSVField(start: 4, end: 8, hasDoubledQuotes: true))
        #expect(table.records.field(0, 2) == CSVField(start: 11, end: 14, hasDoubledQuotes: false))
        #expect(table.fields(0) == ["ab", "c\"d", "e,f"])
    }

    @Test func unterminatedQuoteIsAnIssueAtTheRecordStart() throws {
        let table = try CSVTable(bytes: Array("a,b\n1,\"open\nstill open\n2,3\n".utf8))
        #expect(table.count == 1)
        #expect(table.issues.count == 1)
        #expect(table.issues.first?.line == 2)
        #expect(table.issues.first?.message.contains("没有结束引号") == true)
    }

    @Test func textAfterAClosingQuoteIsAnIssueAndTheRecordIsLeftOut() throws {
        let table = try CSVTable(bytes: Array("a,b\n1,\"x\"y\n2,3\n".utf8))
        #expect(table.count == 2)
        #expect(table.fields(1) == ["2", "3"])
        #expect(table.issues.map(\.line) == [2])
        #expect(table.issues.first?.message.contains("在结束引号之后还有文字") == true)
    }

    /// Reading in pieces cut at arbitrary line ends, the way the loader's chunks do, gives the same records
    /// once every piece starts where the previous one stopped.
    @Test func readingInPiecesAtAnyCutGivesTheSameRecords() throws {
        let bytes = CSVReaderTests.randomCSV(records: 400, seed: 99)
        let whole = try CSVReaderTests.ours(bytes)
        let buffer = ByteBlock(bytes)
        let source = buffer.bytes
        for cutCount in [2, 3, 7, 31] {
            // Cuts just after line ends (some inside quoted fields).
            var cuts = [0]
            for k in 1..<cutCount {
                var p = bytes.count * k / cutCount
                while p < bytes.count && bytes[p] != 0x0A { p += 1 }
                if p + 1 < bytes.count && p + 1 > cuts.last! { cuts.append(p + 1) }
            }
            cuts.append(bytes.count)
            var pieces: [Parsed] = []
            var position = 0
            var line = 1
            for k in 0..<(cuts.count - 1) {
                let start = max(position, cuts[k])
                if start != cuts[k] && start >= cuts[k + 1] { continue }
                // A piece that would have started inside a quoted field starts where the previous one stopped.
                let records = CSVRecords()
                var reader = CSVReader(source, from: start, line: line)
                reader.read(into: records, limit: cuts[k + 1])
                for r in 0..<records.count {
                    pieces.append(Parsed(line: records.line(r), fields: (0..<records.fieldCount(r)).map {
                        records.string(records.field(r, $0), in: source)
                    }))
                }
                position = reader.position
                line = reader.line
            }
            #expect(pieces == whole, "with \(cutCount) pieces")
        }
    }
}
