import GSL

/// One unit's line in the peer table of an indicator (`kaohe compare`, reading rule 13).
public struct PeerRow: Sendable, Equatable {
    /// Index into `Dataset.units`.
    public var unit: Int
    /// m: the unit's latest month with data ≤ as_of; nil without data this year.
    public var month: Int?
    /// C (cumulative) or V (rate, level) at month m; nil without data this year.
    public var value: Double?
    /// The annual target T.
    public var target: Double?
    /// c at month m (`StatusTable`); nil without data or without a positive target.
    public var completion: Double?
    /// Competition rank by c, 1 = best; ties (rule 9) share the better rank, units without c rank last.
    public var rank: Int
    /// (c − mean c) / s over the units with a completion, s the n − 1 standard deviation; nil for the
    /// unit without c, and for every unit when fewer than two have one or they all tie (s = 0).
    public var z: Double?
    /// Where c sits among the peers' completions, 0 (lowest) … 1 (highest); see `PeerComparison.percentiles`.
    public var percentile: Double?
    /// The point forecast F of the year-end value.
    public var projectedValue: Double?
    /// The completion of F.
    public var projectedCompletion: Double?
    /// Competition rank by the projected completion.
    public var projectedRank: Int
    /// m is earlier than the as_of month, or there is no data this year.
    public var stale: Bool

    public init(unit: Int, month: Int?, value: Double?, target: Double?, completion: Double?, rank: Int, z: Double?,
                percentile: Double?, projectedValue: Double?, projectedCompletion: Double?, projectedRank: Int,
                stale: Bool) {
        self.unit = unit
        self.month = month
        self.value = value
        self.target = target
        self.completion = completion
        self.rank = rank
        self.z = z
        self.percentile = percentile
        self.projectedValue = projectedValue
        self.projectedCompletion = projectedCompletion
        self.projectedRank = projectedRank
        self.stale = stale
    }
}

/// How far a unit is behind a better one on an indicator.
public struct PeerGap: Sendable, Equatable {
    /// The unit to catch (index into `Dataset.units`).
    public var unit: Int
    /// Its completion minus the focus unit's (> 0).
    public var completion: Double
    /// How much more of the indicator's own measure the focus unit needs now to draw level: the value at
    /// which its completion equals `unit`'s, minus its value now (c′·T − V when more is better; T/c′ − V
    /// when less is, a negative number: that much less). Nil without a positive target.
    public var value: Double?

    public init(unit: Int, completion: Double, value: Double?) {
        self.unit = unit
        self.completion = completion
        self.value = value
    }
}

/// The peer table of one indicator: every unit's value, completion, rank, z and percentile, and the
/// focus unit's gaps to the next better unit and to the leader.
public struct PeerTable: Sendable {
    /// Index into `Dataset.indicators`.
    public let indicator: Int
    /// One row per unit, in unit order (`rows[u].unit == u`).
    public let rows: [PeerRow]
    /// The unit indices, best completion first (ties and units without data by unit index).
    public let order: [Int]
    /// The unit the gaps are measured for (the home unit unless asked otherwise).
    public let focus: Int
    /// The gap to the unit just above the focus unit (the worst of those strictly better); nil when
    /// the focus unit leads or has no completion.
    public let gapToNext: PeerGap?
    /// The gap to the best unit; nil when the focus unit leads (or shares the lead) or has no completion.
    public let gapToLeader: PeerGap?

    public init(indicator: Int, rows: [PeerRow], order: [Int], focus: Int, gapToNext: PeerGap?, gapToLeader: PeerGap?) {
        self.indicator = indicator
        self.rows = rows
        self.order = order
        self.focus = focus
        self.gapToNext = gapToNext
        self.gapToLeader = gapToLeader
    }

    /// The focus unit's row.
    public var focusRow: PeerRow { rows[focus] }

    /// The number of units with a completion.
    public var unitsWithData: Int { rows.count { $0.completion != nil } }
}

