import ArgumentParser
import Foundation
import KaoheCore
import KaoheReports

/// `kaohe export-notebook`: the dataset as a Jupyter notebook — a narrative in Chinese around code cells
/// that load the engine's results, written beside it as CSV and JSON, and draw them with matplotlib.
struct ExportNotebook: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-notebook",
        abstract: "Write a Jupyter notebook of the dataset with the engine's results beside it as CSV and JSON.",
        discussion: """
            Writes into --out: <dataset folder name>.ipynb (nbformat 4.5; a narrative in Chinese, pandas tables \
            and matplotlib charts), the data files it loads (dataset.json, status.csv, forecast.csv, compare.csv, \
            standing.json, standing.csv, risks.csv, ledger.csv), README.md and MANIFEST.json (the exact command, \
            the version, every file's SHA-256). The same data and options give the same bytes. Everything is \
            written to a temporary folder first and moved into place when complete; an existing --out must be \
            empty or an earlier export holding only its own files, or nothing is written. Prints the paths written.
            """
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: ArgumentHelp("The folder to write (an earlier export there is replaced; other content is refused).",
                               valueName: "folder"))
    var out: String
    @OptionGroup var methodOptions: MethodOptions
    @OptionGroup var simulation: SimulationOptions

    /// The command that reproduces this export, every option spelled out (threads aside: they change nothing).
    var reproducingArguments: [String] {
        var arguments = ["kaohe", "export-notebook", options.dataset, "--out", out]
        if let asOf = options.asOf { arguments += ["--as-of", asOf.description] }
        arguments += ["--method", methodOptions.method, "--draws", String(simulation.draws), "--seed", String(simulation.seed)]
        return arguments
    }

    func run() throws {
        let engine = try prepareStanding(options, method: methodOptions)
        let report = try StandingReport(engine: engine, simulation: simulation, whereToPush: true)
        let export = NotebookExport(report: report, arguments: reproducingArguments,
                                    stem: NotebookExport.stem(ofDataset: options.dataset))
        do {
            let written = try NotebookFolder(path: out).write(export.files())
            Console.output(written.joined(separator: "\n"))
        } catch let error as NotebookFolderError {
            throw CommandFailure(message: error.description, status: ExitStatus.invalidData)
        }
    }
}
