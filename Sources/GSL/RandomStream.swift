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

    /// Fills `buffer` with uniform draws from (0, 1), the numbers `uniformPositive()` would give one by
    /// one, in one call into GSL: no Swift-to-C call per draw.
    @inlinable
    public func fillUniformPositive(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        kaohe_rng_uniform_pos_fill(generator, base, buffer.count)
    }

    /// Fills `buffer` with uniform draws from [0, 1), the numbers `uniform()` would give one by one.
    @inlinable
    public func fillUniform(_ buffer: UnsafeMutableBufferPointer<Double>) {
        guard let base = buffer.baseAddress else { return }
        kaohe_rng_uniform_fill(generator, base, buffer.count)
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
