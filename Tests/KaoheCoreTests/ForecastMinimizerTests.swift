import Foundation
import GSL
import Testing

extension ForecastTests {
    @Suite("Nelder–Mead minimiser (GSL nmsimplex2)")
    struct NelderMead {
        /// The example of the GSL manual (§ Multidimensional Minimization, "Examples"): the paraboloid
        /// f(x, y) = 10(x − 1)² + 20(y − 2)² + 30 has its minimum 30 at (1, 2).
        @Test func paraboloid() throws {
            let minimizer = try NelderMeadMinimizer(dimension: 2)
            // f is flat to 1e-16 relative within ~1e-8 of the minimum, so the simplex cannot shrink much
            // below that: ask for 1e-7.
            let result = try minimizer.minimize(from: [5, 7], steps: [1, 1], sizeTolerance: 1e-7) { p in
                10 * (p[0] - 1) * (p[0] - 1) + 20 * (p[1] - 2) * (p[1] - 2) + 30
            }
            #expect(result.converged)
            #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 2) < 1e-6)
            #expect(abs(result.value - 30) < 1e-12)
        }

        /// Rosenbrock's valley, (1 − x)² + 100(y − x²)², minimum 0 at (1, 1), from the classic (−1.2, 1).
        @Test func rosenbrock() throws {
            let minimizer = try NelderMeadMinimizer(dimension: 2)
            let rosenbrock: (UnsafeBufferPointer<Double>) -> Double = { p in
                (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0])
            }
            let result = try minimizer.minimize(from: [-1.2, 1], steps: [0.5, 0.5], sizeTolerance: 1e-10, objective: rosenbrock)
            #expect(result.converged)
            #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6)
            // The instance is reusable and deterministic.
            let again = try minimizer.minimize(from: [-1.2, 1], steps: [0.5, 0.5], sizeTolerance: 1e-10, objective: rosenbrock)
            #expect(again == result)
        }

        /// The stall test (`valueTolerance`) measures the first window from the initial simplex, whatever
        /// the instance minimised before: GSL sets `gsl_multimin_fminimizer_minimum` only in an
        /// iteration, so before the first one it still holds the previous minimisation's minimum (or
        /// garbage in a new instance), and a fit stopped after its first window or not depending on
        /// which fit had run before it on the same thread.
        @Test func stallTestIgnoresEarlierMinimisations() throws {
            let rosenbrock: (UnsafeBufferPointer<Double>) -> Double = { p in
                (1 - p[0]) * (1 - p[0]) + 100 * (p[1] - p[0] * p[0]) * (p[1] - p[0] * p[0])
            }
            func rosenbrockAfter(minimum: Double) throws -> MinimizationResult {
                let minimizer = try NelderMeadMinimizer(dimension: 2)
                _ = try minimizer.minimize(from: [1, 1], steps: [1, 1]) { p in p[0] * p[0] + p[1] * p[1] + minimum }
                return try minimizer.minimize(
                    from: [-1.2, 1], steps: [0.5, 0.5], sizeTolerance: 1e-10, valueTolerance: 1e-12, stallWindow: 5,
                    objective: rosenbrock
                )
            }
            let low = try rosenbrockAfter(minimum: -1e9), high = try rosenbrockAfter(minimum: 1e9)
            // Bit for bit: the same computation, whatever ran before.
            #expect(low.iterations == high.iterations)
            #expect(low.point.map(\.bitPattern) == high.point.map(\.bitPattern))
            #expect(low.value.bitPattern == high.value.bitPattern)
            #expect(low.iterations > 5 && abs(low.point[0] - 1) < 1e-4)
        }

        /// With no iteration allowed the answer is the start and the objective's value there
        /// (1 + 4 = 5 at (1, 2)), not whatever the instance found before.
        @Test func noIterationGivesTheStartAndItsValue() throws {
            let minimizer = try NelderMeadMinimizer(dimension: 2)
            _ = try minimizer.minimize(from: [3, 3], steps: [1, 1]) { p in p[0] * p[0] + p[1] * p[1] - 7 }
            let result = try minimizer.minimize(from: [1, 2], steps: [0.5, 0.5], maxIterations: 0) { p in
                p[0] * p[0] + p[1] * p[1]
            }
            #expect(result.iterations == 0)
            #expect(abs(result.point[0] - 1) < 1e-15 && abs(result.point[1] - 2) < 1e-15)
            #expect(abs(result.value - 5) < 1e-15)
        }

        /// A NaN or infinite objective (here: undefined for x ≤ 0) is a penalty, not a crash; the minimum
        /// of (ln x)² + y² is 0 at (1, 0), found even from a start where the objective is infinite.
        @Test func nonFiniteValuesArePenalised() throws {
            let minimizer = try NelderMeadMinimizer(dimension: 2)
            let objective: (UnsafeBufferPointer<Double>) -> Double = { p in
                p[0] > 0 ? log(p[0]) * log(p[0]) + p[1] * p[1] : (p[0] == 0 ? .infinity : .nan)
            }
            let result = try minimizer.minimize(from: [0.2, 0.5], steps: [-1, 1], sizeTolerance: 1e-10, objective: objective)
            #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1]) < 1e-6)
            let fromNowhere = try minimizer.minimize(from: [0, 0.5], steps: [2, 1], sizeTolerance: 1e-10, objective: objective)
            #expect(fromNowhere.value.isFinite)
            #expect(abs(fromNowhere.point[0] - 1) < 1e-5)
        }

        /// The iteration limit is reported, not thrown.
        @Test func iterationLimit() throws {
            let minimizer = try NelderMeadMinimizer(dimension: 3)
            let result = try minimizer.minimize(from: [3, 3, 3], steps: [1, 1, 1], maxIterations: 5) { p in
                p[0] * p[0] + p[1] * p[1] + p[2] * p[2]
            }
            #expect(!result.converged && result.iterations == 5)
        }

        @Test func invalidInput() throws {
            #expect(throws: GSLError.self) { try NelderMeadMinimizer(dimension: 0) }
            let minimizer = try NelderMeadMinimizer(dimension: 2)
            #expect(throws: GSLError.lengthMismatch(function: "NelderMeadMinimizer.minimize", expected: 2, actual: 3)) {
                try minimizer.minimize(from: [1, 2, 3], steps: [1, 1]) { _ in 0 }
            }
            #expect(throws: GSLError.self) { try minimizer.minimize(from: [1, 2], steps: [1, 0]) { _ in 0 } }
            #expect(throws: GSLError.self) { try minimizer.minimize(from: [.nan, 2], steps: [1, 1]) { _ in 0 } }
        }
    }
}
