/// An indicator category (量化指标, 加分指标, 共性指标, 新增考核指标, 负面清单): a module under `Plugins/`
/// that owns how its indicators are scored. The core knows categories only through this protocol and
/// the registration list it is handed; it never switches on a category's id.
///
/// A category is prepared once per dataset (`init(context:settings:)` reads its own `scoring:` section)
/// and then asked for points: per indicator and unit in the deterministic scenarios, per draw in the
/// simulation. Its total for a unit is `contribution(ofPoints:)` of the sum of its indicators' points,
/// which is where a cap (bonus) or a deduction (negative list) lives.
public protocol IndicatorCategory: Sendable {
    /// The id written in indicators.csv `category` and as the key of its `scoring:` section.
    static var id: String { get }
    /// The Chinese name used in tables and reports.
    static var displayName: String { get }
    /// What the category demands of a county, in one Chinese sentence for reports and notebooks.
    static var demand: String { get }
    /// The measures its indicators may take (dataset.md, reading rule 2).
    static var acceptedMeasures: Set<Measure> { get }
    /// How the department ledger charges its indicators (default: the points lost).
    static var ledgerTreatment: LedgerTreatment { get }
    /// Worked examples of its scoring under the default settings; the test suite runs every one.
    static var examples: [CategoryExample] { get }

    /// Reads the category's own `scoring:` section (bad settings go to `settings.problems`, naming
    /// dataset.yaml's line) and prepares to score `context.indicators`.
    init(context: ScoringContext, settings: inout SettingsReader)

    /// Points of each of its indicators (in `context.indicators` order) for every unit:
    /// `points[position][unit]`.
    func points(_ scenario: Scenario, push: Push?) -> [[Double]]

    /// What a unit's summed points add to its total (a cap, or a deduction as a negative number).
    func contribution(ofPoints sum: Double) -> Double

    /// The best grade band (index into `grades`, 0 = best) each unit may still reach; nil = no cap.
    func gradeCaps() -> [Int?]

    /// Whether the points of the indicator at `position` vary between simulation draws.
    func isRandom(position: Int) -> Bool

    /// Simulated points of the indicator at `position` for one draw, every unit, into `points`.
    /// Randomness comes only from `stream`, consumed in unit order, so results are reproducible.
    func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                        into points: UnsafeMutableBufferPointer<Double>)

    /// The points of `push.unit` on the indicator at `position` in the draw the last
    /// `simulatePoints(position:…, push: nil, …)` made (whatever it left in `workspace`), with `push`
    /// applied: what `simulatePoints` with the push would give on the same stream, without drawing
    /// again. Nil when the category cannot tell; the simulation then draws again with the push.
    func pushedPoints(position: Int, push: Push, workspace: SimulationWorkspace) -> Double?

    /// Reasons of the category's own why the home unit's indicator at `position` is at risk (beyond the
    /// spec's generic ones), in words a department head understands.
    func riskReasons(position: Int, unit: Int) -> [RiskReason]
}

extension IndicatorCategory {
    public static var ledgerTreatment: LedgerTreatment { .pointsLost }
    public static var examples: [CategoryExample] { [] }
    public static var demand: String { "按该类指标的规则计分。" }
    public func contribution(ofPoints sum: Double) -> Double { sum }
    public func gradeCaps() -> [Int?] { [] }
    public func isRandom(position: Int) -> Bool { false }
    public func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                               into points: UnsafeMutableBufferPointer<Double>) {}
    public func pushedPoints(position: Int, push: Push, workspace: SimulationWorkspace) -> Double? { nil }
    public func riskReasons(position: Int, unit: Int) -> [RiskReason] { [] }
}

/// How the department ledger (dataset.md, "Department ledger") charges a category's indicators.
public enum LedgerTreatment: Sendable {
    /// weight − projected points, charged as a loss (quantitative, new, common).
    case pointsLost
    /// The projected points before the category's cap, credited as a gain (bonus).
    case pointsWon
    /// Not by indicator: each event is charged to its department (negative list).
    case eventsCharged
}

/// A reason an indicator is at risk, with the level it calls for.
public struct RiskReason: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case warning, supervision

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs == .warning && rhs == .supervision }
    }

    public var level: Level
    /// A stable key (`p_meet`, `behind_progress`, `missing_submission`…) for programs.
    public var code: String
    /// The reason in Chinese, e.g. "预计年底完成率 93%，达标概率 31%".
    public var text: String

    public init(level: Level, code: String, text: String) {
        self.level = level
        self.code = code
        self.text = text
    }
}

/// The registered categories, looked up by id (trimmed, case-insensitive).
public struct CategoryCatalog: Sendable {
    public let categories: [any IndicatorCategory.Type]

    public init(_ categories: [any IndicatorCategory.Type]) {
        self.categories = categories
    }

    /// The category registered under `id`, or nil.
    public func category(id: String) -> (any IndicatorCategory.Type)? {
        let wanted = id.trimmingSpaces().lowercased()
        return categories.first { $0.id == wanted }
    }

    /// The ids, in registration order, for messages such as "expected one of …".
    public var ids: [String] { categories.map { $0.id } }
}
