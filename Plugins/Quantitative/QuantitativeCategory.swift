import KaoheCore

/// 量化指标 — a city-assessed indicator with a numeric annual target: finish or exceed it and take a
/// high rank.
///
/// Scored by the category's rule (`scoring.quantitative.rule`, default `completion_rank`, the spec's):
///
///     score = weight · (completion_share · min(max(c, 0), 1) + rank_share · max(0, 1 − (rank − 1) · rank_step))
///
/// with c the completion and rank the competition rank of c among all units (1, 2, 2, 4).
///
/// The worked examples are `examples`, run by the test suite.
public struct QuantitativeCategory: RuleScoredCategory {
    public static let id = "quantitative"
    public static let displayName = "量化指标"
    public static let demand = "完成或超额完成年度目标，并争取较高位次；按完成率和位次计分。"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]

    public static let examples = [
        CategoryExample(
            "Ties share the better rank: 1.05, 0.90, 0.90 rank 1, 2, 2 → 10·(0.6 + 0.4), 10·(0.54 + 0.38) twice",
            weight: 10, outcomes: [.completion(1.05), .completion(0.90), .completion(0.90)], points: [10, 9.2, 9.2]),
        CategoryExample(
            "The rank after a tie skips: 1.2, 1.0, 1.0, 0.7 rank 1, 2, 2, 4 → 10, 10·(0.6 + 0.38) twice, 10·(0.42 + 0.4·0.85)",
            weight: 10, outcomes: [.completion(1.2), .completion(1.0), .completion(1.0), .completion(0.7)],
            points: [10, 9.8, 9.8, 7.6]),
    ]

    public let scored: RuleScoredIndicators

    public init(context: ScoringContext, settings: inout SettingsReader) {
        scored = RuleScoredIndicators(context: context, settings: &settings, defaultRule: CompletionRankRule.self)
    }
}
