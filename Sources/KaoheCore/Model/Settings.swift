/// A grade band (优秀, 良好…): a unit gets the first band, best first, whose `minimum` its total reaches.
public struct GradeBand: Sendable {
    public var name: String
    public var minimum: Double

    public init(name: String, minimum: Double) {
        self.name = name
        self.minimum = minimum
    }
}

/// The settings of dataset.yaml, merged key by key with the defaults of dataset.md.
public struct Settings: Sendable {
    public var name: String
    /// The assessment year.
    public var year: Int
    /// The last month whose data is in.
    public var asOf: YearMonth
    /// Index of the home unit in `Dataset.units`.
    public var home: Int
    /// Grade bands, best first, strictly decreasing minimum.
    public var grades: [GradeBand]
    /// Each category's own `scoring:` section, by category id; read only by that category's module.
    public var scoring: [String: ConfigValue]
    public var departments: DepartmentSettings
    public var reporting: ReportingSettings
    public var risk: RiskSettings
    public var forecast: ForecastSettings
    /// The home unit's grades in earlier years, by year (optional `history_grades:`), for 四连优.
    public var historyGrades: [Int: String]

    public init(
        name: String, year: Int, asOf: YearMonth, home: Int, grades: [GradeBand],
        scoring: [String: ConfigValue] = [:], departments: DepartmentSettings = .init(),
        reporting: ReportingSettings = .init(), risk: RiskSettings = .init(),
        forecast: ForecastSettings = .init(), historyGrades: [Int: String] = [:]
    ) {
        self.name = name
        self.year = year
        self.asOf = asOf
        self.home = home
        self.grades = grades
        self.scoring = scoring
        self.departments = departments
        self.reporting = reporting
        self.risk = risk
        self.forecast = forecast
        self.historyGrades = historyGrades
    }

    /// The band a total falls in (below every band: the last).
    public func grade(forTotal total: Double) -> Int {
        grades.firstIndex { total >= $0.minimum - 1e-9 * max(1, abs($0.minimum)) } ?? grades.count - 1
    }
}

/// `departments:` — double addition and subtraction (双倍加减分) in the county's ledger.
public struct DepartmentSettings: Sendable {
    public var multiplier: Double = 2
    public var cooperatingShare: Double = 0.5
    public init(multiplier: Double = 2, cooperatingShare: Double = 0.5) {
        self.multiplier = multiplier
        self.cooperatingShare = cooperatingShare
    }
}

/// `reporting:` — monthly reports due by `deadlineDay` of the next month; lateness costs points.
public struct ReportingSettings: Sendable {
    public var deadlineDay: Int = 15
    public var latePoints: Double = 0.5
    public init(deadlineDay: Int = 15, latePoints: Double = 0.5) {
        self.deadlineDay = deadlineDay
        self.latePoints = latePoints
    }
}

/// `risk:` — thresholds for warning (预警) and supervision (督办).
public struct RiskSettings: Sendable {
    public var warningBelow: Double = 0.8
    public var supervisionBelow: Double = 0.5
    public var behindProgress: Double = 0.05
    public init(warningBelow: Double = 0.8, supervisionBelow: Double = 0.5, behindProgress: Double = 0.05) {
        self.warningBelow = warningBelow
        self.supervisionBelow = supervisionBelow
        self.behindProgress = behindProgress
    }
}

/// `forecast:` — the spreads of the fallback forecasts.
public struct ForecastSettings: Sendable {
    /// σ of ln F for the `linear` fallback of cumulative indicators.
    public var defaultLogSD: Double = 0.10
    /// σ of F for the `naive` fallback of rate and level indicators.
    public var defaultSD: Double = 1.0
    public init(defaultLogSD: Double = 0.10, defaultSD: Double = 1.0) {
        self.defaultLogSD = defaultLogSD
        self.defaultSD = defaultSD
    }
}
