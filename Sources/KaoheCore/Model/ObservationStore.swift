/// Every monthly value of every (indicator, unit) series, in one contiguous array.
///
/// Layout: `values[((indicator · unitCount + unit) · yearCount + (year − firstYear)) · 12 + (month − 1)]`,
/// NaN where nothing was reported (January when January–February are reported together, months after
/// `as_of`, years before a unit's data begins). One series is 12 · `yearCount` adjacent doubles, so a
/// forecast reads its history with one pointer and a peer comparison strides across units.
///
/// - Complexity: 8 bytes per cell; 3,000 units × 60 indicators × 7 years is 121 MB.
public struct ObservationStore: Sendable {
    public let indicatorCount: Int
    public let unitCount: Int
    /// The earliest year present (history included).
    public let firstYear: Int
    /// The assessment year, the last year stored.
    public let lastYear: Int
    public var values: [Double]

    public var yearCount: Int { lastYear - firstYear + 1 }

    /// An empty store (every cell NaN).
    public init(indicatorCount: Int, unitCount: Int, firstYear: Int, lastYear: Int) {
        self.indicatorCount = indicatorCount
        self.unitCount = unitCount
        self.firstYear = firstYear
        self.lastYear = max(firstYear, lastYear)
        values = Array(repeating: .nan, count: indicatorCount * unitCount * (self.lastYear - firstYear + 1) * 12)
    }

    /// A store over `values` laid out as above (`values.count` must match), for a loader that fills the
    /// array itself.
    public init(indicatorCount: Int, unitCount: Int, firstYear: Int, lastYear: Int, values: [Double]) {
        precondition(lastYear >= firstYear && values.count == indicatorCount * unitCount * (lastYear - firstYear + 1) * 12,
                     "ObservationStore: \(values.count) values do not fit the layout")
        self.indicatorCount = indicatorCount
        self.unitCount = unitCount
        self.firstYear = firstYear
        self.lastYear = lastYear
        self.values = values
    }

    /// The offset of month 1 of `year` in the series of (`indicator`, `unit`).
    @inline(__always)
    public func offset(indicator: Int, unit: Int, year: Int) -> Int {
        ((indicator * unitCount + unit) * yearCount + (year - firstYear)) * 12
    }

    /// The value reported for `month` (1…12) of `year`, or nil.
    public func value(indicator: Int, unit: Int, year: Int, month: Int) -> Double? {
        guard year >= firstYear, year <= lastYear, (1...12).contains(month) else { return nil }
        let value = values[offset(indicator: indicator, unit: unit, year: year) + month - 1]
        return value.isNaN ? nil : value
    }

    /// Stores `value` for `month` of `year`.
    public mutating func set(_ value: Double, indicator: Int, unit: Int, year: Int, month: Int) {
        values[offset(indicator: indicator, unit: unit, year: year) + month - 1] = value
    }

    /// The latest month ≤ `through` of `year` that has a value, or nil.
    public func latestMonth(indicator: Int, unit: Int, year: Int, through: Int = 12) -> Int? {
        guard year >= firstYear, year <= lastYear else { return nil }
        let base = offset(indicator: indicator, unit: unit, year: year)
        var month = min(through, 12)
        while month >= 1 {
            if !values[base + month - 1].isNaN { return month }
            month -= 1
        }
        return nil
    }

    /// The years before `lastYear` in which the series has a value (ascending).
    public func historyYears(indicator: Int, unit: Int) -> [Int] {
        (firstYear..<lastYear).filter { latestMonth(indicator: indicator, unit: unit, year: $0) != nil }
    }
}
