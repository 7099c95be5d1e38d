import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Reads observations.csv — the one large file (millions of rows) — in parallel.
///
/// Phase 1, parallel: the text is cut into chunks at line ends; each chunk is parsed with `CSVReader`
/// (batches of records, fields as byte ranges), ids are mapped through `IdentifierTable` (after comparing
/// with the previous row's bytes: rows come grouped), periods and values are parsed from bytes (a fast
/// path for plain decimals), and each good row becomes (series · period key, value, line) in the chunk's
/// own arrays. A cut may fall inside a quoted field: each chunk checks that the one before it stopped
/// exactly where it began, and is parsed again from the right place when not.
///
/// Phase 2, sequential and in file order: the rows are written into `ObservationStore`'s contiguous array,
/// which finds duplicates exactly; then cumulative series are checked for falls within a year and `lower`
/// indicators for a current value ≤ 0. Lines of the rows involved are looked up only when there is
/// something to report.
struct ObservationsReader {
    let context: LoadContext
    /// Rows of the file's chunks, in file order.
    private(set) var chunks: [ObservationChunk] = []

    /// At least this many bytes per chunk (tests lower it to exercise the cuts).
    static let defaultMinimumChunkBytes = 1 << 20
    var minimumChunkBytes = ObservationsReader.defaultMinimumChunkBytes
    /// At least this many series per part of the assembly (tests lower it).
    static let defaultMinimumSeriesPerPart = 4096
    var minimumSeriesPerPart = ObservationsReader.defaultMinimumSeriesPerPart

    init(context: LoadContext) { self.context = context }

