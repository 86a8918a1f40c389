import Foundation
import Testing
import OEETestSupport
import Migrations
@testable import OEECommands

/// `oeedb migrate`, `status`, `validate` through the built binary on the real
/// PostgreSQL: the directory is checked before anything runs, and a failing
/// run says exactly what it applied and what failed.
@Suite(.serialized) struct MigrateCommandTests {
    static let failingThird = ["CREATE TABLE t1 (id int);\n", "CREATE TABLE t2 (id int);\n", "CREATE TABLE t3 (id int);\nSELECT 1 / 0;\n"]

    func oeedb(_ db: LiveDatabase, _ arguments: [String], root: URL) throws -> OeedbProcess.Result {
        try #require(FileManager.default.isExecutableFile(atPath: OeedbProcess.url.path), "build the oeedb binary first (swift build)")
        return try OeedbProcess.run(arguments + ["--connection", db.url, "--migrations", root.path, "--dialect", "postgres"], password: db.password)
    }

    struct Report: Decodable {
        struct Applied: Decodable { var version: Int; var name: String }
        struct Failed: Decodable { var migration: String?; var batch: Int?; var line: Int?; var sqlState: String?; var message: String }
        var applied: [Applied]
        var failed: Failed?
    }

    @Test(.needsPostgres)
    func jsonSaysWhatWasAppliedAndWhatFailed() throws {
        let db = try #require(try LiveDatabase.make())
        let root = try MigrationFixture.root(Self.failingThird)
        let run = try oeedb(db, ["migrate", "--json"], root: root)
        #expect(run.status == 1, "\(run)")
        let report = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8))
        #expect(report.applied.map(\.version) == [1, 2])
        let failed = try #require(report.failed)
        #expect(failed.migration == "V0003__three")
        #expect(failed.batch == 2)
        #expect(failed.line != nil)
        #expect(failed.sqlState == "22012")
        #expect(failed.message.contains("division by zero"))
        #expect((run.stdout + run.stderr).components(separatedBy: "division by zero").count == 3, "once in the document, once on standard error for the log")
        #expect(try db.scalar("SELECT count(*) FROM oeedb.schema_history WHERE success") == "2")
    }

    @Test(.needsPostgres)
    func plainOutputListsTheAppliedThenTheErrorOnce() throws {
        let db = try #require(try LiveDatabase.make())
        let root = try MigrationFixture.root(Self.failingThird)
        let run = try oeedb(db, ["migrate"], root: root)
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(lines)")
        #expect(lines.first?.hasPrefix("applied V0001__one in ") == true, "\(lines)")
        #expect(lines.dropFirst().first?.hasPrefix("applied V0002__two in ") == true, "\(lines)")
        #expect(lines.last?.hasSuffix("stopped at V0003__three; 2 migration(s) applied before it stay applied") == true, "\(lines)")
        #expect(run.stderr.hasPrefix("error: V0003__three batch 2 (line "), "\(run.stderr)")
        #expect((run.stdout + run.stderr).components(separatedBy: "division by zero").count == 2, "the error must appear exactly once: \(run)")
    }

    @Test(.needsPostgres, .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) (bsdutils)"))
    func onATerminalTheErrorAppearsOnce() throws {
        let root = try MigrationFixture.root(Self.failingThird)
        try #require(FileManager.default.isExecutableFile(atPath: OeedbProcess.url.path))
        // script(1) gives the command a terminal, so progress lines are printed too.
        for json in [false, true] {
            let db = try #require(try LiveDatabase.make())
            let command = ([OeedbProcess.url.path, "migrate", "--connection", db.url, "--migrations", root.path, "--dialect", "postgres"] + (json ? ["--json"] : []))
                .map { "'\($0)'" }.joined(separator: " ")
            let run = try OeedbProcess.run(["-qec", command, "/dev/null"], password: db.password, executable: URL(fileURLWithPath: "/usr/bin/script"))
            #expect(run.status == 1, "\(run)")
            #expect(run.stdout.contains(json ? "\"version\" : 2" : "applied V0002__two"), "\(run)")
            #expect(run.stdout.components(separatedBy: "division by zero").count == 2, "json \(json): the error must appear exactly once: \(run.stdout)")
        }
    }

    @Test(.needsPostgres)
    func aBrokenLaterFileStopsMigrateBeforeTheGoodPendingOne() throws {
        let db = try #require(try LiveDatabase.make())
        let root = try MigrationFixture.root(["CREATE TABLE t1 (id int);\n"])
        #expect(try oeedb(db, ["migrate"], root: root).status == 0)
        let dir = root.appendingPathComponent("postgres")
        try MigrationFixture.add(dir, version: 2, sql: "CREATE TABLE t2 (id int);\n")
        try MigrationFixture.add(dir, version: 3, sql: "CREATE TABLE t3 (id int);\n")
        let v3 = dir.appendingPathComponent("V0003__three.sql")
        try (try String(contentsOf: v3, encoding: .utf8)).replacingOccurrences(of: "-- oeedb:transaction on", with: "-- oeedb:transacton on")
            .replacingOccurrences(of: "-- oeedb:version 0003", with: "-- oeedb:version 0009")
            .write(to: v3, atomically: true, encoding: .utf8)
        try MigrationDirectory.load(dir).writeIntegrity()
        for args in [["migrate"], ["migrate", "--dry-run"], ["validate"]] {
            let run = try oeedb(db, args, root: root)
            #expect(run.status == 1, "\(args): \(run)")
            let output = run.stdout + run.stderr
            #expect(output.contains("V0003__three.sql:") && output.contains("did you mean 'transaction'?"), "\(args): \(output)")
            #expect(output.contains("V0003__three.sql: its header says '-- oeedb:version 0009'"), "\(args): both problems at once: \(output)")
        }
        #expect(try db.scalar("SELECT count(*) FROM oeedb.schema_history") == "1", "history changed")
        #expect(try db.scalar("SELECT to_regclass('public.t2') IS NULL") == "1", "V0002 was applied")
    }

    @Test(.needsPostgres)
    func statusFindsIntegrityProblems() throws {
        let db = try #require(try LiveDatabase.make())
        let root = try MigrationFixture.root(["CREATE TABLE t1 (id int);\n"])
        let dir = root.appendingPathComponent("postgres")
        #expect(try oeedb(db, ["status"], root: root).status == 0)
        let sum = dir.appendingPathComponent("oeedb.sum")
        let good = try Data(contentsOf: sum)

        try MigrationFixture.add(dir, version: 2, sql: "SELECT 1;\n", rehash: false)   // added by hand
        var run = try oeedb(db, ["status"], root: root)
        #expect(run.status == 1 && run.stdout.contains("problem: V0002__two.sql: not recorded in oeedb.sum"), "\(run)")
        run = try oeedb(db, ["status", "--json"], root: root)
        #expect(run.status == 1 && run.stderr.contains("problem: V0002__two.sql: not recorded"), "\(run)")
        #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) is [Any], "--json still prints the status array")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("V0002__two.sql"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("V0002__two.json"))

        try Data("h1:0000\n".utf8).write(to: sum)                                         // corrupt
        run = try oeedb(db, ["status"], root: root)
        #expect(run.status == 1 && run.stdout.contains("problem: oeedb.sum: its total hash does not match"), "\(run)")

        try FileManager.default.removeItem(at: sum)                                       // missing
        run = try oeedb(db, ["status"], root: root)
        #expect(run.status == 1 && run.stdout.contains("problem: oeedb.sum: missing from"), "\(run)")

        try good.write(to: sum)
        try MigrationFixture.add(dir, version: 1, sql: "SELECT 1;\n", rehash: false)
        try FileManager.default.moveItem(at: dir.appendingPathComponent("V0001__one.sql"), to: dir.appendingPathComponent("V0001__uno.sql"))
        try MigrationFixture.add(dir, version: 1, sql: "CREATE TABLE t1 (id int);\n", rehash: false)
        try Self.renameHeader(dir.appendingPathComponent("V0001__uno.sql"), to: "uno")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("V0001__one.json"), to: dir.appendingPathComponent("V0001__uno.json"))
        try MigrationDirectory.load(dir).writeIntegrity()                                 // duplicate version, sum current
        run = try oeedb(db, ["status"], root: root)
        #expect(run.status == 1 && run.stdout.contains("problem: version 0001 is used by V0001__one.sql and V0001__uno.sql"), "\(run)")
    }

    static func renameHeader(_ url: URL, to name: String) throws {
        let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "-- oeedb:name one", with: "-- oeedb:name \(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
}
