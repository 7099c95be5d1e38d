import Dispatch

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
            Self.writeContainer(count: items.count, open: "[", close: "]", into: &output, indent: indent) { index, output, inner in
                items[index].write(into: &output, indent: inner)
            }
        case let .object(entries):
            Self.writeContainer(count: entries.count, open: "{", close: "}", into: &output, indent: indent) { index, output, inner in
                Self.quote(entries[index].0, into: &output)
                output += inner == nil ? ":" : ": "
                entries[index].1.write(into: &output, indent: inner)
            }
        }
    }

    /// `open`, the `count` items written by `item` (index, output, the items' indent) with commas and,
    /// when pretty, each on its own line, then `close`: no array of the items is made.
    private static func writeContainer(
        count: Int, open: String, close: String, into output: inout String, indent: Int?,
        item: (Int, inout String, Int?) -> Void
    ) {
        output += open
        guard count > 0 else { output += close; return }
        let inner = indent.map { $0 + 2 }
        let lineStart = inner.map { "\n" + String(repeating: " ", count: $0) } ?? ""
        for index in 0..<count {
            if index > 0 { output += "," }
            output += lineStart
            item(index, &output, inner)
        }
        if let indent { output += "\n" + String(repeating: " ", count: indent) }
        output += close
    }

    /// Writes the object of `entries` as `rendered()` would, except that the value of `streamedKey`
    /// (whatever `entries` holds there) is an array of `count` elements made by `element`: made and
    /// rendered in parallel a batch at a time, each batch handed to `write` as soon as it is done, so
    /// that the elements never all exist at once. `write` receives the text in order.
    public static func writeObject(
        _ entries: [(String, JSONValue)], streaming streamedKey: String, count: Int,
        element: @Sendable (Int) -> JSONValue, to write: (String) -> Void
    ) {
        var pending = "{"
        for (index, (key, value)) in entries.enumerated() {
            pending += (index > 0 ? "," : "") + "\n  "
            quote(key, into: &pending)
            pending += ": "
            guard key == streamedKey else {
                value.write(into: &pending, indent: 2)
                continue
            }
            guard count > 0 else { pending += "[]"; continue }
            write(pending + "[")
            pending = ""
            let batch = 64
            for first in stride(from: 0, to: count, by: batch) {
                var pieces = [String](repeating: "", count: min(batch, count - first))
                pieces.withUnsafeMutableBufferPointer { pieces in
                    // Each iteration writes only its own piece.
                    nonisolated(unsafe) let pieces = pieces
                    DispatchQueue.concurrentPerform(iterations: pieces.count) { offset in
                        var text = (first + offset > 0 ? "," : "") + "\n    "
                        element(first + offset).write(into: &text, indent: 4)
                        pieces[offset] = text
                    }
                }
                write(pieces.joined())
            }
            pending = "\n  ]"
        }
        write(pending + "\n}")
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
