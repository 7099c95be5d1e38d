/// The readers of indicators.csv, targets.csv, reviews.csv, events.csv and submissions.csv.
///
/// Each reports every problem it finds with its line and goes on with the next row, so that one run lists
/// everything wrong with a file.
struct TableReaders {
    let directory: String
    let catalog: CategoryCatalog
    var context: LoadContext

    // MARK: indicators.csv

    static let indicatorColumns = ["id", "name", "category", "measure", "unit", "direction", "weight", "leader",
                                   "lead_department", "cooperating_departments", "source"]

    /// The indicators (each row that could be read), filling `context.indicators` and `indicatorInfo`.
    mutating func readIndicators(log: inout ProblemLog) -> [Indicator] {
        guard let csv = CSVFile.open(.indicators, directory: directory, required: TableReaders.indicatorColumns,
                                     optional: ["rule"], log: &log) else { return [] }
        let file = DatasetFile.indicators
        let c = csv.columns
        let ruleColumn = c["rule"]
        var indicators: [Indicator] = []
        var infos: [IndicatorInfo] = []
        var ids: [String] = []
        var firstLine: [String: Int] = [:]
        let catalog = self.catalog
        csv.forEachRow(log: &log) { row, log in
            let line = row.line
            let id = row.text(c["id"]!)
            var valid = true
            if id.isEmpty {
                log.error(file, line, "id 为空；请为每个指标填写一个简短的 id，如 gdp")
                return
            }
            if let earlier = firstLine[id] {
                log.error(file, line, "指标 \(id) 重复列出（首次在第 \(earlier) 行）；每个指标只列一次")
                return
            }
            firstLine[id] = line
            let name = row.text(c["name"]!)
            if name.isEmpty {
                log.error(file, line, "指标 \(id) 的 name 为空；请填写指标名称，如地区生产总值")
                valid = false
            }
            let categoryText = row.text(c["category"]!)
            let category = catalog.category(id: categoryText)
            if category == nil {
                log.error(file, line, (categoryText.isEmpty ? "category 为空" : "category \(quoted(categoryText)) 无法识别")
                    + "；应为以下之一：" + catalog.ids.joined(separator: ", "))
                valid = false
            }
            let measureText = row.text(c["measure"]!)
            let measure = ValueParser.keyword(measureText, as: Measure.self)
            if measure == nil {
                log.error(file, line, (measureText.isEmpty ? "measure 为空" : "measure \(quoted(measureText)) 无法识别")
                    + "；应为以下之一：" + Measure.allCases.map(\.rawValue).joined(separator: ", "))
                valid = false
            }
            if let category, let measure, !category.acceptedMeasures.contains(measure) {
                let takes = Measure.allCases.filter { category.acceptedMeasures.contains($0) }.map(\.rawValue)
                let others = catalog.categories.filter { $0.acceptedMeasures.contains(measure) }.map { $0.id }
                log.error(file, line, "指标 \(id) 属于 category \(category.id)，该类别的 measure 只能是 "
                    + takes.joined(separator: " | ") + "，不能是 \(measure.rawValue)；"
                    + (others.isEmpty ? "没有已注册的类别接受 measure \(measure.rawValue)"
                        : "measure 为 \(measure.rawValue) 的指标请用 category " + others.joined(separator: " | ")))
                valid = false
            }
            let directionText = row.text(c["direction"]!)
            var direction = ValueParser.keyword(directionText, as: Direction.self)
            if direction == nil {
                if directionText.isEmpty, let measure, !measure.hasTarget {
                    direction = .higher  // grade and events indicators have no direction to speak of
                } else {
                    log.error(file, line, (directionText.isEmpty ? "direction 为空" : "direction \(quoted(directionText)) 无法识别")
                        + "；应为 higher（越大越好）或 lower（越小越好）")
                    valid = false
                }
            }
            var weight = 0.0
            switch row.number(c["weight"]!, allowPercent: false) {
            case let .success(value) where value >= 0:
                weight = value
            case let .success(value):
                log.error(file, line, "weight \(value.formatted(shortest: true)) 小于 0；请填写指标满分，"
                    + "如 10（负面清单指标填 0）")
                valid = false
            case let .failure(failure):
                log.error(file, line, failure.message("weight", row.written(c["weight"]!))
                    + "（weight 为指标满分）")
                valid = false
            }
            let cooperating = row.text(c["cooperating_departments"]!)
                .split(whereSeparator: { $0 == ";" || $0 == "；" })
                .map { String($0).trimmingSpaces() }
                .filter { !$0.isEmpty }
            let rule = ruleColumn.map { row.text($0) }.flatMap { $0.isEmpty ? nil : $0 }
            ids.append(id)
            // With a category that does not take the measure, which of the two is wrong is unknown: rows about
            // the indicator are then checked loosely (no demand for targets, no measure-specific rules).
            let paired = category.map { measure.map($0.acceptedMeasures.contains) ?? false } ?? true
            infos.append(IndicatorInfo(id: id, line: line, measure: paired ? measure : nil, direction: direction))
            if valid, let category, let measure, let direction {
                indicators.append(Indicator(
                    id: id, name: name, category: category.id, measure: measure, unit: row.text(c["unit"]!),
                    direction: direction, weight: weight, leader: row.text(c["leader"]!),
                    leadDepartment: row.text(c["lead_department"]!), cooperatingDepartments: cooperating,
                    source: row.text(c["source"]!), rule: rule, line: line))
            }
        }
        if ids.isEmpty && firstLine.isEmpty {
            log.error(file, csv.headerLine, "没有任何指标；请在表头下每个指标写一行")
        }
        // Without a single indicator, ids elsewhere are not checked (every one would be unknown).
        context.indicators = ids.isEmpty ? nil : IdentifierTable(ids)
        context.indicatorInfo = infos
        return indicators
    }

