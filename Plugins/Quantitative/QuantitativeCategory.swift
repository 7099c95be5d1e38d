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
/// Example (defaults 0.6 / 0.4 / 0.05, weight 10): three counties at completions 1.05, 0.90, 0.90 rank
/// 1, 2, 2 and score 10·(0.6 + 0.4) = 10, 10·(0.54 + 0.38) = 9.2 and 9.2.
public struct QuantitativeCategory: IndicatorCategory {
    public static let id = "quantitative"
    public static let displayName = "量化指标"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]

    let scored: RuleScoredIndicators

    public init(context: ScoringContext, settings: inout SettingsReader) {
        scored = RuleScoredIndicators(context: context, settings: &settings, defaultRule: CompletionRankRule.self)
    }

    public func points(_ scenario: Scenario, push: Push?) -> [[Double]] { scored.points(scenario, push: push) }

    public func isRandom(position: Int) -> Bool { scored.isRandom(position: position) }

    public func simulatePoints(position: Int, stream: RandomStream, push: Push?, workspace: SimulationWorkspace,
                               into points: UnsafeMutableBufferPointer<Double>) {
        scored.simulatePoints(position: position, stream: stream, push: push, workspace: workspace, into: points)
    }
}
