import Foundation
import Testing
import ODBC
import OEEDiff
import Migrations
import Runner
import SQLServer

/// Runs only when OEEDB_SQLSERVER_CONNECTION names a SQL Server 2019+ / Azure
/// SQL database (password in OEEDB_SQLSERVER_PASSWORD): applies the canonical
/// migrations, checks a second run is a no-op and the database shows no drift.
/// Use an empty scratch database: the test creates the whole OEE schema in it.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["OEEDB_SQLSERVER_CONNECTION"] != nil, "needs a SQL Server (OEEDB_SQLSERVER_CONNECTION); none can run on this kind of machine"))
struct SQLServerIntegrationTests {
    static var migrations: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("migrations/sqlserver")
    }

    func connect() throws -> ODBCConnection {
        let env = ProcessInfo.processInfo.environment
        let spec = try ConnectionSpec.resolve(env["OEEDB_SQLSERVER_CONNECTION"] ?? "", password: env["OEEDB_SQLSERVER_PASSWORD"])
        return try ODBCConnector.connect(spec, environment: try ODBCEnvironment())
    }

    @Test func canonicalMigrationsApplyOnceAndLeaveNoDrift() throws {
        let directory = try MigrationDirectory.load(Self.migrations)
        let conn = try connect()
        #expect(conn.serverInfo.product.contains("SQL Server"))
        let runner = MigrationRunner(connection: conn, dialect: SQLServerDialect(), directory: directory)
        _ = try runner.migrate()
        #expect(try runner.migrate().applied.isEmpty)
        #expect(try runner.status().allSatisfy { $0.state == .applied })
        let expected = try #require(directory.latest).snapshot()
        let drift = try CatalogReader(connection: conn, dialect: SQLServerDialect()).drift(expected: expected)
        #expect(drift.items.isEmpty, "\(drift.items)")
    }
}
