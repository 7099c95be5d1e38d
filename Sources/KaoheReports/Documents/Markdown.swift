/// Markdown for the notices: text from the data is escaped so that it reads as text whatever renderer
/// shows it (no raw HTML, no emphasis, no table cell break, no link).
public enum Markdown {
    /// `text` with `&`, `<`, `>` as character references and Markdown's punctuation backslash-escaped;
    /// line breaks become spaces.
    public static func escape(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "|", "#", "!", "~", "{", "}": output += "\\" + String(character)
            case "\n", "\r", "\r\n": output += " "
            default: output.append(character)
            }
        }
        return output
    }

    /// A pipe table; cells are escaped when appended.
    public struct Table: Sendable {
        public var headers: [String]
        public private(set) var rows: [[String]] = []

        public init(headers: [String]) { self.headers = headers }

        public mutating func append(_ cells: [String]) { rows.append(cells) }

        public func rendered() -> String {
            func line(_ cells: [String]) -> String {
                "| " + cells.map { Markdown.escape($0) }.joined(separator: " | ") + " |"
            }
            var lines = [line(headers), "|" + headers.map { _ in " --- |" }.joined()]
            lines += rows.map(line)
            return lines.joined(separator: "\n")
        }
    }
}
