import Foundation
import Testing
@testable import KaoheSynthetic

@Suite("The ankang-2019 preset keeps its structural promises")
struct AnkangPresetTests {
    static let tables = GeneratedTables(SyntheticGenerator(preset: .ankang2019, seed: 1))

    var indicators: [[String: String]] { Self.tables.rows(.indicators) }

    @Test("Ten units of Ankang, home Ningshan, a four-year excellent streak to defend")
    func units() {
        let yaml = Self.tables.text(.dataset)
        let unitLines = yaml.split(separator: "\n").filter { $0.hasPrefix("  - {id: ") }
        #expect(unitLines.count == 10)
        for id in ["hanbin", "hanyin", "shiquan", "ningshan", "ziyang", "langao", "pingli", "zhenping", "xunyang", "baihe"] {
            #expect(unitLines.contains { $0.hasPrefix("  - {id: \(id), name: ") }, "unit \(id)")
        }
        #expect(yaml.contains("\nhome: ningshan\n"))
        #expect(yaml.contains("\nyear: 2019\n"))
        #expect(yaml.contains("\nas_of: 2019-08\n"))
        #expect(yaml.contains("{id: ningshan, name: 宁陕县}"))
        #expect(yaml.contains("history_grades: {2016: 优秀, 2017: 优秀, 2018: 优秀}"))
    }

    @Test("35–45 indicators covering all five categories, measures paired as the spec says")
    func indicatorMix() {
        #expect((35...45).contains(indicators.count))
        let categories = Set(indicators.compactMap { $0["category"] })
        #expect(categories == ["quantitative", "bonus", "common", "new", "negative"])
        let allowed: [String: Set<String>] = [
            "quantitative": ["cumulative", "rate", "level"], "new": ["cumulative", "rate", "level"],
            "bonus": ["cumulative", "rate", "level"], "common": ["grade"], "negative": ["events"],
        ]
        for row in indicators {
            #expect(allowed[row["category"]!]!.contains(row["measure"]!), "\(row["id"]!)")
        }
        let scored = indicators.filter { ["quantitative", "new", "common"].contains($0["category"]!) }
            .reduce(0.0) { $0 + Double($1["weight"]!)! }
        #expect(abs(scored - 100) < 1)
        for row in indicators where row["category"] == "bonus" {
            #expect((1...3).contains(Double(row["weight"]!)!))
        }
        for row in indicators where row["category"] == "negative" {
            #expect(Double(row["weight"]!)!.magnitude < 1e-12)
        }
    }

    @Test("Every unit has a positive target for every cumulative, rate and level indicator")
    func targets() {
        let observed = indicators.filter { ["cumulative", "rate", "level"].contains($0["measure"]!) }.map { $0["id"]! }
        var targets: [String: Double] = [:]
        for row in Self.tables.rows(.targets) {
            let key = row["unit"]! + "/" + row["indicator"]!
            #expect(targets[key] == nil, "duplicate target \(key)")
            targets[key] = Double(row["target"]!)
        }
        for unit in ["hanbin", "hanyin", "shiquan", "ningshan", "ziyang", "langao", "pingli", "zhenping", "xunyang", "baihe"] {
            for indicator in observed {
                let target = targets["\(unit)/\(indicator)"]
                #expect(target != nil, "no target for \(unit) on \(indicator)")
                #expect((target ?? 0) > 0, "target of \(unit) on \(indicator) not > 0")
            }
        }
        #expect(targets.count == 10 * observed.count)
    }

    /// Year-to-date totals by (unit/indicator, year), month → value.
    static var cumulativeSeries: [String: [Int: [Int: Double]]] {
        let cumulative = Set(tables.rows(.indicators).filter { $0["measure"] == "cumulative" }.map { $0["id"]! })
        var series: [String: [Int: [Int: Double]]] = [:]
        for row in tables.rows(.observations) where cumulative.contains(row["indicator"]!) {
            let period = row["period"]!.split(separator: "-")
            series[row["unit"]! + "/" + row["indicator"]!, default: [:]][Int(period[0])!, default: [:]][Int(period[1])!] = Double(row["value"]!)!
        }
        return series
    }

    @Test("Cumulative series are positive and non-decreasing within each year")
    func cumulativeMonotone() {
        let series = Self.cumulativeSeries
        #expect(!series.isEmpty)
        for (key, years) in series {
            for (year, months) in years {
                var previous = 0.0
                for month in months.keys.sorted() {
                    let value = months[month]!
                    #expect(value > 0, "\(key) \(year)-\(month)")
                    #expect(value >= previous, "\(key) falls in \(year)-\(month)")
                    previous = value
                }
            }
        }
    }

    @Test("Fixed-asset investment is pushed in December")
    func decemberPush() {
        var shares: [Double] = []
        for (key, years) in Self.cumulativeSeries where key.hasSuffix("/fixed_investment") {
            for months in years.values {
                guard let december = months[12], let november = months[11] else { continue }
                shares.append((december - november) / december)
            }
        }
        #expect(shares.count >= 30)
        let december = shares.reduce(0, +) / Double(shares.count)
        // The average month's share of the annual total is 1/12.
        #expect(december > 1.0 / 12, "December share \(december)")
        #expect(december > 1.5 / 12, "December share \(december) should be a real push")
    }

    @Test("History, new indicators, stale series and the other files look as promised")
    func shapeOfTheData() {
        let observations = Self.tables.rows(.observations)
        let new = Set(indicators.filter { $0["category"] == "new" }.map { $0["id"]! })
        #expect(!new.isEmpty)
        for row in observations where new.contains(row["indicator"]!) {
            #expect(row["period"]!.hasPrefix("2019-"), "new indicator \(row["indicator"]!) has history")
        }
        let years = Set(observations.map { row in row["period"]!.prefix(4) })
        #expect(years == ["2015", "2016", "2017", "2018", "2019"])
        #expect(!observations.contains { $0["period"]! > "2019-08" })
        // January–February published together for some statistics-bureau series.
        #expect(!observations.contains { $0["indicator"] == "fixed_investment" && $0["period"]!.hasSuffix("-01") })
        // Some unit is stale on some indicator.
        var latest: [String: String] = [:]
        for row in observations where row["period"]!.hasPrefix("2019-") {
            latest[row["unit"]! + "/" + row["indicator"]!] = max(latest[row["unit"]! + "/" + row["indicator"]!] ?? "", row["period"]!)
        }
        #expect(latest.values.contains { $0 < "2019-08" })

        let reviews = Self.tables.rows(.reviews)
        #expect(Set(reviews.map { $0["quarter"]! }) == ["2019-Q1", "2019-Q2"])
        #expect(reviews.contains { $0["grade"]!.isEmpty })
        let events = Self.tables.rows(.events)
        #expect(events.contains { $0["veto"] == "yes" })
        #expect(events.allSatisfy { Double($0["points"]!)! > 0 })
        let submissions = Self.tables.rows(.submissions)
        let missing = submissions.filter { $0["submitted_on"]!.isEmpty }.count
        #expect((1...2).contains(missing))
        #expect(submissions.contains { !$0["submitted_on"]!.isEmpty && Int($0["submitted_on"]!.suffix(2))! > 15 })
        #expect(Set(submissions.map { $0["period"]! }) == Set((1...7).map { "2019-0\($0)" }))
    }
}
