/// What one indicator row of indicators.csv said, as far as it could be read.
struct IndicatorInfo: Sendable {
    var id: String
    var line: Int
    /// Nil when the measure (or the category pairing) is invalid: rows about it are checked loosely.
    var measure: Measure?
    var direction: Direction?
}

/// What the readers share: the settings read so far and the id tables.
struct LoadContext: Sendable {
    var year: Int?
    var asOf: YearMonth?
    /// Nil when dataset.yaml's unit list could not be read (unit ids are then not checked).
    var units: IdentifierTable?
    /// Nil when indicators.csv could not be read (indicator ids are then not checked).
    var indicators: IdentifierTable?
    var indicatorInfo: [IndicatorInfo] = []

    func measure(_ indicator: Int?) -> Measure? { indicator.flatMap { indicatorInfo[$0].measure } }

    // MARK: Messages

    func unknownUnit(_ id: String, rows: Int = 1, lastLine: Int = 0) -> String {
        guard let units else { return "未知单位 \(quoted(id))" }
        var message = id.isEmpty
            ? "unit 为空；请填写 dataset.yaml 中某个单位的 id：" + listForMessage(units.ids)
            : "未知单位 \(quoted(id))；请填写 dataset.yaml 中的单位 id：" + listForMessage(units.ids)
        if let match = units.caseInsensitiveMatch(id) { message += "（id 区分大小写：是否应为 \(match)？）" }
        if rows > 1 { message += "——共 \(rows) 行填写了此值，最后一行是第 \(lastLine) 行" }
        return message
    }

    func unknownIndicator(_ id: String, rows: Int = 1, lastLine: Int = 0) -> String {
        guard let indicators else { return "未知指标 \(quoted(id))" }
        var message = id.isEmpty
            ? "indicator 为空；请填写 indicators.csv 中某个指标的 id：" + listForMessage(indicators.ids)
            : "未知指标 \(quoted(id))；请填写 indicators.csv 中的指标 id：" + listForMessage(indicators.ids)
        if let match = indicators.caseInsensitiveMatch(id) {
            message += "（id 区分大小写：是否应为 \(match)？）"
        }
        if rows > 1 { message += "——共 \(rows) 行填写了此值，最后一行是第 \(lastLine) 行" }
        return message
    }

    /// The problem with a calendar value as written, or nil; `form` is e.g. "YYYY-MM", `example` "2019-08".
    static func calendarMessage(
        _ what: String, _ written: String, _ failure: ValueParser.CalendarFailure, form: String, example: String
    ) -> String {
        switch failure {
        case .empty:
            return "\(what) 为空；请按 \(form) 格式填写，如 \(example)"
        case .malformed:
            return "\(what) \(quoted(written.trimmingSpaces())) 不符合 \(form) 格式；请按 \(form) 格式填写，如 \(example)"
        case let .impossible(why):
            return "\(what) \(quoted(written.trimmingSpaces())) 不存在（\(why)）；请填写真实存在的 \(form)，"
                + "如 \(example)"
        }
    }

    /// A message when `year` of a calendar value is outside 1949…the assessment year, else nil.
    func yearRangeMessage(_ what: String, _ value: CustomStringConvertible, year: Int) -> String? {
        if year < 1949 {
            return "\(what) \(value) 早于 1949 年；\(what) 须在 1949 年至考核年度"
                + (self.year.map { " \($0) 年" } ?? "") + "之间"
        }
        if let assessment = self.year, year > assessment {
            return "\(what) \(value) 晚于考核年度 \(assessment) 年；\(what) 须在 1949 年至 \(assessment) 年之间"
        }
        return nil
    }

    /// An example month for messages.
    var exampleMonth: String { asOf?.description ?? "\(year ?? 2019)-08" }
}
