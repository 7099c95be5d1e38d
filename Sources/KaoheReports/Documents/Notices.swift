import KaoheCore

/// A file a command writes: its path inside the output folder and its text.
public struct GeneratedFile: Sendable, Equatable {
    /// Relative to the output folder, `/`-separated.
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// The warning notices (预警提示单) and supervision notices (督办单) of seed §3, one per department with
/// lagging indicators (欠账指标, lead or cooperating), and one overview per county leader, each as
/// self-contained HTML and as Markdown.
public struct NoticeBook: Sendable {
    /// One department's notice.
    public struct Notice: Sendable {
        public var department: String
        /// supervision (督办单) when any of its indicators calls for supervision, else warning.
        public var level: RiskReason.Level
        /// The serial number among notices of its level.
        public var number: Int
        /// Its lagging indicators, in the order of the risks (worst first).
        public var risks: [IndicatorRisk]
    }

    public let context: ReportContext
    /// The notices: supervision first, then warning, each in the order departments are first named.
    public let notices: [Notice]

    public init(context: ReportContext) {
        self.context = context
        var supervision: [Notice] = []
        var warning: [Notice] = []
        for department in context.departments {
            let lagging = context.risks.risks.filter { context.role(of: department, on: $0.indicator) != nil }
            guard let level = lagging.map(\.level).max() else { continue }
            if level == .supervision {
                supervision.append(Notice(department: department, level: level, number: supervision.count + 1, risks: lagging))
            } else {
                warning.append(Notice(department: department, level: level, number: warning.count + 1, risks: lagging))
            }
        }
        notices = supervision + warning
    }

    // MARK: Words

    static func kindName(_ level: RiskReason.Level) -> String { level == .supervision ? "督办单" : "预警提示单" }

    /// The 文号: 宁考核办督〔2019〕1号 (the first character of the home county's name).
    func documentNumber(_ notice: Notice) -> String {
        let abbreviation = context.homeName.first.map(String.init) ?? ""
        return "\(abbreviation)考核办\(notice.level == .supervision ? "督" : "预")〔\(context.settings.year)〕\(notice.number)号"
    }

    func title(_ notice: Notice) -> String { "\(context.homeName)目标责任考核\(Self.kindName(notice.level))" }

    func body(_ notice: Notice) -> String {
        let c = context
        let supervision = notice.risks.count { $0.level == .supervision }
        let counts = supervision == 0 ? "需预警\(notice.risks.count)项"
            : supervision == notice.risks.count ? "需督办\(supervision)项" : "需督办\(supervision)项、需预警\(notice.risks.count - supervision)项"
        let action = notice.level == .supervision ? "现予督办" : "现予预警提示"
        return "根据截至\(ChineseFormat.month(c.settings.asOf))的监测数据，你单位牵头或配合的下列\(notice.risks.count)项市考指标存在欠账风险（\(counts)）。"
            + "按照“一月一汇总、一季一通报”动态预警工作机制，\(action)。请对照下表逐项分析原因，明确责任人、整改措施和完成时限，"
            + "倒排工期、加快进度，于\(ChineseFormat.date(c.rectificationDeadline))前将整改落实情况书面报县考核办。"
    }

    func closing(_ notice: Notice) -> String {
        let stake = notice.risks.compactMap { context.ledgerPoints(department: notice.department, indicator: $0.indicator) }
        var text = ""
        if !stake.isEmpty {
            let total = stake.reduce(0, +)
            text = "按照双倍加减分规定，上述指标按当前预测计入你单位年度考核\(ChineseFormat.signedPoints(total))分（以年终考核结果为准）。"
        }
        text += notice.level == .supervision
            ? "对整改不力、指标持续下滑或排名靠后的，县考核办将按规定约谈，并按程序移交问责。"
            : "请密切跟踪指标进展，防止转为督办事项。"
        return text
    }

    /// The cells of one lagging indicator's row.
    func cells(_ risk: IndicatorRisk, department: String) -> [String] {
        let c = context
        let definition = c.dataset.indicators[risk.indicator]
        let role = c.role(of: department, on: risk.indicator) ?? ""
        let progress = risk.status.completion.map { completion in
            ChineseFormat.percent(completion) + "／" + ChineseFormat.percent(risk.status.expected)
        } ?? ChineseFormat.missing
        var forecast = ChineseFormat.missing
        if let projected = risk.projectedCompletion {
            forecast = ChineseFormat.percent(projected)
            if let (lo, hi) = c.completionInterval80(risk.indicator) {
                forecast += "\n（" + ChineseFormat.percent(lo) + "～" + ChineseFormat.percent(hi) + "）"
            }
        }
        let currentRank = c.peers[risk.indicator].flatMap { $0.focusRow.completion == nil ? nil : $0.focusRow.rank }
        let ranks = risk.projectedRank.map { projected in
            (currentRank.map(String.init) ?? ChineseFormat.missing) + "／" + String(projected) + "（共\(risk.unitCount)）"
        } ?? ChineseFormat.missing
        let points = c.ledgerPoints(department: department, indicator: risk.indicator)
        return [definition.name, role + "\n" + definition.leader, progress, forecast,
                risk.pMeet.map(RiskText.probability) ?? ChineseFormat.missing, ranks, ChineseFormat.signedPoints(points)]
    }

