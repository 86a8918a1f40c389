import Foundation
import Testing
import ODBC
import OEEDiff
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// On PostgreSQL the success row and the COMMIT travel in one message
/// (`INSERT …; COMMIT;`): one round trip fewer per migration. These cases
/// hold the runner to what that must not change: each migration still ends
/// its own transaction, a COMMIT that fails fails the migration and leaves no
/// success row, and the literal values read back exactly.
@Suite(.serialized) struct HistoryCommitTests {
    /// Three migrations, the third fails: the first two are committed each
    /// on its own (the COMMIT in the history message ended them), the third
    /// left nothing but its failure row. Also through a hand-written
    /// connection string without oeedb's `Protocol=7.4-1`: psqlODBC's default
    /// statement-level rollback wraps every statement in a savepoint, and
    /// must not try to release one after the message that committed.
    @Test(.needsPostgres, arguments: [false, true]) func eachMigrationStillCommitsOnItsOwn(handWrittenConnection: Bool) throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "second", sql: "CREATE TABLE public.h2 (id int);\n", snapshot: TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 3, name: "third", sql: "CREATE TABLE public.h3 (id int);\nSELECT 1/0;\n", snapshot: TestMigrations.v1())
        let runner = MigrationRunner(connection: try db.connect(handWritten: handWrittenConnection), dialect: PostgreSQLDialect(),
                                     directory: try MigrationDirectory.load(dir))
        #expect(throws: RunnerError.self) { try runner.migrate(.init(postChecks: false)) }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT string_agg(version::text || ':' || success::text, ',' ORDER BY version) FROM oeedb.schema_history;") == "1:true,2:true,3:false")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname = 'h2';") == "1")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname = 'h3';") == "0")
    }

    /// A deferred foreign key is checked at COMMIT: the COMMIT in the history
    /// message fails, the migration fails with the engine's message, and no
    /// success row remains.
    @Test(.needsPostgres) func aCommitThatFailsFailsTheMigration() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "deferred", sql: """
            CREATE TABLE public.d (id int PRIMARY KEY, parent int REFERENCES public.d (id) DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO public.d VALUES (1, 99);

            """, snapshot: TestMigrations.v1())
        let error = try #require(throws: RunnerError.self) { try db.runner(dir).migrate(.init(postChecks: false)) }
        #expect(error.message.contains("foreign key"), "\(error.message)")
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT string_agg(version::text || ':' || success::text, ',' ORDER BY version) FROM oeedb.schema_history;") == "1:true,2:false")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname = 'd';") == "0")
        // The connection is usable and outside any transaction afterwards.
        let runner = try db.runner(dir)
        #expect(try runner.status().contains { $0.version == 2 })
    }

    /// Quotes and backslashes in the values, with standard_conforming_strings
    /// on and off: the escape-string literals read back exactly.
    @Test(.needsPostgres, arguments: ["on", "off"]) func literalValuesReadBackExactly(conforming: String) throws {
        let db = try #require(try TestDatabase.make())
        let conn = try db.connect()
        let dialect = PostgreSQLDialect()
        for ddl in dialect.historyDDL(schema: "oeedb") { try conn.execute(ddl) }
        try conn.execute("SET standard_conforming_strings = \(conforming);")
        let user = #"o'b\x\\y''z"#
        let row = HistoryValues(version: 7, name: "it's_a\\name", checksum: String(repeating: "ab", count: 32), user: user, milliseconds: 12, success: true)
        let sql = try #require(dialect.insertHistoryAndCommit(schema: "oeedb", row))
        try conn.withTransaction { c in try c.execute(sql) }
        #expect(try conn.scalar("SELECT applied_by FROM oeedb.schema_history WHERE version = 7;") == user)
        #expect(try conn.scalar("SELECT name FROM oeedb.schema_history WHERE version = 7;") == row.name)
        #expect(try conn.scalar("SELECT execution_ms::text || success::text FROM oeedb.schema_history WHERE version = 7;") == "12true")
    }
}
