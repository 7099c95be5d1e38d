import KaoheCore

/// P(rank = k) of one unit as vertical bars, the most likely rank highlighted.
public struct RankProbabilityChart: Sendable {
    public var title: String
    /// P(rank = k), k = 1…n.
    public var probabilities: [Double]
    /// The rank to mark (the projected rank), if any.
    public var marked: Int?

    public init(title: String, probabilities: [Double], marked: Int? = nil) {
        self.title = title
        self.probabilities = probabilities
        self.marked = marked
    }

    public func svg() -> Markup {
        let n = max(probabilities.count, 1)
        let width = 540.0, height = 210.0
        let left = 40.0, right = 12.0, top = 22.0, bottom = 34.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let peak = max(probabilities.max() ?? 0, 0.05)
        let ticks = SVG.ticks(low: 0, high: peak, count: 4)
        let top0 = ticks.last ?? peak
        let slot = plotWidth / Double(n)
        let barWidth = max(1, slot * 0.72)
        let best = probabilities.indices.max { probabilities[$0] < probabilities[$1] }
        func y(_ p: Double) -> Double { top + (1 - p / top0) * plotHeight }
        var svg = SVG.open(width: width, height: height, title: title)
        for tick in ticks {
            svg += SVG.line(left, y(tick), left + plotWidth, y(tick), stroke: Palette.grid)
            svg += SVG.text(NumberFormat.fixed(tick * 100, digits: 0) + "%", x: left - 5, y: y(tick) + 4, anchor: "end",
                            size: 10, fill: Palette.muted)
        }
        let labelEvery = n <= 20 ? 1 : n <= 50 ? 5 : 10
        for (index, p) in probabilities.enumerated() {
            let k = index + 1
            let x = left + Double(index) * slot + (slot - barWidth) / 2
            let colour = index == best ? Palette.home : k == marked ? Palette.amber : Palette.peer
            svg += SVG.rect(x: x, y: y(p), width: barWidth, height: plotHeight - (y(p) - top), fill: colour)
            if n <= 20, p >= 0.005 {
                svg += SVG.text(NumberFormat.fixed(p * 100, digits: p >= 0.1 ? 0 : 1) + "%", x: x + barWidth / 2,
                                y: y(p) - 4, anchor: "middle", size: 9.5, fill: Palette.ink)
            }
            if k == 1 || k % labelEvery == 0 || k == n {
                svg += SVG.text("\(k)", x: x + barWidth / 2, y: top + plotHeight + 14, anchor: "middle", size: 10,
                                fill: Palette.muted)
            }
        }
        svg += SVG.line(left, top + plotHeight, left + plotWidth, top + plotHeight, stroke: Palette.axis)
        svg += SVG.text("名次", x: left + plotWidth, y: height - 4, anchor: "end", size: 10, fill: Palette.muted)
        svg += SVG.close
        return svg
    }
}

/// P(grade = g) as horizontal bars, best grade first.
public struct GradeProbabilityChart: Sendable {
    public var title: String
    public var grades: [(name: String, probability: Double)]

    public init(title: String, grades: [(name: String, probability: Double)]) {
        self.title = title
        self.grades = grades
    }

    public func svg() -> Markup {
        let rowHeight = 26.0
        let width = 360.0, height = 16 + rowHeight * Double(max(grades.count, 1))
        let left = 64.0, right = 60.0
        let plotWidth = width - left - right
        let colours = [Palette.green, Palette.blue, Palette.amber, Palette.red]
        var svg = SVG.open(width: width, height: height, title: title)
        for (index, grade) in grades.enumerated() {
            let y = 8 + Double(index) * rowHeight
            svg += SVG.text(grade.name, x: left - 8, y: y + 15, anchor: "end", size: 12, fill: Palette.ink)
            svg += SVG.rect(x: left, y: y + 3, width: plotWidth, height: 16, fill: "#f1efea")
            svg += SVG.rect(x: left, y: y + 3, width: plotWidth * min(max(grade.probability, 0), 1), height: 16,
                            fill: colours[min(index, colours.count - 1)])
            svg += SVG.text(ChineseFormat.probability(grade.probability), x: left + plotWidth + 6, y: y + 15, size: 11,
                            fill: Palette.ink, weight: "bold")
        }
        svg += SVG.close
        return svg
    }
}

/// Every unit's total: the 10–90% range of the simulation as a bar, the mean as a dot, the projected
/// total as a tick, the home unit in red, the grade thresholds as vertical lines.
public struct PeerTotalsChart: Sendable {
    public struct Row: Sendable {
        public var name: String
        public var isHome: Bool
        public var projected: Double
        public var mean: Double
        public var p10: Double
        public var p90: Double

        public init(name: String, isHome: Bool, projected: Double, mean: Double, p10: Double, p90: Double) {
            self.name = name
            self.isHome = isHome
            self.projected = projected
            self.mean = mean
            self.p10 = p10
            self.p90 = p90
        }
    }

