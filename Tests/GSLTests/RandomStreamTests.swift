import GSL
import Testing

@Suite("Random streams")
struct RandomStreamTests {
    @Test("A filled buffer holds the numbers one-by-one draws give, and the stream goes on where it left off")
    func fillsMatchSingleDraws() {
        for substream in [0, 1, 7, 12_345] as [UInt64] {
            let single = RandomStream(seed: 1, substream: substream)
            let filled = RandomStream(seed: 1, substream: substream)
            // Bit patterns: the same numbers, not merely close ones.
            let expected = (0..<1_000).map { _ in single.uniformPositive().bitPattern }
                + (0..<1_000).map { _ in single.uniform().bitPattern }
            var buffer = [Double](repeating: -1, count: 2_000)
            buffer.withUnsafeMutableBufferPointer { all in
                filled.fillUniformPositive(UnsafeMutableBufferPointer(rebasing: all[0..<1_000]))
                filled.fillUniform(UnsafeMutableBufferPointer(rebasing: all[1_000...]))
            }
            #expect(buffer.map(\.bitPattern) == expected, "substream \(substream)")
            #expect(buffer.prefix(1_000).allSatisfy { $0 > 0 && $0 < 1 })
            #expect(buffer.suffix(1_000).allSatisfy { $0 >= 0 && $0 < 1 })
            #expect(filled.uniform().bitPattern == single.uniform().bitPattern)
        }
    }
}
