/// How numbers are written in tables and reports: fixed decimals, percentages with one decimal,
/// a dash for a value that does not exist (as Chinese statistical tables print "—").
public enum NumberFormat {
    /// The mark printed for a missing value.
    public static let missing = "—"

    /// `value` with `digits` decimals, trailing zeros kept (aligned columns), or "—".
    public static func decimal(_ value: Double?, digits: Int = 2) -> String {
        guard let value, value.isFinite else { return missing }
        return fixed(value, digits: digits)
    }

    /// A ratio as a percentage with one decimal: 0.932 → "93.2%".
    public static func percent(_ ratio: Double?, digits: Int = 1) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        return fixed(ratio * 100, digits: digits) + "%"
    }

    /// A difference of ratios in percentage points with a sign: −0.082 → "-8.2".
    public static func points(_ ratio: Double?, digits: Int = 1) -> String {
        guard let ratio, ratio.isFinite else { return missing }
        let text = fixed(ratio * 100, digits: digits)
        return ratio > 0 && !text.allSatisfy({ $0 == "0" || $0 == "." }) ? "+" + text : text
    }

    /// Rounds half away from zero to `digits` decimals, without Foundation's locale-dependent formatting.
    public static func fixed(_ value: Double, digits: Int) -> String {
        let scale = (0..<digits).reduce(1.0) { value, _ in value * 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9e15 else { return String(value) }
        let integer = Int64(scaled)
        let whole = integer / Int64(scale)
        let fraction = integer % Int64(scale)
        let sign = value < 0 && integer != 0 ? "-" : ""
        guard digits > 0 else { return sign + String(whole) }
        let fractionText = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
