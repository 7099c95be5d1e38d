// Category modules depend on the core alone; the random streams and statistics they draw and score
// with come from the GSL wrapper, which the core therefore re-exports.
@_exported import GSL
