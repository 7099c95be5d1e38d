import KaoheCore

/// A common (qualitative) indicator judged by city departments each quarter on the plan, completion report and evidence submitted.
public enum CommonCategory: IndicatorCategory {
    public static let id = "common"
    public static let displayName = "共性指标"
    public static let acceptedMeasures: Set<Measure> = [.grade]
}
