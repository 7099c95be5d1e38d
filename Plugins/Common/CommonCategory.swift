import KaoheCore

/// 共性指标 — a common (qualitative) indicator judged by city departments. Each quarter the county
/// submits to the city's system the plan, the completion report and the evidence (季度计划、完成情况及
/// 印证资料); the city grades the work A–D.
///
///     score = weight · grade_points[g]
///
/// with g the latest graded quarter's grade this year, else `assume` (flagged as assumed). Grades are
/// not drawn in the simulation. Its own risk: a quarter whose submissions are due (its last month ≤
/// as_of) with no row, or with any of plan, progress, evidence = no, is a warning.
///
/// The worked examples are `examples`, run by the test suite.
public struct CommonCategory: IndicatorCategory {
    public static let id = "common"
    public static let displayName = "共性指标"
    public static let demand = "由市级部门评定的定性工作；每季度按时向市考核系统报送计划、完成情况和印证资料，按评定等次计分。"
    public static let acceptedMeasures: Set<Measure> = [.grade]

    public static let examples = [
        CategoryExample(
            "Graded C → 3·0.75; not graded yet → assumed B → 3·0.9; graded A → 3",
            weight: 3, outcomes: [.grade("C"), .grade(nil), .grade("A")], points: [2.25, 2.7, 3]),
    ]

    let context: ScoringContext
    let gradePoints: [(grade: String, share: Double)]
    let assumedGrade: String
    /// The grade each (position, unit) is scored on, and whether it was assumed.
    public let grades: [[(grade: String, assumed: Bool)]]
    /// This year's reviews up to as_of, by `indicator · unitCount + unit`.
    let reviews: [Int: [Review]]

    public init(context: ScoringContext, settings: inout SettingsReader) {
        self.context = context
        gradePoints = settings.numberMap(
            "grade_points", default: [("A", 1.0), ("B", 0.9), ("C", 0.75), ("D", 0.5)], in: 0...2
        ).map { (grade: $0.0.uppercased(), share: $0.1) }
        var assume = settings.string("assume", default: "B").uppercased()
        let known = gradePoints.map(\.grade)
        if !known.contains(assume) {
            settings.fail("assume", "等次 \"\(assume)\" 没有对应的分值；应为以下之一：\(known.joined(separator: ", "))")
            assume = known.first ?? "B"
        }
        assumedGrade = assume
        let dataset = context.dataset
        let year = dataset.settings.year
        let asOf = dataset.settings.asOf
        let units = dataset.units.count
        let reviews = Dictionary(grouping: dataset.reviews.filter { $0.quarter.year == year && $0.quarter.lastMonth <= asOf }) {
            $0.indicator * units + $0.unit
        }
        self.reviews = reviews
        grades = context.indicators.map { indicator in
            (0..<units).map { unit in
                let latest = reviews[indicator * units + unit]?.filter { $0.grade != nil }.max { $0.quarter < $1.quarter }
                if let grade = latest?.grade?.uppercased() { return (grade, false) }
                return (assume, true)
            }
        }
    }

    public func points(_ scenario: Scenario, push: Push?) -> [[Double]] {
        context.indicators.enumerated().map { position, indicator in
            let weight = context.dataset.indicators[indicator].weight
            return grades[position].map { entry in
                weight * (gradePoints.first { $0.grade == entry.grade }?.share ?? 0)
            }
        }
    }

    /// The quarters of this year whose submissions were due by as_of and are missing or incomplete.
    public func missingQuarters(position: Int, unit: Int) -> [YearQuarter] {
        let dataset = context.dataset
        let indicator = context.indicators[position]
        let year = dataset.settings.year
        let due = (1...4).map { YearQuarter(year: year, quarter: $0) }.filter { $0.lastMonth <= dataset.settings.asOf }
        let submitted = reviews[indicator * dataset.units.count + unit] ?? []
        return due.filter { quarter in !submitted.contains { $0.quarter == quarter && $0.isComplete } }
    }

    public func riskReasons(position: Int, unit: Int) -> [RiskReason] {
        let names = ["", "第一季度", "第二季度", "第三季度", "第四季度"]
        return missingQuarters(position: position, unit: unit).map { quarter in
            RiskReason(level: .warning, code: "missing_submission",
                       text: "\(names[quarter.quarter])计划、完成情况或印证资料未报送")
        }
    }
}
