import CVectorMath

/// Elementwise functions over whole buffers, from the C library's vector math (glibc's libmvec on
/// x86-64: four doubles a call with AVX2, two without; its scalar functions elsewhere).
public enum VectorMath {
    /// xᵢ ← exp(xᵢ) for every element (libmvec: at most 4 ulp from the exact value).
    @inlinable
    public static func exponentiate(_ x: UnsafeMutableBufferPointer<Double>) {
        guard let base = x.baseAddress else { return }
        kaohe_exp_in_place(base, x.count)
    }
}
