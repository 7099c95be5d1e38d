import Foundation
import GSL
import Testing

@Suite("Distributions against independent values")
struct DistributionsTests {
    @Test("Student-t 0.975 quantile with 10 degrees of freedom = 2.228138851986 (published t tables)")
    func studentT() throws {
        expectClose(try StudentT.quantile(0.975, degreesOfFreedom: 10), 2.228138851986, relative: 1e-12, "t(0.975; 10)")
        expectClose(try StudentT.cdf(2.228138851986, degreesOfFreedom: 10), 0.975, relative: 1e-12, "round trip")
    }

    @Test("Φ(1.959963984540054) = 0.975")
    func normal() throws {
        expectClose(try Normal.cdf(1.959963984540054), 0.975, relative: 1e-15, "Φ")
        expectClose(try Normal.quantile(0.975), 1.959963984540054, relative: 1e-14, "Φ⁻¹")
    }

    @Test("Poisson(2) CDF at 3 = 19/3 · e⁻²")
    func poisson() throws {
        // By hand: P(K ≤ 3) = e⁻² (2⁰/0! + 2¹/1! + 2²/2! + 2³/3!) = e⁻² (1 + 2 + 2 + 4/3) = e⁻² · 19/3
        //          ≈ 0.857123460498547.
        let expected = 19.0 / 3.0 * exp(-2.0)
        expectClose(try Poisson.cdf(3, mean: 2), expected, relative: 1e-13, "P(K ≤ 3)")
        expectClose(try Poisson.upperTail(3, mean: 2), 1 - expected, relative: 1e-12, "P(K > 3)")
        #expect(try Poisson.quantile(expected - 1e-9, mean: 2) == 3)  // integers: exact comparison
    }

    @Test("Probabilities outside (0, 1) in the inverses throw .domain and do not abort")
    func inverseDomain() {
        for p in [0.0, 1.0, -0.5, 1.5, .nan] {
            expectGSLError(.domain) { try StudentT.quantile(p, degreesOfFreedom: 10) }
            expectGSLError(.domain) { try Normal.quantile(p) }
        }
        expectGSLError(.domain) { try Poisson.quantile(1.0, mean: 2) }
        expectGSLError(.domain) { try Poisson.quantile(-0.1, mean: 2) }
        expectGSLError(.domain) { try StudentT.quantile(0.5, degreesOfFreedom: 0) }
        expectGSLError(.domain) { try Normal.cdf(0, sigma: -1) }
        expectGSLError(.domain) { try Poisson.cdf(1, mean: -1) }
    }
}
