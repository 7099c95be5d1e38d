import Foundation
import GSL
import Testing
@testable import KaoheCore

/// |a − b| ≤ tolerance · max(1, |b|).
private func close(_ a: Double, _ b: Double, _ tolerance: Double) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
}

private func close(_ a: [Double], _ b: [Double], _ tolerance: Double) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { close($0, $1, tolerance) }
}

extension ForecastTests {
    @Suite("ETS recursions by hand")
    struct ETSByHand {
        /// ETS(A,A,A), m = 2, α = 0.5, β = 0.1, γ = 0.2, x₀ = (l 10, b 1, s₀ −1, s₁ 1) — s₁ (lag 2) is the
        /// seasonal state the first observation uses. Error-correction form (Hyndman et al. 2008, table
        /// 2.2): ŷ = l + b + s, e = y − ŷ, l' = l + b + αe, b' = b + βe, s' = s + γe.
        ///
        /// t=1, y=14: ŷ = 10 + 1 + 1 = 12, e = 2;  l = 11 + 1 = 12, b = 1 + 0.2 = 1.2, s = 1 + 0.4 = 1.4
        ///            state (l, b, s₀, s₁) = (12, 1.2, 1.4, −1)
        /// t=2, y=11: ŷ = 12 + 1.2 − 1 = 12.2, e = −1.2;  l = 13.2 − 0.6 = 12.6, b = 1.2 − 0.12 = 1.08,
        ///            s = −1 − 0.24 = −1.24;  state (12.6, 1.08, −1.24, 1.4)
        /// t=3, y=16: ŷ = 12.6 + 1.08 + 1.4 = 15.08, e = 0.92;  l = 13.68 + 0.46 = 14.14,
        ///            b = 1.08 + 0.092 = 1.172, s = 1.4 + 0.184 = 1.584;  state (14.14, 1.172, 1.584, −1.24)
        /// Σe² = 4 + 1.44 + 0.8464 = 6.2864; criterion = 3·ln 6.2864 = 3 × 1.838387… = 5.515162…
        /// Forecasts: h=1 uses s₁ = −1.24: 14.14 + 1.172 − 1.24 = 14.072; h=2 uses s₀ = 1.584:
        /// 14.14 + 2.344 + 1.584 = 18.068.
        @Test func additiveHoltWinters() throws {
            let model = try #require(ETSModel(code: "AAA"))
            let parameters = ETSParameters(alpha: 0.5, beta: 0.1, gamma: 0.2)
            let initial = ETSState(level: 10, trend: 1, seasonal: [-1, 1])
            let run = try #require(ETS.filter([14, 11, 16], period: 2, model: model, parameters: parameters, initialState: initial))
            #expect(close(run.residuals, [2, -1.2, 0.92], 1e-12))
            #expect(close(run.fitted, [12, 12.2, 15.08], 1e-12))
            let expectedStates: [(Double, Double, [Double])] = [
                (12, 1.2, [1.4, -1]), (12.6, 1.08, [-1.24, 1.4]), (14.14, 1.172, [1.584, -1.24]),
            ]
            for (index, expected) in expectedStates.enumerated() {
                let state = run.states[index + 1]
                #expect(close(state.level, expected.0, 1e-12))
                #expect(close(state.trend, expected.1, 1e-12))
                #expect(close(state.seasonal, expected.2, 1e-12))
            }
            #expect(close(run.criterion, 3 * log(6.2864), 1e-12))
            #expect(close(run.criterion, 5.515162, 1e-6))
            let fit = try #require(ETS.fitted([14, 11, 16], period: 2, model: model, parameters: parameters, initialState: initial))
            #expect(close(fit.forecast(horizon: 2), [14.072, 18.068], 1e-12))
        }

