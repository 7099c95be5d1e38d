import ArgumentParser
import KaoheCore

@main
struct Kaohe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kaohe",
        abstract: "考核 — analytics and ranking for annual target-responsibility assessments.",
        version: KaoheVersion.description,
        subcommands: []
    )
}
