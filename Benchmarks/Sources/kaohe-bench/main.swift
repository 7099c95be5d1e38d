import KaoheCategories
import KaoheCore
import KaoheSynthetic

#if canImport(Glibc)
import Glibc
#endif

// kaohe-bench — times Kaohe's stages in one process, each beside the cost of reading the files.
//
//   kaohe-bench generate DIR [--units N] [--indicators K] [--years Y]   the project's generator (3,000 × 60 × 6)
//   kaohe-bench load DIR [--repeat N]      load and validate DIR N times (default 5): seconds, MB/s, peak RSS
//   kaohe-bench csv FILE [--repeat N]      the CSV reader alone on FILE (parse and field splitting)
//   kaohe-bench forecast DIR [--repeat N]  load, then forecast every series with the spec's method
//   kaohe-bench standing DIR [--draws N] [--no-pushes]   load, forecast, then current, projected and
//                                          simulated standing (and again with the home unit's pushes)
//   kaohe-bench validate DIR [--as-of YYYY-MM]   print every problem of DIR

let catalog = registeredCategories

func fail(_ message: String) -> Never {
    print("kaohe-bench: \(message)")
    exit(2)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func fileSize(_ path: String) -> Int {
    var status = stat()
    return stat(path, &status) == 0 ? Int(status.st_size) : 0
}

func peakRSSMiB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024  // ru_maxrss is in KiB on Linux
}

/// CPU seconds used by the process so far (user + system), so that timings on a busy machine can be read
/// next to the wall clock.
func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) * 1e-6
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = String(rounded)
    if let point = text.firstIndex(of: ".") {
        let have = text.distance(from: point, to: text.endIndex) - 1
        if have < decimals { text += String(repeating: "0", count: decimals - have) }
    }
    return text
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first, arguments.count >= 2 else {
    fail("usage: kaohe-bench generate|load|csv|validate PATH [--repeat N] [--units N] [--as-of YYYY-MM]")
}
let path = arguments[1]
let repeats = Int(option("--repeat", in: arguments) ?? "5") ?? 5
let clock = ContinuousClock()

