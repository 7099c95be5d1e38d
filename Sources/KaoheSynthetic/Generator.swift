import Dispatch
import Foundation
import GSL

/// The files of a dataset folder (dataset.md), in the order they are written.
public enum DatasetFile: Int, CaseIterable, Sendable {
    case dataset, indicators, targets, observations, reviews, events, submissions

    public var fileName: String {
        switch self {
        case .dataset: "dataset.yaml"
        case .indicators: "indicators.csv"
        case .targets: "targets.csv"
        case .observations: "observations.csv"
        case .reviews: "reviews.csv"
        case .events: "events.csv"
        case .submissions: "submissions.csv"
        }
    }
}

/// Writes a synthetic dataset from a blueprint and a seed, byte for byte the same for the same seed
/// whatever the number of threads.
///
/// Randomness comes only from GSL streams: sub-stream 0 for the shocks every unit shares, 1 for the home
/// unit's monthly reports, 2 for the fix-ups that look at every unit, and `16 + u` for everything of
/// unit `u` (drawn in a fixed order), so units can be generated in parallel in any order.
public struct SyntheticGenerator: Sendable {
    public let blueprint: Blueprint
    public let seed: UInt64
    /// Worker threads for the per-unit work (≥ 1); has no influence on the output.
    public let threads: Int
    /// The command that regenerates the dataset, without `--seed` (written into dataset.yaml).
    public var command: String

    public init(blueprint: Blueprint, seed: UInt64, threads: Int? = nil, command: String = "kaohe generate") {
        self.blueprint = blueprint
        self.seed = seed
        self.threads = max(1, threads ?? ProcessInfo.processInfo.activeProcessorCount)
        self.command = command
    }

    /// The generator of a bundled preset; `command` is the CLI invocation that regenerates it.
    public init(preset: Preset, seed: UInt64, threads: Int? = nil) {
        self.init(blueprint: preset.blueprint, seed: seed, threads: threads, command: preset.command)
    }

    /// The generator of a national-scale dataset (see `Blueprint.national`).
    public static func national(
        units: Int, indicators: Int, historyYears: Int, year: Int = 2019, asOfMonth: Int = 8,
        seed: UInt64, threads: Int? = nil
    ) -> SyntheticGenerator {
        let blueprint = Blueprint.national(
            units: units, indicators: indicators, historyYears: historyYears, year: year, asOfMonth: asOfMonth, seed: seed
        )
        let asOf = "\(year)-\(asOfMonth < 10 ? "0" : "")\(asOfMonth)"
        return SyntheticGenerator(
            blueprint: blueprint, seed: seed, threads: threads,
            command: "kaohe generate --units \(units) --indicators \(indicators) --years \(historyYears) --as-of \(asOf)"
        )
    }

    static let sharedSubstream: UInt64 = 0
    static let reportSubstream: UInt64 = 1
    static let fixupSubstream: UInt64 = 2
    static let firstUnitSubstream: UInt64 = 16

    /// Units generated per parallel batch: bounds memory on national-scale datasets.
    static let batchSize = 256

    /// Generates the dataset, handing each file's bytes to `sink` in order; a file arrives in one or
    /// more chunks, the files of one batch of units interleaved.
    public func generate(into sink: (DatasetFile, [UInt8]) throws -> Void) throws {
        let plan = Plan(blueprint: blueprint, seed: seed)
        try sink(.dataset, datasetYAML())
        try sink(.indicators, indicatorsCSV())
        try sink(.targets, Array("unit,indicator,target\n".utf8))
        try sink(.observations, Array("unit,indicator,period,value\n".utf8))
        try sink(.reviews, Array("unit,indicator,quarter,plan,progress,evidence,grade\n".utf8))

        var events: [EventRecord] = []
        let unitCount = blueprint.units.count
        var start = 0
        while start < unitCount {
            let end = min(unitCount, start + Self.batchSize)
            let first = start
            let outputs = parallelMap(count: end - start, threads: threads) { offset in
                UnitGenerator(plan: plan, unit: first + offset).run()
            }
            for output in outputs {
                try sink(.targets, output.targets.bytes)
                try sink(.observations, output.observations.bytes)
                try sink(.reviews, output.reviews.bytes)
                events.append(contentsOf: output.events)
            }
            start = end
        }

        if blueprint.ensureVeto { ensureVeto(&events) }
        try sink(.events, eventsCSV(events))
        try sink(.submissions, submissionsCSV())
    }

    /// Every file's bytes, in memory.
    public func files() -> [DatasetFile: [UInt8]] {
        var files: [DatasetFile: [UInt8]] = [:]
        // The in-memory sink never throws.
        try? generate { file, chunk in files[file, default: []].append(contentsOf: chunk) }
        return files
    }

