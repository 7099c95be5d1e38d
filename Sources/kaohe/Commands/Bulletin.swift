import ArgumentParser
import KaoheCore
import KaoheReports

/// 一季一通报: the quarterly bulletin to every responsible department, one self-contained HTML page.
struct Bulletin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The quarterly bulletin (一季一通报): one self-contained HTML page for every responsible department.",
        discussion: """
            Uses the data as of the quarter's last month, or as of the data's as_of when the quarter is not \
            over yet (the bulletin says so). Writes bulletin-YYYY-Qn.html into --out and prints its path.
            """
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: ArgumentHelp("The quarter (YYYY-Qn; default: the quarter of the data's as_of).", valueName: "quarter"))
    var quarter: YearQuarter?
    @Option(help: ArgumentHelp("Output folder.", valueName: "folder"))
    var out: String
    @OptionGroup var documentOptions: DocumentOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var methodOptions: MethodOptions

    func run() throws {
        let pipeline = ReportPipeline(options: options, method: methodOptions, simulation: simulation, documents: documentOptions)
        let full = try options.load()
        let dataAsOf = full.settings.asOf
        let quarter = self.quarter ?? YearQuarter(year: dataAsOf.year, quarter: dataAsOf.quarter)
        guard quarter.year == full.settings.year else {
            throw CommandFailure(message: "--quarter \(quarter) 在 \(quarter.year) 年，数据却是 \(full.settings.year) 年度的 — --quarter \(quarter) is in \(quarter.year), but the data is for \(full.settings.year)",
                                 status: ExitStatus.usage)
        }
        let firstMonth = YearMonth(year: quarter.year, month: quarter.quarter * 3 - 2)
        guard firstMonth <= dataAsOf else {
            throw CommandFailure(
                message: "数据只到 \(dataAsOf)（as_of），--quarter \(quarter) 尚未开始；请给出 \(YearQuarter(year: dataAsOf.year, quarter: dataAsOf.quarter)) 或更早的季度 — "
                    + "--quarter \(quarter) has not begun in the data, which runs to \(dataAsOf) (as_of); give \(YearQuarter(year: dataAsOf.year, quarter: dataAsOf.quarter)) or an earlier quarter",
                status: ExitStatus.usage)
        }
        let month = min(quarter.lastMonth, dataAsOf)
        let dataset = month == dataAsOf ? full : try pipeline.load(asOf: month)
        let engine = try pipeline.engine(dataset)
        let context = try pipeline.context(
            engine: engine, simulated: try pipeline.simulate(engine),
            baseline: ReportPipeline.previousQuarterEnd(quarter, before: month).map { try pipeline.baseline($0) })
        let report = PeriodReport(context: context, kind: .bulletin(quarter))
        let written = try pipeline.write([GeneratedFile(path: report.fileName, contents: report.html())], to: out)
        if let note = report.partialQuarterNote { Console.error("kaohe: \(note)") }
        Console.output(written.joined(separator: "\n"))
    }
}
