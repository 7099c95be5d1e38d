import Testing
@testable import KaoheCore

/// The worked examples in each rule's documentation, checked by hand-computed values.
@Suite struct ScoringRuleTests {
    private func expectClose(_ actual: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(actual.count == expected.count, sourceLocation: sourceLocation)
        for (a, e) in zip(actual, expected) {
            #expect(abs(a - e) <= 1e-12 * max(1, abs(e)), "\(actual) vs \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func completionRankSharesTheBetterRankOnTies() {
        let outcomes = IndicatorOutcomes(weight: 10, measure: .cumulative, direction: .higher,
                                         completions: [1.10, 0.95, 0.95, 0.80])
        // ranks 1, 2, 2, 4: 10·(0.6·1 + 0.4·1), 10·(0.6·0.95 + 0.4·0.95) twice, 10·(0.6·0.8 + 0.4·(1 − 3·0.05)).
        expectClose(CompletionRankRule().score(outcomes), [10, 9.5, 9.5, 8.2])
    }

    @Test func completionRankGivesNothingWithoutDataAndRanksThatUnitLast() {
        let outcomes = IndicatorOutcomes(weight: 10, measure: .cumulative, direction: .higher,
                                         completions: [.nan, 0.5])
        // The unit with data is rank 1: 10·(0.6·0.5 + 0.4·1) = 7.
        expectClose(CompletionRankRule().score(outcomes), [0, 7])
    }

    @Test func efficacyCoefficient() {
        let outcomes = IndicatorOutcomes(weight: 5, measure: .level, direction: .higher,
                                         completions: [0.9, 1.2, 0.3, -0.9])
        // 60 + 40·(c − 0.6)/0.4 → 90, 120→100, 30, −90→0; times 5/100.
        expectClose(EfficacyRule().score(outcomes), [4.5, 5, 1.5, 0])
    }

    @Test func deviationOnAGrowthRate() {
        let outcomes = IndicatorOutcomes(weight: 4, measure: .rate, direction: .higher,
                                         completions: [9 / 8, 12 / 8, 6.5 / 8, -2 / 8],
                                         values: [9, 12, 6.5, -2], targets: [8, 8, 8, 8])
        // 3.2 + 0.5·d with d = 1, 4 (5.2 capped at 4.8), −1.5, −10 (floored at 0).
        expectClose(DeviationRule().score(outcomes), [3.7, 4.8, 2.45, 0])
    }

    @Test func deviationWhenLowerIsBetter() {
        let outcomes = IndicatorOutcomes(weight: 4, measure: .rate, direction: .lower,
                                         completions: [1], values: [7], targets: [8])
        // One point below a ceiling of 8% is one point better: 3.2 + 0.5.
        expectClose(DeviationRule().score(outcomes), [3.7])
    }

    @Test func rankLadder() {
        let outcomes = IndicatorOutcomes(weight: 2, measure: .cumulative, direction: .higher,
                                         completions: [1.2, 1.1, 1.1, 0.9, 0.7])
        // ranks 1, 2, 2, 4, 5 → shares 1.0, 0.95, 0.95, 0.9 − 0.05, 0.9 − 0.10.
        expectClose(RankLadderRule().score(outcomes), [2, 1.9, 1.9, 1.7, 1.6])
    }

    @Test func rulesReadTheirSettingsAndReportBadOnesWithTheLine() {
        let section = ConfigValue.map([
            ("rule", .string("efficacy", line: 20)),
            ("floor", .number(1.2, line: 21)),
            ("satisfactory", .number(1.0, line: 22)),
        ], line: 19)
        var reader = SettingsReader(section: section, path: "scoring.quantitative")
        let rule = ScoringRules.chosen(by: &reader, default: CompletionRankRule.self)
        #expect(rule is EfficacyRule)
        #expect(reader.problems.count == 1)
        #expect(reader.problems.first?.line == 22)
        #expect(reader.problems.first?.message.hasPrefix("scoring.quantitative.satisfactory: 须大于 floor") == true)
    }

    @Test func unknownRuleNamesTheKnownOnes() {
        let section = ConfigValue.map([("rule", .string("lottery", line: 7))], line: 6)
        var reader = SettingsReader(section: section, path: "scoring.new")
        _ = ScoringRules.chosen(by: &reader, default: CompletionRankRule.self)
        #expect(reader.problems.map(\.line) == [7])
        #expect(reader.problems.first?.message.contains("scoring.new.rule: 计分规则 \"lottery\" 不存在") == true)
        #expect(reader.problems.first?.message.contains("completion_rank, efficacy, deviation, rank_ladder") == true)
    }
}

@Suite struct RankingTests {
    @Test func competitionRanksWithTiesAndMissingValues() {
        // 0.9 and 0.9·(1 + 1e-12) are equal under the 1e-9 tolerance; NaN and nil rank after all.
        let values: [Double?] = [0.8, 0.9, 0.9 * (1 + 1e-12), nil, 1.0, .nan]
        #expect(Ranking.ranks(values) == [4, 2, 2, 5, 1, 5])
        // Listings go by exact value (0.9·(1 + 1e-12) before 0.9), then index among the missing.
        #expect(Ranking.order(values) == [4, 2, 1, 0, 3, 5])
    }

    @Test func tieGroupsDoNotChainPastTheTolerance() {
        // Each value is within 0.6e-9 of the next, but the first and last differ by 1.2e-9 (relative).
        let values: [Double?] = [1.0, 1.0 - 0.6e-9, 1.0 - 1.2e-9]
        #expect(Ranking.ranks(values) == [1, 1, 3])
    }
}
