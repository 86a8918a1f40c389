import Foundation
import Testing
import ODBC
import OEEDSL
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// The built `oeedb` binary run to completion: exit status and output.
enum OeedbRun {
    struct Run {
        var status: Int32
        var output: String
    }

    static func run(_ arguments: [String], password: String = "") throws -> Run {
        let (p, pipe) = try OeedbBinary.launch(arguments, password: password)
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static var isBuilt: Bool { FileManager.default.isExecutableFile(atPath: OeedbBinary.url.path) }
}

/// Day-2 work on a live PostgreSQL, through the real binary: hand-written
/// data migrations (new + edit + hash + migrate), undo, repair, batched backfills.
@Suite(.serialized) struct Day2RunnerTests {
    let pg = ["--dialect", "postgres"]

    func args(_ command: String, _ db: TestDatabase, _ root: URL, _ extra: [String] = []) -> [String] {
        [command, "--connection", db.url, "--migrations", root.path] + pg + extra
    }

    /// A migrations root with `postgres/` holding V1 of the small test model.
    func root(_ models: [Database] = [TestMigrations.v1()]) throws -> (URL, URL) {
        let root = try TestMigrations.temporaryDirectory()
        let dir = root.appendingPathComponent("postgres")
        for (i, m) in models.enumerated() { try TestMigrations.generate(dir, m, name: i == 0 ? "baseline" : "v\(i + 1)") }
        return (root, dir)
    }

    /// Rows and an md5 over them, to show a table was not touched.
    func fingerprint(_ conn: ODBCConnection, _ table: String, orderBy: String, columns: String = "*") throws -> String {
        let count = try conn.scalar("SELECT count(*) FROM \(table)") ?? "?"
        let sum = try conn.scalar("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY \(orderBy)), '')) FROM (SELECT \(columns) FROM \(table)) AS t") ?? "?"
        return "\(count):\(sum)"
    }

    @Test(.needsPostgres)
    func handWrittenDataMigrationWithAUserPreCheckFailsOnBadDataAndPassesOnGood() throws {
        let db = try #require(try TestDatabase.make())
        try #require(OeedbRun.isBuilt, "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let (root, dir) = try root()
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.site (site_id, code) VALUES (1, 'plant-a'), (2, '')")

        // new: the next version, the previous snapshot unchanged, directory intact.
        let new = try OeedbRun.run(["new", "--name", "fix_codes", "--migrations", root.path, "--dialect", "postgres"])
        #expect(new.status == 0, "\(new.output)")
        let sqlURL = dir.appendingPathComponent("V0002__fix_codes.sql")
        let written = try #require(try MigrationDirectory.load(dir).latest)
        #expect(try written.delta()?.isEmpty == true)
        #expect(try written.snapshot() == ModelSnapshot.decode(Data(contentsOf: dir.appendingPathComponent("V0001__baseline.json"))))
        #expect(try MigrationDirectory.load(dir).verify().isEmpty)

        // Edit: a user pre-check and a data fix. Unhashed, migrate refuses and names 'oeedb hash'.
        var text = try String(contentsOf: sqlURL, encoding: .utf8)
        text = text.replacingOccurrences(of: "-- oeedb:transaction on\n", with: "-- oeedb:transaction on\n-- oeedb:check pre no_blank_codes_left empty: SELECT 1 FROM ref.site WHERE code = '' LIMIT 1;\n-- oeedb:check post every_code_upper scalar=0: SELECT count(*) FROM ref.site WHERE code <> upper(code);\n")
        text += "UPDATE ref.site SET code = upper(code);\n"
        try text.write(to: sqlURL, atomically: true, encoding: .utf8)
        let refused = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(refused.status == 1)
        #expect(refused.output.contains("V0002__fix_codes.sql: changed after it was generated") && refused.output.contains("'oeedb hash'"), "\(refused.output)")
        let hash = try OeedbRun.run(["hash", "--migrations", root.path, "--dialect", "postgres"])
        #expect(hash.status == 0 && hash.output.contains("changed V0002__fix_codes.sql"), "\(hash.output)")

        // Bad data: the pre-check fails and nothing changes.
        let bad = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(bad.status == 1)
        #expect(bad.output.contains("pre-check 'no_blank_codes_left' failed"), "\(bad.output)")
        #expect(try conn.scalar("SELECT code FROM ref.site WHERE site_id = 1") == "plant-a")

        // Good data: applied, post-check holds, and the applied file is protected again.
        try conn.execute("UPDATE ref.site SET code = 'plant-b' WHERE site_id = 2")
        let good = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(good.status == 0, "\(good.output)")
        #expect(try conn.scalar("SELECT string_agg(code, ',' ORDER BY site_id) FROM ref.site") == "PLANT-A,PLANT-B")
        try (text + "-- edited after it shipped\n").write(to: sqlURL, atomically: true, encoding: .utf8)
        #expect(try OeedbRun.run(["hash", "--migrations", root.path, "--dialect", "postgres"]).status == 0)
        let laundered = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(laundered.status == 1 && laundered.output.contains("changed after it was applied"), "\(laundered.output)")
        #expect(try OeedbRun.run(args("validate", db, root), password: db.password).status == 1)
    }

