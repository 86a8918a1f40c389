import ArgumentParser
import Testing
@testable import OEECommands

/// `oeedb partitions status|maintain`: registered, and --as-of checked before connecting.
@Suite struct PartitionsCommandTests {
    @Test func bothSubcommandsAreInTheTree() {
        let paths = ExitCodeTests.commandPaths().map { $0.joined(separator: " ") }
        #expect(paths.contains("partitions status"))
        #expect(paths.contains("partitions maintain"))
    }

    @Test(arguments: [
        ["partitions", "maintain", "--as-of", "2027-01-01T06:00:00"],          // no offset: not unambiguous
        ["partitions", "maintain", "--as-of", "2027-01-01T06:00:00+02:00"],    // not UTC
        ["partitions", "status", "--as-of", "tomorrow"],
        ["partitions", "status", "--json", "--format", "text"],
        ["partitions", "maintain", "--ddl-lock-timeout", "0"],
    ])
    func badInputExitsTwo(_ arguments: [String]) {
        #expect(ExitCodeTests.exitCode(arguments) == 2, "oeedb \(arguments.joined(separator: " "))")
    }

    @Test func aUTCTimestampParses() throws {
        let command = try Oeedb.parseAsRoot(["partitions", "maintain", "--as-of", "2027-01-01T06:00:00Z", "--dry-run", "--json"])
        let maintain = try #require(command as? Oeedb.Partitions.Maintain)
        #expect(maintain.asOf.instant.literalText == "2027-01-01T06:00:00")
        #expect(maintain.output.isJSON && maintain.dryRun)
    }

    @Test func theAsOfErrorNamesTheFormat() {
        do {
            _ = try Oeedb.parseAsRoot(["partitions", "status", "--as-of", "2027-01-01 06:00"])
            Issue.record("accepted")
        } catch {
            let message = Oeedb.fullMessage(for: error)
            #expect(message.contains("ISO 8601 UTC") && message.contains("2027-01-01T06:00:00Z"), "\(message)")
        }
    }
}
