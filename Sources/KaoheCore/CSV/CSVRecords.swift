/// One field of a parsed record: a byte range of the source buffer.
///
/// A quoted field's range excludes the surrounding quotes. When the value has doubled quotes (`""`) to
/// undo, `hasDoubledQuotes` is set and the range still holds them; `CSVRecords.withField` and
/// `CSVRecords.string` undo them.
public struct CSVField: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var hasDoubledQuotes: Bool

    @inlinable @inline(__always)
    public init(start: Int, end: Int, hasDoubledQuotes: Bool) {
        self.start = start
        self.end = end
        self.hasDoubledQuotes = hasDoubledQuotes
    }

    @inlinable public var count: Int { end - start }
    @inlinable public var isEmpty: Bool { end == start }
}

/// Records parsed by `CSVReader`, in one flat layout: the bounds of every field in one contiguous array
/// (two integers a field), the index of each record's first field, and the physical line each record
/// starts on.
///
/// It is a reference type so that a reader can append into it without copies; reuse one across batches
/// with `removeAll()`, which keeps the memory. Not for sharing between threads.
///
/// (Its stored properties opt out of dynamic exclusivity checks: they are touched for every field, and the
/// class is never shared between threads.)
public final class CSVRecords {
    /// `bounds[2k]`, `bounds[2k+1]`: start and end of field k; the end carries `doubledQuoteFlag`.
    @usableFromInline @exclusivity(unchecked) var bounds: UnsafeMutablePointer<Int>
    @usableFromInline @exclusivity(unchecked) var boundsCapacity: Int
    /// Fields stored so far (including those of a record being parsed).
    @usableFromInline @exclusivity(unchecked) var fieldTotal = 0
    /// `firstField[r]` is record r's first field; `firstField[count]` closes the last record.
    @usableFromInline @exclusivity(unchecked) var firstField: UnsafeMutablePointer<Int>
    @usableFromInline @exclusivity(unchecked) var startLines: UnsafeMutablePointer<Int>
    @usableFromInline @exclusivity(unchecked) var recordCapacity: Int
    @usableFromInline @exclusivity(unchecked) var recordCount = 0

    /// The number of records.
    @inlinable public var count: Int { recordCount }

    @usableFromInline static let doubledQuoteFlag = 1 << 62

    public init(recordCapacity: Int = 1024, fieldsPerRecord: Int = 8) {
        self.recordCapacity = max(recordCapacity, 16)
        boundsCapacity = max(self.recordCapacity * fieldsPerRecord * 2, 64)
        bounds = .allocate(capacity: boundsCapacity)
        firstField = .allocate(capacity: self.recordCapacity + 1)
        startLines = .allocate(capacity: self.recordCapacity)
        firstField[0] = 0
    }

    deinit {
        bounds.deallocate()
        firstField.deallocate()
        startLines.deallocate()
    }

    /// Forgets every record, keeping the memory.
    public func removeAll() {
        recordCount = 0
        fieldTotal = 0
        firstField[0] = 0
    }

    /// The 1-based physical line record `record` starts on.
    @inlinable @inline(__always)
    public func line(_ record: Int) -> Int { startLines[record] }

    /// The number of fields of `record`.
    @inlinable @inline(__always)
    public func fieldCount(_ record: Int) -> Int { firstField[record + 1] - firstField[record] }

    /// Field `column` of `record` (which must exist).
    @inlinable @inline(__always)
    public func field(_ record: Int, _ column: Int) -> CSVField {
        let k = firstField[record] + column
        let end = bounds[2 * k + 1]
        return CSVField(start: bounds[2 * k], end: end & ~CSVRecords.doubledQuoteFlag,
                        hasDoubledQuotes: end & CSVRecords.doubledQuoteFlag != 0)
    }

    /// Field `column` of `record`, or an empty field when the record is shorter.
    @inlinable @inline(__always)
    public func fieldOrEmpty(_ record: Int, _ column: Int) -> CSVField {
        column < fieldCount(record) ? field(record, column) : CSVField(start: 0, end: 0, hasDoubledQuotes: false)
    }

    // MARK: Appending (used by CSVReader's hot loop)

    @inline(__always)
    func finishRecord(line: Int) {
        if recordCount == recordCapacity { growRecords() }
        startLines[recordCount] = line
        recordCount += 1
        firstField[recordCount] = fieldTotal
    }

    @usableFromInline func growBounds() {
        let larger = UnsafeMutablePointer<Int>.allocate(capacity: boundsCapacity * 2)
        larger.update(from: bounds, count: 2 * fieldTotal)
        bounds.deallocate()
        bounds = larger
        boundsCapacity *= 2
    }

    @usableFromInline func growRecords() {
        let capacity = recordCapacity * 2
        let lines = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        lines.update(from: startLines, count: recordCount)
        startLines.deallocate()
        startLines = lines
        let first = UnsafeMutablePointer<Int>.allocate(capacity: capacity + 1)
        first.update(from: firstField, count: recordCount + 1)
        firstField.deallocate()
        firstField = first
        recordCapacity = capacity
    }
}

extension CSVRecords {
    /// Calls `body` with the bytes of a field of `source` with doubled quotes undone (no copy unless
    /// there are doubled quotes).
    @inline(__always)
    public func withField<R>(
        _ field: CSVField, in source: UnsafeBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) throws -> R
    ) rethrows -> R {
        let base = source.baseAddress!
        if !field.hasDoubledQuotes {
            return try body(UnsafeBufferPointer(start: base + field.start, count: field.count))
        }
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(field.count, 1)) { scratch in
            let used = CSVRecords.undoDoubledQuotes(base + field.start, count: field.count, into: scratch.baseAddress!)
            return try body(UnsafeBufferPointer(start: scratch.baseAddress!, count: used))
        }
    }

    /// The field as a String (UTF-8; invalid sequences become U+FFFD).
    public func string(_ field: CSVField, in source: UnsafeBufferPointer<UInt8>) -> String {
        withField(field, in: source) { String(decoding: $0, as: UTF8.self) }
    }

    /// Copies `count` bytes turning every `""` into `"`; returns the bytes written.
    static func undoDoubledQuotes(_ from: UnsafePointer<UInt8>, count: Int, into: UnsafeMutablePointer<UInt8>) -> Int {
        var read = 0
        var written = 0
        while read < count {
            let byte = from[read]
            into[written] = byte
            written += 1
            read += byte == UInt8(ascii: "\"") && read + 1 < count && from[read + 1] == UInt8(ascii: "\"") ? 2 : 1
        }
        return written
    }
}