    @Test(.needsPostgres)
    func handWrittenMigrationThatChangesTheSchemaFailsItsPostCheck() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root()
        try TestMigrations.addHandWritten(dir, version: 2, name: "sneaky", sql: "ALTER TABLE ref.site ADD COLUMN extra integer;\n", snapshot: TestMigrations.v1())
        let runner = try db.runner(dir)
        #expect(throws: RunnerError.self) { try runner.migrate() }
        do { _ = try runner.migrate() } catch let e as RunnerError {
            #expect(e.message.contains("ref.site.extra: extra column"), "\(e.message)")
        }
        #expect(try db.connect().scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'extra'") == "0")
    }

    /// V1, then V2 (a column and a table), V3 (a column renamed, an index).
    static func models() -> [Database] {
        let v1 = TestMigrations.v1()
        var v2 = TestMigrations.edit(v1, "machine") { $0.columns.append(Column("note", .nvarchar(100), "Note").nullable()) }
        v2.schemas[0].tables.append(Table("line", "A line") {
            Column("line_id", .int, "Key")
            Column("name", .nvarchar(64), "Name")
            PrimaryKey("pk_line", "line_id")
        })
        let v3 = TestMigrations.edit(v2, "machine") { t in
            let i = t.columns.firstIndex { $0.name == "note" }!
            t.columns[i] = Column("remark", .nvarchar(100), "Remark").nullable().renamed(from: "note")
            t.indexes.append(Index("ix_machine_qty", on: "qty"))
        }
        return [v1, v2, v3]
    }

