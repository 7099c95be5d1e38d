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
            log.error(file, 1, "the YAML cannot be read (\(error)); check the file's indentation and punctuation")
            return draft
        }
        guard let root, !isNull(root) else {
            log.error(file, 1, "the file is empty; it needs name, year, as_of, home, units and grades "
                + "(see the example in dataset.md)")
            return draft
        }
        guard let mapping = root.mapping else {
            log.error(file, line(root), "dataset.yaml must be a mapping of settings (name: …, year: …, as_of: …), "
                + "not a \(kind(root))")
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
                log.note(file, line(keyNode), "key \(quoted(keyNode.string ?? "")) is not a setting and is ignored "
                    + "(the settings are name, year, as_of, home, units, grades, scoring, departments, reporting, "
                    + "risk, forecast, history_grades)")
            }
        }

        if let node = nodes["name"] {
            if let text = node.scalar?.string { draft.name = text.trimmingSpaces() } else {
                log.error(file, line(node), "name must be a text, e.g. name: 安康市对县区2019年度目标责任考核")
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
            log.error(file, 1, "year is missing; write the assessment year, e.g. year: 2019")
            return
        }
        guard let value = integer(node), (1949...9999).contains(value) else {
            log.error(file, line(node), "year \(quoted(text(node))) is not a year; write the assessment year "
                + "(1949 or later), e.g. year: 2019")
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
                    log.error(file, asOfLine, "as_of \(period) is not within year \(year); write the last month "
                        + "of \(year) whose data is in, e.g. as_of: \(year)-\(period.month < 10 ? "0" : "")\(period.month)")
                } else {
                    written = period
                }
            case .failure:
                log.error(file, asOfLine, "as_of \(quoted(raw)) is not a month; write YYYY-MM, the last month whose "
                    + "data is in, e.g. as_of: \(draft.year.map(String.init) ?? "2019")-08")
            }
        } else {
            log.error(file, 1, "as_of is missing; write the last month whose data is in, e.g. as_of: "
                + "\(draft.year.map(String.init) ?? "2019")-08")
        }
        draft.asOf = written
        guard let wanted = asOfOverride else { return }
        if !(1...12).contains(wanted.month) {
            log.error(file, asOfLine, "--as-of \(wanted.year)-\(wanted.month) is not a month; give YYYY-MM with a month "
                + "from 01 to 12\(written.map { ", up to as_of \($0)" } ?? "")")
            draft.asOf = nil
        } else if let year = draft.year, wanted.year != year {
            log.error(file, asOfLine, "--as-of \(wanted) is not within the assessment year \(year); give a month of "
                + "\(year)\(written.map { " up to as_of \($0)" } ?? "")")
            draft.asOf = nil
        } else if let written, wanted > written {
            log.error(file, asOfLine, "--as-of \(wanted) is later than as_of \(written), the last month whose data "
                + "is in; give \(written) or an earlier month of \(written.year)")
            draft.asOf = nil
        } else if written != nil || draft.year != nil {
            draft.asOf = wanted
        }
    }

    private mutating func readUnits(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "units is missing; list every unit the city ranks, home included, e.g. "
                + "units: [{id: ningshan, name: 宁陕县}, {id: hanyin, name: 汉阴县}]")
            return
        }
        guard let sequence = node.sequence else {
            log.error(file, line(node), "units must be a list, e.g. units: [{id: ningshan, name: 宁陕县}]")
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
                        log.note(file, line(key), "key \(quoted(key.string ?? "")) of a unit is ignored (a unit has "
                            + "id and name)")
                    }
                }
            }
            guard let id, !id.isEmpty else {
                log.error(file, line(item), "a unit has no id; write each unit as {id: ningshan, name: 宁陕县}")
                continue
            }
            if let earlier = seen[id] {
                log.error(file, line(item), "unit \(id) is listed twice (first on line \(earlier)); list each unit once")
                continue
            }
            seen[id] = line(item)
            draft.units.append(AssessedUnit(id: id, name: name.flatMap { $0.isEmpty ? nil : $0 } ?? id))
        }
        if draft.units.isEmpty && seen.isEmpty {
            log.error(file, line(node), "units is empty; list every unit the city ranks, home included")
        }
    }

    private mutating func readHome(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "home is missing; write the id of the unit this office works for, e.g. home: "
                + (draft.units.first?.id ?? "ningshan"))
            return
        }
        let id = text(node).trimmingSpaces()
        draft.homeLine = line(node)
        if draft.unitsReadable && !draft.units.contains(where: { $0.id == id }) {
            let hint = draft.units.first { $0.id.lowercased() == id.lowercased() }
                .map { " (ids are case-sensitive: did you mean \($0.id)?)" } ?? ""
            log.error(file, line(node), "home \(quoted(id)) is not among the units; write the id of one of them: "
                + listForMessage(draft.units.map(\.id)) + hint)
            return
        }
        draft.homeID = id
    }

    private mutating func readGrades(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node else {
            log.error(file, 1, "grades is missing; list the bands best first, e.g. grades: [{name: 优秀, min: 90}, "
                + "{name: 良好, min: 80}, {name: 一般, min: 60}, {name: 较差, min: 0}]")
            return
        }
        guard let sequence = node.sequence, sequence.count > 0 else {
            log.error(file, line(node), "grades must be a list of bands, best first, e.g. [{name: 优秀, min: 90}, "
                + "{name: 良好, min: 80}]")
            return
        }
        var previous: (band: GradeBand, line: Int)?
        var names: [String: Int] = [:]
        var valid = true
        for item in sequence {
            guard let map = item.mapping else {
                log.error(file, line(item), "a grade band must be written {name: 优秀, min: 90}")
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
                        log.error(file, line(value), failure.message("min", text(value)) + " (the lowest total of the band)")
                        valid = false
                    }
                default:
                    log.note(file, line(key), "key \(quoted(key.string ?? "")) of a grade band is ignored (a band has "
                        + "name and min)")
                }
            }
            guard let name, !name.isEmpty else {
                log.error(file, line(item), "a grade band has no name; write it {name: 优秀, min: 90}")
                valid = false
                continue
            }
            if let earlier = names[name] {
                log.error(file, line(item), "grade \(name) is listed twice (first on line \(earlier)); list each band once")
                valid = false
            }
            names[name] = line(item)
            guard let minimum else {
                if !minimumSeen {
                    log.error(file, line(item), "grade \(name) has no min; write the lowest total of the band, "
                        + "e.g. {name: \(name), min: 60}")
                }
                valid = false
                continue
            }
            let band = GradeBand(name: name, minimum: minimum)
            if let previous, !(minimum < previous.band.minimum) {
                log.error(file, line(item), "grade \(name) has min \(minimum.formatted(shortest: true)), not below "
                    + "\(previous.band.minimum.formatted(shortest: true)) of \(previous.band.name) (line \(previous.line)); "
                    + "list the bands best first with strictly decreasing min, e.g. 90, 80, 60, 0")
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
                        log.note(file, line(key), "scoring section \(quoted(raw)) is not a registered category and "
                            + "is ignored; the categories are " + catalog.ids.joined(separator: ", "))
                        continue
                    }
                    written[category.id] = configValue(value)
                }
            } else if !isNull(node) {
                log.error(file, line(node), "scoring must be a mapping of category sections, e.g. "
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
            log.error(file, line(node), "\(name) must be a mapping, e.g. \(name): {\(keys[0]): …}")
            return [:]
        }
        var found: [String: Node] = [:]
        for (key, value) in map {
            let wanted = (key.string ?? "").trimmingSpaces().lowercased()
            if keys.contains(wanted) {
                found[wanted] = value
            } else {
                log.note(file, line(key), "\(name).\(key.string ?? "") is not a setting and is ignored (\(name) has "
                    + keys.joined(separator: ", ") + ")")
            }
        }
        return found
    }

    /// The number under `key` of `entries` within `range`, or `fallback` (with a problem when invalid).
    private mutating func setting(
        _ entries: [String: Node], _ section: String, _ key: String, _ fallback: Double,
        _ range: ClosedRange<Double>, integral: Bool = false, exclusiveLower: Bool = false, hint: String
    ) -> Double {
        guard let node = entries[key] else { return fallback }
        switch number(node) {
        case let .success(value):
            let inRange = range.contains(value) && !(exclusiveLower && value == range.lowerBound)
            if inRange && (!integral || value == value.rounded()) { return value }
            log.error(file, line(node), "\(section).\(key) \(text(node)) is not \(hint); e.g. \(key): "
                + fallback.formatted(shortest: true))
        case let .failure(failure):
            log.error(file, line(node), failure.message("\(section).\(key)", text(node)) + " (\(hint))")
        }
        return fallback
    }

    private mutating func readDepartments(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "departments", keys: ["multiplier", "cooperating_share"])
        let defaults = DepartmentSettings()
        draft.departments = DepartmentSettings(
            multiplier: setting(entries, "departments", "multiplier", defaults.multiplier, 0...1e9,
                                hint: "a number ≥ 0"),
            cooperatingShare: setting(entries, "departments", "cooperating_share", defaults.cooperatingShare, 0...1,
                                      hint: "a share between 0 and 1"))
    }

    private mutating func readReporting(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "reporting", keys: ["deadline_day", "late_points"])
        let defaults = ReportingSettings()
        draft.reporting = ReportingSettings(
            deadlineDay: Int(setting(entries, "reporting", "deadline_day", Double(defaults.deadlineDay), 1...31,
                                     integral: true, hint: "a day of the month from 1 to 31")),
            latePoints: setting(entries, "reporting", "late_points", defaults.latePoints, 0...1e9,
                                hint: "a number of points ≥ 0"))
    }

    private mutating func readRisk(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "risk", keys: ["warning_below", "supervision_below", "behind_progress"])
        let defaults = RiskSettings()
        draft.risk = RiskSettings(
            warningBelow: setting(entries, "risk", "warning_below", defaults.warningBelow, 0...1,
                                  hint: "a probability between 0 and 1"),
            supervisionBelow: setting(entries, "risk", "supervision_below", defaults.supervisionBelow, 0...1,
                                      hint: "a probability between 0 and 1"),
            behindProgress: setting(entries, "risk", "behind_progress", defaults.behindProgress, 0...1,
                                    hint: "a share between 0 and 1"))
    }

    private mutating func readForecast(_ node: Node?, into draft: inout SettingsDraft) {
        let entries = section(node, "forecast", keys: ["default_log_sd", "default_sd"])
        let defaults = ForecastSettings()
        draft.forecast = ForecastSettings(
            defaultLogSD: setting(entries, "forecast", "default_log_sd", defaults.defaultLogSD, 0...1e9,
                                  exclusiveLower: true, hint: "a standard deviation > 0"),
            defaultSD: setting(entries, "forecast", "default_sd", defaults.defaultSD, 0...1e9,
                               exclusiveLower: true, hint: "a standard deviation > 0"))
    }

    private mutating func readHistoryGrades(_ node: Node?, into draft: inout SettingsDraft) {
        guard let node, !isNull(node) else { return }
        guard let map = node.mapping else {
            log.error(file, line(node), "history_grades must map years to grades, e.g. history_grades: {2018: 优秀}")
            return
        }
        let names = draft.grades.map(\.name)
        for (key, value) in map {
            let yearText = text(key)
            guard let year = integer(key), year >= 1949, year < (draft.year ?? 10_000) else {
                log.error(file, line(key), "history_grades year \(quoted(yearText)) is not an earlier year; write a "
                    + "year from 1949 to \(draft.year.map { String($0 - 1) } ?? "the year before the assessment year")"
                    + ", e.g. 2018: 优秀")
                continue
            }
            let grade = text(value).trimmingSpaces()
            if !names.isEmpty && !names.contains(grade) {
                log.error(file, line(value), "history_grades \(year): \(quoted(grade)) is not a grade; write one of "
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
        case .scalar: "single value"
        case .sequence: "list"
        case .mapping: "mapping"
        case .alias: "alias"
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
            var message = "the YAML is malformed: \(problem)"
            if let context { message += " (\(context.text) on line \(context.mark.line))" }
            return message + "; check the indentation, that lists use \"- \" and that every key is followed by \": \""
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            log.error(file, mark.line, describe(problem, context))
        case let .duplicatedKeysInMapping(duplicates, context):
            // Yams marks the first of the keys; name the later one, as for every duplicate.
            let key = duplicates.first ?? ""
            let later = laterLine(ofKey: key, after: context.mark, in: text) ?? context.mark.line
            log.error(file, later, "key \(key) is written twice in the same mapping (first on line "
                + "\(context.mark.line)); keep one")
        case let .reader(problem, offset, _, yaml):
            let line = offset.map { yaml.prefix($0).count { $0 == "\n" } + 1 } ?? 1
            log.error(file, line, "the text cannot be read as YAML: \(problem); save the file as UTF-8")
        default:
            log.error(file, 1, "the YAML cannot be read (\(error)); check the file's indentation and punctuation")
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
