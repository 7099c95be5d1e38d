/// Scores every unit under the registered categories: the current and projected standings and the
/// seeded simulation (dataset.md, "Scores").
///
/// The engine prepares each registered category once for the dataset (each reads its own `scoring:`
/// section); a total is Σ over categories of `contribution(ofPoints: Σ its indicators' points)`, a grade
/// the first band the total reaches, capped by any veto, and a rank the competition rank of the total.
public struct StandingEngine: Sendable {
    public let dataset: Dataset
    public let forecasts: ForecastTable
    public let status: StatusTable
    /// The prepared categories, in registration order (only those with indicators).
    public let categories: [any IndicatorCategory]
    /// The dataset indices of each prepared category's indicators (`members[c][position]`).
    public let members: [[Int]]
    /// How the ledger charges each indicator, in indicator order (by its category's declaration).
    public let ledgerTreatments: [LedgerTreatment]
    let context: ScoringContext

    /// Prepares every category; bad `scoring:` settings are reported together as a `DatasetError`.
    public init(dataset: Dataset, forecasts: ForecastTable, catalog: CategoryCatalog) throws(DatasetError) {
        let units = dataset.units.count
        let status = StatusTable(dataset)
        var current = [Double](repeating: .nan, count: dataset.indicators.count * units)
        var projected = current
        for (index, indicator) in dataset.indicators.enumerated() where indicator.measure.hasTarget {
            for unit in 0..<units {
                current[index * units + unit] = status.paceCompletion(indicator: index, unit: unit, direction: indicator.direction)
                let forecast = forecasts[indicator: index, unit: unit]
                projected[index * units + unit] = ScoringContext.completion(
                    value: forecast.forecast ?? .nan, target: dataset.target(indicator: index, unit: unit) ?? .nan,
                    direction: indicator.direction)
            }
        }
        let sampler = OutcomeSampler(forecasts.forecasts.map(\.distribution), targets: dataset.targets, rowLength: units)
        let context = ScoringContext(dataset: dataset, indicators: [], forecasts: forecasts,
                                     currentCompletions: current, projectedCompletions: projected, sampler: sampler)
        var categories: [any IndicatorCategory] = []
        var members: [[Int]] = []
        var problems: [Problem] = []
        for type in catalog.categories {
            let own = dataset.indicators.indices.filter { catalog.category(id: dataset.indicators[$0].category) == type }
            guard !own.isEmpty else { continue }
            var settings = SettingsReader(section: dataset.settings.scoring[type.id], path: "scoring.\(type.id)")
            categories.append(type.init(context: context.restricted(to: own), settings: &settings))
            problems += settings.problems
            members.append(own)
        }
        guard problems.isEmpty else { throw DatasetError(problems: problems) }
        self.dataset = dataset
        self.forecasts = forecasts
        self.status = status
        self.categories = categories
        self.members = members
        var treatments = [LedgerTreatment](repeating: .pointsLost, count: dataset.indicators.count)
        for (index, category) in categories.enumerated() {
            for indicator in members[index] { treatments[indicator] = type(of: category).ledgerTreatment }
        }
        ledgerTreatments = treatments
        self.context = context
    }

    public var unitCount: Int { dataset.units.count }


    /// The grade band of `total` for `unit`, with the veto caps of every category applied.
    func grade(total: Double, cap: Int?) -> Int {
        let band = dataset.settings.grade(forTotal: total)
        return cap.map { max(band, $0) } ?? band
    }

    /// The worst cap any category puts on each unit's grade (nil: none).
    func gradeCaps() -> [Int?] {
        var caps = [Int?](repeating: nil, count: unitCount)
        for category in categories {
            for (unit, cap) in category.gradeCaps().enumerated() where unit < unitCount {
                if let cap { caps[unit] = max(caps[unit] ?? cap, cap) }
            }
        }
        return caps
    }

    /// The current or projected standing.
    public func standing(_ scenario: Scenario, push: Push? = nil) -> ScenarioStanding {
        let units = unitCount
        var points = [Double](repeating: 0, count: dataset.indicators.count * units)
        var totals = [Double](repeating: 0, count: units)
        for (index, category) in categories.enumerated() {
            let scored = category.points(scenario, push: push)
            var sums = [Double](repeating: 0, count: units)
            for (position, row) in scored.enumerated() {
                let indicator = members[index][position]
                for unit in 0..<units {
                    points[indicator * units + unit] = row[unit]
                    sums[unit] += row[unit]
                }
            }
            for unit in 0..<units { totals[unit] += category.contribution(ofPoints: sums[unit]) }
        }
        let caps = gradeCaps()
        return ScenarioStanding(
            scenario: scenario, points: points, totals: totals,
            ranks: Ranking.ranks(totals.map { $0 }),
            grades: (0..<units).map { grade(total: totals[$0], cap: caps[$0]) }
        )
    }
}

/// A deterministic standing: every unit's points, total, rank and grade.
public struct ScenarioStanding: Sendable {
    public let scenario: Scenario
    /// Points before category caps, `[indicator · unitCount + unit]` (negative-list rows: deductions).
    public let points: [Double]
    public let totals: [Double]
    /// Competition ranks of the totals (1 = best).
    public let ranks: [Int]
    /// Grade band indices (0 = best), vetoes applied.
    public let grades: [Int]
}
