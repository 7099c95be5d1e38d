import Foundation
import Testing

/// `kaohe compare` and `kaohe ledger` end to end on the bundled datasets/ankang-2019: the JSON shape of
/// cli.md and the invariants a reader relies on.
@Suite struct CompareLedgerCLITests {
    private func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try KaoheProcess.run(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8))
        return try #require(object as? [String: Any])
    }

    /// indicators.csv of the bundled dataset as rows of fields (no quoted fields in it).
    private func indicatorRows() throws -> [[String: String]] {
        let url = KaoheProcess.repositoryRoot.appendingPathComponent("datasets/ankang-2019/indicators.csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(whereSeparator: \.isNewline).map(String.init)
        let header = lines[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Dictionary(uniqueKeysWithValues: zip(header, fields))
        }
    }

    @Test func compareJSONHasThePeerTableOfEveryComparableIndicator() throws {
        let document = try json(["compare", "--format", "json"])
        let indicators = try #require(document["indicators"] as? [[String: Any]])
        let comparable = try indicatorRows().filter { ["cumulative", "rate", "level"].contains($0["measure"]) }
        #expect(indicators.map { $0["indicator"] as? String } == comparable.map { $0["id"] })
        #expect(document["unit"] as? String == "ningshan")
        for indicator in indicators {
            let units = try #require(indicator["units"] as? [[String: Any]])
            #expect(units.count == 10)
            for unit in units {
                for key in ["unit", "value", "completion", "rank", "z", "percentile", "projected_completion", "projected_rank"] {
                    #expect(unit.keys.contains(key), "\(key) missing")
                }
            }
            // Best first: ranks start at 1 and never decrease down the list.
            let ranks = units.compactMap { $0["rank"] as? Int }
            #expect(ranks.count == units.count)
            #expect(ranks.first == 1)
            #expect(zip(ranks, ranks.dropFirst()).allSatisfy { $0 <= $1 })
            // z has mean 0 over the units that have one; percentiles lie in [0, 1].
            let z = units.compactMap { $0["z"] as? Double }
            if !z.isEmpty { #expect(abs(z.reduce(0, +)) < 1e-9 * Double(z.count)) }
            #expect(units.compactMap { $0["percentile"] as? Double }.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(units.filter { $0["unit"] as? String == "ningshan" }.count == 1)
            // The home unit has a gap to the next better unit exactly when it does not lead.
            let home = try #require(units.first { $0["unit"] as? String == "ningshan" })
            let homeRank = try #require(home["rank"] as? Int)
            #expect((indicator["gap_to_next"] is NSNull) == (homeRank == 1))
            if let gap = indicator["gap_to_next"] as? [String: Any] {
                #expect((gap["completion"] as? Double ?? 0) > 0)
                #expect(gap.keys.contains("value"))
            }
        }
    }

    @Test func compareOneIndicatorAndRejectUnknownOrUngradedOnes() throws {
        let document = try json(["compare", "--indicator", "gdp_growth", "--unit", "hanyin", "--format", "json"])
        let indicators = try #require(document["indicators"] as? [[String: Any]])
        #expect(indicators.count == 1)
        #expect(indicators.first?["focus"] as? String == "hanyin")
        #expect(try KaoheProcess.run(["compare", "--indicator", "no_such_indicator"]).status == 2)
        #expect(try KaoheProcess.run(["compare", "--indicator", "party_building"]).status == 2)
    }

    @Test func compareTableMarksTheHomeCounty() throws {
        let result = try KaoheProcess.run(["compare", "--indicator", "fixed_investment"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("宁陕县 ★"))
        #expect(result.standardOutput.contains("完成率"))
        #expect(result.standardOutput.contains("百分位"))
    }

    @Test func ledgerJSONListsEveryDepartmentWithConsistentTotals() throws {
        let document = try json(["ledger", "--format", "json"])
        let departments = try #require(document["departments"] as? [[String: Any]])
        var named = Set<String>()
        for row in try indicatorRows() {
            named.insert(row["lead_department"] ?? "")
            for department in (row["cooperating_departments"] ?? "").split(separator: ";") { named.insert(String(department)) }
        }
        named.remove("")
        let listed = departments.compactMap { $0["department"] as? String }
        #expect(Set(listed).isSuperset(of: named))
        #expect(Set(listed).count == listed.count)
        let totals = departments.compactMap { $0["total"] as? Double }
        #expect(totals.count == departments.count)
        #expect(zip(totals, totals.dropFirst()).allSatisfy { $0 <= $1 }, "worst first")
        for department in departments {
            let entries = try #require(department["entries"] as? [[String: Any]])
            let points = entries.compactMap { $0["points"] as? Double }
            #expect(points.count == entries.count)
            #expect(points.allSatisfy { $0 != 0 })
            #expect(abs(points.reduce(0, +) - (department["total"] as? Double ?? .nan)) < 1e-9)
            for entry in entries {
                #expect(!((entry["reason"] as? String) ?? "").isEmpty)
                let isReport = ["late_report", "missing_report"].contains(entry["kind"] as? String)
                #expect((entry["indicator"] is NSNull) == isReport)
                if isReport { #expect(entry["points"] as? Double == -0.5) }
            }
        }
        // The bundled 县人社局 sent no February report: charged 0.5.
        let renshe = try #require(departments.first { $0["department"] as? String == "县人社局" })
        let reasons = (renshe["entries"] as? [[String: Any]] ?? []).compactMap { $0["reason"] as? String }
        #expect(reasons.contains("2月报表未报送（截止3月15日）"))
    }

    @Test func ledgerTableIsInChinese() throws {
        let result = try KaoheProcess.run(["ledger"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("部门责任台账"))
        #expect(result.standardOutput.contains("牵头指标「"))
    }
}
