import KaoheCore

/// 负面清单 — the negative list: each problem deducts points from the county's total (倒扣分); a veto
/// (一票否决) makes the grade no better than `veto_grade`, whatever the score.
///
///     deduction = Σ points of this year's events up to as_of                      (current, projected)
///               + Σ_{k=1}^{N} p̄,  N ~ Poisson(λ),  λ = E / H · (12 − as_of month) / 12   (each draw)
///
/// with E the unit's history events on the indicator, H the number of earlier years present in
/// observations or events, p̄ the mean points of those history events. Simulated events never veto;
/// a veto caps the grade, never the rank. Its own risk: a veto or any deduction this year calls for
/// supervision.
///
/// For the simulation: 2 history events of 1 and 3 points over H = 4 years, as_of August → λ = 2/4 ·
/// 4/12 = 1/6, p̄ = 2; with one event of 0.5 points so far the expected simulated deduction is
/// 0.5 + 2/6 ≈ 0.83. The worked examples of the projected deduction are `examples`.
public struct NegativeCategory: IndicatorCategory {
    public static let id = "negative"
    public static let displayName = "负面清单"
    public static let demand = "发生的问题从总分中倒扣（倒扣分）；一票否决事项一旦发生，无论得分多少都决定等次。"
    public static let acceptedMeasures: Set<Measure> = [.events]
    public static let ledgerTreatment = LedgerTreatment.eventsCharged

    public static let examples = [
        CategoryExample(
            "This year's events deduct their points from the total: 0.5, nothing, 2",
            weight: 0, outcomes: [.deduction(0.5), .deduction(0), .deduction(2)], points: [0.5, 0, 2],
            contributions: [-0.5, 0, -2]),
    ]

    let context: ScoringContext
    /// The band index a veto caps the grade at.
    public let vetoGrade: Int
    /// Deductions so far, `[position][unit]`.
    public let deductions: [[Double]]
    /// Whether the unit has a veto this year.
    public let vetoed: [Bool]
    /// Future events' rate and cost, `[position][unit]`.
    public let futureRate: [[Double]]
    public let futureCost: [[Double]]
    /// P(N ≤ k) for the future event count of every (position, unit), one table after another, for
    /// one-uniform inverse draws: (position, unit)'s table is `cdf[cdfStart[i] ..< cdfStart[i + 1]]`
    /// with i = position · unitCount + unit (empty when λ = 0).
    let cdf: [Double]
    let cdfStart: [Int]
    /// The units with future events (λ > 0) at each position, in unit order: the only ones a draw
    /// touches, without a hard-to-predict branch per unit.
    let drawnUnits: [[Int32]]

    public init(context: ScoringContext, settings: inout SettingsReader) {
        self.context = context
        let dataset = context.dataset
        let gradeNames = dataset.settings.grades.map(\.name)
        let vetoName = settings.string("veto_grade", default: gradeNames.count > 2 ? gradeNames[2] : gradeNames.last ?? "")
        if let index = gradeNames.firstIndex(of: vetoName) {
            vetoGrade = index
        } else {
            settings.fail("veto_grade", "\"\(vetoName)\" 不是 grades 中的等次；应为以下之一：\(gradeNames.joined(separator: ", "))")
            vetoGrade = max(0, gradeNames.count - 1)
        }
        let year = dataset.settings.year
        let asOf = dataset.settings.asOf
        let units = dataset.units.count
        let historyYears = Self.historyYearCount(dataset)
        let remaining = Double(12 - asOf.month) / 12
        var deductions: [[Double]] = []
        var rates: [[Double]] = []
        var costs: [[Double]] = []
        var cdf: [Double] = []
        var cdfStart: [Int] = [0]
        var vetoed = Array(repeating: false, count: units)
        for indicator in context.indicators {
            var now = Array(repeating: 0.0, count: units)
            var historyCount = Array(repeating: 0, count: units)
            var historyPoints = Array(repeating: 0.0, count: units)
            for event in dataset.events where event.indicator == indicator {
                if event.date.year == year, event.date.yearMonth <= asOf {
                    now[event.unit] += event.points
                    if event.veto { vetoed[event.unit] = true }
                } else if event.date.year < year {
                    historyCount[event.unit] += 1
                    historyPoints[event.unit] += event.points
                }
            }
            let rate = (0..<units).map { unit in
                historyYears > 0 ? Double(historyCount[unit]) / Double(historyYears) * remaining : 0
            }
            deductions.append(now)
            rates.append(rate)
            costs.append((0..<units).map { historyCount[$0] > 0 ? historyPoints[$0] / Double(historyCount[$0]) : 0 })
            for unitRate in rate {
                cdf += Self.cumulativeProbabilities(mean: unitRate)
                cdfStart.append(cdf.count)
            }
        }
        self.deductions = deductions
        futureRate = rates
        futureCost = costs
        self.cdf = cdf
        self.cdfStart = cdfStart
        drawnUnits = rates.indices.map { position in
            (0..<units).filter { cdfStart[position * units + $0 + 1] > cdfStart[position * units + $0] }.map { Int32($0) }
        }
        self.vetoed = vetoed
    }