    // MARK: targets.csv

    /// Targets by `indicator · unitCount + unit` (NaN where none), and which cells some row named (valid or
    /// not, so that a bad row is not reported again as a missing target); nil when the file could not be read.
    func readTargets(log: inout ProblemLog) -> (targets: [Double], named: [Bool])? {
        guard let csv = CSVFile.open(.targets, directory: directory, required: ["unit", "indicator", "target"],
                                     log: &log) else { return nil }
        let file = DatasetFile.targets
        let (unitColumn, indicatorColumn, targetColumn) = (csv.column("unit"), csv.column("indicator"), csv.column("target"))
        let unitCount = context.units?.count ?? 0
        let indicatorCount = context.indicators?.count ?? 0
        var targets = [Double](repeating: .nan, count: unitCount * indicatorCount)
        var lines = [Int](repeating: 0, count: unitCount * indicatorCount)
        var named = [Bool](repeating: false, count: unitCount * indicatorCount)
        let context = self.context
        func cell(_ row: CSVRow) -> Int? {
            guard let units = context.units, let indicators = context.indicators,
                  let unit = row.lookup(unitColumn, in: units), let indicator = row.lookup(indicatorColumn, in: indicators)
            else { return nil }
            return indicator * unitCount + unit
        }
        csv.forEachRow(log: &log, misshapen: { row in cell(row).map { named[$0] = true } }) { row, log in
            let line = row.line
            let unit = lookUnit(row, unitColumn, file, log: &log)
            let indicator = lookIndicator(row, indicatorColumn, file, log: &log)
            if let unit, let indicator { named[indicator * unitCount + unit] = true }
            let measure = context.measure(indicator)
            if let measure, !measure.hasTarget {
                log.error(file, line, "指标 \(context.indicatorInfo[indicator!].id) 的 measure 为 \(measure.rawValue)，"
                    + "没有目标值（只有 cumulative、rate、level 指标有目标值）；请删除此行")
                return
            }
            let allowPercent = measure != .cumulative
            let target: Double
            switch row.number(targetColumn, allowPercent: allowPercent) {
            case let .success(value):
                target = value
            case let .failure(failure):
                log.error(file, line, failure.message("target", row.written(targetColumn)))
                return
            }
            if target <= 0 {
                log.error(file, line, "target \(target.formatted(shortest: true)) 不大于 0；年度目标须 > 0"
                    + "（完成度是实际值与目标之比），如 120.5")
                return
            }
            guard let unit, let indicator else { return }
            let cell = indicator * unitCount + unit
            if lines[cell] != 0 {
                log.error(file, line, "单位 \(context.units!.ids[unit]) 在指标 \(context.indicatorInfo[indicator].id) "
                    + "上的目标值重复（首次在第 \(lines[cell]) 行）；请只保留一行")
                return
            }
            lines[cell] = line
            targets[cell] = target
        }
        return (targets, named)
    }

