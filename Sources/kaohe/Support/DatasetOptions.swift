import ArgumentParser
import Foundation
import KaoheCategories
import KaoheCore

/// The output formats every analysis command offers.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

extension YearMonth: ExpressibleByArgument {
    /// Parses `YYYY-MM`, as `--as-of 2019-06`.
    public init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
        else { return nil }
        self.init(year: year, month: month)
    }
}

/// The dataset folder and the month to look at it as of: the options every analysis command shares.
struct DatasetOptions: ParsableArguments {
    /// The bundled dataset, used when no folder is given.
    static let bundled = "datasets/ankang-2019"

    @Argument(help: "The dataset folder (default: the bundled datasets/ankang-2019).")
    var dataset: String = DatasetOptions.bundled

    @Option(name: .customLong("as-of"), help: "Look at the files as of an earlier month (YYYY-MM).")
    var asOf: YearMonth?

    /// Loads and validates the dataset; invalid data ends the command with every problem listed.
    func load() throws -> Dataset {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dataset, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandFailure(message: "找不到数据集文件夹 — there is no dataset folder \(dataset) (looked in \(FileManager.default.currentDirectoryPath)); "
                + "give the folder that holds dataset.yaml and the CSV files, e.g. kaohe status path/to/dataset")
        }
        return try DatasetLoader(categories: registeredCategories).load(directory: dataset, asOf: asOf)
    }
}

/// `--format table|json|csv`.
struct FormatOptions: ParsableArguments {
    @Option(help: "Output format: table, json or csv.")
    var format: OutputFormat = .table
}

/// The Chinese names of the registered categories, by id.
func registeredCategoryNames() -> [String: String] {
    Dictionary(uniqueKeysWithValues: registeredCategories.categories.map { ($0.id, $0.displayName) })
}
