/// The value parsers of dataset.md's reading rules 5 and 6, on UTF-8 bytes (no String unless there is
/// an error to report).
public enum ValueParser {
    // MARK: Numbers (rule 5)

    /// Why a text is not an acceptable number.
    public enum NumberFailure: Error, Sendable, Equatable {
        /// Nothing (or only spaces) was written.
        case empty
        /// Not a number at all (letters, NaN, infinity, stray signs…).
        case notANumber
        /// Digits with a comma that is not a thousands separator between groups of exactly three.
        case badGrouping
        /// A trailing `%` where only rate and level values and targets may carry one.
        case percentNotAllowed
        /// Beyond the range of a double (e.g. 1e999).
        case outOfRange

        /// `file:line: <message>` text (Chinese): what is wrong and what would be right. `what` names the
        /// value by its column or key ("value", "target", "weight"…), `text` is the text as written.
        public func message(_ what: String, _ text: String) -> String {
            switch self {
            case .empty:
                return "\(what) 为空；请填写数字，如 12.3"
            case .notANumber:
                return "\(what) \"\(text)\" 不是数字；请填写数字（可带小数点），如 12.3 或 \"1,234.5\""
            case .badGrouping:
                return "\(what) \"\(text)\" 不是数字；请填写数字（可带小数点），如 12.3 或 \"1,234.5\""
                    + "（逗号只能作千位分隔符，每组恰好三位数字）"
            case .percentNotAllowed:
                let bare = text.trimmingSpaces().dropLast()
                return "\(what) \"\(text)\" 带有 % 号，只有 measure 为 rate 或 level 的指标可以带 %；"
                    + "请只写数字，如 \(bare)"
            case .outOfRange:
                return "\(what) \"\(text)\" 数值过大，无法作为数字读取；请核对该数字"
            }
        }
    }