        /// ETS(M,N,N), α = 0.5, l₀ = 10, y = (12, 9): ŷ₁ = 10, e₁ = (12 − 10)/10 = 0.2, l₁ = 10 + 0.5·2 = 11;
        /// ŷ₂ = 11, e₂ = (9 − 11)/11 = −2/11, l₂ = 11 − 1 = 10.
        /// criterion = n·ln Σe² + 2 Σ ln|ŷ| = 2·ln(0.04 + 4/121) + 2(ln 10 + ln 11).
        @Test func multiplicativeErrorLikelihood() throws {
            let model = try #require(ETSModel(code: "MNN"))
            let run = try #require(ETS.filter(
                [12, 9], period: 1, model: model, parameters: ETSParameters(alpha: 0.5), initialState: ETSState(level: 10)
            ))
            #expect(close(run.residuals, [0.2, -2.0 / 11], 1e-12))
            #expect(close(run.states[2].level, 10, 1e-12))
            #expect(close(run.criterion, 2 * log(0.04 + 4.0 / 121) + 2 * (log(10) + log(11)), 1e-12))
        }

        /// Damped trend forecasts ŷ(h) = l + (φ + φ² + … + φʰ)·b with φ = 0.9.
        @Test func dampedTrendForecast() throws {
            let model = try #require(ETSModel(code: "AAdN"))
            // l₀ = 10, b₀ = 1, α = 0.5, β = 0.1, φ = 0.9, y₁ = 11.9: ŷ₁ = 10 + 0.9 = 10.9, e = 1,
            // l₁ = 10.9 + 0.5 = 11.4, b₁ = 0.9 + 0.1 = 1.0. Then ŷ(h) = 11.4 + (0.9 + … + 0.9ʰ)·1:
            // 12.3, 11.4 + 1.71 = 13.11, 11.4 + 2.439 = 13.839.
            let fit = try #require(ETS.fitted(
                [11.9], period: 1, model: model, parameters: ETSParameters(alpha: 0.5, beta: 0.1, phi: 0.9),
                initialState: ETSState(level: 10, trend: 1)
            ))
            #expect(close(fit.forecast(horizon: 3), [12.3, 13.11, 13.839], 1e-12))
        }

        /// The 15 models of R's `ets(model = "ZZZ")` and the codes round-trip.
        @Test func modelSpace() {
            #expect(ETSModel.all.count == 15)
            // R: for (error in A, M) for (trend in N, A) for (season in N, A, M) for (damped in TRUE, FALSE),
            // skipping damped without trend and A error with M season.
            #expect(ETSModel.all.map(\.code) == [
                "ANN", "ANA", "AAdN", "AAN", "AAdA", "AAA",
                "MNN", "MNA", "MNM", "MAdN", "MAN", "MAdA", "MAA", "MAdM", "MAM",
            ])
            #expect(ETSModel(code: "ANM") == nil)  // additive error with multiplicative season: excluded
            #expect(ETSModel(code: "MMN") == nil)  // multiplicative trend: not offered
            #expect(ETSModel.candidates(positiveData: false, seasonal: true).map(\.code) == ["ANN", "ANA", "AAdN", "AAN", "AAdA", "AAA"])
            #expect(ETSModel.candidates(positiveData: true, seasonal: false).allSatisfy { $0.season == .none })
        }

        /// Schur–Cohn against polynomials with known roots.
        @Test func rootsInsideUnitCircle() {
            func inside(_ coefficients: [Double], radius: Double = 1) -> Bool {
                var c = coefficients
                return c.withUnsafeMutableBufferPointer { Polynomial.rootsClearlyWithin(radius: radius, coefficients: $0) }
            }
            #expect(inside([-0.5, 1]))                 // z = 0.5
            #expect(!inside([-2, 1]))                  // z = 2
            #expect(inside([-0.45, 0.4, 1]))           // (z − 0.5)(z + 0.9)
            #expect(!inside([0.75, -2, 1]))            // (z − 0.5)(z − 1.5)
            #expect(inside([0.25, 0, 1]))              // z = ±0.5i
            #expect(!inside([4, 0, 1]))                // z = ±2i
            #expect(!inside([-1.05, 1]) && inside([-1.05, 1], radius: 1.1))
            // (z − 0.9)(z + 0.8)(z − 0.3i)(z + 0.3i) = (z² − 0.1z − 0.72)(z² + 0.09)
            //   = z⁴ − 0.1z³ − 0.63z² − 0.009z − 0.0648
            #expect(inside([-0.0648, -0.009, -0.63, -0.1, 1]))
            // (z − 1.2)(z + 0.5) = z² − 0.7z − 0.6
            #expect(!inside([-0.6, -0.7, 1]))
            // The roots themselves (GSL): (z − 0.5)(z + 0.9) → 0.9; z² + 4 → 2; (z − 1)(z + 0.5) → 1.
            func modulus(_ c: [Double]) -> Double? { c.withUnsafeBufferPointer { try? PolynomialRoots.maximumModulus($0) } }
            #expect(close(modulus([-0.45, 0.4, 1]) ?? .nan, 0.9, 1e-12))
            #expect(close(modulus([4, 0, 1]) ?? .nan, 2, 1e-12))
            #expect(close(modulus([-0.5, -0.5, 1]) ?? .nan, 1, 1e-12))
            #expect(close(modulus([-0.0648, -0.009, -0.63, -0.1, 1, 0]) ?? .nan, 0.9, 1e-12))  // trailing 0 ignored
            // On the circle Schur–Cohn declines to decide; the roots do.
            #expect(!inside([-0.5, -0.5, 1]))
        }

        /// R's admissibility: ETS(A,N,A) always has the root z = 1 (P(1) = 0 when φ = 1 and β = 0), which
        /// R's tolerance of 1e-10 admits; with α = 0.018278, γ = 0.0492, m = 11 the other roots have
        /// modulus 0.99538 (numpy.roots). γ > 1 − α is outside the usual bounds.
        @Test func admissibleRegion() throws {
            let ana = try #require(ETSModel(code: "ANA"))
            #expect(ETS.acceptable(ETSParameters(alpha: 0.018278, gamma: 0.0492), model: ana, period: 11))
            #expect(ETS.acceptable(ETSParameters(alpha: 0.3, gamma: 0.2), model: ana, period: 4))
            #expect(!ETS.acceptable(ETSParameters(alpha: 0.6, gamma: 0.5), model: ana, period: 4))
            // Hyndman et al. (2008, §10.2): with m = 4 the admissible region of ETS(A,N,A) requires
            // γ ≤ 1 + 1/φ − α = 2 − α; α = 0.5, γ = 1.6 fails the easy test, α = 1.5 the usual bounds.
            #expect(!ETS.admissible(ETSParameters(alpha: 0.5, gamma: 1.6), model: ana, period: 4))
        }
    }
}

