/// A quarterly review of a common indicator (reviews.csv): what the unit submitted and its grade.
public struct Review: Sendable {
    public var unit: Int
    public var indicator: Int
    public var quarter: YearQuarter
    public var plan: Bool
    public var progress: Bool
    public var evidence: Bool
    /// `A`…`D`, or nil when not graded yet.
    public var grade: String?
    public var line: Int

    public init(unit: Int, indicator: Int, quarter: YearQuarter, plan: Bool, progress: Bool,
                evidence: Bool, grade: String?, line: Int) {
        self.unit = unit
        self.indicator = indicator
        self.quarter = quarter
        self.plan = plan
        self.progress = progress
        self.evidence = evidence
        self.grade = grade
        self.line = line
    }

    /// All three documents (plan, completion report, evidence) were submitted.
    public var isComplete: Bool { plan && progress && evidence }
}

/// A negative-list event (events.csv): a problem deducted from the unit's score (倒扣分).
public struct NegativeEvent: Sendable {
    public var date: CalendarDate
    public var unit: Int
    public var indicator: Int
    /// The department charged; nil means the indicator's lead department.
    public var department: String?
    public var points: Double
    /// A veto (一票否决) caps the unit's grade.
    public var veto: Bool
    public var description: String
    public var line: Int

    public init(date: CalendarDate, unit: Int, indicator: Int, department: String?, points: Double,
                veto: Bool, description: String, line: Int) {
        self.date = date
        self.unit = unit
        self.indicator = indicator
        self.department = department
        self.points = points
        self.veto = veto
        self.description = description
        self.line = line
    }
}

/// A department's monthly report to the county assessment office (submissions.csv).
public struct Submission: Sendable {
    public var department: String
    /// The month reported on; the report is due on `deadline_day` of the next month.
    public var period: YearMonth
    /// When it was submitted; nil when it was not.
    public var submittedOn: CalendarDate?
    public var line: Int

    public init(department: String, period: YearMonth, submittedOn: CalendarDate?, line: Int) {
        self.department = department
        self.period = period
        self.submittedOn = submittedOn
        self.line = line
    }
}
