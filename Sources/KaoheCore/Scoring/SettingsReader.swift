/// Reads one `scoring:` section of dataset.yaml for a category or rule, with the defaults of dataset.md,
/// collecting every bad setting as a `dataset.yaml:LINE` problem instead of stopping at the first.
public struct SettingsReader: Sendable {
    /// The section (nil when dataset.yaml leaves it out: every key takes its default).
    public let section: ConfigValue?
    /// Where the section sits, e.g. "scoring.quantitative", for messages.
    public let path: String
    public private(set) var problems: [Problem] = []

    public init(section: ConfigValue?, path: String) {
        self.section = section
        self.path = path
        switch section {
        case nil, .null?, .map?: break
        case let other?:
            problems.append(Problem(file: "dataset.yaml", line: other.line,
                                    message: "\(path) 须为设置项的映射，如 {rule: completion_rank}；现为 \"\(other)\""))
        }
    }

    private var line: Int { section?.line ?? 0 }

    private mutating func report(_ value: ConfigValue, _ message: String) {
        problems.append(Problem(file: "dataset.yaml", line: value.line, message: message))
    }

    /// A number under `key`, `fallback` when absent, checked to lie in `range`.
    public mutating func number(_ key: String, default fallback: Double, in range: ClosedRange<Double>) -> Double {
        guard let value = section?[key] else { return fallback }
        guard let number = value.numberValue, number.isFinite else {
            report(value, "\(path).\(key) 为 \"\(value)\"，不是数字；请填写数字，如 \(fallback.formatted(shortest: true))")
            return fallback
        }
        guard range.contains(number) else {
            report(value, "\(path).\(key) 为 \(number.formatted(shortest: true))；须在 \(range.lowerBound.formatted(shortest: true)) 到 \(range.upperBound.formatted(shortest: true)) 之间")
            return fallback
        }
        return number
    }

    /// A whole number under `key`.
    public mutating func integer(_ key: String, default fallback: Int, in range: ClosedRange<Int>) -> Int {
        let number = number(key, default: Double(fallback), in: Double(range.lowerBound)...Double(range.upperBound))
        guard number == number.rounded() else {
            if let value = section?[key] { report(value, "\(path).\(key) 须为整数，不能是 \(number.formatted(shortest: true))") }
            return fallback
        }
        return Int(number)
    }

    /// A list of numbers under `key`, each in `range`.
    public mutating func numbers(_ key: String, default fallback: [Double], in range: ClosedRange<Double>) -> [Double] {
        guard let value = section?[key] else { return fallback }
        guard case let .list(items, _) = value, !items.isEmpty else {
            report(value, "\(path).\(key) 须为数字列表，如 [\(fallback.map { $0.formatted(shortest: true) }.joined(separator: ", "))]")
            return fallback
        }
        var numbers: [Double] = []
        for item in items {
            guard let number = item.numberValue, range.contains(number) else {
                report(item, "\(path).\(key) 中有 \"\(item)\"；每一项须为 \(range.lowerBound.formatted(shortest: true)) 到 \(range.upperBound.formatted(shortest: true)) 之间的数")
                return fallback
            }
            numbers.append(number)
        }
        return numbers
    }

    /// A string under `key` (trimmed), `fallback` when absent.
    public mutating func string(_ key: String, default fallback: String) -> String {
        guard let value = section?[key] else { return fallback }
        guard let text = value.stringValue?.trimmingSpaces(), !text.isEmpty else {
            report(value, "\(path).\(key) 须为非空文本，如 \(fallback)")
            return fallback
        }
        return text
    }

    /// A map from text to number under `key`, merged key by key over `fallback` (dataset.md: settings
    /// merge with the defaults key by key), so `{A: 0.95}` changes A and keeps the other defaults.
    public mutating func numberMap(_ key: String, default fallback: [(String, Double)], in range: ClosedRange<Double>) -> [(String, Double)] {
        guard let value = section?[key] else { return fallback }
        guard case let .map(entries, _) = value, !entries.isEmpty else {
            report(value, "\(path).\(key) 须为映射，如 {\(fallback.map { "\($0.0): \($0.1.formatted(shortest: true))" }.joined(separator: ", "))}")
            return fallback
        }
        var result = fallback
        for (entryKey, entryValue) in entries {
            guard let number = entryValue.numberValue, range.contains(number) else {
                report(entryValue, "\(path).\(key).\(entryKey) 须为 \(range.lowerBound.formatted(shortest: true)) 到 \(range.upperBound.formatted(shortest: true)) 之间的数")
                return fallback
            }
            let name = entryKey.trimmingSpaces()
            if let index = result.firstIndex(where: { $0.0.lowercased() == name.lowercased() }) {
                result[index].1 = number
            } else {
                result.append((name, number))
            }
        }
        return result
    }

    /// Records a problem found elsewhere while reading the settings (an indicator's `rule` column).
    public mutating func report(file: String, line: Int, message: String) {
        problems.append(Problem(file: file, line: line, message: message))
    }

    /// Records a problem about the section itself (for checks across keys).
    public mutating func fail(_ key: String, _ message: String) {
        let value = section?[key] ?? section ?? .null(line: line)
        report(value, "\(path).\(key): \(message)")
    }
}
