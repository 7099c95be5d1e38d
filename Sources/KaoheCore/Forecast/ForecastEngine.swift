import Dispatch
import Foundation

/// Every series' year-end forecast, `forecasts[indicator · unitCount + unit]` (the layout of
/// `ObservationStore`). Grade and events indicators hold `YearEndForecast.notForecast`.
public struct ForecastTable: Sendable {
    public let indicatorCount: Int
    public let unitCount: Int
    public let forecasts: [YearEndForecast]
    /// The name of the method that made them.
    public let method: String

    public subscript(indicator indicator: Int, unit unit: Int) -> YearEndForecast {
        forecasts[indicator * unitCount + unit]
    }

    /// One unit's forecasts, in indicator order.
    public func unit(_ unit: Int) -> [YearEndForecast] {
        (0..<indicatorCount).map { forecasts[$0 * unitCount + unit] }
    }
}

/// Runs a `ForecastMethod` over the series of a `Dataset` as of `settings.asOf`.
///
/// Work is split into blocks of adjacent series run by `DispatchQueue.concurrentPerform`; each
/// result goes to its own slot of a preallocated array and each series' randomness is seeded from
/// its ids, so the table is identical whatever the number of threads.
public struct ForecastEngine: Sendable {
    public var method: any ForecastMethod
    /// Series per parallel block, at most: fewer when that would leave fewer than eight blocks per
    /// core (a peer group of a few hundred series forecast by `blend` would otherwise run on one core).
    public var blockSize: Int = 256

    public init(method: any ForecastMethod = SeasonalMethod()) {
        self.method = method
    }

