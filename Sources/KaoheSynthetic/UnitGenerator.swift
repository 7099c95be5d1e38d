import Foundation
import GSL

/// Draws everything of one unit from its own sub-stream, indicator by indicator in the order of
/// indicators.csv: its targets, monthly observations, quarterly reviews and negative-list events.
struct UnitGenerator {
    let plan: Plan
    let unitIndex: Int
    let unit: SyntheticUnit
    let stream: RandomStream
    var output = UnitOutput()

    init(plan: Plan, unit: Int) {
        self.plan = plan
        unitIndex = unit
        self.unit = plan.blueprint.units[unit]
        stream = RandomStream(seed: plan.seed, substream: SyntheticGenerator.firstUnitSubstream + UInt64(unit))
        let observed = plan.blueprint.indicators.count(where: \.isObserved)
        output.observations = ByteBuffer(capacity: observed * plan.yearCount * 12 * 28)
        output.targets = ByteBuffer(capacity: observed * 32)
    }

    private var blueprint: Blueprint { plan.blueprint }
    private var years: Int { plan.yearCount }
    private var current: Int { plan.yearCount - 1 }

    consuming func run() -> UnitOutput {
        for (index, indicator) in blueprint.indicators.enumerated() {
            switch indicator.model {
            case .cumulative(let model): cumulative(index, indicator, model)
            case .rate(let model): rate(index, indicator, model)
            case .level(let model): level(index, indicator, model)
            case .grade(let model): reviews(index, model)
            case .events(let model): events(index, indicator, model)
            }
        }
        return output
    }

    // MARK: Which rows exist

    /// Which years of a series are written and the last month of the assessment year.
    private struct Coverage {
        var missingYear: Int?
        var lastMonth: Int
        var firstMonth: Int
        var hasHistory: Bool

        func writes(year: Int, current: Int) -> Bool {
            year == current || (hasHistory && year != missingYear)
        }

        func lastMonth(year: Int, current: Int) -> Int { year == current ? lastMonth : 12 }
    }

    private func coverage(_ indicator: SyntheticIndicator) -> Coverage {
        let historyCount = years - 1
        let missingDraw = stream.uniform()
        let yearDraw = stream.uniform()
        let staleDraw = stream.uniform()
        let depthDraw = stream.uniform()
        let firstMonth = indicator.janFebCombined ? 2 : 1
        var missingYear: Int?
        // Drop a whole history year only where at least two own years remain.
        if hasHistory(indicator), historyCount >= 3, missingDraw < blueprint.missingYearProbability {
            missingYear = min(historyCount - 1, Int(yearDraw * Double(historyCount)))
        }
        var lastMonth = blueprint.asOfMonth
        if staleDraw < blueprint.staleProbability {
            lastMonth -= depthDraw < 0.3 ? 2 : 1
        }
        return Coverage(
            missingYear: missingYear, lastMonth: max(lastMonth, min(firstMonth, blueprint.asOfMonth)),
            firstMonth: firstMonth, hasHistory: hasHistory(indicator)
        )
    }

    // MARK: Rows

    private mutating func writeTarget(_ indicator: Int, _ target: Double, decimals: Int) {
        output.targets.append(plan.unitIDs[unitIndex])
        output.targets.comma()
        output.targets.append(plan.indicatorIDs[indicator])
        output.targets.comma()
        // Targets are > 0 (dataset.md reading rule 7).
        output.targets.appendFixed(steps: max(1, fixedSteps(target, decimals: decimals)), decimals: decimals)
        output.targets.newline()
    }

    @inline(__always)
    private mutating func writeObservation(_ indicator: Int, year: Int, month: Int, steps: Int64, decimals: Int) {
        output.observations.append(plan.unitIDs[unitIndex])
        output.observations.comma()
        output.observations.append(plan.indicatorIDs[indicator])
        output.observations.comma()
        output.observations.appendPeriod(year: blueprint.firstHistoryYear + year, month: month)
        output.observations.comma()
        output.observations.appendFixed(steps: steps, decimals: decimals)
        output.observations.newline()
    }

    private var ambition: Double { unit.ambition }

    /// Whether the series has history years (not a `new` indicator, and the blueprint has some).
    private func hasHistory(_ indicator: SyntheticIndicator) -> Bool { indicator.hasHistory && current > 0 }

    // MARK: cumulative

