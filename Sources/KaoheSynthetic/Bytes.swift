import Foundation

/// A growable byte buffer that CSV lines are built in, with fixed-point number formatting.
///
/// Numbers are written from an integer count of 10^-decimals steps, so the text depends only on the
/// value and the decimals (never on the platform's float printing); trailing zeros of the fraction are
/// trimmed, and a whole number has no point.
struct ByteBuffer {
    var bytes: [UInt8]

    init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inline(__always)
    mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inline(__always)
    mutating func comma() { bytes.append(UInt8(ascii: ",")) }

    @inline(__always)
    mutating func newline() { bytes.append(UInt8(ascii: "\n")) }

    /// Appends `value` (≥ 0) in decimal.
    mutating func appendInteger(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendUnsigned(UInt64(-value))
        } else {
            appendUnsigned(UInt64(value))
        }
    }

    @inline(__always)
    private mutating func appendUnsigned(_ value: UInt64) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                count += 1
            } while rest > 0
            var index = count - 1
            while index >= 0 {
                bytes.append(raw[index])
                index -= 1
            }
        }
    }

    /// Appends `steps` · 10^-decimals with the fraction's trailing zeros trimmed (`125, 2` → `1.25`,
    /// `120, 2` → `1.2`, `100, 2` → `1`).
    mutating func appendFixed(steps: Int64, decimals: Int) {
        guard decimals > 0 else {
            appendInteger(steps)
            return
        }
        if steps < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = steps.magnitude
        let divisor = UInt64(powerOfTen[decimals])
        appendUnsigned(magnitude / divisor)
        var fraction = magnitude % divisor
        guard fraction != 0 else { return }
        var width = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            width -= 1
        }
        bytes.append(UInt8(ascii: "."))
        var scale = UInt64(powerOfTen[width - 1])
        while scale > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: (fraction / scale) % 10))
            scale /= 10
        }
    }

    /// Appends `value` rounded to `decimals` (half away from zero), trailing zeros trimmed.
    mutating func appendFixed(_ value: Double, decimals: Int) {
        appendFixed(steps: fixedSteps(value, decimals: decimals), decimals: decimals)
    }

    /// Appends a zero-padded two-digit number.
    @inline(__always)
    mutating func appendTwoDigits(_ value: Int) {
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
        bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Appends `YYYY-MM`.
    mutating func appendPeriod(year: Int, month: Int) {
        appendInteger(Int64(year))
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(month)
    }

    /// Appends `YYYY-MM-DD`.
    mutating func appendDate(year: Int, month: Int, day: Int) {
        appendPeriod(year: year, month: month)
        bytes.append(UInt8(ascii: "-"))
        appendTwoDigits(day)
    }
}

/// 10^0 … 10^18.
let powerOfTen: [Int64] = {
    var powers: [Int64] = [1]
    for _ in 1...18 { powers.append(powers[powers.count - 1] * 10) }
    return powers
}()

/// `value` in steps of 10^-decimals, rounded half away from zero.
@inline(__always)
func fixedSteps(_ value: Double, decimals: Int) -> Int64 {
    Int64((value * Double(powerOfTen[decimals])).rounded())
}

/// `value` rounded to a multiple of `step`.
func roundTo(_ value: Double, step: Double) -> Double {
    (value / step).rounded() * step
}

/// `value` (> 0) rounded to `digits` significant digits.
func roundSignificant(_ value: Double, digits: Int) -> Double {
    guard value > 0, value.isFinite else { return value }
    let exponent = Int(log10(value).rounded(.down)) - digits + 1
    let quantum = exponent >= 0 ? Double(powerOfTen[min(exponent, 18)]) : 1 / Double(powerOfTen[min(-exponent, 18)])
    return (value / quantum).rounded() * quantum
}
