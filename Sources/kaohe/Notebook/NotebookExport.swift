import Foundation
import KaoheCategories
import KaoheCore
import KaoheReports

/// Everything an exported notebook folder holds, built from one standing report.
struct NotebookExport {
    let report: StandingReport
    /// The reproducing command, `kaohe` first.
    let arguments: [String]
    /// The notebook's file name without `.ipynb`: the dataset folder's name.
    let stem: String

    var engine: StandingEngine { report.engine }
    var dataset: Dataset { report.dataset }
    var settings: Settings { dataset.settings }
    var home: Int { settings.home }
    var homeName: String { dataset.units[home].name }
    var notebookName: String { stem + ".ipynb" }
    var command: String { arguments.map(Self.shellQuoted).joined(separator: " ") }
    var topGrade: String { report.gradeNames.first ?? "优秀" }

    /// The dataset folder's last path component, as a plain file name ("notebook" when there is none).
    static func stem(ofDataset path: String) -> String {
        let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
        let plain = String(name.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "-" : $0 })
        return plain.isEmpty || plain == "." || plain == ".." || plain.hasPrefix(".") ? "notebook" : plain
    }

    /// `text` as a POSIX shell word: bare when it is safe, else in single quotes.
    static func shellQuoted(_ text: String) -> String {
        let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=+,@%")
        if !text.isEmpty, text.allSatisfy({ safe.contains($0) }) { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }

    // MARK: The results

    var statusRows: [ProgressStatus] { ForecastEngine.status(dataset, unit: home) }

    var forecastRows: [ForecastView.Row] {
        dataset.indicators.indices.filter { dataset.indicators[$0].measure.hasTarget }
            .map { (unit: home, indicator: $0, forecast: engine.forecasts[indicator: $0, unit: home]) }
    }

    var compareView: CompareView {
        CompareView(dataset: dataset, tables: PeerComparison.tables(dataset, forecasts: engine.forecasts, focus: home, indicators: nil),
                    focus: home, method: engine.forecasts.method)
    }

    var ledger: DepartmentLedger { DepartmentLedger(engine: engine) }
    var risks: RiskAssessment { RiskAssessment(engine: engine) }

    /// The data files, each with what it holds (for the manifest and the narrative).
    func dataFiles() -> [(file: NotebookFile, about: String)] {
        let status = statusRows
        return [
            (NotebookFile(name: "dataset.json", contents: datasetJSON().rendered() + "\n"),
             "数据集说明：名称、单位、等次、指标类别及每项指标的责任领导和部门"),
            (NotebookFile(name: "status.csv", contents: StatusView.csv(status, dataset: dataset)),
             "本县各指标完成率与时序进度（同 `kaohe status --format csv`）"),
            (NotebookFile(name: "forecast.csv", contents: ForecastView.csv(forecastRows, dataset: dataset)),
             "本县年底预测、80%/95% 区间与达标概率（同 `kaohe forecast --format csv`）"),
            (NotebookFile(name: "compare.csv", contents: compareView.csv()),
             "兄弟县区比较：每项指标每个单位的完成率、位次、标准分（同 `kaohe compare --format csv`）"),
            (NotebookFile(name: "standing.json", contents: report.json().rendered() + "\n"),
             "当前、预计与模拟的得分、位次、等次，名次与等次概率，四连优，发力方向（同 `kaohe standing --format json`）"),
            (NotebookFile(name: "standing.csv", contents: report.csv()),
             "各单位得分、位次、等次与等次概率（同 `kaohe standing --format csv`）"),
            (NotebookFile(name: "risks.csv", contents: RisksView(engine: engine, assessment: risks).csv()),
             "风险指标：督办或预警、原因、责任领导和部门（同 `kaohe risks --format csv`）"),
            (NotebookFile(name: "ledger.csv", contents: LedgerView(dataset: dataset, ledger: ledger, method: engine.forecasts.method).csv()),
             "部门责任台账：各部门加减分及事由（同 `kaohe ledger --format csv`）"),
        ]
    }

    /// The notebook, README.md, the data files and MANIFEST.json, in that order.
    func files() -> [NotebookFile] {
        let data = dataFiles()
        let notebook = NotebookFile(name: notebookName, contents: AssessmentNotebook(export: self, dataFiles: data).notebook().rendered())
        let readme = NotebookFile(name: "README.md", contents: readmeText(dataFiles: data))
        let all = [notebook, readme] + data.map(\.file)
        return all + [NotebookFile(name: NotebookFolder.manifestName, contents: manifestJSON(all).rendered() + "\n")]
    }

    func datasetJSON() -> JSONValue {
        let names = registeredCategoryNames()
        var categories: [(String, JSONValue)] = []
        for indicator in dataset.indicators where !categories.contains(where: { $0.0 == indicator.category }) {
            categories.append((indicator.category, .string(names[indicator.category] ?? indicator.category)))
        }
        return .object([
            ("name", .string(settings.name)),
            ("year", .integer(settings.year)),
            ("as_of", .string(settings.asOf.description)),
            ("as_of_label", .string(settings.asOf.chineseLabel)),
            ("home", .object([("id", .string(dataset.units[home].id)), ("name", .string(homeName))])),
            ("units", .array(dataset.units.map { .object([("id", .string($0.id)), ("name", .string($0.name))]) })),
            ("grades", .array(settings.grades.map { .object([("name", .string($0.name)), ("min", .number($0.minimum))]) })),
            ("risk", .object([
                ("warning_below", .number(settings.risk.warningBelow)),
                ("supervision_below", .number(settings.risk.supervisionBelow)),
                ("behind_progress", .number(settings.risk.behindProgress)),
            ])),
            ("history_grades", .object(settings.historyGrades.sorted { $0.key < $1.key }.map { (String($0.key), .string($0.value)) })),
            ("categories", .object(categories)),
            ("indicators", .array(dataset.indicators.map { indicator in
                .object([
                    ("id", .string(indicator.id)),
                    ("name", .string(indicator.name)),
                    ("category", .string(indicator.category)),
                    ("measure", .string(indicator.measure.rawValue)),
                    ("direction", .string(indicator.direction.rawValue)),
                    ("measure_unit", .string(indicator.unit)),
                    ("weight", .number(indicator.weight)),
                    ("leader", .string(indicator.leader)),
                    ("lead_department", .string(indicator.leadDepartment)),
                    ("cooperating_departments", .array(indicator.cooperatingDepartments.map { .string($0) })),
                ])
            })),
        ])
    }

    func manifestJSON(_ files: [NotebookFile]) -> JSONValue {
        .object([
            ("generator", .string(NotebookFolder.generator)),
            ("version", .string(KaoheVersion.description)),
            ("command", .string(command)),
            ("arguments", .array(arguments.map { .string($0) })),
            ("dataset", .object([
                ("folder", .string(stem)),
                ("name", .string(settings.name)),
                ("as_of", .string(settings.asOf.description)),
                ("home", .string(dataset.units[home].id)),
            ])),
            ("method", .string(engine.forecasts.method)),
            ("draws", .integer(report.simulated.draws)),
            ("seed", .number(Double(report.simulated.seed))),
            ("notebook", .string(notebookName)),
            ("files", .array(files.map { file in
                let bytes = file.bytes
                return .object([("path", .string(file.name)), ("bytes", .integer(bytes.count)), ("sha256", .string(SHA256.hex(bytes)))])
            })),
        ])
    }

    func readmeText(dataFiles: [(file: NotebookFile, about: String)]) -> String {
        let table = dataFiles.map { "| `\($0.file.name)` | \($0.about) |" }.joined(separator: "\n")
        return """
        # \(homeName) 考核分析笔记本 / Assessment notebook — \(stem)

        由 Kaohe 导出（\(KaoheVersion.description)）/ Exported by Kaohe (\(KaoheVersion.description)):

        ```sh
        \(command)
        ```

        ## 中文

        - `\(notebookName)`：Jupyter 笔记本，中文叙述，代码单元用 pandas 读入本文件夹中的数据文件，用 matplotlib 作图。
        - 打开并重新运行：`pip install pandas matplotlib jupyter`，然后在本文件夹中运行 `jupyter notebook \(notebookName)`，
          选择“Run All”（全部运行）。代码只读取本文件夹中的文件（相对路径），不调用 kaohe，也不联网。
        - 图中的中文需要 CJK 字体（如 Debian 的 `fonts-noto-cjk`）；没有时照常运行，只是图中汉字显示为方框。
        - 重新生成：运行上面的命令；相同的数据和选项总是生成逐字节相同的文件。`MANIFEST.json` 记录命令、版本和每个文件的 SHA-256。
        - 预测与概率是依据已报数据的统计推算，不代表市考核结果。

        ## English

        - `\(notebookName)`: a Jupyter notebook with a Chinese narrative; its code cells load the data files of this
          folder with pandas and draw them with matplotlib.
        - To open and re-run it: `pip install pandas matplotlib jupyter`, then `jupyter notebook \(notebookName)` in this
          folder, and Run All. The code reads only the files in this folder (relative paths); it neither calls kaohe
          nor uses the network.
        - Chinese labels in the charts need a CJK font (e.g. Debian's `fonts-noto-cjk`); without one the notebook
          still runs, only those glyphs show as boxes.
        - To regenerate: run the command above; the same data and options always give byte-identical files.
          `MANIFEST.json` records the command, the version and every file's SHA-256.

        ## 数据文件 / Data files

        | 文件 | 内容 |
        | --- | --- |
        \(table)

        """
    }
}
