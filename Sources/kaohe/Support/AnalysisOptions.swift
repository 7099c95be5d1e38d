import ArgumentParser
import Foundation
import Synchronization
import KaoheCategories
import KaoheCore

/// `--method NAME`: the forecasting method of every command that forecasts.
struct MethodOptions: ParsableArguments {
    @Option(name: .customLong("method"), help: ArgumentHelp(
        "Forecasting method: \(ForecastMethods.names.joined(separator: ", ")) (default \(ForecastMethods.defaultName), the recommended one; seasonal is exactly the spec's computation).",
        valueName: "name"))
    var chosen: String?

    /// The method's name: the one given, or the default.
    var method: String { chosen ?? ForecastMethods.defaultName }

    func validate() throws {
        guard ForecastMethods.named(method) != nil else {
            throw ValidationError("没有预测方法 \"\(method)\"，应为 \(ForecastMethods.names.joined(separator: ", ")) 之一 — "
                + "unknown method \"\(method)\"; expected one of \(ForecastMethods.names.joined(separator: ", "))")
        }
    }

    /// The chosen method (validated when the options were parsed).
    var forecastMethod: any ForecastMethod { ForecastMethods.named(method) ?? BlendMethod() }

    /// Peer groups with more forecast series than this hear, when nobody chose the method, how long
    /// the default takes and what is faster.
    static let largeSeriesCount = 10_000
    /// CPU seconds `blend` spends on a series, measured on generated peer groups (about 18,000 series
    /// in 38 s on two cores): the estimate the note gives.
    static let blendSecondsPerSeries = 0.004
    /// Whether this process has said so already (`report` forecasts three months).
    private static let costNoted = Mutex(false)

    /// Every series' forecast with the chosen method. When the default `blend` was left in place for a
    /// province-sized peer group, a note on stderr says what it costs and that `--method seasonal`
    /// takes seconds.
    func forecastAll(_ dataset: Dataset) -> ForecastTable {
        let series = dataset.indicators.count { $0.measure.hasTarget } * dataset.units.count
        if chosen == nil, method == "blend", series > Self.largeSeriesCount,
           Self.costNoted.withLock({ noted in defer { noted = true }; return !noted }) {
            let seconds = Double(series) * Self.blendSecondsPerSeries / Double(ProcessInfo.processInfo.activeProcessorCount)
            let minutes = max(1, Int((seconds / 60).rounded(.up)))
            Console.error("提示：\(series) 个序列用默认的\(ForecastMethods.readerLabel(method))预测约需 \(minutes) 分钟"
                + "（每个序列拟合指数平滑）；--method seasonal 按考核办法的季节比计算，几秒内完成。")
        }
        return ForecastEngine(method: forecastMethod).forecastAll(dataset)
    }
}

/// `--unit U`: a unit by id or Chinese name; the home unit when left out.
struct UnitOption: ParsableArguments {
    @Option(help: "The unit to show, by id or name (default: the home unit of dataset.yaml).")
    var unit: String?

    /// The index of the chosen unit in `dataset`, or a usage error naming the units there are.
    func resolve(in dataset: Dataset) throws -> Int {
        guard let unit else { return dataset.settings.home }
        let wanted = unit.trimmingSpaces()
        if let index = dataset.units.firstIndex(where: { $0.id == wanted || $0.name == wanted }) { return index }
        throw CommandFailure(
            message: "数据集中没有单位「\(wanted)」 — no unit \"\(wanted)\" in \(dataset.directory); expected one of "
                + dataset.units.map { "\($0.id)（\($0.name)）" }.joined(separator: ", "),
            status: ExitStatus.usage
        )
    }
}

extension YearMonth {
    /// "2019年8月", as reports write a month.
    var chineseLabel: String { "\(year)年\(month)月" }
}

/// `--draws N --seed S`: the simulation's size and seed (dataset.md rule 16).
struct SimulationOptions: ParsableArguments {
    @Option(help: "Simulated years (default 10000).")
    var draws: Int = 10_000
    @Option(help: "Random seed (default 1); the same seed gives the same result on any number of threads.")
    var seed: UInt64 = 1
    @Option(help: ArgumentHelp("Worker threads (default: every core); results do not depend on it.", visibility: .hidden))
    var threads: Int?

    func validate() throws {
        guard draws >= 1, draws <= 10_000_000 else { throw ValidationError("--draws 须在 1 到 10000000 之间 — --draws must be between 1 and 10000000") }
        if let threads, threads < 1 { throw ValidationError("--threads 至少为 1 — --threads must be at least 1") }
    }

    /// The simulation keeps every unit's total of every draw (4 bytes each) for its percentiles: refuse a
    /// size that would not fit in memory, saying what would.
    static func checkSize(draws: Int, units: Int) throws {
        let limit = 250_000_000
        guard draws * units <= limit else {
            throw CommandFailure(
                message: "模拟次数过多，内存不足 — --draws \(draws) for \(units) units keeps \(draws * units / 250_000) MB of totals; "
                    + "give at most --draws \(limit / max(units, 1)) for this peer group",
                status: ExitStatus.usage)
        }
    }
}

/// Loads, forecasts and prepares the categories: what every standing-based command starts from.
func prepareStanding(_ options: DatasetOptions, method: MethodOptions) throws -> StandingEngine {
    let dataset = try options.load()
    let forecasts = method.forecastAll(dataset)
    return try StandingEngine(dataset: dataset, forecasts: forecasts, catalog: registeredCategories)
}
