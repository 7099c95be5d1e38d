import Dispatch

/// Every series' completion and expected progress (the `kaohe status` numbers for every unit),
/// `[indicator · unitCount + unit]`, computed in parallel.
public struct StatusTable: Sendable {
    public let indicatorCount: Int
    public let unitCount: Int
    /// c at month m; NaN without data, without a positive target, or for grade and events indicators.
    public let completions: [Double]
    /// e; NaN where there is none.
    public let expected: [Double]

    /// The status of every series of `dataset`.
    public init(_ dataset: Dataset) {
        let units = dataset.units.count
        let indicators = dataset.indicators.count
        let peers = ForecastEngine.peerHistories(dataset)
        let count = indicators * units
        var completions = [Double](repeating: .nan, count: count)
        var expected = [Double](repeating: .nan, count: count)
        dataset.observations.values.withUnsafeBufferPointer { values in
            completions.withUnsafeMutableBufferPointer { completionOutput in
                expected.withUnsafeMutableBufferPointer { expectedOutput in
                    // Each iteration writes only its own indicator's slots.
                    nonisolated(unsafe) let completionOutput = completionOutput
                    nonisolated(unsafe) let expectedOutput = expectedOutput
                    nonisolated(unsafe) let values = values
                    DispatchQueue.concurrentPerform(iterations: indicators) { indicator in
                        guard let pool = peers[indicator] else { return }
                        for unit in 0..<units {
                            let row = ForecastEngine.withSeries(
                                dataset, values: values, indicator: indicator, unit: unit, peers: pool, seed: 0
                            ) { SpecComputation.status($0, risk: dataset.settings.risk) }
                            completionOutput[indicator * units + unit] = row.completion ?? .nan
                            expectedOutput[indicator * units + unit] = row.expected ?? .nan
                        }
                    }
                }
            }
        }
        indicatorCount = indicators
        unitCount = units
        self.completions = completions
        self.expected = expected
    }

    /// The completion of the pace value C/e (the year as if it ended at today's pace): c/e when more is
    /// better (C/(e·T)), c·e when less is (T/(C/e) = e·T/C). NaN without a completion or a positive e.
    public func paceCompletion(indicator: Int, unit: Int, direction: Direction) -> Double {
        let index = indicator * unitCount + unit
        let c = completions[index], e = expected[index]
        guard !c.isNaN, !e.isNaN, e > 0 else { return .nan }
        return direction == .higher ? c / e : c * e
    }
}
