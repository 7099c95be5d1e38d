import Dispatch

/// Which years a backtest hides.
public enum BacktestScope: String, Sendable, CaseIterable {
    /// Every history year of a series, forecast with the OTHER years (earlier and later) as history
    /// and as the peers' pool. Its target is `targetFactor` × the unit's previous December.
    case history
    /// The assessment year itself, when it is complete (as_of = December), forecast with the earlier
    /// years only — the real out-of-sample task — against its target in targets.csv.
    case current
}

/// `kaohe backtest`: hides years whose December is known, forecasts that December from month m with
/// each method, and measures accuracy (MAPE, median APE, bias), calibration (coverage of the 80% and
/// 95% intervals, their width) and the Brier score of p_meet — always beside the linear pace
/// C·12/m (`LinearPaceMethod`).
///
/// Cases: every cumulative indicator, unit and hidden year with a value in month m and in December
/// (rate and level indicators are left out: a percentage error of a growth rate means nothing). A
/// hidden history year has no target in targets.csv; its target is `targetFactor` × the unit's
/// December of the year before (the M3 task's rule), and without that December the case counts for
/// every metric but the Brier score.
///
/// History of a hidden history year: the other years of the store, the assessment year included when
/// it is complete, ordered by distance from the hidden year, nearest LAST (the year before it last,
/// the year after it just before), so that "the year just before" of `SeriesContext` is the nearest
/// year and methods that weigh recent years more weigh the nearest ones more. Methods that read the
/// history as a time series (ETS) see that order as time: the `history` scope is a fair test of
/// seasonal-ratio methods and a handicap for ETS; the `current` scope is fair to every method.
///
/// Series run in parallel blocks; every outcome has its own slot and the metrics are summed in a
/// fixed order, so the report is identical whatever the number of threads.
public struct Backtest: Sendable {
    /// The methods compared; the linear baseline is added after them.
    public var methods: [any ForecastMethod]
    /// The months m forecast from (1…11).
    public var months: [Int]
    public var scopes: [BacktestScope]
    /// The target of a hidden history year: this × the unit's previous December.
    public var targetFactor: Double = 1.05
    /// Series-years per parallel block.
    public var blockSize: Int = 8
    /// Whether the report keeps every case (`BacktestReport.cases`), for a look at single forecasts.
    public var keepCases = false

    public init(methods: [any ForecastMethod], months: [Int] = [3, 6, 9], scopes: [BacktestScope] = BacktestScope.allCases) {
        self.methods = methods
        self.months = Array(Set(months.filter { (1...11).contains($0) })).sorted()
        self.scopes = BacktestScope.allCases.filter(scopes.contains)
    }

    /// Every method of the report, the linear baseline last.
    public var allMethods: [any ForecastMethod] {
        methods.filter { $0.name != "linear" } + [LinearPaceMethod()]
    }

    /// One hidden series-year.
    struct Task {
        var dataset: Int
        var indicator: Int
        var unit: Int
        var year: Int
        var scope: BacktestScope
        /// Index into the pools.
        var pool: Int
    }

    /// The tasks of `datasets` in a fixed order (dataset, indicator, unit, scope, year) and the peer
    /// pools they use.
    func tasks(_ datasets: [Dataset]) -> (tasks: [Task], pools: [PeerHistory]) {
        var tasks: [Task] = []
        var pools: [PeerHistory] = []
        for (d, dataset) in datasets.enumerated() {
            let store = dataset.observations
            let year = dataset.settings.year
            let currentComplete = Self.isComplete(dataset)
            for indicator in dataset.indicators.indices where dataset.indicators[indicator].measure == .cumulative {
                var poolIndex: [Int: Int] = [:]
                func pool(for hidden: Int, scope: BacktestScope) -> Int {
                    if let index = poolIndex[hidden] { return index }
                    let peers: PeerHistory
                    switch scope {
                    case .current:
                        peers = PeerHistory(store: store, indicator: indicator, years: store.firstYear..<year, measure: .cumulative)
                    case .history:
                        let years = Self.historyYears(hiding: hidden, store: store, year: year, currentComplete: currentComplete)
                        var rows: [[Double]] = []
                        for unit in dataset.units.indices {
                            for y in years { rows.append(Self.row(store, indicator: indicator, unit: unit, year: y)) }
                        }
                        peers = PeerHistory(rows: rows, measure: .cumulative)
                    }
                    pools.append(peers)
                    poolIndex[hidden] = pools.count - 1
                    return pools.count - 1
                }
                for unit in dataset.units.indices {
                    for scope in scopes {
                        let hidden: [Int] = switch scope {
                        case .history: Array(store.firstYear..<min(year, store.lastYear + 1))
                        case .current: currentComplete ? [year] : []
                        }
                        for y in hidden {
                            let december = store.value(indicator: indicator, unit: unit, year: y, month: 12) ?? .nan
                            guard december > 0, months.contains(where: {
                                (store.value(indicator: indicator, unit: unit, year: y, month: $0) ?? .nan) > 0
                            }) else { continue }
                            tasks.append(Task(dataset: d, indicator: indicator, unit: unit, year: y, scope: scope,
                                              pool: pool(for: y, scope: scope)))
                        }
                    }
                }
            }
        }
        return (tasks, pools)
    }