    /// Text with line breaks as `<br>`.
    func lines(_ text: String) -> Markup {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Markup(text: String($0)) }.joined(separator: "<br>")
    }

    static let headers = ["指标", "责任／分管县级领导", "当前完成率／时序进度", "预计年底完成率（80%区间）", "达标概率",
                          "全市位次（当前／预计）", "涉及分值"]

    // MARK: HTML

    func signature() -> Markup {
        """
        <div class="signature"><div>\(context.homeName)考核办</div>\
        <div>\(ChineseFormat.date(context.issued))</div></div>
        """
    }

    func generatedNote(what: String = "本单", numbered: Bool = true) -> Markup {
        let number: Markup = numbered ? "文号为系统生成编号，印发前请登记核对。" : .empty
        let stake: Markup = numbered ? "涉及分值为部门责任台账中该指标计入你单位的分值。" : "预计得分按年底预测值计算。"
        return """
        <p class="footnote">\(what)由 \(context.generator) 依据截至\(ChineseFormat.month(context.settings.asOf))的数据自动生成\
        （年底预测方法 \(ForecastMethods.readerLabel(context.engine.forecasts.method))）；\(number)\
        达标概率为按预测分布计算的年底完成率达到100%的概率；\(stake)</p>
        """
    }

    public func html(_ notice: Notice) -> String {
        let c = context
        let rows: [Markup] = notice.risks.enumerated().map { index, risk in
            let cells = cells(risk, department: notice.department)
            let parts = cells[1].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            return """
            <tr data-indicator="\(c.dataset.indicators[risk.indicator].id)" data-level="\(risk.level.rawValue)">\
            <td class="c">\(index + 1)</td><td class="name">\(cells[0]) \(c.badge(risk.level))</td>\
            <td class="c">\(parts[0])<br>\(parts.count > 1 ? parts[1] : "")</td>\
            <td class="num">\(cells[2])</td><td class="num">\(lines(cells[3]))</td><td class="num">\(cells[4])</td>\
            <td class="c">\(cells[5])</td><td class="reasons">\(c.reasonsList(risk.reasons))</td><td class="num">\(cells[6])</td></tr>
            """
        }
        let body: Markup = """
        <div class="page notice" data-department="\(notice.department)" data-level="\(notice.level.rawValue)">
        <div class="masthead">\(c.homeName)目标责任考核办公室</div>
        <p class="docno">\(documentNumber(notice)) <small>（系统生成编号）</small></p>
        <hr class="redline">
        <h1>\(title(notice))</h1>
        <p class="addressee">\(notice.department)：</p>
        <p class="body">\(body(notice))</p>
        <div class="scroll"><table><thead><tr><th>序号</th><th>指标</th><th>责任／分管县级领导</th><th>当前完成率／时序进度</th>\
        <th>预计年底完成率（80%区间）</th><th>达标概率</th><th>全市位次（当前／预计）</th><th>主要问题</th><th>涉及分值</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        <p class="body">\(closing(notice))</p>
        \(signature())
        \(generatedNote())
        </div>
        """
        return HTMLPage.document(title: "\(title(notice))（\(notice.department)）", body: body)
    }

    // MARK: Markdown

    public func markdown(_ notice: Notice) -> String {
        var lines: [String] = [
            "# " + Markdown.escape(title(notice)),
            "",
            Markdown.escape(documentNumber(notice)) + "（系统生成编号）",
            "",
            "**" + Markdown.escape(notice.department) + "：**",
            "",
            Markdown.escape(body(notice)),
            "",
        ]
        var table = Markdown.Table(headers: ["序号"] + Self.headers.prefix(6) + ["主要问题", "涉及分值"])
        for (index, risk) in notice.risks.enumerated() {
            let cells = cells(risk, department: notice.department)
            table.append([String(index + 1), cells[0] + "（" + RiskAssessmentWords.level(risk.level) + "）",
                          cells[1].replacingLineBreaks(with: "／"), cells[2], cells[3].replacingLineBreaks(with: ""), cells[4], cells[5],
                          risk.reasons.map(\.text).joined(separator: "；"), cells[6]])
        }
        lines.append(table.rendered())
        lines += ["", Markdown.escape(closing(notice)), "", "<div align=\"right\">", "",
                  Markdown.escape(context.homeName) + "考核办", "", ChineseFormat.date(context.issued), "", "</div>", "",
                  "> 本单由 " + Markdown.escape(context.generator) + " 依据截至" + ChineseFormat.month(context.settings.asOf)
                    + "的数据自动生成；文号为系统生成编号，印发前请登记核对。", ""]
        return lines.joined(separator: "\n")
    }

