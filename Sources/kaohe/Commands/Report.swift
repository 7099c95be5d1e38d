import ArgumentParser
import KaoheCategories
import KaoheCore
import KaoheReports

/// The main job: the month's summary, the quarter's bulletin and the notices, written into one folder.
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The main job: print the headline and top risks, write the summary, the bulletin and the notices.",
        discussion: """
            Writes into --out (default out/<dataset folder name>): summary-YYYY-MM.html for the as_of month, \
            bulletin-YYYY-Qn.html for its quarter, notices/ (预警提示单, 督办单 and each county leader's overview, \
            HTML and Markdown) and index.html; then prints the paths written. Every file is written to a \
            temporary folder first and moved into place only when all are written.
            """
    )

    @OptionGroup var options: DatasetOptions
    @Option(help: ArgumentHelp("Output folder (default: out/<dataset folder name>).", valueName: "folder"))
    var out: String?
    @OptionGroup var documentOptions: DocumentOptions
    @OptionGroup var simulation: SimulationOptions
    @OptionGroup var methodOptions: MethodOptions

    func run() throws {
        let folderName = options.dataset.split(separator: "/").last.map(String.init) ?? "report"
        let out = self.out ?? "out/\(folderName)"
        let pipeline = ReportPipeline(options: options, method: methodOptions, simulation: simulation, documents: documentOptions)
        let dataset = try options.load()
        let asOf = dataset.settings.asOf
        let engine = try pipeline.engine(dataset)
        let simulated = try pipeline.simulate(engine)
        let quarter = YearQuarter(year: asOf.year, quarter: asOf.quarter)
        var baselines: [YearMonth: ReportBaseline] = [:]
        func baseline(_ month: YearMonth?) throws -> ReportBaseline? {
            guard let month else { return nil }
            if let known = baselines[month] { return known }
            let made = try pipeline.baseline(month)
            baselines[month] = made
            return made
        }
        let summaryContext = try pipeline.context(engine: engine, simulated: simulated,
                                                  baseline: baseline(ReportPipeline.previousMonth(asOf)))
        let bulletinContext = try pipeline.context(engine: engine, simulated: simulated,
                                                   baseline: baseline(ReportPipeline.previousQuarterEnd(quarter, before: asOf)))
        let summary = PeriodReport(context: summaryContext, kind: .summary(asOf))
        let bulletin = PeriodReport(context: bulletinContext, kind: .bulletin(quarter))
        let notices = NoticeBook(context: summaryContext)
        var files = [GeneratedFile(path: summary.fileName, contents: summary.html()),
                     GeneratedFile(path: bulletin.fileName, contents: bulletin.html())]
        files += notices.files(folder: "notices/")
        files.insert(GeneratedFile(path: "index.html", contents: ReportIndex.html(context: summaryContext, summary: summary,
                                                                                  bulletin: bulletin, notices: notices)), at: 0)
        let written = try pipeline.write(files, to: out)
        Console.output(ReportPipeline.headline(summaryContext))
        Console.output("")
        Console.output("已写入 \(written.count) 个文件：")
        Console.output(written.joined(separator: "\n"))
    }
}

/// `--date YYYY-MM-DD`: the date the documents are dated.
struct DocumentOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The date the documents bear (YYYY-MM-DD; default: the 1st of the month after as_of).",
                               valueName: "date"))
    var date: CalendarDate?
}

extension CalendarDate: ExpressibleByArgument {
    /// Parses `YYYY-MM-DD`, a real calendar date.
    public init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }
}

extension YearQuarter: ExpressibleByArgument {
    /// Parses `YYYY-Qn`, as `--quarter 2019-Q3` (the Q in either case).
    public init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let year = Int(parts[0]), parts[1].count == 2,
              parts[1].first == "Q" || parts[1].first == "q", let quarter = Int(parts[1].dropFirst()), (1...4).contains(quarter)
        else { return nil }
        self.init(year: year, quarter: quarter)
    }
}

