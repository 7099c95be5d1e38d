import CGSL

// Owners of GSL's heap objects. Each final class allocates its object in `init` and frees it in
// `deinit`, so no GSL allocation outlives the Swift value that holds it, whichever way the caller's
// scope is left (return or throw). They are internal, used by one call at a time, and deliberately
// not `Sendable`: a GSL matrix or workspace is mutable state without locking.

/// The `GSLError` for an allocation GSL could not make (GSL returns NULL when `malloc` fails).
private func outOfMemory(_ what: String) -> GSLError {
    .status(code: Int32(GSL_ENOMEM), function: what, reason: "GSL could not allocate memory")
}

/// An owned `gsl_matrix` (row-major, `tda` = number of columns).
final class GSLMatrix {
    let pointer: UnsafeMutablePointer<gsl_matrix>
    let rows: Int
    let columns: Int

    init(rows: Int, columns: Int) throws(GSLError) {
        ErrorHandler.ensureOff()
        guard let pointer = gsl_matrix_alloc(rows, columns) else { throw outOfMemory("gsl_matrix_alloc") }
        self.pointer = pointer
        self.rows = rows
        self.columns = columns
    }

    deinit { gsl_matrix_free(pointer) }

    /// Element (i, j), read straight from GSL's storage.
    subscript(row: Int, column: Int) -> Double {
        get { pointer.pointee.data[row * pointer.pointee.tda + column] }
        set { pointer.pointee.data[row * pointer.pointee.tda + column] = newValue }
    }
}

/// An owned `gsl_vector` (stride 1).
final class GSLVector {
    let pointer: UnsafeMutablePointer<gsl_vector>
    let count: Int

    init(count: Int) throws(GSLError) {
        ErrorHandler.ensureOff()
        guard let pointer = gsl_vector_alloc(count) else { throw outOfMemory("gsl_vector_alloc") }
        self.pointer = pointer
        self.count = count
    }

    /// A vector holding a copy of `values`.
    convenience init(_ values: [Double]) throws(GSLError) {
        try self.init(count: values.count)
        for (index, value) in values.enumerated() { self[index] = value }
    }

    deinit { gsl_vector_free(pointer) }

    subscript(index: Int) -> Double {
        get { pointer.pointee.data[index * pointer.pointee.stride] }
        set { pointer.pointee.data[index * pointer.pointee.stride] = newValue }
    }

    /// The elements, copied into a Swift array.
    var array: [Double] { (0..<count).map { self[$0] } }
}

/// An owned `gsl_multifit_linear_workspace` for n observations and p parameters.
final class MultifitWorkspace {
    let pointer: UnsafeMutablePointer<gsl_multifit_linear_workspace>

    init(observations n: Int, parameters p: Int) throws(GSLError) {
        ErrorHandler.ensureOff()
        guard let pointer = gsl_multifit_linear_alloc(n, p) else {
            throw outOfMemory("gsl_multifit_linear_alloc")
        }
        self.pointer = pointer
    }

    deinit { gsl_multifit_linear_free(pointer) }
}
