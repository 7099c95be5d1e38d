import Testing

/// The command-line contract of cli.md that does not depend on a dataset.
@Suite struct UsageTests {
    @Test func versionNamesKaoheAndGSL() throws {
        let result = try KaoheProcess.run(["--version"])
        #expect(result.status == 0)
        #expect(result.standardOutput.hasPrefix("kaohe "))
        #expect(result.standardOutput.contains("GSL 2."))
    }

    @Test func helpListsTheCommands() throws {
        let result = try KaoheProcess.run(["--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("validate"))
    }

    @Test func unknownOptionIsAUsageErrorWithStatus2() throws {
        let result = try KaoheProcess.run(["validate", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--no-such-option"))
    }

    @Test func malformedAsOfIsAUsageErrorWithStatus2() throws {
        let result = try KaoheProcess.run(["validate", "--as-of", "2019-8"])
        #expect(result.status == 2)
    }

    @Test func missingDatasetFolderIsInvalidDataWithStatus1() throws {
        let result = try KaoheProcess.run(["validate", "no/such/folder"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("dataset.yaml"))
    }
}

@Suite struct MissingDatasetTests {
    @Test func anAnalysisCommandNamesTheMissingFolderOnce() throws {
        let result = try KaoheProcess.run(["status", "no/such/folder"])
        #expect(result.status == 1)
        #expect(result.standardError.contains("no dataset folder no/such/folder"))
        #expect(result.standardError.split(separator: "\n").count == 1)
    }
}
