/// One line of a department's account in the ledger.
public struct LedgerEntry: Sendable, Equatable {
    /// What the points are for.
    public enum Kind: String, Sendable, CaseIterable {
        /// The department leads (牵头) the indicator: multiplier × the points lost (or, bonus, won).
        case lead
        /// The department cooperates (配合): multiplier × cooperating_share × the points lost (or won).
        case cooperating
        /// A negative-list event charged to the department: multiplier × its points.
        case negativeEvent = "negative_event"
        /// A monthly report submitted after its deadline.
        case lateReport = "late_report"
        /// A monthly report not submitted.
        case missingReport = "missing_report"
    }

    public var kind: Kind
    /// Index into `Dataset.indicators`; nil for report entries.
    public var indicator: Int?
    /// Points for the department: losses negative, gains positive.
    public var points: Double
    /// What happened, in Chinese, e.g. "牵头指标「全社会固定资产投资」预计失分 1.20 分 × 2".
    public var reason: String
    /// The month reported on (report entries).
    public var period: YearMonth?
    /// The event's date, or the date a late report came in.
    public var date: CalendarDate?

    public init(kind: Kind, indicator: Int?, points: Double, reason: String, period: YearMonth? = nil,
                date: CalendarDate? = nil) {
        self.kind = kind
        self.indicator = indicator
        self.points = points
        self.reason = reason
        self.period = period
        self.date = date
    }
}

/// A department's points in the ledger: its entries and their sum.
public struct DepartmentAccount: Sendable, Equatable {
    public var department: String
    /// Indicator entries in indicators.csv order, then negative events by date, then reports by month.
    public var entries: [LedgerEntry]

    public init(department: String, entries: [LedgerEntry]) {
        self.department = department
        self.entries = entries
    }

    /// The sum of the entries (0 for a department with none).
    public var total: Double { entries.reduce(0) { $0 + $1.points } }
}

/// The department ledger of dataset.md (双倍加减分, seed §1, §3, §4, §6): how the city's verdict on the
/// home county flows into the county's assessment of its own departments.
///
/// Sign convention: **losses are negative, gains positive**; a department's total is the sum of its
/// entries. With `departments: {multiplier: k, cooperating_share: s}` and `reporting: {deadline_day: d,
/// late_points: p}`:
///
/// - each indicator whose category charges points lost (`LedgerTreatment.pointsLost`: quantitative,
///   new, common): loss L = weight − projected score of the home unit; the lead department gets −k·L
///   and each cooperating department −k·s·L;
/// - each indicator whose category credits points won (`.pointsWon`: bonus): gain G = its projected
///   points before the category's cap (reading rule 15); lead +k·G, each cooperating department +k·s·G;
/// - each negative-list event of the home unit in the assessment year up to the as_of month: −k·points
///   to its `department`, or to the indicator's lead department when that is empty;
/// - each monthly report of a month of the assessment year before as_of (submissions.csv): due on day
///   d of the next month, clamped to that month's length (d = 30 in February → the 28th or 29th); on
///   time when submitted on the deadline day or earlier; −p when later or not submitted (empty
///   `submitted_on`). Months without a row are not judged: the file is the record of what was due.
///
/// Entries of zero points (within 1e-9 of the indicator's weight) are omitted; every department named
/// in indicators.csv (lead or cooperating) has an account, even at 0, and so does any other department
/// an event or a report charges. Accounts are sorted by total, worst first (ties in the order the
/// departments are first named: indicators.csv, then events, then submissions).
///
/// Example (k = 2, s = 0.5): an indicator of weight 6 projected at 4.8 loses 1.2: its lead department
/// −2.4, each cooperating one −1.2; a bonus indicator projected at 1.8 gives its lead +3.6.
public struct DepartmentLedger: Sendable {
    /// The accounts, worst total first.
    public let accounts: [DepartmentAccount]
    /// The unit whose departments these are (the home unit).
    public let unit: Int

    /// The ledger of the home unit's departments from the projected standing of `engine`.
    public init(engine: StandingEngine) {
        self.init(dataset: engine.dataset, projectedPoints: engine.standing(.projected).points,
                  treatments: engine.ledgerTreatments)
    }

