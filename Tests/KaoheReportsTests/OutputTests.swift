import Testing
import KaoheCore
@testable import KaoheReports

@Suite struct TextTableTests {
    @Test func chineseCharactersTakeTwoColumns() {
        // 宁陕县 is three CJK ideographs: 3 × 2 = 6 columns; "GDP" is 3; the full-width ％ (U+FF05) is 2.
        #expect(TextTable.displayWidth("宁陕县") == 6)
        #expect(TextTable.displayWidth("GDP增速") == 3 + 2 * 2)
        #expect(TextTable.displayWidth("８％") == 4)
    }

    @Test func columnsLineUpUnderMixedScripts() {
        var table = TextTable(headers: ["单位", "完成率"], alignments: [.left, .right])
        table.append(["宁陕县", "93.2%"])
        table.append(["hanbin", "101.0%"])
        let lines = table.rendered().split(separator: "\n").map(String.init)
        // Column 1 is 6 wide (宁陕县 and hanbin), then two spaces; column 2 is 6 wide (完成率 = 6, 101.0% = 6).
        #expect(lines[0] == "单位    完成率")
        #expect(lines[2] == "宁陕县   93.2%")
        #expect(lines[3] == "hanbin  101.0%")
        #expect(lines.map(TextTable.displayWidth).allSatisfy { $0 == 14 })
    }
}

@Suite struct JSONValueTests {
    @Test func missingAndNonFiniteNumbersAreNull() {
        let missing: Double? = nil
        #expect(JSONValue.number(missing) == .null)
        #expect(JSONValue.number(Double?.some(.nan)) == .null)
        // Even a non-finite value given directly to the case is written as null, never as NaN.
        #expect(JSONValue.array([.number(.nan), .number(-.infinity)]).rendered(pretty: false) == "[null,null]")
    }

    @Test func keysKeepTheirOrderAndTextIsEscaped() {
        let document = JSONValue.object([
            ("unit", .string("宁陕县 \"home\"\n")),
            ("completion", .number(0.5)),
            ("rank", .integer(3)),
            ("p_meet", .null),
        ])
        #expect(document.rendered(pretty: false)
            == #"{"unit":"宁陕县 \"home\"\n","completion":0.5,"rank":3,"p_meet":null}"#)
    }

    @Test func prettyTextIndentsTwoSpacesALevel() {
        let document = JSONValue.object([("a", .array([.integer(1), .object([("b", .bool(true))]), .array([])])), ("c", .object([]))])
        #expect(document.rendered() == """
            {
              "a": [
                1,
                {
                  "b": true
                },
                []
              ],
              "c": {}
            }
            """)
    }

    /// The streamed object is the rendered one, byte for byte, for arrays shorter than a batch, of
    /// exactly one, longer, and empty, at the start, middle and end of the object.
    @Test(arguments: [0, 1, 63, 64, 65, 200])
    func streamedObjectIsTheRenderedOne(count: Int) {
        let element: @Sendable (Int) -> JSONValue = { index in
            .object([("i", .integer(index)), ("p", .array((0..<(index % 4)).map { .number(Double($0) / 3) })), ("s", .string("第\(index)名"))])
        }
        let streamedArray = JSONValue.array((0..<count).map(element))
        for position in 0..<3 {
            var entries: [(String, JSONValue)] = [("head", .string("x")), ("tail", .object([("n", .null)]))]
            entries.insert(("units", .null), at: position)
            var streamed = ""
            JSONValue.writeObject(entries, streaming: "units", count: count, element: element) { streamed += $0 }
            entries[position].1 = streamedArray
            #expect(streamed == JSONValue.object(entries).rendered(), "units at \(position)")
        }
    }
}

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (0.932, "93.2%"), (1.0, "100.0%"), (0.00049, "0.0%"), (-0.0824, "-8.2%"), (0.9995, "100.0%"),
    ])
    func percentages(ratio: Double, expected: String) {
        #expect(NumberFormat.percent(ratio) == expected)
    }

    @Test func decimalsRoundHalfAwayFromZero() {
        // 0.125 and 3.5 are exact in binary, so these are true halves: 四舍五入 rounds them away from zero.
        #expect(NumberFormat.decimal(0.125) == "0.13")
        #expect(NumberFormat.decimal(-0.125) == "-0.13")
        #expect(NumberFormat.decimal(-3.5, digits: 0) == "-4")
        #expect(NumberFormat.decimal(12, digits: 1) == "12.0")
        #expect(NumberFormat.decimal(nil) == "—")
    }

    @Test func percentagePointsCarryASign() {
        #expect(NumberFormat.points(0.082) == "+8.2")
        #expect(NumberFormat.points(-0.082) == "-8.2")
        #expect(NumberFormat.points(0) == "0.0")
    }
}
