/// A settings value from dataset.yaml, kept with the line it was written on so that a category module
/// reading its own `scoring:` section can report `dataset.yaml:LINE` for a bad setting.
public indirect enum ConfigValue: Sendable, CustomStringConvertible {
    case null(line: Int)
    case bool(Bool, line: Int)
    case number(Double, line: Int)
    case string(String, line: Int)
    case list([ConfigValue], line: Int)
    /// Keys in the order written.
    case map([(key: String, value: ConfigValue)], line: Int)

    /// The 1-based line of dataset.yaml where the value starts.
    public var line: Int {
        switch self {
        case let .null(line), let .bool(_, line), let .number(_, line), let .string(_, line),
             let .list(_, line), let .map(_, line):
            line
        }
    }

    /// The value under `key` of a map (keys compared trimmed and case-insensitively), or nil.
    public subscript(key: String) -> ConfigValue? {
        guard case let .map(entries, _) = self else { return nil }
        let wanted = key.lowercased()
        return entries.first { $0.key.trimmingSpaces().lowercased() == wanted }?.value
    }

    public var numberValue: Double? {
        if case let .number(value, _) = self { return value }
        return nil
    }

    public var stringValue: String? {
        switch self {
        case let .string(value, _): value
        case let .number(value, _): value.formatted(shortest: true)
        default: nil
        }
    }

    public var description: String {
        switch self {
        case .null: "null"
        case let .bool(value, _): String(value)
        case let .number(value, _): value.formatted(shortest: true)
        case let .string(value, _): value
        case let .list(items, _): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case let .map(entries, _): "{" + entries.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line ends (ASCII and the
    /// ideographic space U+3000 that Chinese input methods type).
    public func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" || $0 == "\u{3000}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }
}

extension Double {
    /// The shortest decimal form that reads back as the same value, without a trailing `.0`.
    public func formatted(shortest: Bool) -> String {
        if self == rounded(), abs(self) < 1e15 { return String(Int64(self)) }
        return String(self)
    }
}
