import KaoheCategories
import KaoheCore
import KaoheReports

/// The notebook itself: the narrative in Chinese, with the numbers of this export, around the code cells
/// of `AssessmentNotebookCode`.
struct AssessmentNotebook {
    let export: NotebookExport
    let dataFiles: [(file: NotebookFile, about: String)]

    var dataset: Dataset { export.dataset }
    var settings: Settings { export.settings }
    var report: StandingReport { export.report }
    var home: Int { export.home }
    var name: String { export.homeName }
    var asOf: String { settings.asOf.chineseLabel }

    func notebook() -> Notebook {
        var notebook = Notebook(title: "\(name) 目标责任考核分析（截至\(asOf)）")
        notebook.kaoheMetadata = [
            ("generator", .string(NotebookFolder.generator)),
            ("version", .string(KaoheVersion.description)),
            ("command", .string(export.command)),
            ("dataset", .string(export.stem)),
            ("as_of", .string(settings.asOf.description)),
        ]
        notebook.markdown(title())
        notebook.markdown(manifest())
        notebook.markdown(assessment())
        notebook.code(AssessmentNotebookCode.setup)
        notebook.markdown(statusText())
        notebook.code(AssessmentNotebookCode.status)
        notebook.code(AssessmentNotebookCode.statusChart)
        notebook.markdown(forecastText())
        notebook.code(AssessmentNotebookCode.forecast)
        notebook.code(AssessmentNotebookCode.forecastChart)
        notebook.markdown(compareText())
        notebook.code(AssessmentNotebookCode.compare)
        notebook.code(AssessmentNotebookCode.compareChart)
        notebook.markdown(standingText())
        notebook.code(AssessmentNotebookCode.standing)
        notebook.code(AssessmentNotebookCode.standingChart)
        notebook.markdown(pushText())
        notebook.code(AssessmentNotebookCode.whereToPush)
        notebook.markdown(risksText())
        notebook.code(AssessmentNotebookCode.risks)
        notebook.markdown(ledgerText())
        notebook.code(AssessmentNotebookCode.ledger)
        notebook.code(AssessmentNotebookCode.ledgerEntries)
        notebook.markdown(closing())
        return notebook
    }

    /// "甲、乙和丙" (at most `limit` names, then "等 N 项").
    private func list(_ names: [String], limit: Int = 5) -> String {
        guard !names.isEmpty else { return "无" }
        let shown = names.prefix(limit).map { "「\($0)」" }
        let text = shown.count > 1 ? shown.dropLast().joined(separator: "、") + "和" + shown.last! : shown[0]
        return names.count > limit ? text + "等 \(names.count) 项" : text
    }

    private func title() -> String {
        let method = export.engine.forecasts.method
        return """
        # \(name) 目标责任考核分析（截至\(asOf)）

        **\(settings.name)**

        这是考核数据的分析笔记本：本县各项指标现在完成得怎样，年底预计如何，在兄弟县区中排第几，\
        最终名次和等次的概率，哪些指标有风险，各部门的加减分。文字中的数字来自导出时的计算，\
        下面的代码单元再从本文件夹中的数据文件读出并重画每一张表和图。

        - 本县：\(name)；参评单位 \(dataset.units.count) 个，考核指标 \(dataset.indicators.count) 项
        - 数据截至：\(asOf)（\(settings.year) 年度考核）
        - 预测方法：\(ForecastMethods.readerLabel(method))；模拟：\(report.simulated.draws) 次，随机种子 \(report.simulated.seed)
        """
    }