    public var title: String
    /// Rows in the order drawn (best first); nil draws a "…" gap.
    public var rows: [Row?]
    /// Grade thresholds to draw: (name, minimum).
    public var thresholds: [(name: String, minimum: Double)]

    public init(title: String, rows: [Row?], thresholds: [(name: String, minimum: Double)]) {
        self.title = title
        self.rows = rows
        self.thresholds = thresholds
    }

    public func svg() -> Markup {
        let rowHeight = 20.0
        let width = 540.0
        let left = 96.0, right = 16.0, top = 26.0, bottom = 26.0
        let height = top + bottom + rowHeight * Double(max(rows.count, 1))
        let plotWidth = width - left - right
        let present = rows.compactMap { $0 }
        let values = present.flatMap { [$0.p10, $0.p90, $0.projected, $0.mean] }.filter(\.isFinite)
        var low = values.min() ?? 0, high = values.max() ?? 100
        for threshold in thresholds where threshold.minimum > low - 8 && threshold.minimum < high + 8 {
            low = min(low, threshold.minimum); high = max(high, threshold.minimum)
        }
        let ticks = SVG.ticks(low: low - 1, high: high + 1, count: 6)
        let x0 = ticks.first ?? low, x1 = ticks.last ?? high
        func x(_ value: Double) -> Double { left + (value - x0) / max(x1 - x0, 1e-12) * plotWidth }
        var svg = SVG.open(width: width, height: height, title: title)
        for tick in ticks {
            svg += SVG.line(x(tick), top - 4, x(tick), height - bottom, stroke: Palette.grid)
            svg += SVG.text(SVG.tickLabel(tick), x: x(tick), y: height - bottom + 14, anchor: "middle", size: 10,
                            fill: Palette.muted)
        }
        for threshold in thresholds where threshold.minimum >= x0 && threshold.minimum <= x1 {
            svg += SVG.line(x(threshold.minimum), top - 8, x(threshold.minimum), height - bottom, stroke: Palette.green,
                            width: 1.2, dash: "4 3")
            let nearRight = x(threshold.minimum) > left + plotWidth - 50
            svg += SVG.text(threshold.name + " " + SVG.tickLabel(threshold.minimum),
                            x: x(threshold.minimum) + (nearRight ? -3 : 3), y: top - 10, anchor: nearRight ? "end" : "start",
                            size: 10, fill: Palette.green)
        }
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + rowHeight / 2
            guard let row else {
                svg += SVG.text("…", x: left - 8, y: y + 4, anchor: "end", size: 11, fill: Palette.muted)
                continue
            }
            let colour = row.isHome ? Palette.home : Palette.peer
            if row.isHome {
                svg += SVG.rect(x: 0, y: y - rowHeight / 2, width: width, height: rowHeight, fill: "#fbeae7")
            }
            svg += SVG.text(row.name, x: left - 8, y: y + 4, anchor: "end", size: 11.5, fill: row.isHome ? Palette.home : Palette.ink,
                            weight: row.isHome ? "bold" : nil)
            svg += SVG.rect(x: x(min(row.p10, row.p90)), y: y - 4, width: abs(x(row.p90) - x(row.p10)), height: 8,
                            fill: colour, extra: "fill-opacity=\"0.3\" rx=\"3\"")
            svg += SVG.circle(x: x(row.mean), y: y, r: 4, fill: colour)
            svg += SVG.line(x(row.projected), y - 7, x(row.projected), y + 7, stroke: Palette.ink, width: 1.6)
        }
        svg += SVG.close
        return svg
    }
}

/// A small inline bar: completion against time progress (a tick), for tables.
public struct ProgressBar: Sendable {
    public var completion: Double?
    public var expected: Double?
    public var state: ProgressState?

    public init(completion: Double?, expected: Double?, state: ProgressState?) {
        self.completion = completion
        self.expected = expected
        self.state = state
    }

    public func svg() -> Markup {
        let width = 110.0, height = 14.0
        let scale = 1.5  // the bar's full width is 150%
        guard let completion, completion.isFinite else { return .empty }
        let colour = state == .behind ? Palette.red : state == .ahead ? Palette.green : Palette.blue
        var svg: Markup = "<svg class=\"bar\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 110 14\" width=\"110\" height=\"14\" aria-hidden=\"true\">"
        svg += SVG.rect(x: 0, y: 3, width: width, height: 8, fill: "#eeebe5")
        svg += SVG.rect(x: 0, y: 3, width: width * min(max(completion, 0), scale) / scale, height: 8, fill: colour)
        svg += SVG.line(width / scale, 0, width / scale, height, stroke: Palette.muted, width: 0.8)
        if let expected, expected.isFinite {
            let x = width * min(max(expected, 0), scale) / scale
            svg += SVG.line(x, 0, x, height, stroke: Palette.ink, width: 2)
        }
        svg += SVG.close
        return svg
    }
}