extension ForecastTests {
    @Suite("ETS against R's forecast::ets")
    struct ETSAgainstR {
        static let cases: [(name: String, data: [Double], period: Int, reference: RReference)] =
            RReferenceData.austouristsFits.map { ("austourists " + $0.code, RReferenceData.austourists, 4, $0) }
            + RReferenceData.oilFits.map { ("oil " + $0.code, RReferenceData.oil, 1, $0) }

        /// With R's estimated parameters and initial state, the recursion reproduces R's one-step fitted
        /// values, final state, log-likelihood, σ², forecasts and its simulation with given innovations.
        /// Tolerance 1e-5 relative: R wrote parameters and states with 8 decimals, and a perturbation of
        /// 5e-9 moves 68 steps of a stable filter by far less (statsmodels' own check uses rtol 1e-5).
        @Test(arguments: 0..<cases.count)
        func recursionMatchesR(_ index: Int) throws {
            let (name, y, period, r) = Self.cases[index]
            let model = try #require(ETSModel(code: r.code), "\(name)")
            let parameters = ETSParameters(alpha: r.alpha, beta: r.beta ?? 0, gamma: r.gamma ?? 0, phi: r.phi ?? 1)
            let hasTrend = model.trend
            let initial = ETSState(
                level: r.initialState[0], trend: hasTrend ? r.initialState[1] : 0,
                seasonal: Array(r.initialState[(hasTrend ? 2 : 1)...])
            )
            let run = try #require(ETS.filter(y, period: period, model: model, parameters: parameters, initialState: initial))
            #expect(close(Array(run.fitted.prefix(4)), r.firstFitted, 1e-5), "\(name) first fitted")
            #expect(close(Array(run.fitted.suffix(4)), r.lastFitted, 1e-5), "\(name) last fitted")
            let last = run.states[y.count]
            let final = [last.level] + (hasTrend ? [last.trend] : []) + last.seasonal
            #expect(close(final, r.finalState, 1e-5), "\(name) final state \(final) vs \(r.finalState)")
            // R: loglik = −0.5·lik.
            #expect(close(-0.5 * run.criterion, r.logLikelihood, 1e-5), "\(name) log-likelihood")

            let fit = try #require(ETS.fitted(y, period: period, model: model, parameters: parameters, initialState: initial))
            #expect(close(fit.sigma2, r.sigma2, 1e-5), "\(name) sigma2 \(fit.sigma2) vs \(r.sigma2)")
            if model.damped, model.season == .multiplicative {
                // R's forecast() computes class-3 means (ets_fc_class3) with the transition
                // F1 = [[1, 1], [0, φ]], i.e. ŷ(h) = (l + (1 + φ + … + φ^{h−1})·b)·s for h ≤ m, while its
                // own likelihood, simulate() and Hyndman et al. (2008, table 2.1) use (l + (φ + … + φʰ)·b)·s.
                // Kaohe uses the latter, so check both against R's final state x = (l, b, s₀…s_{m−1}).
                let (l, b, phi) = (r.finalState[0], r.finalState[1], r.phi!)
                for h in 1...4 {
                    let season = r.finalState[2 + period - h]
                    let rSum = (0..<h).reduce(0.0) { $0 + pow(phi, Double($1)) }
                    let hyndmanSum = (1...h).reduce(0.0) { $0 + pow(phi, Double($1)) }
                    #expect(close(r.forecast[h - 1], (l + rSum * b) * season, 1e-6), "\(name): R's class-3 mean at h = \(h)")
                    #expect(close(fit.forecast(horizon: 4)[h - 1], (l + hyndmanSum * b) * season, 1e-5), "\(name) h = \(h)")
                }
            } else {
                #expect(close(fit.forecast(horizon: 4), r.forecast, 1e-5), "\(name) forecast \(fit.forecast(horizon: 4))")
            }
            #expect(close(fit.simulate(errors: RReferenceData.innovations), r.simulation, 1e-5), "\(name) simulation")
        }