    /// Reports every unit without a target on a cumulative, rate or level indicator, at the indicator's line.
    func checkMissingTargets(named: [Bool], log: inout ProblemLog) {
        guard let units = context.units, context.indicators != nil else { return }
        for (index, info) in context.indicatorInfo.enumerated() {
            guard let measure = info.measure, measure.hasTarget else { continue }
            let missing = (0..<units.count).filter { !named[index * units.count + $0] }.map { units.ids[$0] }
            guard !missing.isEmpty else { continue }
            if missing.count <= 10 {
                for unit in missing {
                    log.error(.indicators, info.line, "指标 \(info.id) 缺少单位 \(unit) 的目标值；请在 targets.csv 中"
                        + "添加一行 \"\(unit),\(info.id),目标值\"（\(measure.rawValue) 指标每个单位都须有目标值）")
                }
            } else {
                log.error(.indicators, info.line, "指标 \(info.id) 在 \(units.count) 个单位中有 \(missing.count) 个"
                    + "缺少目标值：" + listForMessage(missing, limit: 10) + "；请在 targets.csv 中为每个单位添加一行 "
                    + "\"单位id,\(info.id),目标值\"（\(measure.rawValue) 指标每个单位都须有目标值）")
            }
        }
    }

    // MARK: reviews.csv

    func readReviews(log: inout ProblemLog) -> [Review] {
        guard let csv = CSVFile.open(.reviews, directory: directory, required: ["unit", "indicator", "quarter", "plan",
                                                                                "progress", "evidence", "grade"],
                                     log: &log) else { return [] }
        let file = DatasetFile.reviews
        let c = csv.columns
        var reviews: [Review] = []
        var seen: [Int: Int] = [:]
        var ignored = IgnoredRows()
        let context = self.context
        let indicatorCount = context.indicators?.count ?? 0
        let lastQuarter = context.asOf.map { YearQuarter(year: $0.year, quarter: $0.quarter) }
        let (unitColumn, indicatorColumn, quarterColumn) = (c["unit"]!, c["indicator"]!, c["quarter"]!)
        let flagColumns = [("plan", c["plan"]!), ("progress", c["progress"]!), ("evidence", c["evidence"]!)]
        let flagNames = ["计划", "完成情况", "印证资料"]
        let gradeColumn = c["grade"]!
        let grades = ["A", "B", "C", "D"]
        reviews.reserveCapacity(csv.bytes.count / 40)
        csv.forEachRow(log: &log) { row, log in
            let line = row.line
            var valid = true
            let unit = lookUnit(row, unitColumn, file, log: &log)
            let indicator = lookIndicator(row, indicatorColumn, file, log: &log)
            if let measure = context.measure(indicator), measure != .grade {
                log.error(file, line, "指标 \(context.indicatorInfo[indicator!].id) 的 measure 为 "
                    + "\(measure.rawValue)；reviews.csv 只用于 grade 指标（A–D 等次，category common）")
                valid = false
            }
            var quarter: YearQuarter?
            switch row.quarter(quarterColumn) {
            case let .success(value):
                if let message = context.yearRangeMessage("quarter", value, year: value.year) {
                    log.error(file, line, message)
                    valid = false
                } else if let lastQuarter, value > lastQuarter {
                    ignored.add(line)
                    return
                } else {
                    quarter = value
                }
            case let .failure(failure):
                log.error(file, line, LoadContext.calendarMessage("quarter", row.written(quarterColumn), failure,
                                                                  form: "YYYY-Qn", example: "\(context.year ?? 2019)-Q2"))
                valid = false
            }
            var flags = (false, false, false)
            for (k, (name, column)) in flagColumns.enumerated() {
                if let value = row.yesNo(column) {
                    switch k {
                    case 0: flags.0 = value
                    case 1: flags.1 = value
                    default: flags.2 = value
                    }
                } else {
                    log.error(file, line, yesNoMessage(name, row.written(column), what: "是否已报送" + flagNames[k]))
                    valid = false
                }
            }
            // A–D in either case, or empty.
            let gradeIndex: Int? = row.withBytes(gradeColumn) { bytes in
                if bytes.isEmpty { return -1 }
                guard bytes.count == 1 else { return nil }
                let letter = bytes[0] & ~0x20
                return letter >= UInt8(ascii: "A") && letter <= UInt8(ascii: "D") ? Int(letter - UInt8(ascii: "A")) : nil
            }
            if gradeIndex == nil {
                log.error(file, line, "grade \(quoted(row.written(gradeColumn).trimmingSpaces())) 不是 A、B、C 或 D；"
                    + "请填写 A–D，该季度尚未评定的留空")
                valid = false
            }
            guard valid, let unit, let indicator, let quarter, let gradeIndex else { return }
            let key = ((unit * indicatorCount + indicator) * 10_000 + quarter.year) * 4 + quarter.quarter - 1
            if let earlier = seen.updateValue(line, forKey: key) {
                seen[key] = earlier
                log.error(file, line, "单位 \(context.units!.ids[unit]) 在指标 \(context.indicatorInfo[indicator].id) "
                    + "上 \(quarter) 的评定重复（首次在第 \(earlier) 行）；请只保留一行")
                return
            }
            reviews.append(Review(unit: unit, indicator: indicator, quarter: quarter, plan: flags.0,
                                  progress: flags.1, evidence: flags.2, grade: gradeIndex < 0 ? nil : grades[gradeIndex],
                                  line: line))
        }
        ignored.note(file, "as_of 所在季度" + (lastQuarter.map { " \($0) " } ?? "") + "之后的季度评定",
                     log: &log)
        return reviews
    }

