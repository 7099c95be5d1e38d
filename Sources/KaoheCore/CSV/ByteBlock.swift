#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable block of bytes: a whole file (mapped, or read with one `read`) or its UTF-8 transcoding.
///
/// `bytes` never changes after the block is made, so it may be read from several threads at once.
public final class ByteBlock: @unchecked Sendable {
    /// The start of the bytes.
    public let base: UnsafeMutablePointer<UInt8>
    /// The number of bytes.
    public let count: Int
    /// The length of the mapping when the block is a mapped file (0: allocated).
    private let mappedLength: Int

    /// Takes ownership of `base`, which must come from `ByteBlock.allocate(capacity:)`.
    init(owning base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        mappedLength = 0
    }

    private init(mapped base: UnsafeMutablePointer<UInt8>, count: Int) {
        self.base = base
        self.count = count
        mappedLength = count
    }

    /// A copy of `bytes`.
    public convenience init<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        let base = ByteBlock.allocate(capacity: bytes.count)
        var index = 0
        for byte in bytes {
            base[index] = byte
            index += 1
        }
        self.init(owning: base, count: bytes.count)
    }

    /// Memory for `capacity` bytes and eight zero bytes after them.
    static func allocate(capacity: Int) -> UnsafeMutablePointer<UInt8> {
        let base = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity + 8)
        (base + capacity).initialize(repeating: 0, count: 8)
        return base
    }

    deinit {
        if mappedLength > 0 {
            munmap(base, mappedLength)
        } else {
            base.deallocate()
        }
    }

    /// The contents.
    public var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The contents from `offset` on.
    public func bytes(from offset: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + offset, count: count - offset)
    }

    /// Why a file could not be read.
    public enum ReadFailure: Error, Sendable, Equatable {
        /// There is no file at the path.
        case missing
        /// The path is a folder.
        case isDirectory
        /// Any other failure, with the system's message.
        case unreadable(String)
    }

    /// Files at least this large are mapped (with the pages populated up front) rather than read.
    static let mappingThreshold = 4 << 20

    /// The whole file at `path`: mapped when large (no copy, no page faults while scanning), else read with
    /// one `read` call into one allocation.
    public static func read(path: String) throws(ReadFailure) -> ByteBlock {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { throw .missing }
            throw .unreadable(String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory }
        let size = Int(status.st_size)
        if (status.st_mode & S_IFMT) == S_IFREG && size >= mappingThreshold,
           let mapping = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
           mapping != MAP_FAILED {
            return ByteBlock(mapped: mapping.assumingMemoryBound(to: UInt8.self), count: size)
        }
        var capacity = max(size, 0)
        var base = allocate(capacity: capacity)
        var count = 0
        while true {
            if count == capacity {
                // The file grew, or its size is unknown (a pipe): make room and keep reading.
                let larger = allocate(capacity: max(capacity * 2, 65_536))
                larger.update(from: base, count: count)
                base.deallocate()
                base = larger
                capacity = max(capacity * 2, 65_536)
            }
            let got = Glibc.read(descriptor, base + count, min(capacity - count, 1 << 30))
            if got < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                base.deallocate()
                throw .unreadable(message)
            }
            if got == 0 { break }
            count += got
        }
        (base + count).initialize(repeating: 0, count: 8)
        return ByteBlock(owning: base, count: count)
    }
}
