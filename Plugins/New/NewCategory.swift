import KaoheCore

/// 新增考核指标 — an indicator new this year: no history of its own, so its forecast leans on the peers'
/// years (`pooled`) or on the linear pace; the office must learn its definition and set a baseline.
///
/// Scored like a quantitative indicator (`scoring.new.rule`, default `completion_rank`):
///
///     score = weight · (completion_share · min(max(c, 0), 1) + rank_share · max(0, 1 − (rank − 1) · rank_step))
///
/// Its own risk: a forecast that rests on a fallback (`pooled`, `linear`, `naive`) is a warning, because
/// its interval is a default, not evidence.
///
/// The worked examples are `examples`, run by the test suite.
public struct NewCategory: RuleScoredCategory {
    public static let id = "new"
    public static let displayName = "新增考核指标"
    public static let demand = "今年新增、没有历史数据；先弄清统计口径、评分标准和评价方法，建立基线。"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]

    public static let examples = [
        CategoryExample(
            "Completions 0.8 and 1.2 rank 2 and 1: 4·(0.6·0.8 + 0.4·0.95) = 3.44 and 4·(0.6 + 0.4) = 4",
            weight: 4, outcomes: [.completion(0.8), .completion(1.2)], points: [3.44, 4]),
    ]

    public let scored: RuleScoredIndicators

    public init(context: ScoringContext, settings: inout SettingsReader) {
        scored = RuleScoredIndicators(context: context, settings: &settings, defaultRule: CompletionRankRule.self)
    }

    public func riskReasons(position: Int, unit: Int) -> [RiskReason] {
        let indicator = scored.context.indicators[position]
        let forecast = scored.context.forecasts[indicator: indicator, unit: unit]
        guard forecast.usesFallback, let method = forecast.methodUsed else { return [] }
        let basis = ["pooled": "兄弟县区历史数据", "linear": "线性进度", "naive": "当前值"][method] ?? method
        return [RiskReason(level: .warning, code: "fallback_forecast",
                           text: "新增指标缺少本县历史数据，年底预测按\(basis)推算，不确定性较大")]
    }
}
