import ArgumentParser
import KaoheCore

/// The `kaohe` command: one subcommand per question an assessment office asks.
struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "考核 — analytics and ranking for annual target-responsibility assessments.",
        discussion: """
            Every analysis command takes a dataset folder (default: the bundled datasets/ankang-2019), \
            prints a table with Chinese labels, and `--format json` or `csv` for machines. \
            Exit status: 0 success, 1 invalid data (every problem as file:line: message), 2 wrong usage.
            """,
        version: KaoheVersion.description,
        subcommands: [
            Validate.self,
            Status.self,
            Forecast.self,
            Compare.self,
            Standing.self,
            Ledger.self,
            Risks.self,
            Notices.self,
            Summary.self,
            Bulletin.self,
            Report.self,
            Backtest.self,
            ExportNotebook.self,
            Generate.self,
        ]
    )
}