/// The peer table (横向比较 with the 兄弟县区) of dataset.md reading rule 13: for each cumulative, rate
/// and level indicator, every unit's value and completion at its month m, the competition rank by
/// completion, z and percentile of the completion, and the projected completion and rank from the
/// year-end forecasts.
public enum PeerComparison {
    /// The peer tables of `indicators` (default: every cumulative, rate and level indicator, in file
    /// order), with gaps measured for `focus` (default: the home unit).
    ///
    /// - Parameters:
    ///   - forecasts: the year-end forecasts of every series (`ForecastEngine.forecastAll`), for the
    ///     projected columns.
    ///   - status: every series' completion; computed when not given.
    public static func tables(
        _ dataset: Dataset, forecasts: ForecastTable, status: StatusTable? = nil, focus: Int? = nil,
        indicators: [Int]? = nil
    ) -> [PeerTable] {
        let status = status ?? StatusTable(dataset)
        let focus = focus ?? dataset.settings.home
        let chosen = (indicators ?? Array(dataset.indicators.indices)).filter { dataset.indicators[$0].measure.hasTarget }
        return chosen.map { table(dataset, indicator: $0, forecasts: forecasts, status: status, focus: focus) }
    }

    /// The peer table of one indicator.
    public static func table(
        _ dataset: Dataset, indicator: Int, forecasts: ForecastTable, status: StatusTable, focus: Int
    ) -> PeerTable {
        let units = dataset.units.count
        let definition = dataset.indicators[indicator]
        let settings = dataset.settings
        let year = settings.year
        let asOfMonth = settings.asOf.year < year ? 0 : settings.asOf.year > year ? 12 : settings.asOf.month
        let store = dataset.observations
        var months = [Int?](repeating: nil, count: units)
        var values = [Double?](repeating: nil, count: units)
        var completions = [Double?](repeating: nil, count: units)
        var projectedValues = [Double?](repeating: nil, count: units)
        var projectedCompletions = [Double?](repeating: nil, count: units)
        var targets = [Double?](repeating: nil, count: units)
        for unit in 0..<units {
            let target = dataset.target(indicator: indicator, unit: unit)
            targets[unit] = target
            if asOfMonth > 0, let month = store.latestMonth(indicator: indicator, unit: unit, year: year, through: asOfMonth) {
                months[unit] = month
                values[unit] = store.value(indicator: indicator, unit: unit, year: year, month: month)
            }
            let c = status.completions[indicator * units + unit]
            completions[unit] = c.isNaN ? nil : c
            let forecast = forecasts[indicator: indicator, unit: unit].forecast
            projectedValues[unit] = forecast
            let projected = ScoringContext.completion(
                value: forecast ?? .nan, target: target ?? .nan, direction: definition.direction)
            projectedCompletions[unit] = projected.isNaN ? nil : projected
        }
        let ranks = Ranking.ranks(completions)
        let z = zScores(completions)
        let percentile = percentiles(completions)
        let projectedRanks = Ranking.ranks(projectedCompletions)
        let rows = (0..<units).map { unit in
            PeerRow(unit: unit, month: months[unit], value: values[unit], target: targets[unit],
                    completion: completions[unit], rank: ranks[unit], z: z[unit], percentile: percentile[unit],
                    projectedValue: projectedValues[unit], projectedCompletion: projectedCompletions[unit],
                    projectedRank: projectedRanks[unit], stale: months[unit].map { $0 < asOfMonth } ?? true)
        }
        let gaps = self.gaps(completions: completions, focus: focus) { other in
            valueGap(to: completions[other], value: values[focus], target: targets[focus], direction: definition.direction)
        }
        return PeerTable(indicator: indicator, rows: rows, order: Ranking.order(completions), focus: focus,
                         gapToNext: gaps.next, gapToLeader: gaps.leader)
    }

    /// z of each completion: (c − c̄)/s with c̄ = `Statistics.mean` and s = `Statistics.standardDeviation`
    /// (n − 1) over the units that have a completion. Nil for a unit without one, and for every unit when
    /// fewer than two units have one or when s = 0 — including completions that all tie under the 1e-9
    /// tolerance of reading rule 9, whose spread is rounding noise.
    ///
    /// Example: 0.8, 0.9, 1.0, 1.1, 1.2 → c̄ = 1.0, s = √(0.1/4) = 0.15811 → z = −1.2649, −0.6325, 0, …
    public static func zScores(_ completions: [Double?]) -> [Double?] {
        let present = completions.compactMap { $0.flatMap { $0.isNaN ? nil : $0 } }
        let none = [Double?](repeating: nil, count: completions.count)
        guard present.count >= 2, let first = present.first,
              present.contains(where: { !Ranking.areEqual($0, first) }),
              let mean = try? Statistics.mean(present), let sd = try? Statistics.standardDeviation(present),
              sd > 0, sd.isFinite
        else { return none }
        return completions.map { c in c.flatMap { $0.isNaN ? nil : ($0 - mean) / sd } }
    }