    // MARK: events.csv

    func readEvents(log: inout ProblemLog) -> [NegativeEvent] {
        guard let csv = CSVFile.open(.events, directory: directory, required: ["date", "unit", "indicator", "department",
                                                                              "points", "veto", "description"],
                                     log: &log) else { return [] }
        let file = DatasetFile.events
        let c = csv.columns
        var events: [NegativeEvent] = []
        var ignored = IgnoredRows()
        let context = self.context
        let (dateColumn, unitColumn, indicatorColumn) = (c["date"]!, c["unit"]!, c["indicator"]!)
        let (departmentColumn, pointsColumn, vetoColumn) = (c["department"]!, c["points"]!, c["veto"]!)
        let descriptionColumn = c["description"]!
        csv.forEachRow(log: &log) { row, log in
            let line = row.line
            var valid = true
            var date: CalendarDate?
            switch row.date(dateColumn) {
            case let .success(value):
                if let message = context.yearRangeMessage("date", value, year: value.year) {
                    log.error(file, line, message)
                    valid = false
                } else if let asOf = context.asOf, value.yearMonth > asOf {
                    ignored.add(line)
                    return
                } else {
                    date = value
                }
            case let .failure(failure):
                log.error(file, line, LoadContext.calendarMessage("date", row.written(dateColumn), failure,
                                                                  form: "YYYY-MM-DD", example: "\(context.year ?? 2019)-05-17"))
                valid = false
            }
            let unit = lookUnit(row, unitColumn, file, log: &log)
            let indicator = lookIndicator(row, indicatorColumn, file, log: &log)
            if let measure = context.measure(indicator), measure != .events {
                log.error(file, line, "指标 \(context.indicatorInfo[indicator!].id) 的 measure 为 "
                    + "\(measure.rawValue)；events.csv 只用于负面清单指标（measure 为 events）")
                valid = false
            }
            var points = 0.0
            switch row.number(pointsColumn, allowPercent: false) {
            case let .success(value) where value > 0:
                points = value
            case let .success(value):
                log.error(file, line, "points \(value.formatted(shortest: true)) 不大于 0；请填写扣分分值，如 0.5")
                valid = false
            case let .failure(failure):
                log.error(file, line, failure.message("points", row.written(pointsColumn)) + "（points 为扣分分值）")
                valid = false
            }
            let veto = row.yesNo(vetoColumn)
            if veto == nil {
                log.error(file, line, yesNoMessage("veto", row.written(vetoColumn), what: "是否为一票否决事项"))
                valid = false
            }
            guard valid, let date, let unit, let indicator, let veto else { return }
            let department = row.text(departmentColumn)
            events.append(NegativeEvent(date: date, unit: unit, indicator: indicator,
                                        department: department.isEmpty ? nil : department, points: points,
                                        veto: veto, description: row.text(descriptionColumn), line: line))
        }
        ignored.note(file, "as_of 月份" + (context.asOf.map { " \($0) " } ?? "") + "之后的事件", log: &log)
        return events
    }

