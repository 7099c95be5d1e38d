import Dispatch
import Foundation

/// The simulated standing: every forecast and future negative event drawn, every unit scored and
/// ranked in every draw (dataset.md, "simulated standing").
public struct SimulatedStanding: Sendable {
    public let draws: Int
    public let seed: UInt64
    public let meanTotals: [Double]
    public let p10Totals: [Double]
    public let p90Totals: [Double]
    /// `rankProbabilities[unit][k − 1]` = P(rank = k).
    public let rankProbabilities: [[Double]]
    /// `gradeProbabilities[unit][band]` = P(grade = band).
    public let gradeProbabilities: [[Double]]
    /// The effect of each push asked for, in the order asked.
    public let pushes: [PushEffect]
}

/// What closing one gap would do to the pushed unit's year: the same draws with its completion raised.
public struct PushEffect: Sendable {
    public let push: Push
    /// E[total] with the push minus E[total] without it.
    public let meanTotalGain: Double
    /// P(top grade) with the push minus P(top grade) without it.
    public let topGradeProbabilityGain: Double
}

extension StandingEngine {
    /// Draws per block: the unit of parallel work and of random sub-streams. Fixed, so that results do
    /// not depend on the number of threads.
    static let blockSize = 64

    /// Simulates `draws` years. Each (block, indicator) pair draws from its own sub-stream of `seed`, so
    /// the result is identical whatever `threads` is, and a push sees the very draws the baseline saw
    /// (common random numbers): its gain is not noise.
    ///
    /// - Complexity: O(draws · (units · indicators + units · log units)) time, spread over `threads`;
    ///   4 · units · draws bytes for the totals kept for percentiles (unit by unit, so that each unit's
    ///   draws are adjacent when its percentiles are selected).
    public func simulate(draws: Int = 10_000, seed: UInt64 = 1, threads: Int? = nil, pushes: [Push] = []) -> SimulatedStanding {
        let units = unitCount
        let bands = dataset.settings.grades.count
        let blocks = (draws + Self.blockSize - 1) / Self.blockSize
        let workers = max(1, min(threads ?? ProcessInfo.processInfo.activeProcessorCount, blocks))
        let caps = gradeCaps()
        let projected = standing(.projected)
        // Points of deterministic indicators, summed per category, scored once.
        let baseSums: [[Double]] = categories.indices.map { c in
            var sums = [Double](repeating: 0, count: units)
            for (position, indicator) in members[c].enumerated() where !categories[c].isRandom(position: position) {
                for unit in 0..<units { sums[unit] += projected.points[indicator * units + unit] }
            }
            return sums
        }
        // Deterministic pushes are scored once too.
        let pushedDeterministic: [Double?] = pushes.map { push in
            guard let (c, p) = locate(push.indicator), !categories[c].isRandom(position: p) else { return nil }
            return categories[c].points(.projected, push: push)[p][push.unit]
        }

        let totals = UnsafeMutableBufferPointer<Float>.allocate(capacity: units * max(draws, 1))
        let blockSums = UnsafeMutableBufferPointer<Double>.allocate(capacity: blocks * units)
        let rankCounts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: workers * units * units)
        let gradeCounts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: workers * units * bands)
        let pushTotals = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, blocks * pushes.count))
        let pushTop = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, blocks * pushes.count))
        rankCounts.initialize(repeating: 0)
        gradeCounts.initialize(repeating: 0)
        pushTotals.initialize(repeating: 0)
        pushTop.initialize(repeating: 0)
        defer {
            totals.deallocate(); blockSums.deallocate(); rankCounts.deallocate()
            gradeCounts.deallocate(); pushTotals.deallocate(); pushTop.deallocate()
        }
        // Every block writes only its own draws (a run within each unit's row of totals) and its own rows;
        // every worker its own counts.
        nonisolated(unsafe) let shared = (totals, blockSums, rankCounts, gradeCounts, pushTotals, pushTop)
        let engine = self
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let (totals, blockSums, rankCounts, gradeCounts, pushTotals, pushTop) = shared
            let runner = BlockRunner(engine: engine, seed: seed, baseSums: baseSums, caps: caps, pushes: pushes,
                                     pushedDeterministic: pushedDeterministic, projected: projected)
            for block in stride(from: worker, to: blocks, by: workers) {
                let first = block * Self.blockSize
                let count = min(Self.blockSize, draws - first)
                runner.run(block: block, firstDraw: first, count: count, draws: draws, totals: totals,
                           blockSums: UnsafeMutableBufferPointer(rebasing: blockSums[(block * units)..<((block + 1) * units)]),
                           rankCounts: UnsafeMutableBufferPointer(rebasing: rankCounts[(worker * units * units)..<((worker + 1) * units * units)]),
                           gradeCounts: UnsafeMutableBufferPointer(rebasing: gradeCounts[(worker * units * bands)..<((worker + 1) * units * bands)]),
                           pushTotals: UnsafeMutableBufferPointer(rebasing: pushTotals[(block * pushes.count)..<((block + 1) * pushes.count)]),
                           pushTop: UnsafeMutableBufferPointer(rebasing: pushTop[(block * pushes.count)..<((block + 1) * pushes.count)]))
            }
        }

        let scale = 1 / Double(max(draws, 1))
        // Sums in block order: the same additions in the same order whatever the thread count.
        var means = [Double](repeating: 0, count: units)
        for block in 0..<blocks { for unit in 0..<units { means[unit] += blockSums[block * units + unit] } }
        means = means.map { $0 * scale }
        var p10 = [Double](repeating: .nan, count: units)
        var p90 = p10
        percentiles(totals: UnsafeBufferPointer(totals), units: units, draws: draws, p10: &p10, p90: &p90)
        let rankProbabilities = (0..<units).map { unit in
            (0..<units).map { k in
                Double((0..<workers).reduce(0) { $0 + Int(rankCounts[($1 * units + unit) * units + k]) }) * scale
            }
        }
        let gradeProbabilities = (0..<units).map { unit in
            (0..<bands).map { band in
                Double((0..<workers).reduce(0) { $0 + Int(gradeCounts[($1 * units + unit) * bands + band]) }) * scale
            }
        }
        let effects = pushes.enumerated().map { index, push in
            var total = 0.0
            var top = 0
            for block in 0..<blocks {
                total += pushTotals[block * pushes.count + index]
                top += Int(pushTop[block * pushes.count + index])
            }
            return PushEffect(push: push, meanTotalGain: total * scale - means[push.unit],
                              topGradeProbabilityGain: Double(top) * scale - gradeProbabilities[push.unit][0])
        }
        return SimulatedStanding(draws: draws, seed: seed, meanTotals: means, p10Totals: p10, p90Totals: p90,
                                 rankProbabilities: rankProbabilities, gradeProbabilities: gradeProbabilities,
                                 pushes: effects)
    }

    /// The category and position of `indicator`, or nil.
    func locate(_ indicator: Int) -> (Int, Int)? {
        for (c, list) in members.enumerated() {
            if let position = list.firstIndex(of: indicator) { return (c, position) }
        }
        return nil
    }

    /// The 10th and 90th percentiles of each unit's simulated totals (GSL selection, in parallel).
    private func percentiles(totals: UnsafeBufferPointer<Float>, units: Int, draws: Int,
                             p10: inout [Double], p90: inout [Double]) {
        guard draws > 0 else { return }
        p10.withUnsafeMutableBufferPointer { low in
            p90.withUnsafeMutableBufferPointer { high in
                // Each iteration writes its own unit's slots.
                nonisolated(unsafe) let low = low
                nonisolated(unsafe) let high = high
                nonisolated(unsafe) let totals = totals
                DispatchQueue.concurrentPerform(iterations: units) { unit in
                    let column = UnsafeMutableBufferPointer<Double>.allocate(capacity: draws)
                    defer { column.deallocate() }
                    for draw in 0..<draws { column[draw] = Double(totals[unit * draws + draw]) }
                    low[unit] = (try? Statistics.quantileBySelection(column, probability: 0.1)) ?? .nan
                    high[unit] = (try? Statistics.quantileBySelection(column, probability: 0.9)) ?? .nan
                }
            }
        }
    }
}
