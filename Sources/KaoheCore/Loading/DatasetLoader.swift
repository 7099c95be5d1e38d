import Dispatch

/// Reads and validates a dataset folder (dataset.md): every problem is found and reported with
/// `file:line`, and invalid data never becomes a `Dataset`.
///
/// - Encodings: UTF-8, UTF-8 with BOM, else GB18030 (dataset.yaml too).
/// - Problems are sorted by file — in the order dataset.yaml, indicators.csv, targets.csv,
///   observations.csv, reviews.csv, events.csv, submissions.csv — then by line.
/// - `asOf` reads the folder as of an earlier month: it replaces dataset.yaml's `as_of`, must be a month of
///   `year`, and may not be later than the file's `as_of` (the data is in only through that month); rows
///   after it are ignored like any rows after `as_of`.
/// - observations.csv is read in parallel (see `ObservationsReader`); the other files are small.
public struct DatasetLoader: Sendable {
    public let categories: CategoryCatalog
    /// The least bytes of observations.csv per parallel chunk, and series per part of its assembly (tests
    /// lower them to cut small files).
    var observationChunkBytes = ObservationsReader.defaultMinimumChunkBytes
    var observationSeriesPerPart = ObservationsReader.defaultMinimumSeriesPerPart

    public init(categories: CategoryCatalog) {
        self.categories = categories
    }

    /// The dataset in `directory`, or every problem (errors first, then notes, each in file and line order).
    public func load(directory: String, asOf: YearMonth? = nil) throws(DatasetError) -> Dataset {
        let (dataset, problems) = validate(directory: directory, asOf: asOf)
        if let dataset { return dataset }
        throw DatasetError(problems: problems.filter { $0.severity == .error } + problems.filter { $0.severity == .note })
    }

    /// The dataset when it is valid, and every problem found (errors and notes), sorted by file then line.
    public func validate(directory: String, asOf: YearMonth? = nil) -> (dataset: Dataset?, problems: [Problem]) {
        var log = ProblemLog()

        // dataset.yaml, then indicators.csv: every other file is checked against them.
        var draft = SettingsDraft()
        if let text = CSVFile.readText(.settings, directory: directory, log: &log) {
            var reader = DatasetYAMLReader(catalog: categories, asOfOverride: asOf, log: log)
            draft = reader.read(text: text.string)
            log = reader.log
        }
        var context = LoadContext()
        context.year = draft.year
        context.asOf = draft.asOf
        context.units = draft.unitsReadable && !draft.units.isEmpty ? IdentifierTable(draft.units.map(\.id)) : nil
        var indicatorReader = TableReaders(directory: directory, catalog: categories, context: context)
        let indicators = indicatorReader.readIndicators(log: &log)
        context = indicatorReader.context

        // observations.csv (itself read in parallel chunks) alongside the smaller files.
        let work = LoadWork(directory: directory, categories: categories, context: context,
                            chunkBytes: observationChunkBytes, seriesPerPart: observationSeriesPerPart)
        DispatchQueue.concurrentPerform(iterations: 2) { part in
            if part == 0 { work.readObservations() } else { work.readOtherFiles() }
        }
        log.merge(work.observationLog)
        log.merge(work.otherLog)
        let store = work.store, targets = work.targets
        let (reviews, events, submissions) = (work.reviews, work.events, work.submissions)

        let problems = log.sorted()
        guard log.errorCount == 0 else { return (nil, problems) }
        guard let year = draft.year, let asOfMonth = draft.asOf, let homeID = draft.homeID,
              let home = draft.units.firstIndex(where: { $0.id == homeID }), !draft.grades.isEmpty,
              !indicators.isEmpty, indicators.count == context.indicatorInfo.count, let targets, let store
        else {
            // Every way to get here logs an error first; this is a guard against a reader that does not.
            var all = problems
            all.append(Problem(file: DatasetFile.settings.name, line: 0,
                               message: "数据集未能完整读取；请检查各文件是否齐全"))
            return (nil, all)
        }
        let folderName = directory.split(separator: "/").last.map(String.init) ?? directory
        let settings = Settings(
            name: draft.name.flatMap { $0.isEmpty ? nil : $0 } ?? folderName, year: year, asOf: asOfMonth,
            home: home, grades: draft.grades, scoring: draft.scoring, departments: draft.departments,
            reporting: draft.reporting, risk: draft.risk, forecast: draft.forecast,
            historyGrades: draft.historyGrades)
        let dataset = Dataset(
            directory: directory, settings: settings, units: draft.units, indicators: indicators, targets: targets,
            observations: store, reviews: reviews, events: events, submissions: submissions,
            notes: problems.filter { $0.severity == .note })
        return (dataset, problems)
    }
}

/// The two halves of a load that run at the same time, each with its own problem log.
private final class LoadWork: @unchecked Sendable {
    let directory: String
    let categories: CategoryCatalog
    let context: LoadContext
    let chunkBytes: Int
    let seriesPerPart: Int

    // Written by `readObservations` only.
    var store: ObservationStore?
    var observationLog = ProblemLog()
    // Written by `readOtherFiles` only.
    var targets: [Double]?
    var reviews: [Review] = []
    var events: [NegativeEvent] = []
    var submissions: [Submission] = []
    var otherLog = ProblemLog()

    init(directory: String, categories: CategoryCatalog, context: LoadContext, chunkBytes: Int, seriesPerPart: Int) {
        self.directory = directory
        self.categories = categories
        self.context = context
        self.chunkBytes = chunkBytes
        self.seriesPerPart = seriesPerPart
    }

    func readObservations() {
        var reader = ObservationsReader(context: context)
        reader.minimumChunkBytes = chunkBytes
        reader.minimumSeriesPerPart = seriesPerPart
        if reader.read(directory: directory, log: &observationLog) {
            store = reader.assemble(log: &observationLog)
        }
    }

    func readOtherFiles() {
        let tables = TableReaders(directory: directory, catalog: categories, context: context)
        let table = tables.readTargets(log: &otherLog)
        if let table { tables.checkMissingTargets(named: table.named, log: &otherLog) }
        targets = table?.targets
        reviews = tables.readReviews(log: &otherLog)
        events = tables.readEvents(log: &otherLog)
        submissions = tables.readSubmissions(log: &otherLog)
    }
}
