/// What a synthetic dataset is made of: its units, its indicators and how each indicator's numbers behave.
///
/// A blueprint holds no random numbers of its own except those drawn when it was built (the national-scale
/// blueprint draws its units' traits from the seed); the generator draws everything else from per-unit
/// sub-streams.
public struct Blueprint: Sendable {
    /// `name:` of dataset.yaml.
    public var name: String
    /// The assessment year.
    public var year: Int
    /// The as_of month (1…12) of `year`.
    public var asOfMonth: Int
    /// The first year with observations (history runs from here to `year − 1`).
    public var firstHistoryYear: Int
    /// Index of the home unit in `units`.
    public var home: Int
    public var units: [SyntheticUnit]
    public var indicators: [SyntheticIndicator]
    /// Grade bands, best first.
    public var grades: [(name: String, min: Double)]
    /// The home unit's grades of earlier years (`history_grades:`), by year.
    public var historyGrades: [(year: Int, grade: String)]
    /// Comment lines written at the top of dataset.yaml (without the leading `# `).
    public var headerComments: [String]
    /// Probability that a history year of a (unit, indicator) series is missing altogether.
    public var missingYearProbability: Double
    /// Probability that a (unit, indicator) series of the assessment year stops one or two months before as_of.
    public var staleProbability: Double
    /// Probability that a quarterly review row of a common indicator is absent.
    public var absentReviewProbability: Double
    /// Probability that one of plan / progress / evidence of a present review row is `no`.
    public var unsubmittedProbability: Double
    /// Probability that a monthly report of the home unit's departments is late.
    public var lateReportProbability: Double
    /// Exactly how many monthly reports are missing, or nil to draw each with `missingReportProbability`.
    public var missingReportCount: ClosedRange<Int>?
    public var missingReportProbability: Double
    /// Whether at least one veto event must appear (upgrading a drawn event when none did).
    public var ensureVeto: Bool

    public init(
        name: String, year: Int, asOfMonth: Int, firstHistoryYear: Int, home: Int,
        units: [SyntheticUnit], indicators: [SyntheticIndicator],
        grades: [(name: String, min: Double)], historyGrades: [(year: Int, grade: String)] = [],
        headerComments: [String] = [],
        missingYearProbability: Double = 0.04, staleProbability: Double = 0.03,
        absentReviewProbability: Double = 0.02, unsubmittedProbability: Double = 0.03,
        lateReportProbability: Double = 0.12, missingReportCount: ClosedRange<Int>? = nil,
        missingReportProbability: Double = 0.01, ensureVeto: Bool = false
    ) {
        self.name = name
        self.year = year
        self.asOfMonth = asOfMonth
        self.firstHistoryYear = firstHistoryYear
        self.home = home
        self.units = units
        self.indicators = indicators
        self.grades = grades
        self.historyGrades = historyGrades
        self.headerComments = headerComments
        self.missingYearProbability = missingYearProbability
        self.staleProbability = staleProbability
        self.absentReviewProbability = absentReviewProbability
        self.unsubmittedProbability = unsubmittedProbability
        self.lateReportProbability = lateReportProbability
        self.missingReportCount = missingReportCount
        self.missingReportProbability = missingReportProbability
        self.ensureVeto = ensureVeto
    }

    /// The history years, oldest first.
    public var historyYears: Range<Int> { firstHistoryYear..<year }
}

/// One assessed unit (a county or district) and the traits that make its numbers differ from its peers'.
public struct SyntheticUnit: Sendable {
    public var id: String
    public var name: String
    /// Economic size relative to a small mountain county (宁陕县 = 1).
    public var scale: Double
    /// How much faster than its peers it grows, in standard units.
    public var growthBias: Double
    /// How demanding the targets the city sets it are, in standard units (positive: ambitious).
    public var ambition: Double
    /// How good its qualitative work is, in standard units (drives common grades and submissions).
    public var quality: Double
    /// Relative frequency of its negative-list events (1 = typical).
    public var risk: Double

    public init(id: String, name: String, scale: Double, growthBias: Double, ambition: Double, quality: Double, risk: Double) {
        self.id = id
        self.name = name
        self.scale = scale
        self.growthBias = growthBias
        self.ambition = ambition
        self.quality = quality
        self.risk = risk
    }
}

/// The five indicator categories of dataset.md.
public enum SyntheticCategory: String, Sendable, CaseIterable {
    case quantitative, bonus, common, new, negative
}

