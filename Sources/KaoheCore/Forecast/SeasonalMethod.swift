import Foundation
import GSL

/// The spec's default computations (dataset.md, "Default computations"), exactly: `--method seasonal`,
/// with its fallbacks `pooled`, `linear` (cumulative), `naive` (rate, level) and `final` (m = 12).
public struct SeasonalMethod: ForecastMethod {
    public let name = "seasonal"

    public init() {}

    public func forecast(_ context: SeriesContext) -> YearEndForecast {
        SpecComputation.forecast(context)
    }
}

/// Values within 1e-9 (relative) are equal (reading rule 9), scaled like `Settings.grade` so that
/// quantities of order 1 (completions, gaps) get an absolute floor of 1e-9.
enum Tolerance {
    @inline(__always)
    static func slack(_ a: Double, _ b: Double) -> Double { 1e-9 * max(1, abs(a), abs(b)) }

    /// a < b by more than the tolerance.
    @inline(__always)
    static func isBelow(_ a: Double, _ b: Double) -> Bool { a < b - slack(a, b) }

    /// a > b by more than the tolerance.
    @inline(__always)
    static func isAbove(_ a: Double, _ b: Double) -> Bool { a > b + slack(a, b) }
}

/// Two-sided quantiles of the standard normal and of Student's t, tabulated once.
enum CentralQuantiles {
    typealias Pair = (q90: Double, q975: Double)

    /// z₀.₉ and z₀.₉₇₅.
    static let normal: Pair = (
        (try? Normal.quantile(0.9)) ?? 1.2815515655446004,
        (try? Normal.quantile(0.975)) ?? 1.959963984540054
    )

    private static let tableSize = 256
    /// t₀.₉,ν and t₀.₉₇₅,ν for ν = 1…tableSize.
    private static let table: [Pair] = (1...tableSize).map { nu in
        ((try? StudentT.quantile(0.9, degreesOfFreedom: Double(nu))) ?? .nan,
         (try? StudentT.quantile(0.975, degreesOfFreedom: Double(nu))) ?? .nan)
    }

    /// t₀.₉ and t₀.₉₇₅ with `dof` ≥ 1 degrees of freedom.
    static func studentT(_ dof: Int) -> Pair {
        if dof <= tableSize { return table[max(dof, 1) - 1] }
        return ((try? StudentT.quantile(0.9, degreesOfFreedom: Double(dof))) ?? normal.q90,
                (try? StudentT.quantile(0.975, degreesOfFreedom: Double(dof))) ?? normal.q975)
    }
}

/// The computations of dataset.md for one series, shared by `SeasonalMethod`, the status rows and
/// every method that falls back on the spec.
enum SpecComputation {
    /// Which years the expected progress and the forecast rest on.
    enum Basis: Equatable {
        /// The unit's own years (≥ 2): method `seasonal`.
        case own
        /// All units' years (≥ 2): `pooled`.
        case pooled
        /// Fewer than 2 even pooled: `linear` (cumulative) or `naive` (rate, level).
        case fallback
        /// m = 12: `final`.
        case final
    }

    /// What the spec finds for one series with data this year.
    struct Analysis {
        var month: Int
        /// C or V at m.
        var actual: Double
        var basis: Basis
        /// n (own or pooled years), 0 for the fallbacks and final.
        var count: Int
        /// e: the mean of C(y,m)/C(y,12); m/12 for linear; 1 for final, rate and level.
        var expected: Double
        /// mean r (cumulative) or mean d (rate, level).
        var meanChange: Double
        /// sd of r or d (n − 1).
        var sdChange: Double
        /// The t quantiles with n − 1 degrees of freedom (own and pooled).
        var quantiles: CentralQuantiles.Pair = CentralQuantiles.normal
    }

    /// The method name the spec gives a basis.
    static func methodName(_ basis: Basis, measure: Measure) -> String {
        switch basis {
        case .own: "seasonal"
        case .pooled: "pooled"
        case .fallback: measure == .cumulative ? "linear" : "naive"
        case .final: "final"
        }
    }

