import Foundation
import GSL
import Synchronization

/// The pooled history of one month m over every unit-year that has both m and December
/// (dataset.md, the `pooled` fallback).
public struct PooledSample: Sendable, Equatable {
    /// n: the unit-years with both months.
    public let count: Int
    /// Cumulative: the mean of C(y,m)/C(y,12) (expected progress); rate, level: 1.
    public let meanRatio: Double
    /// The mean of r(y) = ln(C(y,12)/C(y,m)) (cumulative) or d(y) = V(y,12) − V(y,m) (rate, level).
    public let meanChange: Double
    /// Their standard deviation (n − 1); 0 when n < 2.
    public let sdChange: Double
    /// t₀.₉ and t₀.₉₇₅ with n − 1 degrees of freedom, computed once for the pool.
    let quantiles: CentralQuantiles.Pair

    init(count: Int, meanRatio: Double, meanChange: Double, sdChange: Double) {
        self.count = count
        self.meanRatio = meanRatio
        self.meanChange = meanChange
        self.sdChange = sdChange
        quantiles = count >= 2 ? CentralQuantiles.studentT(count - 1) : CentralQuantiles.normal
    }

    public static func == (lhs: PooledSample, rhs: PooledSample) -> Bool {
        lhs.count == rhs.count && lhs.meanRatio == rhs.meanRatio && lhs.meanChange == rhs.meanChange
            && lhs.sdChange == rhs.sdChange
    }
}

/// Every unit's earlier years of one indicator, pooled month by month for the fallback of units
/// with fewer than two years of their own.
///
/// The statistics of a month are computed the first time a series asks for them, once, under a
/// lock; they are the same whichever thread asks first (the rows are always read in the same order).
public final class PeerHistory: Sendable {
    /// How the rows are found in `values`.
    private enum Rows: Sendable {
        /// Row k is at `offsets[k]`.
        case offsets([Int])
        /// Row (unit u, year j) is at `base + u·unitStride + (firstYearIndex + j)·12`.
        case strided(base: Int, units: Int, unitStride: Int, firstYearIndex: Int, years: Int)
    }

    private let values: [Double]
    private let rows: Rows
    /// Whether the statistic is the log ratio (cumulative) rather than the difference.
    private let cumulative: Bool
    private let cache = Mutex<[PooledSample?]>(Array(repeating: nil, count: 12))

    /// The number of rows (unit-years) in the pool, with or without data.
    public var rowCount: Int {
        switch rows {
        case let .offsets(offsets): offsets.count
        case let .strided(_, units, _, _, years): units * years
        }
    }

    /// A pool of explicit rows of 12 months each (January first, NaN where missing).
    public init(rows: [[Double]], measure: Measure) {
        values = rows.flatMap { row in (0..<12).map { $0 < row.count ? row[$0] : .nan } }
        self.rows = .offsets(rows.indices.map { $0 * 12 })
        cumulative = measure == .cumulative
    }

    /// The pool of `indicator` over every unit of `store` and the years in `years` (clipped to the
    /// store), e.g. every year before the one being forecast.
    public init(store: ObservationStore, indicator: Int, years: Range<Int>, measure: Measure) {
        values = store.values
        let first = max(years.lowerBound, store.firstYear)
        let end = min(years.upperBound, store.lastYear + 1)
        rows = .strided(
            base: store.offset(indicator: indicator, unit: 0, year: store.firstYear),
            units: store.unitCount, unitStride: store.yearCount * 12,
            firstYearIndex: first - store.firstYear, years: max(0, end - first)
        )
        cumulative = measure == .cumulative
    }

    /// An empty pool (every fallback goes to `linear` or `naive`).
    public static func empty(measure: Measure) -> PeerHistory { PeerHistory(rows: [], measure: measure) }

    /// The pooled statistics of month m (1…12).
    public func pooled(month m: Int) -> PooledSample {
        precondition((1...12).contains(m), "PeerHistory.pooled: month \(m) is not 1…12")
        return cache.withLock { cache in
            if let sample = cache[m - 1] { return sample }
            let sample = compute(month: m)
            cache[m - 1] = sample
            return sample
        }
    }

    private func compute(month m: Int) -> PooledSample {
        var changes: [Double] = []
        var ratios: [Double] = []
        changes.reserveCapacity(rowCount)
        if cumulative { ratios.reserveCapacity(rowCount) }
        values.withUnsafeBufferPointer { data in
            func visit(_ offset: Int) {
                let atM = data[offset + m - 1], atDecember = data[offset + 11]
                if cumulative {
                    guard atM > 0, atDecember > 0 else { return }  // also false for NaN
                    ratios.append(atM / atDecember)
                    changes.append(log(atDecember / atM))
                } else {
                    guard !atM.isNaN, !atDecember.isNaN else { return }
                    changes.append(atDecember - atM)
                }
            }
            switch rows {
            case let .offsets(offsets):
                for offset in offsets { visit(offset) }
            case let .strided(base, units, unitStride, firstYearIndex, years):
                for unit in 0..<units {
                    for year in 0..<years { visit(base + unit * unitStride + (firstYearIndex + year) * 12) }
                }
            }
        }
        let n = changes.count
        guard n >= 2 else { return PooledSample(count: n, meanRatio: 1, meanChange: 0, sdChange: 0) }
        let meanChange = (try? Statistics.mean(changes)) ?? .nan
        let sdChange = (try? Statistics.standardDeviation(changes)) ?? .nan
        let meanRatio = cumulative ? ((try? Statistics.mean(ratios)) ?? .nan) : 1
        guard meanChange.isFinite, sdChange.isFinite, meanRatio.isFinite else {
            return PooledSample(count: 0, meanRatio: 1, meanChange: 0, sdChange: 0)
        }
        return PooledSample(count: n, meanRatio: meanRatio, meanChange: meanChange, sdChange: sdChange)
    }
}
