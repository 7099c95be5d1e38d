/// How an indicator's values are reported (dataset.md, indicators.csv `measure`).
public enum Measure: String, CaseIterable, Sendable {
    /// A year-to-date total, non-decreasing within a year and > 0 (fixed-asset investment in 亿元).
    case cumulative
    /// Year-to-date growth in percent (GDP growth).
    case rate
    /// A value at a point in time (a ratio).
    case level
    /// A qualitative grade A–D given by the city.
    case grade
    /// Counted negative-list events.
    case events

    /// Whether a unit needs an annual target on this measure.
    public var hasTarget: Bool { self == .cumulative || self == .rate || self == .level }

    /// The label used in reports.
    public var label: String {
        switch self {
        case .cumulative: "累计值"
        case .rate: "增速"
        case .level: "水平值"
        case .grade: "等次"
        case .events: "事件数"
        }
    }
}

/// Whether more or less is better.
public enum Direction: String, CaseIterable, Sendable {
    case higher
    case lower

    public var label: String { self == .higher ? "越高越好" : "越低越好" }
}

/// One indicator the city assesses (市考指标): a row of indicators.csv.
public struct Indicator: Sendable, Identifiable {
    public var id: String
    public var name: String
    /// The id of the registered category module that scores it.
    public var category: String
    public var measure: Measure
    /// The unit of measurement as written (亿元, %, 人…).
    public var unit: String
    public var direction: Direction
    /// Full points of the indicator (bonus: the points for rank 1; negative: 0).
    public var weight: Double
    /// The county leader in charge (分管县级领导).
    public var leader: String
    /// The lead department (牵头单位).
    public var leadDepartment: String
    /// The cooperating departments (配合单位), in the order listed.
    public var cooperatingDepartments: [String]
    /// Where the figure comes from (统计局, 市考核办…).
    public var source: String
    /// An optional scoring rule overriding the category's (indicators.csv `rule`, issue 5).
    public var rule: String?
    /// The 1-based line of indicators.csv this indicator was read from.
    public var line: Int

    public init(
        id: String, name: String, category: String, measure: Measure, unit: String,
        direction: Direction, weight: Double, leader: String, leadDepartment: String,
        cooperatingDepartments: [String], source: String, rule: String? = nil, line: Int = 0
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.measure = measure
        self.unit = unit
        self.direction = direction
        self.weight = weight
        self.leader = leader
        self.leadDepartment = leadDepartment
        self.cooperatingDepartments = cooperatingDepartments
        self.source = source
        self.rule = rule
        self.line = line
    }
}

/// A unit the city ranks: the home county or one of its peers (兄弟县区).
public struct AssessedUnit: Sendable, Identifiable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}
