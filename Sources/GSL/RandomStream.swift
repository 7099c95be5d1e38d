import CGSL

/// A seeded stream of random numbers drawn by GSL (generator `taus2`, L'Ecuyer 1996).
///
/// A stream belongs to one task at a time and is therefore not `Sendable`. Parallel work gives every
/// block of draws its own sub-stream, `RandomStream(seed:substream:)`, keyed by the block's index and
/// not by the thread that happens to run it: the results are identical for the same seed whatever the
/// number of threads.
public final class RandomStream {
    @usableFromInline let generator: UnsafeMutablePointer<gsl_rng>

    /// The seed this stream was started from (after mixing in the sub-stream index).
    public let effectiveSeed: UInt64

    /// A stream for `seed`, or sub-stream `substream` of it.
    ///
    /// Sub-stream seeds are `splitmix64(seed ⊕ splitmix64(substream + 1))`, so neighbouring seeds and
    /// neighbouring sub-streams start far apart in taus2's state space.
    public init(seed: UInt64, substream: UInt64 = 0) {
        ErrorHandler.ensureOff()
        guard let generator = gsl_rng_alloc(kaohe_rng_taus2()) else {
            // gsl_rng_alloc fails only when malloc does; there is nothing sensible to continue with.
            fatalError("GSL could not allocate a random number generator (out of memory)")
        }
        self.generator = generator
        let mixed = Self.splitmix64(seed ^ Self.splitmix64(substream &+ 1))
        effectiveSeed = mixed
        // taus2 reads the seed's low 32 bits; fold the high half in so that no bit is wasted.
        // taus2 treats seed 0 as its default seed; that is harmless.
        gsl_rng_set(generator, UInt(truncatingIfNeeded: (mixed ^ (mixed >> 32)) & 0xffff_ffff))
    }

    deinit { gsl_rng_free(generator) }

    /// SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective mix of a 64-bit word.
    @inline(__always)
    static func splitmix64(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw from [0, 1).
    @inlinable @inline(__always)
    public func uniform() -> Double { gsl_rng_uniform(generator) }

    /// A uniform draw from (0, 1): never exactly 0, for logarithms and inverse CDFs.
    @inlinable @inline(__always)
    public func uniformPositive() -> Double { gsl_rng_uniform_pos(generator) }

    /// A normal draw with mean 0 and standard deviation `sigma` (GSL's ziggurat method).
    @inlinable @inline(__always)
    public func gaussian(sigma: Double = 1) -> Double { gsl_ran_gaussian_ziggurat(generator, sigma) }

    /// A Student-t draw with `degreesOfFreedom` ν > 0 (mean 0, scale 1).
    @inline(__always)
    public func studentT(degreesOfFreedom: Double) -> Double { gsl_ran_tdist(generator, degreesOfFreedom) }

    /// A Poisson draw with mean `mean` ≥ 0.
    @inline(__always)
    public func poisson(mean: Double) -> Int {
        mean > 0 ? Int(gsl_ran_poisson(generator, mean)) : 0
    }

    /// Runs `body` with taus2's state copied into a `Taus2` value and stores it back afterwards, so that
    /// a loop of uniform draws costs a few inlined shifts each instead of two indirect calls into GSL.
    /// The numbers are the very ones `uniform()` and `uniformPositive()` would give, in the same order.
    @inlinable
    public func withTaus2<Result>(_ body: (inout Taus2) -> Result) -> Result {
        // The stream was made with gsl_rng_taus2, whose state is taus_state_t: three unsigned longs.
        let state = generator.pointee.state.assumingMemoryBound(to: UInt.self)
        var taus = Taus2(s1: UInt32(truncatingIfNeeded: state[0]), s2: UInt32(truncatingIfNeeded: state[1]),
                         s3: UInt32(truncatingIfNeeded: state[2]))
        defer {
            state[0] = UInt(taus.s1)
            state[1] = UInt(taus.s2)
            state[2] = UInt(taus.s3)
        }
        return body(&taus)
    }

    /// Fills `buffer` with normal draws of standard deviation `sigma`, without allocating.
    public func fillGaussian(_ buffer: UnsafeMutableBufferPointer<Double>, sigma: Double = 1) {
        for index in buffer.indices { buffer[index] = gsl_ran_gaussian_ziggurat(generator, sigma) }
    }

    /// Fills `buffer` with Student-t draws with `degreesOfFreedom`, without allocating.
    public func fillStudentT(_ buffer: UnsafeMutableBufferPointer<Double>, degreesOfFreedom: Double) {
        for index in buffer.indices { buffer[index] = gsl_ran_tdist(generator, degreesOfFreedom) }
    }
}

/// GSL's taus2 generator (L'Ecuyer 1996, maximally equidistributed combined Tausworthe), step for step
/// as `rng/taus.c` computes it, on a copy of a `RandomStream`'s state (`RandomStream.withTaus2`):
///
///     s1 ← ((s1 & 0xFFFFFFFE) << 12) ⊕ (((s1 << 13) ⊕ s1) >> 19)
///     s2 ← ((s2 & 0xFFFFFFF8) <<  4) ⊕ (((s2 <<  2) ⊕ s2) >> 25)
///     s3 ← ((s3 & 0xFFFFFFF0) << 17) ⊕ (((s3 <<  3) ⊕ s3) >> 11)
///     output = s1 ⊕ s2 ⊕ s3,  uniform = output / 2³²
///
/// with every shift truncated to 32 bits (GSL masks its unsigned longs with 0xFFFFFFFF).
///
/// - Complexity: O(1) per draw.
public struct Taus2 {
    public var s1: UInt32
    public var s2: UInt32
    public var s3: UInt32

    @inlinable
    public init(s1: UInt32, s2: UInt32, s3: UInt32) {
        self.s1 = s1
        self.s2 = s2
        self.s3 = s3
    }

    /// The next 32-bit output (GSL's `taus_get`).
    @inlinable @inline(__always)
    public mutating func next() -> UInt32 {
        s1 = ((s1 & 0xFFFF_FFFE) &<< 12) ^ (((s1 &<< 13) ^ s1) &>> 19)
        s2 = ((s2 & 0xFFFF_FFF8) &<< 4) ^ (((s2 &<< 2) ^ s2) &>> 25)
        s3 = ((s3 & 0xFFFF_FFF0) &<< 17) ^ (((s3 &<< 3) ^ s3) &>> 11)
        return s1 ^ s2 ^ s3
    }

    /// A uniform draw from [0, 1) (`gsl_rng_uniform`).
    @inlinable @inline(__always)
    public mutating func uniform() -> Double { Double(next()) / 4_294_967_296.0 }

    /// A uniform draw from (0, 1) (`gsl_rng_uniform_pos`: a zero is drawn again).
    @inlinable @inline(__always)
    public mutating func uniformPositive() -> Double {
        // GSL draws again while the double is 0, i.e. while the output word is 0.
        var word = next()
        while word == 0 { word = next() }
        return Double(word) / 4_294_967_296.0
    }
}
