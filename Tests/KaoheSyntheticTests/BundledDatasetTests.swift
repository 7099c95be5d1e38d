import Foundation
import Testing
@testable import KaoheSynthetic

@Suite("The committed datasets/ankang-2019")
struct BundledDatasetTests {
    /// The seed the bundled dataset is generated with (datasets/README.md gives the command).
    static let seed: UInt64 = 1

    @Test("is exactly what the generator writes now")
    func matchesGenerator() throws {
        let committed = repositoryRoot().appendingPathComponent("datasets/ankang-2019")
        let scratch = try temporaryFolder("bundled")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let regenerated = scratch.appendingPathComponent("ankang-2019")
        try SyntheticGenerator(preset: .ankang2019, seed: Self.seed).write(to: regenerated.path)

        let expected = try folderContents(regenerated)
        let actual = try folderContents(committed)
        #expect(Set(actual.keys) == Set(expected.keys), "files of \(committed.path)")
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(actual[name] == bytes, """
                \(name) differs from the generator's output; regenerate with \
                `swift run kaohe generate --preset ankang-2019 --seed \(Self.seed) --out datasets/ankang-2019 --force`
                """)
        }
    }
}