    // MARK: submissions.csv

    func readSubmissions(log: inout ProblemLog) -> [Submission] {
        guard let csv = CSVFile.open(.submissions, directory: directory,
                                     required: ["department", "period", "submitted_on"], log: &log) else { return [] }
        let file = DatasetFile.submissions
        let c = csv.columns
        var submissions: [Submission] = []
        var seen: [String: Int] = [:]
        var ignored = IgnoredRows()
        let context = self.context
        csv.forEachRow(log: &log) { row, log in
            let line = row.line
            var valid = true
            let department = row.text(c["department"]!)
            if department.isEmpty {
                log.error(file, line, "department 为空；请填写报送月报的部门，如县统计局")
                valid = false
            }
            var period: YearMonth?
            switch row.period(c["period"]!) {
            case let .success(value):
                if let message = context.yearRangeMessage("period", value, year: value.year) {
                    log.error(file, line, message)
                    valid = false
                } else if let asOf = context.asOf, value >= asOf {
                    ignored.add(line)  // due in the month after as_of: not judged yet
                    return
                } else {
                    period = value
                }
            case let .failure(failure):
                log.error(file, line, LoadContext.calendarMessage("period", row.written(c["period"]!), failure,
                                                                  form: "YYYY-MM", example: context.exampleMonth))
                valid = false
            }
            var submittedOn: CalendarDate?
            if !row.isEmpty(c["submitted_on"]!) {
                switch row.date(c["submitted_on"]!) {
                case let .success(value):
                    if let message = context.yearRangeMessage("date", value, year: value.year) {
                        log.error(file, line, "submitted_on: " + message)
                        valid = false
                    } else {
                        submittedOn = value
                    }
                case let .failure(failure):
                    log.error(file, line, LoadContext.calendarMessage(
                        "submitted_on", row.written(c["submitted_on"]!), failure, form: "YYYY-MM-DD",
                        example: "\(context.year ?? 2019)-03-12") + "；未报送的留空")
                    valid = false
                }
            }
            guard valid, let period else { return }
            let key = "\(department)\u{0}\(period)"
            if let earlier = seen[key] {
                log.error(file, line, "\(department) \(period) 的月报重复（首次在第 \(earlier) 行）；请只保留一行")
                return
            }
            seen[key] = line
            submissions.append(Submission(department: department, period: period, submittedOn: submittedOn, line: line))
        }
        ignored.note(file, "尚未到报送期限的月报（as_of" + (context.asOf.map { " \($0) " } ?? " ") + "及以后的月份）",
                     log: &log)
        return submissions
    }

    // MARK: Shared

    private func lookUnit(_ row: CSVRow, _ column: Int, _ file: DatasetFile, log: inout ProblemLog) -> Int? {
        guard let units = context.units else { return nil }
        if let index = row.lookup(column, in: units) { return index }
        log.error(file, row.line, context.unknownUnit(row.text(column)))
        return nil
    }

    private func lookIndicator(_ row: CSVRow, _ column: Int, _ file: DatasetFile, log: inout ProblemLog) -> Int? {
        guard let indicators = context.indicators else { return nil }
        if let index = row.lookup(column, in: indicators) { return index }
        log.error(file, row.line, context.unknownIndicator(row.text(column)))
        return nil
    }

    private func yesNoMessage(_ column: String, _ written: String, what: String) -> String {
        let text = written.trimmingSpaces()
        return (text.isEmpty ? "\(column) 为空" : "\(column) \(quoted(text)) 不是 yes 或 no")
            + "；请填写 yes 或 no（\(what)）"
    }
}

/// Rows skipped because they come after as_of: counted, and noted once per file.
struct IgnoredRows {
    var count = 0
    var firstLine = Int.max

    mutating func add(_ line: Int) {
        count += 1
        firstLine = min(firstLine, line)
    }

    mutating func merge(_ other: IgnoredRows) {
        count += other.count
        firstLine = min(firstLine, other.firstLine)
    }

    func note(_ file: DatasetFile, _ what: String, log: inout ProblemLog) {
        guard count > 0 else { return }
        log.note(file, firstLine, "\(what)共 \(count) 行，已忽略（第一行即本行）")
    }
}
