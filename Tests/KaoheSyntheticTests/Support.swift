import Foundation
@testable import KaoheSynthetic

/// A generated dataset read back as rows of fields (the generator writes no quoted fields).
struct GeneratedTables {
    let files: [DatasetFile: [UInt8]]

    init(_ generator: SyntheticGenerator) { files = generator.files() }

    func text(_ file: DatasetFile) -> String { String(decoding: files[file] ?? [], as: UTF8.self) }

    /// The rows of a CSV file as dictionaries keyed by the header.
    func rows(_ file: DatasetFile) -> [[String: String]] {
        let lines = text(file).split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { return [] }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(names, fields))
        }
    }
}

/// A fresh empty folder under the system's temporary folder, removed by `body`'s caller via `defer`.
func temporaryFolder(_ label: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("kaohe-synthetic-tests-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The repository root, found from this file's path (Tests/KaoheSyntheticTests/Support.swift).
func repositoryRoot(file: String = #filePath) -> URL {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}

/// The bytes of every regular file in `folder`, by name.
func folderContents(_ folder: URL) throws -> [String: [UInt8]] {
    var contents: [String: [UInt8]] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        contents[name] = Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }
    return contents
}
