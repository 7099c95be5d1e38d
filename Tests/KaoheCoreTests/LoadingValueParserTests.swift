import Testing
@testable import KaoheCore

/// Reading rules 5 and 6: numbers, periods, dates, quarters, yes/no.
@Suite struct LoadingValueParserTests {
    func number(_ text: String, percent: Bool = false) -> Result<Double, ValueParser.NumberFailure> {
        ValueParser.number(text, allowPercent: percent)
    }

    @Test(arguments: [
        ("12.3", 12.3), ("-4", -4), ("+4.5", 4.5), ("0", 0), ("0.1", 0.1), (".5", 0.5), ("5.", 5),
        ("1,234.5", 1234.5), ("1,234,567", 1_234_567), ("12,345", 12345), ("999,999.25", 999_999.25),
        ("１２３．５", 123.5), ("－１２", -12), ("−7.25", -7.25), ("１,２３４", 1234), ("  42 ", 42), ("\u{3000}42\u{3000}", 42),
        ("1.5e3", 1500), ("2E-2", 0.02), ("00012.50", 12.5),
        ("12345678901234567890", 1.2345678901234567e19), ("0.1234567890123456789", 0.1234567890123456789),
    ])
    func acceptedNumbers(text: String, expected: Double) throws {
        let value = try number(text).get()
        #expect(close(value, expected, tolerance: 1e-15), "\(text) → \(value)")
    }

    @Test(arguments: [
        ("12,3", ValueParser.NumberFailure.badGrouping), ("12,3a", .badGrouping), ("1234,567", .badGrouping),
        (",123", .badGrouping), ("1,23", .badGrouping), ("1,2345", .badGrouping), ("1,234,56", .badGrouping),
        ("1.234,5", .badGrouping), ("12,", .badGrouping),
        ("", .empty), ("   ", .empty), ("NaN", .notANumber), ("nan", .notANumber), ("inf", .notANumber),
        ("Infinity", .notANumber), ("-", .notANumber), (".", .notANumber), ("1.2.3", .notANumber), ("abc", .notANumber),
        ("12a", .notANumber), ("1 2", .notANumber), ("--1", .notANumber), ("0x10", .notANumber), ("1e", .notANumber),
        ("%", .notANumber), ("12%%", .notANumber), ("%12", .notANumber), ("12%", .percentNotAllowed),
        ("1e400", .outOfRange), ("十二", .notANumber),
    ])
    func rejectedNumbers(text: String, failure: ValueParser.NumberFailure) {
        #expect(number(text) == .failure(failure), "\(text)")
    }

    @Test func percentOnlyWhereAllowed() throws {
        #expect(close(try number("8.5%", percent: true).get(), 8.5))
        #expect(close(try number("８．５％", percent: true).get(), 8.5))
        #expect(close(try number("-1,200.5%", percent: true).get(), -1200.5))
        #expect(number("8.5%") == .failure(.percentNotAllowed))
    }