    /// Reads the file, logging row problems; false when the file could not be read at all.
    mutating func read(directory: String, log: inout ProblemLog) -> Bool {
        guard let csv = CSVFile.open(.observations, directory: directory,
                                     required: ["unit", "indicator", "period", "value"], log: &log) else { return false }
        let parser = ChunkParser(csv: csv, context: context)
        let source = csv.bytes
        let start = csv.dataStart
        let end = source.count
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let size = end - start
        let pieces = max(1, min(cores * 4, size / max(minimumChunkBytes, 1)))

        // Cut at the line end after each even share of the bytes.
        var cuts = [start]
        for k in 1..<max(pieces, 1) {
            var p = start + size / pieces * k
            while p < end && source[p] != 0x0A && source[p] != 0x0D { p += 1 }
            if p < end && source[p] == 0x0D && p + 1 < end && source[p + 1] == 0x0A { p += 1 }
            p = min(p + 1, end)
            if p > cuts.last! && p < end { cuts.append(p) }
        }
        cuts.append(end)
        let count = cuts.count - 1

        let results = ChunkSlots(count: count)
        let bounds = cuts
        let work: @Sendable (Int) -> Void = { k in results.slots[k] = parser.parse(from: bounds[k], limit: bounds[k + 1]) }
        if count == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: count, execute: work) }

        // Each chunk must begin where the one before stopped (a quoted line end may straddle a cut).
        var parsed: [ObservationChunk] = [results.slots[0]!]
        for k in 1..<count {
            let expected = parsed[k - 1].end
            var chunk = results.slots[k]!
            if chunk.start != expected {
                chunk = parser.parse(from: expected, limit: max(expected, cuts[k + 1]))
            }
            parsed.append(chunk)
        }
        var line = csv.dataLine
        for chunk in parsed {
            chunk.baseLine = line
            line += chunk.lineCount
        }
        chunks = parsed
        reportChunkProblems(log: &log)
        return true
    }

    private func reportChunkProblems(log: inout ProblemLog) {
        let file = DatasetFile.observations
        var unknownUnits: [String: UnknownID] = [:]
        var unknownIndicators: [String: UnknownID] = [:]
        var ignored = IgnoredRows()
        for chunk in chunks {
            for problem in chunk.problems { log.error(file, chunk.absolute(problem.line), problem.message) }
            for (id, entry) in chunk.unknownUnits { unknownUnits[id, default: .none].merge(entry.shifted(chunk)) }
            for (id, entry) in chunk.unknownIndicators {
                unknownIndicators[id, default: .none].merge(entry.shifted(chunk))
            }
            if chunk.ignored.count > 0 {
                ignored.merge(IgnoredRows(count: chunk.ignored.count, firstLine: chunk.absolute(chunk.ignored.firstLine)))
            }
        }
        for (id, entry) in unknownUnits {
            log.error(file, entry.firstLine, context.unknownUnit(id, rows: entry.count, lastLine: entry.lastLine))
        }
        for (id, entry) in unknownIndicators {
            log.error(file, entry.firstLine, context.unknownIndicator(id, rows: entry.count, lastLine: entry.lastLine))
        }
        ignored.note(file, "as_of " + (context.asOf.map { "\($0) " } ?? "") + "之后的"
            + (context.year.map { " \($0) 年" } ?? "考核年度") + "数据", log: &log)
    }

    // MARK: Phase 2

    /// The store, with duplicates, falls of cumulative series and `lower` values ≤ 0 reported; nil when the
    /// units, indicators or year are not known.
    func assemble(log: inout ProblemLog) -> ObservationStore? {
        guard let units = context.units, let indicators = context.indicators, let year = context.year else {
            return nil
        }
        let unitCount = units.count
        let firstYear = min(chunks.reduce(year) { min($0, $1.minYear) }, year)
        let yearCount = year - firstYear + 1
        let months = yearCount * 12
        let shift = (firstYear - 1949) * 12
        let seriesCount = indicators.count * unitCount
        let asOfMonth = context.asOf?.year == year ? context.asOf!.month : 12

        // Parts by series range, run in parallel: each fills its cells with NaN, writes the rows of its series
        // (reading every chunk in file order, so the first of duplicates wins and the later is reported),
        // and checks its series.
        let cores = max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN)))
        let partCount = max(1, min(cores, seriesCount / max(minimumSeriesPerPart, 1)))
        let parts = AssemblyParts(count: partCount)
        let chunks = self.chunks
        let infos = context.indicatorInfo
        let values = [Double](unsafeUninitializedCapacity: seriesCount * months) { buffer, initialized in
            let cells = UncheckedPointer(buffer.baseAddress!)
            let work: @Sendable (Int) -> Void = { part in
                let first = seriesCount * part / partCount, last = seriesCount * (part + 1) / partCount
                let cells = cells.pointer
                (cells + first * months).initialize(repeating: .nan, count: (last - first) * months)
                var result = AssemblyResult()
                for chunk in chunks {
                    let keys = chunk.keys, values = chunk.values
                    for i in 0..<chunk.count {
                        let key = keys[i]
                        let series = Int(key >> 20)
                        guard series >= first && series < last else { continue }
                        let cell = series * months + Int(key & 0xFFFFF) - shift
                        if cells[cell].isNaN {
                            cells[cell] = values[i]
                        } else {
                            result.duplicates.append((key, chunk.absolute(Int(chunk.lines[i]))))
                        }
                    }
                }
                // Year-to-date totals never fall within a year; `lower` needs a current value > 0.
                for series in first..<last {
                    let info = infos[series / unitCount]
                    guard let measure = info.measure, measure.hasTarget else { continue }
                    let base = series * months
                    if measure == .cumulative {
                        for y in 0..<yearCount {
                            var previous: (value: Double, month: Int)?
                            for m in 0..<12 {
                                let value = cells[base + y * 12 + m]
                                if value.isNaN { continue }
                                if let previous,
                                   value < previous.value - 1e-9 * max(abs(previous.value), abs(value)) {
                                    let key = UInt64(series) << 20 | UInt64(shift + y * 12)
                                    result.falls.append((key + UInt64(m), key + UInt64(previous.month)))
                                }
                                previous = (value, m)
                            }
                        }
                    }
                    if info.direction == .lower {
                        let yearBase = base + (year - firstYear) * 12
                        var m = asOfMonth - 1
                        while m >= 0 && cells[yearBase + m].isNaN { m -= 1 }
                        if m >= 0 && cells[yearBase + m] <= 0 {
                            result.nonPositive.append(UInt64(series) << 20 | UInt64(shift + (year - firstYear) * 12 + m))
                        }
                    }
                }
                parts.results[part] = result
            }
            if partCount == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: partCount, execute: work) }
            initialized = seriesCount * months
        }
        let duplicates = parts.results.flatMap(\.duplicates)
        let falls = parts.results.flatMap(\.falls)
        let nonPositive = parts.results.flatMap(\.nonPositive)
        if duplicates.isEmpty && falls.isEmpty && nonPositive.isEmpty {
            return ObservationStore(indicatorCount: indicators.count, unitCount: unitCount, firstYear: firstYear,
                                    lastYear: year, values: values)
        }
        var wanted = Set(duplicates.map(\.key))
        for fall in falls {
            wanted.insert(fall.later)
            wanted.insert(fall.earlier)
        }
        wanted.formUnion(nonPositive)
        let lines = firstLines(of: wanted)
        let file = DatasetFile.observations
        func describe(_ key: UInt64) -> (unit: String, indicator: String, period: YearMonth) {
            let series = Int(key >> 20), period = Int(key & 0xFFFFF)
            return (units.ids[series % unitCount], context.indicatorInfo[series / unitCount].id,
                    YearMonth(year: 1949 + period / 12, month: period % 12 + 1))
        }
        func value(_ key: UInt64) -> Double {
            values[Int(key >> 20) * months + Int(key & 0xFFFFF) - shift]
        }
        for duplicate in duplicates {
            let (unit, indicator, period) = describe(duplicate.key)
            log.error(file, duplicate.line, "单位 \(unit)、指标 \(indicator)、period \(period) 的数据重复"
                + "（首次在第 \(lines[duplicate.key] ?? 0) 行）；每个单位、指标、月份只保留一行")
        }
        for fall in falls {
            let (unit, indicator, period) = describe(fall.later)
            let earlier = describe(fall.earlier).period
            log.error(file, lines[fall.later] ?? 0, "单位 \(unit) 指标 \(indicator) \(period) 的累计值 "
                + "\(value(fall.later).formatted(shortest: true)) 低于 \(earlier) 的 "
                + "\(value(fall.earlier).formatted(shortest: true))（第 \(lines[fall.earlier] ?? 0) 行）；"
                + "本年累计数在年内不会下降，请核对这两个数")
        }
        for key in nonPositive {
            let (unit, indicator, period) = describe(key)
            log.error(file, lines[key] ?? 0, "指标 \(indicator) 越小越好，但单位 \(unit) 的当前值（\(period)）为 "
                + "\(value(key).formatted(shortest: true))；direction 为 lower 时当前值须 > 0"
                + "（完成度 = 目标 ÷ 当前值）")
        }
        return nil
    }

    /// The line of the first row (in file order) of each key.
    private func firstLines(of keys: Set<UInt64>) -> [UInt64: Int] {
        // A bit per series filters the rows before the set is asked.
        let seriesCount = (keys.map { Int($0 >> 20) }.max() ?? 0) + 1
        var wantedSeries = [Bool](repeating: false, count: seriesCount)
        for key in keys { wantedSeries[Int(key >> 20)] = true }
        var found: [UInt64: Int] = [:]
        for chunk in chunks {
            for i in 0..<chunk.count {
                let key = chunk.keys[i]
                let series = Int(key >> 20)
                guard series < seriesCount, wantedSeries[series], keys.contains(key), found[key] == nil else { continue }
                found[key] = chunk.absolute(Int(chunk.lines[i]))
            }
        }
        return found
    }
}

