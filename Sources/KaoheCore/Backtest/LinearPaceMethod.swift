/// The linear pace F = C·12/m that assessment offices use today: the spec's `linear` fallback
/// (dataset.md), taken whatever history there is — ln F normal with σ = `default_log_sd`, so it has
/// intervals and a p_meet too. The baseline row of every backtest; not a `--method` of its own.
public struct LinearPaceMethod: ForecastMethod {
    public let name = "linear"

    public init() {}

    public func forecast(_ context: SeriesContext) -> YearEndForecast {
        guard context.measure == .cumulative else { return SpecComputation.forecast(context) }
        let empty = PeerHistory.empty(measure: context.measure)
        return [Double]().withUnsafeBufferPointer { noHistory in
            var paceOnly = context
            paceOnly.history = noHistory
            paceOnly.peers = empty
            return SpecComputation.forecast(paceOnly)
        }
    }
}
