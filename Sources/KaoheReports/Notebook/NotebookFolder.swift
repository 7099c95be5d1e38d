import Foundation

/// One file of an exported notebook folder: a flat name and its text.
public struct NotebookFile: Sendable, Equatable {
    public var name: String
    public var contents: String

    public init(name: String, contents: String) {
        self.name = name
        self.contents = contents
    }

    public var bytes: [UInt8] { Array(contents.utf8) }
}

/// Writes an exported notebook folder all or nothing, and never over someone else's files.
///
/// Every file is written into a temporary folder beside the target; only when all are written does
/// the temporary folder take the target's place (the old export is renamed aside first, then removed).
/// An existing target must be empty, or be an earlier export: a folder whose `MANIFEST.json` says it
/// was written by `kaohe export-notebook` and that holds nothing but the files that manifest lists
/// (and Jupyter's `.ipynb_checkpoints`, which belongs to the old notebook and goes with it).
/// Anything else there — a file of the user's, a folder of another tool — makes the export refuse,
/// with the names, before anything is written.
public struct NotebookFolder: Sendable {
    /// The name of the manifest every export carries.
    public static let manifestName = "MANIFEST.json"
    /// The manifest's `generator`: how an earlier export is recognised.
    public static let generator = "kaohe export-notebook"
    /// What Jupyter leaves beside a notebook it opened; replaced along with the old export.
    public static let tolerated: Set<String> = [".ipynb_checkpoints"]

    public let path: String

    public init(path: String) { self.path = path }

    /// Writes `files` (one of which must be the manifest) and returns their paths (`path/name`).
    @discardableResult
    public func write(_ files: [NotebookFile]) throws -> [String] {
        let manager = FileManager.default
        for file in files where !Self.isPlainName(file.name) {
            throw NotebookFolderError("拒绝写入 \"\(file.name)\"：导出的笔记本文件夹只含普通文件名 — "
                + "refusing to write \"\(file.name)\": an exported notebook folder holds plain file names only")
        }
        guard files.contains(where: { $0.name == Self.manifestName }) else {
            throw NotebookFolderError("导出的笔记本文件夹缺少 \(Self.manifestName) — an exported notebook folder needs its \(Self.manifestName)")
        }
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isDirectory)
        if exists {
            guard isDirectory.boolValue else { throw NotebookFolderError("\(path) 已存在且不是文件夹，不予覆盖 — \(path) exists and is not a folder; refusing to overwrite it") }
            try Self.checkReplaceable(target, shown: path)
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw NotebookFolderError("无法创建 \(parent.path) — cannot create \(parent.path): \(error.localizedDescription)")
        }
        let tag = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).partial-\(tag)")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
            for file in files {
                try Data(file.bytes).write(to: temporary.appendingPathComponent(file.name))
            }
            if exists {
                let aside = parent.appendingPathComponent(".\(target.lastPathComponent).replaced-\(tag)")
                try Self.rename(target, to: aside)
                do {
                    try Self.rename(temporary, to: target)
                } catch {
                    try? Self.rename(aside, to: target)
                    throw error
                }
                try? manager.removeItem(at: aside)
            } else {
                try Self.rename(temporary, to: target)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            if let error = error as? NotebookFolderError { throw error }
            throw NotebookFolderError("无法写入 \(path) — cannot write \(path): \(error.localizedDescription)")
        }
        let prefix = path.hasSuffix("/") ? String(path.dropLast()) : path
        return files.map { prefix + "/" + $0.name }
    }

    /// Throws unless `folder` is empty or an earlier export holding only its own files.
    static func checkReplaceable(_ folder: URL, shown: String) throws {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            throw NotebookFolderError("无法读取 \(shown) — cannot read \(shown): \(error.localizedDescription)")
        }
        if entries.isEmpty { return }
        guard let listed = earlierExport(folder) else {
            throw NotebookFolderError("\(shown) 不是空文件夹，也不是 kaohe 导出的笔记本文件夹，不予覆盖；请给出新的或空的文件夹 — "
                + "\(shown) is not empty and is not a notebook folder written by kaohe (no \(manifestName) of "
                + "\(generator) in it); refusing to overwrite it — give a new or empty folder")
        }
        let foreign = entries.filter { !listed.contains($0) && $0 != manifestName && !tolerated.contains($0) }
        guard foreign.isEmpty else {
            throw NotebookFolderError("\(shown) 中有并非 kaohe 写入的文件（\(foreign.joined(separator: ", "))），不予覆盖；请移走它们或另给文件夹 — "
                + "\(shown) holds files kaohe did not write (\(foreign.joined(separator: ", "))); "
                + "refusing to overwrite them — move them away or give another folder")
        }
    }

    /// The files an earlier export's manifest lists, or nil when `folder` holds no such manifest.
    static func earlierExport(_ folder: URL) -> Set<String>? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(manifestName)),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["generator"] as? String == generator,
              let files = object["files"] as? [[String: Any]]
        else { return nil }
        return Set(files.compactMap { $0["path"] as? String })
    }

    /// A plain file name: not empty, no `/`, not `.` or `..`.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && name != "." && name != ".."
    }

    static func rename(_ source: URL, to destination: URL) throws {
        guard Foundation.rename(source.path, destination.path) == 0 else {
            throw NotebookFolderError("无法把 \(source.path) 移到 \(destination.path) — cannot move \(source.path) to \(destination.path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Why an exported notebook folder could not be written, in words.
public struct NotebookFolderError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}
