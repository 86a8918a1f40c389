import Foundation
import Testing
import ODBC
import OEETestSupport

/// Live engines for tests. The test command starts PostgreSQL and exports
/// OEEDB_TEST_PG (URL) and OEEDB_TEST_PG_PASSWORD_FILE; tests that need it
/// carry `.needsPostgres` (skipped without it; a skip fails CI).
enum TestEngines {
    static let environment: ODBCEnvironment = try! ODBCEnvironment()
    static var postgresSpec: ConnectionSpec? {
        guard let (url, pw) = LivePostgres.credentials else { return nil }
        return try? ConnectionSpec.resolve(url, password: pw)
    }

    /// A PostgreSQL connection, or nil when the test command started none.
    static func postgres() throws -> ODBCConnection? {
        guard let spec = postgresSpec else { return nil }
        return try ODBCConnector.connect(spec, environment: environment)
    }

    /// A SQLite database in a temporary file through sqliteodbc.
    static func sqlite() throws -> ODBCConnection {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-\(UUID().uuidString).db").path
        return try ODBCConnector.connect(try ConnectionSpec.resolve("sqlite://\(path)"), environment: environment)
    }
}

@Suite struct LiveEngineTests {
    /// Under CI=true a missing PostgreSQL fails here, not only as skips.
    @Test func postgresIsPresentUnderCI() {
        LivePostgres.checkPresentUnderCI()
    }
}