/// What one part of the assembly found.
struct AssemblyResult {
    var duplicates: [(key: UInt64, line: Int)] = []
    var falls: [(later: UInt64, earlier: UInt64)] = []
    var nonPositive: [UInt64] = []
}

/// One result per part of the assembly, each written by exactly one worker thread.
final class AssemblyParts: @unchecked Sendable {
    let results: UnsafeMutableBufferPointer<AssemblyResult>

    init(count: Int) {
        results = .allocate(capacity: count)
        results.initialize(repeating: AssemblyResult())
    }

    deinit {
        results.deinitialize()
        results.deallocate()
    }
}

/// A pointer handed to worker threads that write disjoint parts of its memory.
struct UncheckedPointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

/// One result slot per chunk, each written by exactly one worker thread.
final class ChunkSlots: @unchecked Sendable {
    let slots: UnsafeMutableBufferPointer<ObservationChunk?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }
}

/// An unknown id seen in rows: where first and last, and how often.
struct UnknownID {
    var firstLine = Int.max
    var lastLine = 0
    var count = 0

    static let none = UnknownID()

    mutating func add(_ line: Int) {
        firstLine = min(firstLine, line)
        lastLine = max(lastLine, line)
        count += 1
    }

    mutating func merge(_ other: UnknownID) {
        firstLine = min(firstLine, other.firstLine)
        lastLine = max(lastLine, other.lastLine)
        count += other.count
    }

