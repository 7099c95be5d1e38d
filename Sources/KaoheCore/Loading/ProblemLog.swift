/// The files of a dataset folder, in the order problems are sorted in.
enum DatasetFile: String, CaseIterable, Sendable {
    case settings = "dataset.yaml"
    case indicators = "indicators.csv"
    case targets = "targets.csv"
    case observations = "observations.csv"
    case reviews = "reviews.csv"
    case events = "events.csv"
    case submissions = "submissions.csv"

    /// The file name within the folder.
    public var name: String { rawValue }

    /// Whether the dataset is invalid without it (reading rule 1).
    public var isRequired: Bool {
        switch self {
        case .settings, .indicators, .targets, .observations: true
        case .reviews, .events, .submissions: false
        }
    }

    /// The position in problem listings.
    var order: Int { DatasetFile.allCases.firstIndex(of: self)! }

    static func order(ofName name: String) -> Int {
        DatasetFile(rawValue: name)?.order ?? DatasetFile.allCases.count
    }
}

/// Problems gathered while reading a dataset.
struct ProblemLog {
    private(set) var problems: [Problem] = []
    /// Errors per file (notes excluded), for the cap on listed problems.
    private var errorCounts: [String: Int] = [:]
    private var suppressed: [String: (count: Int, firstLine: Int)] = [:]

    /// At most this many errors are listed per file; the rest are counted in one closing problem (a file
    /// broken on every one of its million rows does not need a million lines of messages).
    static let maximumErrorsPerFile = 100_000

    var errorCount: Int { problems.count { $0.severity == .error } + suppressed.values.reduce(0) { $0 + $1.count } }

    mutating func error(_ file: DatasetFile, _ line: Int, _ message: String) {
        let listed = errorCounts[file.name, default: 0]
        if listed >= ProblemLog.maximumErrorsPerFile {
            let entry = suppressed[file.name] ?? (0, line)
            suppressed[file.name] = (entry.count + 1, min(entry.firstLine, line))
            return
        }
        errorCounts[file.name] = listed + 1
        problems.append(Problem(file: file.name, line: line, message: message))
    }

    mutating func note(_ file: DatasetFile, _ line: Int, _ message: String) {
        problems.append(Problem(file: file.name, line: line, message: message, severity: .note))
    }

    mutating func append(_ problem: Problem) {
        if problem.severity == .note {
            problems.append(problem)
        } else if let file = DatasetFile(rawValue: problem.file) {
            error(file, problem.line, problem.message)
        } else {
            problems.append(problem)
        }
    }

    /// Adds everything `other` holds (a log of other files, kept at the same time).
    mutating func merge(_ other: ProblemLog) {
        problems += other.problems
        errorCounts.merge(other.errorCounts, uniquingKeysWith: +)
        suppressed.merge(other.suppressed) { ($0.count + $1.count, min($0.firstLine, $1.firstLine)) }
    }

    /// Everything, sorted by file (in `DatasetFile` order) then line, errors before notes on a line.
    func sorted() -> [Problem] {
        var all = problems
        for (file, entry) in suppressed {
            all.append(Problem(
                file: file, line: entry.firstLine,
                message: "本文件另有 \(entry.count) 个错误未列出（只列出前 \(ProblemLog.maximumErrorsPerFile) 个）；"
                    + "请先改正已列出的错误，再重新校验"))
        }
        return ProblemLog.sort(all)
    }

    static func sort(_ problems: [Problem]) -> [Problem] {
        problems.enumerated().sorted { a, b in
            let (x, y) = (a.element, b.element)
            let (fx, fy) = (DatasetFile.order(ofName: x.file), DatasetFile.order(ofName: y.file))
            if fx != fy { return fx < fy }
            if x.file != y.file { return x.file < y.file }
            if x.line != y.line { return x.line < y.line }
            if x.severity != y.severity { return x.severity == .error }
            return a.offset < b.offset
        }.map(\.element)
    }
}

/// Short lists in messages: "a, b, c" or "a, b, c …（共 3000 个）".
func listForMessage(_ items: [String], limit: Int = 8) -> String {
    if items.count <= limit { return items.joined(separator: ", ") }
    return items.prefix(limit).joined(separator: ", ") + " …（共 \(items.count) 个）"
}

/// A value as written in a message: `"x"`.
func quoted(_ text: String) -> String { "\"\(text)\"" }
