import CGSL

/// The outcome of a Nelder–Mead minimisation.
public struct MinimizationResult: Sendable, Equatable {
    /// The best point found.
    public let point: [Double]
    /// The objective at `point` (the penalty if nothing finite was ever found).
    public let value: Double
    /// Iterations performed (each is one simplex move: 1 to n + 2 objective evaluations).
    public let iterations: Int
    /// Whether the simplex shrank below the size tolerance (or the value stalled, when asked) before
    /// the iteration limit.
    public let converged: Bool
    /// GSL's characteristic size of the final simplex (the mean distance of the vertices from the
    /// centre, `gsl_multimin_fminimizer_size`).
    public let simplexSize: Double
}

/// Unconstrained minimisation without derivatives by the Nelder–Mead simplex method, GSL's
/// `gsl_multimin_fminimizer_nmsimplex2` (Nelder & Mead 1965, with the O(n) updates of GSL 1.12+).
///
/// The instance owns the GSL minimiser and its two vectors and frees them in `deinit`; it can be
/// reused for any number of minimisations of the same dimension (for example every model of one
/// family fitted to many series), so a hot loop allocates nothing per fit but the result array. It
/// is mutable state without locking and therefore not `Sendable`: give every task its own.
///
/// The objective is a Swift closure, handed to GSL through the `params` pointer of
/// `gsl_multimin_function`. It reads the trial point from GSL's own storage (no copy) and must not
/// keep the buffer. A value that is NaN or infinite (a likelihood that overflowed, a point outside
/// the admissible region that the objective signals with `.infinity`) is replaced by `penalty`:
/// GSL would otherwise stop with `GSL_EBADFUNC`. Bounds are the objective's business: return
/// `.infinity` (or any value above the interior's) outside them.
public final class NelderMeadMinimizer {
    /// The number of variables.
    public let dimension: Int
    /// What a non-finite objective value is replaced with. It must exceed every finite value the
    /// objective can return at a point that should win.
    public var penalty: Double = 1e300

    private let minimizer: UnsafeMutablePointer<gsl_multimin_fminimizer>
    private let start: UnsafeMutablePointer<gsl_vector>
    private let steps: UnsafeMutablePointer<gsl_vector>

    /// A minimiser for functions of `dimension` ≥ 1 variables.
    public init(dimension: Int) throws(GSLError) {
        guard dimension >= 1 else {
            throw .domain(function: "NelderMeadMinimizer.init", reason: "dimension \(dimension) must be at least 1")
        }
        ErrorHandler.ensureOff()
        guard let minimizer = gsl_multimin_fminimizer_alloc(kaohe_fminimizer_nmsimplex2(), dimension) else {
            throw .status(code: Int32(GSL_ENOMEM), function: "gsl_multimin_fminimizer_alloc", reason: "GSL could not allocate memory")
        }
        guard let start = gsl_vector_alloc(dimension) else {
            gsl_multimin_fminimizer_free(minimizer)
            throw .status(code: Int32(GSL_ENOMEM), function: "gsl_vector_alloc", reason: "GSL could not allocate memory")
        }
        guard let steps = gsl_vector_alloc(dimension) else {
            gsl_vector_free(start)
            gsl_multimin_fminimizer_free(minimizer)
            throw .status(code: Int32(GSL_ENOMEM), function: "gsl_vector_alloc", reason: "GSL could not allocate memory")
        }
        self.dimension = dimension
        self.minimizer = minimizer
        self.start = start
        self.steps = steps
    }

    deinit {
        gsl_vector_free(steps)
        gsl_vector_free(start)
        gsl_multimin_fminimizer_free(minimizer)
    }