/// One indicator: its row of indicators.csv and the model of its numbers.
public struct SyntheticIndicator: Sendable {
    public var id: String
    public var name: String
    public var category: SyntheticCategory
    /// Unit of measurement as written (亿元, %, 人…).
    public var unit: String
    /// `true` when lower is better.
    public var lowerIsBetter: Bool
    public var weight: Double
    public var leader: String
    public var leadDepartment: String
    public var cooperatingDepartments: [String]
    public var source: String
    public var model: SeriesModel
    /// Decimals written for values and targets (trailing zeros trimmed).
    public var decimals: Int
    /// January and February are published together (no month-1 rows), as the NBS does.
    public var janFebCombined: Bool
    /// Per-unit adjustment by unit id: a factor for cumulative series and multiplicative levels, an
    /// addition for rates and additive levels.
    public var tilt: [String: Double]

    public init(
        id: String, name: String, category: SyntheticCategory, unit: String, lowerIsBetter: Bool = false,
        weight: Double, leader: String, leadDepartment: String, cooperatingDepartments: [String] = [],
        source: String, model: SeriesModel, decimals: Int = 2, janFebCombined: Bool = false,
        tilt: [String: Double] = [:]
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.unit = unit
        self.lowerIsBetter = lowerIsBetter
        self.weight = weight
        self.leader = leader
        self.leadDepartment = leadDepartment
        self.cooperatingDepartments = cooperatingDepartments
        self.source = source
        self.model = model
        self.decimals = decimals
        self.janFebCombined = janFebCombined
        self.tilt = tilt
    }

    /// The `measure` column.
    public var measure: String {
        switch model {
        case .cumulative: "cumulative"
        case .rate: "rate"
        case .level: "level"
        case .grade: "grade"
        case .events: "events"
        }
    }

    /// The `direction` column: negative-list events are always better fewer.
    public var direction: String {
        if case .events = model { return "lower" }
        return lowerIsBetter ? "lower" : "higher"
    }

    /// Whether the indicator has monthly observations and a target.
    public var isObserved: Bool {
        switch model {
        case .cumulative, .rate, .level: true
        case .grade, .events: false
        }
    }

    /// `new` indicators have no history before the assessment year.
    public var hasHistory: Bool { category != .new }
}

/// How an indicator's numbers are drawn.
public enum SeriesModel: Sendable {
    case cumulative(CumulativeModel)
    case rate(RateModel)
    case level(LevelModel)
    case grade(GradeModel)
    case events(EventsModel)
}

/// A year-to-date total: an annual total that grows year by year, spread over the months by a seasonal profile.
public struct CumulativeModel: Sendable {
    /// The annual total of a unit of scale 1 in the first history year (for `new` indicators: in the
    /// assessment year).
    public var base: Double
    /// How the total scales with the unit's size: total ∝ scale^elasticity.
    public var elasticity: Double
    /// Log spread of the level between units beyond size.
    public var unitSD: Double
    /// Mean annual growth in the first history year (0.12 = 12 %).
    public var growth: Double
    /// Change of the mean growth per year.
    public var growthTrend: Double
    /// Growth added per standard unit of a unit's `growthBias`.
    public var growthSpread: Double
    /// The unit's own year-to-year growth noise.
    public var growthSD: Double
    /// A growth shock shared by every unit in a year.
    public var commonSD: Double
    /// Twelve monthly weights (normalised; January's and February's are summed when published together).
    public var profile: [Double]
    /// Log noise on each month's weight, per unit and year.
    public var profileSD: Double
    /// Planned growth added to the target per standard unit of `ambition`.
    public var targetSpread: Double

    public init(
        base: Double, elasticity: Double = 1, unitSD: Double = 0.1, growth: Double, growthTrend: Double = 0,
        growthSpread: Double = 0.01, growthSD: Double = 0.03, commonSD: Double = 0.01, profile: [Double],
        profileSD: Double = 0.08, targetSpread: Double = 0.02
    ) {
        precondition(profile.count == 12 && profile.allSatisfy { $0 > 0 }, "a profile has 12 positive weights")
        self.base = base
        self.elasticity = elasticity
        self.unitSD = unitSD
        self.growth = growth
        self.growthTrend = growthTrend
        self.growthSpread = growthSpread
        self.growthSD = growthSD
        self.commonSD = commonSD
        self.profile = profile
        self.profileSD = profileSD
        self.targetSpread = targetSpread
    }
}