    /// The percentile of each completion among the units that have one, as a fraction 0…1.
    ///
    /// Definition: let x₍₀₎ ≤ … ≤ x₍ₙ₋₁₎ be the n completions sorted ascending and Q the quantile function
    /// of `Statistics.quantile(sorted:probability:)`, which interpolates linearly between order
    /// statistics: Q(p) = x₍ᵢ₎ + (h − i)(x₍ᵢ₊₁₎ − x₍ᵢ₎), h = (n − 1)p, i = ⌊h⌋. The percentile of c is the
    /// p with Q(p) = c; when several units tie at c (rule 9: the units sharing a rank), Q(p) = c on a
    /// whole interval of p and the percentile is its midpoint. A tie group of s units with competition
    /// rank r occupies ascending positions n − r − s + 1 … n − r, so
    ///
    ///     percentile = (n − r − (s − 1)/2) / (n − 1)      (n ≥ 2; a lone unit: 1/2, the midpoint of [0, 1])
    ///
    /// The best unit alone is at 1, the worst alone at 0. Example: 0.8, 0.9, 0.9, 1.0, 1.2 → 0, 0.375,
    /// 0.375, 0.75, 1 (the tied 0.9s occupy positions 1 and 2 of 0…4: 1.5/4). Nil without a completion.
    public static func percentiles(_ completions: [Double?]) -> [Double?] {
        let clean = completions.map { $0.flatMap { $0.isNaN ? nil : $0 } }
        let n = clean.count { $0 != nil }
        guard n > 0 else { return clean.map { _ in nil } }
        let ranks = Ranking.ranks(clean)
        var groupSize: [Int: Int] = [:]
        for (unit, rank) in ranks.enumerated() where clean[unit] != nil { groupSize[rank, default: 0] += 1 }
        return clean.indices.map { unit in
            guard clean[unit] != nil else { return nil }
            guard n >= 2 else { return 0.5 }
            let r = Double(ranks[unit]), s = Double(groupSize[ranks[unit]] ?? 1)
            return (Double(n) - r - (s - 1) / 2) / Double(n - 1)
        }
    }

    /// The focus unit's gaps in completion: to the next better unit (the lowest completion strictly
    /// better than its own under rule 9) and to the leader (the best completion). Both nil when the focus
    /// unit has no completion or nobody is better. `valueGap` turns the other unit into `PeerGap.value`.
    public static func gaps(
        completions: [Double?], focus: Int, valueGap: (Int) -> Double? = { _ in nil }
    ) -> (next: PeerGap?, leader: PeerGap?) {
        guard let own = completions[focus], !own.isNaN else { return (nil, nil) }
        let order = Ranking.order(completions)
        // Walk from the best down: the last unit still strictly better is the next better one.
        var leader: Int?
        var next: Int?
        for unit in order {
            guard let c = completions[unit], !c.isNaN, Ranking.isBetter(c, than: own) else { break }
            if leader == nil { leader = unit }
            if let current = next, let best = completions[current], !(c < best) { continue }
            next = unit
        }
        func gap(_ unit: Int?) -> PeerGap? {
            guard let unit, let c = completions[unit] else { return nil }
            return PeerGap(unit: unit, completion: c - own, value: valueGap(unit))
        }
        return (gap(next), gap(leader))
    }

    /// c′·T − V (`higher`) or T/c′ − V (`lower`): the change of value that gives completion c′.
    static func valueGap(to completion: Double?, value: Double?, target: Double?, direction: Direction) -> Double? {
        guard let completion, completion > 0, let value, let target, target > 0 else { return nil }
        return (direction == .higher ? completion * target : target / completion) - value
    }
}
