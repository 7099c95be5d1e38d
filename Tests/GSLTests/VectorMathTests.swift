import Foundation
import GSL
import Testing

@Suite("Vector math")
struct VectorMathTests {
    /// libmvec promises at most 4 ulp; the C library's scalar exp (within 1 ulp) is the reference.
    /// Lengths 0, 1 and odd ones exercise the pairs and the remainder; the special values keep their
    /// meaning: exp(0) = 1 exactly, underflow to 0, overflow to +∞, NaN stays NaN.
    @Test func exponentiateMatchesTheScalarExp() {
        for count in [0, 1, 2, 3, 7, 64, 101] {
            let inputs = (0..<count).map { -30 + 60 * Double($0) / Double(max(count, 1)) + 0.123 }
            var values = inputs
            values.withUnsafeMutableBufferPointer { VectorMath.exponentiate($0) }
            for (x, y) in zip(inputs, values) {
                let expected = Foundation.exp(x)
                #expect(abs(y - expected) <= 8 * expected.ulp, "exp(\(x)) = \(y), expected \(expected)")
            }
        }
        var special: [Double] = [0, -800, 800, .nan, -.infinity]
        special.withUnsafeMutableBufferPointer { VectorMath.exponentiate($0) }
        #expect(special[0] == 1)
        #expect(special[1] == 0)
        #expect(special[2] == .infinity)
        #expect(special[3].isNaN)
        #expect(special[4] == 0)
    }
}
