import KaoheCore

/// An indicator new this year: no history of its own, so forecasts lean on the peers and fallbacks.
public enum NewCategory: IndicatorCategory {
    public static let id = "new"
    public static let displayName = "新增考核指标"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]
}