        /// Maximum likelihood with GSL's simplex reaches at least R's optimum (as statsmodels' test of its
        /// own fit: the log-likelihood may be higher, never lower by more than the tolerance). R's
        /// optimiser stops at a relative change of 1.5e-8 of lik ≈ 400, so 1e-3 in lik is well above
        /// noise while far below any difference between models.
        @Test(arguments: 0..<cases.count)
        func fitReachesROptimum(_ index: Int) throws {
            let (name, y, period, r) = Self.cases[index]
            let model = try #require(ETSModel(code: r.code))
            let fit = try #require(ETS.fit(y, period: period, model: model), "\(name) did not fit")
            #expect(fit.logLikelihood >= r.logLikelihood - 5e-4, "\(name): \(fit.logLikelihood) < R \(r.logLikelihood)")
            // Parameters stay inside R's usual region.
            #expect(fit.parameters.alpha >= 1e-4 && fit.parameters.alpha <= 0.9999)
            if model.trend { #expect(fit.parameters.beta <= fit.parameters.alpha) }
            if model.season != .none { #expect(fit.parameters.gamma <= 1 - fit.parameters.alpha) }
            if model.damped { #expect(fit.parameters.phi >= 0.8 && fit.parameters.phi <= 0.98) }
        }

        /// The quick fit keeps R's heuristic seasonal start and optimises the rest: its seasonal states
        /// are exactly `initialState`'s. Its likelihood is not R's optimum (the start is a heuristic;
        /// where R's simplex stalls it may even be higher), but it must stay within 10% of R's lik:
        /// a fit that lost more would be a broken fit, not a heuristic start.
        @Test(arguments: 0..<cases.count)
        func fixedInitialSeasonKeepsTheHeuristicStart(_ index: Int) throws {
            let (name, y, period, r) = Self.cases[index]
            let model = try #require(ETSModel(code: r.code))
            let fit = try #require(ETS.fit(y, period: period, model: model, effort: .fixedInitialSeason), "\(name) did not fit")
            #expect(fit.logLikelihood >= r.logLikelihood - 0.1 * abs(r.logLikelihood), "\(name): \(fit.logLikelihood) far below R")
            if model.season != .none {
                let m = period
                let start = try #require(ETS.initialState(y, period: m, model: model))
                let free = Array(start[(model.trend ? 2 : 1)...])
                #expect(close(Array(fit.initialState.seasonal.prefix(m - 1)), free, 1e-12), "\(name) seasonal start moved")
            }
        }

        /// AICc selection among the seasonal models picks ETS(M,A,M), as R's values imply. From R's
        /// log-likelihoods (n = 68; np = smoothing parameters + free initial states + σ; AICc = −2LL + 2np
        /// + 2np(np+1)/(n−np−1)):
        ///   MAM  −2(−195.7518) = 391.504, np 9:  + 18 + 3.103 = 412.61   ← smallest
        ///   MAdM 392.726, np 10: + 20 + 3.860 = 416.59;  AAA 402.546 + 21.103 = 423.65;
        ///   AAdA 400.047 + 23.860 = 423.91;  ANA 408.563, np 7: + 14 + 1.867 = 424.43;
        ///   MAA 407.200 + 21.103 = 428.30;  MNM 412.841 + 15.867 = 428.71;  MNA 413.515 + 15.867 = 429.38;
        ///   MAdA 409.712 + 23.860 = 433.57.
        @Test func selectionPicksMAMOnAustourists() throws {
            let seasonal = ETSModel.all.filter { $0.season != .none }
            let best = try #require(ETS.select(RReferenceData.austourists, period: 4, models: seasonal))
            #expect(best.model.code == "MAM")
            #expect(best.parameterCount == 9)
            #expect(best.aicc <= 412.61 + 1e-3)
        }
    }
}

extension ForecastTests {
    @Suite("ETS as a forecast method")
    struct ETSAsMethod {
        /// A cumulative series: monthly flows with a seasonal profile growing 8 % a year, plus a small
        /// deterministic wiggle; year index 0…years (the last is the current year).
        static func cumulativeYears(years: Int, januaryMissing: Bool) -> [[Double]] {
            let profile = [3.0, 4, 7, 8, 8, 9, 9, 9, 10, 10, 11, 16]
            return (0...years).map { year in
                var total = 0.0
                return profile.enumerated().map { month, weight in
                    let wiggle = 1 + 0.02 * sin(Double(year * 12 + month) * 1.7)
                    total += weight * pow(1.08, Double(year)) * wiggle
                    return januaryMissing && month == 0 ? .nan : total
                }
            }
        }

        static func context<R>(_ years: [[Double]], asOf: Int, target: Double, measure: Measure = .cumulative,
                               seed: UInt64 = 7, _ body: (SeriesContext) -> R) -> R {
            var current = years.last!
            for month in asOf..<12 { current[month] = .nan }
            return SeriesContext.with(
                current: current, history: Array(years.dropLast()), measure: measure, target: target,
                asOfMonth: asOf, seed: seed, body
            )
        }

        /// On a regular seasonal series ETS forecasts the year-end within a few per cent, the truth lies in
        /// its 95 % interval, and the result is deterministic for a seed.
        @Test func forecastsRegularSeries() throws {
            let years = Self.cumulativeYears(years: 6, januaryMissing: false)
            let truth = years.last![11]
            let method = ETSMethod(simulationPaths: 1000)
            let result = Self.context(years, asOf: 7, target: truth) { method.forecast($0) }
            #expect(result.method == "ets")
            #expect(result.month == 7 && !result.stale)
            #expect(result.historyYears == 6)
            let forecast = try #require(result.forecast)
            #expect(abs(forecast / truth - 1) < 0.03, "forecast \(forecast) vs truth \(truth)")
            let lo95 = try #require(result.lo95), hi95 = try #require(result.hi95)
            let lo80 = try #require(result.lo80), hi80 = try #require(result.hi80)
            #expect(lo95 <= lo80 && lo80 <= hi80 && hi80 <= hi95)
            #expect(lo95 <= truth && truth <= hi95)
            #expect(lo95 >= years.last![6])  // never below what is already done
            let pMeet = try #require(result.pMeet)
            #expect(pMeet > 0.05 && pMeet < 0.95)  // the target is the truth: neither certain nor hopeless
            guard case let .empirical(samples)? = result.distribution else {
                Issue.record("expected an empirical distribution")
                return
            }
            #expect(samples.count == 201 && zip(samples, samples.dropFirst()).allSatisfy { $0 <= $1 })
            let again = Self.context(years, asOf: 7, target: truth) { method.forecast($0) }
            #expect(again == result)
            let otherSeed = Self.context(years, asOf: 7, target: truth, seed: 8) { method.forecast($0) }
            #expect(otherSeed.forecast == result.forecast)  // the point forecast does not depend on the seed
            #expect(otherSeed.lo95 != result.lo95)          // the simulation does
        }

        /// January–February reported together: the model's first period is C(y,2), so a series whose
        /// January is missing every year gives exactly the same forecast as the one with January.
        @Test func januaryFebruaryCombined() {
            let method = ETSMethod(simulationPaths: 500)
            let with = Self.context(Self.cumulativeYears(years: 4, januaryMissing: false), asOf: 2, target: 100) { method.forecast($0) }
            let without = Self.context(Self.cumulativeYears(years: 4, januaryMissing: true), asOf: 2, target: 100) { method.forecast($0) }
            #expect(with.method == "ets" && without.method == "ets")
            #expect(without.month == 2 && !without.stale)
            #expect(with == without)
        }

        /// Everything ETS does not cover falls back on the spec, labelled, never NaN.
        @Test func fallbacks() {
            let method = ETSMethod(simulationPaths: 200)
            let years = Self.cumulativeYears(years: 4, januaryMissing: false)
            // m = 1: January alone does not fill the combined first period.
            let january = Self.context(years, asOf: 1, target: 100) { method.forecast($0) }
            #expect(january.method == "ets→seasonal")
            // One history year only.
            let short = Self.context(Array(years.suffix(2)), asOf: 6, target: 100) { method.forecast($0) }
            #expect(short.method == "ets→linear")
            // A gap this year.
            var gap = years
            gap[gap.count - 1][3] = .nan
            let gapped = Self.context(gap, asOf: 6, target: 100) { method.forecast($0) }
            #expect(gapped.method == "ets→seasonal")
            // Rate indicators.
            let rate = Self.context(years, asOf: 6, target: 100, measure: .rate) { method.forecast($0) }
            #expect(rate.method == "ets→seasonal")
            // December is final.
            let december = Self.context(years, asOf: 12, target: 100) { method.forecast($0) }
            #expect(december.method == "final" && december.forecast == years.last![11])
            for result in [january, short, gapped, rate, december] {
                let numbers = [result.forecast, result.lo80, result.hi80, result.lo95, result.hi95, result.pMeet].compactMap { $0 }
                #expect(numbers.count == 6 && numbers.allSatisfy(\.isFinite))
            }
        }

        @Test func registry() {
            #expect(ForecastMethods.named("seasonal")?.name == "seasonal")
            #expect(ForecastMethods.named(" ETS ")?.name == "ets")
            #expect(ForecastMethods.named("arima") == nil)
            #expect(ForecastMethods.names.first == ForecastMethods.defaultName)
        }

        /// Readers see Chinese names: every registered method has one and a description; fallback
        /// chains are named part by part; an unknown label stays as it is.
        @Test func chineseLabels() {
            for name in ForecastMethods.names {
                #expect(ForecastMethods.chineseLabel(name) != name, "\(name) has no Chinese name")
                #expect(ForecastMethods.chineseDescription(name) != nil, "\(name) has no description")
            }
            #expect(ForecastMethods.readerLabel("blend") == "组合预测（blend）")
            #expect(ForecastMethods.chineseLabel("blend→seasonal") == "组合预测→季节比")
            #expect(ForecastMethods.chineseLabel("arima") == "arima")
            #expect(ForecastMethods.chineseLabel(nil) == NumberFormat.missing)
        }
    }
}
