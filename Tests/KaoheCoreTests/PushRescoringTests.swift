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
}