    func shifted(_ chunk: ObservationChunk) -> UnknownID {
        UnknownID(firstLine: chunk.absolute(firstLine), lastLine: chunk.absolute(lastLine), count: count)
    }
}

/// The rows of one chunk of observations.csv (lines relative to the chunk: 1 is its first line). Written by
/// one worker thread, then read by the assembly; the hot fields skip dynamic exclusivity checks.
final class ObservationChunk: @unchecked Sendable {
    /// Where parsing began and the cut it was to stop before.
    let start: Int
    let limit: Int
    /// Where parsing stopped (the start of the first record at or after `limit`), and the lines consumed.
    var end = 0
    var lineCount = 0
    /// The absolute line of `start`, once known.
    var baseLine = 1

    /// `series << 20 | (year − 1949) · 12 + month − 1`, series = indicator · unitCount + unit.
    @exclusivity(unchecked) private(set) var keys: UnsafeMutablePointer<UInt64>
    @exclusivity(unchecked) private(set) var values: UnsafeMutablePointer<Double>
    @exclusivity(unchecked) private(set) var lines: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var capacity: Int

    @exclusivity(unchecked) var problems: [(line: Int, message: String)] = []
    var unknownUnits: [String: UnknownID] = [:]
    var unknownIndicators: [String: UnknownID] = [:]
    var ignored = IgnoredRows()
    @exclusivity(unchecked) var minYear = Int.max

    init(start: Int, limit: Int) {
        self.start = start
        self.limit = limit
        // The shortest row ("a,b,2019-01,1\n") has 14 bytes; pages never written are never resident.
        capacity = max(16, (limit - start) / 14 + 1)
        keys = .allocate(capacity: capacity)
        values = .allocate(capacity: capacity)
        lines = .allocate(capacity: capacity)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
        lines.deallocate()
    }

    @inline(__always)
    func append(key: UInt64, value: Double, line: Int) {
        if count == capacity { grow() }
        keys[count] = key
        values[count] = value
        lines[count] = UInt32(truncatingIfNeeded: line)
        count += 1
    }

    private func grow() {
        let larger = capacity * 2
        let newKeys = UnsafeMutablePointer<UInt64>.allocate(capacity: larger)
        newKeys.moveInitialize(from: keys, count: count)
        keys.deallocate()
        keys = newKeys
        let newValues = UnsafeMutablePointer<Double>.allocate(capacity: larger)
        newValues.moveInitialize(from: values, count: count)
        values.deallocate()
        values = newValues
        let newLines = UnsafeMutablePointer<UInt32>.allocate(capacity: larger)
        newLines.moveInitialize(from: lines, count: count)
        lines.deallocate()
        lines = newLines
        capacity = larger
    }

    /// The absolute line of a chunk-relative line.
    @inline(__always)
    func absolute(_ line: Int) -> Int { baseLine + line - 1 }
}