    // MARK: Leaders

    /// The indicators a county leader is in charge of, in indicators.csv order.
    public func indicators(of leader: String) -> [Int] {
        context.dataset.indicators.indices.filter { context.dataset.indicators[$0].leader.trimmingSpaces() == leader }
    }

    func leaderSummary(_ leader: String) -> String {
        let own = indicators(of: leader)
        let risks = own.compactMap { context.risks.risk(indicator: $0) }
        let supervision = risks.count { $0.level == .supervision }
        let parts = [("需督办", supervision), ("需预警", risks.count - supervision), ("运行正常", own.count - risks.count)]
            .filter { $0.1 > 0 }.map { "\($0.0)\($0.1)项" }
        let counts = risks.isEmpty ? "均未触发预警或督办" : parts.joined(separator: "、")
        return "截至\(ChineseFormat.month(context.settings.asOf))，您分管的\(own.count)项市考指标中，\(counts)。"
            + (risks.isEmpty ? "" : "县考核办已向相关部门发出预警提示单或督办单，整改时限为\(ChineseFormat.date(context.rectificationDeadline))。")
    }

    func leaderCells(_ indicator: Int) -> [String] {
        let c = context
        let definition = c.dataset.indicators[indicator]
        let row = c.status[indicator]
        let progress = row.completion.map { ChineseFormat.percent($0) + "／" + ChineseFormat.percent(row.expected) } ?? ChineseFormat.missing
        let forecast = c.forecast(indicator)
        let projected = c.completion(ofValue: forecast.forecast, indicator: indicator)
        return [definition.name, definition.leadDepartment, progress, ChineseFormat.percent(projected),
                ChineseFormat.chance(forecast.pMeet), c.currentRankText(indicator), c.projectedPointsText(indicator)]
    }

    public func leaderHTML(_ leader: String) -> String {
        let c = context
        let rows: [Markup] = indicators(of: leader).map { index in
            let cells = leaderCells(index)
            let risk = c.risks.risk(indicator: index)
            let reasons: Markup = risk.map { c.reasonsList($0.reasons) } ?? "<span class=\"muted\">—</span>"
            let state: Markup = risk == nil ? "<span class=\"badge ok\">正常</span>" : c.badge(risk?.level)
            return """
            <tr data-indicator="\(c.dataset.indicators[index].id)"><td class="name">\(cells[0])</td><td class="dept">\(cells[1])</td>\
            <td class="num">\(cells[2])</td><td class="num">\(cells[3])</td><td class="num">\(cells[4])</td><td class="c">\(cells[5])</td>\
            <td class="num">\(cells[6])</td><td class="c">\(state)</td><td class="reasons">\(reasons)</td></tr>
            """
        }
        let body: Markup = """
        <div class="page notice" data-leader="\(leader)">
        <div class="masthead">\(c.homeName)目标责任考核办公室</div>
        <p class="docno">送阅件</p>
        <hr class="redline">
        <h1>分管市考指标运行情况一览</h1>
        <p class="addressee">\(leader)：</p>
        <p class="body">\(leaderSummary(leader))</p>
        <div class="scroll"><table><thead><tr><th>指标</th><th>牵头单位</th><th>当前完成率／时序进度</th><th>预计年底完成率</th>\
        <th>达标概率</th><th>全市位次</th><th>预计得分</th><th>状态</th><th>主要问题</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(signature())
        \(generatedNote(what: "本表", numbered: false))
        </div>
        """
        return HTMLPage.document(title: "分管市考指标运行情况一览（\(leader)）", body: body)
    }

