import Foundation
import GSL
import Testing

/// The log relative error, LRE = −log10(|computed − certified| / |certified|): the number of
/// significant digits `computed` shares with `certified`. When the certified value is 0 (Wampler1's
/// standard deviations) it is −log10|computed|. Capped at 15, the digits NIST certifies; 0 for a
/// non-finite result.
func logRelativeError(_ computed: Double, _ certified: Double) -> Double {
    guard computed.isFinite else { return 0 }
    let error = certified == 0 ? abs(computed) : abs(computed - certified) / abs(certified)
    guard error > 0 else { return 15 }
    return max(0, min(15, -log10(error)))
}

/// The LRE a relative tolerance `tolerance` corresponds to: −log10(tolerance).
func lre(fromTolerance tolerance: Double) -> Double { -log10(tolerance) }

/// |a − b| ≤ relative · max(|a|, |b|) (+ absolute). Floats are never compared with `==`.
func isClose(_ a: Double, _ b: Double, relative: Double, absolute: Double = 0) -> Bool {
    guard a.isFinite, b.isFinite else { return false }
    return abs(a - b) <= relative * max(abs(a), abs(b)) + absolute
}

/// Expects `a` ≈ `b` within a relative tolerance, reporting both values when not.
func expectClose(
    _ a: Double, _ b: Double, relative: Double, absolute: Double = 0, _ what: String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        isClose(a, b, relative: relative, absolute: absolute),
        "\(what): \(a) vs \(b) (relative tolerance \(relative))", sourceLocation: sourceLocation)
}

/// The case of a `GSLError`, without its payload.
enum GSLErrorKind: Equatable, CustomStringConvertible {
    case status, lengthMismatch, tooFewObservations, degenerate, domain
    var description: String {
        switch self {
        case .status: "status"
        case .lengthMismatch: "lengthMismatch"
        case .tooFewObservations: "tooFewObservations"
        case .degenerate: "degenerate"
        case .domain: "domain"
        }
    }
}

extension GSLError {
    var kind: GSLErrorKind {
        switch self {
        case .status: .status
        case .lengthMismatch: .lengthMismatch
        case .tooFewObservations: .tooFewObservations
        case .degenerate: .degenerate
        case .domain: .domain
        }
    }
}

/// Expects `body` to throw a `GSLError` of the given case (and not to return, crash or abort).
func expectGSLError<T>(
    _ kind: GSLErrorKind, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> T
) {
    do {
        let value = try body()
        Issue.record("expected GSLError.\(kind), got the value \(value)", sourceLocation: sourceLocation)
    } catch let error as GSLError {
        #expect(error.kind == kind, "expected GSLError.\(kind), got \(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected GSLError.\(kind), got \(error)", sourceLocation: sourceLocation)
    }
}

/// Pads or truncates `text` to `width` columns, for the LRE tables.
func column(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// "12.3/10.0": the LRE reached and the LRE required.
func lreCell(_ reached: Double, _ required: Double) -> String {
    String(format: "%4.1f/%4.1f", reached, required)
}