/// Year-to-date growth in percent: the year's final rate, reached by a random walk that settles as the
/// months pass (early months stray furthest).
public struct RateModel: Sendable {
    /// Mean growth (%) in the first history year.
    public var mean: Double
    /// Change of the mean per year (percentage points).
    public var trend: Double
    /// Spread between units (pp).
    public var unitSD: Double
    /// pp added per standard unit of `growthBias`.
    public var biasSpread: Double
    /// The unit's own year-to-year noise (pp).
    public var yearSD: Double
    /// A shock shared by every unit in a year (pp).
    public var commonSD: Double
    /// Month-to-month step of the year-to-date rate (pp).
    public var walkSD: Double
    /// pp added to the target per standard unit of `ambition`.
    public var targetSpread: Double
    /// Targets are rounded to a multiple of this (0.5: 8.0, 8.5…).
    public var targetStep: Double

    public init(
        mean: Double, trend: Double = 0, unitSD: Double = 0.5, biasSpread: Double = 0.5, yearSD: Double = 0.4,
        commonSD: Double = 0.3, walkSD: Double = 0.25, targetSpread: Double = 0.3, targetStep: Double = 0.5
    ) {
        self.mean = mean
        self.trend = trend
        self.unitSD = unitSD
        self.biasSpread = biasSpread
        self.yearSD = yearSD
        self.commonSD = commonSD
        self.walkSD = walkSD
        self.targetSpread = targetSpread
        self.targetStep = targetStep
    }
}

/// A value at a point in time (or its year-to-date average): a unit mean with a trend, a seasonal
/// pattern and noise, on an additive or a log scale.
public struct LevelModel: Sendable {
    /// Mean in the first history year (for `new` indicators: in the assessment year).
    public var mean: Double
    /// `true`: trend, seasonal terms, noise and tilts act on the log of the value.
    public var multiplicative: Bool
    /// Change per year (additive units, or log units when multiplicative); also applies within the year.
    public var trend: Double
    public var unitSD: Double
    /// Moves of the unit's level from year to year.
    public var yearSD: Double
    /// Twelve monthly seasonal terms.
    public var seasonal: [Double]
    /// Noise of each monthly value.
    public var noiseSD: Double
    /// `true`: the reported value is the mean of the year's monthly values so far (air quality).
    public var yearToDateAverage: Bool
    /// Bounds of a monthly value.
    public var lowest: Double
    public var highest: Double
    /// How far the target moves beyond last year's actual plus the trend, per standard unit of `ambition`
    /// (in the good direction; log units when multiplicative).
    public var targetSpread: Double
    /// Targets are rounded to a multiple of this.
    public var targetStep: Double

    public init(
        mean: Double, multiplicative: Bool = false, trend: Double = 0, unitSD: Double = 1, yearSD: Double = 0.3,
        seasonal: [Double] = Array(repeating: 0, count: 12), noiseSD: Double = 0.2, yearToDateAverage: Bool = false,
        lowest: Double, highest: Double, targetSpread: Double = 0.2, targetStep: Double = 0.1
    ) {
        precondition(seasonal.count == 12, "12 seasonal terms")
        precondition(lowest < highest, "lowest < highest")
        self.mean = mean
        self.multiplicative = multiplicative
        self.trend = trend
        self.unitSD = unitSD
        self.yearSD = yearSD
        self.seasonal = seasonal
        self.noiseSD = noiseSD
        self.yearToDateAverage = yearToDateAverage
        self.lowest = lowest
        self.highest = highest
        self.targetSpread = targetSpread
        self.targetStep = targetStep
    }
}

/// A qualitative indicator graded A–D by a city department each quarter.
public struct GradeModel: Sendable {
    /// Shifts every unit's grades (positive: harder to get an A).
    public var difficulty: Double
    public init(difficulty: Double = 0) { self.difficulty = difficulty }
}

/// Negative-list events: a Poisson count per unit and year, each of a kind with its points and description.
public struct EventsModel: Sendable {
    /// Events per year of a unit of scale 1 and risk 1.
    public var ratePerYear: Double
    /// How the rate scales with the unit's size: rate ∝ scale^elasticity.
    public var elasticity: Double
    public var kinds: [EventKind]

    public init(ratePerYear: Double, elasticity: Double = 0.5, kinds: [EventKind]) {
        precondition(!kinds.isEmpty, "at least one kind of event")
        self.ratePerYear = ratePerYear
        self.elasticity = elasticity
        self.kinds = kinds
    }

    public var canVeto: Bool { kinds.contains { $0.veto } }
}

/// One kind of negative-list event.
public struct EventKind: Sendable {
    /// Relative frequency among the indicator's kinds.
    public var weight: Double
    public var points: Double
    public var veto: Bool
    /// The department charged (empty: the indicator's lead department).
    public var department: String
    /// `description` column (no ASCII commas or quotes).
    public var description: String

    public init(weight: Double, points: Double, veto: Bool = false, department: String = "", description: String) {
        self.weight = weight
        self.points = points
        self.veto = veto
        self.department = department
        self.description = description
    }
}
