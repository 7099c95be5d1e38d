import CGSL

/// An error from GSL, or from input that GSL would answer with NaN or abort on.
public enum GSLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// GSL returned a non-zero status; `code` is GSL's `GSL_E…` value.
    case status(code: Int32, function: String, reason: String)
    /// Two inputs that must have the same length do not.
    case lengthMismatch(function: String, expected: Int, actual: Int)
    /// Too few observations for the statistic (for example a variance of one value).
    case tooFewObservations(function: String, required: Int, actual: Int)
    /// The input has no spread where the statistic divides by it (zero variance, a singular design).
    case degenerate(function: String, reason: String)
    /// An argument outside its domain (a probability outside (0, 1), a negative rate…).
    case domain(function: String, reason: String)

    public var description: String {
        switch self {
        case let .status(code, function, reason):
            "\(function): GSL error \(code) (\(String(cString: gsl_strerror(code)))): \(reason)"
        case let .lengthMismatch(function, expected, actual):
            "\(function): inputs must have the same length (expected \(expected), got \(actual))"
        case let .tooFewObservations(function, required, actual):
            "\(function): needs at least \(required) observations, got \(actual)"
        case let .degenerate(function, reason):
            "\(function): degenerate input: \(reason)"
        case let .domain(function, reason):
            "\(function): argument out of domain: \(reason)"
        }
    }
}

/// GSL's default error handler aborts the process. Kaohe turns it off once, before the first call
/// into GSL, and checks every status code instead.
enum ErrorHandler {
    /// Evaluated once, thread-safely (Swift initialises globals lazily under `swift_once`).
    private static let installed: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Call before any GSL function that may report an error.
    @inline(__always)
    static func ensureOff() {
        _ = installed
    }

    /// Maps a GSL status to `GSLError.status` when it is not `GSL_SUCCESS`.
    static func check(_ status: Int32, _ function: String, _ reason: String = "") throws(GSLError) {
        guard status == Int32(GSL_SUCCESS) else {
            throw .status(code: status, function: function, reason: reason)
        }
    }
}

/// The version of the GSL library linked at run time, e.g. "2.7.1".
public var gslVersion: String { String(cString: kaohe_gsl_version()) }
