import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory export-notebooks [--dataset DIR]… [kaohe options]`
///
/// Builds `kaohe` in release mode through the package manager (so a plain `swift build` never builds a host
/// copy for this plugin), then runs `kaohe export-notebook DIR --out notebooks-export/<folder name of DIR>`
/// in the package folder for each dataset (default: the bundled datasets/ankang-2019). Options it does not
/// know (`--draws`, `--seed`, `--method`, `--as-of`) go on to kaohe. The committed notebooks-export/ is what
/// this writes with no options; NotebookTests regenerates it the same way and compares.
@main
struct ExportNotebooks: CommandPlugin {
    /// The bundled dataset, and the folder its notebook is committed in.
    static let bundledDataset = "datasets/ankang-2019"
    static let exportRoot = "notebooks-export"

    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let datasets = extractor.extractOption(named: "dataset")
        let passOn = extractor.remainingArguments

        Diagnostics.remark("export-notebooks: building kaohe (release)…")
        let build = try packageManager.build(.product("kaohe"), parameters: .init(configuration: .release, logging: .concise))
        guard build.succeeded else {
            Diagnostics.error("export-notebooks: building kaohe failed:\n\(build.logText)")
            throw ExportFailure("building kaohe failed")
        }
        guard let kaohe = build.builtArtifacts.first(where: { $0.kind == .executable && $0.url.lastPathComponent == "kaohe" }) else {
            throw ExportFailure("the build produced no kaohe executable")
        }

        let root = context.package.directoryURL
        for dataset in datasets.isEmpty ? [Self.bundledDataset] : datasets {
            let name = URL(fileURLWithPath: dataset).standardizedFileURL.lastPathComponent
            let out = "\(Self.exportRoot)/\(name)"
            let process = Process()
            process.executableURL = kaohe.url
            process.arguments = ["export-notebook", dataset, "--out", out] + passOn
            process.currentDirectoryURL = root
            try process.run()
            process.waitUntilExit()
            guard process.terminationReason == .exit, process.terminationStatus == 0 else {
                throw ExportFailure("kaohe export-notebook \(dataset) --out \(out) failed (status \(process.terminationStatus))")
            }
        }
    }
}

struct ExportFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = "export-notebooks: " + description }
}
