/// A fragment of HTML (or SVG) that is safe to write as is.
///
/// Text from the data never becomes markup by accident: in a `Markup` literal, the literal parts are
/// the template's own markup, and every interpolated `String` (or number) is escaped; only another
/// `Markup` is inserted as is.
///
///     let name = "<script>alert(1)</script>"
///     let cell: Markup = "<td class=\"name\">\(name)</td>"
///     // <td class="name">&lt;script&gt;alert(1)&lt;/script&gt;</td>
public struct Markup: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// The HTML text.
    public private(set) var html: String

    /// Markup written by the program itself (never data).
    public init(raw html: String) { self.html = html }

    /// Escaped text.
    public init(text: String) { html = HTML.escape(text) }

    public init(stringLiteral value: String) { html = value }

    public init(stringInterpolation: StringInterpolation) { html = stringInterpolation.html }

    public static let empty = Markup(raw: "")

    public var description: String { html }

    public var isEmpty: Bool { html.isEmpty }

    public static func + (lhs: Markup, rhs: Markup) -> Markup { Markup(raw: lhs.html + rhs.html) }

    public static func += (lhs: inout Markup, rhs: Markup) { lhs.html += rhs.html }

    /// Builds a template: literals as markup, interpolated text escaped, interpolated `Markup` as is.
    public struct StringInterpolation: StringInterpolationProtocol {
        var html = ""

        public init(literalCapacity: Int, interpolationCount: Int) {
            html.reserveCapacity(literalCapacity + 16 * interpolationCount)
        }

        public mutating func appendLiteral(_ literal: String) { html += literal }

        /// Text: escaped.
        public mutating func appendInterpolation(_ text: String) { html += HTML.escape(text) }

        /// Text that may be missing: escaped, nothing when nil.
        public mutating func appendInterpolation(_ text: String?) { html += HTML.escape(text ?? "") }

        /// Markup: as is.
        public mutating func appendInterpolation(_ markup: Markup) { html += markup.html }

        /// An integer.
        public mutating func appendInterpolation(_ value: Int) { html += String(value) }

        /// Fragments, one after the other.
        public mutating func appendInterpolation(_ parts: [Markup]) { for part in parts { html += part.html } }
    }
}

extension Array where Element == Markup {
    /// The fragments one after the other, with `separator` between them.
    public func joined(separator: Markup = .empty) -> Markup {
        var result = Markup.empty
        for (index, part) in enumerated() {
            if index > 0 { result += separator }
            result += part
        }
        return result
    }
}

/// HTML escaping.
public enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` as character references, so that it reads as text in an
    /// element and in a quoted attribute value alike. Control characters other than tab and line ends
    /// are dropped (they are not allowed in HTML).
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            case let s where s.value < 0x20 || s.value == 0x7F: continue
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
