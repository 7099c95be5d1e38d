import Foundation
import KaoheCore
import Testing

@Suite("Outcome sampler")
struct OutcomeSamplerTests {
    /// Two rows of three series: the first all log-scale with positive targets (the vectorised ratio
    /// path), the second mixed (a point, a missing series, a normal one: the general path). Each row's
    /// completions must equal what the one-by-one draws give — V from `draw`, c = V/T or T/V by
    /// `ScoringContext.completion` — with the same uniforms (same seed and sub-stream, one uniform a
    /// series), to rounding (libmvec's exp is within 4 ulp).
    @Test(arguments: [Direction.higher, .lower])
    func rowPathsAgreeWithSingleDraws(_ direction: Direction) {
        let distributions: [PredictiveDistribution?] = [
            .locationScale(center: log(120), scale: 0.10, degreesOfFreedom: 4, logScale: true),
            .locationScale(center: log(80), scale: 0.05, degreesOfFreedom: nil, logScale: true),
            .locationScale(center: log(100), scale: 0.20, degreesOfFreedom: 2, logScale: true),
            .point(95),
            nil,
            .locationScale(center: 50, scale: 4, degreesOfFreedom: nil, logScale: false),
        ]
        let targets: [Double] = [100, 100, 90, 100, 100, 60]
        let sampler = OutcomeSampler(distributions, targets: targets, rowLength: 3)
        for row in 0..<2 {
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
                    if value.isNaN {
                        #expect(values[offset].isNaN && completions[offset].isNaN)
                    } else {
                        #expect(abs(values[offset] - value) <= 1e-13 * abs(value), "row \(row) series \(offset)")
                        #expect(abs(completions[offset] - completion) <= 1e-13 * abs(completion), "row \(row) series \(offset)")
                    }
                }
            }
        }
    }
}
