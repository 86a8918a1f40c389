import Foundation
import Testing
import Migrations
import OEEModel
@testable import OEECommands

/// `oeedb generate --check` checks every file of every directory before it
/// plans anything, and lists every problem at once.
@Suite struct GenerateCheckTests {
    @Test func brokenPendingFilesFailTheCheckWithEveryProblem() throws {
        try #require(FileManager.default.isExecutableFile(atPath: OeedbProcess.url.path), "build the oeedb binary first (swift build)")
        let root = try MigrationFixture.root(["SELECT 1;\n", "SELECT 2;\n"])
        let dir = root.appendingPathComponent("postgres")
        let model = root.appendingPathComponent("model.json")
        try ModelSnapshot.encode(Database(name: "plant")).write(to: model)
        let args = ["generate", "--check", "--model", model.path, "--migrations", root.path, "--dialect", "postgres"]
        let clean = try OeedbProcess.run(args, password: "")
        #expect(clean.status == 0, "\(clean)")

        let v2 = dir.appendingPathComponent("V0002__two.sql")
        try (try String(contentsOf: v2, encoding: .utf8)).replacingOccurrences(of: "-- oeedb:transaction on", with: "-- oedb:check pre x empty: SELECT 1")
            .write(to: v2, atomically: true, encoding: .utf8)
        try Data("not json".utf8).write(to: dir.appendingPathComponent("V0001__one.json"))
        try MigrationDirectory.load(dir).writeIntegrity()
        let run = try OeedbProcess.run(args, password: "")
        #expect(run.status == 1, "\(run)")
        #expect(run.stderr.contains("nothing was generated"), "\(run.stderr)")
        #expect(run.stderr.contains("postgres: V0002__two.sql:3: '-- oedb:check pre x empty: SELECT 1' looks like a runner directive"), "\(run.stderr)")
        #expect(run.stderr.contains("postgres: V0001__one.json: model snapshot of V0001__one does not decode"), "\(run.stderr)")
    }

    @Test func hashTeachesWithAnExample() throws {
        let help = Oeedb.helpMessage(for: Oeedb.Hash.self)
        #expect(help.contains("Example") && help.contains("oeedb hash --check"))
        #expect(Oeedb.configuration.subcommands.contains { $0 == Oeedb.Hash.self })
    }
}