    private mutating func cumulative(_ index: Int, _ indicator: SyntheticIndicator, _ model: CumulativeModel) {
        let cover = coverage(indicator)
        let tilt = indicator.tilt[unit.id] ?? 1
        let level = model.base * pow(unit.scale, model.elasticity) * tilt * exp(stream.gaussian(sigma: model.unitSD))
        let unitGrowth = model.growth + unit.growthBias * model.growthSpread + stream.gaussian(sigma: model.growthSD * 0.5)
        var annual = [Double](repeating: 0, count: years)
        let target: Double
        if hasHistory(indicator) {
            annual[0] = level
            for year in 1..<years {
                let growth = unitGrowth + model.growthTrend * Double(year) + plan.shocks[index][year]
                    + stream.gaussian(sigma: model.growthSD)
                annual[year] = annual[year - 1] * max(1 + growth, 0.3)
            }
            // Last year's actual × (1 + planned growth): the planned growth is the unit's usual one,
            // more for the ambitious, less for the others.
            let planned = unitGrowth + model.growthTrend * Double(current) + ambition * model.targetSpread
            target = annual[current - 1] * max(1 + planned, 0.3)
        } else {
            // A new indicator: the city sets the target from the expected level; the year turns out otherwise.
            annual[current] = level * exp(stream.gaussian(sigma: model.growthSD + 0.05))
            target = level * max(1 + ambition * model.targetSpread, 0.3)
        }
        writeTarget(index, roundSignificant(target, digits: 3), decimals: indicator.decimals)

        var shares = [Double](repeating: 0, count: 12)
        for year in 0..<years {
            var total = 0.0
            for month in 0..<12 {
                let weight = model.profile[month] * exp(stream.gaussian(sigma: model.profileSD))
                total += weight
                shares[month] = total
            }
            guard annual[year] > 0, cover.writes(year: year, current: current) else { continue }
            var previous: Int64 = 0
            for month in cover.firstMonth...cover.lastMonth(year: year, current: current) {
                // Year-to-date totals stay > 0 and non-decreasing after rounding.
                let steps = max(previous, 1, fixedSteps(annual[year] * shares[month - 1] / total, decimals: indicator.decimals))
                previous = steps
                writeObservation(index, year: year, month: month, steps: steps, decimals: indicator.decimals)
            }
        }
    }

    // MARK: rate

    private mutating func rate(_ index: Int, _ indicator: SyntheticIndicator, _ model: RateModel) {
        let cover = coverage(indicator)
        let tilt = indicator.tilt[unit.id] ?? 0
        let unitMean = model.mean + tilt + unit.growthBias * model.biasSpread + stream.gaussian(sigma: model.unitSD)
        let expected = unitMean + model.trend * Double(current)
        let target = roundTo(expected + ambition * model.targetSpread, step: model.targetStep)
        writeTarget(index, max(target, model.targetStep), decimals: indicator.decimals)

        var values = [Double](repeating: 0, count: 12)
        let firstYear = hasHistory(indicator) ? 0 : current
        for year in firstYear..<years {
            values[11] = unitMean + model.trend * Double(year) + plan.shocks[index][year] + stream.gaussian(sigma: model.yearSD)
            for month in stride(from: 10, through: 0, by: -1) {
                values[month] = values[month + 1] + stream.gaussian(sigma: model.walkSD)
            }
            guard cover.writes(year: year, current: current) else { continue }
            for month in cover.firstMonth...cover.lastMonth(year: year, current: current) {
                writeObservation(
                    index, year: year, month: month,
                    steps: fixedSteps(values[month - 1], decimals: indicator.decimals), decimals: indicator.decimals
                )
            }
        }
    }

    // MARK: level

