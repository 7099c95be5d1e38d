import ArgumentParser
import Foundation
import KaoheSynthetic

/// Writes a synthetic dataset: the bundled preset, or a national-scale one for benchmarks.
struct Generate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a synthetic dataset (the bundled preset, or a national-scale one for benchmarks).",
        discussion: """
            The output is byte for byte the same for the same seed, whatever the number of threads. \
            `--preset ankang-2019 --seed 1` regenerates the bundled datasets/ankang-2019; \
            `--units 3000 --indicators 60 --years 6` writes a national-scale benchmark dataset.
            """
    )

    @Option(help: "A bundled preset: \(Preset.allCases.map(\.rawValue).joined(separator: ", ")).")
    var preset: String?

    @Option(help: "Number of units (national-scale dataset).")
    var units: Int?

    @Option(help: "Number of indicators (national-scale dataset).")
    var indicators: Int?

    @Option(help: "Number of history years before the assessment year (national-scale dataset).")
    var years: Int?

    @Option(name: .customLong("as-of"), help: "The as_of month YYYY-MM of a national-scale dataset (default: 2019-08).")
    var asOf: String?

    @Option(help: "The folder to write (created; refused when not empty unless --force).")
    var out: String

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "Worker threads (default: the number of cores); the output does not depend on it.")
    var threads: Int?

    @Flag(help: "Replace the dataset in a non-empty folder.")
    var force = false

    func validate() throws {
        let scaleOptions = [units, indicators, years].compactMap { $0 }
        if let preset {
            guard Preset(rawValue: preset) != nil else {
                throw ValidationError(
                    "unknown preset '\(preset)'; the presets are \(Preset.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            guard scaleOptions.isEmpty, asOf == nil else {
                throw ValidationError("--preset 不能与 --units、--indicators、--years 或 --as-of 同用 — "
                    + "--preset cannot be combined with --units, --indicators, --years or --as-of")
            }
        } else {
            guard scaleOptions.count == 3 else {
                throw ValidationError("请给出 --preset NAME，或同时给出 --units N --indicators K --years Y — "
                    + "give either --preset NAME, or all of --units N --indicators K --years Y")
            }
            guard let units, units >= 1, let indicators, indicators >= 1, let years, years >= 0 else {
                throw ValidationError("--units 和 --indicators 至少为 1，--years 至少为 0 — --units and --indicators must be at least 1, --years at least 0")
            }
            guard parsedAsOf != nil else {
                throw ValidationError("--as-of 须为 YYYY-MM 格式的月份，如 2019-08 — --as-of must be a month YYYY-MM, as 2019-08")
            }
        }
        if let threads, threads < 1 {
            throw ValidationError("--threads 至少为 1 — --threads must be at least 1")
        }
    }

    /// `--as-of` as (year, month).
    private var parsedAsOf: (year: Int, month: Int)? {
        let parts = (asOf ?? "2019-08").split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month), year > 1949
        else { return nil }
        return (year, month)
    }

    func run() throws {
        let generator: SyntheticGenerator
        if let name = preset, let preset = Preset(rawValue: name) {
            generator = SyntheticGenerator(preset: preset, seed: seed, threads: threads)
        } else {
            let (year, month) = parsedAsOf!
            generator = .national(
                units: units!, indicators: indicators!, historyYears: years!, year: year, asOfMonth: month,
                seed: seed, threads: threads
            )
        }
        let paths: [String]
        do {
            paths = try generator.write(to: out, force: force)
        } catch let error as GenerateError {
            switch error {
            case .notEmpty, .notADatasetFolder, .notAFolder:
                throw CommandFailure(message: error.description, status: ExitStatus.usage)
            case .io:
                throw CommandFailure(message: error.description)
            }
        }
        Console.output(paths.joined(separator: "\n"))
    }
}
