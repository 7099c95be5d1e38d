/// One worker's share of a simulation: runs blocks of draws with buffers it allocates once.
/// Not `Sendable`: each worker makes its own.
final class BlockRunner {
    let engine: StandingEngine
    let seed: UInt64
    let baseSums: [[Double]]
    let caps: [Int?]
    let pushes: [Push]
    let pushedDeterministic: [Double?]
    let projected: ScenarioStanding
    let workspace: SimulationWorkspace
    let totalRanks: RankWorkspace
    let units: Int
    /// Category sums, `[(category · blockSize + draw) · units + unit]`.
    let sums: UnsafeMutableBufferPointer<Double>
    /// Totals of the block's draws, `[draw · units + unit]`.
    let drawTotals: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<Double>
    /// The pushed unit's points on the pushed indicator without the push, `[push · blockSize + draw]`.
    let unpushed: UnsafeMutableBufferPointer<Double>
    /// The same with the push, rescored on the same draw (NaN: the category could not tell; the block
    /// is drawn again).
    let pushed: UnsafeMutableBufferPointer<Double>
    /// Where each push's indicator sits: (category, position).
    let pushPlaces: [(Int, Int)?]

    init(engine: StandingEngine, seed: UInt64, baseSums: [[Double]], caps: [Int?], pushes: [Push],
         pushedDeterministic: [Double?], projected: ScenarioStanding) {
        self.engine = engine
        self.seed = seed
        self.baseSums = baseSums
        self.caps = caps
        self.pushes = pushes
        self.pushedDeterministic = pushedDeterministic
        self.projected = projected
        units = engine.unitCount
        workspace = SimulationWorkspace(unitCount: units)
        totalRanks = RankWorkspace(unitCount: units)
        let block = StandingEngine.blockSize
        sums = .allocate(capacity: max(1, engine.categories.count * block * units))
        drawTotals = .allocate(capacity: block * units)
        points = .allocate(capacity: units)
        unpushed = .allocate(capacity: max(1, pushes.count * block))
        unpushed.initialize(repeating: 0)
        pushed = .allocate(capacity: max(1, pushes.count * block))
        pushed.initialize(repeating: .nan)
        pushPlaces = pushes.map { engine.locate($0.indicator) }
    }

    deinit {
        sums.deallocate()
        drawTotals.deallocate()
        points.deallocate()
        unpushed.deallocate()
        pushed.deallocate()
    }

    /// The sub-stream of (block, indicator).
    func stream(block: Int, indicator: Int) -> RandomStream {
        RandomStream(seed: seed, substream: UInt64(block * engine.dataset.indicators.count + indicator))
    }

    func run(block: Int, firstDraw: Int, count: Int, draws: Int, totals: UnsafeMutableBufferPointer<Float>,
             blockSums: UnsafeMutableBufferPointer<Double>, rankCounts: UnsafeMutableBufferPointer<Int32>,
             gradeCounts: UnsafeMutableBufferPointer<Int32>, pushTotals: UnsafeMutableBufferPointer<Double>,
             pushTop: UnsafeMutableBufferPointer<Int32>) {
        let size = StandingEngine.blockSize
        let categories = engine.categories
        // 1. Category sums: deterministic points once, random points drawn.
        // Rows through raw pointers: no overflow checks on `row + unit`, so the loops vectorise.
        let sumsBase = sums.baseAddress!, pointsBase = points.baseAddress!
        for (c, category) in categories.enumerated() {
            baseSums[c].withUnsafeBufferPointer { base in
                for draw in 0..<count {
                    (sumsBase + (c * size + draw) * units).update(from: base.baseAddress!, count: units)
                }
            }
            for (position, indicator) in engine.members[c].enumerated() where category.isRandom(position: position) {
                let stream = stream(block: block, indicator: indicator)
                for draw in 0..<count {
                    category.simulatePoints(position: position, stream: stream, push: nil, workspace: workspace, into: points)
                    let row = sumsBase + (c * size + draw) * units
                    for unit in 0..<units { row[unit] += pointsBase[unit] }
                    // Pushes on this indicator: the same draw, rescored with the push.
                    for (k, push) in pushes.enumerated() where push.indicator == indicator {
                        unpushed[k * size + draw] = points[push.unit]
                        pushed[k * size + draw] =
                            category.pushedPoints(position: position, push: push, workspace: workspace) ?? .nan
                    }
                }
            }
        }
        // 2. Totals, ranks and grades of every draw (each category's existential taken out once, not
        //    per unit).
        let totalsBase = drawTotals.baseAddress!
        totalsBase.update(repeating: 0, count: count * units)
        for (c, category) in categories.enumerated() {
            for draw in 0..<count {
                let row = totalsBase + draw * units, sumRow = sumsBase + (c * size + draw) * units
                for unit in 0..<units { row[unit] += category.contribution(ofPoints: sumRow[unit]) }
            }
        }
        for unit in 0..<units { blockSums[unit] = 0 }
        let bands = engine.dataset.settings.grades.count
        for draw in 0..<count {
            let row = draw * units
            for unit in 0..<units {
                let total = drawTotals[row + unit]
                blockSums[unit] += total
                totals[unit * draws + firstDraw + draw] = Float(total)
                gradeCounts[unit * bands + engine.grade(total: total, cap: caps[unit])] += 1
            }
            totalRanks.rank(UnsafeBufferPointer(rebasing: drawTotals[row..<(row + units)]))
            for unit in 0..<units {
                rankCounts[unit * units + Int(totalRanks.ranks[unit]) - 1] += 1
            }
        }
        // 3. Pushes: the pushed unit's total with its pushed points, on the same draws.
        for (k, push) in pushes.enumerated() {
            guard let (c, position) = pushPlaces[k] else { continue }
            let category = categories[c]
            let deterministic = pushedDeterministic[k]
            // The block is drawn again only when the category could not rescore some draw of it.
            let redraw = deterministic == nil && (0..<count).contains { pushed[k * size + $0].isNaN }
            let stream = redraw ? stream(block: block, indicator: push.indicator) : nil
            for draw in 0..<count {
                let new: Double
                let old: Double
                if let deterministic {
                    new = deterministic
                    old = projected.points[push.indicator * units + push.unit]
                } else if let stream {
                    category.simulatePoints(position: position, stream: stream, push: push, workspace: workspace, into: points)
                    new = points[push.unit]
                    old = unpushed[k * size + draw]
                } else {
                    new = pushed[k * size + draw]
                    old = unpushed[k * size + draw]
                }
                let sum = sums[(c * size + draw) * units + push.unit]
                let total = drawTotals[draw * units + push.unit]
                    - category.contribution(ofPoints: sum) + category.contribution(ofPoints: sum - old + new)
                pushTotals[k] += total
                if engine.grade(total: total, cap: caps[push.unit]) == 0 { pushTop[k] += 1 }
            }
        }
    }
}
