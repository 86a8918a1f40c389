import Foundation
import Testing
import ODBC

/// The live PostgreSQL the test command starts (scripts/test.sh exports
/// OEEDB_TEST_PG, a URL, and OEEDB_TEST_PG_PASSWORD_FILE). Tests that need it
/// carry `.needsPostgres`, so they show as *skipped* where it is missing;
/// under CI=true scripts/test.sh fails the run on any such skip, and
/// ``checkPresentUnderCI()`` fails the suite that calls it.
public enum LivePostgres {
    /// The server's URL and the password for it, when the test command set them.
    public static var credentials: (url: String, password: String)? {
        let env = ProcessInfo.processInfo.environment
        guard let url = env["OEEDB_TEST_PG"], !url.isEmpty, let file = env["OEEDB_TEST_PG_PASSWORD_FILE"],
              let pw = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return (url, pw.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    public static var isAvailable: Bool { credentials != nil }

    static let environment: ODBCEnvironment = try! ODBCEnvironment()

    /// Creates a fresh, uniquely named database on the test server; returns
    /// its URL and the password, or nil when the test command started no server.
    public static func createDatabase(prefix: String) throws -> (url: String, password: String)? {
        guard let (url, pw) = credentials else { return nil }
        let name = prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        let admin = try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: pw), environment: environment)
        defer { admin.close() }
        try admin.execute("CREATE DATABASE \(name)")
        return ("\(url[..<url.lastIndex(of: "/")!])/\(name)", pw)
    }

    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// Records a failure when CI requires the engine and it is missing.
    public static func checkPresentUnderCI(sourceLocation: SourceLocation = #_sourceLocation) {
        if isCI && !isAvailable {
            Issue.record("CI=true but OEEDB_TEST_PG / OEEDB_TEST_PG_PASSWORD_FILE are not set: scripts/test.sh must start PostgreSQL", sourceLocation: sourceLocation)
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs the test only when the test PostgreSQL is there; otherwise it shows as skipped.
    public static var needsPostgres: Self {
        .enabled(if: LivePostgres.isAvailable, "needs the test PostgreSQL (OEEDB_TEST_PG; scripts/test.sh starts it)")
    }
}
