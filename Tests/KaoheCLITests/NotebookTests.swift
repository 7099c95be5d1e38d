import Foundation
import Testing

/// `kaohe export-notebook` and the committed notebooks-export/: the notebook is valid nbformat and runs top
/// to bottom in a fresh Python kernel (script/check-notebooks, with nbformat and nbclient), the committed
/// export is exactly what the command writes today, and an export never lands over someone else's files.
@Suite(.serialized) struct NotebookTests {
    static let packages = "nbformat nbclient ipykernel pandas matplotlib"
    static let install = "python3 -m pip install \(packages)"
    /// The committed export of the bundled dataset, and the command that writes it (as the ExportNotebooks
    /// plugin runs it, in the package folder).
    static let committed = "notebooks-export/ankang-2019"
    static let exportArguments = ["export-notebook", "datasets/ankang-2019", "--out", committed]

    /// Runs `python3 arguments…` in the repository root; output and error together.
    private func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        process.currentDirectoryURL = KaoheProcess.repositoryRoot
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-notebook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func json(_ url: URL) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    private func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".ipynb_checkpoints" }.sorted()
    }

    @Test(.timeLimit(.minutes(10)))
    func committedNotebooksValidateAndRunInAFreshKernel() throws {
        let root = KaoheProcess.repositoryRoot.appendingPathComponent("notebooks-export")
        let notebooks = (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".ipynb") && !$0.contains(".ipynb_checkpoints") }
        #expect(notebooks.contains("ankang-2019/ankang-2019.ipynb"), "no exported notebook under \(root.path): \(notebooks)")

        let result: (status: Int32, output: String)
        do {
            result = try python(["script/check-notebooks", "notebooks-export"])
        } catch {
            Issue.record("cannot run python3 (\(error)); the notebook checks need Python 3 with: \(Self.install)")
            return
        }
        switch result.status {
        case 0:
            #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
        case 3:
            Issue.record("""
                The Python packages the notebook checks need are missing: install them with
                    \(Self.install)
                (script/test does so before `swift test`).
                \(result.output)
                """)
        case 127:
            Issue.record("python3 is not on PATH; the notebook checks need Python 3 with: \(Self.install)\n\(result.output)")
        default:
            Issue.record("script/check-notebooks failed (status \(result.status)):\n\(result.output)")
        }
    }

    @Test func regeneratedBundledNotebookMatchesTheCommittedOne() throws {
        // The same command in a scratch folder whose datasets/ is the repository's: the same arguments, so
        // the same bytes; only the version of kaohe that wrote them may differ (volatile metadata).
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createSymbolicLink(
            at: scratch.appendingPathComponent("datasets"),
            withDestinationURL: KaoheProcess.repositoryRoot.appendingPathComponent("datasets"))
        let result = try KaoheProcess.run(Self.exportArguments, in: scratch)
        #expect(result.status == 0, "\(result.standardError)")
        let fresh = scratch.appendingPathComponent(Self.committed)
        let committed = KaoheProcess.repositoryRoot.appendingPathComponent(Self.committed)
        let regenerate = "regenerate it: swift package --allow-writing-to-package-directory export-notebooks"

        #expect(try files(in: committed) == files(in: fresh), "the committed export has other files; \(regenerate)")
        let committedVersion = try #require(json(committed.appendingPathComponent("MANIFEST.json"))["version"] as? String)
        let freshVersion = try #require(json(fresh.appendingPathComponent("MANIFEST.json"))["version"] as? String)
        for name in try files(in: fresh) {
            let old = committed.appendingPathComponent(name)
            let new = fresh.appendingPathComponent(name)
            if name == "MANIFEST.json" {
                #expect(try normalizedManifest(old) == normalizedManifest(new), "MANIFEST.json differs; \(regenerate)")
                continue
            }
            guard FileManager.default.fileExists(atPath: old.path) else { continue }
            let before = try String(contentsOf: old, encoding: .utf8).replacingOccurrences(of: committedVersion, with: freshVersion)
            let after = try String(contentsOf: new, encoding: .utf8)
            if before != after {
                let oldLines = before.split(separator: "\n", omittingEmptySubsequences: false)
                let newLines = after.split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(zip(oldLines, newLines)).firstIndex { $0 != $1 } ?? min(oldLines.count, newLines.count)
                Issue.record("""
                    \(Self.committed)/\(name) differs from a fresh export at line \(line + 1); \(regenerate)
                    committed: \(line < oldLines.count ? String(oldLines[line]) : "(end)")
                    fresh:     \(line < newLines.count ? String(newLines[line]) : "(end)")
                    """)
            }
        }
    }

    /// The manifest without the volatile parts: kaohe's version, and the size and hash of the two files
    /// that quote it (the notebook and README.md); every data file's hash stays.
    private func normalizedManifest(_ url: URL) throws -> Data {
        var manifest = try json(url)
        manifest["version"] = nil
        let files = try #require(manifest["files"] as? [[String: Any]])
        manifest["files"] = files.map { file -> [String: Any] in
            guard let path = file["path"] as? String, path.hasSuffix(".ipynb") || path == "README.md" else { return file }
            return ["path": path]
        }
        return try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
    }

    @Test func notebookIsCleanNbformatWithStableIdsAndRelativePaths() throws {
        let notebook = try json(KaoheProcess.repositoryRoot.appendingPathComponent("\(Self.committed)/ankang-2019.ipynb"))
        #expect(notebook["nbformat"] as? Int == 4)
        #expect(notebook["nbformat_minor"] as? Int == 5)
        let cells = try #require(notebook["cells"] as? [[String: Any]])
        #expect(cells.count > 10)
        let text = { (cell: [String: Any]) in (cell["source"] as? [String] ?? []).joined() }
        for (index, cell) in cells.enumerated() {
            #expect(cell["id"] as? String == String(format: "cell-%02d", index + 1))
            if cell["cell_type"] as? String == "code" {
                #expect((cell["outputs"] as? [Any])?.isEmpty == true)
                #expect(cell["execution_count"] is NSNull)
                for absolute in ["\"/", "'/", "\"~/", "/work/", "/tmp/", "/home/"] {
                    #expect(!text(cell).contains(absolute), "code cell \(index + 1) names an absolute path")
                }
            }
        }
        // The narrative: what the assessment is, the standing, the reproducing command and the font note.
        let markdown = cells.filter { $0["cell_type"] as? String == "markdown" }.map(text).joined(separator: "\n")
        for needle in ["考核是什么", "完成率与时序进度", "年底预测", "兄弟县区", "等次的概率", "风险指标", "部门责任台账",
                       "kaohe export-notebook datasets/ankang-2019 --out notebooks-export/ankang-2019 --method blend --draws 10000 --seed 1",
                       "fonts-noto-cjk", "方框"] {
            #expect(markdown.contains(needle), "the narrative lacks \(needle)")
        }
        let code = cells.filter { $0["cell_type"] as? String == "code" }.map(text).joined(separator: "\n")
        for needle in ["pd.read_csv(\"status.csv\")", "pd.read_csv(\"forecast.csv\")", "pd.read_csv(\"compare.csv\")",
                       "standing.json", "risks.csv", "pd.read_csv(\"ledger.csv\")", "rank_probabilities", "grade_probabilities",
                       "plt.show()"] {
            #expect(code.contains(needle), "the code cells lack \(needle)")
        }
        let metadata = try #require(notebook["metadata"] as? [String: Any])
        #expect((metadata["kernelspec"] as? [String: Any])?["name"] as? String == "python3")
    }

    @Test func exportRefusesForeignContentAndReplacesItsOwn() throws {
        let scratch = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: scratch) }
        let dataset = KaoheProcess.repositoryRoot.appendingPathComponent("datasets/ankang-2019").path
        func export(_ out: URL) throws -> KaoheProcess.Result {
            try KaoheProcess.run(["export-notebook", dataset, "--out", out.path, "--draws", "200"], in: scratch)
        }

        // A new folder: written, every path printed, nothing left behind in the parent.
        let out = scratch.appendingPathComponent("notebook")
        let first = try export(out)
        #expect(first.status == 0, "\(first.standardError)")
        let written = first.standardOutput.split(separator: "\n").map(String.init)
        #expect(written.contains(out.path + "/ankang-2019.ipynb"))
        #expect(written.contains(out.path + "/MANIFEST.json"))
        #expect(try files(in: out).count == written.count)
        #expect(try files(in: scratch) == ["notebook"], "temporary folders left behind")
        let manifest = try json(out.appendingPathComponent("MANIFEST.json"))
        #expect(manifest["command"] as? String
                == "kaohe export-notebook \(dataset) --out \(out.path) --method blend --draws 200 --seed 1")

        // Its own earlier export (with Jupyter's checkpoints): replaced, byte for byte the same again.
        let notebook = try Data(contentsOf: out.appendingPathComponent("ankang-2019.ipynb"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".ipynb_checkpoints"), withIntermediateDirectories: true)
        let second = try export(out)
        #expect(second.status == 0, "\(second.standardError)")
        #expect(try Data(contentsOf: out.appendingPathComponent("ankang-2019.ipynb")) == notebook)
        #expect(try files(in: scratch) == ["notebook"])

        // Someone else's file in it: refused, nothing touched.
        let note = out.appendingPathComponent("my-notes.txt")
        try Data("mine".utf8).write(to: note)
        let refused = try export(out)
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("my-notes.txt"))
        #expect(try String(contentsOf: note, encoding: .utf8) == "mine")
        #expect(try Data(contentsOf: out.appendingPathComponent("ankang-2019.ipynb")) == notebook)

        // A folder that is not an export at all: refused.
        let other = scratch.appendingPathComponent("other")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: other.appendingPathComponent("data.csv"))
        let foreign = try export(other)
        #expect(foreign.status == 1)
        #expect(foreign.standardError.contains("refusing"))
        #expect(try files(in: other) == ["data.csv"])

        // An empty folder is fine; --out is required.
        let empty = scratch.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(try export(empty).status == 0)
        #expect(try KaoheProcess.run(["export-notebook", dataset], in: scratch).status == 2)
    }
}