    /// Whether the assessment year of `dataset` is complete (as_of = December of it).
    static func isComplete(_ dataset: Dataset) -> Bool {
        let settings = dataset.settings
        return settings.asOf.year > settings.year || (settings.asOf.year == settings.year && settings.asOf.month == 12)
    }

    /// The history years of hidden year `hidden` in the `history` scope: every other year of the store
    /// (the assessment year only when complete), nearest last, the earlier of two equally near years
    /// after the later one.
    static func historyYears(hiding hidden: Int, store: ObservationStore, year: Int, currentComplete: Bool) -> [Int] {
        let last = currentComplete ? min(year, store.lastYear) : min(year - 1, store.lastYear)
        guard last >= store.firstYear else { return [] }
        return (store.firstYear...last).filter { $0 != hidden }.sorted { a, b in
            let da = abs(a - hidden), db = abs(b - hidden)
            return da != db ? da > db : a > b
        }
    }

    /// The 12 values of one series-year (NaN where missing or outside the store).
    static func row(_ store: ObservationStore, indicator: Int, unit: Int, year: Int) -> [Double] {
        guard year >= store.firstYear, year <= store.lastYear else { return Array(repeating: .nan, count: 12) }
        let offset = store.offset(indicator: indicator, unit: unit, year: year)
        return Array(store.values[offset..<(offset + 12)])
    }

    /// The target of a task: the assessment year's from targets.csv; a hidden history year's is
    /// `factor` × the unit's December of the year before (nil without it).
    static func target(_ task: Task, dataset: Dataset, factor: Double) -> Double? {
        switch task.scope {
        case .current:
            return dataset.target(indicator: task.indicator, unit: task.unit)
        case .history:
            let previous = dataset.observations.value(indicator: task.indicator, unit: task.unit, year: task.year - 1, month: 12)
            return previous.flatMap { $0 > 0 ? factor * $0 : nil }
        }
    }

