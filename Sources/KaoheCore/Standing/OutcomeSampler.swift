import Foundation
import GSL

/// Draws year-end values from every series' predictive distribution at simulation speed.
///
/// A `PredictiveDistribution` is compiled once into flat storage. A Student-t or normal draw is an
/// inverse-CDF draw: one uniform u, then the standard quantile at u interpolated from a table of
/// `tableSize` quantiles computed by GSL (`gsl_cdf_tdist_Pinv`, `gsl_cdf_gaussian_Pinv`); in the two
/// outermost cells, where interpolation would cut the tails, GSL's inverse is called directly.
/// Every series consumes exactly one uniform a draw, random or not, so two simulations that differ
/// only in one series' centre (the "where to push" comparison) see the same random numbers everywhere
/// (common random numbers).
///
/// - Complexity: O(1) per draw; the tables take 8 · `tableSize` bytes per distinct degrees of freedom.
public struct OutcomeSampler: Sendable {
    /// Cells of the quantile tables.
    public static let tableSize = 4096

    private enum Kind: UInt8, Sendable { case missing, point, locationScale, empirical }

    private struct Entry: Sendable {
        var kind: Kind = .missing
        var center = 0.0
        var scale = 0.0
        /// Index into `tables`.
        var table: Int32 = 0
        var logScale = false
        /// The draw as a ratio to a positive target T, without dividing by T: q = V/T is
        /// exp(ratioCenter + ratioScale · z) on a log scale (ratioCenter = center − ln T,
        /// ratioScale = scale), ratioCenter + ratioScale · z otherwise (center/T, scale/T).
        /// NaN without a positive target.
        var ratioCenter = Double.nan
        var ratioScale = 0.0
        var sampleStart: Int32 = 0
        var sampleCount: Int32 = 0
    }

    private var entries: [Entry]
    private var samples: [Double] = []
    /// Standard quantiles Q(k / tableSize), k = 0…tableSize (the ends are never read), one table after
    /// another: table t starts at t · (tableSize + 1).
    private var tables: [Double] = []
    /// The degrees of freedom of each table (nil: normal).
    private var tableDegrees: [Double?] = []

    /// How `drawCompletions` draws a row whose series all draw a ratio q = V/T of the same scale.
    private enum RowPath: UInt8, Sendable { case general, logRatio, linearRatio }

    /// Series per row (a peer group on one indicator), and each row's path.
    private var rowLength = 0
    private var rowPaths: [RowPath] = []

    /// Compiles `distributions` (nil or absent: the series has no data and draws NaN), with each
    /// series' target when there is one (`targets` is empty or as long as `distributions`), in rows
    /// of `rowLength` series (0: no rows).
    public init(_ distributions: [PredictiveDistribution?], targets: [Double] = [], rowLength: Int = 0) {
        entries = Array(repeating: Entry(), count: distributions.count)
        for (index, distribution) in distributions.enumerated() {
            guard let distribution else { continue }
            switch distribution {
            case let .point(value):
                entries[index] = Entry(kind: .point, center: value)
            case let .locationScale(center, scale, dof, logScale):
                guard scale > 0 else {
                    entries[index] = Entry(kind: .point, center: logScale ? Foundation.exp(center) : center)
                    continue
                }
                let target = index < targets.count ? targets[index] : .nan
                var entry = Entry(kind: .locationScale, center: center, scale: scale,
                                  table: Int32(tableIndex(for: dof)), logScale: logScale)
                if target > 0 {
                    entry.ratioCenter = logScale ? center - Foundation.log(target) : center / target
                    entry.ratioScale = logScale ? scale : scale / target
                }
                entries[index] = entry
            case let .empirical(sorted):
                entries[index] = Entry(kind: .empirical, sampleStart: Int32(samples.count), sampleCount: Int32(sorted.count))
                samples += sorted
            }
        }
        markRatioRows(rowLength: rowLength)
    }

    /// Finds the rows whose every series draws a ratio, all on a log scale or all not.
    private mutating func markRatioRows(rowLength: Int) {
        guard rowLength > 0, entries.count % rowLength == 0 else { return }
        self.rowLength = rowLength
        rowPaths = stride(from: 0, to: entries.count, by: rowLength).map { first in
            let row = entries[first..<(first + rowLength)]
            guard row.allSatisfy({ $0.kind == .locationScale && !$0.ratioCenter.isNaN }) else { return .general }
            if row.allSatisfy(\.logScale) { return .logRatio }
            return row.allSatisfy { !$0.logScale } ? .linearRatio : .general
        }
    }

    private mutating func tableIndex(for dof: Double?) -> Int {
        if let existing = tableDegrees.firstIndex(where: { $0 == dof }) { return existing }
        var table = [Double](repeating: 0, count: Self.tableSize + 1)
        for k in 1..<Self.tableSize {
            let p = Double(k) / Double(Self.tableSize)
            table[k] = (try? dof.map { (nu) throws(GSLError) in try StudentT.quantile(p, degreesOfFreedom: nu) }
                ?? Normal.quantile(p)) ?? 0
        }
        tables += table
        tableDegrees.append(dof)
        return tableDegrees.count - 1
    }

    /// The number of series.
    public var count: Int { entries.count }

    /// Whether series `index` varies from draw to draw.
    public func isRandom(_ index: Int) -> Bool {
        entries[index].kind == .locationScale || entries[index].kind == .empirical
    }

    /// One draw of series `index`'s year-end value (NaN when it has no data). Consumes one uniform.
    public func draw(_ index: Int, stream: RandomStream) -> Double {
        var value = 0.0
        withUnsafeMutablePointer(to: &value) { drawRow(from: index, into: UnsafeMutableBufferPointer(start: $0, count: 1), stream: stream) }
        return value
    }