/// What the document commands share: loading as of a month, the engine, the simulation with the home
/// county's pushes, the baseline of an earlier month, and writing the files.
struct ReportPipeline {
    let options: DatasetOptions
    let method: MethodOptions
    /// The simulation's options; nil for commands that do not simulate (notices).
    let simulation: SimulationOptions?
    let documents: DocumentOptions

    /// The dataset as of `month` (which must be a month of the data's year, no later than its as_of).
    func load(asOf month: YearMonth?) throws -> Dataset {
        var options = self.options
        options.asOf = month
        return try options.load()
    }

    func engine(_ dataset: Dataset) throws -> StandingEngine {
        let forecasts = method.forecastAll(dataset)
        return try StandingEngine(dataset: dataset, forecasts: forecasts, catalog: registeredCategories)
    }

    /// The simulation with the home county's pushes (rule 16's defaults without simulation options).
    func simulate(_ engine: StandingEngine) throws -> SimulatedStanding {
        try SimulationOptions.checkSize(draws: simulation?.draws ?? 10_000, units: engine.unitCount)
        return engine.simulate(draws: simulation?.draws ?? 10_000, seed: simulation?.seed ?? 1, threads: simulation?.threads,
                        pushes: engine.pushCandidates(unit: engine.dataset.settings.home))
    }

    /// The standing as of an earlier month.
    func baseline(_ month: YearMonth) throws -> ReportBaseline {
        ReportBaseline(engine: try engine(load(asOf: month)))
    }

    func context(engine: StandingEngine, simulated: SimulatedStanding?, baseline: ReportBaseline?) throws -> ReportContext {
        ReportContext(engine: engine, simulated: simulated, baseline: baseline, issued: documents.date)
    }

    /// The dataset as of `month`, after checking `month` against the data: a month of its year, no
    /// later than its as_of (a usage error otherwise).
    func dataset(asOf month: YearMonth, option: String) throws -> Dataset {
        let full = try load(asOf: options.asOf)
        let asOf = full.settings.asOf
        guard month.year == full.settings.year else {
            throw CommandFailure(message: "\(option) \(month) 在 \(month.year) 年，数据却是 \(full.settings.year) 年度的 — \(option) \(month) is in \(month.year), but the data is for \(full.settings.year)", status: ExitStatus.usage)
        }
        guard month <= asOf else {
            throw CommandFailure(
                message: "数据只到 \(asOf)（as_of），\(option) 却要 \(month)；请给出 \(asOf) 或更早的月份 — "
                    + "\(option) asks for \(month), but the data runs only to \(asOf) (as_of); give \(asOf) or an earlier month",
                status: ExitStatus.usage)
        }
        return month == asOf ? full : try load(asOf: month)
    }

    /// Writes `files` into `folder` (all or nothing) and returns the paths.
    func write(_ files: [GeneratedFile], to folder: String) throws -> [String] {
        do {
            return try OutputFolder(path: folder).write(files)
        } catch let error as OutputError {
            throw CommandFailure(message: error.description, status: 1)
        }
    }

    /// The month before `month` in the same year, or nil in January.
    static func previousMonth(_ month: YearMonth) -> YearMonth? {
        month.month > 1 ? YearMonth(year: month.year, month: month.month - 1) : nil
    }

    /// The last month of the quarter before `quarter`, when it is before `limit` and in the same year.
    static func previousQuarterEnd(_ quarter: YearQuarter, before limit: YearMonth) -> YearMonth? {
        guard quarter.quarter > 1 else { return nil }
        let end = YearMonth(year: quarter.year, month: (quarter.quarter - 1) * 3)
        return end < limit ? end : nil
    }

