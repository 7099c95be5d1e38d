/// A Jupyter notebook (nbformat 4.5) built cell by cell and rendered as stable JSON: cell ids are
/// `cell-01`, `cell-02`… in order, code cells carry no outputs and no execution count, and the
/// metadata holds nothing that changes from run to run — so the same inputs give the same bytes.
public struct Notebook: Sendable {
    /// One cell: Markdown or Python code.
    public struct Cell: Sendable, Equatable {
        public enum Kind: String, Sendable { case markdown, code }
        public var kind: Kind
        public var source: String
        /// Cell tags (`metadata.tags`), e.g. `parameters`.
        public var tags: [String]

        public init(kind: Kind, source: String, tags: [String] = []) {
            self.kind = kind
            self.source = source
            self.tags = tags
        }

        public static func markdown(_ source: String) -> Cell { Cell(kind: .markdown, source: source) }
        public static func code(_ source: String, tags: [String] = []) -> Cell { Cell(kind: .code, source: source, tags: tags) }
    }

    public var cells: [Cell] = []
    /// Extra notebook-level metadata under the `kaohe` key (stable values only).
    public var kaoheMetadata: [(String, JSONValue)] = []
    /// The notebook's title (`metadata.title`).
    public var title: String?

    public init(title: String? = nil) { self.title = title }

    public mutating func markdown(_ source: String) { cells.append(.markdown(source)) }
    public mutating func code(_ source: String, tags: [String] = []) { cells.append(.code(source, tags: tags)) }

    /// The id of the cell at `index` (0-based): `cell-01`, … `cell-99`, `cell-100`.
    public static func cellID(_ index: Int) -> String {
        let number = String(index + 1)
        return "cell-" + (number.count < 2 ? "0" + number : number)
    }

    /// The source as nbformat writes it: a list of lines, each but the last ending in "\n".
    static func sourceLines(_ source: String) -> JSONValue {
        var text = source
        while text.hasSuffix("\n") { text.removeLast() }
        guard !text.isEmpty else { return .array([]) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return .array(lines.enumerated().map { index, line in
            .string(index == lines.count - 1 ? line : line + "\n")
        })
    }

    /// The notebook document as a JSON value.
    public var json: JSONValue {
        let cellValues: [JSONValue] = cells.enumerated().map { index, cell in
            var metadata: [(String, JSONValue)] = []
            if !cell.tags.isEmpty { metadata.append(("tags", .array(cell.tags.map { .string($0) }))) }
            var entries: [(String, JSONValue)] = [
                ("cell_type", .string(cell.kind.rawValue)),
                ("id", .string(Self.cellID(index))),
                ("metadata", .object(metadata)),
            ]
            if cell.kind == .code {
                entries.append(("execution_count", .null))
                entries.append(("outputs", .array([])))
            }
            entries.append(("source", Self.sourceLines(cell.source)))
            return .object(entries)
        }
        var metadata: [(String, JSONValue)] = [
            ("kernelspec", .object([
                ("display_name", .string("Python 3 (ipykernel)")),
                ("language", .string("python")),
                ("name", .string("python3")),
            ])),
            ("language_info", .object([("name", .string("python"))])),
        ]
        if let title { metadata.append(("title", .string(title))) }
        if !kaoheMetadata.isEmpty { metadata.append(("kaohe", .object(kaoheMetadata))) }
        return .object([
            ("cells", .array(cellValues)),
            ("metadata", .object(metadata)),
            ("nbformat", .number(4)),
            ("nbformat_minor", .number(5)),
        ])
    }

    /// The `.ipynb` text: JSON with a two-space indent, keys in a fixed order, and a final newline.
    public func rendered() -> String {
        json.rendered() + "\n"
    }
}