/// Parses chunks of observations.csv; immutable, shared by the worker threads.
struct ChunkParser: @unchecked Sendable {
    let source: UnsafeBufferPointer<UInt8>
    /// Keeps `source` alive.
    let text: DecodedText
    let file: CSVFile
    let context: LoadContext
    let unitColumn: Int, indicatorColumn: Int, periodColumn: Int, valueColumn: Int
    /// Per indicator, what its observations may be: `cumulative` (a number > 0, no %), `other` (rate and
    /// level: any number, % allowed), `grade` and `events` (no observations at all), `unknown` (its measure
    /// could not be read: checked loosely).
    enum Kind: UInt8 { case cumulative, other, grade, events, unknown }
    let kinds: [Kind]
    let year: Int
    let asOf: YearMonth?

    init(csv: CSVFile, context: LoadContext) {
        source = csv.bytes
        text = csv.text
        file = csv
        self.context = context
        unitColumn = csv.column("unit")
        indicatorColumn = csv.column("indicator")
        periodColumn = csv.column("period")
        valueColumn = csv.column("value")
        kinds = context.indicatorInfo.map { info in
            switch info.measure {
            case .cumulative?: .cumulative
            case .rate?, .level?: .other
            case .grade?: .grade
            case .events?: .events
            case nil: .unknown
            }
        }
        year = context.year ?? 9999
        asOf = context.asOf
    }

