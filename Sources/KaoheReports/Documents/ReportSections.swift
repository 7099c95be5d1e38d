import Foundation
import KaoheCore

/// The sections the summary and the bulletin share, built from a `ReportContext`. Every text from
/// the data goes through `Markup`'s escaping.
extension ReportContext {
    // MARK: Numbers in cells

    /// A number for a `data-` attribute: full precision, empty when missing.
    static func attribute(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "" }
        return JSONValue.format(value)
    }

    func badge(_ level: RiskReason.Level?) -> Markup {
        guard let level else { return "<span class=\"muted\">—</span>" }
        return "<span class=\"badge \(level.rawValue)\">\(Self.levelName(level))</span>"
    }

    func stateMarkup(_ row: ProgressStatus) -> Markup {
        switch row.state {
        case .behind?: return "<span class=\"state-behind\">\(ChineseFormat.progressGap(row.gap))</span>"
        case .ahead?: return "<span class=\"state-ahead\">\(ChineseFormat.progressGap(row.gap))</span>"
        case .onTrack?: return "\(ChineseFormat.progressGap(row.gap))"
        case nil: return "<span class=\"muted\">—</span>"
        }
    }

    /// The home unit's rank by current completion on `indicator`, "3/10", or "—".
    func currentRankText(_ indicator: Int) -> String {
        guard let table = peers[indicator], table.focusRow.completion != nil else { return ChineseFormat.missing }
        return "\(table.focusRow.rank)/\(unitCount)"
    }

    /// The home unit's points on `indicator` in the projected standing, as "4.52/6" (bonus "+1.2",
    /// negative list "−0.3").
    func projectedPointsText(_ indicator: Int) -> String {
        let definition = dataset.indicators[indicator]
        let points = projected.points[indicator * unitCount + home]
        guard points.isFinite else { return ChineseFormat.missing }
        // How the category counts its points, as it declares them for the ledger.
        switch engine.ledgerTreatments[indicator] {
        case .eventsCharged:
            return points.magnitude < 1e-12 ? "0" : "−" + NumberFormat.fixed(points, digits: 2)
        case .pointsWon:
            return "+" + NumberFormat.fixed(points, digits: 2)
        case .pointsLost:
            return NumberFormat.fixed(points, digits: 2) + "/" + ChineseFormat.number(definition.weight)
        }
    }

    /// The year-end forecast with its completion: "64.2亿元（93.0%）".
    func forecastText(_ indicator: Int) -> String {
        let definition = dataset.indicators[indicator]
        let forecast = forecast(indicator)
        guard let value = forecast.forecast else { return ChineseFormat.missing }
        let completion = completion(ofValue: value, indicator: indicator)
        return ChineseFormat.amount(value, unit: definition.unit) + (completion.map { "（\(ChineseFormat.percent($0))）" } ?? "")
    }

    // MARK: Headline

    /// The headline cards, with the numbers as `data-` attributes for programs and tests.
    func headline(baselineLabel: String) -> Markup {
        let names = gradeNames
        let currentRank = current.ranks[home], projectedRank = projected.ranks[home]
        let probability = topGradeProbability
        let attributes: Markup = """
         data-unit="\(dataset.units[home].id)" data-unit-count="\(unitCount)" \
        data-current-rank="\(currentRank)" data-current-total="\(Self.attribute(current.totals[home]))" \
        data-current-grade="\(names[current.grades[home]])" data-projected-rank="\(projectedRank)" \
        data-projected-total="\(Self.attribute(projected.totals[home]))" data-projected-grade="\(names[projected.grades[home]])" \
        data-top-grade-probability="\(Self.attribute(probability))" data-mean-total="\(Self.attribute(simulation.meanTotals[home]))"
        """
        var cards: [Markup] = []
        let currentChange: Markup = baseline.map {
            "<div class=\"note\">较\(baselineLabel)\(ChineseFormat.rankChange(from: $0.current.ranks[home], to: currentRank))</div>"
        } ?? .empty
        let projectedChange: Markup = baseline.map {
            "<div class=\"note\">较\(baselineLabel)\(ChineseFormat.rankChange(from: $0.projected.ranks[home], to: projectedRank))</div>"
        } ?? .empty
        cards.append("""
        <div class="kpi\(Markup(raw: 3 * currentRank > 2 * unitCount ? " alert" : ""))"><div class="label">当前位次（按当前进度折算全年）</div>\
        <div class="value" id="current-rank">第\(currentRank)名<small>／\(unitCount)</small></div>\
        <div class="note">\(ChineseFormat.score(current.totals[home]))分，\(names[current.grades[home]])</div>\(currentChange)</div>
        """)
        cards.append("""
        <div class="kpi"><div class="label">预计年底位次（按年底预测值）</div>\
        <div class="value" id="projected-rank">第\(projectedRank)名<small>／\(unitCount)</small></div>\
        <div class="note">\(ChineseFormat.score(projected.totals[home]))分，\(names[projected.grades[home]])</div>\(projectedChange)</div>
        """)
        let mostLikely = simulation.rankProbabilities[home].indices.max { simulation.rankProbabilities[home][$0] < simulation.rankProbabilities[home][$1] } ?? 0
        cards.append("""
        <div class="kpi\(Markup(raw: probability >= 0.5 ? " good" : probability < 0.2 ? " alert" : ""))"><div class="label">获评“\(topGrade)”的概率</div>\
        <div class="value" id="top-grade-probability">\(ChineseFormat.probability(probability))</div>\
        <div class="note">模拟\(simulation.draws)次；最可能名次第\(mostLikely + 1)名（\(ChineseFormat.probability(simulation.rankProbabilities[home][mostLikely]))）</div></div>
        """)
        let outlook = streak
        let streakText: Markup
        if let p = outlook.probability {
            let years = outlook.earlierYears.map { "\($0.year)年\($0.grade ?? "—")" }.joined(separator: "、")
            streakText = outlook.isAlive
                ? "<div class=\"value\">\(ChineseFormat.probability(p))</div><div class=\"note\">\(years)；今年保持\(topGrade)即实现四连优</div>"
                : "<div class=\"value\">已中断</div><div class=\"note\">\(years)；\(outlook.brokenIn.map { "\($0)年" } ?? "")未获\(topGrade)</div>"
        } else {
            streakText = "<div class=\"value\">—</div><div class=\"note\">dataset.yaml 未提供往年等次（history_grades）</div>"
        }
        cards.append("<div class=\"kpi\"><div class=\"label\">“四连优”前景</div>\(streakText)</div>")
        return "<section id=\"headline\" class=\"headline\"\(attributes)>\(cards)</section>"
    }

    /// The key points in a few sentences.
    func keyPoints(baselineLabel: String) -> Markup {
        let names = gradeNames
        var items: [Markup] = []
        items.append("""
        按当前进度折算全年，全县得分\(ChineseFormat.score(current.totals[home]))分，居全市\(ChineseFormat.rank(current.ranks[home], of: unitCount))，\
        等次为\(names[current.grades[home]])；按年底预测值测算，预计得分\(ChineseFormat.score(projected.totals[home]))分，\
        第\(projected.ranks[home])名，\(names[projected.grades[home]])。获评“\(topGrade)”的概率为\(ChineseFormat.probability(topGradeProbability))。
        """)
        let supervision = risks.risks.filter { $0.level == .supervision }
        let warning = risks.risks.filter { $0.level == .warning }
        func list(_ risks: [IndicatorRisk]) -> String {
            let shown = risks.prefix(4).map { "「\(dataset.indicators[$0.indicator].name)」" }.joined(separator: "")
            return shown + (risks.count > 4 ? "等" : "")
        }
        if risks.risks.isEmpty {
            items.append("各项指标均未触发预警或督办。")
        } else {
            var sentence = "需督办指标\(supervision.count)项"
            if !supervision.isEmpty { sentence += "（\(list(supervision))）" }
            sentence += "，需预警指标\(warning.count)项"
            if !warning.isEmpty { sentence += "（\(list(warning))）" }
            items.append("\(sentence)。")
        }
        let behind = status.filter { $0.state == .behind }
        let stale = status.filter { $0.stale && dataset.indicators[$0.indicator].measure.hasTarget }
        var progress = "\(status.count { $0.state != nil })项有时序进度的指标中，\(behind.count)项落后时序进度"
        if let worst = behind.min(by: { ($0.gap ?? 0) < ($1.gap ?? 0) }) {
            progress += "，落后最多的是「\(dataset.indicators[worst.indicator].name)」（\(ChineseFormat.progressGap(worst.gap))）"
        }
        if !stale.isEmpty { progress += "；\(stale.count)项数据未更新到\(settings.asOf.month)月" }
        items.append("\(progress)。")
        if let push = rankedPushes.first, push.topGradeProbabilityGain > 0.0005 || push.meanTotalGain > 0.005 {
            let indicator = dataset.indicators[push.push.indicator]
            items.append("""
            发力方向：「\(indicator.name)」赶上前一名，预计总分增加\(NumberFormat.fixed(push.meanTotalGain, digits: 2))分，\
            “\(topGrade)”概率\(ChineseFormat.pointChange(push.topGradeProbabilityGain))。
            """)
        }
        let reports = reportEntries
        if !reports.isEmpty {
            let late = reports.count { $0.entry.kind == .lateReport }
            let missing = reports.count - late
            items.append("月报逾期报送\(late)次、未报送\(missing)次，涉及\(Set(reports.map(\.department)).count)个部门。")
        }
        if let baseline {
            items.append("""
            与\(baselineLabel)（截至\(ChineseFormat.month(baseline.asOf))）相比：当前位次\(ChineseFormat.rankChange(from: baseline.current.ranks[home], to: current.ranks[home]))，\
            预计位次\(ChineseFormat.rankChange(from: baseline.projected.ranks[home], to: projected.ranks[home]))，\
            预计得分\(scoreChange(projected.totals[home] - baseline.projected.totals[home]))。
            """)
        }
        return "<div class=\"lead\"><ul>\(items.map { "<li>\($0)</li>" as Markup })</ul></div>"
    }

    func scoreChange(_ delta: Double) -> String {
        let text = NumberFormat.fixed(abs(delta), digits: 2)
        if text == "0.00" { return "持平" }
        return (delta > 0 ? "增加" : "减少") + text + "分"
    }

    // MARK: Indicators

    /// A signed difference of ratios in percentage points for table cells: −0.082 → "−8.2", coloured.
    func pointsCell(_ delta: Double?, colour: Bool = true) -> Markup {
        guard let delta, delta.isFinite else { return "<span class=\"muted\">—</span>" }
        let text = NumberFormat.fixed(abs(delta) * 100, digits: 1)
        if text == "0.0" { return "0.0" }
        let signed = (delta < 0 ? "−" : "+") + text
        guard colour else { return "\(signed)" }
        return "<span class=\"\(delta < 0 ? "neg" : "pos")\">\(signed)</span>"
    }

    /// Every indicator with a target: completion against time progress, forecast, rank and risk,
    /// grouped by category; then the common and negative-list indicators.
    func indicatorTable(baselineLabel: String) -> Markup {
        var head: Markup = "<tr><th>指标</th><th>当前值<br>目标</th><th>完成率／时序进度</th><th>与时序<br>进度差</th>"
        if baseline != nil { head += "<th>完成率<br>较\(baselineLabel)</th>" }
        head += "<th>全市<br>位次</th><th>预计年底<br>（完成率）</th><th>达标<br>概率</th><th>预计<br>得分</th><th>风险</th></tr>"
        let columns = baseline == nil ? 9 : 10
        var rows: [Markup] = []
        var others: [Markup] = []
        var group: String?
        // Grouped by category in the order the categories are registered, file order within each.
        let grouped = engine.members.flatMap { $0 } + status.map(\.indicator).filter { i in !engine.members.contains { $0.contains(i) } }
        for row in grouped.map({ status[$0] }) {
            let index = row.indicator
            let definition = dataset.indicators[index]
            let forecast = forecast(index)
            let risk = risks.risk(indicator: index)
            let category = categoryName(of: index)
            guard definition.measure.hasTarget else {
                let reasons: Markup = risk.map { reasonsList($0.reasons) } ?? "<span class=\"muted\">正常</span>"
                others.append("""
                <tr data-indicator="\(definition.id)" data-points="\(Self.attribute(projected.points[index * unitCount + home]))">\
                <td class="name">\(definition.name)</td><td class="c">\(category)</td><td>\(definition.leadDepartment)</td>\
                <td class="num">\(projectedPointsText(index))</td><td class="c">\(badge(risk?.level))</td><td class="reasons">\(reasons)</td></tr>
                """)
                continue
            }
            if category != group {
                rows.append("<tr class=\"group\"><td colspan=\"\(columns)\">\(category)</td></tr>")
                group = category
            }
            let stale: Markup = row.stale ? "<br><span class=\"neg\">\(row.month.map { "数据停留在\($0)月" } ?? "本年无数据")</span>" : .empty
            let completionCell: Markup = row.completion == nil ? "<span class=\"muted\">—</span>" : """
                \(ChineseFormat.percent(row.completion))／\(ChineseFormat.percent(row.expected))<br>\
                \(ProgressBar(completion: row.completion, expected: row.expected, state: row.state).svg())
                """
            var cells: Markup = """
            <td class="name">\(definition.name)</td>\
            <td class="num">\(ChineseFormat.amount(row.actual, unit: definition.unit))<br><span class="muted">\(ChineseFormat.amount(row.target, unit: definition.unit))</span>\(stale)</td>\
            <td class="c">\(completionCell)</td><td class="num">\(row.state == .behind ? "<b>" as Markup : .empty)\(pointsCell(row.gap))\(row.state == .behind ? "</b>" as Markup : .empty)</td>
            """
            if let baseline {
                let before = baseline.status.indices.contains(index) ? baseline.status[index].completion : nil
                let delta = row.completion.flatMap { now in before.map { now - $0 } }
                cells += "<td class=\"num\">\(pointsCell(delta, colour: false))</td>"
            }
            let projectedCompletion = completion(ofValue: forecast.forecast, indicator: index)
            cells += """
            <td class="c">\(currentRankText(index))</td>\
            <td class="num">\(ChineseFormat.amount(forecast.forecast, unit: definition.unit))<br><span class="muted">（\(ChineseFormat.percent(projectedCompletion))）</span></td>\
            <td class="num">\(ChineseFormat.chance(forecast.pMeet))</td><td class="num">\(projectedPointsText(index))</td>\
            <td class="c">\(badge(risk?.level))</td>
            """
            rows.append("""
            <tr data-indicator="\(definition.id)" data-completion="\(Self.attribute(row.completion))" \
            data-expected="\(Self.attribute(row.expected))" data-forecast="\(Self.attribute(forecast.forecast))" \
            data-p-meet="\(Self.attribute(forecast.pMeet))" data-points="\(Self.attribute(projected.points[index * unitCount + home]))">\(cells)</tr>
            """)
        }
        var result: Markup = """
        <div class="scroll"><table class="indicators"><caption>完成率 = 当前值 ÷ 目标（越低越好的指标为 目标 ÷ 当前值）；\
        时序进度 = 往年同期完成的全年比例（增速和水平值指标为100%）；进度条满格为150%，黑色竖线为时序进度；\
        差距和变化以百分点计；全市位次按当前完成率；达标概率 = 年底完成率达到100%的概率；预计得分按年底预测值。</caption>\
        <thead>\(head)</thead><tbody>\(rows)</tbody></table></div>
        """
        if !others.isEmpty {
            result += """
            <h3>共性指标和负面清单</h3>
            <div class="scroll"><table class="qualitative"><caption>共性指标按最近一个已评定季度的等次计分（尚未评定的按默认等次）；负面清单为本年已扣分值。</caption>
            <thead><tr><th>指标</th><th>类别</th><th>牵头单位</th><th>预计得分</th><th>风险</th><th>情况</th></tr></thead>
            <tbody>\(others)</tbody></table></div>
            """
        }
        return result
    }

    // MARK: Forecast fans

    /// The fan chart of the home unit's `indicator`, or nil when it has no forecast.
    func fanChart(_ indicator: Int) -> ForecastFanChart? {
        let definition = dataset.indicators[indicator]
        let forecast = forecast(indicator)
        guard definition.measure.hasTarget, let value = forecast.forecast, let month = forecast.month else { return nil }
        let store = dataset.observations
        let year = settings.year
        let values = (1...12).map { $0 <= month ? store.value(indicator: indicator, unit: home, year: year, month: $0) : nil }
        let lastYear = (1...12).map { store.value(indicator: indicator, unit: home, year: year - 1, month: $0) }
        var shape: [Double]?
        if definition.measure == .cumulative, month < 12 {
            var sums = [Double](repeating: 0, count: 13 - month)
            var count = 0
            for history in store.historyYears(indicator: indicator, unit: home) {
                let path = (month...12).map { store.value(indicator: indicator, unit: home, year: history, month: $0) }
                guard let base = path[0], base > 0, path.allSatisfy({ ($0 ?? 0) > 0 }) else { continue }
                for (k, v) in path.enumerated() { sums[k] += Foundation.log(v! / base) }
                count += 1
            }
            if count > 0 { shape = sums.map { $0 / Double(count) } }
        }
        return ForecastFanChart(
            title: "\(definition.name)年底预测", unit: definition.unit, values: values, lastYear: lastYear,
            month: month, forecast: value, lo80: forecast.lo80, hi80: forecast.hi80, lo95: forecast.lo95,
            hi95: forecast.hi95, target: dataset.target(indicator: indicator, unit: home),
            logScale: definition.measure == .cumulative, shape: shape)
    }

    /// The fans of the key indicators, in a grid.
    func fans(limit: Int) -> Markup {
        var figures: [Markup] = []
        for index in keyIndicators(limit: limit) {
            guard let chart = fanChart(index) else { continue }
            let definition = dataset.indicators[index]
            let forecast = forecast(index)
            let risk = risks.risk(indicator: index)
            let caption: Markup = """
            \(definition.name) \(badge(risk?.level))<br><span class="muted">预计年底\(ChineseFormat.value(forecast.forecast, indicator: definition))，\
            目标\(ChineseFormat.value(forecast.target, indicator: definition))，达标概率\(ChineseFormat.chance(forecast.pMeet))</span>
            """
            figures.append("<figure data-indicator=\"\(definition.id)\"><figcaption>\(caption)</figcaption>\(chart.svg())</figure>")
        }
        guard !figures.isEmpty else { return "<p class=\"muted\">没有可预测的指标。</p>" }
        return """
        <div class="charts">\(figures)</div>
        <p class="muted">实线为本年已报数据，虚线为上年同期；浅蓝、深蓝区域为年底预测的95%、80%区间，\
        年底（12月）的区间即预测结果，中间各月按往年走势示意。红色虚线为全年目标。</p>
        """
    }

    // MARK: Peers

    /// Which units to list when the peer group is large: the best `top`, the home unit with `around`
    /// neighbours either side, and the last; nil marks a gap.
    static func selection(order: [Int], home: Int, limit: Int = 30, top: Int = 10, around: Int = 5) -> [Int?] {
        guard order.count > limit, let position = order.firstIndex(of: home) else { return order.map { $0 } }
        var keep = Set(0..<min(top, order.count))
        for p in max(0, position - around)...min(order.count - 1, position + around) { keep.insert(p) }
        keep.insert(order.count - 1)
        var result: [Int?] = []
        var last = -1
        for p in keep.sorted() {
            if p > last + 1 { result.append(nil) }
            result.append(order[p])
            last = p
        }
        return result
    }

    /// The peer table and the standing charts.
    func peerSection() -> Markup {
        let names = gradeNames
        let order = Ranking.order(projected.totals.map { Optional($0) })
        let chosen = Self.selection(order: order, home: home)
        let chart = PeerTotalsChart(
            title: "各县区得分：预计年底得分与模拟区间",
            rows: Self.selection(order: order, home: home, limit: 25, top: 8, around: 4).map { unit in
                unit.map {
                    PeerTotalsChart.Row(name: dataset.units[$0].name, isHome: $0 == home, projected: projected.totals[$0],
                                        mean: simulation.meanTotals[$0], p10: simulation.p10Totals[$0], p90: simulation.p90Totals[$0])
                }
            },
            thresholds: settings.grades.dropLast().map { ($0.name, $0.minimum) })
        let ranks = RankProbabilityChart(title: "\(homeName)名次概率", probabilities: simulation.rankProbabilities[home],
                                         marked: projected.ranks[home])
        let grades = GradeProbabilityChart(title: "\(homeName)等次概率",
                                           grades: Array(zip(names, simulation.gradeProbabilities[home])).map { ($0.0, $0.1) })
        var rows: [Markup] = []
        for unit in chosen {
            guard let unit else {
                rows.append("<tr class=\"gap\"><td colspan=\"10\">……</td></tr>")
                continue
            }
            rows.append("""
            <tr\(Markup(raw: unit == home ? " class=\"home\"" : "")) data-unit="\(dataset.units[unit].id)">\
            <td>\(dataset.units[unit].name)\(Markup(raw: unit == home ? " ★" : ""))</td>\
            <td class="num">\(ChineseFormat.score(current.totals[unit]))</td><td class="c">\(current.ranks[unit])</td><td class="c">\(names[current.grades[unit]])</td>\
            <td class="num">\(ChineseFormat.score(projected.totals[unit]))</td><td class="c">\(projected.ranks[unit])</td><td class="c">\(names[projected.grades[unit]])</td>\
            <td class="num">\(ChineseFormat.score(simulation.meanTotals[unit]))</td>\
            <td class="num">\(NumberFormat.decimal(simulation.p10Totals[unit], digits: 1))～\(NumberFormat.decimal(simulation.p90Totals[unit], digits: 1))</td>\
            <td class="num">\(ChineseFormat.probability(simulation.gradeProbabilities[unit].first))</td></tr>
            """)
        }
        let note: Markup = chosen.contains(where: { $0 == nil })
            ? "<p class=\"muted\">共\(unitCount)个单位，表中列出前列、本县前后和末位单位；完整名单见 kaohe standing。</p>" : .empty
        return """
        <div class="pair">
        <figure><figcaption>各县区预计得分 <span class="muted">竖线为预计得分，圆点为模拟均值，色条为10%～90%区间</span></figcaption>\(chart.svg())</figure>
        <div><figure><figcaption>\(homeName)名次概率 <span class="muted">红色为最可能名次</span></figcaption>\(ranks.svg())</figure>
        <figure style="margin-top:12px"><figcaption>\(homeName)等次概率</figcaption>\(grades.svg())</figure></div>
        </div>
        <div class="scroll"><table class="peers"><caption>当前：按当前进度折算全年；预计：按年底预测值；模拟：按预测分布随机模拟\(simulation.draws)次（种子\(String(simulation.seed))）。</caption>
        <thead><tr><th>单位</th><th>当前得分</th><th>当前位次</th><th>当前等次</th><th>预计得分</th><th>预计位次</th><th>预计等次</th><th>模拟均值</th><th>80%区间</th><th>\(topGrade)概率</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        \(note)
        """
    }

    // MARK: Risks

    func reasonsList(_ reasons: [RiskReason]) -> Markup {
        "<ul>\(reasons.map { "<li>\($0.text)</li>" as Markup })</ul>"
    }

    func riskTable() -> Markup {
        guard !risks.risks.isEmpty else { return "<p>各项指标均未触发预警或督办。</p>" }
        let rows: [Markup] = risks.risks.map { risk in
            let definition = dataset.indicators[risk.indicator]
            let cooperating = definition.cooperatingDepartments.map { $0.trimmingSpaces() }.filter { !$0.isEmpty }
            return """
            <tr data-indicator="\(definition.id)" data-level="\(risk.level.rawValue)"><td class="c">\(badge(risk.level))</td>\
            <td class="name">\(definition.name)</td><td class="reasons">\(reasonsList(risk.reasons))</td>\
            <td class="num">\(ChineseFormat.chance(risk.pMeet))</td><td class="c">\(definition.leader)</td>\
            <td>\(definition.leadDepartment)\(Markup(raw: cooperating.isEmpty ? "" : "<br><span class=\"muted\">配合：</span>"))\(cooperating.joined(separator: "、"))</td></tr>
            """
        }
        return """
        <div class="scroll"><table class="risks"><caption>督办：达标概率低于\(ChineseFormat.percent(settings.risk.supervisionBelow, digits: 0))、\
        预计完成率排名处于后三分之一、负面清单扣分或一票否决；预警：达标概率低于\(ChineseFormat.percent(settings.risk.warningBelow, digits: 0))、\
        落后时序进度超过\(NumberFormat.fixed(settings.risk.behindProgress * 100, digits: 0))个百分点、数据未更新、共性指标资料未报送、新增指标预测依据不足。</caption>
        <thead><tr><th>级别</th><th>指标</th><th>原因</th><th>达标概率</th><th>分管县级领导</th><th>牵头单位</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    // MARK: Ledger

    /// The ledger: every department's total and its largest items.
    func ledgerTable(items: Int = 3) -> Markup {
        var rows: [Markup] = []
        for account in ledger.accounts {
            let leads = dataset.indicators.indices.count { role(of: account.department, on: $0) == "牵头" }
            let atRisk = risks.risks.filter { role(of: account.department, on: $0.indicator) != nil }
            let supervision = atRisk.count { $0.level == .supervision }
            let largest = account.entries.sorted { abs($0.points) > abs($1.points) }.prefix(items)
            let detail: Markup = largest.isEmpty ? "<span class=\"muted\">无加减分</span>"
                : "<ul>\(largest.map { "<li>\($0.reason)（\(ChineseFormat.signedPoints($0.points))）</li>" as Markup })</ul>"
            let more: Markup = account.entries.count > items ? "<span class=\"muted\">另有\(account.entries.count - items)项</span>" : .empty
            let total = account.total
            let tone: Markup = NumberFormat.fixed(total, digits: 2) == "0.00" || NumberFormat.fixed(total, digits: 2) == "-0.00" ? .empty
                : total < 0 ? " neg" : " pos"
            rows.append("""
            <tr data-department="\(account.department)" data-total="\(Self.attribute(total))"><td>\(account.department)</td>\
            <td class="num\(tone)">\(ChineseFormat.signedPoints(total))</td><td class="c">\(leads)</td>\
            <td class="c">\(atRisk.isEmpty ? "—" : "\(atRisk.count)（督办\(supervision)）")</td><td class="reasons">\(detail)\(more)</td></tr>
            """)
        }
        let d = settings.departments
        return """
        <div class="scroll"><table class="ledger"><caption>双倍加减分：指标预计失分（加分指标为预计得分）×\(ChineseFormat.number(d.multiplier))计入牵头单位，\
        再×\(ChineseFormat.number(d.cooperatingShare))计入每个配合单位；负面清单扣分×\(ChineseFormat.number(d.multiplier))计入责任部门；\
        月报逾期或未报每次扣\(ChineseFormat.number(settings.reporting.latePoints))分。失分为负，按合计从低到高排列。</caption>
        <thead><tr><th>部门</th><th>合计</th><th>牵头指标</th><th>风险指标</th><th>主要事项</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    // MARK: Reports

    func reportsTable() -> Markup {
        let entries = reportEntries
        let deadline = settings.reporting.deadlineDay
        guard !entries.isEmpty else {
            return "<p>\(settings.year)年各部门月报（每月\(deadline)日前报送上月完成情况）均按时报送。</p>"
        }
        let rows: [Markup] = entries.map { item in
            let entry = item.entry
            let due = entry.period.map { DepartmentLedger.deadline(of: $0, deadlineDay: deadline) }
            let submitted: Markup = entry.kind == .missingReport ? "<span class=\"state-behind\">未报送</span>"
                : "\(entry.date.map(ChineseFormat.date) ?? ChineseFormat.missing)"
            return """
            <tr><td>\(item.department)</td><td class="c">\(entry.period.map(ChineseFormat.month) ?? ChineseFormat.missing)</td>\
            <td class="c">\(due.map(ChineseFormat.date) ?? ChineseFormat.missing)</td><td class="c">\(submitted)</td>\
            <td class="num neg">\(ChineseFormat.signedPoints(entry.points))</td></tr>
            """
        }
        return """
        <div class="scroll"><table class="reports"><caption>各部门每月\(deadline)日前向县考核办报送上月完成情况；逾期或未报计入部门考核。</caption>
        <thead><tr><th>部门</th><th>报表月份</th><th>截止日期</th><th>报送日期</th><th>扣分</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    // MARK: Where to push

    func pushTable(limit: Int = 8) -> Markup {
        let pushes = rankedPushes.prefix(limit)
        guard !pushes.isEmpty else { return "<p>各项指标预计完成率均已领先全市，暂无需要追赶的指标。</p>" }
        let rows: [Markup] = pushes.map { effect in
            let definition = dataset.indicators[effect.push.indicator]
            let own = engine.projectedCompletions(indicator: effect.push.indicator)[home]
            let gap = engine.valueGap(of: effect.push)
            let extra = gap.map { ($0 < 0 ? "降低" : "增加") + ChineseFormat.amount(abs($0), unit: definition.unit, significant: 3) } ?? ChineseFormat.missing
            return """
            <tr data-indicator="\(definition.id)"><td class="name">\(definition.name)</td><td>\(definition.leadDepartment)</td>\
            <td class="num">\(ChineseFormat.percent(own))</td><td class="num">\(ChineseFormat.percent(own + effect.push.completionShift))</td>\
            <td class="num">\(extra)</td><td class="num">\(NumberFormat.fixed(effect.meanTotalGain, digits: 2))</td>\
            <td class="num">\(ChineseFormat.pointChange(effect.topGradeProbabilityGain))</td></tr>
            """
        }
        return """
        <div class="scroll"><table class="pushes"><caption>假设本县某项指标年底完成率赶上全市紧邻的前一名，其余不变，在同一组模拟中比较的效果；按“\(topGrade)”概率的提高排序。</caption>
        <thead><tr><th>指标</th><th>牵头单位</th><th>预计完成率</th><th>赶上前一名需达到</th><th>需追加</th><th>总分增加</th><th>“\(topGrade)”概率</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    // MARK: Departments (bulletin)

    func departmentTable() -> Markup {
        let reports = reportEntries
        // Worst first: supervision, then warning, then the rest; within each, the lowest ledger total first.
        func rank(_ department: String) -> (Int, Double) {
            let levels = risks.risks.filter { role(of: department, on: $0.indicator) != nil }.map(\.level)
            return (levels.contains(.supervision) ? 0 : levels.isEmpty ? 2 : 1, ledger.account(department)?.total ?? 0)
        }
        let ordered = departments.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return (ra.0, ra.1, a.offset) < (rb.0, rb.1, b.offset)
        }.map(\.element)
        var rows: [Markup] = []
        for department in ordered {
            let lead = dataset.indicators.indices.filter { role(of: department, on: $0) == "牵头" }
            let cooperating = dataset.indicators.indices.filter { role(of: department, on: $0) == "配合" }
            let behind = (lead + cooperating).filter { status[$0].state == .behind }
            let atRisk = risks.risks.filter { role(of: department, on: $0.indicator) != nil }
            let supervision = atRisk.filter { $0.level == .supervision }
            let late = reports.count { $0.department == department }
            let total = ledger.account(department)?.total ?? 0
            let level: RiskReason.Level? = supervision.isEmpty ? (atRisk.isEmpty ? nil : .warning) : .supervision
            rows.append("""
            <tr data-department="\(department)"><td>\(department)</td><td class="c">\(lead.count)</td><td class="c">\(cooperating.count)</td>\
            <td class="c">\(behind.count)</td><td class="c">\(supervision.count)</td><td class="c">\(atRisk.count - supervision.count)</td>\
            <td class="c">\(late)</td><td class="num\(Markup(raw: total < -0.005 ? " neg" : total > 0.005 ? " pos" : ""))">\(ChineseFormat.signedPoints(total))</td>\
            <td class="c">\(badge(level))</td></tr>
            """)
        }
        return """
        <div class="scroll"><table class="departments"><caption>按通报级别和台账合计从差到好排列；“落后”指牵头或配合的指标落后时序进度；台账合计见“部门责任台账”。</caption>
        <thead><tr><th>部门</th><th>牵头指标</th><th>配合指标</th><th>落后时序进度</th><th>督办</th><th>预警</th><th>月报逾期或未报</th><th>台账合计</th><th>通报</th></tr></thead>
        <tbody>\(rows)</tbody></table></div>
        """
    }

    /// Indicators doing well: ahead of time progress or in the city's top three by completion.
    func goodNews() -> Markup {
        let good = status.filter { row in
            guard risks.risk(indicator: row.indicator) == nil else { return false }
            let rank = peers[row.indicator].flatMap { $0.focusRow.completion == nil ? nil : $0.focusRow.rank }
            return row.state == .ahead || (rank.map { $0 <= 3 } ?? false)
        }
        guard !good.isEmpty else { return "<p class=\"muted\">本期没有超前于时序进度或位居全市前三的指标。</p>" }
        let items: [Markup] = good.map { row in
            let definition = dataset.indicators[row.indicator]
            let rank = peers[row.indicator].map { "全市第\($0.focusRow.rank)名" } ?? ""
            return "<li>「\(definition.name)」完成率\(ChineseFormat.percent(row.completion))，\(Self.gapPhrase(row.gap))\(rank.isEmpty ? "" : "，" + rank)（\(definition.leadDepartment)）</li>"
        }
        return "<ul>\(items)</ul>"
    }
}

extension ReportContext {
    /// "超前时序进度3.0个百分点", "落后时序进度8.2个百分点", "与时序进度持平"; "—" without a gap.
    static func gapPhrase(_ gap: Double?) -> String {
        guard let gap, gap.isFinite else { return ChineseFormat.missing }
        let text = NumberFormat.fixed(abs(gap) * 100, digits: 1)
        if text == "0.0" { return "与时序进度持平" }
        return (gap < 0 ? "落后" : "超前") + "时序进度" + text + "个百分点"
    }
}
