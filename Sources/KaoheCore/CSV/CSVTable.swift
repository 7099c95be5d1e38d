/// A whole CSV text parsed at once: for small files, tests and tools. (The dataset loader reads large
/// files in batches with `CSVReader` directly.)
public struct CSVTable {
    public let text: DecodedText
    public let records: CSVRecords
    /// Malformed records, left out of `records`.
    public let issues: [CSVIssue]

    public init(text: DecodedText, skipBlankRecords: Bool = true) {
        self.text = text
        let records = CSVRecords()
        var reader = CSVReader(text.bytes, skipBlankRecords: skipBlankRecords)
        reader.read(into: records)
        self.records = records
        issues = reader.issues
    }

    /// Parses `bytes` (decoded as `TextDecoder` does: UTF-8, UTF-8 with BOM, else GB18030).
    public init(bytes: [UInt8], skipBlankRecords: Bool = true) throws(TextDecodingFailure) {
        self.init(text: try TextDecoder.decode(ByteBlock(bytes)), skipBlankRecords: skipBlankRecords)
    }

    public var count: Int { records.count }

    /// The 1-based line record `record` starts on.
    public func line(_ record: Int) -> Int { records.line(record) }

    public func fieldCount(_ record: Int) -> Int { records.fieldCount(record) }

    /// Field `column` of `record` as a String, doubled quotes undone.
    public func string(_ record: Int, _ column: Int) -> String {
        records.string(records.field(record, column), in: text.bytes)
    }

    /// Every field of `record`.
    public func fields(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { string(record, $0) }
    }
}
