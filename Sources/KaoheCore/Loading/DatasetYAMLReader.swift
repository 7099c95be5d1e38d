import Yams

/// What dataset.yaml says, as far as it could be read.
struct SettingsDraft {
    var name: String?
    var year: Int?
    /// The effective as_of (the override when given and valid).
    var asOf: YearMonth?
    var homeID: String?
    var homeLine = 1
    var units: [AssessedUnit] = []
    /// False when the unit list could not be read at all (so unit ids elsewhere are not checked).
    var unitsReadable = false
    var grades: [GradeBand] = []
    var scoring: [String: ConfigValue] = [:]
    var departments = DepartmentSettings()
    var reporting = ReportingSettings()
    var risk = RiskSettings()
    var forecast = ForecastSettings()
    var historyGrades: [Int: String] = [:]
}

/// Reads dataset.yaml into a `SettingsDraft`, reporting every problem with its line.
struct DatasetYAMLReader {
    let catalog: CategoryCatalog
    let asOfOverride: YearMonth?
    var log: ProblemLog

    private let file = DatasetFile.settings

    init(catalog: CategoryCatalog, asOfOverride: YearMonth?, log: ProblemLog) {
        self.catalog = catalog
        self.asOfOverride = asOfOverride
        self.log = log
    }

    mutating func read(text: String) -> SettingsDraft {
        var draft = SettingsDraft()
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            reportYAMLError(error, text: text)
            return draft
        } catch {
            log.error(file, 1, "YAML 无法读取（\(error)）；请检查文件的缩进和标点")
            return draft
        }
        guard let root, !isNull(root) else {
            log.error(file, 1, "文件为空；须写明 name、year、as_of、home、units 和 grades"
                + "（参见 dataset.md 中的示例）")
            return draft
        }
        guard let mapping = root.mapping else {
            log.error(file, line(root), "dataset.yaml 须为设置项的映射（name: …, year: …, as_of: …），"
                + "而不是\(kind(root))")
            return draft
        }

        var nodes: [String: Node] = [:]
        for (keyNode, value) in mapping {
            let key = (keyNode.string ?? "").trimmingSpaces().lowercased()
            switch key {
            case "name", "year", "as_of", "home", "units", "grades", "scoring", "departments", "reporting", "risk",
                 "forecast", "history_grades":
                nodes[key] = value
            default:
                log.note(file, line(keyNode), "键 \(quoted(keyNode.string ?? "")) 不是设置项，已忽略"
                    + "（设置项有 name, year, as_of, home, units, grades, scoring, departments, reporting, "
                    + "risk, forecast, history_grades）")
            }
        }

