import Foundation
import Testing
import ODBC
import OEEDSL
import Migrations
import PostgreSQL
import Runner
import SQLServer
import OEETestSupport

/// Online operations on the real engine: CREATE INDEX CONCURRENTLY as its own
/// non-transactional step (a failed build's INVALID index is dropped on the
/// rerun), NOT VALID then VALIDATE, and the lock timeout with bounded retry
/// against a blocker holding a lock from a second connection.
@Suite(.serialized) struct OnlineMigrationTests {
    static func v1() -> Database {
        Database("plant") {
            Schema("ref", "Master data") {
                Table("machine", "A machine") {
                    Column("machine_id", .int, "Key")
                    PrimaryKey("pk_machine", "machine_id")
                }
                Table("reading", "A reading") {
                    Column("reading_id", .int, "Key")
                    Column("machine_id", .int, "Machine")
                    Column("qty", .int, "Quantity")
                    PrimaryKey("pk_reading", "reading_id")
                }
            }
        }
    }

    /// v1 plus a unique index on qty and a foreign key to machine.
    static func v2() -> Database {
        TestMigrations.edit(v1(), "reading") { t in
            t.indexes.append(Index("ux_reading_qty", on: "qty", unique: true))
            t.foreignKeys.append(ForeignKey("fk_reading_machine", "machine_id", references: "ref.machine"))
        }
    }

    func setUp() throws -> (TestDatabase, URL, ODBCConnection) {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, Self.v1())
        _ = try db.runner(dir).migrate()
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.machine VALUES (1), (2);")
        try conn.execute("INSERT INTO ref.reading SELECT g, 1 + g % 2, g FROM generate_series(1, 1000) AS g;")
        return (db, dir, conn)
    }

    @Test(.needsPostgres) func concurrentIndexAndValidateAreStepsOfTheirOwn() throws {
        let (db, dir, conn) = try setUp()
        let pending = try #require(try TestMigrations.generate(dir, Self.v2(), name: "online"))
        #expect(pending.sql.contains("-- oeedb:step no-transaction index=ref.ux_reading_qty\n"))
        #expect(pending.sql.contains("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"ux_reading_qty\""))
        #expect(pending.sql.contains("FOREIGN KEY (\"machine_id\") REFERENCES \"ref\".\"machine\" (\"machine_id\") NOT VALID;"))
        #expect(pending.sql.contains("-- oeedb:step transaction\n-- validate 1 constraint(s)"))
        _ = try db.runner(dir).migrate()
        #expect(try conn.scalar("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ref.ux_reading_qty'::regclass;") == "true")
        #expect(try conn.scalar("SELECT convalidated::text FROM pg_constraint WHERE conname = 'fk_reading_machine';") == "true")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_steps;") == "0")
        #expect(try conn.scalar("SELECT success::text FROM oeedb.schema_history WHERE version = 2;") == "true")
    }

    /// Duplicates make the concurrent unique build fail and leave an INVALID
    /// index; after the duplicates are removed, the rerun drops it, builds it
    /// again and finishes the migration (the finished step is not rerun).
    @Test(.needsPostgres) func failedConcurrentBuildIsCleanedUpOnRerun() throws {
        let (db, dir, conn) = try setUp()
        try conn.execute("UPDATE ref.reading SET qty = 7 WHERE reading_id = 10;")
        try TestMigrations.generate(dir, Self.v2(), name: "online")
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate() }
        #expect(try conn.scalar("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ref.ux_reading_qty'::regclass;") == "false")
        #expect(try conn.scalar("SELECT success::text FROM oeedb.schema_history WHERE version = 2;") == "false")
        // Step 0 (the pre-checks) finished and is recorded; the index step is not.
        #expect(try conn.scalar("SELECT string_agg(step::text, ',') FROM oeedb.schema_steps WHERE version = 2;") == "0")

        try conn.execute("UPDATE ref.reading SET qty = 100000 + reading_id WHERE reading_id = 10;")
        let report = try db.runner(dir).migrate()
        #expect(report.applied.map(\.version) == [2])
        #expect(try conn.scalar("SELECT indisvalid::text FROM pg_index WHERE indexrelid = 'ref.ux_reading_qty'::regclass;") == "true")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname = 'ux_reading_qty';") == "1")
        #expect(try conn.scalar("SELECT success::text FROM oeedb.schema_history WHERE version = 2;") == "true")
    }

    /// A stepped migration edited after its failed run (and re-hashed) starts
    /// its steps over: the recorded step numbers belonged to the old file.
    @Test(.needsPostgres) func aSteppedMigrationEditedAfterItsFailedRunStartsItsStepsOver() throws {
        let (db, dir, conn) = try setUp()
        try conn.execute("UPDATE ref.reading SET qty = 7 WHERE reading_id = 10;")
        try TestMigrations.generate(dir, Self.v2(), name: "online")
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate() }
        #expect(try conn.scalar("SELECT string_agg(step::text, ',') FROM oeedb.schema_steps WHERE version = 2;") == "0")
        // Edit the unshipped file (a comment is enough to change its checksum) and re-hash it.
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.path).first { $0.hasPrefix("V0002") && $0.hasSuffix(".sql") })
        let url = dir.appendingPathComponent(file)
        try (try String(contentsOf: url, encoding: .utf8) + "\n-- reviewed after the failed run\n").write(to: url, atomically: true, encoding: .utf8)
        try MigrationDirectory.load(dir).writeIntegrity()
        try conn.execute("UPDATE ref.reading SET qty = 100000 + reading_id WHERE reading_id = 10;")
        let runner = try db.runner(dir)
        var lines: [String] = []
        runner.progress = { lines.append($0) }
        let report = try runner.migrate()
        #expect(report.applied.map(\.version) == [2])
        #expect(lines.contains { $0.contains("the file changed since its failed run; its steps start over") }, "\(lines)")
        #expect(try conn.scalar("SELECT success::text FROM oeedb.schema_history WHERE version = 2;") == "true")
    }

    /// A second connection holds a lock on the table for 1.5 s: the ALTER
    /// times out after 200 ms, is rolled back and retried, and succeeds once
    /// the blocker commits.
    @Test(.needsPostgres) func lockTimeoutIsRetriedUntilTheBlockerGoes() throws {
        let (db, dir, _) = try setUp()
        try TestMigrations.generate(dir, TestMigrations.edit(Self.v1(), "reading") { $0.columns.append(Column("note", .varchar(20), "Note").nullable()) })
        let released = try Self.holdLock(db, seconds: 1.5)
        let runner = try db.runner(dir)
        runner.lockRetry = LockRetryPolicy(timeoutMilliseconds: 200, retries: 6, backoffMilliseconds: 200)
        var lines: [String] = []
        runner.progress = { lines.append($0) }
        let report = try runner.migrate()
        released.wait()
        #expect(report.applied.map(\.version) == [2])
        #expect(lines.contains { $0.contains("lock timeout after 200 ms; rolled back, retry 1/6") })
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'reading' AND column_name = 'note';") == "1")
    }

    /// A blocker that outlasts every retry: the migration fails, says how
    /// often it tried and what to do, and nothing of it remains.
    @Test(.needsPostgres) func lockTimeoutGivesUpAfterTheRetries() throws {
        let (db, dir, conn) = try setUp()
        try TestMigrations.generate(dir, TestMigrations.edit(Self.v1(), "reading") { $0.columns.append(Column("note", .varchar(20), "Note").nullable()) })
        let blocker = try db.connect()
        try blocker.setAutocommit(false)
        try blocker.execute("LOCK TABLE ref.reading IN ACCESS SHARE MODE;")
        defer { try? blocker.rollback() }
        let runner = try db.runner(dir)
        runner.lockRetry = LockRetryPolicy(timeoutMilliseconds: 100, retries: 1, backoffMilliseconds: 50)
        let error = try #require(throws: RunnerError.self) { try runner.migrate() }
        #expect(error.sqlState == "55P03")
        #expect(error.message.contains("gave up after 2 attempt(s)"))
        #expect(error.message.contains("Fix: run 'oeedb migrate' again"))
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'reading' AND column_name = 'note';") == "0")
    }
}