    @Test(.needsPostgres)
    func upToTheLatestWithDataThenUndoToOneThenMigrateAgainWithNoDriftAndUntouchedTablesUnchanged() throws {
        let db = try #require(try TestDatabase.make())
        try #require(OeedbRun.isBuilt, "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let (root, dir) = try root(Self.models())
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("U0003__v3.sql").path))
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.site (site_id, code) SELECT g, 'site-' || g FROM generate_series(1, 50) AS g")
        try conn.execute("INSERT INTO ref.machine (site_id, name, qty) SELECT 1 + g % 50, 'm' || g, g FROM generate_series(1, 500) AS g")
        let site = try fingerprint(conn, "ref.site", orderBy: "site_id")
        // ref.machine loses V2's column on undo: its V1 columns must be unchanged.
        let machine = try fingerprint(conn, "ref.machine", orderBy: "machine_id", columns: "machine_id, site_id, name, qty")
        func noDrift(_ step: String) throws {
            let drift = try OeedbRun.run(args("drift", db, root), password: db.password)
            #expect(drift.status == 0, "drift after \(step): \(drift.output)")
        }
        try noDrift("migrate to V3")

        let dry = try OeedbRun.run(args("undo", db, root, ["--to", "1", "--dry-run"]), password: db.password)
        #expect(dry.status == 0 && dry.output.contains("would run U0003__v3") && dry.output.contains("would run U0002__v2"), "\(dry.output)")
        #expect(try conn.scalar("SELECT max(version) FROM oeedb.schema_history WHERE success") == "3")

        let undo = try OeedbRun.run(args("undo", db, root, ["--to", "1"]), password: db.password)
        #expect(undo.status == 0, "\(undo.output)")
        #expect(undo.output.contains("undid V0003__v3") && undo.output.contains("undid V0002__v2"), "\(undo.output)")
        #expect(try conn.scalar("SELECT string_agg(version::text, ',' ORDER BY version) FROM oeedb.schema_history") == "1")
        #expect(try conn.scalar("SELECT string_agg(version::text || ' ' || action, ',' ORDER BY audit_id) FROM oeedb.schema_history_audit") == "3 undo,2 undo")
        try noDrift("undo to V1")
        #expect(try fingerprint(conn, "ref.site", orderBy: "site_id") == site)
        #expect(try fingerprint(conn, "ref.machine", orderBy: "machine_id", columns: "machine_id, site_id, name, qty") == machine)

        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        try noDrift("migrate again")
        #expect(try fingerprint(conn, "ref.site", orderBy: "site_id") == site)
        #expect(try fingerprint(conn, "ref.machine", orderBy: "machine_id", columns: "machine_id, site_id, name, qty") == machine)
        #expect(try conn.scalar("SELECT count(*) FROM ref.machine WHERE remark IS NULL") == "500")
    }

    @Test(.needsPostgres)
    func undoIsRefusedWhenItWouldDropAColumnHoldingDataUnlessDataLossIsAllowed() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root(Array(Self.models().prefix(2)))
        _ = try db.runner(dir).migrate()
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.site (site_id, code) VALUES (1, 'a')")
        try conn.execute("INSERT INTO ref.machine (site_id, name, note) VALUES (1, 'press', 'keep me')")
        let runner = try db.runner(dir)
        do {
            _ = try runner.undo(.init(to: 1))
            Issue.record("undo dropped a column holding data")
        } catch let e as RunnerError {
            #expect(e.migration == "U0002__v2")
            #expect(e.message.contains("data-loss check 'no_data_ref_machine_note' failed"), "\(e.message)")
            #expect(e.message.contains("'oeedb undo --to 1 --allow-data-loss'"), "\(e.message)")
        }
        #expect(try conn.scalar("SELECT note FROM ref.machine") == "keep me")
        #expect(try conn.scalar("SELECT max(version) FROM oeedb.schema_history WHERE success") == "2")
        let report = try db.runner(dir).undo(.init(to: 1, allowDataLoss: true))
        #expect(report.undone.map(\.version) == [2])
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'machine' AND column_name = 'note'") == "0")
        #expect(try conn.scalar("SELECT detail FROM oeedb.schema_history_audit WHERE action = 'undo'")?.contains("--allow-data-loss") == true)
    }

    @Test(.needsPostgres)
    func undoStopsBeforeRunningAnythingWhenAVersionHasNoUndoScript() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root(Array(Self.models().prefix(2)))
        try TestMigrations.addHandWritten(dir, version: 3, name: "data_fix", sql: "UPDATE ref.site SET code = upper(code);\n", snapshot: Self.models()[1])
        _ = try db.runner(dir).migrate()
        do {
            _ = try db.runner(dir).undo(.init(to: 1))
            Issue.record("undo ran without an undo script for V3")
        } catch let e as RunnerError {
            #expect(e.message.contains("no undo script for V0003__data_fix; nothing was run"), "\(e.message)")
            #expect(e.message.contains("U0003__data_fix.sql") && e.message.contains("'oeedb undo --to 3'"), "\(e.message)")
        }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history") == "3")
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.tables WHERE table_name = 'line'") == "1")
        // A hand-written undo script makes it possible.
        let undo = "-- oeedb:version 0003\n-- oeedb:name data_fix\n-- oeedb:transaction on\n\nSELECT 1;\n"
        try undo.write(to: dir.appendingPathComponent("U0003__data_fix.sql"), atomically: true, encoding: .utf8)
        try MigrationDirectory.load(dir).writeIntegrity()
        #expect(try db.runner(dir).undo(.init(to: 1)).undone.map(\.version) == [3, 2])
    }

    @Test(.needsPostgres)
    func undoHoldsTheMigrateLock() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root(Array(Self.models().prefix(2)))
        _ = try db.runner(dir).migrate()
        let holder = try db.connect()
        _ = try holder.execute(PostgreSQLDialect().acquireLock(resource: "oeedb.migrate", timeoutMilliseconds: 0))
        let runner = try db.runner(dir)
        runner.lockTimeoutMilliseconds = 300
        #expect(throws: RunnerError.self) { try runner.undo(.init(to: 1)) }
        #expect(try holder.scalar("SELECT max(version) FROM oeedb.schema_history WHERE success") == "2")
    }

    @Test(.needsPostgres)
    func repairMarksAFailedNonTransactionalMigrationAppliedOrRemovesItsRow() throws {
        let db = try #require(try TestDatabase.make())
        try #require(OeedbRun.isBuilt, "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let (root, dir) = try root()
        try TestMigrations.addHandWritten(dir, version: 2, name: "outside", sql: "CREATE TABLE ref.tmp_a (a integer);\nINSERT INTO ref.tmp_b SELECT 1;\n",
                                          snapshot: TestMigrations.v1(), transaction: false)
        let failed = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(failed.status == 1)
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT CASE WHEN success THEN 'ok' ELSE 'failed' END FROM oeedb.schema_history WHERE version = 2") == "failed")
        let blocked = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(blocked.status == 1 && blocked.output.contains("'oeedb repair --version 2'"), "\(blocked.output)")

        // Refused for a successful row and for an unknown version.
        let ok = try OeedbRun.run(args("repair", db, root, ["--version", "1"]), password: db.password)
        #expect(ok.status == 1 && ok.output.contains("recorded as applied successfully"), "\(ok.output)")

        // --remove after the DBA undid the partial change: the migration runs again.
        try conn.execute("DROP TABLE ref.tmp_a")
        try conn.execute("CREATE TABLE ref.tmp_b (a integer)")
        let removed = try OeedbRun.run(args("repair", db, root, ["--version", "2", "--remove"]), password: db.password)
        #expect(removed.status == 0, "\(removed.output)")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE version = 2") == "0")
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        #expect(try conn.scalar("SELECT count(*) FROM ref.tmp_b") == "1")

        // Resolve: a second failing non-transactional migration, fixed by hand, marked applied.
        try TestMigrations.addHandWritten(dir, version: 3, name: "outside_again", sql: "INSERT INTO ref.tmp_b SELECT 2;\nINSERT INTO ref.tmp_c SELECT 1;\n",
                                          snapshot: TestMigrations.v1(), transaction: false)
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 1)
        let resolved = try OeedbRun.run(args("repair", db, root, ["--version", "3", "--json"]), password: db.password)
        #expect(resolved.status == 0 && resolved.output.contains("\"action\" : \"resolved\""), "\(resolved.output)")
        #expect(try conn.scalar("SELECT CASE WHEN success THEN 'ok' ELSE 'failed' END FROM oeedb.schema_history WHERE version = 3") == "ok")
        #expect(try conn.scalar("SELECT string_agg(version::text || ' ' || action, ',' ORDER BY audit_id) FROM oeedb.schema_history_audit") == "2 repair removed,3 repair resolved")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history_audit WHERE performed_by = current_user AND performed_at_utc IS NOT NULL") == "2")
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        #expect(try OeedbRun.run(args("validate", db, root), password: db.password).status == 0)
    }

    @Test(.needsPostgres)
    func repairIsRefusedForATransactionalMigration() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root()
        try TestMigrations.addHandWritten(dir, version: 2, name: "inside", sql: "INSERT INTO ref.nowhere SELECT 1;\n", snapshot: TestMigrations.v1())
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate() }
        do {
            _ = try db.runner(dir).repair(version: 2, remove: false)
            Issue.record("repair accepted a transactional migration")
        } catch let e as RunnerError {
            #expect(e.message.contains("runs in one transaction, so its failed run was rolled back"), "\(e.message)")
        }
    }

    /// Model with a table for the backfill: `n_updates` counts how often each row was updated.
    static func readings() -> Database {
        Database("plant") {
            Schema("ref", "Master data") {
                Table("reading", "A reading") {
                    Column("reading_id", .int, "Key")
                    Column("v", .int, "Value")
                    Column("doubled", .int, "Backfilled: 2 × v").nullable()
                    Column("n_updates", .int, "Times the backfill updated the row")
                    PrimaryKey("pk_reading", "reading_id")
                }
            }
        }
    }

    func backfill(_ dir: URL, limit: Int, maxBatches: Int? = nil, statement: String? = nil) throws {
        let sql = statement ?? "UPDATE ref.reading SET doubled = v * 2, n_updates = n_updates + 1 WHERE reading_id IN (SELECT reading_id FROM ref.reading WHERE doubled IS NULL LIMIT \(limit));\n"
        let header = MigrationHeader(version: 2, name: "backfill", mode: .batches, maxBatches: maxBatches)
        try (header.directiveLines.joined(separator: "\n") + "\n\n" + sql).write(to: dir.appendingPathComponent("V0002__backfill.sql"), atomically: true, encoding: .utf8)
        try ModelSnapshot.encode(Self.readings()).write(to: dir.appendingPathComponent("V0002__backfill.json"))
        try MigrationDirectory.load(dir).writeIntegrity()
    }

    @Test(.needsPostgres)
    func aMillionRowBackfillKilledMidWayCompletesOnTheNextRunUpdatingEveryRowOnce() throws {
        let db = try #require(try TestDatabase.make())
        try #require(OeedbRun.isBuilt, "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let (root, dir) = try root([Self.readings()])
        #expect(try OeedbRun.run(args("migrate", db, root), password: db.password).status == 0)
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.reading (reading_id, v, n_updates) SELECT g, g % 1000, 0 FROM generate_series(1, 1000000) AS g")
        try backfill(dir, limit: 50_000)

        let (victim, _) = try OeedbBinary.launch(args("migrate", db, root), password: db.password)
        // Kill once a few batches are committed (visible from another session).
        let deadline = Date().addingTimeInterval(60)
        var done = 0
        while Date() < deadline {
            done = Int(try conn.scalar("SELECT count(*) FROM ref.reading WHERE doubled IS NOT NULL") ?? "0") ?? 0
            if done >= 150_000 { break }
            Thread.sleep(forTimeInterval: 0.05)
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let left = Int(try conn.scalar("SELECT count(*) FROM ref.reading WHERE doubled IS NULL") ?? "-1") ?? -1
        #expect(done >= 150_000 && left > 0, "killed at \(done) rows done, \(left) left: the kill came too late to test a restart")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE version = 2") == "0")
        // Committed batches are whole: multiples of 50,000.
        #expect((1_000_000 - left) % 50_000 == 0)

        let next = try OeedbRun.run(args("migrate", db, root), password: db.password)
        #expect(next.status == 0, "\(next.output)")
        #expect(try conn.scalar("SELECT count(*) FROM ref.reading WHERE doubled IS NULL OR doubled <> v * 2") == "0")
        #expect(try conn.scalar("SELECT min(n_updates) || '-' || max(n_updates) FROM ref.reading") == "1-1")
        #expect(try conn.scalar("SELECT CASE WHEN success THEN 'ok' ELSE 'failed' END FROM oeedb.schema_history WHERE version = 2") == "ok")
    }

    @Test(.needsPostgres)
    func aBatchStatementThatNeverReachesZeroStopsAtItsMaximumWithAClearError() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root([Self.readings()])
        _ = try db.runner(dir).migrate()
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.reading (reading_id, v, n_updates) VALUES (1, 1, 0)")
        try backfill(dir, limit: 1, maxBatches: 3, statement: "UPDATE ref.reading SET n_updates = n_updates + 1 WHERE reading_id = 1;\n")
        var lines: [String] = []
        let runner = try db.runner(dir)
        runner.progress = { lines.append($0) }
        do {
            _ = try runner.migrate()
            Issue.record("a never-ending batch loop finished")
        } catch let e as RunnerError {
            #expect(e.migration == "V0002__backfill")
            #expect(e.message.contains("still affected rows after 3 runs") && e.message.contains("-- oeedb:max-batches"), "\(e.message)")
        }
        #expect(try conn.scalar("SELECT n_updates FROM ref.reading") == "3")
        #expect(lines.contains { $0.hasPrefix("V0002__backfill batch 3: 3 rows, ") && $0.contains(" rows/s, ") && $0.hasSuffix(" s") }, "\(lines)")
        #expect(try conn.scalar("SELECT CASE WHEN success THEN 'ok' ELSE 'failed' END FROM oeedb.schema_history WHERE version = 2") == "failed")
    }

    @Test(.needsPostgres)
    func aBatchesMigrationWithMoreThanOneStatementIsRefusedBeforeAnythingRuns() throws {
        let db = try #require(try TestDatabase.make())
        let (_, dir) = try root([Self.readings()])
        try backfill(dir, limit: 1, statement: "UPDATE ref.reading SET doubled = 1 WHERE doubled IS NULL;\nUPDATE ref.reading SET v = 0;\n")
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("two statements in a batches migration ran")
        } catch let e as RunnerError {
            #expect(e.message.contains("V0002__backfill.sql: '-- oeedb:transaction batches' runs one statement again and again, but the file holds 2 batch(es)"), "\(e.message)")
        }
        #expect(try db.connect().scalar("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'oeedb'") == "0")
    }
}
