import KaoheCore

/// Numbers and dates the way Chinese official documents write them: 12.35亿元, 93.2%, 增长8.5%,
/// 提高2.1个百分点, 2019年8月, 2019年9月15日, 第3名. A missing value is "—".
public enum ChineseFormat {
    public static let missing = NumberFormat.missing

    /// A plain number: up to two decimals below 100, one below 1000, none above, trailing zeros
    /// dropped: 12.345 → "12.35", 618.26 → "618.3", 19300 → "19300", 69.0 → "69".
    public static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let magnitude = abs(value)
        let digits = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 1 || magnitude == 0 ? 2 : 4
        return trimmed(NumberFormat.fixed(value, digits: digits))
    }

    /// A number to `significant` digits (at least its whole part), trailing zeros dropped:
    /// 0.12723 → "0.127", 20.09 → "20.1", 2456.7 → "2457" (3 digits).
    public static func number(_ value: Double?, significant: Int) -> String {
        guard let value, value.isFinite else { return missing }
        var digits = max(significant, 1)
        var magnitude = abs(value)
        while magnitude >= 1, digits > 0 { magnitude /= 10; digits -= 1 }
        if abs(value) > 0 && abs(value) < 1 {
            var scaled = abs(value)
            while scaled < 0.1 { scaled *= 10; digits += 1 }
        }
        return trimmed(NumberFormat.fixed(value, digits: min(digits, 8)))
    }

    /// A number with its unit of measurement, no space between: "12.35亿元", "8.5%", "965人".
    /// The placeholder units 等次 (grades) and an empty unit give the number alone.
    public static func amount(_ value: Double?, unit: String, significant: Int? = nil) -> String {
        guard let value, value.isFinite else { return missing }
        let clean = unit.trimmingSpaces()
        return (significant.map { number(value, significant: $0) } ?? number(value)) + (clean == "等次" ? "" : clean)
    }

    /// The value of an indicator as prose writes it: a growth rate as "增长8.5%" or "下降1.2%",
    /// anything else as `amount`.
    public static func value(_ value: Double?, indicator: Indicator) -> String {
        guard let value, value.isFinite else { return missing }
        guard indicator.measure == .rate else { return amount(value, unit: indicator.unit) }
        let unit = indicator.unit.trimmingSpaces().isEmpty ? "%" : indicator.unit.trimmingSpaces()
        if value < 0 { return "下降" + number(-value) + unit }
        return "增长" + number(value) + unit
    }

    /// A ratio as a percentage: 0.932 → "93.2%".
    public static func percent(_ ratio: Double?, digits: Int = 1) -> String {
        NumberFormat.percent(ratio, digits: digits)
    }

    /// A probability with one decimal, never "0.0%" or "100.0%" unless exact: 0.632 → "63.2%",
    /// 0.0004 → "不足0.1%", 0.9996 → "超过99.9%".
    public static func probability(_ p: Double?) -> String {
        guard let p, p.isFinite else { return missing }
        if p <= 0 { return "0%" }
        if p >= 1 { return "100%" }
        if p < 0.0005 { return "不足0.1%" }
        if p > 0.9995 { return "超过99.9%" }
        return percent(p)
    }

    /// A probability of meeting a target as the risk reasons write it, a whole percentage: 0.345 →
    /// "35%", 0.003 → "不足1%" (`RiskText.probability`).
    public static func chance(_ p: Double?) -> String {
        guard let p, p.isFinite else { return missing }
        return RiskText.probability(p)
    }

    /// A change of a ratio in percentage points: +0.021 → "提高2.1个百分点", −0.082 → "下降8.2个百分点",
    /// below 0.05 points → "持平".
    public static func pointChange(_ delta: Double?) -> String {
        guard let delta, delta.isFinite else { return missing }
        let text = NumberFormat.fixed(abs(delta) * 100, digits: 1)
        if text == "0.0" { return "持平" }
        return (delta > 0 ? "提高" : "下降") + text + "个百分点"
    }

    /// A gap against time progress: −0.082 → "落后8.2个百分点", +0.03 → "超前3.0个百分点".
    public static func progressGap(_ gap: Double?) -> String {
        guard let gap, gap.isFinite else { return missing }
        let text = NumberFormat.fixed(abs(gap) * 100, digits: 1)
        if text == "0.0" { return "持平" }
        return (gap < 0 ? "落后" : "超前") + text + "个百分点"
    }

    /// Points with a sign: −2.4 → "−2.40", 3.6 → "+3.60", 0 → "0.00" (the minus sign U+2212).
    public static func signedPoints(_ value: Double?) -> String {
        guard let value, value.isFinite else { return missing }
        let text = NumberFormat.fixed(abs(value), digits: 2)
        if text == "0.00" { return text }
        return (value < 0 ? "−" : "+") + text
    }

    /// Points of a total: 88.214 → "88.21".
    public static func score(_ value: Double?) -> String { NumberFormat.decimal(value, digits: 2) }

    /// "2019年8月".
    public static func month(_ month: YearMonth) -> String { "\(month.year)年\(month.month)月" }

    /// "2019年9月15日".
    public static func date(_ date: CalendarDate) -> String { "\(date.year)年\(date.month)月\(date.day)日" }

    /// "2019年第三季度".
    public static func quarter(_ quarter: YearQuarter) -> String {
        "\(quarter.year)年第\(numeral(quarter.quarter))季度"
    }

    /// A rank among n: "第3名（共10个单位）".
    public static func rank(_ rank: Int, of count: Int) -> String { "第\(rank)名（共\(count)个单位）" }

    /// A change of rank: 5 → 3 "上升2位", 3 → 4 "下降1位", else "持平" (smaller is better).
    public static func rankChange(from old: Int, to new: Int) -> String {
        if new < old { return "上升\(old - new)位" }
        if new > old { return "下降\(new - old)位" }
        return "持平"
    }

    /// 1…10 as Chinese numerals (一…十); other values as digits.
    public static func numeral(_ value: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return (0...10).contains(value) ? digits[value] : String(value)
    }

    /// Drops trailing zeros after a decimal point: "12.30" → "12.3", "69.00" → "69".
    static func trimmed(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return result == "-0" ? "0" : String(result)
    }
}
