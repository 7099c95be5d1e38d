import Testing
@testable import KaoheCore

/// Encoding detection: UTF-8, UTF-8 with BOM, else GB18030; the UTF-8 check, also in parallel pieces.
@Suite struct CSVTextDecoderTests {
    @Test func utf8WithAndWithoutByteOrderMark() throws {
        let plain = try TextDecoder.decode(ByteBlock(Array("单位,值\n".utf8)))
        #expect(plain.encoding == .utf8 && plain.string == "单位,值\n")
        let marked = try TextDecoder.decode(ByteBlock([0xEF, 0xBB, 0xBF] + Array("a,b".utf8)))
        #expect(marked.encoding == .utf8WithBOM && marked.string == "a,b" && marked.start == 3)
    }

    @Test func invalidUTF8IsReadAsGB18030() throws {
        // 宁陕县 in GB18030 (checked against Python and iconv in LoadingAcceptedInputTests).
        let text = try TextDecoder.decode(ByteBlock(Array("id,name\r\n1,".utf8) + [0xC4, 0xFE, 0xC9, 0xC2, 0xCF, 0xD8, 0x0A]))
        #expect(text.encoding == .gb18030)
        #expect(text.string == "id,name\r\n1,宁陕县\n")
    }

    @Test func neitherEncodingNamesTheLine() {
        do {
            _ = try TextDecoder.decode(ByteBlock(Array("a,b\nc,d\ne,".utf8) + [0xFF, 0x0A]))
            Issue.record("must fail")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("字节 0xFF 不是有效的") && error.message.contains("既不是 UTF-8 也不是 GB18030"))
        }
    }

    @Test func utf16IsNamed() {
        do {
            _ = try TextDecoder.decode(ByteBlock([0xFF, 0xFE, 0x61, 0x00]))
            Issue.record("must fail")
        } catch {
            #expect(error.line == 1 && error.message.contains("UTF-16"))
        }
    }

    @Test func byteOrderMarkThenInvalidUTF8() {
        do {
            _ = try TextDecoder.decode(ByteBlock([0xEF, 0xBB, 0xBF] + Array("a\nb".utf8) + [0xC3, 0x28]))
            Issue.record("must fail")
        } catch {
            #expect(error.line == 2 && error.message.contains("字节顺序标记（BOM）"))
        }
    }

    @Test func utf8Checks() {
        func check(_ bytes: [UInt8]) -> Int? { bytes.withUnsafeBufferPointer { TextDecoder.firstInvalidUTF8($0) } }
        #expect(check(Array("plain ascii, 汉字 and 😀".utf8)) == nil)
        #expect(check([0x61, 0xC0, 0x80]) == 1)  // overlong
        #expect(check([0xED, 0xA0, 0x80]) == 0)  // surrogate
        #expect(check([0xF4, 0x90, 0x80, 0x80]) == 0)  // past U+10FFFF
        #expect(check([0x61, 0x62, 0xE6, 0xB1]) == 2)  // cut short
        #expect(check([0x80]) == 0)
    }

    /// Large texts are checked in pieces; the first invalid byte is the same as one pass finds, wherever it
    /// lies relative to the cuts.
    @Test func parallelCheckAgreesWithOnePass() {
        let unit = Array("县,宁陕,😀,abc\n".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 20_000 { bytes += unit }
        let pieceBytes = 1_000
        bytes.withUnsafeBufferPointer { buffer in
            #expect(TextDecoder.firstInvalidUTF8(buffer, pieceBytes: pieceBytes) == nil)
        }
        let pieces = min(16, bytes.count / pieceBytes)
        for k in [1, 2, 7, pieces - 1] {
            for offset in -4...4 {
                let at = bytes.count / pieces * k + offset
                for bad: UInt8 in [0xFF, 0x80, 0xE6] {
                    let saved = bytes[at]
                    bytes[at] = bad
                    bytes.withUnsafeBufferPointer { buffer in
                        #expect(TextDecoder.firstInvalidUTF8(buffer, pieceBytes: pieceBytes)
                                == TextDecoder.firstInvalidUTF8Sequentially(buffer), "byte \(bad) at \(at)")
                    }
                    bytes[at] = saved
                }
            }
        }
        // A character cut short at the very end.
        bytes += [0xE6, 0xB1]
        bytes.withUnsafeBufferPointer { buffer in
            #expect(TextDecoder.firstInvalidUTF8(buffer, pieceBytes: pieceBytes) == buffer.count - 2)
        }
    }
}
