import Testing
@testable import KaoheReports

@Suite struct ReportChartTests {
    static func fan(month: Int = 8, logScale: Bool = true) -> ForecastFanChart {
        ForecastFanChart(title: "全社会固定资产投资", unit: "亿元",
                         values: (1...12).map { $0 <= month ? Double($0) * 5 : nil },
                         lastYear: (1...12).map { Double($0) * 4.8 }, month: month, forecast: 62,
                         lo80: 57, hi80: 67, lo95: 54, hi95: 71, target: 69, logScale: logScale)
    }

    @Test func theFanStartsAtTheLatestValueAndEndsOnTheForecastInterval() {
        for logScale in [true, false] {
            let chart = Self.fan(logScale: logScale)
            let start = 40.0
            #expect(abs(chart.center(at: 8, from: start) - 40) < 1e-12)
            let december = chart.center(at: 12, from: start)
            #expect(abs(december - 62) < 1e-9)
            // At December each band edge is the forecast's own quantile; at the latest month, no spread.
            #expect(abs(chart.edge(67, at: 12, center: december) - 67) < 1e-9)
            #expect(abs(chart.edge(54, at: 12, center: december) - 54) < 1e-9)
            #expect(abs(chart.edge(71, at: 8, center: 40) - 40) < 1e-12)
            // In between, the 95% band is wider than the 80% band.
            let mid = chart.center(at: 10, from: start)
            #expect(chart.edge(71, at: 10, center: mid) > chart.edge(67, at: 10, center: mid))
            #expect(chart.edge(54, at: 10, center: mid) < chart.edge(57, at: 10, center: mid))
        }
    }

    @Test func theFanIsOneSelfContainedSVGWithBothBands() {
        let svg = Self.fan().svg().html
        #expect(svg.hasPrefix("<svg "))
        #expect(svg.hasSuffix("</svg>"))
        #expect(svg.components(separatedBy: "<polygon").count - 1 == 2)
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        #expect(!svg.contains("href") && !svg.contains("<script"))
        #expect(svg.contains("目标 69") && svg.contains("预计 62"))
        // December: no fan left to draw.
        #expect(!Self.fan(month: 12).svg().html.contains("<polygon"))
    }

    @Test func rankBarsOnePerRankWithEscapedTitles() {
        let chart = RankProbabilityChart(title: "<b>宁陕县</b>名次概率", probabilities: [0.4, 0.3, 0.2, 0.1], marked: 2)
        let svg = chart.svg().html
        #expect(svg.components(separatedBy: "<rect").count - 1 == 4)
        #expect(svg.contains("&lt;b&gt;宁陕县&lt;/b&gt;名次概率"))
        #expect(svg.contains(">40%<"))
    }

    @Test func gradeBarsShowEveryBand() {
        let svg = GradeProbabilityChart(title: "等次", grades: [("优秀", 0.556), ("良好", 0.444), ("一般", 0), ("较差", 0)]).svg().html
        #expect(svg.contains(">55.6%<") && svg.contains(">44.4%<") && svg.contains(">0%<"))
        for name in ["优秀", "良好", "一般", "较差"] { #expect(svg.contains(">\(name)<")) }
    }

    @Test func niceTicksCoverTheRange() {
        let ticks = SVG.ticks(low: 0, high: 71, count: 5)
        #expect(ticks.first == 0)
        #expect((ticks.last ?? 0) >= 71)
        #expect(ticks == [0, 20, 40, 60, 80])
    }
}
