import Foundation
import KaoheCore

/// A forecast fan: the year-to-date path so far, last year's path for reference, and from the latest
/// month to December the 80% and 95% bands of the year-end forecast against the target line.
///
/// The bands at December are the forecast's intervals exactly. Between the latest month m and
/// December the centre follows last years' shape of the remaining months when the series has one
/// (the mean of ln(V(y,k)/V(y,m)) over the history years, cumulative indicators), else a straight
/// line; each band's half-width grows as √((k − m)/(12 − m)) — on the log scale for cumulative
/// indicators, whose forecasts are log-t. The months in between are a drawing aid, not forecasts.
public struct ForecastFanChart: Sendable {
    public var title: String
    /// The unit of measurement for labels.
    public var unit: String
    /// This year's values, January first (nil: none; months after m are ignored).
    public var values: [Double?]
    /// Last year's values, January first (drawn dashed), if any.
    public var lastYear: [Double?]
    /// m, the latest month with data (1…12).
    public var month: Int
    public var forecast: Double
    public var lo80: Double?
    public var hi80: Double?
    public var lo95: Double?
    public var hi95: Double?
    public var target: Double?
    /// Whether the forecast distribution is on the log scale (cumulative indicators).
    public var logScale: Bool
    /// The mean log ratio V(k)/V(m) of history years for k = m…12 (13 − m values), or nil.
    public var shape: [Double]?

    public init(title: String, unit: String, values: [Double?], lastYear: [Double?], month: Int, forecast: Double,
                lo80: Double?, hi80: Double?, lo95: Double?, hi95: Double?, target: Double?, logScale: Bool,
                shape: [Double]? = nil) {
        self.title = title
        self.unit = unit
        self.values = values
        self.lastYear = lastYear
        self.month = month
        self.forecast = forecast
        self.lo80 = lo80
        self.hi80 = hi80
        self.lo95 = lo95
        self.hi95 = hi95
        self.target = target
        self.logScale = logScale
        self.shape = shape
    }

    /// The centre of the fan at month k ≥ m.
    func center(at k: Int, from start: Double) -> Double {
        let span = Double(12 - month)
        let t = span > 0 ? Double(k - month) / span : 1
        if logScale, start > 0, forecast > 0 {
            let total = Foundation.log(forecast / start)
            if let shape, shape.count == 13 - month, let last = shape.last, abs(last) > 1e-12 {
                return start * Foundation.exp(shape[k - month] / last * total)
            }
            return start * Foundation.exp(t * total)
        }
        return start + t * (forecast - start)
    }

    /// A band edge at month k: the December quantile `q` carried back to the centre.
    func edge(_ q: Double, at k: Int, center: Double) -> Double {
        let span = Double(12 - month)
        let t = span > 0 ? Double(k - month) / span : 1
        let spread = t.squareRoot()
        if logScale, q > 0, forecast > 0, center > 0 {
            return center * Foundation.exp(Foundation.log(q / forecast) * spread)
        }
        return center + (q - forecast) * spread
    }

