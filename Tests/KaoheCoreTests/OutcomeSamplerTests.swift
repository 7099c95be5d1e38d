import Foundation
import KaoheCore
import Testing

@Suite("Outcome sampler")
struct OutcomeSamplerTests {
    /// Three rows of three series: the first all log-scale with positive targets (the vectorised ratio
    /// path), the second mixed (a point, a missing series, a normal one: the general path), the third
    /// all linear-scale with positive targets (the linear ratio path; its last series is often ≤ 0,
    /// where less-is-better gives c = 1e6). Each row's completions must equal what the one-by-one draws
    /// give — V from `draw`, c = V/T or T/V by `ScoringContext.completion` — with the same uniforms
    /// (same seed and sub-stream, one uniform a series), to rounding (libmvec's exp is within 4 ulp;
    /// V = T · (center/T + scale/T · z) is within a few ulp of max(|V|, |center|, |scale · z|)).
    @Test(arguments: [Direction.higher, .lower])
    func rowPathsAgreeWithSingleDraws(_ direction: Direction) {
        let distributions: [PredictiveDistribution?] = [
            .locationScale(center: log(120), scale: 0.10, degreesOfFreedom: 4, logScale: true),
            .locationScale(center: log(80), scale: 0.05, degreesOfFreedom: nil, logScale: true),
            .locationScale(center: log(100), scale: 0.20, degreesOfFreedom: 2, logScale: true),
            .point(95),
            nil,
            .locationScale(center: 50, scale: 4, degreesOfFreedom: nil, logScale: false),
            .locationScale(center: 110, scale: 8, degreesOfFreedom: 5, logScale: false),
            .locationScale(center: 0.4, scale: 0.1, degreesOfFreedom: nil, logScale: false),
            .locationScale(center: 1, scale: 3, degreesOfFreedom: 3, logScale: false),
        ]
        let targets: [Double] = [100, 100, 90, 100, 100, 60, 100, 0.5, 2]
        // The linear row's centres and scales, for the size of V's rounding.
        let magnitudes: [Double] = [0, 0, 0, 0, 0, 0, 110 + 8 * 30, 0.4 + 0.1 * 30, 1 + 3 * 30]
        let sampler = OutcomeSampler(distributions, targets: targets, rowLength: 3)
        var nonPositive = 0
        for row in 0..<3 {
            for substream in 0..<20 as Range<UInt64> {
                var values = [Double](repeating: 0, count: 3), completions = values
                targets.withUnsafeBufferPointer { all in
                    values.withUnsafeMutableBufferPointer { v in
                        completions.withUnsafeMutableBufferPointer { c in
                            sampler.drawCompletions(from: 3 * row, targets: UnsafeBufferPointer(rebasing: all[(3 * row)..<(3 * row + 3)]),
                                                    direction: direction, values: v, completions: c,
                                                    stream: RandomStream(seed: 7, substream: substream))
                        }
                    }
                }
                // One by one: a fresh stream each time, skipping the uniforms of the series before.
                for offset in 0..<3 {
                    let stream = RandomStream(seed: 7, substream: substream)
                    for _ in 0..<offset { _ = stream.uniformPositive() }
                    let value = sampler.draw(3 * row + offset, stream: stream)
                    let completion = ScoringContext.completion(value: value, target: targets[3 * row + offset], direction: direction)
                    let series = 3 * row + offset
                    if value.isNaN {
                        #expect(values[offset].isNaN && completions[offset].isNaN)
                    } else {
                        let size = max(abs(value), magnitudes[series])
                        #expect(abs(values[offset] - value) <= 1e-13 * size, "row \(row) series \(offset)")
                        // c = V/T or T/V: V's rounding, relative to V, carries into c.
                        #expect(abs(completions[offset] - completion) <= 1e-13 * abs(completion) * size / abs(value),
                                "row \(row) series \(offset)")
                        if value <= 0 { nonPositive += 1 }
                    }
                }
            }
        }
        // The draws reached V ≤ 0 (1 + 3 · z with z < −1/3 happens about a third of the time).
        #expect(nonPositive > 0)
    }
}