    private mutating func level(_ index: Int, _ indicator: SyntheticIndicator, _ model: LevelModel) {
        let cover = coverage(indicator)
        let center: Double
        if model.multiplicative {
            center = log(model.mean * (indicator.tilt[unit.id] ?? 1)) + stream.gaussian(sigma: model.unitSD)
        } else {
            center = model.mean + (indicator.tilt[unit.id] ?? 0) + stream.gaussian(sigma: model.unitSD)
        }
        let better: Double = indicator.lowerIsBetter ? -1 : 1
        let firstYear = hasHistory(indicator) ? 0 : current
        var values = [Double](repeating: 0, count: 12)
        var lastYearEnd = Double.nan
        var unitYearEffect = 0.0
        for year in firstYear..<years {
            unitYearEffect = 0.5 * unitYearEffect + stream.gaussian(sigma: model.yearSD)
            let yearEffect = unitYearEffect + plan.shocks[index][year]
            // The trend runs from the first year a series has.
            let elapsed = Double(year - firstYear)
            var sum = 0.0
            for month in 0..<12 {
                let x = center + model.trend * (elapsed + Double(month) / 12) + model.seasonal[month] + yearEffect
                    + stream.gaussian(sigma: model.noiseSD)
                let value = min(model.highest, max(model.lowest, model.multiplicative ? exp(x) : x))
                sum += value
                values[month] = model.yearToDateAverage ? sum / Double(month + 1) : value
            }
            if year == current - 1 { lastYearEnd = values[11] }
            guard cover.writes(year: year, current: current) else { continue }
            for month in cover.firstMonth...cover.lastMonth(year: year, current: current) {
                writeObservation(
                    index, year: year, month: month,
                    steps: fixedSteps(values[month - 1], decimals: indicator.decimals), decimals: indicator.decimals
                )
            }
        }

        var target: Double
        if hasHistory(indicator) {
            // Last year's actual, moved by a year of trend and by the unit's ambition.
            if model.multiplicative {
                target = lastYearEnd * exp(model.trend + better * ambition * model.targetSpread)
            } else {
                target = lastYearEnd + model.trend + better * ambition * model.targetSpread
            }
        } else {
            let yearEnd = center + model.trend * 11 / 12 + model.seasonal[11]
            target = model.multiplicative ? exp(yearEnd + better * ambition * model.targetSpread)
                : yearEnd + better * ambition * model.targetSpread
        }
        target = min(model.highest, max(model.lowest, roundTo(target, step: model.targetStep)))
        writeTarget(index, target, decimals: indicator.decimals)
    }

    // MARK: reviews (common)

    private mutating func reviews(_ index: Int, _ model: GradeModel) {
        let quarters = blueprint.asOfMonth / 3
        guard quarters > 0 else { return }
        let sloppiness = exp(-0.5 * unit.quality)
        for quarter in 1...quarters {
            let absent = stream.uniform() < blueprint.absentReviewProbability * sloppiness
            let submitted = (0..<3).map { _ in stream.uniform() >= blueprint.unsubmittedProbability * sloppiness }
            let graded = stream.uniform() < (quarter < quarters ? 0.95 : 0.5)
            let latent = 0.7 * unit.quality - model.difficulty + stream.gaussian(sigma: 1)
            guard !absent else { continue }
            output.reviews.append(unitPrefix(index))
            output.reviews.appendInteger(Int64(blueprint.year))
            output.reviews.append("-Q\(quarter)")
            for flag in submitted {
                output.reviews.comma()
                output.reviews.append(flag ? "yes" : "no")
            }
            output.reviews.comma()
            if graded {
                output.reviews.append(latent > 0.6 ? "A" : latent > -0.5 ? "B" : latent > -1.6 ? "C" : "D")
            }
            output.reviews.newline()
        }
    }

    private func unitPrefix(_ index: Int) -> [UInt8] {
        plan.unitIDs[unitIndex] + [UInt8(ascii: ",")] + plan.indicatorIDs[index] + [UInt8(ascii: ",")]
    }

    // MARK: events (negative)

    private mutating func events(_ index: Int, _ indicator: SyntheticIndicator, _ model: EventsModel) {
        let totalWeight = model.kinds.reduce(0) { $0 + $1.weight }
        let rate = model.ratePerYear * pow(unit.scale, model.elasticity) * unit.risk
        var drawn: [EventRecord] = []
        for year in 0..<years {
            let months = year == current ? blueprint.asOfMonth : 12
            let count = stream.poisson(mean: rate * Double(months) / 12)
            let calendarYear = blueprint.firstHistoryYear + year
            for _ in 0..<count {
                let month = 1 + min(months - 1, Int(stream.uniform() * Double(months)))
                let length = daysIn(month: month, year: calendarYear)
                let day = 1 + min(length - 1, Int(stream.uniform() * Double(length)))
                var pick = stream.uniform() * totalWeight
                var kind = model.kinds[model.kinds.count - 1]
                for candidate in model.kinds {
                    if pick < candidate.weight {
                        kind = candidate
                        break
                    }
                    pick -= candidate.weight
                }
                drawn.append(EventRecord(
                    year: calendarYear, month: month, day: day, unit: unitIndex, indicator: index,
                    department: kind.department, points: kind.points, veto: kind.veto, description: kind.description
                ))
            }
        }
        // By date; events of one day keep the order they were drawn in.
        let ordered = drawn.enumerated().sorted {
            ($0.element.year, $0.element.month, $0.element.day, $0.offset)
                < ($1.element.year, $1.element.month, $1.element.day, $1.offset)
        }
        output.events.append(contentsOf: ordered.map(\.element))
    }
}