    /// The ledger from `projectedPoints` laid out as `ScenarioStanding.points`
    /// (`[indicator · unitCount + unit]`, before category caps).
    ///
    /// - Parameter treatments: how each indicator is charged, as its category declares
    ///   (`StandingEngine.ledgerTreatments`).
    public init(dataset: Dataset, projectedPoints: [Double], treatments: [LedgerTreatment]) {
        let settings = dataset.settings
        let home = settings.home
        let units = dataset.units.count
        let multiplier = settings.departments.multiplier
        let share = settings.departments.cooperatingShare
        var book = Book()

        // Every department named in indicators.csv, in the order named.
        for indicator in dataset.indicators {
            book.open(indicator.leadDepartment)
            for department in indicator.cooperatingDepartments { book.open(department) }
        }

        // Indicators: points lost (or, for gain categories, won) by the home unit.
        let k = LedgerText.number(multiplier), s = LedgerText.number(share)
        for (index, indicator) in dataset.indicators.enumerated() where treatments[index] != .eventsCharged {
            let score = projectedPoints[index * units + home]
            let isGain = treatments[index] == .pointsWon
            let base = isGain ? (score.isNaN ? 0 : score) : indicator.weight - (score.isNaN ? 0 : score)
            let signed = isGain ? base : -base
            guard abs(base) > Ranking.tolerance * max(1, abs(indicator.weight)) else { continue }
            let amount = (isGain ? "预计得分 " : base < 0 ? "预计超出满分 " : "预计失分 ") + LedgerText.fixed(abs(base)) + " 分"
            let kind = isGain ? "加分指标" : "指标"
            let lead = indicator.leadDepartment.trimmingSpaces()
            if !lead.isEmpty {
                book.add(lead, LedgerEntry(kind: .lead, indicator: index, points: signed * multiplier,
                                           reason: "牵头\(kind)「\(indicator.name)」\(amount) × \(k)"))
            }
            var charged: Set<String> = [lead]
            for department in indicator.cooperatingDepartments.map({ $0.trimmingSpaces() })
            where !department.isEmpty && charged.insert(department).inserted {
                book.add(department, LedgerEntry(kind: .cooperating, indicator: index, points: signed * multiplier * share,
                                                 reason: "配合\(kind)「\(indicator.name)」\(amount) × \(k) × \(s)"))
            }
        }

        // Negative-list events of the home unit this year, up to the as_of month, by date.
        let events = dataset.events.enumerated()
            .filter { $0.element.unit == home && $0.element.date.year == settings.year && $0.element.date.yearMonth <= settings.asOf }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element)
        for event in events where event.points != 0 {
            let indicator = dataset.indicators[event.indicator]
            let named = event.department?.trimmingSpaces() ?? ""
            let department = named.isEmpty ? indicator.leadDepartment.trimmingSpaces() : named
            guard !department.isEmpty else { continue }
            let what = event.description.trimmingSpaces()
            book.add(department, LedgerEntry(
                kind: .negativeEvent, indicator: event.indicator, points: -multiplier * event.points,
                reason: "负面清单「\(indicator.name)」\(LedgerText.date(event.date, year: settings.year, withYear: false))"
                    + (what.isEmpty ? "" : "：\(what)") + (event.veto ? "（一票否决）" : "")
                    + "，扣 \(LedgerText.fixed(event.points)) 分 × \(k)",
                date: event.date))
        }

        // Monthly reports of months before as_of, by month.
        let late = settings.reporting.latePoints
        let reports = dataset.submissions.enumerated()
            .filter { $0.element.period.year == settings.year && $0.element.period < settings.asOf }
            .sorted { ($0.element.period, $0.offset) < ($1.element.period, $1.offset) }
            .map(\.element)
        for report in reports where late != 0 {
            let department = report.department.trimmingSpaces()
            guard !department.isEmpty else { continue }
            let deadline = Self.deadline(of: report.period, deadlineDay: settings.reporting.deadlineDay)
            let due = LedgerText.date(deadline, year: settings.year, withYear: false)
            if let submitted = report.submittedOn {
                guard submitted > deadline else { continue }
                book.add(department, LedgerEntry(
                    kind: .lateReport, indicator: nil, points: -late,
                    reason: "\(report.period.month)月报表逾期报送（\(LedgerText.date(submitted, year: settings.year, withYear: false))，截止\(due)）",
                    period: report.period, date: submitted))
            } else {
                book.add(department, LedgerEntry(
                    kind: .missingReport, indicator: nil, points: -late,
                    reason: "\(report.period.month)月报表未报送（截止\(due)）", period: report.period))
            }
        }

        unit = home
        accounts = book.sorted()
    }

    /// The deadline of the report on `period`: day `deadlineDay` of the next month, clamped to that
    /// month's length (and to at least the 1st).
    ///
    /// Example: January 2020 with day 30 → 2020-02-29; January 2019 → 2019-02-28; December 2019 with day
    /// 15 → 2020-01-15.
    public static func deadline(of period: YearMonth, deadlineDay: Int) -> CalendarDate {
        let year = period.month == 12 ? period.year + 1 : period.year
        let month = period.month == 12 ? 1 : period.month + 1
        let day = min(max(deadlineDay, 1), CalendarDate.daysIn(month: month, year: year))
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The account of `department`, or nil when it has none.
    public func account(_ department: String) -> DepartmentAccount? {
        accounts.first { $0.department == department }
    }
}

/// Accounts in the order departments are first named.
private struct Book {
    var accounts: [DepartmentAccount] = []
    var position: [String: Int] = [:]

    mutating func open(_ name: String) {
        let department = name.trimmingSpaces()
        guard !department.isEmpty, position[department] == nil else { return }
        position[department] = accounts.count
        accounts.append(DepartmentAccount(department: department, entries: []))
    }

    mutating func add(_ department: String, _ entry: LedgerEntry) {
        open(department)
        accounts[position[department]!].entries.append(entry)
    }

    /// Worst total first; equal totals in the order named.
    func sorted() -> [DepartmentAccount] {
        let totals = accounts.map(\.total)
        return accounts.indices.sorted { (totals[$0], $0) < (totals[$1], $1) }.map { accounts[$0] }
    }
}

/// Numbers and dates as the ledger's reasons write them.
enum LedgerText {
    /// Two decimals, half away from zero: 1.2 → "1.20".
    static func fixed(_ value: Double) -> String { NumberFormat.fixed(value, digits: 2) }

    /// The shortest form: 2 → "2", 0.5 → "0.5".
    static func number(_ value: Double) -> String { value.formatted(shortest: true) }

    /// "8月18日", or "2019年3月4日" (`withYear`, or when the year is not the assessment year).
    static func date(_ date: CalendarDate, year: Int, withYear: Bool = true) -> String {
        (withYear || date.year != year ? "\(date.year)年" : "") + "\(date.month)月\(date.day)日"
    }
}
