import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEDSL
import Migrations
import Runner

/// A live PostgreSQL test cluster is configured (scripts/test.sh starts one).

/// The directory is checked as a whole before anything runs, and a failing
/// run says what it applied before it stopped.
@Suite(.serialized) struct RunResultTests {
    /// V0001 applied; V0002 good and pending; V0003 broken by `breakIt`.
    func brokenAfterAGoodPending(_ db: TestDatabase, _ breakIt: (URL) throws -> Void) throws -> URL {
        let dir = try TestMigrations.temporaryDirectory()
        let v1 = TestMigrations.v1()
        try TestMigrations.generate(dir, v1)
        _ = try db.runner(dir).migrate()
        let v2 = TestMigrations.edit(v1, "site") { $0.columns.append(Column("note", .text100, "Note").nullable()) }
        try TestMigrations.generate(dir, v2, name: "note")
        let v3 = TestMigrations.edit(v2, "site") { $0.columns.append(Column("remark", .text100, "Remark").nullable()) }
        try TestMigrations.generate(dir, v3, name: "remark")
        try breakIt(dir)
        try MigrationDirectory.load(dir).writeIntegrity()
        return dir
    }

    static func replace(_ dir: URL, _ file: String, _ old: String, _ new: String) throws {
        let url = dir.appendingPathComponent(file)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old))
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
    }

    static let breakages: [(String, @Sendable (URL) throws -> Void)] = [
        ("unknown directive", { try replace($0, "V0003__remark.sql", "-- oeedb:transaction on", "-- oeedb:transacton on") }),
        ("misspelt prefix", { try replace($0, "V0003__remark.sql", "-- oeedb:transaction on", "-- oedb:transaction off") }),
        ("header version", { try replace($0, "V0003__remark.sql", "-- oeedb:version 0003", "-- oeedb:version 0009") }),
        ("corrupt snapshot", { try "{\"format\":".write(to: $0.appendingPathComponent("V0003__remark.json"), atomically: true, encoding: .utf8) }),
    ]

    @Test(.needsPostgres, arguments: 0..<4)
    func brokenLaterMigrationStopsMigrateBeforeTheGoodOneRuns(_ index: Int) throws {
        let (what, breakIt) = Self.breakages[index]
        let db = try #require(try TestDatabase.make())
        let dir = try brokenAfterAGoodPending(db, breakIt)
        for dryRun in [true, false] {
            do {
                _ = try db.runner(dir).migrate(.init(dryRun: dryRun))
                Issue.record("\(what): expected migrate (dry run \(dryRun)) to refuse")
            } catch let e as RunnerError {
                #expect(e.message.contains("nothing was run"), "\(what): \(e)")
                #expect(e.message.contains("V0003__remark."), "\(what): \(e)")
                #expect(e.applied.isEmpty)
            }
        }
        #expect(try db.runner(dir).validate().contains { $0.hasPrefix("V0003__remark.") }, "\(what)")
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history") == "1", "\(what): history changed")
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'note'") == "0",
                "\(what): V0002 was applied")
    }

    @Test(.needsPostgres)
    func failureCarriesWhatWasAppliedBeforeIt() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        let v1 = TestMigrations.v1()
        try TestMigrations.generate(dir, v1)
        let v2 = TestMigrations.edit(v1, "site") { $0.columns.append(Column("note", .text100, "Note").nullable()) }
        try TestMigrations.generate(dir, v2, name: "note")
        try TestMigrations.addHandWritten(dir, version: 3, name: "broken", sql: "CREATE TABLE ref.partial (id int);\nSELECT 1 / 0;\n", snapshot: v2)
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected V0003 to fail")
        } catch let e as RunnerError {
            #expect(e.applied.map(\.version) == [1, 2])
            #expect(e.failure == RunReport.Failure(migration: "V0003__broken", batch: 2, line: e.line, sqlState: "22012", message: e.message))
            #expect(e.line != nil)
        }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE success") == "2")
    }
}
