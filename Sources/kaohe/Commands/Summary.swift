import ArgumentParser
import KaoheCore
import KaoheReports

/// 一月一汇总: the monthly summary for the county's leaders, one self-contained HTML page.
struct Summary: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The monthly summary (一月一汇总): one self-contained HTML page for the county's leaders.",
        discussion: """
            Uses the data as of --month (default: the data's as_of; it may not be later). Writes \
            summary-YYYY-MM.html into --out and prints its path.
            """
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: ArgumentHelp("The month to summarise (YYYY-MM; default: the data's as_of).", valueName: "month"))
    var month: YearMonth?
    @Option(help: ArgumentHelp("Output folder.", valueName: "folder"))
    var out: String
    @OptionGroup var documentOptions: DocumentOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var methodOptions: MethodOptions

    func validate() throws {
        if let month, let asOf = options.asOf, month != asOf {
            throw ValidationError("--month \(month) 与 --as-of \(asOf) 不一致，请只给其中一个 — --month \(month) and --as-of \(asOf) disagree; give one of them")
        }
    }

    func run() throws {
        let pipeline = ReportPipeline(options: options, method: methodOptions, simulation: simulation, documents: documentOptions)
        let dataset = try month.map { try pipeline.dataset(asOf: $0, option: "--month") } ?? options.load()
        let asOf = dataset.settings.asOf
        let engine = try pipeline.engine(dataset)
        let context = try pipeline.context(
            engine: engine, simulated: try pipeline.simulate(engine),
            baseline: ReportPipeline.previousMonth(asOf).map { try pipeline.baseline($0) })
        let report = PeriodReport(context: context, kind: .summary(asOf))
        let written = try pipeline.write([GeneratedFile(path: report.fileName, contents: report.html())], to: out)
        Console.output(written.joined(separator: "\n"))
    }
}