    // MARK: dataset.yaml and indicators.csv

    func datasetYAML() -> [UInt8] {
        let b = blueprint
        var out = ByteBuffer()
        for line in b.headerComments { out.append("# \(line)\n") }
        out.append("# 重新生成：\(command) --seed \(seed)\n")
        out.append("name: \(b.name)\n")
        out.append("year: \(b.year)\n")
        out.append("as_of: ")
        out.appendPeriod(year: b.year, month: b.asOfMonth)
        out.append("\nhome: \(b.units[b.home].id)\n")
        out.append("units:\n")
        for unit in b.units { out.append("  - {id: \(unit.id), name: \(unit.name)}\n") }
        out.append("grades:\n")
        for band in b.grades {
            out.append("  - {name: \(band.name), min: ")
            out.appendFixed(band.min, decimals: 2)
            out.append("}\n")
        }
        let vetoGrade = b.grades.count >= 3 ? b.grades[2].name : b.grades[b.grades.count - 1].name
        out.append("""
            scoring:
              quantitative: {completion_share: 0.6, rank_share: 0.4, rank_step: 0.05}
              new:          {completion_share: 0.6, rank_share: 0.4, rank_step: 0.05}
              bonus:        {rank_points: [1.0, 0.6, 0.3], cap: 5}
              common:       {grade_points: {A: 1.0, B: 0.9, C: 0.75, D: 0.5}, assume: B}
              negative:     {veto_grade: \(vetoGrade)}
            departments: {multiplier: 2, cooperating_share: 0.5}
            reporting:   {deadline_day: 15, late_points: 0.5}
            risk:        {warning_below: 0.8, supervision_below: 0.5, behind_progress: 0.05}
            forecast:    {default_log_sd: 0.10, default_sd: 1.0}

            """)
        if !b.historyGrades.isEmpty {
            let entries = b.historyGrades.map { "\($0.year): \($0.grade)" }.joined(separator: ", ")
            out.append("history_grades: {\(entries)}\n")
        }
        return out.bytes
    }

    func indicatorsCSV() -> [UInt8] {
        var out = ByteBuffer()
        out.append("id,name,category,measure,unit,direction,weight,leader,lead_department,cooperating_departments,source\n")
        for indicator in blueprint.indicators {
            out.append(indicator.id)
            out.comma()
            out.append(indicator.name)
            out.comma()
            out.append(indicator.category.rawValue)
            out.comma()
            out.append(indicator.measure)
            out.comma()
            out.append(indicator.unit)
            out.comma()
            out.append(indicator.direction)
            out.comma()
            out.appendFixed(indicator.weight, decimals: 2)
            out.comma()
            out.append(indicator.leader)
            out.comma()
            out.append(indicator.leadDepartment)
            out.comma()
            out.append(indicator.cooperatingDepartments.joined(separator: ";"))
            out.comma()
            out.append(indicator.source)
            out.newline()
        }
        return out.bytes
    }

    // MARK: events.csv

    /// Upgrades one drawn event to its indicator's veto kind when no event vetoes: preferably a peer's
    /// (never the home unit's) event of the assessment year.
    func ensureVeto(_ events: inout [EventRecord]) {
        guard !events.contains(where: \.veto) else { return }
        let indicators = blueprint.indicators
        func vetoKind(_ indicator: Int) -> EventKind? {
            guard case .events(let model) = indicators[indicator].model else { return nil }
            return model.kinds.first { $0.veto }
        }
        let candidates = events.indices.filter { vetoKind(events[$0].indicator) != nil && events[$0].unit != blueprint.home }
        guard !candidates.isEmpty else { return }
        let current = candidates.filter { events[$0].year == blueprint.year }
        let pool = current.isEmpty ? candidates : current
        let stream = RandomStream(seed: seed, substream: Self.fixupSubstream)
        let chosen = pool[min(pool.count - 1, Int(stream.uniform() * Double(pool.count)))]
        let kind = vetoKind(events[chosen].indicator)!
        events[chosen].points = kind.points
        events[chosen].veto = true
        events[chosen].department = kind.department
        events[chosen].description = kind.description
    }

    func eventsCSV(_ events: [EventRecord]) -> [UInt8] {
        var out = ByteBuffer(capacity: 64 * events.count + 64)
        out.append("date,unit,indicator,department,points,veto,description\n")
        for event in events {
            out.appendDate(year: event.year, month: event.month, day: event.day)
            out.comma()
            out.append(blueprint.units[event.unit].id)
            out.comma()
            out.append(blueprint.indicators[event.indicator].id)
            out.comma()
            out.append(event.department)
            out.comma()
            out.appendFixed(event.points, decimals: 2)
            out.comma()
            out.append(event.veto ? "yes" : "no")
            out.comma()
            out.append(event.description)
            out.newline()
        }
        return out.bytes
    }