    public func svg() -> Markup {
        let width = 540.0, height = 270.0
        let left = 58.0, right = 112.0, top = 34.0, bottom = 30.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let m = min(max(month, 1), 12)
        let start = values.indices.contains(m - 1) ? values[m - 1] : nil
        var pool: [Double] = [forecast]
        pool += values.prefix(m).compactMap { $0 }
        pool += lastYear.compactMap { $0 }
        pool += [lo80, hi80, lo95, hi95, target].compactMap { $0 }
        pool = pool.filter(\.isFinite)
        var low = pool.min() ?? 0, high = pool.max() ?? 1
        if logScale { low = min(low, 0) }
        let pad = (high - low) * 0.06
        let ticks = SVG.ticks(low: logScale ? low : low - pad, high: high + pad, count: 5)
        let y0 = ticks.first ?? low, y1 = ticks.last ?? high
        func x(_ month: Int) -> Double { left + Double(month - 1) / 11 * plotWidth }
        func y(_ value: Double) -> Double { top + (1 - (value - y0) / max(y1 - y0, 1e-12)) * plotHeight }

        var svg = SVG.open(width: width, height: height, title: title)
        // Grid and axes.
        for tick in ticks {
            svg += SVG.line(left, y(tick), left + plotWidth, y(tick), stroke: Palette.grid)
            svg += SVG.text(SVG.tickLabel(tick), x: left - 6, y: y(tick) + 4, anchor: "end", size: 10, fill: Palette.muted)
        }
        for k in 1...12 {
            svg += SVG.text("\(k)月", x: x(k), y: top + plotHeight + 16, anchor: "middle", size: 10, fill: Palette.muted)
        }
        svg += SVG.line(left, top + plotHeight, left + plotWidth, top + plotHeight, stroke: Palette.axis)
        svg += SVG.line(x(m), top, x(m), top + plotHeight, stroke: Palette.axis, dash: "2 3")

        // The fan.
        if let start, m < 12 {
            let months = Array(m...12)
            let centers = months.map { center(at: $0, from: start) }
            func band(_ lo: Double?, _ hi: Double?, fill: String) -> Markup {
                guard let lo, let hi else { return .empty }
                let upper = zip(months, centers).map { (x($0), y(edge(hi, at: $0, center: $1))) }
                let lower = zip(months, centers).map { (x($0), y(edge(lo, at: $0, center: $1))) }
                return SVG.polygon(upper + lower.reversed(), fill: fill, opacity: 0.9)
            }
            svg += band(lo95, hi95, fill: Palette.band95)
            svg += band(lo80, hi80, fill: Palette.band80)
            svg += SVG.polyline(zip(months, centers).map { (x($0), y($1)) }, stroke: Palette.blue, width: 1.5, dash: "5 3")
        }
        // Target line.
        if let target {
            svg += SVG.line(left, y(target), left + plotWidth, y(target), stroke: Palette.red, width: 1.2, dash: "6 3")
        }
        // Last year and this year.
        let previous = lastYear.enumerated().compactMap { index, value in value.map { (x(index + 1), y($0)) } }
        svg += SVG.polyline(previous, stroke: Palette.lastYear, width: 1.2, dash: "3 3")
        let path = values.prefix(m).enumerated().compactMap { index, value in value.map { (x(index + 1), y($0)) } }
        svg += SVG.polyline(path, stroke: Palette.ink, width: 2.2)
        for point in path { svg += SVG.circle(x: point.0, y: point.1, r: 2.4, fill: Palette.ink) }
        svg += SVG.circle(x: x(12), y: y(forecast), r: 3.5, fill: Palette.blue, stroke: "#fff")

        // Labels at the right: forecast and target, kept apart.
        var forecastY = y(forecast) + 4
        var targetY = target.map { y($0) + 4 } ?? -100
        if abs(forecastY - targetY) < 13 {
            if forecastY <= targetY { forecastY = targetY - 13 } else { targetY = forecastY - 13 }
        }
        svg += SVG.text("预计 " + ChineseFormat.number(forecast), x: x(12) + 8, y: forecastY, size: 11,
                        fill: Palette.blue, weight: "bold")
        if let target {
            svg += SVG.text("目标 " + ChineseFormat.number(target), x: x(12) + 8, y: targetY, size: 11, fill: Palette.red)
        }
        if let hi80, let lo80 {
            svg += SVG.text("80%: " + ChineseFormat.number(lo80) + "～" + ChineseFormat.number(hi80),
                            x: x(12) + 8, y: min(height - 6, max(forecastY, targetY) + 16), size: 9.5, fill: Palette.muted)
        }

        // Legend.
        var lx = left
        func legend(_ label: String, _ swatch: Markup, width: Double) {
            svg += swatch
            svg += SVG.text(label, x: lx + 22, y: 16, size: 10, fill: Palette.muted)
            lx += width
        }
        legend("本年", SVG.line(lx, 12, lx + 18, 12, stroke: Palette.ink, width: 2.2), width: 56)
        if !previous.isEmpty {
            legend("上年", SVG.line(lx, 12, lx + 18, 12, stroke: Palette.lastYear, width: 1.2, dash: "3 3"), width: 56)
        }
        legend("80%区间", SVG.rect(x: lx, y: 7, width: 18, height: 10, fill: Palette.band80), width: 78)
        legend("95%区间", SVG.rect(x: lx, y: 7, width: 18, height: 10, fill: Palette.band95), width: 78)
        if target != nil {
            legend("目标", SVG.line(lx, 12, lx + 18, 12, stroke: Palette.red, width: 1.2, dash: "6 3"), width: 56)
        }
        if !unit.isEmpty, unit != "等次" {
            svg += SVG.text("单位：" + unit, x: width - 6, y: 16, anchor: "end", size: 10, fill: Palette.muted)
        }
        svg += SVG.close
        return svg
    }
}