    /// Minimises `objective` from `start`, with an initial simplex of `start` and the n points
    /// `start + steps[i]·eᵢ`.
    ///
    /// Iterates until GSL's simplex size falls below `sizeTolerance` (`gsl_multimin_test_size`), or
    /// — when `valueTolerance` > 0 — the best value has improved by no more than
    /// valueTolerance·(|f| + valueTolerance) over the last `stallWindow` iterations (default 2n + 2;
    /// the relative criterion of R's `optim`, which GSL does not offer), or `maxIterations` moves
    /// were made; reaching the limit is not an error (`converged` is false).
    ///
    /// - Throws: `.lengthMismatch` when `start` or `steps` do not have `dimension` elements,
    ///   `.domain` for a non-finite start, a zero or non-finite step or a non-positive tolerance,
    ///   `.status` when GSL fails (for example when the simplex collapses, `GSL_EFAILED`).
    public func minimize(
        from start: [Double], steps: [Double], sizeTolerance: Double = 1e-8, maxIterations: Int = 10_000,
        valueTolerance: Double = 0, stallWindow: Int? = nil,
        objective: (UnsafeBufferPointer<Double>) -> Double
    ) throws(GSLError) -> MinimizationResult {
        var point = [Double](repeating: 0, count: dimension)
        let outcome = try start.withUnsafeBufferPointer { (s) throws(GSLError) in
            try steps.withUnsafeBufferPointer { (d) throws(GSLError) in
                try point.withUnsafeMutableBufferPointer { (p) throws(GSLError) in
                    try minimize(
                        from: s, steps: d, into: p, sizeTolerance: sizeTolerance,
                        maxIterations: maxIterations, valueTolerance: valueTolerance, stallWindow: stallWindow,
                        objective: objective
                    )
                }
            }
        }
        return MinimizationResult(
            point: point, value: outcome.value, iterations: outcome.iterations,
            converged: outcome.converged, simplexSize: outcome.simplexSize
        )
    }

    /// The allocation-free form of `minimize(from:steps:…)`: reads `start` and `steps`, writes the
    /// best point into `result` (which may alias `start`).
    public func minimize(
        from start: UnsafeBufferPointer<Double>, steps: UnsafeBufferPointer<Double>,
        into result: UnsafeMutableBufferPointer<Double>, sizeTolerance: Double = 1e-8, maxIterations: Int = 10_000,
        valueTolerance: Double = 0, stallWindow: Int? = nil,
        objective: (UnsafeBufferPointer<Double>) -> Double
    ) throws(GSLError) -> (value: Double, iterations: Int, converged: Bool, simplexSize: Double) {
        let function = "NelderMeadMinimizer.minimize"
        guard start.count == dimension else {
            throw .lengthMismatch(function: function, expected: dimension, actual: start.count)
        }
        guard steps.count == dimension else {
            throw .lengthMismatch(function: function, expected: dimension, actual: steps.count)
        }
        guard result.count == dimension else {
            throw .lengthMismatch(function: function, expected: dimension, actual: result.count)
        }
        guard sizeTolerance > 0, sizeTolerance.isFinite else {
            throw .domain(function: function, reason: "size tolerance \(sizeTolerance) must be positive and finite")
        }
        for index in 0..<dimension {
            guard start[index].isFinite else {
                throw .domain(function: function, reason: "start[\(index)] = \(start[index]) is not finite")
            }
            guard steps[index].isFinite, steps[index] != 0 else {
                throw .domain(function: function, reason: "steps[\(index)] = \(steps[index]) must be finite and non-zero")
            }
            gsl_vector_set(self.start, index, start[index])
            gsl_vector_set(self.steps, index, steps[index])
        }
        ErrorHandler.ensureOff()

        return try withoutActuallyEscaping(objective) { (escapable) throws(GSLError) in
            let box = ObjectiveBox(objective: escapable, dimension: dimension, penalty: penalty)
            let unmanaged = Unmanaged.passRetained(box)
            defer { unmanaged.release() }
            var function = gsl_multimin_function(
                f: { x, params in
                    guard let x, let params else { return .nan }
                    return Unmanaged<ObjectiveBox>.fromOpaque(params).takeUnretainedValue().evaluate(x)
                },
                n: dimension,
                params: unmanaged.toOpaque()
            )
            try ErrorHandler.check(
                gsl_multimin_fminimizer_set(minimizer, &function, self.start, self.steps),
                "gsl_multimin_fminimizer_set", "could not start the simplex"
            )
            var iterations = 0
            var converged = false
            var size = gsl_multimin_fminimizer_size(minimizer)
            let window = max(stallWindow ?? (2 * dimension + 2), 1)
            // The best vertex of the initial simplex. Not gsl_multimin_fminimizer_minimum: GSL writes
            // it only in an iteration, so here it still holds the previous minimisation's minimum, or
            // uninitialised memory in a new instance.
            var windowStart = box.lowest
            while iterations < maxIterations {
                iterations += 1
                let status = gsl_multimin_fminimizer_iterate(minimizer)
                if status != Int32(GSL_SUCCESS) {
                    // nmsimplex2 reports GSL_EFAILED when a contraction cannot make progress, which
                    // happens once the simplex has degenerated onto a point: that is convergence.
                    size = gsl_multimin_fminimizer_size(minimizer)
                    if size.isFinite, size < sizeTolerance {
                        converged = true
                        break
                    }
                    try ErrorHandler.check(status, "gsl_multimin_fminimizer_iterate", "iteration \(iterations) failed")
                }
                size = gsl_multimin_fminimizer_size(minimizer)
                if gsl_multimin_test_size(size, sizeTolerance) == Int32(GSL_SUCCESS) {
                    converged = true
                    break
                }
                if valueTolerance > 0, iterations % window == 0 {
                    let best = gsl_multimin_fminimizer_minimum(minimizer)
                    if windowStart - best <= valueTolerance * (abs(best) + valueTolerance) {
                        converged = true
                        break
                    }
                    windowStart = best
                }
            }
            let best = gsl_multimin_fminimizer_x(minimizer)!
            for index in 0..<dimension { result[index] = gsl_vector_get(best, index) }
            // Without an iteration GSL has not written the minimum: the value is the objective's at the start.
            let value = iterations > 0 ? gsl_multimin_fminimizer_minimum(minimizer) : box.evaluate(best)
            return (value, iterations, converged, size)
        }
    }
}