    /// The terminal headline: standing, top-grade probability, 四连优, the top risks.
    static func headline(_ context: ReportContext, risks limit: Int = 8) -> String {
        let home = context.home
        let names = context.gradeNames
        let n = context.unitCount
        var lines = [
            "\(context.homeName) 目标责任考核测算（截至\(context.settings.asOf.chineseLabel)，预测方法 \(ForecastMethods.readerLabel(context.engine.forecasts.method))"
                + (context.simulated.map { "，模拟 \($0.draws) 次" } ?? "") + "）",
            "当前：第\(context.current.ranks[home])名（共\(n)个单位），\(NumberFormat.decimal(context.current.totals[home]))分，\(names[context.current.grades[home]])（按当前进度折算全年）",
            "预计：第\(context.projected.ranks[home])名，\(NumberFormat.decimal(context.projected.totals[home]))分，\(names[context.projected.grades[home]])（按年底预测值）",
        ]
        if context.simulated != nil {
            var line = "获评“\(context.topGrade)”的概率 \(ChineseFormat.probability(context.topGradeProbability))"
            let streak = context.streak
            if let p = streak.probability {
                line += streak.isAlive ? "；四连优：今年保持\(context.topGrade)的概率 \(ChineseFormat.probability(p))"
                    : "；四连优：\(streak.brokenIn.map { "\($0)年" } ?? "")未获\(context.topGrade)，今年已无法实现"
            }
            lines.append(line)
        }
        let risks = context.risks
        lines.append("")
        lines.append("风险指标：督办 \(risks.count(.supervision)) 项，预警 \(risks.count(.warning)) 项" + (risks.risks.isEmpty ? "" : "（前 \(min(limit, risks.risks.count)) 项）："))
        for risk in risks.risks.prefix(limit) {
            let indicator = context.dataset.indicators[risk.indicator]
            lines.append("  [\(risk.level == .supervision ? "督办" : "预警")] \(indicator.name)（\(indicator.leadDepartment)，\(indicator.leader)）："
                         + risk.reasons.map(\.text).joined(separator: "；"))
        }
        return lines.joined(separator: "\n")
    }
}

/// The index page of a `kaohe report` folder.
enum ReportIndex {
    static func html(context: ReportContext, summary: PeriodReport, bulletin: PeriodReport, notices: NoticeBook) -> String {
        let c = context
        let noticeItems: [Markup] = notices.notices.map { notice in
            """
            <li>\(notice.level == .supervision ? "督办单" : "预警提示单")：\
            <a href="\(NoticeBook.link(folder: "notices/", base: notices.fileBase(notice)))">\(notice.department)</a>\
            （\(notice.risks.count)项指标）</li>
            """
        }
        let leaderItems: [Markup] = c.leaders.enumerated().map { index, leader in
            "<a href=\"\(NoticeBook.link(folder: "notices/", base: notices.leaderFileBase(index, leader)))\">\(leader)</a>"
        }
        let body: Markup = """
        <div class="page index">
        <div class="masthead">\(c.homeName)目标责任考核</div>
        <h1>考核监测报告（截至\(ChineseFormat.month(c.settings.asOf))）</h1>
        <p class="subtitle">\(c.settings.name)</p>
        <hr class="redline">
        <ul class="index">
        <li><a href="\(summary.fileName)">\(summary.title)</a>（一月一汇总，报县委、县政府领导）</li>
        <li><a href="\(bulletin.fileName)">\(bulletin.title)</a>（一季一通报，发各责任部门）\(bulletin.partialQuarterNote.map { "<br><span class=\"muted\">\($0)</span>" as Markup } ?? .empty)</li>
        <li><a href="notices/index.html">预警提示单和督办单</a>：督办单\(notices.notices.count { $0.level == .supervision })份、\
        预警提示单\(notices.notices.count { $0.level == .warning })份，县级领导送阅件\(c.leaders.count)份（HTML 与 Markdown）<ul>\(noticeItems)</ul>\
        <p>县级领导送阅件：\(leaderItems.joined(separator: "、"))</p></li>
        </ul>
        <p class="footnote">由 \(c.generator) 生成。预测与概率是依据已报数据的统计推算，不代表市考核结果。</p>
        </div>
        """
        return HTMLPage.document(title: "\(c.homeName)考核监测报告（\(ChineseFormat.month(c.settings.asOf))）", body: body)
    }
}
