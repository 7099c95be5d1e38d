/// A dataset CSV file opened for reading: decoded, its header read and its columns found.
struct CSVFile {
    let file: DatasetFile
    let text: DecodedText
    /// The line of the header row.
    let headerLine: Int
    /// The number of header columns.
    let width: Int
    /// The index of each known column present (by its lowercase name).
    let columns: [String: Int]
    /// A row needs at least this many values (up to the last required column); trailing optional and
    /// unused columns may be left out.
    let neededWidth: Int
    /// Where the first data record starts, and its line.
    let dataStart: Int
    let dataLine: Int

    var bytes: UnsafeBufferPointer<UInt8> { text.bytes }

    func column(_ name: String) -> Int { columns[name]! }

    /// Reads, decodes and checks the header of `file` in `directory`. Nil (with the problems logged) when the
    /// file is missing, unreadable, empty, or lacks a required column. A missing optional file is nil
    /// without a problem.
    static func open(
        _ file: DatasetFile, directory: String, required: [String], optional: [String] = [],
        log: inout ProblemLog
    ) -> CSVFile? {
        guard let text = readText(file, directory: directory, log: &log) else { return nil }
        let records = CSVRecords(recordCapacity: 16, fieldsPerRecord: 16)
        var reader = CSVReader(text.bytes)
        reader.read(into: records, maxRecords: 1)
        for issue in reader.issues { log.error(file, issue.line, issue.message) }
        guard records.count == 1 else {
            if reader.issues.isEmpty {
                log.error(file, 1, "文件为空；文件须有一行表头，写明各列列名："
                    + (required + optional).joined(separator: ","))
            }
            return nil
        }
        let headerLine = records.line(0)
        let width = records.fieldCount(0)
        var columns: [String: Int] = [:]
        var seen: [String: Int] = [:]
        var unknown: [String] = []
        var complete = true
        for index in 0..<width {
            let written = records.string(records.field(0, index), in: text.bytes).trimmingSpaces()
            let name = written.lowercased()
            if let earlier = seen[name], !name.isEmpty {
                log.error(file, headerLine, "表头中列 \(quoted(written)) 出现两次（第 \(earlier + 1) 列和第 "
                    + "\(index + 1) 列）；请只保留一列")
                complete = false
                continue
            }
            seen[name] = index
            if required.contains(name) || optional.contains(name) {
                columns[name] = index
            } else if !name.isEmpty {
                unknown.append(written)
            }
        }
        for name in required where columns[name] == nil {
            log.error(file, headerLine, "表头缺少列 \(quoted(name))；表头须包含 "
                + required.joined(separator: ", ") + "（顺序不限）")
            complete = false
        }
        if !unknown.isEmpty {
            log.note(file, headerLine, "列 " + unknown.map(quoted).joined(separator: ", ")
                + " 不会被读取，已忽略（读取的列为 " + (required + optional).joined(separator: ", ") + "）")
        }
        guard complete else { return nil }
        let neededWidth = (required.compactMap { columns[$0] }.max() ?? -1) + 1
        return CSVFile(file: file, text: text, headerLine: headerLine, width: width, columns: columns,
                       neededWidth: neededWidth, dataStart: reader.position, dataLine: reader.line)
    }

    /// The decoded text of `file`, or nil with a problem (missing required file: line 0).
    static func readText(_ file: DatasetFile, directory: String, log: inout ProblemLog) -> DecodedText? {
        let path = directory.hasSuffix("/") ? directory + file.name : directory + "/" + file.name
        let raw: ByteBlock
        do {
            raw = try ByteBlock.read(path: path)
        } catch {
            switch error {
            case .missing:
                if file.isRequired {
                    log.error(file, 0, "\(directory) 中缺少此文件；数据集须包含 dataset.yaml、"
                        + "indicators.csv、targets.csv 和 observations.csv")
                }
            case .isDirectory:
                log.error(file, 0, "\(path) 是文件夹；此处须为文件")
            case let .unreadable(reason):
                log.error(file, 0, "文件无法读取：\(reason)")
            }
            return nil
        }
        do {
            return try TextDecoder.decode(raw)
        } catch {
            log.error(file, error.line, error.message)
            return nil
        }
    }

