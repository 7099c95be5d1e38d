import KaoheCore

/// The negative list: each event deducts points from the county's total; a veto caps its grade.
public enum NegativeCategory: IndicatorCategory {
    public static let id = "negative"
    public static let displayName = "负面清单"
    public static let acceptedMeasures: Set<Measure> = [.events]
}
