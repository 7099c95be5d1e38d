import Foundation

// A reader for the NIST Statistical Reference Datasets kept in `<repo>/../shared/reference/nist`.
// Every number the tests compare against comes from these files; none is copied by hand.

/// Why a reference file could not be read.
struct NISTReferenceError: Error, CustomStringConvertible {
    let description: String
}

/// One StRD file, read into lines (1-based, as the headers count them).
struct NISTFile {
    let name: String
    let lines: [String]

    /// `<repository root>/../shared/reference/nist`, from this file's own path:
    /// Tests/GSLTests/NISTReference.swift → up three levels → the repository root.
    static let folder: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Tests/GSLTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("../shared/reference/nist")
        .standardizedFileURL

    init(_ fileName: String, folder: URL = NISTFile.folder) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw NISTReferenceError(description: """
                NIST StRD reference folder is missing: expected \(folder.path) \
                (the folder `shared/reference/nist` next to the repository root). \
                The NIST accuracy tests cannot run without it.
                """)
        }
        let url = folder.appendingPathComponent(fileName)
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw NISTReferenceError(description: "NIST StRD file \(url.path) is missing or unreadable")
        }
        name = fileName
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
    }

    /// Lines `first…last`, 1-based and inclusive.
    func lines(_ range: ClosedRange<Int>) throws -> ArraySlice<String> {
        guard range.lowerBound >= 1, range.upperBound <= lines.count else {
            throw NISTReferenceError(description: "\(name): lines \(range) outside 1…\(lines.count)")
        }
        return lines[(range.lowerBound - 1)...(range.upperBound - 1)]
    }

    /// The `(lines a to b)` range the header declares for `section` ("Certified Values" or "Data").
    /// Both header styles are accepted: NIST's `Data  (lines 61 to 76)` and the reformatted
    /// PiDigits one, `Data            : lines 61 to 5060     (= 5000)`.
    func declaredRange(_ section: String) -> ClosedRange<Int>? {
        let pattern = "^\\s*\(section)\\s*:?\\s*\\(?\\s*lines\\s+(\\d+)\\s+to\\s+(\\d+)"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        for line in lines.prefix(12) {
            let ns = line as NSString
            guard let match = regex.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)),
                let a = Int(ns.substring(with: match.range(at: 1))),
                let b = Int(ns.substring(with: match.range(at: 2))), a <= b
            else { continue }
            return a...b
        }
        return nil
    }

    /// The numbers on a line (Fortran-style `0.4E-03` and `.11019` included), in order.
    static func numbers(in line: String) -> [Double] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == ":" }).compactMap { Double($0) }
    }
}

/// A univariate set: certified mean, standard deviation (n − 1) and lag-1 autocorrelation.
struct NISTUnivariate {
    let name: String
    let mean: Double
    let standardDeviation: Double
    let lag1Autocorrelation: Double
    let data: [Double]

    init(_ fileName: String) throws {
        let file = try NISTFile(fileName)
        name = fileName.components(separatedBy: ".")[0]
        let certified: ArraySlice<String>
        let dataLines: ArraySlice<String>
        if let c = file.declaredRange("Certified Values"), let d = file.declaredRange("Data") {
            certified = try file.lines(c)
            dataLines = try file.lines(d)
        } else {
            // The univariate .dat files as redistributed by mathnet-numerics lack NIST's
            // "File Format" block with the line numbers, so locate the same sections by their
            // headings: the certified block runs from "Certified Values" to "Data: Y"; the data
            // follow the dashed rule under "Data: Y" to the end of the file.
            guard let c = file.lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "Certified Values" }),
                let d = file.lines.firstIndex(where: { $0.hasPrefix("Data: Y") }),
                d + 1 < file.lines.count, file.lines[d + 1].hasPrefix("---")
            else { throw NISTReferenceError(description: "\(fileName): no line ranges and no Certified Values / Data: Y sections") }
            certified = file.lines[c..<d]
            dataLines = file.lines[(d + 2)...]
        }
        func value(_ label: String) throws -> Double {
            guard let line = certified.first(where: { $0.localizedCaseInsensitiveContains(label) }),
                let number = NISTFile.numbers(in: line).last
            else { throw NISTReferenceError(description: "\(fileName): certified '\(label)' not found") }
            return number
        }
        mean = try value("Sample Mean")
        standardDeviation = try value("Sample Standard Deviation")
        lag1Autocorrelation = try value("Autocorrelation")
        data = try dataLines.compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return nil }
            guard let number = Double(trimmed) else {
                throw NISTReferenceError(description: "\(fileName): data line '\(line)' is not a number")
            }
            return number
        }
        // Cross-check against "Number of Observations" wherever the file states it.
        let stated = file.lines.first(where: { $0.hasPrefix("Number of Observations") }).flatMap { NISTFile.numbers(in: $0).last }
        if let stated, Int(stated) != data.count {
            throw NISTReferenceError(description: "\(fileName): read \(data.count) observations, file states \(Int(stated))")
        }
    }
}