/// The objective closure and a scratch buffer, passed to GSL's C callback through `params`.
private final class ObjectiveBox {
    let objective: (UnsafeBufferPointer<Double>) -> Double
    let penalty: Double
    /// For vectors GSL hands over with a stride other than 1 (nmsimplex2 does not today).
    let scratch: UnsafeMutableBufferPointer<Double>
    /// The lowest value (after the penalty) returned so far.
    var lowest = Double.infinity

    init(objective: @escaping (UnsafeBufferPointer<Double>) -> Double, dimension: Int, penalty: Double) {
        self.objective = objective
        self.penalty = penalty
        scratch = .allocate(capacity: dimension)
    }

    deinit { scratch.deallocate() }

    @inline(__always)
    func evaluate(_ x: UnsafePointer<gsl_vector>) -> Double {
        let vector = x.pointee
        let value: Double
        if vector.stride == 1 {
            value = objective(UnsafeBufferPointer(start: vector.data, count: vector.size))
        } else {
            for index in 0..<vector.size { scratch[index] = vector.data[index * vector.stride] }
            value = objective(UnsafeBufferPointer(scratch))
        }
        let result = value.isFinite ? value : penalty
        if result < lowest { lowest = result }
        return result
    }
}

/// Where the roots of a real polynomial lie — the constraint side of minimisations over
/// stable or forecastable parameter regions (the admissibility of exponential-smoothing models).
public enum PolynomialRoots {
    /// The largest modulus of the roots of c₀ + c₁z + … + c_d·z^d, by GSL's companion-matrix QR
    /// method (`gsl_poly_complex_solve`, balanced Hessenberg QR; R's `polyroot` answers the same
    /// question by Jenkins–Traub). Trailing zero coefficients are ignored; a constant has no roots (0).
    ///
    /// - Throws: `.domain` for non-finite coefficients, `.status` when the QR iteration fails.
    public static func maximumModulus(_ coefficients: UnsafeBufferPointer<Double>) throws(GSLError) -> Double {
        let function = "PolynomialRoots.maximumModulus"
        guard coefficients.allSatisfy(\.isFinite) else {
            throw .domain(function: function, reason: "coefficients must be finite")
        }
        var count = coefficients.count
        while count > 0, coefficients[count - 1] == 0 { count -= 1 }
        guard count >= 2, let base = coefficients.baseAddress else { return 0 }
        if count == 2 { return abs(coefficients[0] / coefficients[1]) }
        ErrorHandler.ensureOff()
        guard let workspace = gsl_poly_complex_workspace_alloc(count) else {
            throw .status(code: Int32(GSL_ENOMEM), function: "gsl_poly_complex_workspace_alloc", reason: "GSL could not allocate memory")
        }
        defer { gsl_poly_complex_workspace_free(workspace) }
        return try withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * (count - 1)) { (roots) throws(GSLError) -> Double in
            try ErrorHandler.check(
                gsl_poly_complex_solve(base, count, workspace, roots.baseAddress), "gsl_poly_complex_solve",
                "the QR iteration did not converge"
            )
            var largest = 0.0
            for k in 0..<(count - 1) {
                largest = max(largest, (roots[2 * k] * roots[2 * k] + roots[2 * k + 1] * roots[2 * k + 1]).squareRoot())
            }
            return largest
        }
    }
}
