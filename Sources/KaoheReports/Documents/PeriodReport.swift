import KaoheCore

/// The monthly summary (一月一汇总) and the quarterly bulletin (一季一通报) of seed §3: one
/// self-contained HTML page in Chinese that a county leader reads in five minutes.
public struct PeriodReport: Sendable {
    public enum Kind: Sendable, Equatable {
        /// The summary of a month (the data as of that month).
        case summary(YearMonth)
        /// The bulletin of a quarter (the data as of its last month, or as of an earlier month when the
        /// quarter is not over).
        case bulletin(YearQuarter)
    }

    public let context: ReportContext
    public let kind: Kind

    /// - Precondition: `context.simulated` is not nil.
    public init(context: ReportContext, kind: Kind) {
        precondition(context.simulated != nil, "PeriodReport needs a simulated standing")
        self.context = context
        self.kind = kind
    }

    /// The file name: `summary-2019-08.html`, `bulletin-2019-Q3.html`.
    public var fileName: String {
        switch kind {
        case let .summary(month): "summary-\(month).html"
        case let .bulletin(quarter): "bulletin-\(quarter).html"
        }
    }

    /// The document's title.
    public var title: String {
        // "县区0001 2019年8月…": a space only where a name ending in a digit would run into the year.
        let name = context.homeName + (context.homeName.last?.isNumber == true ? " " : "")
        switch kind {
        case let .summary(month): return "\(name)\(ChineseFormat.month(month))目标责任考核月度汇总"
        case let .bulletin(quarter): return "\(name)\(ChineseFormat.quarter(quarter))目标责任考核通报"
        }
    }

    /// "上月" or "上季度末", for comparisons with the baseline.
    var baselineLabel: String {
        switch kind {
        case .summary: "上月"
        case .bulletin: "上季度末"
        }
    }

    /// When the bulletin's quarter is not over at as_of, the sentence that says so.
    public var partialQuarterNote: String? {
        guard case let .bulletin(quarter) = kind, context.settings.asOf < quarter.lastMonth else { return nil }
        return "\(ChineseFormat.quarter(quarter))尚未结束，本通报使用截至\(ChineseFormat.month(context.settings.asOf))的数据。"
    }

    public func html() -> String {
        HTMLPage.document(title: title, body: body())
    }

    func body() -> Markup {
        let c = context
        let settings = c.settings
        let asOf = ChineseFormat.month(settings.asOf)
        let motto: String
        if case .summary = kind { motto = "一月一汇总" } else { motto = "一季一通报" }
        typealias Section = (id: String, title: String, content: Markup)
        var sections: [Section] = []
        let overview: Section = ("overview", "总体态势", c.keyPoints(baselineLabel: baselineLabel))
        let indicators: Section = ("indicators", "各项指标完成情况", c.indicatorTable(baselineLabel: baselineLabel))
        let forecasts: Section = ("forecasts", "重点指标年底预测", c.fans(limit: 6))
        let peers: Section = ("peers", "全市比较", c.peerSection())
        let risks: Section = ("risks", "预警和督办指标", c.riskTable())
        let ledger: Section = ("ledger", "部门责任台账", c.ledgerTable())
        let reports: Section = ("reports", "月报报送情况", c.reportsTable())
        let push: Section = ("push", "发力方向", c.pushTable())
        switch kind {
        case .summary:
            // For the county's leaders: the standing first, then the indicators, then what to do.
            sections = [overview, indicators, forecasts, peers, risks, push, ledger, reports]
        case .bulletin:
            // For every responsible department: who is behind first, then the detail.
            let departments: Section = ("departments", "部门通报", c.departmentTable() + "<h3>进展较好的指标</h3>" + c.goodNews())
            sections = [overview, departments, risks, indicators, peers, forecasts, ledger, reports, push]
        }
        for index in sections.indices {
            sections[index].title = ChineseFormat.numeral(index + 1) + "、" + sections[index].title
        }
        let toc: [Markup] = sections.map { "<a href=\"#\($0.id)\">\($0.title)</a>" }
        let partial: Markup = partialQuarterNote.map { "<p class=\"lead\">\($0)</p>" } ?? .empty
        let forecastMethod = ForecastMethods.readerLabel(c.engine.forecasts.method)
        return """
        <div class="page report">
        <div class="masthead">\(c.homeName)目标责任考核</div>
        <h1>\(title)</h1>
        <p class="subtitle">\(motto) · 数据截至\(asOf) · \(settings.name) · 县考核办 \(ChineseFormat.date(c.issued))</p>
        <hr class="redline">
        <nav class="toc">\(toc)</nav>
        \(partial)
        \(c.headline(baselineLabel: baselineLabel))
        \(sections.map { "<section id=\"\($0.id)\"><h2>\($0.title)</h2>\($0.content)</section>" as Markup })
        <p class="footnote">本报告由 \(c.generator) 根据数据集“\(settings.name)”自动生成：数据截至\(asOf)，\
        年底预测方法 \(forecastMethod)，等次与名次概率为按预测分布模拟\(c.simulation.draws)次（随机种子\(String(c.simulation.seed))）的结果。\
        \(c.baseline.map { "“较\(baselineLabel)”按截至\(ChineseFormat.month($0.asOf))的数据计算。" } ?? "")\
        预测与概率是依据已报数据的统计推算，不代表市考核结果。</p>
        </div>
        """
    }
}
