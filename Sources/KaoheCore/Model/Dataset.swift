/// A problem found while reading a dataset: `file:line: message`.
public struct Problem: Sendable, Equatable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable { case error, note }

    /// The file name within the dataset folder (dataset.yaml, indicators.csv…).
    public var file: String
    /// 1-based line; 0 when the file itself is missing.
    public var line: Int
    public var message: String
    public var severity: Severity

    public init(file: String, line: Int, message: String, severity: Severity = .error) {
        self.file = file
        self.line = line
        self.message = message
        self.severity = severity
    }

    public var description: String {
        "\(file):\(line): \(severity == .note ? "note: " : "")\(message)"
    }
}

/// Every problem of a dataset that could not be loaded, errors first in file and line order.
public struct DatasetError: Error, Sendable, CustomStringConvertible {
    public var problems: [Problem]

    public init(problems: [Problem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// A loaded, validated dataset (dataset.md): invalid data never gets this far.
public struct Dataset: Sendable {
    /// The folder it was read from.
    public var directory: String
    public var settings: Settings
    /// The peer group, home included, in the order of dataset.yaml.
    public var units: [AssessedUnit]
    /// In the order of indicators.csv.
    public var indicators: [Indicator]
    /// Annual targets, `targets[indicator · unitCount + unit]`, NaN where the measure has none.
    public var targets: [Double]
    public var observations: ObservationStore
    public var reviews: [Review]
    public var events: [NegativeEvent]
    public var submissions: [Submission]
    /// Notes (unknown columns and keys, ignored rows) that did not stop the load.
    public var notes: [Problem]

    public init(
        directory: String, settings: Settings, units: [AssessedUnit], indicators: [Indicator],
        targets: [Double], observations: ObservationStore, reviews: [Review] = [],
        events: [NegativeEvent] = [], submissions: [Submission] = [], notes: [Problem] = []
    ) {
        self.directory = directory
        self.settings = settings
        self.units = units
        self.indicators = indicators
        self.targets = targets
        self.observations = observations
        self.reviews = reviews
        self.events = events
        self.submissions = submissions
        self.notes = notes
    }

    public var homeUnit: AssessedUnit { units[settings.home] }

    /// The target of `unit` on `indicator`, or nil.
    public func target(indicator: Int, unit: Int) -> Double? {
        let value = targets[indicator * units.count + unit]
        return value.isNaN ? nil : value
    }

    /// The index of the unit with `id`, or nil.
    public func unitIndex(id: String) -> Int? { units.firstIndex { $0.id == id } }

    /// The index of the indicator with `id`, or nil.
    public func indicatorIndex(id: String) -> Int? { indicators.firstIndex { $0.id == id } }
}