    @Test func messagesSayWhatWouldBeRight() {
        #expect(ValueParser.NumberFailure.badGrouping.message("value", "12,3").hasPrefix(
            "value \"12,3\" 不是数字；请填写数字（可带小数点），如 12.3 或 \"1,234.5\""))
        #expect(ValueParser.NumberFailure.percentNotAllowed.message("target", "120%")
            .contains("请只写数字，如 120"))
        #expect(ValueParser.NumberFailure.empty.message("value", "") == "value 为空；请填写数字，如 12.3")
    }

    /// The fast path agrees with the standard library to the last bit on plain decimals (compared as bit
    /// patterns: correct rounding is exactly what is tested).
    @Test func plainDecimalFastPathIsCorrectlyRounded() {
        var state: UInt64 = 12345
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let integer = state >> 40
            let fraction = (state >> 8) % 1_000_000
            let digits = Int(state % 7)
            var text = "\(integer)"
            if digits > 0 {
                let fractionText = String(fraction)
                text += "." + String(repeating: "0", count: max(0, 6 - fractionText.count)) + fractionText.prefix(digits)
            }
            if state & 1 == 1 { text = "-" + text }
            let expected = Double(text)!
            let parsed = text.withUTF8Bytes { ValueParser.plainDecimal($0) }
            #expect(parsed == nil || parsed!.bitPattern == expected.bitPattern, "\(text)")
            #expect((try? number(text).get())?.bitPattern == expected.bitPattern, "\(text)")
        }
    }

    @Test func periods() {
        func period(_ text: String) -> Result<YearMonth, ValueParser.CalendarFailure> {
            text.withUTF8Bytes { ValueParser.period($0) }
        }
        #expect(period("2019-08") == .success(YearMonth(year: 2019, month: 8)))
        #expect(period(" 2019-12 ") == .success(YearMonth(year: 2019, month: 12)))
        #expect(period("2019-8") == .failure(.malformed))
        #expect(period("2019/08") == .failure(.malformed))
        #expect(period("19-08") == .failure(.malformed))
        #expect(period("2019-08-01") == .failure(.malformed))
        #expect(period("２０１９-０８") == .failure(.malformed))
        #expect(period("") == .failure(.empty))
        #expect(period("2019-00") == .failure(.impossible("没有 0 月")))
        #expect(period("2019-13") == .failure(.impossible("没有 13 月")))
    }

    @Test func dates() {
        func date(_ text: String) -> Result<CalendarDate, ValueParser.CalendarFailure> {
            text.withUTF8Bytes { ValueParser.date($0) }
        }
        #expect(date("2019-03-02") == .success(CalendarDate(year: 2019, month: 3, day: 2)))
        #expect(date("2020-02-29") == .success(CalendarDate(year: 2020, month: 2, day: 29)))
        #expect(date("2019-02-29") == .failure(.impossible("2019-02 只有 28 天")))
        #expect(date("1900-02-29") == .failure(.impossible("1900-02 只有 28 天")))
        #expect(date("2000-02-29") == .success(CalendarDate(year: 2000, month: 2, day: 29)))
        #expect(date("2019-04-31") == .failure(.impossible("2019-04 只有 30 天")))
        #expect(date("2019-04-00") == .failure(.impossible("2019-04 只有 30 天")))
        #expect(date("2019-4-3") == .failure(.malformed))
        #expect(date("2019/04/03") == .failure(.malformed))
    }

    @Test func quarters() {
        func quarter(_ text: String) -> Result<YearQuarter, ValueParser.CalendarFailure> {
            text.withUTF8Bytes { ValueParser.quarter($0) }
        }
        #expect(quarter("2019-Q3") == .success(YearQuarter(year: 2019, quarter: 3)))
        #expect(quarter("2019-q1") == .success(YearQuarter(year: 2019, quarter: 1)))
        #expect(quarter("2019-Q0") == .failure(.impossible("没有第 0 季度")))
        #expect(quarter("2019-Q5") == .failure(.impossible("没有第 5 季度")))
        #expect(quarter("2019Q1") == .failure(.malformed))
        #expect(quarter("2019-3") == .failure(.malformed))
    }

    @Test func yesNoAndKeywords() {
        func yesNo(_ text: String) -> Bool? { text.withUTF8Bytes { ValueParser.yesNo($0) } }
        #expect(yesNo("yes") == true && yesNo(" YES ") == true && yesNo("No") == false && yesNo("no\u{3000}") == false)
        #expect(yesNo("y") == nil && yesNo("是") == nil && yesNo("") == nil && yesNo("yess") == nil)
        #expect(ValueParser.keyword(" CUMULATIVE ", as: Measure.self) == .cumulative)
        #expect(ValueParser.keyword("Lower", as: Direction.self) == .lower)
        #expect(ValueParser.keyword("down", as: Direction.self) == nil)
    }

    @Test func identifierTableIsExactAndCaseSensitive() {
        let table = IdentifierTable(["ningshan", "hanyin", "石泉", "a", ""] + (0..<500).map { "u\($0)" })
        #expect(table.index(of: "hanyin") == 1)
        #expect(table.index(of: "石泉") == 2)
        #expect(table.index(of: "Hanyin") == nil)
        #expect(table.index(of: "hanyi") == nil)
        #expect(table.index(of: "u499") == 504)
        #expect(table.caseInsensitiveMatch("HANYIN") == "hanyin")
    }

    @Test func trimmingBytes() {
        func trim(_ text: String) -> String { text.withUTF8Bytes { ByteText.string(ByteText.trimmed($0)) } }
        #expect(trim("  a b\t") == "a b")
        #expect(trim("\u{3000}宁陕\u{3000}") == "宁陕")
        #expect(trim("   ") == "")
        #expect(trim("县\u{3000}") == "县")
        #expect(trim("x") == "x")
    }
}
