import Foundation
import GSL
import Testing

/// The LRE each univariate set must reach for (mean, standard deviation, lag-1 autocorrelation).
///
/// Source: GSL's own test, statistics/test_nist.c (GSL 2.x, e.g. the public mirror ampl/gsl), which
/// checks gsl_stats_mean, gsl_stats_sd and gsl_stats_lag1_autocorrelation on these sets with
/// `gsl_test_rel(computed, certified, tol)`, i.e. |computed − certified|/|certified| ≤ tol, which is
/// LRE ≥ −log10(tol). The tolerances there:
///   Lew, Lottery:       1e-15, 1e-15, 1e-14
///   Mavro, Michelso:    1e-15, 1e-13, 1e-13
///   PiDigits:           1e-14, 1e-15, 1e-14
///   NumAcc1:            1e-15, 1e-15, 1e-15
///   NumAcc2:            1e-15, 1e-15, 1e-10
///   NumAcc3:            1e-15, 1e-9,  1e-10
///   NumAcc4:            1e-15, 1e-7,  1e-10   (the hardest: 8 constant leading digits)
private let univariateTolerances: [(file: String, mean: Double, sd: Double, lag1: Double)] = [
    ("Lew.dat", 1e-15, 1e-15, 1e-14),
    ("Lottery.dat", 1e-15, 1e-15, 1e-14),
    ("Mavro.dat", 1e-15, 1e-13, 1e-13),
    ("Michelso.dat", 1e-15, 1e-13, 1e-13),
    ("NumAcc1.dat", 1e-15, 1e-15, 1e-15),
    ("NumAcc2.dat", 1e-15, 1e-15, 1e-10),
    ("NumAcc3.dat", 1e-15, 1e-9, 1e-10),
    ("NumAcc4.dat", 1e-15, 1e-7, 1e-10),
    ("PiDigits.txt", 1e-14, 1e-15, 1e-14),
]

@Suite("NIST StRD univariate summary statistics")
struct NISTUnivariateTests {
    @Test("Certified mean, standard deviation and lag-1 autocorrelation (LRE table in the log)")
    func certifiedValues() throws {
        var table = [
            "NIST StRD univariate — LRE reached/required (required from GSL statistics/test_nist.c)",
            column("dataset", 10) + column("n", 6) + column("mean", 11) + column("sd", 11) + column("lag-1 r", 11) + "min LRE",
        ]
        for set in univariateTolerances {
            let data = try NISTUnivariate(set.file)
            let mean = try Statistics.mean(data.data)
            let sd = try Statistics.standardDeviation(data.data)
            let r1 = try Statistics.lag1Autocorrelation(data.data)
            let reached = (
                mean: logRelativeError(mean, data.mean),
                sd: logRelativeError(sd, data.standardDeviation),
                lag1: logRelativeError(r1, data.lag1Autocorrelation)
            )
            let required = (mean: lre(fromTolerance: set.mean), sd: lre(fromTolerance: set.sd), lag1: lre(fromTolerance: set.lag1))
            table.append(
                column(data.name, 10) + column("\(data.data.count)", 6)
                    + column(lreCell(reached.mean, required.mean), 11) + column(lreCell(reached.sd, required.sd), 11)
                    + column(lreCell(reached.lag1, required.lag1), 11)
                    + String(format: "%.1f", min(reached.mean, reached.sd, reached.lag1)))
            #expect(reached.mean >= required.mean, "\(data.name) mean \(mean) vs certified \(data.mean)")
            #expect(reached.sd >= required.sd, "\(data.name) sd \(sd) vs certified \(data.standardDeviation)")
            #expect(reached.lag1 >= required.lag1, "\(data.name) r1 \(r1) vs certified \(data.lag1Autocorrelation)")
        }
        print(table.joined(separator: "\n"))
    }

    @Test("The buffer overloads agree with the array versions on NIST data")
    func bufferOverloads() throws {
        let data = try NISTUnivariate("Michelso.dat").data
        let sorted = Statistics.sorted(data)
        try data.withUnsafeBufferPointer { buffer in
            expectClose(try Statistics.mean(buffer), try Statistics.mean(data), relative: 1e-15, "mean")
            expectClose(try Statistics.variance(buffer), try Statistics.variance(data), relative: 1e-15, "variance")
            expectClose(
                try Statistics.standardDeviation(buffer), try Statistics.standardDeviation(data), relative: 1e-15, "sd")
        }
        try sorted.withUnsafeBufferPointer { buffer in
            expectClose(
                try Statistics.quantile(sorted: buffer, probability: 0.9),
                try Statistics.quantile(sorted: sorted, probability: 0.9), relative: 1e-15, "quantile")
        }
    }
}

@Suite("NIST StRD reader")
struct NISTReaderTests {
    @Test("A missing reference folder fails with a message naming the folder")
    func missingFolder() {
        let nowhere = URL(fileURLWithPath: "/nonexistent/shared/reference/nist")
        do {
            _ = try NISTFile("Lew.dat", folder: nowhere)
            Issue.record("reading from a missing folder succeeded")
        } catch {
            let message = String(describing: error)
            #expect(message.contains("NIST StRD reference folder is missing"), "\(message)")
            #expect(message.contains(nowhere.path), "\(message)")
        }
    }

    @Test("Both header styles declare their line ranges; the reader finds them")
    func lineRanges() throws {
        // NIST's own style (Longley.dat) and the reformatted one of PiDigits.txt.
        let longley = try NISTFile("Longley.dat")
        #expect(longley.declaredRange("Certified Values") != nil)
        #expect(longley.declaredRange("Data") != nil)
        let pi = try NISTFile("PiDigits.txt")
        #expect(pi.declaredRange("Certified Values") != nil)
        #expect(pi.declaredRange("Data") != nil)
        #expect(try NISTUnivariate("PiDigits.txt").data.count == (pi.declaredRange("Data")?.count ?? -1))
    }
}
