import Foundation
import Testing

/// `kaohe report`, `summary`, `bulletin`, `notices` and `risks` end to end on the bundled dataset: the
/// files written, the paths printed, and the numbers against `standing`, `forecast`, `ledger` and `risks`.
private enum ReportRuns {
    static let draws = "1000"

    static func temporaryFolder(_ name: String) -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-cli-\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// One `kaohe report` run shared by the tests that read its files.
    static let report: (folder: URL, result: KaoheProcess.Result)? = {
        let folder = temporaryFolder("report").appendingPathComponent("ankang")
        guard let result = try? KaoheProcess.run(["report", "datasets/ankang-2019", "--out", folder.path, "--draws", draws])
        else { return nil }
        return (folder, result)
    }()

    static func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try KaoheProcess.run(arguments)
        guard result.status == 0 else {
            throw CLIError("kaohe \(arguments.joined(separator: " ")) failed: \(result.standardError)")
        }
        guard let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] else {
            throw CLIError("not a JSON object")
        }
        return object
    }

    static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

    /// The value of attribute `name` in the first tag after `marker`.
    static func attribute(_ name: String, in html: String, after marker: String) -> String? {
        guard let start = html.range(of: marker) else { return nil }
        let rest = html[start.upperBound...]
        guard let key = rest.range(of: " \(name)=\"") else { return nil }
        let value = rest[key.upperBound...]
        return value.firstIndex(of: "\"").map { String(value[..<$0]) }
    }

    /// Every (first attribute, second attribute) pair of tags `<tag first="…" second="…"`.
    static func pairs(_ html: String, tag: String, _ first: String, _ second: String) -> [(String, String)] {
        let pattern = "<\(tag) \(first)=\"([^\"]*)\" \(second)=\"([^\"]*)\""
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            guard let a = Range(match.range(at: 1), in: html), let b = Range(match.range(at: 2), in: html) else { return nil }
            return (String(html[a]), String(html[b]))
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(a), abs(b)) }
}

private struct CLIError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