        if let node = nodes["name"] {
            if let text = node.scalar?.string { draft.name = text.trimmingSpaces() } else {
                log.error(file, line(node), "name 须为文本，如 name: 安康市对县区2019年度目标责任考核")
            }
        }
        readYear(nodes["year"], into: &draft)
        readAsOf(nodes["as_of"], into: &draft)
        readUnits(nodes["units"], into: &draft)
        readHome(nodes["home"], into: &draft)
        readGrades(nodes["grades"], into: &draft)
        readScoring(nodes["scoring"], into: &draft)
        readDepartments(nodes["departments"], into: &draft)
        readReporting(nodes["reporting"], into: &draft)
        readRisk(nodes["risk"], into: &draft)
        readForecast(nodes["forecast"], into: &draft)
        readHistoryGrades(nodes["history_grades"], into: &draft)
        return draft
    }

    // MARK: Keys

    private mutating func readYear(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "缺少 year；请填写考核年度，如 year: 2019")
            return
        }
        guard let value = integer(node), (1949...9999).contains(value) else {
            log.error(file, line(node), "year \(quoted(text(node))) 不是年份；请填写考核年度"
                + "（1949 年或以后），如 year: 2019")
            return
        }
        draft.year = value
    }

    private mutating func readAsOf(_ node: Node?, into draft: inout SettingsDraft) {
        var written: YearMonth?
        let asOfLine = node.map(line) ?? 1
        if let node {
            let raw = text(node)
            switch raw.withUTF8Bytes({ ValueParser.period($0) }) {
            case let .success(period):
                if let year = draft.year, period.year != year {
                    log.error(file, asOfLine, "as_of \(period) 不在 year \(year) 年内；请填写 \(year) 年已有数据的"
                        + "最后一个月，如 as_of: \(year)-\(period.month < 10 ? "0" : "")\(period.month)")
                } else {
                    written = period
                }
            case .failure:
                log.error(file, asOfLine, "as_of \(quoted(raw)) 不是月份；请按 YYYY-MM 格式填写已有数据的最后一个月，"
                    + "如 as_of: \(draft.year.map(String.init) ?? "2019")-08")
            }
        } else {
            log.error(file, 1, "缺少 as_of；请填写已有数据的最后一个月，如 as_of: "
                + "\(draft.year.map(String.init) ?? "2019")-08")
        }
        draft.asOf = written
        guard let wanted = asOfOverride else { return }
        if !(1...12).contains(wanted.month) {
            log.error(file, asOfLine, "--as-of \(wanted.year)-\(wanted.month) 不是月份；请给出 YYYY-MM，月份为 "
                + "01 至 12\(written.map { "，不晚于 as_of \($0)" } ?? "")")
            draft.asOf = nil
        } else if let year = draft.year, wanted.year != year {
            log.error(file, asOfLine, "--as-of \(wanted) 不在考核年度 \(year) 年内；请给出 \(year) 年的月份"
                + "\(written.map { "，不晚于 as_of \($0)" } ?? "")")
            draft.asOf = nil
        } else if let written, wanted > written {
            log.error(file, asOfLine, "--as-of \(wanted) 晚于 as_of \(written)（已有数据的最后一个月）；"
                + "请给出 \(written) 或 \(written.year) 年更早的月份")
            draft.asOf = nil
        } else if written != nil || draft.year != nil {
            draft.asOf = wanted
        }
    }

    private mutating func readUnits(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "缺少 units；请列出市里参与排名的所有单位（含本县），如 "
                + "units: [{id: ningshan, name: 宁陕县}, {id: hanyin, name: 汉阴县}]")
            return
        }
        guard let sequence = node.sequence else {
            log.error(file, line(node), "units 须为列表，如 units: [{id: ningshan, name: 宁陕县}]")
            return
        }
        draft.unitsReadable = true
        var seen: [String: Int] = [:]
        for item in sequence {
            var id: String?
            var name: String?
            if let scalar = item.scalar {
                id = scalar.string.trimmingSpaces()
            } else if let map = item.mapping {
                for (key, value) in map {
                    switch (key.string ?? "").trimmingSpaces().lowercased() {
                    case "id": id = value.scalar?.string.trimmingSpaces()
                    case "name": name = value.scalar?.string.trimmingSpaces()
                    default:
                        log.note(file, line(key), "单位的键 \(quoted(key.string ?? "")) 已忽略（单位只有 id 和 name）")
                    }
                }
            }
            guard let id, !id.isEmpty else {
                log.error(file, line(item), "有一个单位没有 id；请把每个单位写成 {id: ningshan, name: 宁陕县}")
                continue
            }
            if let earlier = seen[id] {
                log.error(file, line(item), "单位 \(id) 重复列出（首次在第 \(earlier) 行）；每个单位只列一次")
                continue
            }
            seen[id] = line(item)
            draft.units.append(AssessedUnit(id: id, name: name.flatMap { $0.isEmpty ? nil : $0 } ?? id))
        }
        if draft.units.isEmpty && seen.isEmpty {
            log.error(file, line(node), "units 为空；请列出市里参与排名的所有单位（含本县）")
        }
    }

    private mutating func readHome(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "缺少 home；请填写本考核办所在单位的 id，如 home: "
                + (draft.units.first?.id ?? "ningshan"))
            return
        }
        let id = text(node).trimmingSpaces()
        draft.homeLine = line(node)
        if draft.unitsReadable && !draft.units.contains(where: { $0.id == id }) {
            let hint = draft.units.first { $0.id.lowercased() == id.lowercased() }
                .map { "（id 区分大小写：是否应为 \($0.id)？）" } ?? ""
            log.error(file, line(node), "home \(quoted(id)) 不在 units 中；请填写其中一个单位的 id："
                + listForMessage(draft.units.map(\.id)) + hint)
            return
        }
        draft.homeID = id
    }

    private mutating func readGrades(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "缺少 grades；请从高到低列出等次，如 grades: [{name: 优秀, min: 90}, "
                + "{name: 良好, min: 80}, {name: 一般, min: 60}, {name: 较差, min: 0}]")
            return
        }
        guard let sequence = node.sequence, sequence.count > 0 else {
            log.error(file, line(node), "grades 须为从高到低排列的等次列表，如 [{name: 优秀, min: 90}, "
                + "{name: 良好, min: 80}]")
            return
        }
        var previous: (band: GradeBand, line: Int)?
        var names: [String: Int] = [:]
        var valid = true
        for item in sequence {
            guard let map = item.mapping else {
                log.error(file, line(item), "等次须写成 {name: 优秀, min: 90}")
                valid = false
                continue
            }
            var name: String?
            var minimum: Double?
            var minimumSeen = false
            for (key, value) in map {
                switch (key.string ?? "").trimmingSpaces().lowercased() {
                case "name":
                    name = value.scalar?.string.trimmingSpaces()
                case "min":
                    minimumSeen = true
                    switch number(value) {
                    case let .success(number): minimum = number
                    case let .failure(failure):
                        log.error(file, line(value), failure.message("min", text(value)) + "（min 为该等次的最低总分）")
                        valid = false
                    }
                default:
                    log.note(file, line(key), "等次的键 \(quoted(key.string ?? "")) 已忽略（等次只有 name 和 min）")
                }
            }
            guard let name, !name.isEmpty else {
                log.error(file, line(item), "有一个等次没有 name；请写成 {name: 优秀, min: 90}")
                valid = false
                continue
            }
            if let earlier = names[name] {
                log.error(file, line(item), "等次 \(name) 重复列出（首次在第 \(earlier) 行）；每个等次只列一次")
                valid = false
            }
            names[name] = line(item)
            guard let minimum else {
                if !minimumSeen {
                    log.error(file, line(item), "等次 \(name) 没有 min；请填写该等次的最低总分，"
                        + "如 {name: \(name), min: 60}")
                }
                valid = false
                continue
            }
            let band = GradeBand(name: name, minimum: minimum)
            if let previous, !(minimum < previous.band.minimum) {
                log.error(file, line(item), "等次 \(name) 的 min 为 \(minimum.formatted(shortest: true))，不低于"
                    + "\(previous.band.name)（第 \(previous.line) 行）的 \(previous.band.minimum.formatted(shortest: true))；"
                    + "请从高到低列出等次，min 须严格递减，如 90、80、60、0")
                valid = false
            }
            previous = (band, line(item))
            draft.grades.append(band)
        }
        if !valid { draft.grades = [] }
    }

    private mutating func readScoring(_ node: Node?, into draft: inout SettingsDraft) {
        var written: [String: ConfigValue] = [:]
        if let node {
            if let map = node.mapping {
                for (key, value) in map {
                    let raw = key.string ?? ""
                    guard let category = catalog.category(id: raw) else {
                        log.note(file, line(key), "scoring 中的 \(quoted(raw)) 不是已注册的类别，已忽略；"
                            + "类别有 " + catalog.ids.joined(separator: ", "))
                        continue
                    }
                    written[category.id] = configValue(value)
                }
            } else if !isNull(node) {
                log.error(file, line(node), "scoring 须为按类别分节的映射，如 "
                    + "scoring: {quantitative: {completion_share: 0.6}}")
            }
        }
        // Each category module reads its own section and applies its own defaults (dataset.md's), key
        // by key; the loader only hands over what the file writes.
        for (id, section) in written { draft.scoring[id] = section }
    }

    /// The entries of a settings section (`departments:` …), with notes for unknown keys.
    private mutating func section(_ node: Node?, _ name: String, keys: [String]) -> [String: Node] {
        guard let node, !isNull(node) else { return [:] }
        guard let map = node.mapping else {
            log.error(file, line(node), "\(name) 须为映射，如 \(name): {\(keys[0]): …}")
            return [:]
        }
        var found: [String: Node] = [:]
        for (key, value) in map {
            let wanted = (key.string ?? "").trimmingSpaces().lowercased()
            if keys.contains(wanted) {
                found[wanted] = value
            } else {
                log.note(file, line(key), "\(name).\(key.string ?? "") 不是设置项，已忽略（\(name) 的设置项有 "
                    + keys.joined(separator: ", ") + "）")
            }
        }
        return found
    }

    /// The number under `key` of `entries` within `range`, or `fallback` (with a problem when invalid).
    /// `hint` says what the number must be, as a Chinese noun phrase (one that starts with a digit or a sign
    /// starts with a space, to stand apart from the Chinese before it).
    private mutating func setting(
        _ entries: [String: Node], _ section: String, _ key: String, _ fallback: Double,
        _ range: ClosedRange<Double>, integral: Bool = false, exclusiveLower: Bool = false, hint: String
    ) -> Double {
        guard let node = entries[key] else { return fallback }
        switch number(node) {
        case let .success(value):
            let inRange = range.contains(value) && !(exclusiveLower && value == range.lowerBound)
            if inRange && (!integral || value == value.rounded()) { return value }
            log.error(file, line(node), "\(section).\(key) \(text(node)) 不是\(hint)；如 \(key): "
                + fallback.formatted(shortest: true))
        case let .failure(failure):
            log.error(file, line(node), failure.message("\(section).\(key)", text(node)) + "（应为\(hint)）")
        }
        return fallback
    }

    private mutating func readDepartments(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "departments", keys: ["multiplier", "cooperating_share"])
        let defaults = DepartmentSettings()
        draft.departments = DepartmentSettings(
            multiplier: setting(entries, "departments", "multiplier", defaults.multiplier, 0...1e9,
                                hint: " ≥ 0 的数"),
            cooperatingShare: setting(entries, "departments", "cooperating_share", defaults.cooperatingShare, 0...1,
                                      hint: " 0 到 1 之间的比例"))
    }

    private mutating func readReporting(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "reporting", keys: ["deadline_day", "late_points"])
        let defaults = ReportingSettings()
        draft.reporting = ReportingSettings(
            deadlineDay: Int(setting(entries, "reporting", "deadline_day", Double(defaults.deadlineDay), 1...31,
                                     integral: true, hint: "每月 1 日到 31 日中的某一天")),
            latePoints: setting(entries, "reporting", "late_points", defaults.latePoints, 0...1e9,
                                hint: " ≥ 0 的分值"))
    }

    private mutating func readRisk(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "risk", keys: ["warning_below", "supervision_below", "behind_progress"])
        let defaults = RiskSettings()
        draft.risk = RiskSettings(
            warningBelow: setting(entries, "risk", "warning_below", defaults.warningBelow, 0...1,
                                  hint: " 0 到 1 之间的概率"),
            supervisionBelow: setting(entries, "risk", "supervision_below", defaults.supervisionBelow, 0...1,
                                      hint: " 0 到 1 之间的概率"),
            behindProgress: setting(entries, "risk", "behind_progress", defaults.behindProgress, 0...1,
                                    hint: " 0 到 1 之间的比例"))
    }

    private mutating func readForecast(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "forecast", keys: ["default_log_sd", "default_sd"])
        let defaults = ForecastSettings()
        draft.forecast = ForecastSettings(
            defaultLogSD: setting(entries, "forecast", "default_log_sd", defaults.defaultLogSD, 0...1e9,
                                  exclusiveLower: true, hint: " > 0 的标准差"),
            defaultSD: setting(entries, "forecast", "default_sd", defaults.defaultSD, 0...1e9,
                               exclusiveLower: true, hint: " > 0 的标准差"))
    }

    private mutating func readHistoryGrades(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node, !isNull(node) else { return }
        guard let map = node.mapping else {
            log.error(file, line(node), "history_grades 须为年份到等次的映射，如 history_grades: {2018: 优秀}")
            return
        }
        let names = draft.grades.map(\.name)
        for (key, value) in map {
            let yearText = text(key)
            guard let year = integer(key), year >= 1949, year < (draft.year ?? 10_000) else {
                log.error(file, line(key), "history_grades 的年份 \(quoted(yearText)) 不是考核年度之前的年份；请填写 "
                    + "1949 至 \(draft.year.map { "\($0 - 1) 年" } ?? "考核年度前一年")之间的年份"
                    + "，如 2018: 优秀")
                continue
            }
            let grade = text(value).trimmingSpaces()
            if !names.isEmpty && !names.contains(grade) {
                log.error(file, line(value), "history_grades \(year): \(quoted(grade)) 不是等次；请填写以下之一："
                    + names.joined(separator: ", "))
                continue
            }
            draft.historyGrades[year] = grade
        }
    }

    // MARK: YAML helpers

    private func line(_ node: Node) -> Int { node.mark?.line ?? 1 }

    private func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "单个值"
        case .sequence: "列表"
        case .mapping: "映射"
        case .alias: "别名"
        }
    }

    /// A scalar's text ("" for lists and maps).
    private func text(_ node: Node) -> String { node.scalar?.string ?? "" }

    private func number(_ node: Node) -> Result<Double, ValueParser.NumberFailure> {
        guard let scalar = node.scalar else { return .failure(.notANumber) }
        return ValueParser.number(scalar.string, allowPercent: false)
    }

    private func integer(_ node: Node) -> Int? {
        guard case let .success(value) = number(node), value == value.rounded(), abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// A YAML node as a `ConfigValue`, with its line; plain scalars become numbers, booleans or null when
    /// they read as such (numbers under rule 5, so full-width digits count).
    func configValue(_ node: Node) -> ConfigValue {
        let line = line(node)
        switch node {
        case let .scalar(scalar):
            guard scalar.style == .plain else { return .string(scalar.string, line: line) }
            if isNull(node) { return .null(line: line) }
            if let value = node.bool { return .bool(value, line: line) }
            if case let .success(value) = ValueParser.number(scalar.string, allowPercent: false) {
                return .number(value, line: line)
            }
            return .string(scalar.string, line: line)
        case let .sequence(sequence):
            return .list(sequence.map { configValue($0) }, line: line)
        case let .mapping(mapping):
            return .map(mapping.map { (key: $0.key.string ?? "", value: configValue($0.value)) }, line: line)
        case .alias:
            return .null(line: line)
        }
    }

    private mutating func reportYAMLError(_ error: YamlError, text: String) {
        func describe(_ problem: String, _ context: YamlError.Context?) -> String {
            var message = "YAML 格式有误：\(problem)"
            if let context { message += "（第 \(context.mark.line) 行 \(context.text)）" }
            return message + "；请检查缩进、列表项是否以 \"- \" 开头、每个键后是否跟着 \": \""
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            log.error(file, mark.line, describe(problem, context))
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first of the keys; name the later one, as for every duplicate.
            let key = duplicates.first ?? ""
            let later = laterLine(ofKey: key, after: context.mark, in: text) ?? context.mark.line
            log.error(file, later, "键 \(key) 在同一映射中写了两次（首次在第 \(context.mark.line) 行）；"
                + "请只保留一个")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { yaml.prefix($0).count { $0 == "\n" } + 1 } ?? 1
            log.error(file, line, "文本无法作为 YAML 读取：\(problem)；请将文件另存为 UTF-8")
        default:
            log.error(file, 1, "YAML 无法读取（\(error)）；请检查文件的缩进和标点")
        }
    }

    /// The line of the next `key:` after `mark` at the same indentation (for duplicate keys).
    private func laterLine(ofKey key: String, after mark: Mark, in text: String) -> Int? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line - 1 < lines.count else { return nil }
        func indentAndKey(_ line: Substring) -> (Int, Substring)? {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let rest = line.dropFirst(indent)
            guard let colon = rest.firstIndex(of: ":") else { return nil }
            return (indent, rest[..<colon])
        }
        let firstIndent = indentAndKey(lines[mark.line - 1])?.0
        for index in mark.line..<lines.count {
            if let (indent, found) = indentAndKey(lines[index]), found.trimmingCharacters() == key,
               firstIndent == nil || indent == firstIndent {
                return index + 1
            }
        }
        return nil
    }
}

private extension Substring {
    func trimmingCharacters() -> String { String(self).trimmingSpaces() }
}
