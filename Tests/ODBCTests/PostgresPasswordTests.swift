import Foundation
import Testing
@testable import ODBC
import OEETestSupport

/// psqlODBC reads back every password oeedb writes: roles with awkward
/// passwords log in on the live PostgreSQL through ConnectionSpec +
/// ODBCConnector; no password, or a wrong one, is classified as such.
@Suite(.serialized) struct PostgresPasswordTests {
    static let passwords = [
        "plain123", "semi;colon", "{leading-brace", "trailing}", "}}doubled", "a};b", "k=v=w", " leading and trailing ",
        "Grüße-ü", "🏭plant", "%41+plus", "'quote\"",
    ]

    func url(_ user: String, _ base: ConnectionSpec) -> String {
        "postgres://\(user)@\(base.host ?? "127.0.0.1"):\(base.port ?? 5432)/\(base.database ?? "oee")"
    }

    @Test(.needsPostgres, arguments: Array(passwords.enumerated()).map { $0.offset })
    func aRoleWithThisPasswordLogsIn(_ index: Int) throws {
        let base = try #require(TestEngines.postgresSpec)
        let password = Self.passwords[index]
        let role = "oeedb_pwtest_\(index)"
        let admin = try ODBCConnector.connect(base, environment: TestEngines.environment)
        defer { admin.close() }
        _ = try? admin.execute("DROP ROLE IF EXISTS \(role)")
        try admin.execute("CREATE ROLE \(role) LOGIN PASSWORD '\(password.replacingOccurrences(of: "'", with: "''"))'")
        defer { _ = try? admin.execute("DROP ROLE IF EXISTS \(role)") }

        let spec = try ConnectionSpec.resolve(url(role, base), password: password)
        let conn = try ODBCConnector.connect(spec, environment: TestEngines.environment)
        defer { conn.close() }
        #expect(try conn.scalar("SELECT current_user") == role)

        // The same password one character short is refused as a failed login.
        let wrong = try ConnectionSpec.resolve(url(role, base), password: String(password.dropLast()))
        do {
            _ = try ODBCConnector.connect(wrong, environment: TestEngines.environment)
            Issue.record("a wrong password logged in")
        } catch let e as ConnectionError {
            #expect(e.kind == .loginFailed, "\(e)")
        }
    }

    @Test(.needsPostgres)
    func noPasswordIsAMissingPasswordNotAnUnreachableHost() throws {
        let base = try #require(TestEngines.postgresSpec)
        let spec = try ConnectionSpec.resolve(url(base.user ?? "oeedb", base))
        do {
            _ = try ODBCConnector.connect(spec, environment: TestEngines.environment)
            Issue.record("connected without a password")
        } catch let e as ConnectionError {
            #expect(e.kind == .passwordMissing, "\(e)")
            #expect(e.message.contains("OEEDB_PASSWORD"))
        }
    }
}
