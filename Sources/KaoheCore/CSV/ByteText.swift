/// Small helpers on UTF-8 byte slices, so that hot loops look at text without making Strings.
public enum ByteText {
    /// `bytes` without leading and trailing spaces, tabs, line ends and ideographic spaces (U+3000, which
    /// Chinese input methods type) — the same set as `String.trimmingSpaces()`.
    @inline(__always)
    public static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return bytes }
        var start = 0
        var end = bytes.count
        // Common case: nothing to trim.
        if base[0] > 0x20 && base[0] != 0xE3 && base[end - 1] > 0x20 && base[end - 1] != 0x80 { return bytes }
        while start < end {
            let byte = base[start]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                start += 1
            } else if byte == 0xE3 && start + 2 < end && base[start + 1] == 0x80 && base[start + 2] == 0x80 {
                start += 3
            } else {
                break
            }
        }
        while end > start {
            let byte = base[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                end -= 1
            } else if byte == 0x80 && end - 3 >= start && base[end - 3] == 0xE3 && base[end - 2] == 0x80 {
                end -= 3
            } else {
                break
            }
        }
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// The bytes as a String (invalid UTF-8 becomes U+FFFD).
    @inline(__always)
    public static func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two slices hold the same bytes.
    @inline(__always)
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
        var i = 0
        while i + 8 <= a.count {
            if UnsafeRawPointer(pa + i).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(pb + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < a.count {
            if pa[i] != pb[i] { return false }
            i += 1
        }
        return true
    }

    /// Whether `bytes`, ASCII-lowercased, equal the ASCII `lowercase` (for case-insensitive keywords).
    @inline(__always)
    public static func equalsIgnoringCase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let other = lowercase.utf8Start
        for i in 0..<bytes.count {
            var byte = bytes[i]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != other[i] { return false }
        }
        return true
    }
}

extension String {
    /// Calls `body` with the string's UTF-8 bytes.
    @inline(__always)
    func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        var copy = self
        return try copy.withUTF8(body)
    }
}