    private func manifest() -> String {
        let rows = dataFiles.map { "| `\($0.file.name)` | \($0.about) |" }.joined(separator: "\n")
        return """
        ## 数据来源与复现（MANIFEST）

        本笔记本和旁边的数据文件由下面这条命令生成（`\(KaoheVersion.description)`）：

        ```sh
        \(export.command)
        ```

        相同的数据和选项总是生成逐字节相同的文件。`MANIFEST.json` 记录了这条命令、版本和每个文件的 SHA-256，\
        第一个代码单元会逐一核对。

        | 文件 | 内容 |
        | --- | --- |
        \(rows)

        **如何运行**：`pip install pandas matplotlib jupyter`，在本文件夹中运行 `jupyter notebook \(export.notebookName)`，\
        从上到下运行全部单元（Run All）。代码只读取本文件夹中的文件（相对路径），不调用 kaohe，也不联网；\
        在新的 Python 内核中从头运行，会重现下面的每一张表和图。

        **关于中文字体**：图中的中文需要 CJK 字体（例如 Debian 的 `fonts-noto-cjk` 提供的 Noto Sans CJK）。\
        第一个代码单元会选用已安装的中文字体；一个也没有时笔记本照常运行，只是图中的汉字会显示为方框，表格和数据不受影响。
        """
    }

    private func assessment() -> String {
        let names = registeredCategoryNames()
        var counts: [(String, Int)] = []
        for indicator in dataset.indicators {
            if let index = counts.firstIndex(where: { $0.0 == indicator.category }) { counts[index].1 += 1 }
            else { counts.append((indicator.category, 1)) }
        }
        let categories = counts.map { id, count in
            "- **\(names[id] ?? id)**（\(count) 项）：" + (registeredCategories.category(id: id)?.demand ?? "按该类指标的规则计分。")
        }.joined(separator: "\n")
        let grades = settings.grades.map { "\($0.name)（≥\($0.minimum.formatted(shortest: true)) 分）" }.joined(separator: "、")
        let history = settings.historyGrades.sorted { $0.key < $1.key }.map { "\($0.key)年\($0.value)" }.joined(separator: "、")
        let departments = settings.departments
        var text = """
        ## 一、考核是什么

        市里每年对各县区进行目标责任考核：用几十项指标给每个县区计分、排名并评定等次，\
        等次为 \(grades)。本数据中共有 \(dataset.units.count) 个参评单位、\(dataset.indicators.count) 项指标，分为：

        \(categories)

        每项指标由一名分管县级领导负总责、一个牵头单位直接负责，其他配合单位协同。\
        县考核办一月一汇总、一季一通报，既看本县自己的完成进度（纵向），也看兄弟县区的进度（横向），\
        对欠账指标发出预警提示单和督办单。市考结果按双倍加减分计入县对部门的考核\
        （本数据：牵头单位 × \(departments.multiplier.formatted(shortest: true))，\
        配合单位再 × \(departments.cooperatingShare.formatted(shortest: true))）。
        """
        if !history.isEmpty {
            text += "\n\n往年等次：\(history)。今年的目标是再获\(export.topGrade)（连优）。"
        }
        return text
    }

    private func statusText() -> String {
        let rows = export.statusRows
        let graded = rows.filter { $0.state != nil }
        let behind = graded.filter { $0.state == .behind }.map { dataset.indicators[$0.indicator].name }
        let ahead = graded.count { $0.state == .ahead }
        let onTrack = graded.count { $0.state == .onTrack }
        let stale = rows.filter(\.stale).map { dataset.indicators[$0.indicator].name }
        var text = """
        ## 二、本县现在的位置：完成率与时序进度

        完成率是当前值相对全年目标的比例；时序进度是往年到同一月份通常已完成的全年份额。\
        截至\(asOf)，\(name)有完成率和时序进度的 \(graded.count) 项指标中，超前 \(ahead) 项、正常 \(onTrack) 项、\
        落后 \(behind.count) 项（完成率低于时序进度 \(NumberFormat.decimal(settings.risk.behindProgress * 100, digits: 0)) 个百分点以上为落后）。
        """
        if !behind.isEmpty { text += "\n\n落后的指标：\(list(behind, limit: 8))。" }
        if !stale.isEmpty { text += "\n\n数据未更新到截至月份的指标：\(list(stale))。" }
        return text
    }

