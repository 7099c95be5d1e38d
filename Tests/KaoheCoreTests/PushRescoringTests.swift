import Foundation
import GSL
import KaoheCategories
import Testing
@testable import KaoheCore

/// The simulation scores a push by rescoring the draw it has just made (`pushedPoints`) instead of
/// drawing the row again with the push. The two must agree exactly: the same uniforms give the same
/// outcomes, and the push then changes one unit's completion the same way.
@Suite("Standing: pushes rescored on the same draw")
struct PushRescoringTests {
    @Test func rescoringAPushEqualsDrawingAgainWithIt() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("datasets/ankang-2019").path
        let dataset = try DatasetLoader(categories: registeredCategories).load(directory: directory)
        let engine = try StandingEngine(dataset: dataset, forecasts: ForecastEngine(method: SeasonalMethod()).forecastAll(dataset),
                                        catalog: registeredCategories)
        let units = engine.unitCount
        let workspace = SimulationWorkspace(unitCount: units)
        let points = UnsafeMutableBufferPointer<Double>.allocate(capacity: units)
        defer { points.deallocate() }
        var compared = 0
        // Every unit pushed on every random indicator, by the home unit's gap and by a large shift.
        for (c, category) in engine.categories.enumerated() {
            for (position, indicator) in engine.members[c].enumerated() where category.isRandom(position: position) {
                for unit in 0..<units {
                    for shift in [0.03, 0.4] {
                        let push = Push(indicator: indicator, unit: unit, completionShift: shift)
                        for substream in 0..<4 as Range<UInt64> {
                            category.simulatePoints(position: position, stream: RandomStream(seed: 5, substream: substream),
                                                    push: nil, workspace: workspace, into: points)
                            let drawn = (Array(workspace.completions), Array(workspace.values))
                            guard let rescored = category.pushedPoints(position: position, push: push, workspace: workspace) else { continue }
                            // Rescoring leaves the draw as it was (NaN marks a unit without a value).
                            #expect(Array(workspace.completions).map(\.bitPattern) == drawn.0.map(\.bitPattern))
                            #expect(Array(workspace.values).map(\.bitPattern) == drawn.1.map(\.bitPattern))
                            category.simulatePoints(position: position, stream: RandomStream(seed: 5, substream: substream),
                                                    push: push, workspace: workspace, into: points)
                            #expect(rescored.bitPattern == points[unit].bitPattern,
                                    "indicator \(dataset.indicators[indicator].id), unit \(unit), shift \(shift)")
                            compared += 1
                        }
                    }
                }
            }
        }
        // The quantitative and new indicators rescore (the bundled dataset has a dozen or more).
        #expect(compared >= 12 * units * 2 * 4)
    }

    /// Every rule that can score a raised unit on its own (`points(ofRaised:…)`) gives what scoring the
    /// raised row gives that unit, bit for bit: on rows with ties, near-ties and units without a value,
    /// for raises of nothing, past neighbours and to the top, on rates (the deviation rule reads values).
    @Test(arguments: [
        CompletionRankRule() as any ScoringRule, CompletionRankRule(rankStep: 0) as any ScoringRule,
        EfficacyRule() as any ScoringRule, DeviationRule() as any ScoringRule,
        RankLadderRule() as any ScoringRule, RankLadderRule(step: 0) as any ScoringRule,
    ])
    func ruleScoresARaisedUnitAsItScoresTheRaisedRow(_ rule: any ScoringRule) {
        var state: UInt64 = 17
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var answered = 0
        for units in [1, 5, 30, 120] {
            let ranks = RankWorkspace(unitCount: units), again = RankWorkspace(unitCount: units)
            for row in 0..<40 {
                let targets = (0..<units).map { _ in 5 + 5 * uniform() }
                let completions: [Double] = (0..<units).map { _ in
                    let u = uniform()
                    if u < 0.1 { return .nan }
                    return row % 2 == 0 ? 0.6 + 0.8 * u : (u * 6).rounded() / 5
                }
                let values = zip(completions, targets).map { $0 * $1 }
                for measure in [Measure.rate, .cumulative] {
                    for _ in 0..<3 {
                        let unit = Int(uniform() * Double(units)) % units
                        guard !completions[unit].isNaN else { continue }
                        for raise in [0, 0.01, 0.2, 1.5] {
                            let raised = completions[unit] + raise, raisedValue = raised * targets[unit]
                            let points = UnsafeMutableBufferPointer<Double>.allocate(capacity: units)
                            defer { points.deallocate() }
                            let alone: Double? = buffers(completions, values, targets, measure) { outcomes in
                                rule.score(outcomes, into: points, ranks: ranks)
                                return rule.points(ofRaised: unit, to: raised, value: raisedValue, lastScored: outcomes, ranks: ranks)
                            }
                            guard let alone else { continue }
                            var raisedCompletions = completions, raisedValues = values
                            raisedCompletions[unit] = raised
                            raisedValues[unit] = raisedValue
                            let whole: Double = buffers(raisedCompletions, raisedValues, targets, measure) { outcomes in
                                rule.score(outcomes, into: points, ranks: again)
                                return points[unit]
                            }
                            #expect(alone.bitPattern == whole.bitPattern, "\(type(of: rule)), \(units) units, row \(row), raise \(raise)")
                            answered += 1
                        }
                    }
                }
            }
        }
        #expect(answered > 500)
    }

    private func buffers<Result>(_ completions: [Double], _ values: [Double], _ targets: [Double], _ measure: Measure,
                                 _ body: (OutcomeBuffers) -> Result) -> Result {
        completions.withUnsafeBufferPointer { c in
            values.withUnsafeBufferPointer { v in
                targets.withUnsafeBufferPointer { t in
                    body(OutcomeBuffers(weight: 4, measure: measure, direction: .higher, completions: c, values: v, targets: t))
                }
            }
        }
    }
}
