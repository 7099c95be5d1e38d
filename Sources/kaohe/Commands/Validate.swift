import ArgumentParser
import KaoheCategories
import KaoheCore
import KaoheReports

/// Checks that a dataset is well-formed and consistent, listing every problem as file:line: message.
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check that a dataset is well-formed and consistent (every problem, not only the first)."
    )

    @OptionGroup var options: DatasetOptions
    @OptionGroup var output: FormatOptions

    func run() throws {
        var result = DatasetLoader(categories: registeredCategories)
            .validate(directory: options.dataset, asOf: options.asOf)
        // Each category reads its own `scoring:` section; a dataset that loads is checked by them too.
        if let dataset = result.dataset {
            do {
                _ = try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                       catalog: registeredCategories)
            } catch {
                result.problems += error.problems
                result.dataset = nil
            }
        }
        let errors = result.problems.filter { $0.severity == .error }
        switch output.format {
        case .json:
            let document = JSONValue.object([
                ("valid", .bool(errors.isEmpty)),
                ("problems", .array(result.problems.map { problem in
                    .object([
                        ("file", .string(problem.file)),
                        ("line", .integer(problem.line)),
                        ("message", .string(problem.message)),
                        ("severity", .string(problem.severity.rawValue)),
                    ])
                })),
            ])
            Console.output(document.rendered())
        case .csv:
            var csv = CSVWriter(header: ["file", "line", "severity", "message"])
            for problem in result.problems {
                csv.append([problem.file, String(problem.line), problem.severity.rawValue, problem.message])
            }
            Console.output(csv.text)
        case .table:
            for problem in result.problems { Console.error(problem.description) }
            if errors.isEmpty, let dataset = result.dataset {
                let notes = result.problems.count
                Console.output("数据集有效：\(dataset.settings.name)（\(dataset.units.count) 个单位，\(dataset.indicators.count) 项指标，截至 \(dataset.settings.asOf)）" + (notes > 0 ? "，\(notes) 条提示" : ""))
            } else {
                Console.error("数据集无效：\(errors.count) 个问题。")
            }
        }
        if !errors.isEmpty { throw ExitCode(ExitStatus.invalidData) }
    }
}
