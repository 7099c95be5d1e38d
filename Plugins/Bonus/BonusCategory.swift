import KaoheCore

/// A bonus indicator: points for the completion rank at the top of the city, within a cap.
public enum BonusCategory: IndicatorCategory {
    public static let id = "bonus"
    public static let displayName = "加分指标"
    public static let acceptedMeasures: Set<Measure> = [.cumulative, .rate, .level]
}