    // MARK: submissions.csv

    /// The departments that report monthly: every lead department, in the order of indicators.csv.
    var reportingDepartments: [String] {
        var seen: Set<String> = []
        var departments: [String] = []
        for indicator in blueprint.indicators where seen.insert(indicator.leadDepartment).inserted {
            departments.append(indicator.leadDepartment)
        }
        return departments
    }

    func submissionsCSV() -> [UInt8] {
        let b = blueprint
        let departments = reportingDepartments
        let months = Array(1..<b.asOfMonth)
        let stream = RandomStream(seed: seed, substream: Self.reportSubstream)
        let cells = departments.count * months.count
        var missing = Set<Int>()
        if let range = b.missingReportCount, cells > 0 {
            let count = min(cells, range.lowerBound + Int(stream.uniform() * Double(range.count)))
            while missing.count < count { missing.insert(min(cells - 1, Int(stream.uniform() * Double(cells)))) }
        }
        var out = ByteBuffer(capacity: 40 * cells + 64)
        out.append("department,period,submitted_on\n")
        for (d, department) in departments.enumerated() {
            for (m, month) in months.enumerated() {
                let late = stream.uniform() < b.lateReportProbability
                let dayDraw = stream.uniform()
                let missingDraw = stream.uniform()
                out.append(department)
                out.comma()
                out.appendPeriod(year: b.year, month: month)
                out.comma()
                let isMissing = b.missingReportCount == nil ? missingDraw < b.missingReportProbability
                    : missing.contains(d * months.count + m)
                if !isMissing {
                    let dueYear = month == 12 ? b.year + 1 : b.year
                    let dueMonth = month == 12 ? 1 : month + 1
                    let length = daysIn(month: dueMonth, year: dueYear)
                    // On time: between the 3rd and the 15th; late: between the 16th and the 27th.
                    let day = late ? 16 + Int(dayDraw * 12) : 3 + Int(dayDraw * 13)
                    out.appendDate(year: dueYear, month: dueMonth, day: min(day, length))
                }
                out.newline()
            }
        }
        return out.bytes
    }
}

/// One negative-list event before it is written.
struct EventRecord: Sendable {
    var year: Int
    var month: Int
    var day: Int
    var unit: Int
    var indicator: Int
    var department: String
    var points: Double
    var veto: Bool
    var description: String
}

/// What one unit contributes to the per-unit files.
struct UnitOutput: Sendable {
    var targets = ByteBuffer()
    var observations = ByteBuffer()
    var reviews = ByteBuffer()
    var events: [EventRecord] = []
}

/// The blueprint with what every unit shares precomputed: ids as bytes and the shocks of each year.
struct Plan: Sendable {
    let blueprint: Blueprint
    let seed: UInt64
    let unitIDs: [[UInt8]]
    let indicatorIDs: [[UInt8]]
    /// `shocks[indicator][yearIndex]`, yearIndex 0 = the first history year.
    let shocks: [[Double]]
    /// History years plus the assessment year.
    let yearCount: Int

    init(blueprint: Blueprint, seed: UInt64) {
        self.blueprint = blueprint
        self.seed = seed
        unitIDs = blueprint.units.map { Array($0.id.utf8) }
        indicatorIDs = blueprint.indicators.map { Array($0.id.utf8) }
        yearCount = blueprint.year - blueprint.firstHistoryYear + 1
        let stream = RandomStream(seed: seed, substream: SyntheticGenerator.sharedSubstream)
        var shocks: [[Double]] = []
        for indicator in blueprint.indicators {
            let sd: Double = switch indicator.model {
            case .cumulative(let model): model.commonSD
            case .rate(let model): model.commonSD
            case .level(let model): model.yearSD * 0.5
            case .grade, .events: 0
            }
            let count = yearCount
            shocks.append((0..<count).map { _ in sd > 0 ? stream.gaussian(sigma: sd) : 0 })
        }
        self.shocks = shocks
    }
}

/// Runs `body` for 0..<count on `threads` workers and returns the results in index order.
func parallelMap<T: Sendable>(count: Int, threads: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count: count)
    let workers = min(max(1, threads), max(1, count))
    if workers == 1 {
        for index in 0..<count { slots.set(index, body(index)) }
    } else {
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < count {
                slots.set(index, body(index))
                index += workers
            }
        }
    }
    return slots.take()
}

/// Result slots written by parallel workers, each slot by exactly one of them.
private final class Slots<T>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: max(count, 1))
        storage.initialize(repeating: nil, count: count)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    func take() -> [T] { (0..<count).map { storage[$0]! } }
}

/// Days in `month` of `year` (Gregorian).
func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
}
