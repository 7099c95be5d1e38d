import Foundation

/// An error writing the output folder, with what went wrong in words.
public struct OutputError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Writes a set of files into a folder so that nothing is ever half-written: every file is written
/// into a temporary folder beside the target first; only when all are written are they moved into
/// place (the whole folder renamed when the target does not exist yet, else each file renamed over
/// its old version, which `rename(2)` does atomically).
///
/// The folder keeps a list of the files it was given last time (`.kaohe-files`); files listed there
/// that this run no longer writes (a department that has no notice any more) are removed. Files the
/// list does not name are never touched.
public struct OutputFolder: Sendable {
    /// The name of the list of files written last time.
    public static let manifestName = ".kaohe-files"

    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `files` and returns their paths (`path/relative`), in the order given.
    @discardableResult
    public func write(_ files: [GeneratedFile]) throws -> [String] {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        for file in files where !Self.isSafe(file.path) {
            throw OutputError("拒绝写入 \"\(file.path)\"：输出文件须在 \(path) 之内 — refusing to write \"\(file.path)\": output paths must stay inside \(path)")
        }
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw OutputError("\(path) 已存在且不是文件夹；请给出一个文件夹 — \(path) exists and is not a folder")
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError("无法创建 \(parent.path) — cannot create \(parent.path): \(error.localizedDescription)")
        }
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: true)
            for file in files {
                let url = temporary.appendingPathComponent(file.path)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            let manifest = files.map(\.path).joined(separator: "\n") + "\n"
            try Data(manifest.utf8).write(to: temporary.appendingPathComponent(Self.manifestName))

            if !exists {
                try Self.rename(temporary, to: target)
            } else {
                let previous = (try? String(contentsOf: target.appendingPathComponent(Self.manifestName), encoding: .utf8))?
                    .split(separator: "\n").map(String.init).filter(Self.isSafe) ?? []
                for file in files + [GeneratedFile(path: Self.manifestName, contents: "")] {
                    let destination = target.appendingPathComponent(file.path)
                    try manager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Self.rename(temporary.appendingPathComponent(file.path), to: destination)
                }
                let now = Set(files.map(\.path))
                for old in previous where !now.contains(old) {
                    try? manager.removeItem(at: target.appendingPathComponent(old))
                }
                try? manager.removeItem(at: temporary)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            if let error = error as? OutputError { throw error }
            throw OutputError("无法写入 \(path) — cannot write \(path): \(error.localizedDescription)")
        }
        let prefix = path.hasSuffix("/") ? String(path.dropLast()) : path
        return files.map { prefix + "/" + $0.path }
    }

    /// A relative path without `..`, not absolute, not empty.
    static func isSafe(_ relative: String) -> Bool {
        !relative.isEmpty && !relative.hasPrefix("/")
            && !relative.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0.isEmpty }
    }

    /// POSIX rename: atomic, replaces a file at `destination`.
    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw OutputError("无法把 \(source.path) 移到 \(destination.path) — cannot move \(source.path) to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }
}