    public func leaderMarkdown(_ leader: String) -> String {
        let c = context
        var table = Markdown.Table(headers: ["指标", "牵头单位", "当前完成率／时序进度", "预计年底完成率", "达标概率", "全市位次",
                                             "预计得分", "状态", "主要问题"])
        for index in indicators(of: leader) {
            let risk = c.risks.risk(indicator: index)
            table.append(leaderCells(index) + [risk.map { RiskAssessmentWords.level($0.level) } ?? "正常",
                                               risk?.reasons.map(\.text).joined(separator: "；") ?? ""])
        }
        return [
            "# 分管市考指标运行情况一览", "", "送阅件", "", "**" + Markdown.escape(leader) + "：**", "",
            Markdown.escape(leaderSummary(leader)), "", table.rendered(), "", "<div align=\"right\">", "",
            Markdown.escape(c.homeName) + "考核办", "", ChineseFormat.date(c.issued), "", "</div>", "",
            "> 本表由 " + Markdown.escape(c.generator) + " 依据截至" + ChineseFormat.month(c.settings.asOf) + "的数据自动生成。", "",
        ].joined(separator: "\n")
    }

    // MARK: Files

    /// Every file: each notice and each leader's overview as `.html` and `.md`, and `index.html`
    /// listing them, under `folder` (e.g. "notices/", or "" for the output folder itself).
    public func files(folder: String = "") -> [GeneratedFile] {
        var files: [GeneratedFile] = []
        var links: [Markup] = []
        for notice in notices {
            let base = folder + fileBase(notice)
            files.append(GeneratedFile(path: base + ".html", contents: html(notice)))
            files.append(GeneratedFile(path: base + ".md", contents: markdown(notice)))
            links.append("""
            <li>\(context.badge(notice.level)) <a href="\(FileNames.href(base.dropFirst(folder.count) + ".html"))">\
            \(documentNumber(notice)) \(notice.department)</a>（\(notice.risks.count)项指标）</li>
            """)
        }
        var leaderLinks: [Markup] = []
        for (index, leader) in context.leaders.enumerated() {
            let base = folder + leaderFileBase(index, leader)
            files.append(GeneratedFile(path: base + ".html", contents: leaderHTML(leader)))
            files.append(GeneratedFile(path: base + ".md", contents: leaderMarkdown(leader)))
            leaderLinks.append("<li><a href=\"\(FileNames.href(base.dropFirst(folder.count) + ".html"))\">\(leader)</a>：\(leaderSummary(leader))</li>")
        }
        let empty: Markup = notices.isEmpty ? "<p>本期没有需要预警或督办的指标。</p>" : .empty
        let index: Markup = """
        <div class="page index">
        <div class="masthead">\(context.homeName)目标责任考核办公室</div>
        <h1>预警提示单和督办单（\(ChineseFormat.month(context.settings.asOf))）</h1>
        <hr class="redline">
        <h2>部门通知单</h2>\(empty)<ul>\(links)</ul>
        <h2>县级领导送阅件</h2><ul>\(leaderLinks)</ul>
        \(generatedNote(what: "本页各单", numbered: true))
        </div>
        """
        files.append(GeneratedFile(path: folder + "index.html",
                                   contents: HTMLPage.document(title: "预警提示单和督办单（\(ChineseFormat.month(context.settings.asOf))）", body: index)))
        return files
    }

    static func serial(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }

    /// The file name (without extension) of a notice: `notice-督办-01-县发改局`.
    public func fileBase(_ notice: Notice) -> String {
        FileNames.safe("notice-\(notice.level == .supervision ? "督办" : "预警")-\(Self.serial(notice.number))-\(notice.department)")
    }

    /// The file name (without extension) of the overview of the `index`-th leader (0-based).
    public func leaderFileBase(_ index: Int, _ leader: String) -> String {
        FileNames.safe("leader-\(Self.serial(index + 1))-\(leader)")
    }

    /// A relative link to a file of this book in `folder`.
    public static func link(folder: String, base: String) -> String { folder + FileNames.href(base + ".html") }
}

/// Words shared by the Markdown renderings.
enum RiskAssessmentWords {
    static func level(_ level: RiskReason.Level) -> String { level == .supervision ? "督办" : "预警" }
}

extension String {
    func replacingLineBreaks(with separator: String) -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: separator)
    }
}

/// File names made from department and leader names.
public enum FileNames {
    /// `name` with every character that is not a letter, a digit (any script), `-` or `_` replaced by
    /// `_`, at most 60 characters: "县<script>局" → "县_script_局".
    public static func safe(_ name: String) -> String {
        var result = ""
        for character in name {
            let ok = character.isLetter || character.isNumber || character == "-" || character == "_"
            result.append(ok ? character : "_")
        }
        return String(result.prefix(60))
    }

    /// A relative link to a file in the same folder, percent-encoding what a URL may not hold raw.
    static func href<S: StringProtocol>(_ name: S) -> String {
        var result = ""
        for byte in name.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-_.~".contains(c) {
                result.append(c)
            } else {
                let hex = String(byte, radix: 16, uppercase: true)
                result += "%" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return result
    }
}