    func parse(from start: Int, limit: Int) -> ObservationChunk {
        let chunk = ObservationChunk(start: start, limit: limit)
        let records = CSVRecords(recordCapacity: 4096, fieldsPerRecord: file.width)
        var reader = CSVReader(source, from: start, line: 1)
        let scratch = FieldScratch()
        let units = context.units
        let indicators = context.indicators
        let unitCount = units?.count ?? 0
        var previousUnit = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var previousUnitIndex = -1
        var previousIndicator = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
        var previousIndicatorIndex = -1
        let asOfYear = asOf?.year ?? Int.max, asOfMonth = asOf?.month ?? 12
        let width = file.width

        while reader.read(into: records, maxRecords: 4096, limit: limit) > 0 {
            rows: for r in 0..<records.count {
                let line = records.line(r)
                if records.fieldCount(r) != width {
                    let row = CSVRow(records: records, index: r, source: source)
                    if let message = file.shapeProblem(row) {
                        if !row.isBlank { chunk.problems.append((line, message)) }
                        continue rows
                    }
                }
                var valid = true

                // Unit: the previous row's, else a lookup.
                let unitBytes = ByteText.trimmed(scratch.bytes(records.field(r, unitColumn), slot: 0, in: source))
                var unit = -1
                if let units {
                    if ByteText.equal(unitBytes, previousUnit) && previousUnit.baseAddress != nil {
                        unit = previousUnitIndex
                    } else {
                        unit = units.index(of: unitBytes) ?? -1
                        if !records.field(r, unitColumn).hasDoubledQuotes {
                            previousUnit = unitBytes
                            previousUnitIndex = unit
                        }
                    }
                    if unit < 0 {
                        if unitBytes.isEmpty && CSVRow(records: records, index: r, source: source).isBlank { continue rows }
                        chunk.unknownUnits[ByteText.string(unitBytes), default: .none].add(line)
                        valid = false
                    }
                }

                let indicatorBytes = ByteText.trimmed(scratch.bytes(records.field(r, indicatorColumn), slot: 1, in: source))
                var indicator = -1
                if let indicators {
                    if ByteText.equal(indicatorBytes, previousIndicator) && previousIndicator.baseAddress != nil {
                        indicator = previousIndicatorIndex
                    } else {
                        indicator = indicators.index(of: indicatorBytes) ?? -1
                        if !records.field(r, indicatorColumn).hasDoubledQuotes {
                            previousIndicator = indicatorBytes
                            previousIndicatorIndex = indicator
                        }
                    }
                    if indicator < 0 {
                        if indicatorBytes.isEmpty && CSVRow(records: records, index: r, source: source).isBlank {
                            continue rows
                        }
                        chunk.unknownIndicators[ByteText.string(indicatorBytes), default: .none].add(line)
                        valid = false
                    }
                }
                let kind = indicator >= 0 ? kinds[indicator] : .unknown
                if kind == .grade || kind == .events {
                    chunk.problems.append((line, "指标 \(indicators!.ids[indicator]) 的 measure 为 "
                        + (kind == .grade ? "grade，其季度评定应填在 reviews.csv" : "events，其事件应填在 events.csv")
                        + "，而不是 observations.csv"))
                    continue rows
                }

                // Period.
                let periodField = scratch.bytes(records.field(r, periodColumn), slot: 2, in: source)
                var periodIndex = 0
                // Fast path: exactly YYYY-MM of this or an earlier year up to as_of.
                if periodField.count == 7, periodField[4] == UInt8(ascii: "-"),
                   let year4 = ValueParser.fourDigits(periodField), let month = ValueParser.twoDigits(periodField, 5),
                   month >= 1, month <= 12, year4 >= 1949,
                   year4 < asOfYear || (year4 == asOfYear && month <= asOfMonth), year4 <= year {
                    periodIndex = (year4 - 1949) * 12 + month - 1
                    if year4 < chunk.minYear { chunk.minYear = year4 }
                } else {
                    switch ValueParser.period(periodField) {
                    case let .success(period):
                        if period.year < 1949 || period.year > year {
                            chunk.problems.append((line, context.yearRangeMessage("period", period, year: period.year)!))
                            valid = false
                        } else if period.year == asOfYear && period.month > asOfMonth {
                            chunk.ignored.add(line)
                            continue rows
                        } else {
                            periodIndex = (period.year - 1949) * 12 + period.month - 1
                            if period.year < chunk.minYear { chunk.minYear = period.year }
                        }
                    case let .failure(failure):
                        chunk.problems.append((line, LoadContext.calendarMessage(
                            "period", ByteText.string(periodField), failure, form: "YYYY-MM", example: context.exampleMonth)))
                        valid = false
                    }
                }

                // Value: plain decimals fast, anything else under rule 5.
                let valueField = scratch.bytes(records.field(r, valueColumn), slot: 3, in: source)
                var value: Double
                if let fast = ValueParser.plainDecimal(valueField) {
                    value = fast
                } else {
                    switch ValueParser.number(valueField, allowPercent: kind != .cumulative) {
                    case let .success(parsed):
                        value = parsed
                    case let .failure(failure):
                        chunk.problems.append((line, failure.message("value", ByteText.string(valueField))))
                        continue rows
                    }
                }
                if kind == .cumulative && value <= 0 {
                    chunk.problems.append((line, "累计指标的 value \(value.formatted(shortest: true)) 不大于 0；"
                        + "本年累计数须 > 0（没有数据的月份不写这一行）"))
                    valid = false
                }
                guard valid, unit >= 0, indicator >= 0 else { continue rows }
                let series = UInt64(indicator * unitCount + unit)
                chunk.append(key: series << 20 | UInt64(periodIndex), value: value, line: line)
            }
            records.removeAll()
        }
        for issue in reader.issues { chunk.problems.append((issue.line, issue.message)) }
        chunk.end = reader.position
        chunk.lineCount = reader.line - 1
        return chunk
    }
}

/// Per-thread room to undo doubled quotes in a field (rare in observations.csv).
final class FieldScratch {
    private var buffers: [UnsafeMutablePointer<UInt8>] = []
    private var capacities: [Int] = []

    init() {
        for _ in 0..<4 {
            buffers.append(.allocate(capacity: 64))
            capacities.append(64)
        }
    }

    deinit { for buffer in buffers { buffer.deallocate() } }

    /// The field's bytes, with doubled quotes undone into slot `slot` when it has any.
    @inline(__always)
    func bytes(_ field: CSVField, slot: Int, in source: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if !field.hasDoubledQuotes {
            return UnsafeBufferPointer(start: source.baseAddress! + field.start, count: field.count)
        }
        return unescape(field, slot: slot, in: source)
    }

    private func unescape(_ field: CSVField, slot: Int, in source: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if capacities[slot] < field.count {
            buffers[slot].deallocate()
            buffers[slot] = .allocate(capacity: field.count)
            capacities[slot] = field.count
        }
        let used = CSVRecords.undoDoubledQuotes(source.baseAddress! + field.start, count: field.count, into: buffers[slot])
        return UnsafeBufferPointer(start: buffers[slot], count: used)
    }
}
