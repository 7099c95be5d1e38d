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
        guard let units else { return "unknown unit \(quoted(id))" }
        var message = id.isEmpty
            ? "unit is empty; write the id of a unit of dataset.yaml: " + listForMessage(units.ids)
            : "unknown unit \(quoted(id)); expected a unit id of dataset.yaml: " + listForMessage(units.ids)
        if let match = units.caseInsensitiveMatch(id) { message += " (ids are case-sensitive: did you mean \(match)?)" }
        if rows > 1 { message += " — \(rows) rows name it, the last on line \(lastLine)" }
        return message
    }

    func unknownIndicator(_ id: String, rows: Int = 1, lastLine: Int = 0) -> String {
        guard let indicators else { return "unknown indicator \(quoted(id))" }
        var message = id.isEmpty
            ? "indicator is empty; write the id of an indicator of indicators.csv: " + listForMessage(indicators.ids)
            : "unknown indicator \(quoted(id)); expected an id of indicators.csv: " + listForMessage(indicators.ids)
        if let match = indicators.caseInsensitiveMatch(id) {
            message += " (ids are case-sensitive: did you mean \(match)?)"
        }
        if rows > 1 { message += " — \(rows) rows name it, the last on line \(lastLine)" }
        return message
    }

    /// The problem with a calendar value as written, or nil; `form` is e.g. "YYYY-MM", `example` "2019-08".
    static func calendarMessage(
        _ what: String, _ written: String, _ failure: ValueParser.CalendarFailure, form: String, example: String
    ) -> String {
        switch failure {
        case .empty:
            return "\(what) is empty; write it as \(form), e.g. \(example)"
        case .malformed:
            return "\(what) \(quoted(written.trimmingSpaces())) is not \(form); write it as \(form), e.g. \(example)"
        case let .impossible(why):
            return "\(what) \(quoted(written.trimmingSpaces())) is impossible (\(why)); write a real \(form), "
                + "e.g. \(example)"
        }
    }

    /// A message when `year` of a calendar value is outside 1949…the assessment year, else nil.
    func yearRangeMessage(_ what: String, _ value: CustomStringConvertible, year: Int) -> String? {
        if year < 1949 {
            return "\(what) \(value) is before 1949; \(what)s run from 1949 to the assessment year"
                + (self.year.map { " \($0)" } ?? "")
        }
        if let assessment = self.year, year > assessment {
            return "\(what) \(value) is after the assessment year \(assessment); \(what)s run from 1949 to \(assessment)"
        }
        return nil
    }

    /// An example month for messages.
    var exampleMonth: String { asOf?.description ?? "\(year ?? 2019)-08" }
}
