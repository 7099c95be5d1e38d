import Foundation
import KaoheCore
import Testing
@testable import KaoheReports

@Suite struct ReportHtmlMarkupTests {
    @Test func interpolatedTextIsEscapedAndMarkupIsNot() {
        let name = "<script>alert(\"x\")</script> & 'y'"
        let cell: Markup = "<td title=\"\(name)\">\(name)</td>"
        #expect(cell.html == "<td title=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;\">"
            + "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;</td>")
        let inner: Markup = "<b>\(name)</b>"
        let outer: Markup = "<p>\(inner)</p>"
        #expect(outer.html.hasPrefix("<p><b>&lt;script&gt;"))
    }

    @Test func controlCharactersAreDropped() {
        #expect(HTML.escape("a\u{0}b\u{7}c\td\ne") == "abc\td\ne")
    }

    @Test func markdownShowsDataAsText() {
        #expect(Markdown.escape("<script>|*x*_[a](b)") == "&lt;script&gt;\\|\\*x\\*\\_\\[a\\](b)")
        var table = Markdown.Table(headers: ["指标", "原因"])
        table.append(["a|b", "line\nbreak"])
        #expect(table.rendered() == "| 指标 | 原因 |\n| --- | --- |\n| a\\|b | line break |")
    }

    @Test func fileNamesKeepLettersOfAnyScript() {
        #expect(FileNames.safe("县<script>局") == "县_script_局")
        #expect(FileNames.safe("../../etc/passwd") == "______etc_passwd")
        #expect(FileNames.href("notice-督办-01.html") == "notice-%E7%9D%A3%E5%8A%9E-01.html")
    }
}

@Suite struct ReportChineseFormatTests {
    static let rate = Indicator(id: "g", name: "地区生产总值增速", category: "quantitative", measure: .rate, unit: "%",
                                direction: .higher, weight: 5, leader: "", leadDepartment: "", cooperatingDepartments: [],
                                source: "")

    @Test func amountsAndRatesAsOfficialDocumentsWriteThem() {
        #expect(ChineseFormat.amount(12.346, unit: "亿元") == "12.35亿元")
        #expect(ChineseFormat.amount(69, unit: "亿元") == "69亿元")
        #expect(ChineseFormat.amount(618.26, unit: "亿元") == "618.3亿元")
        #expect(ChineseFormat.amount(19300, unit: "万元") == "19300万元")
        #expect(ChineseFormat.value(8.5, indicator: Self.rate) == "增长8.5%")
        #expect(ChineseFormat.value(-1.25, indicator: Self.rate) == "下降1.25%")
        #expect(ChineseFormat.percent(0.932) == "93.2%")
        #expect(ChineseFormat.amount(nil, unit: "亿元") == "—")
    }

    @Test func changesInPercentagePoints() {
        #expect(ChineseFormat.pointChange(0.021) == "提高2.1个百分点")
        #expect(ChineseFormat.pointChange(-0.082) == "下降8.2个百分点")
        #expect(ChineseFormat.pointChange(0.0004) == "持平")
        #expect(ChineseFormat.progressGap(-0.082) == "落后8.2个百分点")
        #expect(ChineseFormat.rankChange(from: 5, to: 3) == "上升2位")
        #expect(ChineseFormat.rankChange(from: 3, to: 4) == "下降1位")
    }

    @Test func significantDigits() {
        #expect(ChineseFormat.number(0.12723, significant: 3) == "0.127")
        #expect(ChineseFormat.number(20.09, significant: 3) == "20.1")
        #expect(ChineseFormat.number(2456.7, significant: 3) == "2457")
        #expect(ChineseFormat.number(0.0123, significant: 3) == "0.0123")
    }

    @Test func datesMonthsAndQuarters() {
        #expect(ChineseFormat.month(YearMonth(year: 2019, month: 8)) == "2019年8月")
        #expect(ChineseFormat.date(CalendarDate(year: 2019, month: 9, day: 15)) == "2019年9月15日")
        #expect(ChineseFormat.quarter(YearQuarter(year: 2019, quarter: 3)) == "2019年第三季度")
        #expect(ChineseFormat.probability(0.0004) == "不足0.1%")
        #expect(ChineseFormat.probability(0.632) == "63.2%")
    }
}

@Suite struct ReportOutputFolderTests {
    static func temporary() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kaohe-output-\(UUID().uuidString)")
    }

    @Test func writesEveryFileAndReplacesOnlyItsOwn() throws {
        let root = ReportOutputFolderTests.temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("report").path
        let first = try OutputFolder(path: folder).write([
            GeneratedFile(path: "a.html", contents: "A1"),
            GeneratedFile(path: "notices/b.html", contents: "B1"),
        ])
        #expect(first == [folder + "/a.html", folder + "/notices/b.html"])
        #expect(try String(contentsOfFile: folder + "/notices/b.html", encoding: .utf8) == "B1")
        // A file of the user's own beside ours.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder + "/notes.txt"))
        // Second run: a.html rewritten, b.html no longer written (removed), c.html new.
        try OutputFolder(path: folder).write([
            GeneratedFile(path: "a.html", contents: "A2"),
            GeneratedFile(path: "notices/c.html", contents: "C2"),
        ])
        #expect(try String(contentsOfFile: folder + "/a.html", encoding: .utf8) == "A2")
        #expect(!FileManager.default.fileExists(atPath: folder + "/notices/b.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/notices/c.html"))
        #expect(FileManager.default.fileExists(atPath: folder + "/notes.txt"))
        // No temporary folder is left beside it.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0 != "report" }
        #expect(leftovers.isEmpty)
    }

    @Test func refusesPathsOutsideTheFolderAndWritesNothing() throws {
        let root = ReportOutputFolderTests.temporary()
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("report").path
        #expect(throws: OutputError.self) {
            try OutputFolder(path: folder).write([GeneratedFile(path: "ok.html", contents: "x"),
                                                  GeneratedFile(path: "../escape.html", contents: "x")])
        }
        #expect(!FileManager.default.fileExists(atPath: folder))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("escape.html").path))
    }
}