    /// The seed of a series: FNV-1a (64-bit) of "indicator\u{1F}unit" — stable across runs, processes
    /// and platforms (Swift's `Hasher` is not).
    public static func seed(indicatorID: String, unitID: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in indicatorID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        hash = (hash ^ 0x1f) &* 0x100_0000_01b3
        for byte in unitID.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The pools of every forecast indicator (nil for grade and events), built from every unit's
    /// years before the assessment year.
    public static func peerHistories(_ dataset: Dataset) -> [PeerHistory?] {
        let store = dataset.observations
        return dataset.indicators.indices.map { index in
            let measure = dataset.indicators[index].measure
            guard measure.hasTarget else { return nil }
            return PeerHistory(store: store, indicator: index, years: store.firstYear..<dataset.settings.year, measure: measure)
        }
    }

    /// Every series of the dataset.
    public func forecastAll(_ dataset: Dataset) -> ForecastTable {
        let units = dataset.units.count
        let series = Array(0..<(dataset.indicators.count * units))
        let forecasts = run(dataset, series: series)
        return ForecastTable(indicatorCount: dataset.indicators.count, unitCount: units, forecasts: forecasts, method: method.name)
    }

    /// One unit's forecasts, in indicator order.
    public func forecast(_ dataset: Dataset, unit: Int) -> [YearEndForecast] {
        let units = dataset.units.count
        return run(dataset, series: dataset.indicators.indices.map { $0 * units + unit })
    }

    /// One series.
    public func forecast(_ dataset: Dataset, indicator: Int, unit: Int) -> YearEndForecast {
        run(dataset, series: [indicator * dataset.units.count + unit])[0]
    }

    /// Forecasts the series with the given store indices (indicator · unitCount + unit).
    private func run(_ dataset: Dataset, series: [Int]) -> [YearEndForecast] {
        let peers = Self.peerHistories(dataset)
        let count = series.count
        let cores = ProcessInfo.processInfo.activeProcessorCount
        let blockSize = max(1, min(self.blockSize, count / (8 * cores)))
        let blocks = (count + blockSize - 1) / blockSize
        let method = self.method
        return dataset.observations.values.withUnsafeBufferPointer { values in
            [YearEndForecast](unsafeUninitializedCapacity: count) { output, initialized in
                nonisolated(unsafe) let output = output
                nonisolated(unsafe) let values = values
                let work = { @Sendable (block: Int) in
                    let end = min(count, (block + 1) * blockSize)
                    var index = block * blockSize
                    while index < end {
                        let result = Self.forecastSeries(
                            dataset, values: values, series: series[index], peers: peers, method: method
                        )
                        (output.baseAddress! + index).initialize(to: result)
                        index += 1
                    }
                }
                if blocks == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: work) }
                initialized = count
            }
        }
    }

    /// The forecast of one series, reading the store in place.
    @inline(__always)
    private static func forecastSeries(
        _ dataset: Dataset, values: UnsafeBufferPointer<Double>, series: Int, peers: [PeerHistory?],
        method: any ForecastMethod
    ) -> YearEndForecast {
        let units = dataset.units.count
        let indicatorIndex = series / units, unitIndex = series % units
        guard let pool = peers[indicatorIndex] else { return .notForecast }
        let indicator = dataset.indicators[indicatorIndex]
        let seed = Self.seed(indicatorID: indicator.id, unitID: dataset.units[unitIndex].id)
        return withSeries(dataset, values: values, indicator: indicatorIndex, unit: unitIndex, peers: pool, seed: seed) {
            method.forecast($0)
        }
    }

    /// Twelve NaN: the current year of a series when the assessment year is outside the store.
    private static let missingYear = [Double](repeating: .nan, count: 12)

    /// Calls `body` with the context of (indicator, unit) in `dataset`, pointing into `values`.
    static func withSeries<Result>(
        _ dataset: Dataset, values: UnsafeBufferPointer<Double>, indicator: Int, unit: Int, peers: PeerHistory,
        seed: UInt64, _ body: (SeriesContext) -> Result
    ) -> Result {
        let store = dataset.observations
        let settings = dataset.settings
        let year = settings.year
        let asOfMonth = settings.asOf.year < year ? 0 : settings.asOf.year > year ? 12 : settings.asOf.month
        let info = dataset.indicators[indicator]
        let historyYears = max(0, min(year, store.lastYear + 1) - store.firstYear)
        let base = store.offset(indicator: indicator, unit: unit, year: store.firstYear)
        let history = UnsafeBufferPointer(rebasing: values[base..<(base + historyYears * 12)])
        func make(_ current: UnsafeBufferPointer<Double>) -> Result {
            body(SeriesContext(
                measure: info.measure, direction: info.direction, target: dataset.target(indicator: indicator, unit: unit),
                settings: settings.forecast, asOfMonth: asOfMonth, current: current, history: history, peers: peers, seed: seed
            ))
        }
        if year >= store.firstYear, year <= store.lastYear {
            let offset = store.offset(indicator: indicator, unit: unit, year: year)
            return make(UnsafeBufferPointer(rebasing: values[offset..<(offset + 12)]))
        }
        return missingYear.withUnsafeBufferPointer { make($0) }
    }

    /// The `kaohe status` rows of `unit`: one per indicator, in indicator order (dataset.md,
    /// "Completion" and "Expected progress"; common and negative rows have nil completion fields).
    /// They do not depend on the forecast method.
    public static func status(_ dataset: Dataset, unit: Int) -> [ProgressStatus] {
        let peers = peerHistories(dataset)
        return dataset.observations.values.withUnsafeBufferPointer { values in
            dataset.indicators.indices.map { index in
                let indicator = dataset.indicators[index]
                guard let pool = peers[index] else {
                    return ProgressStatus(
                        indicator: index, indicatorID: indicator.id, category: indicator.category, month: nil,
                        actual: nil, target: nil, completion: nil, expected: nil, gap: nil, state: nil,
                        expectedSource: nil, stale: false
                    )
                }
                let row = withSeries(dataset, values: values, indicator: index, unit: unit, peers: pool, seed: 0) {
                    SpecComputation.status($0, risk: dataset.settings.risk)
                }
                return ProgressStatus(
                    indicator: index, indicatorID: indicator.id, category: indicator.category, month: row.month,
                    actual: row.actual, target: dataset.target(indicator: index, unit: unit), completion: row.completion,
                    expected: row.expected, gap: row.gap, state: row.state, expectedSource: row.source, stale: row.stale
                )
            }
        }
    }
}
