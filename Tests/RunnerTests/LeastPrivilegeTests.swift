import Foundation
import Testing
import ODBC
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// A hardened database: nobody but its owner may create schemas, and the
/// deploy role may write the history and create tables in its own schema,
/// nothing more. Once a DBA made the history (here: a first run as the
/// owner), the deploy role runs migrate and undo. `CREATE SCHEMA IF NOT
/// EXISTS` refused it every time ("permission denied for database") though
/// the schema was there.
@Suite(.serialized) struct LeastPrivilegeTests {
    @Test(.needsPostgres) func aDeployRoleWithoutCreateOnTheDatabaseMigrates() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        _ = try db.runner(dir).migrate()
        let role = "low_\(db.name)"
        let password = "pw-\(db.name)"
        let admin = try db.connect()
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password)';")
        try admin.execute("REVOKE CREATE, TEMPORARY ON DATABASE \(db.name) FROM PUBLIC;")
        try admin.execute("CREATE SCHEMA app;")
        try admin.execute("GRANT USAGE, CREATE ON SCHEMA app TO \(role);")
        try admin.execute("GRANT USAGE ON SCHEMA oeedb TO \(role);")
        try admin.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON oeedb.schema_history, oeedb.schema_history_audit TO \(role);")
        try TestMigrations.addHandWritten(dir, version: 2, name: "app_table", sql: "CREATE TABLE app.note (id int);\n", snapshot: TestMigrations.v1())

        let url = db.url.replacingOccurrences(of: "://oeedb@", with: "://\(role)@")
        let low = try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password), environment: TestDatabase.environment)
        #expect(try low.scalar("SELECT has_database_privilege(current_user, current_database(), 'CREATE')::text;") == "false")
        let runner = MigrationRunner(connection: low, dialect: PostgreSQLDialect(), directory: try MigrationDirectory.load(dir))
        let report = try runner.migrate(.init(postChecks: false))
        #expect(report.applied.map(\.version) == [2])
        #expect(try admin.scalar("SELECT applied_by FROM oeedb.schema_history WHERE version = 2;") == role)
        #expect(try admin.scalar("SELECT count(*) FROM pg_class WHERE relname = 'note';") == "1")
    }

    /// The one DDL statement still creates everything on an empty database
    /// and is a no-op the second time.
    @Test(.needsPostgres) func theHistoryDDLCreatesWhatIsMissingOnly() throws {
        let db = try #require(try TestDatabase.make())
        let conn = try db.connect()
        let ddl = PostgreSQLDialect().historyDDL(schema: "Ops History")
        #expect(ddl.count == 1)
        for s in ddl { try conn.execute(s) }
        try conn.execute("INSERT INTO \"Ops History\".schema_history (version, name, checksum, applied_by, execution_ms, success) VALUES (1, 'a', 'c', 'u', 0, true);")
        for s in ddl { try conn.execute(s) }
        #expect(try conn.scalar("SELECT count(*) FROM \"Ops History\".schema_history;") == "1")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'Ops History' AND c.relkind = 'r';") == "2")
    }
}
