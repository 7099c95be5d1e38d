import Foundation

/// Why a dataset could not be written.
public enum GenerateError: Error, CustomStringConvertible, Equatable {
    /// The output folder has files and `force` was not given.
    case notEmpty(path: String)
    /// `force` was given but the folder holds something other than a dataset's files.
    case notADatasetFolder(path: String, unexpected: [String])
    /// The output path exists and is not a folder.
    case notAFolder(path: String)
    case io(path: String, message: String)

    public var description: String {
        switch self {
        case .notEmpty(let path):
            "\(path) 不是空文件夹；请另选空的或新的文件夹，或用 --force 替换其中的数据集 — "
                + "\(path) is not empty; choose an empty or new folder, or pass --force to replace the dataset in it"
        case .notADatasetFolder(let path, let unexpected):
            "\(path) 中有不属于数据集的文件（\(unexpected.prefix(5).joined(separator: ", "))\(unexpected.count > 5 ? "…" : "")），"
                + "即使用 --force 也不予替换；请另选文件夹 — "
                + "\(path) holds \(unexpected.prefix(5).joined(separator: ", "))\(unexpected.count > 5 ? "…" : ""), "
                + "which is not part of a dataset; "
                + "refusing to replace it even with --force (choose another folder)"
        case .notAFolder(let path):
            "\(path) 已存在且不是文件夹；请给出文件夹路径 — \(path) exists and is not a folder; choose a folder path"
        case .io(let path, let message):
            "读写 \(path) 失败 — \(path): \(message)"
        }
    }
}

extension SyntheticGenerator {
    /// Writes the dataset into `directory` and returns the paths written.
    ///
    /// Every file goes into a temporary folder beside `directory`, renamed into place at the end, so a
    /// failure leaves nothing half-written. An existing non-empty folder is replaced only with `force`,
    /// and only when it holds nothing but a dataset's files.
    @discardableResult
    public func write(to directory: String, force: Bool = false) throws -> [String] {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let targetPath = target.path
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: targetPath, isDirectory: &isFolder)
        var replacing = false
        if exists {
            guard isFolder.boolValue else { throw GenerateError.notAFolder(path: directory) }
            let entries: [String]
            do {
                entries = try manager.contentsOfDirectory(atPath: targetPath).sorted()
            } catch {
                throw GenerateError.io(path: directory, message: "cannot list the folder (\(error.localizedDescription))")
            }
            if !entries.isEmpty {
                guard force else { throw GenerateError.notEmpty(path: directory) }
                let known = Set(DatasetFile.allCases.map(\.fileName))
                let unexpected = entries.filter { !known.contains($0) }
                guard unexpected.isEmpty else {
                    throw GenerateError.notADatasetFolder(path: directory, unexpected: unexpected)
                }
            }
            replacing = true
        }

        let parent = target.deletingLastPathComponent()
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw GenerateError.io(path: parent.path, message: "cannot create the folder (\(error.localizedDescription))")
        }
        let stamp = "\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))"
        let temporary = parent.appendingPathComponent(".\(target.lastPathComponent).generating-\(stamp)")
        do {
            try manager.createDirectory(at: temporary, withIntermediateDirectories: false)
        } catch {
            throw GenerateError.io(path: temporary.path, message: "cannot create a temporary folder (\(error.localizedDescription))")
        }

        do {
            try writeFiles(into: temporary.path)
            if replacing {
                let old = parent.appendingPathComponent(".\(target.lastPathComponent).replaced-\(stamp)")
                try moveIntoPlace(targetPath, old.path)
                try moveIntoPlace(temporary.path, targetPath)
                try? manager.removeItem(at: old)
            } else {
                try moveIntoPlace(temporary.path, targetPath)
            }
        } catch {
            try? manager.removeItem(at: temporary)
            throw error
        }
        return DatasetFile.allCases.map { target.appendingPathComponent($0.fileName).path }
    }

    /// Generates into `folder`, one `FILE` stream per file.
    private func writeFiles(into folder: String) throws {
        var handles: [UnsafeMutablePointer<FILE>] = []
        defer { for handle in handles { fclose(handle) } }
        for file in DatasetFile.allCases {
            let path = folder + "/" + file.fileName
            guard let handle = fopen(path, "wb") else {
                throw GenerateError.io(path: path, message: "cannot create the file (\(String(cString: strerror(errno))))")
            }
            handles.append(handle)
        }
        try generate { file, chunk in
            guard !chunk.isEmpty else { return }
            let written = chunk.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handles[file.rawValue]) }
            guard written == chunk.count else {
                throw GenerateError.io(path: folder + "/" + file.fileName, message: "write failed (\(String(cString: strerror(errno))))")
            }
        }
        for (index, handle) in handles.enumerated() {
            let failed = fflush(handle) != 0
            if failed {
                throw GenerateError.io(
                    path: folder + "/" + DatasetFile.allCases[index].fileName,
                    message: "write failed (\(String(cString: strerror(errno))))"
                )
            }
        }
    }

    private func moveIntoPlace(_ from: String, _ to: String) throws {
        guard rename(from, to) == 0 else {
            throw GenerateError.io(path: to, message: "cannot move \(from) into place (\(String(cString: strerror(errno))))")
        }
    }
}
