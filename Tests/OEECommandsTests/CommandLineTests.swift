import Foundation
import Testing
import PostgreSQL
@testable import OEECommands

/// What users see: help text, the README's generated table, error messages.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readmeCarriesTheCapabilityTableOfTheCode() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- capabilities:begin -->\n"))
        let end = try #require(readme.range(of: "\n<!-- capabilities:end -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == PostgreSQLDialect.capabilityTableMarkdown.trimmingCharacters(in: .newlines),
                "README's capability table is stale: paste the output of 'oeedb dialects'")
    }

    @Test(arguments: ["init", "import", "model", "generate", "hash", "new", "diff", "migrate", "undo", "repair", "status", "validate", "baseline", "drift", "seed", "docs", "doctor"])
    func everyCommandTeachesWithAnExample(_ name: String) throws {
        let help = Oeedb.helpMessage(for: try #require(Oeedb.configuration.subcommands.first { $0._commandName == name }))
        if name != "model" { #expect(help.contains("Example"), "\(name) --help has no example") }
        #expect(help.contains("oeedb \(name)") || name == "model")
    }

    @Test func readmeStartsWithTheTwoCommands() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let firstBlock = readme.components(separatedBy: "```")[1]
        #expect(firstBlock.contains("scripts/main.sh"))
        #expect(firstBlock.contains("scripts/test.sh"))
        #expect(try String(contentsOf: Self.root.appendingPathComponent(".ci/run"), encoding: .utf8).contains("scripts/test.sh"))
    }

    @Test func unreadableModelFileIsExplained() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-\(UUID()).json").path
        #expect(throws: CLIError.self) { try ModelFile.read(path) }
        do { _ = try ModelFile.read(path) } catch let e as CLIError {
            #expect(e.message.hasPrefix("\(path): cannot read the model file"))
        }
    }
}