extension OnlineMigrationTests {
    /// The lock timeout is set once per session, not before every migration;
    /// a migration that changes it (here to 0 = wait forever) makes the
    /// runner set it again, so the next migration still gives up on a lock
    /// held by another session instead of queueing behind it.
    @Test(.needsPostgres) func aMigrationThatChangesTheLockTimeoutDoesNotDisableIt() throws {
        let (db, dir, conn) = try setUp()
        try TestMigrations.addHandWritten(dir, version: 2, name: "wait_forever", sql: "SET lock_timeout = 0;\nSELECT 1;\n", snapshot: Self.v1())
        try TestMigrations.generate(dir, TestMigrations.edit(Self.v1(), "reading") { $0.columns.append(Column("note", .varchar(20), "Note").nullable()) })
        // Released after 4 s either way: without the timeout the ALTER would
        // wait for it and succeed, which the test reports as a failure.
        let released = try Self.holdLock(db, seconds: 4)
        defer { released.wait() }
        let runner = try db.runner(dir)
        runner.lockRetry = LockRetryPolicy(timeoutMilliseconds: 100, retries: 1, backoffMilliseconds: 50)
        let error = try #require(throws: RunnerError.self) { try runner.migrate() }
        #expect(error.sqlState == "55P03", "\(error.message)")
        #expect(try conn.scalar("SELECT string_agg(version::text, ',' ORDER BY version) FROM oeedb.schema_history WHERE success;") == "1,2")
    }

    /// A second connection holds ACCESS SHARE on ref.reading for `seconds`,
    /// then ends its transaction; the semaphore is signalled when it has.
    static func holdLock(_ db: TestDatabase, seconds: Double) throws -> DispatchSemaphore {
        let blocker = try db.connect()
        try blocker.setAutocommit(false)
        try blocker.execute("LOCK TABLE ref.reading IN ACCESS SHARE MODE;")
        let released = DispatchSemaphore(value: 0)
        let box = UncheckedBox(blocker)
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: seconds)
            try? box.value.commit()
            released.signal()
        }
        return released
    }

    @Test func theDialectsSayWhichTextMayChangeTheLockTimeout() {
        let pg = PostgreSQLDialect()
        #expect(pg.mayChangeLockTimeout("SET LOCAL Lock_Timeout = '1s';"))
        #expect(pg.mayChangeLockTimeout("RESET ALL;"))
        #expect(pg.mayChangeLockTimeout("DISCARD ALL;"))
        #expect(!pg.mayChangeLockTimeout("CREATE TABLE t (id int);\nCOMMENT ON TABLE t IS 'x';"))
        let ss = SQLServerDialect()
        #expect(ss.mayChangeLockTimeout("SET LOCK_TIMEOUT -1;"))
        #expect(!ss.mayChangeLockTimeout("ALTER TABLE [ref].[t] ADD [x] int NULL;"))
    }
}

/// Hands the blocker connection to the thread that commits it (used by one thread at a time).
final class UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