    /// H: the earlier years present in observations or events.
    static func historyYearCount(_ dataset: Dataset) -> Int {
        let store = dataset.observations
        var years = Set(dataset.events.map(\.date.year).filter { $0 < dataset.settings.year })
        for year in store.firstYear..<dataset.settings.year where !years.contains(year) {
            let offset = year - store.firstYear
            let present = (0..<(store.indicatorCount * store.unitCount)).contains { series in
                let base = (series * store.yearCount + offset) * 12
                return (0..<12).contains { !store.values[base + $0].isNaN }
            }
            if present { years.insert(year) }
        }
        return years.count
    }

    /// P(N ≤ k), k = 0, 1, … until it is within 1e-12 of 1 (GSL's Poisson CDF); empty for λ = 0.
    static func cumulativeProbabilities(mean: Double) -> [Double] {
        guard mean > 0 else { return [] }
        var table: [Double] = []
        var k = 0
        while true {
            let p = (try? Poisson.cdf(k, mean: mean)) ?? 1
            table.append(p)
            if p >= 1 - 1e-12 || k > 10_000 { break }
            k += 1
        }
        return table
    }

    public func points(_ scenario: Scenario, push: Push?) -> [[Double]] { deductions }

    public func contribution(ofPoints sum: Double) -> Double { -sum }

    public func gradeCaps() -> [Int?] { vetoed.map { $0 ? vetoGrade : nil } }

    public func isRandom(position: Int) -> Bool { futureRate[position].contains { $0 > 0 } }

    public func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                               into points: UnsafeMutableBufferPointer<Double>) {
        let units = points.count
        deductions[position].withUnsafeBufferPointer { now in
            // Every unit's deductions so far; the units with future events then add theirs.
            points.baseAddress!.update(from: now.baseAddress!, count: units)
            futureCost[position].withUnsafeBufferPointer { costs in
                cdf.withUnsafeBufferPointer { cdf in
                    cdfStart.withUnsafeBufferPointer { starts in
                        drawnUnits[position].withUnsafeBufferPointer { drawn in
                            // One uniform per drawn unit, in unit order, drawn by GSL in one call.
                            let uniforms = UnsafeMutableBufferPointer(rebasing: workspace.values[0..<drawn.count])
                            stream.fillUniform(uniforms)
                            for (k, entry) in drawn.enumerated() {
                                let unit = Int(entry)
                                let start = starts[position * units + unit], end = starts[position * units + unit + 1]
                                // Discrete inverse transform: the smallest k with P(N ≤ k) ≥ u.
                                let u = uniforms[k]
                                var index = start
                                while index < end - 1, cdf[index] < u { index += 1 }
                                points[unit] = now[unit] + Double(index - start) * costs[unit]
                            }
                        }
                    }
                }
            }
        }
    }

    public func riskReasons(position: Int, unit: Int) -> [RiskReason] {
        let deduction = deductions[position][unit]
        guard deduction > 0 else { return [] }
        let indicator = context.indicators[position]
        let year = context.dataset.settings.year
        let events = context.dataset.events.filter {
            $0.indicator == indicator && $0.unit == unit && $0.date.year == year && $0.date.yearMonth <= context.dataset.settings.asOf
        }
        let veto = events.contains { $0.veto }
        let points = (deduction * 100).rounded() / 100
        var text = "本年已发生\(events.count)起，扣\(points.formatted(shortest: true))分"
        if veto { text += "，含一票否决事项" }
        return [RiskReason(level: .supervision, code: veto ? "veto" : "deduction", text: text)]
    }
}
