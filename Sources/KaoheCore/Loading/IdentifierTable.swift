/// A read-only map from identifiers (unit or indicator ids, compared byte for byte, case-sensitive) to
/// their index, looked up with a byte slice so that no String is made per row.
///
/// Open addressing on a power-of-two table with FNV-1a hashes; the ids' bytes are kept in one array.
/// Immutable after `init`, so it can be shared between threads.
public struct IdentifierTable: Sendable {
    private let keyBytes: [UInt8]
    /// `keyStart[i]..<keyStart[i+1]` are the bytes of id i.
    private let keyStart: [Int]
    /// Slot → id index + 1 (0: empty).
    private let slots: [Int32]
    private let mask: Int
    /// The ids, in order.
    public let ids: [String]

    public init(_ ids: [String]) {
        self.ids = ids
        var bytes: [UInt8] = []
        var starts: [Int] = [0]
        for id in ids {
            bytes.append(contentsOf: id.utf8)
            starts.append(bytes.count)
        }
        keyBytes = bytes
        keyStart = starts
        var size = 16
        while size < ids.count * 2 { size *= 2 }
        mask = size - 1
        var table = [Int32](repeating: 0, count: size)
        bytes.withUnsafeBufferPointer { all in
            for index in ids.indices {
                let key = UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]])
                var slot = Int(truncatingIfNeeded: IdentifierTable.hash(key)) & (size - 1)
                while table[slot] != 0 {
                    let other = Int(table[slot]) - 1
                    if ByteText.equal(UnsafeBufferPointer(rebasing: all[starts[other]..<starts[other + 1]]), key) {
                        break  // A duplicate id keeps its first index.
                    }
                    slot = (slot + 1) & (size - 1)
                }
                if table[slot] == 0 { table[slot] = Int32(index + 1) }
            }
        }
        slots = table
    }

    public var count: Int { ids.count }

    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash ^ (hash >> 29)
    }

    /// The index of the id spelled by `key`, or nil.
    @inline(__always)
    public func index(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        var slot = Int(truncatingIfNeeded: IdentifierTable.hash(key)) & mask
        return keyBytes.withUnsafeBufferPointer { all in
            slots.withUnsafeBufferPointer { table in
                while true {
                    let entry = Int(table[slot])
                    if entry == 0 { return nil }
                    let index = entry - 1
                    let candidate = UnsafeBufferPointer(rebasing: all[keyStart[index]..<keyStart[index + 1]])
                    if ByteText.equal(candidate, key) { return index }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The index of `id`, or nil.
    public func index(of id: String) -> Int? { id.withUTF8Bytes { index(of: $0) } }

    /// The id that equals `text` ignoring case (for "did you mean" hints), or nil.
    public func caseInsensitiveMatch(_ text: String) -> String? {
        let wanted = text.lowercased()
        return ids.first { $0.lowercased() == wanted }
    }
}