    private func forecastText() -> String {
        let rows = export.forecastRows
        let method = export.engine.forecasts.method
        let low = rows.filter { ($0.forecast.pMeet ?? 1) < settings.risk.supervisionBelow }
            .sorted { ($0.forecast.pMeet ?? 1) < ($1.forecast.pMeet ?? 1) }
        let middle = rows.filter {
            guard let p = $0.forecast.pMeet else { return false }
            return p >= settings.risk.supervisionBelow && p < settings.risk.warningBelow
        }
        let likely = rows.count { ($0.forecast.pMeet ?? 0) >= settings.risk.warningBelow }
        let supervision = NumberFormat.percent(settings.risk.supervisionBelow, digits: 0)
        let warning = NumberFormat.percent(settings.risk.warningBelow, digits: 0)
        return """
        ## 三、年底预测

        用\(ForecastMethods.readerLabel(method))方法预测每项指标的年底值\(ForecastMethods.chineseDescription(method).map { "：" + $0 } ?? "")，\
        并给出 80% 和 95% 预测区间，以及年底达到目标的概率。\(name) \(rows.count) 项有目标的指标中，\
        达标概率不低于 \(warning) 的 \(likely) 项，介于 \(supervision) 与 \(warning) 之间的 \(middle.count) 项，\
        低于 \(supervision) 的 \(low.count) 项：\(list(low.map { dataset.indicators[$0.indicator].name }, limit: 6))。
        """
    }

    private func compareText() -> String {
        let tables = export.compareView.tables
        let count = dataset.units.count
        let rows = tables.map(\.focusRow).filter { $0.completion != nil }
        let first = tables.filter { $0.focusRow.completion != nil && $0.focusRow.rank == 1 }.map { dataset.indicators[$0.indicator].name }
        let upper = rows.count { 3 * $0.rank <= count }
        let bottom = tables.filter { $0.focusRow.completion != nil && 3 * $0.focusRow.rank > 2 * count }
            .map { dataset.indicators[$0.indicator].name }
        return """
        ## 四、与兄弟县区比较

        同一指标上按完成率给 \(count) 个单位排位次（越低越好的指标按 目标/实际 折算），并给出标准分（z）和百分位。\
        \(name)有位次的 \(rows.count) 项指标中，位居第一 \(first.count) 项\(first.isEmpty ? "" : "（\(list(first, limit: 4))）")，\
        处于前三分之一 \(upper) 项，后三分之一 \(bottom.count) 项\(bottom.isEmpty ? "" : "（\(list(bottom, limit: 6))）")。
        """
    }

    private func standingText() -> String {
        let current = report.current
        let projected = report.projected
        let simulated = report.simulated
        let grades = report.gradeNames
        let rankProbabilities = simulated.rankProbabilities[home]
        let likeliest = rankProbabilities.indices.max { rankProbabilities[$0] < rankProbabilities[$1] } ?? 0
        let gradeText = zip(grades, simulated.gradeProbabilities[home])
            .map { "\($0) \(NumberFormat.percent($1))" }.joined(separator: "，")
        var text = """
        ## 五、综合得分、位次与等次的概率

        - **当前**：按当前进度折算全年，\(name)得 \(NumberFormat.decimal(current.totals[home])) 分，\
        第 \(current.ranks[home]) 名（共 \(dataset.units.count) 个单位），\(grades[current.grades[home]])。
        - **预计**：按年底预测值计算，得 \(NumberFormat.decimal(projected.totals[home])) 分，\
        第 \(projected.ranks[home]) 名，\(grades[projected.grades[home]])。
        - **模拟**：按预测分布抽样 \(simulated.draws) 个可能的年底（各单位一起抽），\
        总分均值 \(NumberFormat.decimal(simulated.meanTotals[home]))（80% 区间 \
        \(NumberFormat.decimal(simulated.p10Totals[home], digits: 1))～\(NumberFormat.decimal(simulated.p90Totals[home], digits: 1))）；\
        最可能第 \(likeliest + 1) 名（\(NumberFormat.percent(rankProbabilities[likeliest]))）；等次概率：\(gradeText)。
        """
        let streak = report.streak
        if let probability = streak.probability {
            let years = streak.earlierYears.map { "\($0.year)年\($0.grade ?? "—")" }.joined(separator: "、")
            text += streak.isAlive
                ? "\n- **\(Self.chineseCount(streak.earlierYears.count + 1))连优**：\(years)，今年再获\(export.topGrade)的概率 \(NumberFormat.percent(probability))。"
                : "\n- **连优**：\(years)，\(streak.brokenIn.map { "\($0)年" } ?? "")未获\(export.topGrade)，今年已无法实现。"
        }
        return text
    }