@Suite struct ReportCommandTests {
    @Test func reportWritesEveryFileAndPrintsEachPath() throws {
        let run = try #require(ReportRuns.report)
        #expect(run.result.status == 0, "\(run.result.standardError)")
        let printed = run.result.standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix(run.folder.path) }
        let expected = ["index.html", "summary-2019-08.html", "bulletin-2019-Q3.html", "notices/index.html"]
        for name in expected { #expect(printed.contains(run.folder.path + "/" + name), "\(name) not printed") }
        for path in printed { #expect(FileManager.default.fileExists(atPath: path), "\(path) printed but missing") }
        let notices = printed.filter { $0.contains("/notices/notice-") }
        #expect(!notices.isEmpty)
        // Every notice and every leader's overview comes as HTML and Markdown.
        for html in printed.filter({ $0.contains("/notices/") && $0.hasSuffix(".html") && !$0.hasSuffix("index.html") }) {
            #expect(printed.contains(String(html.dropLast(5)) + ".md"))
        }
        // Nothing half-written is left beside the folder.
        let parent = run.folder.deletingLastPathComponent()
        let siblings = try FileManager.default.contentsOfDirectory(atPath: parent.path)
        #expect(siblings == ["ankang"])
        // The terminal shows the headline and the top risks.
        #expect(run.result.standardOutput.contains("当前：第"))
        #expect(run.result.standardOutput.contains("风险指标：督办"))
    }

    @Test func theHeadlineIsWhatStandingSays() throws {
        let run = try #require(ReportRuns.report)
        let html = try ReportRuns.read(run.folder.appendingPathComponent("summary-2019-08.html"))
        let standing = try ReportRuns.json(["standing", "datasets/ankang-2019", "--format", "json", "--draws", ReportRuns.draws])
        let units = try #require(standing["units"] as? [[String: Any]])
        let home = try #require(units.first { $0["unit"] as? String == "ningshan" })
        let current = try #require(home["current"] as? [String: Any])
        let projected = try #require(home["projected"] as? [String: Any])
        let simulated = try #require(home["simulated"] as? [String: Any])
        let marker = "id=\"headline\""
        func number(_ name: String) throws -> Double {
            try #require(ReportRuns.attribute(name, in: html, after: marker).flatMap(Double.init))
        }
        #expect(try number("data-current-rank") == (current["rank"] as? Double))
        #expect(try number("data-projected-rank") == (projected["rank"] as? Double))
        #expect(try number("data-unit-count") == Double(units.count))
        #expect(ReportRuns.isClose(try number("data-current-total"), try #require(current["total"] as? Double)))
        #expect(ReportRuns.isClose(try number("data-projected-total"), try #require(projected["total"] as? Double)))
        let grades = try #require(simulated["grade_probabilities"] as? [String: Double])
        #expect(ReportRuns.isClose(try number("data-top-grade-probability"), try #require(grades["优秀"])))
        let rank = try #require(current["rank"] as? Double)
        #expect(html.contains("id=\"current-rank\">第\(Int(rank))名<small>／\(units.count)</small>"))
        // The terminal headline agrees too.
        #expect(run.result.standardOutput.contains("当前：第\(Int(rank))名（共\(units.count)个单位）"))
    }

    @Test func indicatorRowsAreWhatForecastSays() throws {
        let run = try #require(ReportRuns.report)
        let html = try ReportRuns.read(run.folder.appendingPathComponent("summary-2019-08.html"))
        let forecast = try ReportRuns.json(["forecast", "datasets/ankang-2019", "--format", "json"])
        let rows = try #require(forecast["forecasts"] as? [[String: Any]])
        var compared = 0
        for row in rows {
            guard let id = row["indicator"] as? String, let value = row["forecast"] as? Double else { continue }
            let marker = "<tr data-indicator=\"\(id)\" data-completion"
            let shown = try #require(ReportRuns.attribute("data-forecast", in: html, after: marker).flatMap(Double.init))
            #expect(ReportRuns.isClose(shown, value), "\(id)")
            if let p = row["p_meet"] as? Double {
                let shownP = try #require(ReportRuns.attribute("data-p-meet", in: html, after: marker).flatMap(Double.init))
                #expect(ReportRuns.isClose(shownP, p), "\(id)")
            }
            compared += 1
        }
        #expect(compared >= 20)
    }

    @Test func ledgerRowsAreWhatLedgerSays() throws {
        let run = try #require(ReportRuns.report)
        let html = try ReportRuns.read(run.folder.appendingPathComponent("summary-2019-08.html"))
        let ledger = try ReportRuns.json(["ledger", "datasets/ankang-2019", "--format", "json"])
        let departments = try #require(ledger["departments"] as? [[String: Any]])
        let shown = Dictionary(ReportRuns.pairs(html, tag: "tr", "data-department", "data-total")
            .map { (ReportRuns.unescape($0.0), Double($0.1) ?? .nan) }, uniquingKeysWith: { a, _ in a })
        #expect(shown.count == departments.count)
        for department in departments {
            let name = try #require(department["department"] as? String)
            let total = try #require(department["total"] as? Double)
            #expect(ReportRuns.isClose(try #require(shown[name]), total), "\(name)")
        }
    }

    @Test func risksJSONFollowsTheContractAndTheReportsShowTheSameRisks() throws {
        let run = try #require(ReportRuns.report)
        let json = try ReportRuns.json(["risks", "datasets/ankang-2019", "--format", "json"])
        let risks = try #require(json["risks"] as? [[String: Any]])
        #expect(!risks.isEmpty)
        for risk in risks {
            for key in ["indicator", "level", "reasons", "leader", "lead_department", "p_meet"] {
                #expect(risk.keys.contains(key), "missing \(key)")
            }
            let level = try #require(risk["level"] as? String)
            #expect(level == "warning" || level == "supervision")
            let reasons = try #require(risk["reasons"] as? [[String: Any]])
            let levels = reasons.compactMap { $0["level"] as? String }
            #expect(!reasons.isEmpty && levels.count == reasons.count)
            #expect(level == (levels.contains("supervision") ? "supervision" : "warning"))
            #expect(reasons.allSatisfy { ($0["code"] as? String)?.isEmpty == false && ($0["text"] as? String)?.isEmpty == false })
            #expect(reasons.filter { $0["code"] as? String == "p_meet" }.count <= 1)
        }
        let html = try ReportRuns.read(run.folder.appendingPathComponent("summary-2019-08.html"))
        let shown = ReportRuns.pairs(html, tag: "tr", "data-indicator", "data-level")
        #expect(shown.map(\.0) == risks.compactMap { $0["indicator"] as? String })
        #expect(shown.map(\.1) == risks.compactMap { $0["level"] as? String })
        // Every department named on a lagging indicator has a notice.
        let written = run.result.standardOutput
        for risk in risks {
            let lead = try #require(risk["lead_department"] as? String)
            #expect(written.contains("-\(lead).html"), "no notice for \(lead)")
        }
    }

    @Test func hostileNamesInTheDataShowAsTextInEveryFile() throws {
        // A copy of the bundled dataset with <script>, quotes and ampersands in names.
        let root = ReportRuns.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: root) }
        let data = root.appendingPathComponent("data")
        try FileManager.default.copyItem(at: KaoheProcess.repositoryRoot.appendingPathComponent("datasets/ankang-2019"), to: data)
        let indicators = data.appendingPathComponent("indicators.csv")
        var lines = try ReportRuns.read(indicators).components(separatedBy: "\n")
        // retail_sales is at risk in the bundled data, so its lead department gets a notice.
        let index = try #require(lines.firstIndex { $0.hasPrefix("retail_sales,") })
        lines[index] = "retail_sales,\"<script>alert(\"\"零售\"\")</script> & 消费\",quantitative,cumulative,亿元,higher,4,"
            + "\"张\"\"县长\"\" & <b>\",\"县<img src=x onerror=alert(1)>商务局 & \"\"x\"\"\",县统计局;县市场监管局,市统计局"
        try lines.joined(separator: "\n").write(to: indicators, atomically: true, encoding: .utf8)
        let yaml = data.appendingPathComponent("dataset.yaml")
        let settings = try ReportRuns.read(yaml).replacingOccurrences(
            of: "{id: ningshan, name: 宁陕县}", with: "{id: ningshan, name: \"宁陕<script>县 & 'x'\"}")
        try settings.write(to: yaml, atomically: true, encoding: .utf8)

