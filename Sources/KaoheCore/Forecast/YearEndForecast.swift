import Foundation
import GSL

/// The predictive distribution of a year-end value, complete enough for a Monte-Carlo simulation
/// to draw from it without refitting anything.
public enum PredictiveDistribution: Sendable, Equatable {
    /// The value is known (m = 12, or a spread of 0).
    case point(Double)
    /// `center + scale·Z` with Z standard normal (`degreesOfFreedom == nil`) or Student-t with that
    /// many degrees of freedom; when `logScale`, that is the distribution of ln F and F = exp(…).
    case locationScale(center: Double, scale: Double, degreesOfFreedom: Double?, logScale: Bool)
    /// Equally weighted order statistics of a simulated sample, ascending (≥ 2 values). Draws
    /// interpolate linearly between neighbours, so the distribution is continuous between the
    /// smallest and the largest sample.
    case empirical(sortedSamples: [Double])

    /// The `p`-quantile, 0 < p < 1 (for `.empirical`, linear interpolation between order statistics,
    /// as `Statistics.quantile(sorted:)`).
    public func quantile(_ p: Double) -> Double {
        switch self {
        case let .point(value):
            return value
        case let .locationScale(center, scale, dof, logScale):
            let z = (try? dof.map { (nu) throws(GSLError) in try StudentT.quantile(p, degreesOfFreedom: nu) }
                ?? Normal.quantile(p)) ?? .nan
            let value = center + scale * z
            return logScale ? exp(value) : value
        case let .empirical(samples):
            return Self.interpolate(samples, position: p * Double(samples.count - 1))
        }
    }

    /// The value of a sorted sample at fractional index `position` ∈ [0, n − 1].
    @inline(__always)
    static func interpolate(_ samples: [Double], position: Double) -> Double {
        guard samples.count > 1 else { return samples.first ?? .nan }
        let index = min(Int(position), samples.count - 2)
        let fraction = position - Double(index)
        return samples[index] + fraction * (samples[index + 1] - samples[index])
    }
}

/// Where a year-end forecast came from and how sure it is (dataset.md, "Year-end forecast"; `kaohe
/// forecast`). Every number is nil when the unit has no data this year (reading rule 8).
public struct YearEndForecast: Sendable, Equatable {
    /// m: the latest month with data ≤ as_of; nil when there is none this year.
    public var month: Int?
    /// C (cumulative) or V (rate, level) at month m.
    public var actual: Double?
    /// The annual target T.
    public var target: Double?
    /// The point forecast F of the year-end value.
    public var forecast: Double?
    public var lo80: Double?
    public var hi80: Double?
    public var lo95: Double?
    public var hi95: Double?
    /// P(year-end completion ≥ 1); nil without data or without a positive target.
    public var pMeet: Double?
    /// `seasonal`, `pooled`, `linear`, `naive`, `final`, a method's own name, or `asked→used` when a
    /// method fell back on another (`ets→seasonal`); nil when there is no data this year (and for
    /// grade and events indicators, which are not forecast).
    public var method: String?
    /// The number of (unit-)years the forecast rests on (reading rule 10).
    public var historyYears: Int
    /// m is earlier than the as_of month (or there is no data this year).
    public var stale: Bool
    /// What a simulation draws the year-end value from; nil when there is no data.
    public var distribution: PredictiveDistribution?

    public init(
        month: Int?, actual: Double?, target: Double?, forecast: Double?, lo80: Double?, hi80: Double?,
        lo95: Double?, hi95: Double?, pMeet: Double?, method: String?, historyYears: Int, stale: Bool,
        distribution: PredictiveDistribution?
    ) {
        self.month = month
        self.actual = actual
        self.target = target
        self.forecast = forecast
        self.lo80 = lo80
        self.hi80 = hi80
        self.lo95 = lo95
        self.hi95 = hi95
        self.pMeet = pMeet
        self.method = method
        self.historyYears = historyYears
        self.stale = stale
        self.distribution = distribution
    }

    /// The forecast of a unit with no data this year: every number nil, stale (reading rule 8).
    public static func noData(target: Double?) -> YearEndForecast {
        YearEndForecast(
            month: nil, actual: nil, target: target, forecast: nil, lo80: nil, hi80: nil, lo95: nil,
            hi95: nil, pMeet: nil, method: nil, historyYears: 0, stale: true, distribution: nil
        )
    }

    /// The entry for an indicator that is not forecast (grade, events): nothing, not stale.
    public static let notForecast = YearEndForecast(
        month: nil, actual: nil, target: nil, forecast: nil, lo80: nil, hi80: nil, lo95: nil,
        hi95: nil, pMeet: nil, method: nil, historyYears: 0, stale: false, distribution: nil
    )

    /// The method that actually produced the numbers: the part after the last `→`.
    public var methodUsed: String? {
        guard let method else { return nil }
        guard let arrow = method.lastIndex(of: "→") else { return method }
        return String(method[method.index(after: arrow)...])
    }

    /// Whether the numbers come from one of the spec's fallbacks (`pooled`, `linear`, `naive`), the
    /// "fallback forecast" of the risk rules.
    public var usesFallback: Bool {
        switch methodUsed {
        case "pooled", "linear", "naive": true
        default: false
        }
    }
}

/// `state` of `kaohe status`.
public enum ProgressState: String, Sendable, CaseIterable {
    case behind
    case onTrack = "on_track"
    case ahead
}

/// One row of `kaohe status`: where an indicator stands now (dataset.md, "Completion", "Expected
/// progress"). Grade and events indicators (common, negative) have every completion field nil.
public struct ProgressStatus: Sendable, Equatable {
    /// Index into `Dataset.indicators`.
    public var indicator: Int
    public var indicatorID: String
    public var category: String
    /// m, nil without data this year (or for grade and events indicators).
    public var month: Int?
    /// C or V at month m.
    public var actual: Double?
    public var target: Double?
    /// c: C/T (`higher`) or T/C (`lower`).
    public var completion: Double?
    /// e (时序进度): 1 for rate and level.
    public var expected: Double?
    /// c − e; for `lower` cumulative, e − C/T.
    public var gap: Double?
    public var state: ProgressState?
    /// Where e came from: `seasonal` (own years), `pooled`, `linear`; `final` at m = 12; nil for
    /// rate and level (e = 1 by definition) and without data.
    public var expectedSource: String?
    /// m < the as_of month, or no data this year; false for grade and events indicators.
    public var stale: Bool

    public init(
        indicator: Int, indicatorID: String, category: String, month: Int?, actual: Double?, target: Double?,
        completion: Double?, expected: Double?, gap: Double?, state: ProgressState?, expectedSource: String?,
        stale: Bool
    ) {
        self.indicator = indicator
        self.indicatorID = indicatorID
        self.category = category
        self.month = month
        self.actual = actual
        self.target = target
        self.completion = completion
        self.expected = expected
        self.gap = gap
        self.state = state
        self.expectedSource = expectedSource
        self.stale = stale
    }
}