switch mode {
case "generate":
    let generator = SyntheticGenerator.national(
        units: option("--units", in: arguments).flatMap(Int.init) ?? 3_000,
        indicators: option("--indicators", in: arguments).flatMap(Int.init) ?? 60,
        historyYears: option("--years", in: arguments).flatMap(Int.init) ?? 6, seed: 1)
    let start = clock.now
    do { try generator.write(to: path, force: true) } catch { fail("\(error)") }
    let megabytes = Double(fileSize(path + "/observations.csv")) / 1e6
    print("wrote \(path) in \(format(seconds(clock.now - start), 1)) s; observations.csv \(format(megabytes, 1)) MB")

case "load":
    let files = ["dataset.yaml", "indicators.csv", "targets.csv", "observations.csv", "reviews.csv", "events.csv",
                 "submissions.csv"]
    let bytes = files.reduce(0) { $0 + fileSize(path + "/" + $1) }
    let loader = DatasetLoader(categories: catalog)
    print("loading \(path): \(format(Double(bytes) / 1e6, 1)) MB in all (observations.csv "
        + "\(format(Double(fileSize(path + "/observations.csv")) / 1e6, 1)) MB)")
    var times: [Double] = []
    for run in 1...repeats {
        let start = clock.now, cpuStart = cpuSeconds()
        let (dataset, problems) = loader.validate(directory: path)
        let elapsed = seconds(clock.now - start), cpu = cpuSeconds() - cpuStart
        times.append(elapsed)
        let errors = problems.filter { $0.severity == .error }.count
        let cells = dataset.map { $0.observations.values.count } ?? 0
        print("run \(run): \(format(elapsed, 3)) s (CPU \(format(cpu, 3)) s), \(format(Double(bytes) / 1e6 / elapsed, 1)) MB/s, "
            + "\(errors) errors, \(problems.count - errors) notes, \(cells) cells, peak RSS \(format(peakRSSMiB(), 0)) MiB")
        if run == 1 { for problem in problems.prefix(5) { print("  \(problem)") } }
    }
    let best = times.min()!
    let median = times.sorted()[times.count / 2]
    print("best \(format(best, 3)) s (\(format(Double(bytes) / 1e6 / best, 1)) MB/s), median \(format(median, 3)) s; "
        + "peak RSS \(format(peakRSSMiB(), 0)) MiB")

case "csv":
    let block: ByteBlock
    do { block = try ByteBlock.read(path: path) } catch { fail("cannot read \(path): \(error)") }
    let text: DecodedText
    do { text = try TextDecoder.decode(block) } catch { fail("\(path):\(error.line): \(error.message)") }
    let megabytes = Double(text.bytes.count) / 1e6
    var best = Double.infinity, bestCPU = Double.infinity
    for run in 1...repeats {
        let start = clock.now, cpuStart = cpuSeconds()
        let records = CSVRecords(recordCapacity: 4096, fieldsPerRecord: 8)
        var reader = CSVReader(text.bytes)
        var recordCount = 0, fieldCount = 0, checksum = 0
        while reader.read(into: records, maxRecords: 4096) > 0 {
            for r in 0..<records.count {
                let fields = records.fieldCount(r)
                fieldCount += fields
                for f in 0..<fields { checksum &+= records.field(r, f).count }
            }
            recordCount += records.count
            records.removeAll()
        }
        let elapsed = seconds(clock.now - start), cpu = cpuSeconds() - cpuStart
        best = min(best, elapsed)
        bestCPU = min(bestCPU, cpu)
        print("run \(run): \(format(elapsed, 3)) s, \(format(megabytes / elapsed, 1)) MB/s (CPU \(format(cpu, 3)) s: "
            + "\(format(megabytes / cpu, 1)) MB/s), \(recordCount) records, "
            + "\(fieldCount) fields (\(checksum) bytes in fields)")
    }
    print("best \(format(best, 3)) s: \(format(megabytes / best, 1)) MB/s on \(format(megabytes, 1)) MB "
        + "(CPU \(format(bestCPU, 3)) s: \(format(megabytes / bestCPU, 1)) MB/s); "
        + "peak RSS \(format(peakRSSMiB(), 0)) MiB")

case "forecast", "standing":
    let start = clock.now, cpuStart = cpuSeconds()
    let dataset: Dataset
    do { dataset = try DatasetLoader(categories: catalog).load(directory: path) } catch { fail("\(error)") }
    let loaded = clock.now, cpuLoaded = cpuSeconds()
    let forecasts = ForecastEngine().forecastAll(dataset)
    let forecasted = clock.now, cpuForecasted = cpuSeconds()
    print("\(dataset.units.count) units × \(dataset.indicators.count) indicators: load \(format(seconds(loaded - start), 3)) s "
        + "(CPU \(format(cpuLoaded - cpuStart, 3))), forecast \(format(seconds(forecasted - loaded), 3)) s "
        + "(CPU \(format(cpuForecasted - cpuLoaded, 3))); peak RSS \(format(peakRSSMiB(), 0)) MiB")
    if mode == "standing" {
        let draws = option("--draws", in: arguments).flatMap(Int.init) ?? 10_000
        let engine: StandingEngine
        do { engine = try StandingEngine(dataset: dataset, forecasts: forecasts, catalog: catalog) } catch { fail("\(error)") }
        let prepared = clock.now, cpuPrepared = cpuSeconds()
        _ = engine.standing(.current)
        _ = engine.standing(.projected)
        let scored = clock.now, cpuScored = cpuSeconds()
        let result = engine.simulate(draws: draws, seed: 1)
        let simulated = clock.now, cpuSimulated = cpuSeconds()
        let pushes = arguments.contains("--no-pushes") ? [] : engine.pushCandidates(unit: dataset.settings.home)
        _ = engine.simulate(draws: draws, seed: 1, pushes: pushes)
        let pushed = clock.now, cpuPushed = cpuSeconds()
        print("prepare \(format(seconds(prepared - forecasted), 3)) s, current+projected \(format(seconds(scored - prepared), 3)) s "
            + "(CPU \(format(cpuScored - cpuPrepared, 3))), simulate \(draws) draws \(format(seconds(simulated - scored), 3)) s "
            + "(CPU \(format(cpuSimulated - cpuScored, 3))), again with \(pushes.count) pushes \(format(seconds(pushed - simulated), 3)) s "
            + "(CPU \(format(cpuPushed - cpuSimulated, 3))); home P(top grade) \(format(result.gradeProbabilities[dataset.settings.home][0], 4)); "
            + "peak RSS \(format(peakRSSMiB(), 0)) MiB")
        print("total \(format(seconds(simulated - start), 3)) s without pushes; simulation / load = "
            + "\(format(seconds(simulated - scored) / seconds(loaded - start), 2))")
    }

case "validate":
    var asOf: YearMonth?
    if let text = option("--as-of", in: arguments) {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 2 else { fail("--as-of wants YYYY-MM") }
        asOf = YearMonth(year: parts[0], month: parts[1])
    }
    let (dataset, problems) = DatasetLoader(categories: catalog).validate(directory: path, asOf: asOf)
    for problem in problems { print(problem) }
    print(dataset == nil ? "invalid: \(problems.filter { $0.severity == .error }.count) errors" : "valid")

default:
    fail("unknown mode \(mode); use generate, load, csv, forecast, standing or validate")
}
