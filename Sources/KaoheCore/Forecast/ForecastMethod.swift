/// A way of forecasting one series' year-end value (`--method NAME`).
///
/// A method sees one series through a `SeriesContext` and nothing else: the months of the year being
/// forecast up to `asOfMonth`, the years before it, the peers' years for pooling, the target and the
/// settings. It never reads a `Dataset`, so a backtest can hide a year simply by handing it a context
/// whose `current` is that year, whose `history` ends the year before and whose `peers` were built
/// from years before it too (`PeerHistory(store:indicator:years:measure:)`).
///
/// Methods must be deterministic (any randomness from `RandomStream(seed: context.seed)`) and must
/// never return NaN: a method that cannot fit falls back on the spec's computation and says so in
/// `method` (`ets→seasonal`).
public protocol ForecastMethod: Sendable {
    /// The name `--method` selects it by, and the value of `method` in its forecasts.
    var name: String { get }
    /// The year-end forecast of the series in `context`.
    func forecast(_ context: SeriesContext) -> YearEndForecast
}

/// The methods `--method` can name.
public enum ForecastMethods {
    /// The method the command line uses when none is named: `blend`, which met the bar of issue #4
    /// on real data (docs/FORECASTING.md). `seasonal` stays the spec's computation, exactly.
    public static let defaultName = "blend"

    /// Every registered name, the default first.
    public static let names = ["blend", "seasonal", "ets"]

    /// The Chinese name of a method label for tables ("组合预测", "季节比→合并季节比"…), a dash for nil.
    public static func chineseLabel(_ method: String?) -> String {
        guard let method else { return NumberFormat.missing }
        let names = ["seasonal": "季节比", "pooled": "合并季节比", "linear": "线性外推", "naive": "保持现值",
                     "final": "全年实绩", "ets": "指数平滑", "blend": "组合预测"]
        return method.split(separator: "→").map { names[String($0)] ?? String($0) }.joined(separator: "→")
    }

    /// What a registered method does, in one Chinese sentence for a reader (nil for other names).
    public static func chineseDescription(_ method: String) -> String? {
        switch method {
        case "seasonal": "按往年同期全年与截至本月的比值（季节规律）由今年已报数据推算全年"
        case "ets": "用指数平滑状态空间模型拟合逐月数据，预测其余月份再累计到年底"
        case "blend": "把往年同期的季节比（近年权重更大，并向兄弟县区同一指标靠拢）与两种指数平滑的预测取几何平均，"
            + "区间按同一方法在往年同月预测的误差确定"
        default: nil
        }
    }

    /// A method named for a reader: "组合预测（blend）".
    public static func readerLabel(_ method: String) -> String { "\(chineseLabel(method))（\(method)）" }

    /// The method registered under `name` (trimmed, case-insensitive), or nil.
    public static func named(_ name: String) -> (any ForecastMethod)? {
        switch name.trimmingSpaces().lowercased() {
        case "seasonal": SeasonalMethod()
        case "ets": ETSMethod()
        case "blend": BlendMethod()
        default: nil
        }
    }
}

/// Everything a `ForecastMethod` may use about one (unit, indicator) series in one year.
///
/// The buffers are borrowed, valid only while the context is being used (the engine points them
/// into the dataset's `ObservationStore`); a method must not keep them. Build one from arrays with
/// `SeriesContext.with(current:history:…)`.
public struct SeriesContext {
    public var measure: Measure
    public var direction: Direction
    /// The annual target T, or nil.
    public var target: Double?
    public var settings: ForecastSettings
    /// The last month whose data counts (1…12); values of `current` after it are ignored.
    public var asOfMonth: Int
    /// The 12 monthly values (January first) of the year being forecast, NaN where missing.
    public var current: UnsafeBufferPointer<Double>
    /// The years before it, oldest first, 12 values each (`history.count` is a multiple of 12): the
    /// last row is the year just before. A year without data is a row of NaN.
    public var history: UnsafeBufferPointer<Double>
    /// Every unit's years for the pooled fallback (the unit's own included, dataset.md).
    public var peers: PeerHistory
    /// The seed of any randomness (the engine derives it from the unit and indicator ids).
    public var seed: UInt64

    public init(
        measure: Measure, direction: Direction, target: Double?, settings: ForecastSettings, asOfMonth: Int,
        current: UnsafeBufferPointer<Double>, history: UnsafeBufferPointer<Double>, peers: PeerHistory, seed: UInt64
    ) {
        precondition(current.count == 12, "SeriesContext: current must hold 12 months")
        precondition(history.count % 12 == 0, "SeriesContext: history must hold whole years")
        self.measure = measure
        self.direction = direction
        self.target = target
        self.settings = settings
        self.asOfMonth = min(max(asOfMonth, 0), 12)
        self.current = current
        self.history = history
        self.peers = peers
        self.seed = seed
    }

    /// The number of history years (rows of `history`).
    @inline(__always)
    public var historyYearCount: Int { history.count / 12 }

    /// The value of `month` (1…12) of history row `year` (0 = oldest), NaN when missing.
    @inline(__always)
    public func historyValue(year: Int, month: Int) -> Double { history[year * 12 + month - 1] }

    /// The value of `month` of the year being forecast, NaN when missing or after `asOfMonth`.
    @inline(__always)
    public func currentValue(month: Int) -> Double { month <= asOfMonth ? current[month - 1] : .nan }

    /// m: the latest month ≤ `asOfMonth` with a value, or nil.
    public var latestMonth: Int? {
        var month = asOfMonth
        while month >= 1 {
            if !current[month - 1].isNaN { return month }
            month -= 1
        }
        return nil
    }

    /// Calls `body` with a context over copies of arrays: `current` (12 values) and `history`
    /// (whole years, oldest first). Without `peers`, the pool is the series' own history alone.
    public static func with<Result>(
        current: [Double], history: [[Double]], measure: Measure, direction: Direction = .higher,
        target: Double?, settings: ForecastSettings = .init(), asOfMonth: Int, peers: PeerHistory? = nil,
        seed: UInt64 = 1, _ body: (SeriesContext) throws -> Result
    ) rethrows -> Result {
        let flat = history.flatMap { $0 }
        let pool = peers ?? PeerHistory(rows: history, measure: measure)
        return try current.withUnsafeBufferPointer { currentBuffer in
            try flat.withUnsafeBufferPointer { historyBuffer in
                try body(SeriesContext(
                    measure: measure, direction: direction, target: target, settings: settings,
                    asOfMonth: asOfMonth, current: currentBuffer, history: historyBuffer, peers: pool, seed: seed
                ))
            }
        }
    }
}
