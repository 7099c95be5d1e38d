/// A malformed record found by `CSVReader`: the record is left out and this says why.
public struct CSVIssue: Sendable, Equatable, CustomStringConvertible {
    /// The 1-based physical line of the problem.
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { "\(line): \(message)" }
}

/// A byte-level RFC 4180 CSV reader.
///
/// - Fields are separated by `,` and records end at LF, CRLF or a lone CR (as Python's `csv` module
///   reads them); the last record needs no line end.
/// - A field that starts with `"` is quoted: it runs to the next `"` not doubled, and may hold commas,
///   line ends and doubled quotes. Text between a closing quote and the next comma or line end is an
///   issue (the record is left out). A quote inside an unquoted field is kept as it is.
/// - Blank records (every field empty, as Excel leaves them) are skipped unless asked otherwise.
/// - Each record carries the physical line it starts on; line ends inside quoted fields count.
///
/// The reader never allocates per field: it appends byte offsets to a `CSVRecords`. A byte-order mark
/// is not its business (see `TextDecoder`).
///
/// Reading can stop at a `limit`: records that *start* before it are read whole (even past it), so a
/// buffer split at line ends can be read in parallel pieces, each piece checking that the previous one
/// stopped exactly where it began (a quoted field spanning the split shows as a different position).
public struct CSVReader {
    public let source: UnsafeBufferPointer<UInt8>
    /// Where the next record starts.
    public private(set) var position: Int
    /// The physical line `position` is on.
    public private(set) var line: Int
    public var skipBlankRecords: Bool
    /// Malformed records met so far (left out of the records).
    public private(set) var issues: [CSVIssue] = []

    public init(_ source: UnsafeBufferPointer<UInt8>, from position: Int = 0, line: Int = 1,
                skipBlankRecords: Bool = true) {
        self.source = source
        self.position = position
        self.line = line
        self.skipBlankRecords = skipBlankRecords
    }

    /// Whether every record has been read.
    public var isAtEnd: Bool { position >= source.count }

    /// Appends to `records` the records that start before `limit` (default: the end), at most
    /// `maxRecords` of them. Returns the number appended; 0 means there are no more before `limit`.
    @discardableResult
    public mutating func read(into records: CSVRecords, maxRecords: Int = .max, limit: Int? = nil) -> Int {
        guard let base = source.baseAddress else { return 0 }
        let end = source.count
        let stop = min(limit ?? end, end)
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        var p = position
        var line = self.line
        var appended = 0
        // The field bounds are written through locals (the class's storage is only synced per record), so
        // the compiler need not reload them after every store.
        var bounds = records.bounds
        var capacity = records.boundsCapacity
        var total = records.fieldTotal
        @inline(__always) func append(_ start: Int, _ end: Int, _ doubled: Bool) {
            if 2 &* total &+ 2 > capacity {
                records.fieldTotal = total
                records.growBounds()
                bounds = records.bounds
                capacity = records.boundsCapacity
            }
            bounds[2 &* total] = start
            bounds[2 &* total &+ 1] = doubled ? end | CSVRecords.doubledQuoteFlag : end
            total &+= 1
        }

        while appended < maxRecords && p < stop {
            let recordLine = line
            let recordFirstField = total
            var issue: CSVIssue?
            var blank = true
            fields: while true {
                if base[p] == quote {  // p < end here: a field starts only before the end
                    // Quoted field: up to the next quote that is not doubled.
                    p += 1
                    let contentStart = p
                    var doubled = false
                    var closed = false
                    while p < end {
                        let c = base[p]
                        if c == quote {
                            if p + 1 < end && base[p + 1] == quote {
                                doubled = true
                                p += 2
                                continue
                            }
                            closed = true
                            break
                        }
                        if c == lf {
                            line += 1
                        } else if c == cr && (p + 1 >= end || base[p + 1] != lf) {
                            line += 1
                        }
                        p += 1
                    }
                    if !closed {
                        issue = CSVIssue(
                            line: recordLine,
                            message: "本行开始的带引号的值没有结束引号；请用 \" 结束（带引号的值中如有引号，须写两次：\"\"）")
                        p = end
                        break fields
                    }
                    append(contentStart, p, doubled)
                    if p != contentStart { blank = false }
                    p += 1
                    if p < end {
                        let c = base[p]
                        if c != comma && c != lf && c != cr {
                            if issue == nil {
                                issue = CSVIssue(
                                    line: line,
                                    message: "带引号的值在结束引号之后还有文字；请把整个值放在引号内，值中的引号写两次，"
                                        + "如 \"say \"\"yes\"\"\"")
                            }
                            while p < end {
                                let c = base[p]
                                if c == comma || c == lf || c == cr { break }
                                p += 1
                            }
                        }
                    }
                } else {
                    // Unquoted field: up to a comma or a line end. Every special byte is ≤ ','. (Fields are
                    // short: a word-at-a-time scan measured no faster.)
                    let start = p
                    while p < end {
                        let c = base[p]
                        if c <= comma && (c == comma || c == lf || c == cr) { break }
                        p += 1
                    }
                    if p != start { blank = false }
                    append(start, p, false)
                }
                if p >= end { break fields }
                let c = base[p]
                p += 1
                if c == comma {
                    if p >= end {
                        append(p, p, false)
                        break fields
                    }
                    continue fields
                }
                line += 1
                if c == cr && p < end && base[p] == lf { p += 1 }
                break fields
            }
            if let issue {
                total = recordFirstField
                issues.append(issue)
                continue
            }
            if skipBlankRecords && blank {
                total = recordFirstField
                continue
            }
            records.fieldTotal = total
            records.finishRecord(line: recordLine)
            appended += 1
        }
        records.fieldTotal = total
        position = p
        self.line = line
        return appended
    }
}
