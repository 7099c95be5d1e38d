import KaoheCore

/// Small helpers for the charts: coordinates, axis ticks and the colours every chart shares. Charts
/// are inline SVG drawn here (no script, no external resource); every text from the data goes through
/// `Markup`'s escaping.
enum SVG {
    /// A coordinate with at most one decimal: 12.34 → "12.3", 5.0 → "5".
    static func n(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        return ChineseFormat.trimmed(NumberFormat.fixed(value, digits: 1))
    }

    /// The opening tag of a chart `width` × `height`, scaling to its container, with an accessible title.
    static func open(width: Double, height: Double, title: String, className: String = "chart") -> Markup {
        """
        <svg class="\(className)" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(n(width)) \(n(height))" \
        width="\(n(width))" height="\(n(height))" role="img" aria-label="\(title)"><title>\(title)</title>
        """
    }

    static let close: Markup = "</svg>"

    /// A text element; `anchor` start, middle or end.
    static func text(_ content: String, x: Double, y: Double, anchor: String = "start", size: Double = 11,
                     fill: String = Palette.ink, weight: String? = nil) -> Markup {
        let bold: Markup = weight.map { " font-weight=\"\($0)\"" } ?? .empty
        return "<text x=\"\(n(x))\" y=\"\(n(y))\" text-anchor=\"\(anchor)\" font-size=\"\(n(size))\" fill=\"\(fill)\"\(bold)>\(content)</text>"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String, width: Double = 1,
                     dash: String? = nil) -> Markup {
        let dashes: Markup = dash.map { " stroke-dasharray=\"\($0)\"" } ?? .empty
        return "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"\(dashes)/>"
    }

    static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, extra: String = "") -> Markup {
        "<rect x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(width, 0)))\" height=\"\(n(max(height, 0)))\" fill=\"\(fill)\"\(Markup(raw: extra.isEmpty ? "" : " " + extra))/>"
    }

    /// A polyline through `points`.
    static func polyline(_ points: [(Double, Double)], stroke: String, width: Double = 2, dash: String? = nil) -> Markup {
        guard points.count > 1 else { return .empty }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        let dashes: Markup = dash.map { " stroke-dasharray=\"\($0)\"" } ?? .empty
        return "<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\" stroke-linejoin=\"round\"\(dashes)/>"
    }

    /// A closed polygon through `points`.
    static func polygon(_ points: [(Double, Double)], fill: String, opacity: Double = 1) -> Markup {
        guard points.count > 2 else { return .empty }
        let list = points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")
        return "<polygon points=\"\(list)\" fill=\"\(fill)\" fill-opacity=\"\(NumberFormat.fixed(opacity, digits: 2))\"/>"
    }

    static func circle(x: Double, y: Double, r: Double, fill: String, stroke: String? = nil) -> Markup {
        let outline: Markup = stroke.map { " stroke=\"\($0)\" stroke-width=\"1.5\"" } ?? .empty
        return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"\(n(r))\" fill=\"\(fill)\"\(outline)/>"
    }

    /// "Nice" axis ticks covering `low…high`: steps of 1, 2 or 5 × 10^k, about `count` of them.
    static func ticks(low: Double, high: Double, count: Int = 5) -> [Double] {
        guard low.isFinite, high.isFinite else { return [0] }
        var lo = low, hi = high
        if hi - lo < 1e-12 * max(1, abs(hi)) { lo -= max(1, abs(lo) * 0.1); hi += max(1, abs(hi) * 0.1) }
        let raw = (hi - lo) / Double(max(count, 1))
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? power * 10
        let first = (lo / step).rounded(.down) * step
        var result: [Double] = []
        var value = first
        while value <= hi + step * 0.5 && result.count < 50 {
            result.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        if let last = result.last, last < hi { result.append(last + step) }
        return result
    }

    /// A tick label: the shortest of the number's forms.
    static func tickLabel(_ value: Double) -> String { ChineseFormat.number(value) }
}

/// The colours of the reports.
enum Palette {
    static let ink = "#222"
    static let muted = "#6b6b6b"
    static let grid = "#e3e0da"
    static let axis = "#9a968e"
    static let red = "#c0392b"
    static let amber = "#d68910"
    static let green = "#1e8449"
    static let blue = "#1f5f99"
    static let band95 = "#cfe0f1"
    static let band80 = "#9cc1e4"
    static let lastYear = "#9a968e"
    static let home = "#c0392b"
    static let peer = "#5d7fa3"
}
