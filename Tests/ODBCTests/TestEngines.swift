import Foundation
import Testing
import ODBC

/// Live engines for tests. The test command starts PostgreSQL and exports
/// OEEDB_TEST_PG (URL) and OEEDB_TEST_PG_PASSWORD_FILE; under CI=true a missing
/// engine is a failure, never a skip.
enum TestEngines {
    static let environment: ODBCEnvironment = try! ODBCEnvironment()
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    static var postgresSpec: ConnectionSpec? {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["OEEDB_TEST_PG"], let file = env["OEEDB_TEST_PG_PASSWORD_FILE"],
              let pw = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return try? ConnectionSpec.resolve(url, password: pw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// A PostgreSQL connection, or nil (recording a failure under CI).
    static func postgres() throws -> ODBCConnection? {
        guard let spec = postgresSpec else {
            if isCI { Issue.record("OEEDB_TEST_PG is not set: the test command must start PostgreSQL (scripts/test.sh)") }
            return nil
        }
        return try ODBCConnector.connect(spec, environment: environment)
    }

    /// A SQLite database in a temporary file through sqliteodbc.
    static func sqlite() throws -> ODBCConnection {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-\(UUID().uuidString).db").path
        return try ODBCConnector.connect(try ConnectionSpec.resolve("sqlite://\(path)"), environment: environment)
    }
}
