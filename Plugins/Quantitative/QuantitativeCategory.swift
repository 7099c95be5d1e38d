import KaoheCore

/// A city-assessed indicator with a numeric annual target: finish or exceed it and take a high rank.
public enum QuantitativeCategory: IndicatorCategory {
    public static let id = "quantitative"
    public static let displayName = "量化指标"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]
}
