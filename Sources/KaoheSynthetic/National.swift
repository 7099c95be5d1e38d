import Foundation
import GSL

extension Blueprint {
    /// A national-scale dataset for load, forecast and standing benchmarks: `units` units of lognormal
    /// size, `indicators` indicators modelled on the Ankang preset's (cycling through them so that
    /// every category appears in the same proportions), `historyYears` history years before `year`.
    ///
    /// The units' traits are drawn from `seed` (sub-stream 3), so the blueprint itself depends on it.
    public static func national(
        units unitCount: Int, indicators indicatorCount: Int, historyYears: Int,
        year: Int = 2019, asOfMonth: Int = 8, seed: UInt64
    ) -> Blueprint {
        precondition(unitCount >= 1 && indicatorCount >= 1 && historyYears >= 0, "positive sizes")
        precondition((1...12).contains(asOfMonth), "as_of month in 1…12")
        let unitWidth = max(4, String(unitCount).count)
        let stream = RandomStream(seed: seed, substream: 3)
        var units: [SyntheticUnit] = []
        units.reserveCapacity(unitCount)
        for index in 1...unitCount {
            let number = zeroPadded(index, width: unitWidth)
            units.append(SyntheticUnit(
                id: "u" + number, name: "县区" + number,
                scale: exp(stream.gaussian(sigma: 0.8)),
                growthBias: stream.gaussian(sigma: 1),
                ambition: stream.gaussian(sigma: 0.6),
                quality: stream.gaussian(sigma: 0.7),
                risk: exp(stream.gaussian(sigma: 0.3))
            ))
        }

        // Cycle through the preset's indicators with a stride coprime to their number, so any prefix
        // mixes the categories.
        let archetypes = Blueprint.ankang2019.indicators
        let count = archetypes.count
        var stride = max(1, count / 5 + 1)
        while gcd(stride, count) != 1 { stride += 1 }
        let indicatorWidth = max(3, String(indicatorCount).count)
        var indicators: [SyntheticIndicator] = []
        for index in 0..<indicatorCount {
            var indicator = archetypes[(index * stride) % count]
            let round = index / count
            indicator.id = "i" + zeroPadded(index + 1, width: indicatorWidth)
            if round > 0 { indicator.name += "（\(round + 1)）" }
            indicator.tilt = [:]
            indicators.append(indicator)
        }
        // Weights of the quantitative, new and common indicators add up to 100.
        let scored: Set<SyntheticCategory> = [.quantitative, .new, .common]
        let total = indicators.filter { scored.contains($0.category) }.reduce(0) { $0 + $1.weight }
        if total > 0 {
            for index in indicators.indices where scored.contains(indicators[index].category) {
                indicators[index].weight = (indicators[index].weight * 100 / total * 100).rounded() / 100
            }
        }

        return Blueprint(
            name: "全国规模合成数据集（\(unitCount)个单位×\(indicatorCount)项指标×\(historyYears)个历史年度）",
            year: year, asOfMonth: asOfMonth, firstHistoryYear: year - historyYears, home: 0,
            units: units, indicators: indicators,
            grades: [(name: "优秀", min: 90), (name: "良好", min: 80), (name: "一般", min: 60), (name: "较差", min: 0)],
            headerComments: ["合成数据（synthetic），用于载入、预测与排位的性能测试，并非真实统计数据。"],
            missingYearProbability: 0.03, staleProbability: 0.03,
            absentReviewProbability: 0.02, unsubmittedProbability: 0.03,
            lateReportProbability: 0.12, missingReportCount: nil, missingReportProbability: 0.02,
            ensureVeto: false
        )
    }
}

private func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private func gcd(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}