    /// The analysis of the series, or nil when there is no data this year.
    static func analyse(_ context: SeriesContext) -> Analysis? {
        guard let m = context.latestMonth else { return nil }
        let actual = context.current[m - 1]
        if m == 12 {
            return Analysis(month: 12, actual: actual, basis: .final, count: 0, expected: 1, meanChange: 0, sdChange: 0)
        }
        let cumulative = context.measure == .cumulative
        let years = context.historyYearCount
        // Own years: r(y) or d(y), and the ratios C(y,m)/C(y,12), in a stack buffer.
        let own: Analysis? = withUnsafeTemporaryAllocation(of: Double.self, capacity: max(2 * years, 2)) { buffer in
            var n = 0
            for year in 0..<years {
                let atM = context.historyValue(year: year, month: m)
                let atDecember = context.historyValue(year: year, month: 12)
                if cumulative {
                    guard atM > 0, atDecember > 0 else { continue }  // false for NaN too
                    buffer[n] = log(atDecember / atM)
                    buffer[years + n] = atM / atDecember
                } else {
                    guard !atM.isNaN, !atDecember.isNaN else { continue }
                    buffer[n] = atDecember - atM
                }
                n += 1
            }
            guard n >= 2 else { return nil }
            let changes = UnsafeBufferPointer(rebasing: buffer[0..<n])
            guard let mean = try? Statistics.mean(changes), let sd = try? Statistics.standardDeviation(changes),
                  mean.isFinite, sd.isFinite else { return nil }
            var expected = 1.0
            if cumulative {
                guard let e = try? Statistics.mean(UnsafeBufferPointer(rebasing: buffer[years..<(years + n)])),
                      e.isFinite else { return nil }
                expected = e
            }
            return Analysis(
                month: m, actual: actual, basis: .own, count: n, expected: expected, meanChange: mean, sdChange: sd,
                quantiles: CentralQuantiles.studentT(n - 1)
            )
        }
        if let own { return own }
        let pool = context.peers.pooled(month: m)
        if pool.count >= 2 {
            return Analysis(
                month: m, actual: actual, basis: .pooled, count: pool.count,
                expected: cumulative ? pool.meanRatio : 1, meanChange: pool.meanChange, sdChange: pool.sdChange,
                quantiles: pool.quantiles
            )
        }
        return Analysis(
            month: m, actual: actual, basis: .fallback, count: 0,
            expected: cumulative ? Double(m) / 12 : 1, meanChange: 0, sdChange: 0
        )
    }

    /// Whether a year-end value F meets the target: completion ≥ 1 (F ≥ T for `higher`, F ≤ T for
    /// `lower`), ties within the tolerance of reading rule 9 counting as met.
    @inline(__always)
    static func meets(_ value: Double, target: Double, direction: Direction) -> Bool {
        direction == .higher ? !Tolerance.isBelow(value, target) : !Tolerance.isAbove(value, target)
    }

    /// The spec's forecast, labelled with the spec's method names (`seasonal`, `pooled`…).
    static func forecast(_ context: SeriesContext) -> YearEndForecast {
        forecast(context, labelPrefix: nil)
    }

