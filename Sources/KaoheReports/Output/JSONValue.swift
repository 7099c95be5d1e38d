/// A JSON document built in the order it is written, so that output is stable and `null` is explicit
/// (cli.md: a value that does not exist is `null`, never a missing key, never NaN).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a.bitPattern == b.bitPattern
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// A number, or `null` when it is absent or not finite.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(value)
    }

    /// An integer as a JSON number.
    public static func integer(_ value: Int?) -> JSONValue {
        guard let value else { return .null }
        return .number(Double(value))
    }

    /// A string, or `null` when absent.
    public static func text(_ value: String?) -> JSONValue {
        guard let value else { return .null }
        return .string(value)
    }

    /// The document as pretty-printed JSON text (two-space indent, keys in the order given).
    public func rendered(pretty: Bool = true) -> String {
        var output = ""
        write(into: &output, indent: pretty ? 0 : nil)
        return output
    }

    private func write(into output: inout String, indent: Int?) {
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .number(value): output += Self.format(value)
        case let .string(value): Self.quote(value, into: &output)
        case let .array(items):
            writeContainer(items.map { (nil, $0) }, open: "[", close: "]", into: &output, indent: indent)
        case let .object(entries):
            writeContainer(entries.map { (Optional($0.0), $0.1) }, open: "{", close: "}", into: &output, indent: indent)
        }
    }

    private func writeContainer(
        _ items: [(String?, JSONValue)], open: String, close: String, into output: inout String, indent: Int?
    ) {
        output += open
        guard !items.isEmpty else { output += close; return }
        let inner = indent.map { $0 + 2 }
        for (index, (key, value)) in items.enumerated() {
            if index > 0 { output += "," }
            if let inner { output += "\n" + String(repeating: " ", count: inner) }
            if let key {
                Self.quote(key, into: &output)
                output += indent == nil ? ":" : ": "
            }
            value.write(into: &output, indent: inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    /// Integers without a fraction; everything else in Swift's shortest round-trip form.
    public static func format(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case let s where s.value < 0x20:
                let hex = String(s.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }
}