        let out = root.appendingPathComponent("out")
        let result = try KaoheProcess.run(["report", data.path, "--out", out.path, "--draws", "300"])
        #expect(result.status == 0, "\(result.standardError)")
        let printed = result.standardOutput.split(separator: "\n").map(String.init).filter { $0.hasPrefix(out.path) }
        #expect(printed.count > 10)
        var sawEscaped = false
        for path in printed {
            let text = try ReportRuns.read(URL(fileURLWithPath: path))
            let lower = text.lowercased()
            #expect(!lower.contains("<script"), "raw <script> in \(path)")
            #expect(!lower.contains("<img"), "raw <img> in \(path)")
            #expect(!text.contains("& <b>"), "raw <b> from the data in \(path)")
            if text.contains("&lt;script&gt;alert(&quot;零售&quot;)&lt;/script&gt; &amp; 消费") { sawEscaped = true }
        }
        #expect(sawEscaped)
        // The department's notice exists under a plain file name.
        #expect(printed.contains { $0.contains("/notices/notice-督办-") && $0.contains("县_img_src_x_onerror_alert_1__商务局") })
    }

    @Test func summaryOfAnEarlierMonthUsesTheDataAsOfThatMonth() throws {
        let out = ReportRuns.temporaryFolder("summary")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try KaoheProcess.run(["summary", "--month", "2019-06", "--out", out.path, "--draws", "300"])
        #expect(result.status == 0, "\(result.standardError)")
        let path = out.appendingPathComponent("summary-2019-06.html").path
        #expect(result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == path)
        let html = try ReportRuns.read(URL(fileURLWithPath: path))
        #expect(html.contains("数据截至2019年6月"))
        let standing = try ReportRuns.json(["standing", "--as-of", "2019-06", "--format", "json", "--draws", "300", "--no-where-to-push"])
        let units = try #require(standing["units"] as? [[String: Any]])
        let home = try #require(units.first { $0["unit"] as? String == "ningshan" })
        let current = try #require(home["current"] as? [String: Any])
        let shown = ReportRuns.attribute("data-current-rank", in: html, after: "id=\"headline\"").flatMap(Double.init)
        #expect(shown == (current["rank"] as? Double))
        // A month after the data's as_of, or of another year, is a usage error.
        #expect(try KaoheProcess.run(["summary", "--month", "2019-10", "--out", out.path]).status == 2)
        #expect(try KaoheProcess.run(["summary", "--month", "2018-06", "--out", out.path]).status == 2)
    }

    @Test func bulletinOfAQuarterNotOverSaysSoAndLaterQuartersAreRefused() throws {
        let out = ReportRuns.temporaryFolder("bulletin")
        defer { try? FileManager.default.removeItem(at: out) }
        let q3 = try KaoheProcess.run(["bulletin", "--quarter", "2019-Q3", "--out", out.path, "--draws", "300"])
        #expect(q3.status == 0, "\(q3.standardError)")
        let html = try ReportRuns.read(out.appendingPathComponent("bulletin-2019-Q3.html"))
        #expect(html.contains("2019年第三季度尚未结束，本通报使用截至2019年8月的数据。"))
        let q2 = try KaoheProcess.run(["bulletin", "--quarter", "2019-Q2", "--out", out.path, "--draws", "300"])
        #expect(q2.status == 0)
        let june = try ReportRuns.read(out.appendingPathComponent("bulletin-2019-Q2.html"))
        #expect(june.contains("数据截至2019年6月") && !june.contains("尚未结束"))
        #expect(try KaoheProcess.run(["bulletin", "--quarter", "2019-Q4", "--out", out.path]).status == 2)
        #expect(try KaoheProcess.run(["bulletin", "--quarter", "2019-3", "--out", out.path]).status == 2)
    }

    @Test func noticesWritesHTMLAndMarkdownAndPrintsThePaths() throws {
        let out = ReportRuns.temporaryFolder("notices")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try KaoheProcess.run(["notices", "--out", out.path])
        #expect(result.status == 0, "\(result.standardError)")
        let printed = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(printed.contains(out.path + "/index.html"))
        #expect(printed.allSatisfy { FileManager.default.fileExists(atPath: $0) })
        let supervision = try #require(printed.first { $0.contains("notice-督办-01-") && $0.hasSuffix(".html") })
        let html = try ReportRuns.read(URL(fileURLWithPath: supervision))
        #expect(html.contains("督办单") && html.contains("〔2019〕1号") && html.contains("2019年9月15日前"))
        #expect(html.contains("县考核办"))
        let markdown = try ReportRuns.read(URL(fileURLWithPath: String(supervision.dropLast(5)) + ".md"))
        #expect(markdown.hasPrefix("# "))
        #expect(markdown.contains("| 序号 |"))
        #expect(printed.contains { $0.contains("/leader-") && $0.hasSuffix(".md") })
    }

    @Test func risksTableNamesTheLevels() throws {
        let result = try KaoheProcess.run(["risks"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("督办"))
        #expect(result.standardOutput.contains("达标概率"))
    }
}