    /// The spec's forecast; with a prefix, its method reads `prefix→seasonal` etc. (except `final`,
    /// which no method can improve on).
    static func forecast(_ context: SeriesContext, labelPrefix: String?) -> YearEndForecast {
        let target = context.target
        guard let analysis = analyse(context) else { return .noData(target: target) }
        let stale = analysis.month < context.asOfMonth
        var name = methodName(analysis.basis, measure: context.measure)
        if let labelPrefix, analysis.basis != .final { name = labelPrefix + "→" + name }
        let cumulative = context.measure == .cumulative
        let m = analysis.month, value = analysis.actual

        // Point forecast, scale and the distribution's kind (dataset.md).
        let point: Double, center: Double, sigma: Double, dof: Int?
        switch analysis.basis {
        case .final:
            point = value; center = cumulative ? log(value) : value; sigma = 0; dof = nil
        case .own, .pooled:
            let n = Double(analysis.count)
            sigma = analysis.sdChange * (1 + 1 / n).squareRoot()
            dof = analysis.count - 1
            if cumulative {
                point = value * exp(analysis.meanChange)
                center = log(value) + analysis.meanChange
            } else {
                point = value + analysis.meanChange
                center = point
            }
        case .fallback:
            dof = nil
            if cumulative {
                point = value * 12 / Double(m)
                center = log(point)
                sigma = max(context.settings.defaultLogSD, 0)
            } else {
                point = value
                center = value
                sigma = max(context.settings.defaultSD, 0)
            }
        }
        let historyYears = analysis.basis == .own || analysis.basis == .pooled ? analysis.count : 0

        guard sigma > 0, sigma.isFinite, center.isFinite else {
            // σ = 0 (m = 12, identical history): the year-end value is known; p_meet is 1 or 0.
            let pMeet = target.flatMap { t in t > 0 ? (meets(point, target: t, direction: context.direction) ? 1.0 : 0.0) : nil }
            return YearEndForecast(
                month: m, actual: value, target: target, forecast: point, lo80: point, hi80: point,
                lo95: point, hi95: point, pMeet: pMeet, method: name, historyYears: historyYears,
                stale: stale, distribution: .point(point)
            )
        }
        let q = dof == nil ? CentralQuantiles.normal : analysis.quantiles
        let lo80, hi80, lo95, hi95: Double
        if cumulative {
            lo80 = exp(center - q.q90 * sigma); hi80 = exp(center + q.q90 * sigma)
            lo95 = exp(center - q.q975 * sigma); hi95 = exp(center + q.q975 * sigma)
        } else {
            lo80 = center - q.q90 * sigma; hi80 = center + q.q90 * sigma
            lo95 = center - q.q975 * sigma; hi95 = center + q.q975 * sigma
        }
        var pMeet: Double?
        if let t = target, t > 0 {
            let z = ((cumulative ? log(t) : t) - center) / sigma
            let probability: Double? = if let dof {
                context.direction == .higher
                    ? try? StudentT.upperTail(z, degreesOfFreedom: Double(dof))
                    : try? StudentT.cdf(z, degreesOfFreedom: Double(dof))
            } else {
                context.direction == .higher ? try? Normal.upperTail(z) : try? Normal.cdf(z)
            }
            pMeet = probability.map { min(max($0, 0), 1) }
        }
        return YearEndForecast(
            month: m, actual: value, target: target, forecast: point, lo80: lo80, hi80: hi80, lo95: lo95,
            hi95: hi95, pMeet: pMeet, method: name, historyYears: historyYears, stale: stale,
            distribution: .locationScale(center: center, scale: sigma, degreesOfFreedom: dof.map(Double.init), logScale: cumulative)
        )
    }

    /// Completion c, expected progress e, the gap and the state (dataset.md; `kaohe status`).
    static func status(_ context: SeriesContext, risk: RiskSettings)
        -> (month: Int?, actual: Double?, completion: Double?, expected: Double?, gap: Double?,
            state: ProgressState?, source: String?, stale: Bool)
    {
        guard let analysis = analyse(context) else { return (nil, nil, nil, nil, nil, nil, nil, true) }
        let value = analysis.actual
        let stale = analysis.month < context.asOfMonth
        let cumulative = context.measure == .cumulative
        let expected = analysis.expected
        let source = cumulative ? methodName(analysis.basis, measure: .cumulative) : nil
        guard let target = context.target, target > 0 else {
            return (analysis.month, value, nil, expected, nil, nil, source, stale)
        }
        let completion: Double?
        let gap: Double?
        switch context.direction {
        case .higher:
            completion = value / target
            gap = completion! - expected
        case .lower:
            completion = value > 0 ? target / value : nil
            gap = cumulative ? expected - value / target : completion.map { $0 - expected }
        }
        var state: ProgressState?
        if let gap {
            let threshold = risk.behindProgress
            state = Tolerance.isBelow(gap, -threshold) ? .behind : Tolerance.isAbove(gap, threshold) ? .ahead : .onTrack
        }
        return (analysis.month, value, completion, expected, gap, state, source, stale)
    }
}
