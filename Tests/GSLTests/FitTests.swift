import GSL
import Testing

@Suite("LinearFit and MultipleRegression")
struct FitTests {
    // y = 1 + 2x + e with e = (0.1, −0.1, 0.05, −0.05, 0): small, known residuals.
    let x: [Double] = [0, 1, 2, 3, 4]
    var y: [Double] { zip(x, [0.1, -0.1, 0.05, -0.05, 0]).map { 1 + 2 * $0 + $1 } }

    @Test("A straight line and the same model through MultipleRegression agree")
    func lineAgreesWithRegression() throws {
        let line = try LinearFit.linear(x: x, y: y)
        let fit = try MultipleRegression.fit(design: x, rows: x.count, columns: 1, y: y, intercept: true)
        expectClose(line.intercept, fit.coefficients[0], relative: 1e-13, "c0")
        expectClose(line.slope, fit.coefficients[1], relative: 1e-13, "c1")
        expectClose(line.standardErrors.slope, fit.standardErrors[1], relative: 1e-12, "se(c1)")
        expectClose(line.residualSumOfSquares, fit.residualSumOfSquares, relative: 1e-12, "RSS")
        #expect(line.degreesOfFreedom == 3 && fit.degreesOfFreedom == 3)
        expectClose(line.predict(10), try fit.predict([10]), relative: 1e-13, "prediction")
        // The standard error of the fitted line at x: √(cov00 + 2x·cov01 + x²·cov11) (gsl_fit_linear_est).
        let at10 = line.estimate(at: 10)
        expectClose(at10.value, line.predict(10), relative: 1e-15, "estimate")
        expectClose(
            at10.standardError, (line.cov00 + 20 * line.cov01 + 100 * line.cov11).squareRoot(), relative: 1e-12,
            "standard error of the fit")
        // Σ(x − x̄)(y − ȳ)/Σ(x − x̄)²: x̄ = 2; Σ(x − 2)e = −2·0.1 − 1·(−0.1) + 0 + 1·(−0.05) + 0 = −0.15;
        // Σ(x − 2)² = 10 → c1 = 2 − 0.015 = 1.985.
        expectClose(line.slope, 1.985, relative: 1e-14, "slope by hand")
    }

    @Test("Unit weights give the unweighted coefficients; the weighted covariance is not rescaled by s²")
    func unitWeights() throws {
        let ones = [Double](repeating: 1, count: x.count)
        let plain = try LinearFit.linear(x: x, y: y)
        let weighted = try LinearFit.linear(x: x, y: y, weights: ones)
        expectClose(weighted.slope, plain.slope, relative: 1e-14, "slope")
        let s2 = plain.residualSumOfSquares / Double(plain.degreesOfFreedom)
        expectClose(weighted.cov11 * s2, plain.cov11, relative: 1e-12, "cov11 = s² (XᵀX)⁻¹")

        let origin = try LinearFit.throughOrigin(x: x, y: y, weights: ones)
        expectClose(origin.slope, try LinearFit.throughOrigin(x: x, y: y).slope, relative: 1e-14, "mul slope")
        expectClose(origin.intercept, 0, relative: 0, absolute: .leastNormalMagnitude, "no intercept")

        let regression = try MultipleRegression.fit(design: x, rows: 5, columns: 1, y: y, intercept: true, weights: ones)
        let unweighted = try MultipleRegression.fit(design: x, rows: 5, columns: 1, y: y, intercept: true)
        expectClose(regression.coefficients[1], unweighted.coefficients[1], relative: 1e-13, "β1")
        expectClose(regression.rSquared, unweighted.rSquared, relative: 1e-13, "R²")
    }

    @Test("R² is centred with an intercept and uncentred without")
    func rSquaredDefinitions() throws {
        let with = try MultipleRegression.fit(design: x, rows: 5, columns: 1, y: y, intercept: true)
        let ybar = y.reduce(0, +) / 5
        let tss = y.reduce(0) { $0 + ($1 - ybar) * ($1 - ybar) }
        expectClose(with.rSquared, 1 - with.residualSumOfSquares / tss, relative: 1e-13, "centred")
        let without = try MultipleRegression.fit(design: x, rows: 5, columns: 1, y: y, intercept: false)
        let sumSquares = y.reduce(0) { $0 + $1 * $1 }
        expectClose(without.rSquared, 1 - without.residualSumOfSquares / sumSquares, relative: 1e-13, "uncentred")
    }