    /// Every data record, parsed at once (for the smaller files).
    func allRecords(log: inout ProblemLog) -> CSVRecords {
        let records = CSVRecords(recordCapacity: 1024, fieldsPerRecord: width)
        var reader = CSVReader(bytes, from: dataStart, line: dataLine)
        reader.read(into: records)
        for issue in reader.issues { log.error(file, issue.line, issue.message) }
        return records
    }
}

/// One data row of a CSV file, with typed access to its fields (trimmed).
struct CSVRow {
    let records: CSVRecords
    let index: Int
    let source: UnsafeBufferPointer<UInt8>

    var line: Int { records.line(index) }

    @inline(__always)
    func withBytes<R>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        records.withField(records.fieldOrEmpty(index, column), in: source) { body(ByteText.trimmed($0)) }
    }

    func text(_ column: Int) -> String { withBytes(column) { ByteText.string($0) } }
    /// The field as written (untrimmed), for messages.
    func written(_ column: Int) -> String {
        records.string(records.fieldOrEmpty(index, column), in: source)
    }
    func isEmpty(_ column: Int) -> Bool { withBytes(column) { $0.isEmpty } }
    func lookup(_ column: Int, in table: IdentifierTable) -> Int? { withBytes(column) { table.index(of: $0) } }
    func number(_ column: Int, allowPercent: Bool) -> Result<Double, ValueParser.NumberFailure> {
        withBytes(column) { ValueParser.number($0, allowPercent: allowPercent) }
    }
    func period(_ column: Int) -> Result<YearMonth, ValueParser.CalendarFailure> {
        withBytes(column) { ValueParser.period($0) }
    }
    func date(_ column: Int) -> Result<CalendarDate, ValueParser.CalendarFailure> {
        withBytes(column) { ValueParser.date($0) }
    }
    func quarter(_ column: Int) -> Result<YearQuarter, ValueParser.CalendarFailure> {
        withBytes(column) { ValueParser.quarter($0) }
    }
    func yesNo(_ column: Int) -> Bool? { withBytes(column) { ValueParser.yesNo($0) } }

    /// Whether every field is empty once trimmed (a blank row, skipped).
    var isBlank: Bool {
        (0..<records.fieldCount(index)).allSatisfy { isEmpty($0) }
    }
}

extension CSVFile {
    /// Calls `body` for every data row that has the header's shape, reporting rows with too few values or
    /// extra non-empty values (and handing them to `misshapen`, so that a reader can tell it saw the row),
    /// and skipping blank ones.
    func forEachRow(
        log: inout ProblemLog, misshapen: (CSVRow) -> Void = { _ in }, _ body: (CSVRow, inout ProblemLog) -> Void
    ) {
        let records = allRecords(log: &log)
        let source = bytes
        for index in 0..<records.count {
            let row = CSVRow(records: records, index: index, source: source)
            if let message = shapeProblem(row) {
                if !row.isBlank {
                    log.error(file, row.line, message)
                    misshapen(row)
                }
                continue
            }
            if row.isBlank { continue }
            body(row, &log)
        }
    }

    /// A message when the row's field count does not fit the header (nil when it does).
    func shapeProblem(_ row: CSVRow) -> String? {
        let count = row.records.fieldCount(row.index)
        if count == width { return nil }
        if count > width {
            if (width..<count).allSatisfy({ row.isEmpty($0) }) { return nil }
            return "该行有 \(count) 个值，但表头只有 \(width) 列；请检查是否多了逗号"
                + "（含逗号的值须用英文双引号括起，如 \"1,234.5\"）"
        }
        if count >= neededWidth { return nil }
        return "该行只有 \(count) 个值，但表头有 \(width) 列；请每一列都写上"
            + "（空值即两个逗号之间不写内容）"
    }
}