/// A linear least-squares set: certified B estimates and their standard deviations, the residual
/// standard deviation, R², and the residual degrees of freedom; plus the model read from the header.
struct NISTRegression {
    let name: String
    let estimates: [Double]
    let estimateStandardDeviations: [Double]
    let residualStandardDeviation: Double
    let rSquared: Double
    let residualDegreesOfFreedom: Int
    /// Whether the model has B0 (an intercept).
    let intercept: Bool
    /// The polynomial degree in x when there is one predictor column (Norris: 1, Filip: 10); nil
    /// when the predictors are used as they are (Longley's x1…x6).
    let polynomialDegree: Int?
    let y: [Double]
    /// Predictor columns as read: `x[i]` is row i.
    let x: [[Double]]

    init(_ fileName: String) throws {
        let file = try NISTFile(fileName)
        name = fileName.components(separatedBy: ".")[0]
        guard let c = file.declaredRange("Certified Values"), let d = file.declaredRange("Data") else {
            throw NISTReferenceError(description: "\(fileName): header declares no Certified Values / Data line ranges")
        }
        let certified = try file.lines(c)

        // "B3   -1127.97394098372   227.204274477751"
        var estimates: [Double] = [], sds: [Double] = []
        for line in certified {
            let tokens = line.split(separator: " ")
            // NoInt1/NoInt2 start at B1, so only the form "B<digits>" is checked.
            guard let first = tokens.first, first.hasPrefix("B"), Int(first.dropFirst()) != nil else { continue }
            let numbers = NISTFile.numbers(in: line)
            guard numbers.count == 2 else { continue }
            estimates.append(numbers[0])
            sds.append(numbers[1])
        }
        self.estimates = estimates
        estimateStandardDeviations = sds
        func value(after label: String) throws -> Double {
            guard let line = certified.first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(label) && !NISTFile.numbers(in: $0).isEmpty }),
                let number = NISTFile.numbers(in: line).last
            else { throw NISTReferenceError(description: "\(fileName): certified '\(label)' not found") }
            return number
        }
        residualStandardDeviation = try value(after: "Standard Deviation")
        rSquared = try value(after: "R-Squared")
        // ANOVA row "Residual  34  26.6173985294224  0.782864662630069": the first number is the dof.
        guard let dofLine = certified.first(where: { $0.hasPrefix("Residual") }),
            let dof = NISTFile.numbers(in: dofLine).first
        else { throw NISTReferenceError(description: "\(fileName): ANOVA residual row not found") }
        residualDegreesOfFreedom = Int(dof)

        // The model: the header line "y = B0 + B1*x + B2*(x**2) ..." above the certified block.
        guard let model = file.lines[..<(c.lowerBound - 1)].first(where: { $0.contains("y = B") }) else {
            throw NISTReferenceError(description: "\(fileName): model equation not found")
        }
        intercept = model.contains("B0")

        // The data header is the line just above the data ("Data:  y  x1  x2 …").
        let columns = file.lines[d.lowerBound - 2].split(separator: " ").dropFirst().map(String.init)
        guard columns.first == "y", columns.count >= 2 else {
            throw NISTReferenceError(description: "\(fileName): unexpected data header '\(file.lines[d.lowerBound - 2])'")
        }
        var y: [Double] = [], x: [[Double]] = []
        for line in try file.lines(d) {
            let numbers = NISTFile.numbers(in: line)
            guard numbers.count == columns.count else {
                throw NISTReferenceError(description: "\(fileName): data line '\(line)' has \(numbers.count) values, expected \(columns.count)")
            }
            y.append(numbers[0])
            x.append(Array(numbers.dropFirst()))
        }
        self.y = y
        self.x = x

        let parameters = estimates.count
        if columns.count == 2 {
            // One predictor: a polynomial whose degree is the highest power x**k in the model.
            let powers = model.components(separatedBy: "x**").dropFirst().compactMap { Int($0.prefix(while: \.isNumber)) }
            let degree = powers.max() ?? 1
            guard degree + (intercept ? 1 : 0) == parameters else {
                throw NISTReferenceError(description: "\(fileName): model of degree \(degree) does not match \(parameters) certified parameters")
            }
            polynomialDegree = degree
        } else {
            guard columns.count - 1 + (intercept ? 1 : 0) == parameters else {
                throw NISTReferenceError(description: "\(fileName): \(columns.count - 1) predictors do not match \(parameters) parameters")
            }
            polynomialDegree = nil
        }
        guard parameters > 0, sds.count == parameters, y.count - parameters == residualDegreesOfFreedom else {
            throw NISTReferenceError(description: "\(fileName): inconsistent certified block (\(parameters) parameters, \(y.count) rows, dof \(residualDegreesOfFreedom))")
        }
    }

    /// The design matrix without the column of ones, row-major: x, x², …, x^degree for a polynomial
    /// model (each power by `pow`, correctly rounded for these data, as GSL's own tests build it),
    /// the predictor columns as read otherwise.
    var design: (values: [Double], columns: Int) {
        guard let degree = polynomialDegree else { return (x.flatMap { $0 }, x[0].count) }
        let values = x.flatMap { row in (1...degree).map { pow(row[0], Double($0)) } }
        return (values, degree)
    }
}
