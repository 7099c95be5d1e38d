import KaoheCategories
import Testing
@testable import KaoheCore

/// Runs every registered category's worked examples: each becomes a one-indicator dataset whose year is
/// over (as of December, so the forecast is the value itself), scored by the real engine.
@Suite struct CategoryExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var category: any IndicatorCategory.Type
        var example: CategoryExample
        var testDescription: String { "\(category.id): \(example.summary)" }
    }

    static let cases: [Case] = registeredCategories.categories.flatMap { category in
        category.examples.map { Case(category: category, example: $0) }
    }

    @Test func everyCategoryHasExamples() {
        for category in registeredCategories.categories {
            #expect(!category.examples.isEmpty, "\(category.id) documents no worked example")
        }
    }

    @Test(arguments: cases)
    func example(_ testCase: Case) throws {
        let example = testCase.example
        let dataset = Self.dataset(for: testCase.category, example)
        let engine = try StandingEngine(dataset: dataset, forecasts: ForecastEngine().forecastAll(dataset),
                                        catalog: registeredCategories)
        let standing = engine.standing(.projected)
        let expectedTotals = example.contributions ?? example.points
        for unit in example.outcomes.indices {
            let points = standing.points[unit]
            #expect(abs(points - example.points[unit]) <= 1e-9 * max(1, abs(example.points[unit])),
                    "unit \(unit): \(points) points, expected \(example.points[unit])")
            #expect(abs(standing.totals[unit] - expectedTotals[unit]) <= 1e-9 * max(1, abs(expectedTotals[unit])),
                    "unit \(unit): total \(standing.totals[unit]), expected \(expectedTotals[unit])")
        }
    }

    /// One indicator of `category`; completions as December values against a target of 100, grades as
    /// a first-quarter review, deductions as a March event.
    static func dataset(for category: any IndicatorCategory.Type, _ example: CategoryExample) -> Dataset {
        let measure: Measure = category.acceptedMeasures.contains(.rate) ? .rate
            : category.acceptedMeasures.sorted { $0.rawValue < $1.rawValue }[0]
        let indicator = Indicator(id: "x", name: "x", category: category.id, measure: measure, unit: "", direction: .higher,
                                  weight: example.weight, leader: "", leadDepartment: "dept", cooperatingDepartments: [], source: "")
        let units = example.outcomes.count
        var store = ObservationStore(indicatorCount: 1, unitCount: units, firstYear: 2019, lastYear: 2019)
        var targets = [Double](repeating: .nan, count: units)
        var reviews: [Review] = []
        var events: [NegativeEvent] = []
        for (unit, outcome) in example.outcomes.enumerated() {
            switch outcome {
            case let .completion(c):
                store.set(100 * c, indicator: 0, unit: unit, year: 2019, month: 12)
                targets[unit] = 100
            case let .grade(grade):
                reviews.append(Review(unit: unit, indicator: 0, quarter: YearQuarter(year: 2019, quarter: 1), plan: true,
                                      progress: true, evidence: true, grade: grade, line: unit + 2))
            case let .deduction(points) where points > 0:
                events.append(NegativeEvent(date: CalendarDate(year: 2019, month: 3, day: 1), unit: unit, indicator: 0,
                                            department: nil, points: points, veto: false, description: "", line: unit + 2))
            case .deduction:
                break
            }
        }
        let settings = Settings(name: "example", year: 2019, asOf: YearMonth(year: 2019, month: 12), home: 0,
                                grades: [GradeBand(name: "优秀", minimum: 90), GradeBand(name: "良好", minimum: 80),
                                         GradeBand(name: "一般", minimum: 60), GradeBand(name: "较差", minimum: 0)])
        return Dataset(directory: "", settings: settings,
                       units: (0..<units).map { AssessedUnit(id: "u\($0)", name: "u\($0)") },
                       indicators: [indicator], targets: targets, observations: store, reviews: reviews, events: events)
    }
}