    @Test("n ≤ p, empty input and mismatched lengths throw")
    func sizes() {
        expectGSLError(.tooFewObservations) { try LinearFit.linear(x: [1, 2], y: [1, 2]) }
        expectGSLError(.tooFewObservations) { try LinearFit.throughOrigin(x: [1], y: [2]) }
        expectGSLError(.tooFewObservations) { try LinearFit.linear(x: [], y: []) }
        expectGSLError(.lengthMismatch) { try LinearFit.linear(x: [1, 2, 3], y: [1, 2]) }
        expectGSLError(.lengthMismatch) { try LinearFit.linear(x: [1, 2, 3], y: [1, 2, 3], weights: [1]) }
        // 3 rows, 2 columns + intercept: p = 3 = n.
        #expect(throws: GSLError.tooFewObservations(function: "MultipleRegression.fit", required: 4, actual: 3)) {
            try MultipleRegression.fit(design: [1, 2, 3, 4, 5, 7], rows: 3, columns: 2, y: [1, 2, 3], intercept: true)
        }
        expectGSLError(.tooFewObservations) {
            try MultipleRegression.fit(design: [], rows: 0, columns: 1, y: [], intercept: true)
        }
        expectGSLError(.lengthMismatch) {
            try MultipleRegression.fit(design: [1, 2, 3], rows: 4, columns: 1, y: [1, 2, 3, 4], intercept: true)
        }
        expectGSLError(.lengthMismatch) {
            try MultipleRegression.fit(design: [1, 2, 3, 4], rows: 4, columns: 1, y: [1, 2, 3], intercept: true)
        }
        expectGSLError(.lengthMismatch) {
            try MultipleRegression.fit(design: [1, 2, 3, 4], rows: 4, columns: 1, y: [1, 2, 3, 4], intercept: true, weights: [1])
        }
        expectGSLError(.domain) {
            try MultipleRegression.fit(design: [], rows: 3, columns: 0, y: [1, 2, 3], intercept: false)
        }
        // With weights, only positive-weight rows count: 2 of 4 for p = 2.
        expectGSLError(.tooFewObservations) {
            try MultipleRegression.fit(design: [1, 2, 3, 4], rows: 4, columns: 1, y: [1, 2, 3, 5], intercept: true, weights: [1, 1, 0, 0])
        }
    }

    @Test("Degenerate designs and responses throw")
    func degenerate() {
        expectGSLError(.degenerate) { try LinearFit.linear(x: [2, 2, 2], y: [1, 2, 3]) }
        expectGSLError(.degenerate) { try LinearFit.throughOrigin(x: [0, 0, 0], y: [1, 2, 3]) }
        // Second column = 2 × first: rank 1 < 2.
        expectGSLError(.degenerate) {
            try MultipleRegression.fit(design: [1, 2, 2, 4, 3, 6, 4, 8], rows: 4, columns: 2, y: [1, 2, 3, 5], intercept: false)
        }
        // A constant column next to the intercept.
        expectGSLError(.degenerate) {
            try MultipleRegression.fit(design: [5, 5, 5, 5], rows: 4, columns: 1, y: [1, 2, 3, 5], intercept: true)
        }
        // Constant y: R² = 1 − RSS/TSS divides by zero.
        expectGSLError(.degenerate) {
            try MultipleRegression.fit(design: [1, 2, 3, 4], rows: 4, columns: 1, y: [2, 2, 2, 2], intercept: true)
        }
    }

    @Test("Non-finite input and negative weights throw")
    func domain() {
        expectGSLError(.domain) { try LinearFit.linear(x: [1, 2, .nan], y: [1, 2, 3]) }
        expectGSLError(.domain) { try LinearFit.linear(x: [1, 2, 3], y: [1, .infinity, 3]) }
        expectGSLError(.domain) { try LinearFit.throughOrigin(x: [1, 2, 3], y: [1, 2, 3], weights: [1, -1, 1]) }
        expectGSLError(.domain) {
            try MultipleRegression.fit(design: [1, 2, .nan, 4], rows: 4, columns: 1, y: [1, 2, 3, 5], intercept: true)
        }
        expectGSLError(.lengthMismatch) {
            try MultipleRegression.fit(design: [1, 2, 3, 4], rows: 4, columns: 1, y: [1, 2, 3, 5], intercept: true)
                .predict([1, 2])
        }
    }
}