    /// The seed of a case: the engine's seed of the series for the assessment year (so the `current`
    /// scope gives what `kaohe forecast` gives), mixed with the hidden year otherwise.
    static func seed(_ dataset: Dataset, indicator: Int, unit: Int, year: Int) -> UInt64 {
        let base = ForecastEngine.seed(indicatorID: dataset.indicators[indicator].id, unitID: dataset.units[unit].id)
        return year == dataset.settings.year ? base : base ^ (UInt64(truncatingIfNeeded: year) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The year-end forecasts of one task by every method from every month (nil where the hidden year
    /// has no value in that month), `[method · months.count + month index]`.
    func run(_ task: Task, datasets: [Dataset], pools: [PeerHistory], methods: [any ForecastMethod]) -> [BacktestOutcome?] {
        let dataset = datasets[task.dataset]
        let store = dataset.observations
        let indicator = dataset.indicators[task.indicator]
        let current = Self.row(store, indicator: task.indicator, unit: task.unit, year: task.year)
        let actual = current[11]
        let historyYears: [Int] = switch task.scope {
        case .current: Array(store.firstYear..<task.year)
        case .history: Self.historyYears(hiding: task.year, store: store, year: dataset.settings.year,
                                         currentComplete: Self.isComplete(dataset))
        }
        let target = Self.target(task, dataset: dataset, factor: targetFactor)
        let history = historyYears.flatMap { Self.row(store, indicator: task.indicator, unit: task.unit, year: $0) }
        let seed = Self.seed(dataset, indicator: task.indicator, unit: task.unit, year: task.year)
        var outcomes = [BacktestOutcome?](repeating: nil, count: methods.count * months.count)
        var masked = current
        history.withUnsafeBufferPointer { historyBuffer in
            for (j, m) in months.enumerated() where current[m - 1] > 0 {
                for k in 0..<12 { masked[k] = k < m ? current[k] : .nan }
                masked.withUnsafeBufferPointer { currentBuffer in
                    let context = SeriesContext(
                        measure: indicator.measure, direction: indicator.direction, target: target,
                        settings: dataset.settings.forecast, asOfMonth: m, current: currentBuffer,
                        history: historyBuffer, peers: pools[task.pool], seed: seed
                    )
                    for (i, method) in methods.enumerated() {
                        let forecast = method.forecast(context)
                        outcomes[i * months.count + j] = BacktestOutcome(
                            forecast, actual: actual, direction: indicator.direction, ownNames: [method.name]
                        )
                    }
                }
            }
        }
        return outcomes
    }

    /// The backtest of every series of `datasets`, pooled.
    public func run(_ datasets: [Dataset]) -> BacktestReport {
        let methods = allMethods
        let (tasks, pools) = tasks(datasets)
        let perTask = methods.count * months.count
        let count = tasks.count
        let blockSize = max(1, self.blockSize)
        let blocks = (count + blockSize - 1) / blockSize
        let results = [BacktestOutcome?](unsafeUninitializedCapacity: count * perTask) { output, initialized in
            nonisolated(unsafe) let output = output
            let work = { @Sendable (block: Int) in
                for index in (block * blockSize)..<min(count, (block + 1) * blockSize) {
                    let outcomes = self.run(tasks[index], datasets: datasets, pools: pools, methods: methods)
                    for (k, outcome) in outcomes.enumerated() {
                        (output.baseAddress! + index * perTask + k).initialize(to: outcome)
                    }
                }
            }
            if blocks <= 1 { (0..<blocks).forEach(work) } else { DispatchQueue.concurrentPerform(iterations: blocks, execute: work) }
            initialized = count * perTask
        }

        var rows: [BacktestRow] = []
        var caseCounts: [BacktestScope: Int] = [:]
        for scope in scopes {
            let scoped = tasks.indices.filter { tasks[$0].scope == scope }
            caseCounts[scope] = scoped.count
            guard !scoped.isEmpty else { continue }
            let monthGroups: [(month: Int?, indices: [Int])] =
                months.enumerated().map { (Optional($0.element), [$0.offset]) }
                + (months.count > 1 ? [(nil, Array(months.indices))] : [])
            for group in monthGroups {
                for (i, method) in methods.enumerated() {
                    let outcomes = scoped.lazy.flatMap { t in
                        group.indices.lazy.compactMap { j in results[t * perTask + i * self.months.count + j] }
                    }
                    guard let metrics = BacktestMetrics.summarize(outcomes) else { continue }
                    rows.append(BacktestRow(scope: scope, method: method.name, month: group.month, metrics: metrics))
                }
            }
        }
        var cases: [BacktestCase] = []
        if keepCases {
            for (t, task) in tasks.enumerated() {
                let dataset = datasets[task.dataset]
                for (i, method) in methods.enumerated() {
                    for (j, month) in months.enumerated() {
                        guard let outcome = results[t * perTask + i * months.count + j] else { continue }
                        cases.append(BacktestCase(
                            scope: task.scope, dataset: dataset.directory, indicator: dataset.indicators[task.indicator].id,
                            unit: dataset.units[task.unit].id, year: task.year, method: method.name, month: month,
                            target: Self.target(task, dataset: dataset, factor: targetFactor), outcome: outcome
                        ))
                    }
                }
            }
        }
        let series = Set(tasks.map { [$0.dataset, $0.indicator, $0.unit] }).count
        return BacktestReport(
            datasets: datasets.map(\.directory), methods: methods.map(\.name), months: months, scopes: scopes,
            targetFactor: targetFactor, series: series, seriesYears: caseCounts, rows: rows, cases: cases
        )
    }
}

/// One line of a backtest report: a method's metrics in one scope from one month (nil: every month
/// of the run together).
public struct BacktestRow: Sendable, Equatable {
    public var scope: BacktestScope
    public var method: String
    public var month: Int?
    public var metrics: BacktestMetrics
}

/// What `Backtest.run` found.
public struct BacktestReport: Sendable {
    /// The dataset folders, in the order given.
    public var datasets: [String]
    /// The methods, the linear baseline last.
    public var methods: [String]
    public var months: [Int]
    public var scopes: [BacktestScope]
    /// The target rule of hidden history years: this × the previous December.
    public var targetFactor: Double
    /// The number of (dataset, indicator, unit) series with at least one case.
    public var series: Int
    /// The number of hidden series-years per scope.
    public var seriesYears: [BacktestScope: Int]
    /// Scope by scope, month by month (every month together last), the methods in order.
    public var rows: [BacktestRow]
    /// Every case, when `Backtest.keepCases` (in task order, then method, then month).
    public var cases: [BacktestCase]

    /// The row of `method` in `scope` from `month` (nil: every month), if any.
    public func row(_ scope: BacktestScope, method: String, month: Int?) -> BacktestRow? {
        rows.first { $0.scope == scope && $0.method == method && $0.month == month }
    }
}

/// One case of a backtest, kept for a look at single forecasts (`kaohe backtest --cases FILE`).
public struct BacktestCase: Sendable, Equatable {
    public var scope: BacktestScope
    /// The dataset folder.
    public var dataset: String
    public var indicator: String
    public var unit: String
    /// The hidden year.
    public var year: Int
    /// The method compared (its forecast's own label is `outcome.method`).
    public var method: String
    public var month: Int
    public var target: Double?
    public var outcome: BacktestOutcome
}