    /// Exact powers of ten (10^0…10^22 are exact doubles).
    @usableFromInline static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The fast path for plain ASCII decimals (`-?[0-9]+(\.[0-9]+)?`, at most 19 digits, nothing to
    /// trim) with a correctly rounded result; nil for anything else (use `number`).
    @inline(__always)
    public static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        var negative = false
        if count > 0 && base[0] == UInt8(ascii: "-") {
            negative = true
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = 0
        var seenPoint = false
        let digitStart = i
        while i < count {
            let byte = base[i]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !seenPoint && i > digitStart {
                seenPoint = true
            } else {
                return nil
            }
            i += 1
        }
        guard digits > 0, digits <= 19, !(seenPoint && fractionDigits == 0) else { return nil }
        guard mantissa <= 1 << 53, fractionDigits <= 22 else { return nil }
        let magnitude = Double(mantissa) / powersOfTen[fractionDigits]
        return negative ? -magnitude : magnitude
    }

    /// A number under rule 5: ASCII or full-width digits (０-９), point (． or .) and sign (－, −, ＋),
    /// thousands separators only between groups of exactly three digits in the integer part, an optional
    /// exponent (1.5e3), a trailing `%` (or ％) only when `allowPercent` (8.5% is 8.5), spaces around.
    /// Never NaN or infinite.
    public static func number(_ raw: UnsafeBufferPointer<UInt8>, allowPercent: Bool) -> Result<Double, NumberFailure> {
        let bytes = ByteText.trimmed(raw)
        if bytes.isEmpty { return .failure(.empty) }
        if let fast = plainDecimal(bytes) { return .success(fast) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { ascii in
            // Fold full-width forms to ASCII.
            var n = 0
            var i = 0
            while i < bytes.count {
                let byte = bytes[i]
                if byte < 0x80 {
                    ascii[n] = byte
                    i += 1
                } else if byte == 0xEF, i + 2 < bytes.count, bytes[i + 1] == 0xBC {
                    let low = bytes[i + 2]
                    switch low {
                    case 0x90...0x99: ascii[n] = UInt8(ascii: "0") + (low - 0x90)
                    case 0x8E: ascii[n] = UInt8(ascii: ".")
                    case 0x8D: ascii[n] = UInt8(ascii: "-")
                    case 0x8B: ascii[n] = UInt8(ascii: "+")
                    case 0x85: ascii[n] = UInt8(ascii: "%")
                    default: return .failure(.notANumber)
                    }
                    i += 3
                } else if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x88, bytes[i + 2] == 0x92 {
                    ascii[n] = UInt8(ascii: "-")  // U+2212 MINUS SIGN
                    i += 3
                } else {
                    return .failure(.notANumber)
                }
                n += 1
            }
            return parseASCII(UnsafeBufferPointer(rebasing: ascii[0..<n]), allowPercent: allowPercent)
        }
    }

    /// `number` on a String.
    public static func number(_ text: String, allowPercent: Bool) -> Result<Double, NumberFailure> {
        text.withUTF8Bytes { number($0, allowPercent: allowPercent) }
    }

    static func parseASCII(_ s: UnsafeBufferPointer<UInt8>, allowPercent: Bool) -> Result<Double, NumberFailure> {
        var i = 0
        let count = s.count
        var hasComma = false
        for byte in s where byte == UInt8(ascii: ",") { hasComma = true }
        let failure: NumberFailure = hasComma ? .badGrouping : .notANumber
        @inline(__always) func isDigit(_ k: Int) -> Bool { k < count && s[k] &- UInt8(ascii: "0") < 10 }

        var negative = false
        if i < count && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
            negative = s[i] == UInt8(ascii: "-")
            i += 1
        }
        // Significant digits (commas dropped) and the decimal exponent they carry.
        var digits: [UInt8] = []
        digits.reserveCapacity(count)
        var exponent = 0
        // Integer part, with optional thousands groups.
        var groupLength = 0
        var groups = 0
        var integerDigits = 0
        while i < count {
            let byte = s[i]
            if byte &- UInt8(ascii: "0") < 10 {
                digits.append(byte)
                groupLength += 1
                integerDigits += 1
            } else if byte == UInt8(ascii: ",") {
                // The first group has 1…3 digits, every later one exactly 3, and a digit follows.
                if groups == 0 ? !(1...3).contains(groupLength) : groupLength != 3 { return .failure(.badGrouping) }
                guard isDigit(i + 1) else { return .failure(.badGrouping) }
                groups += 1
                groupLength = 0
            } else {
                break
            }
            i += 1
        }
        if groups > 0 && groupLength != 3 { return .failure(.badGrouping) }
        var fractionDigits = 0
        if i < count && s[i] == UInt8(ascii: ".") {
            i += 1
            while isDigit(i) {
                digits.append(s[i])
                fractionDigits += 1
                i += 1
            }
        }
        guard integerDigits + fractionDigits > 0 else { return .failure(failure) }
        exponent -= fractionDigits
        if i < count && (s[i] == UInt8(ascii: "e") || s[i] == UInt8(ascii: "E")) {
            i += 1
            var exponentNegative = false
            if i < count && (s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: "+")) {
                exponentNegative = s[i] == UInt8(ascii: "-")
                i += 1
            }
            guard isDigit(i) else { return .failure(failure) }
            var written = 0
            while isDigit(i) {
                if written < 100_000 { written = written * 10 + Int(s[i] - UInt8(ascii: "0")) }
                i += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if i < count && s[i] == UInt8(ascii: "%") {
            guard i + 1 == count else { return .failure(failure) }
            guard allowPercent else { return .failure(.percentNotAllowed) }
            i += 1
        }
        guard i == count else { return .failure(failure) }

        // Drop leading zeros; all zero is zero.
        var first = 0
        while first < digits.count && digits[first] == UInt8(ascii: "0") { first += 1 }
        if first == digits.count { return .success(negative ? -0.0 : 0) }
        let significant = digits.count - first
        if significant <= 19 {
            var mantissa: UInt64 = 0
            for k in first..<digits.count { mantissa = mantissa * 10 + UInt64(digits[k] - UInt8(ascii: "0")) }
            if mantissa <= 1 << 53 && abs(exponent) <= 22 {
                let magnitude = exponent >= 0 ? Double(mantissa) * powersOfTen[exponent]
                    : Double(mantissa) / powersOfTen[-exponent]
                if magnitude.isFinite { return .success(negative ? -magnitude : magnitude) }
                return .failure(.outOfRange)
            }
        }
        // Anything longer: the standard library's correctly rounded conversion of "DIGITSeEXP".
        var text = negative ? "-" : ""
        text += String(decoding: digits[first...], as: UTF8.self)
        text += "e\(exponent)"
        guard let value = Double(text), value.isFinite else { return .failure(.outOfRange) }
        return .success(value)
    }

    // MARK: Periods, dates, quarters (rule 6)

    @inline(__always)
    static func twoDigits(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int? {
        let a = s[at] &- UInt8(ascii: "0"), b = s[at + 1] &- UInt8(ascii: "0")
        guard a < 10, b < 10 else { return nil }
        return Int(a) * 10 + Int(b)
    }

    @inline(__always)
    static func fourDigits(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let high = twoDigits(s, 0), let low = twoDigits(s, 2) else { return nil }
        return high * 100 + low
    }

    /// The shape of a period, date or quarter: well-formed, or what is wrong with it.
    public enum CalendarFailure: Error, Sendable, Equatable {
        case empty
        /// Not in the required form.
        case malformed
        /// Well-formed but impossible (month 13, 30 February, Q5), with what is wrong (in Chinese).
        case impossible(String)
    }

    /// `YYYY-MM` exactly (after trimming), month 01…12. The year is not range-checked.
    @inline(__always)
    public static func period(_ raw: UnsafeBufferPointer<UInt8>) -> Result<YearMonth, CalendarFailure> {
        let s = ByteText.trimmed(raw)
        guard s.count == 7 else { return .failure(s.isEmpty ? .empty : .malformed) }
        guard s[4] == UInt8(ascii: "-"), let year = fourDigits(s), let month = twoDigits(s, 5) else {
            return .failure(.malformed)
        }
        guard (1...12).contains(month) else { return .failure(.impossible("没有 \(month) 月")) }
        return .success(YearMonth(year: year, month: month))
    }

    /// `YYYY-MM-DD` exactly (after trimming), a real Gregorian date. The year is not range-checked.
    public static func date(_ raw: UnsafeBufferPointer<UInt8>) -> Result<CalendarDate, CalendarFailure> {
        let s = ByteText.trimmed(raw)
        guard s.count == 10 else { return .failure(s.isEmpty ? .empty : .malformed) }
        guard s[4] == UInt8(ascii: "-"), s[7] == UInt8(ascii: "-"), let year = fourDigits(s),
              let month = twoDigits(s, 5), let day = twoDigits(s, 8) else { return .failure(.malformed) }
        guard (1...12).contains(month) else { return .failure(.impossible("没有 \(month) 月")) }
        let days = CalendarDate.daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return .failure(.impossible("\(year)-\(month < 10 ? "0" : "")\(month) 只有 \(days) 天"))
        }
        return .success(CalendarDate(year: year, month: month, day: day))
    }

    /// `YYYY-Qn` (after trimming; the Q in either case), n 1…4. The year is not range-checked.
    public static func quarter(_ raw: UnsafeBufferPointer<UInt8>) -> Result<YearQuarter, CalendarFailure> {
        let s = ByteText.trimmed(raw)
        guard s.count == 7 else { return .failure(s.isEmpty ? .empty : .malformed) }
        guard s[4] == UInt8(ascii: "-"), s[5] | 0x20 == UInt8(ascii: "q"), let year = fourDigits(s) else {
            return .failure(.malformed)
        }
        let quarter = Int(s[6] &- UInt8(ascii: "0"))
        guard quarter < 10 else { return .failure(.malformed) }
        guard (1...4).contains(quarter) else { return .failure(.impossible("没有第 \(quarter) 季度")) }
        return .success(YearQuarter(year: year, quarter: quarter))
    }

    // MARK: Yes/no and keywords

    /// `yes` or `no`, trimmed and case-insensitive.
    public static func yesNo(_ raw: UnsafeBufferPointer<UInt8>) -> Bool? {
        let s = ByteText.trimmed(raw)
        if ByteText.equalsIgnoringCase(s, "yes") { return true }
        if ByteText.equalsIgnoringCase(s, "no") { return false }
        return nil
    }

    /// The enum case whose raw value equals the text, trimmed and case-insensitive.
    public static func keyword<E: RawRepresentable & CaseIterable>(_ text: String, as: E.Type) -> E?
    where E.RawValue == String {
        let wanted = text.trimmingSpaces().lowercased()
        return E.allCases.first { $0.rawValue.lowercased() == wanted }
    }
}
