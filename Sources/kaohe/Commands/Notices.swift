import ArgumentParser
import KaoheCore
import KaoheReports

/// 预警提示单 and 督办单: one printable notice per department with lagging indicators, and one overview
/// per county leader, as HTML and Markdown.
struct Notices: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Warning and supervision notices (预警提示单, 督办单) per department, and an overview per county leader.",
        discussion: """
            A department gets a 督办单 when any indicator it leads or cooperates on calls for supervision, \
            else a 预警提示单 when any calls for a warning. Each notice and overview is written as .html \
            and .md into --out, with index.html listing them; the paths written are printed.
            """
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: ArgumentHelp("Output folder.", valueName: "folder"))
    var out: String
    @OptionGroup var documentOptions: DocumentOptions
    @OptionGroup var methodOptions: MethodOptions

    func run() throws {
        let pipeline = ReportPipeline(options: options, method: methodOptions, simulation: nil, documents: documentOptions)
        let engine = try pipeline.engine(options.load())
        let context = try pipeline.context(engine: engine, simulated: nil, baseline: nil)
        let book = NoticeBook(context: context)
        let written = try pipeline.write(book.files(), to: out)
        Console.output(written.joined(separator: "\n"))
    }
}