    /// 2 → "二", 4 → "四" (to ten), else the digits: "四连优".
    static func chineseCount(_ number: Int) -> String {
        let digits = Array("零一二三四五六七八九十")
        return (0...10).contains(number) ? String(digits[number]) : String(number)
    }

    private func pushText() -> String {
        let pushes = report.rankedPushes.prefix(3)
        var text = """
        ### 发力方向

        对\(name)落后于前一名的每项指标，模拟“追上前一名”后的效果：总分增加多少，获评\(export.topGrade)的概率增加多少。
        """
        if pushes.isEmpty { return text + "\n\n没有可以模拟的发力方向。" }
        let items = pushes.map { effect in
            "「\(dataset.indicators[effect.push.indicator].name)」（\(export.topGrade)概率 \(NumberFormat.points(effect.topGradeProbabilityGain)) 个百分点）"
        }
        text += "效果最大的是" + items.joined(separator: "、") + "。"
        return text
    }

    private func risksText() -> String {
        let risks = export.risks
        let supervised = risks.risks.filter { $0.level == .supervision }.map { dataset.indicators[$0.indicator].name }
        let warned = risks.risks.filter { $0.level == .warning }.map { dataset.indicators[$0.indicator].name }
        let risk = settings.risk
        return """
        ## 六、风险指标

        督办：达标概率低于 \(NumberFormat.percent(risk.supervisionBelow, digits: 0))、按预计完成率排在后三分之一、\
        负面清单扣分或一票否决；预警：达标概率低于 \(NumberFormat.percent(risk.warningBelow, digits: 0))、\
        落后时序进度超过 \(NumberFormat.decimal(risk.behindProgress * 100, digits: 0)) 个百分点、数据未更新、\
        共性指标资料未报送、新增指标预测依据不足。\(name)目前督办 \(supervised.count) 项\
        \(supervised.isEmpty ? "" : "（\(list(supervised, limit: 6))）")，预警 \(warned.count) 项。
        """
    }

    private func ledgerText() -> String {
        let accounts = export.ledger.accounts
        let zero = NumberFormat.decimal(0)
        let losing = accounts.filter { $0.total < 0 && NumberFormat.decimal($0.total) != zero }
        let gaining = accounts.filter { $0.total > 0 && NumberFormat.decimal($0.total) != zero }
        let departments = settings.departments
        var text = """
        ## 七、部门责任台账

        规则：指标预计失分（加分指标为预计得分）× \(departments.multiplier.formatted(shortest: true)) 计入牵头单位，\
        再 × \(departments.cooperatingShare.formatted(shortest: true)) 计入每个配合单位；负面清单扣分 × \
        \(departments.multiplier.formatted(shortest: true)) 计入责任部门；月报每月 \(settings.reporting.deadlineDay) 日前报送，\
        逾期或未报每次扣 \(settings.reporting.latePoints.formatted(shortest: true)) 分。\
        共 \(accounts.count) 个部门：\(losing.count) 个净失分，\(gaining.count) 个净得分。
        """
        if let worst = losing.first {
            text += "失分最多的是\(worst.department)（\(NumberFormat.decimal(worst.total)) 分）。"
        }
        return text
    }

    private func closing() -> String {
        """
        ## 说明

        预测与概率是依据已报数据的统计推算，不代表市考核结果。要看其他月份或其他预测方法，\
        用 `kaohe export-notebook` 的 `--as-of`、`--method`、`--draws`、`--seed` 重新导出到另一个文件夹。
        """
    }
}