    /// One draw of each of the `output.count` adjacent series starting at `first` (a whole peer group on
    /// one indicator), in order: no allocation, no reference counting in the loop.
    public func drawRow(from first: Int, into output: UnsafeMutableBufferPointer<Double>, stream: RandomStream) {
        forEachDraw(from: first, buffer: output, stream: stream) { offset, value in output[offset] = value }
    }

    /// `drawRow` into `values`, and in the same pass each value's completion against `targets`
    /// (`ScoringContext.completion`) into `completions`. A location-scale draw with a positive target
    /// is drawn as its ratio q = V/T (see `Entry.ratioCenter`): V = T · q, and c = q, or when less is
    /// better 1/q (1e6 for q ≤ 0) — no division on the common path, and on a log scale one
    /// vectorised exponential for the whole row.
    public func drawCompletions(from first: Int, targets: UnsafeBufferPointer<Double>, direction: Direction,
                                values: UnsafeMutableBufferPointer<Double>,
                                completions: UnsafeMutableBufferPointer<Double>, stream: RandomStream) {
        stream.fillUniformPositive(values)
        let higher = direction == .higher
        let path = rowLength > 0 && values.count == rowLength && first % rowLength == 0
            ? rowPaths[first / rowLength] : .general
        if path != .general {
            // Every series a ratio: the row's (log) ratios, then V and c.
            entries.withUnsafeBufferPointer { entries in
                tables.withUnsafeBufferPointer { tables in
                    for offset in 0..<values.count {
                        let entry = entries[first + offset]
                        let z = standardQuantile(tables, table: Int(entry.table), u: values[offset])
                        completions[offset] = entry.ratioCenter + entry.ratioScale * z
                    }
                }
            }
            if path == .logRatio { VectorMath.exponentiate(completions) }
            for offset in 0..<values.count {
                let ratio = completions[offset]
                values[offset] = targets[offset] * ratio
                if !higher { completions[offset] = Self.lowerCompletion(ratio: ratio) }
            }
            return
        }
        entries.withUnsafeBufferPointer { entries in
            samples.withUnsafeBufferPointer { samples in
                tables.withUnsafeBufferPointer { tables in
                    for offset in 0..<values.count {
                        let entry = entries[first + offset]
                        let u = values[offset]
                        if entry.kind == .locationScale, !entry.ratioCenter.isNaN {
                            let z = standardQuantile(tables, table: Int(entry.table), u: u)
                            let x = entry.ratioCenter + entry.ratioScale * z
                            let ratio = entry.logScale ? Foundation.exp(x) : x
                            values[offset] = targets[offset] * ratio
                            completions[offset] = higher ? ratio : Self.lowerCompletion(ratio: ratio)
                            continue
                        }
                        let value = draw(entry, u: u, tables: tables, samples: samples)
                        values[offset] = value
                        completions[offset] = ScoringContext.completion(value: value, target: targets[offset], direction: direction)
                    }
                }
            }
        }
    }

    /// c = T/V = 1/q when less is better, and as `ScoringContext.completion` has it for V ≤ 0.
    @inline(__always)
    private static func lowerCompletion(ratio: Double) -> Double {
        ratio > 0 ? 1 / ratio : ScoringContext.nonPositiveLowerCompletion
    }

    /// Draws series `first ..< first + buffer.count` in order and hands each (offset, value) to `body`.
    /// The row's uniforms are drawn first, one per series whether it is random or not, into `buffer`
    /// (GSL fills it in one call); `body` may overwrite `buffer[offset]`, whose uniform has been read.
    @inline(__always)
    private func forEachDraw(from first: Int, buffer: UnsafeMutableBufferPointer<Double>, stream: RandomStream,
                             _ body: (Int, Double) -> Void) {
        stream.fillUniformPositive(buffer)
        entries.withUnsafeBufferPointer { entries in
            samples.withUnsafeBufferPointer { samples in
                tables.withUnsafeBufferPointer { tables in
                    for offset in 0..<buffer.count {
                        body(offset, draw(entries[first + offset], u: buffer[offset], tables: tables, samples: samples))
                    }
                }
            }
        }
    }

    /// The value of `entry` at uniform u.
    @inline(__always)
    private func draw(_ entry: Entry, u: Double, tables: UnsafeBufferPointer<Double>, samples: UnsafeBufferPointer<Double>) -> Double {
        switch entry.kind {
        case .missing:
            return .nan
        case .point:
            return entry.center
        case .locationScale:
            let value = entry.center + entry.scale * standardQuantile(tables, table: Int(entry.table), u: u)
            return entry.logScale ? Foundation.exp(value) : value
        case .empirical:
            let count = Int(entry.sampleCount)
            let start = Int(entry.sampleStart)
            guard count > 1 else { return samples[start] }
            let position = u * Double(count - 1)
            let cell = min(Int(position), count - 2)
            let fraction = position - Double(cell)
            return samples[start + cell] + fraction * (samples[start + cell + 1] - samples[start + cell])
        }
    }

    /// Q(u) of the standard distribution of `table`, 0 < u < 1.
    @inline(__always)
    private func standardQuantile(_ tables: UnsafeBufferPointer<Double>, table: Int, u: Double) -> Double {
        let position = u * Double(Self.tableSize)
        let cell = Int(position)
        if cell < 1 || cell >= Self.tableSize - 1 {
            let dof = tableDegrees[table]
            return (try? dof.map { (nu) throws(GSLError) in try StudentT.quantile(u, degreesOfFreedom: nu) }
                ?? Normal.quantile(u)) ?? 0
        }
        let base = table * (Self.tableSize + 1) + cell
        let fraction = position - Double(cell)
        return tables[base] + fraction * (tables[base + 1] - tables[base])
    }
}
