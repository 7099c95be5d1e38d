import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// The encoding a text file was found in (dataset.md, reading rule 4).
public enum TextEncoding: String, Sendable {
    case utf8 = "UTF-8"
    case utf8WithBOM = "UTF-8 with BOM"
    case gb18030 = "GB18030"
}

/// A file's text as UTF-8 bytes, whatever it was written in.
public struct DecodedText: Sendable {
    /// UTF-8 bytes; a byte-order mark, if any, is before `start`.
    public let buffer: ByteBlock
    public let start: Int
    /// What the file was written in.
    public let encoding: TextEncoding

    public init(buffer: ByteBlock, start: Int, encoding: TextEncoding) {
        self.buffer = buffer
        self.start = start
        self.encoding = encoding
    }

    /// The UTF-8 text, without a byte-order mark.
    public var bytes: UnsafeBufferPointer<UInt8> { buffer.bytes(from: start) }

    /// The text as a String.
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Why a file's text could not be decoded: the 1-based line and what is wrong and what would be right.
public struct TextDecodingFailure: Error, Sendable, Equatable {
    public var line: Int
    public var message: String
}

/// Decodes text the way Excel and WPS in China write it: UTF-8, UTF-8 with a byte-order mark, else
/// GB18030 (a superset of GBK and GB2312), transcoded to UTF-8 with glibc's iconv.
public enum TextDecoder {
    /// `raw` as UTF-8 text.
    public static func decode(_ raw: ByteBlock) throws(TextDecodingFailure) -> DecodedText {
        let bytes = raw.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            let rest = raw.bytes(from: 3)
            if let bad = firstInvalidUTF8(rest) {
                throw TextDecodingFailure(
                    line: lineNumber(in: bytes, at: bad + 3),
                    message: "文件以 UTF-8 字节顺序标记（BOM）开头，但\(describeByte(bytes, at: bad + 3))不是有效的 UTF-8；"
                        + "请重新另存为 UTF-8（Excel 中选择 CSV UTF-8）")
            }
            return DecodedText(buffer: raw, start: 3, encoding: .utf8WithBOM)
        }
        guard let badUTF8 = firstInvalidUTF8(bytes) else {
            return DecodedText(buffer: raw, start: 0, encoding: .utf8)
        }
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            throw TextDecodingFailure(
                line: 1,
                message: "文件是 UTF-16 编码（Excel 的“Unicode 文本”），无法读取；请另存为 CSV UTF-8"
                    + "（或 GB18030/GBK 编码的 CSV）")
        }
        switch transcodeGB18030(bytes) {
        case let .success(converted):
            let start = converted.count >= 3 && converted.base[0] == 0xEF && converted.base[1] == 0xBB
                && converted.base[2] == 0xBF ? 3 : 0
            return DecodedText(buffer: converted, start: start, encoding: .gb18030)
        case let .failure(badGB):
            let utf8Line = lineNumber(in: bytes, at: badUTF8)
            let gbLine = lineNumber(in: bytes, at: badGB.offset)
            throw TextDecodingFailure(
                line: utf8Line,
                message: "文本既不是 UTF-8 也不是 GB18030：\(describeByte(bytes, at: badUTF8))不是有效的 UTF-8，"
                    + (gbLine == utf8Line ? "" : "第 \(gbLine) 行的")
                    + "\(describeByte(bytes, at: badGB.offset))不是有效的 GB18030；请将文件另存为 UTF-8"
                    + "（Excel 中选择 CSV UTF-8）")
        }
    }

    /// "字节 0xFF " (spaced to sit between Chinese words).
    static func describeByte(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> String {
        guard offset < bytes.count else { return "文件末尾（字符不完整）" }
        let hex = String(bytes[offset], radix: 16, uppercase: true)
        return "字节 0x\(hex.count < 2 ? "0" : "")\(hex) "
    }

    /// The 1-based line of byte `offset` (LF, CRLF and lone CR end lines).
    public static func lineNumber(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        var line = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
            } else if byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A) {
                line += 1
            }
            index += 1
        }
        return line
    }

    /// The offset of the first byte that does not begin a well-formed UTF-8 sequence (no overlong forms,
    /// no surrogates, nothing past U+10FFFF), or nil when all of `bytes` is UTF-8.
    ///
    /// Large texts are checked in parallel pieces cut just before a byte that starts a character (a valid
    /// sequence never spans such a cut, so the answer is the same as one pass's).
    public static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        firstInvalidUTF8(bytes, pieceBytes: 8 << 20)
    }

    /// `firstInvalidUTF8` in pieces of at least `pieceBytes` (tests make them small).
    static func firstInvalidUTF8(_ bytes: UnsafeBufferPointer<UInt8>, pieceBytes: Int) -> Int? {
        let pieceCount = min(16, bytes.count / max(pieceBytes, 1))
        guard pieceCount > 1 else { return firstInvalidUTF8Sequentially(bytes) }
        var cuts = [0]
        for k in 1..<pieceCount {
            var cut = bytes.count / pieceCount * k
            // Back up over continuation bytes (10xxxxxx) to the start of a character (at most 3).
            var steps = 0
            while steps < 3 && bytes[cut] & 0xC0 == 0x80 {
                cut -= 1
                steps += 1
            }
            if cut > cuts.last! { cuts.append(cut) }
        }
        cuts.append(bytes.count)
        let work = PieceCheck(bytes: bytes, cuts: cuts)
        DispatchQueue.concurrentPerform(iterations: cuts.count - 1) { k in work.check(k) }
        return work.found.compactMap { $0 }.min()
    }

    /// The pieces of a parallel check and one result slot per piece (each written by one thread; the
    /// bytes are only read).
    private final class PieceCheck: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>
        let cuts: [Int]
        var found: UnsafeMutableBufferPointer<Int?>

        init(bytes: UnsafeBufferPointer<UInt8>, cuts: [Int]) {
            self.bytes = bytes
            self.cuts = cuts
            found = .allocate(capacity: cuts.count - 1)
            found.initialize(repeating: nil)
        }

        deinit { found.deallocate() }

        func check(_ k: Int) {
            let piece = UnsafeBufferPointer(rebasing: bytes[cuts[k]..<cuts[k + 1]])
            found[k] = TextDecoder.firstInvalidUTF8Sequentially(piece).map { $0 + cuts[k] }
        }
    }

    static func firstInvalidUTF8Sequentially(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var i = 0
        while i < count {
            // ASCII runs, eight bytes at a time.
            while i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            if i >= count { break }
            let lead = base[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            @inline(__always) func continuation(_ k: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
                i + k < count && base[i + k] >= low && base[i + k] <= high
            }
            switch lead {
            case 0xC2...0xDF:
                guard continuation(1) else { return i }
                i += 2
            case 0xE0:
                guard continuation(1, 0xA0), continuation(2) else { return i }
                i += 3
            case 0xE1...0xEC, 0xEE...0xEF:
                guard continuation(1), continuation(2) else { return i }
                i += 3
            case 0xED:
                guard continuation(1, 0x80, 0x9F), continuation(2) else { return i }
                i += 3
            case 0xF0:
                guard continuation(1, 0x90), continuation(2), continuation(3) else { return i }
                i += 4
            case 0xF1...0xF3:
                guard continuation(1), continuation(2), continuation(3) else { return i }
                i += 4
            case 0xF4:
                guard continuation(1, 0x80, 0x8F), continuation(2), continuation(3) else { return i }
                i += 4
            default:
                return i
            }
        }
        return nil
    }

    /// Where GB18030 text stopped being GB18030.
    public struct InvalidGB18030: Error, Sendable {
        /// The offset of the first byte iconv could not convert (the length when a character is cut short).
        public var offset: Int
    }

    /// `bytes` read as GB18030, converted to UTF-8 with glibc's iconv.
    public static func transcodeGB18030(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<ByteBlock, InvalidGB18030> {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else {
            return .failure(InvalidGB18030(offset: 0))
        }
        defer { iconv_close(converter) }
        // GB18030 → UTF-8 grows at most 3 bytes for 2 (BMP) and keeps 4 for 4.
        var capacity = bytes.count + bytes.count / 2 + 16
        var output = ByteBlock.allocate(capacity: capacity)
        var written = 0
        var consumed = 0
        guard let source = bytes.baseAddress else {
            return .success(ByteBlock(owning: output, count: 0))
        }
        while consumed < bytes.count {
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: source + consumed)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = bytes.count - consumed
            var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(output + written)
                .assumingMemoryBound(to: CChar.self)
            var outLeft = capacity - written
            let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
            let code = errno
            consumed = bytes.count - inLeft
            written = capacity - outLeft
            if result != -1 { break }
            if code == E2BIG {
                let larger = ByteBlock.allocate(capacity: capacity * 2)
                larger.update(from: output, count: written)
                output.deallocate()
                output = larger
                capacity *= 2
                continue
            }
            output.deallocate()
            return .failure(InvalidGB18030(offset: consumed))
        }
        (output + written).initialize(repeating: 0, count: 8)
        return .success(ByteBlock(owning: output, count: written))
    }
}
