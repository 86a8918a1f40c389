import Foundation
import Testing
import ODBC
import OEETestSupport

@Suite(.serialized) struct PostgresODBCTests {
    @Test(.needsPostgres)
    func connectsAndReportsTheServer() throws {
        let conn = try #require(try TestEngines.postgres())
        let info = conn.serverInfo
        #expect(info.product == "PostgreSQL")
        #expect(info.driver.contains("psqlodbcw"))
        #expect(try conn.scalar("SELECT 40 + 2") == "42")
    }

    @Test(.needsPostgres)
    func roundTripsEveryParameterType() throws {
        let conn = try #require(try TestEngines.postgres())
        try conn.execute("CREATE TEMP TABLE rt (t varchar(50), n numeric(12,4), ts timestamp(3), d date, b boolean, i bigint, f double precision, bin bytea, nul int)")
        let insert = try conn.prepare("INSERT INTO rt VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        try insert.execute([.text("aü世🚀"), .decimal("12345.6789"), .timestamp("2026-11-27 10:11:12.345"), .date("2026-02-28"),
                            .bool(true), .int(9_007_199_254_740_993), .double(0.25), .bytes([0, 1, 254, 255]), .null(.bigint)])
        try insert.execute([.null(.text), .null(.decimal), .null(.timestamp), .null(.date), .null(.bit), .null(.bigint), .null(.double), .null(.binary), .null(.bigint)])
        let rows = try conn.query("SELECT t, n, ts, d, b, i, f, encode(bin, 'hex'), nul FROM rt ORDER BY t NULLS LAST").rows
        #expect(rows.count == 2)
        #expect(rows[0] == ["aü世🚀", "12345.6789", "2026-11-27 10:11:12.345", "2026-02-28", "1", "9007199254740993", "0.25", "0001feff", nil])
        #expect(rows[1].allSatisfy { $0 == nil })
    }

    @Test(.needsPostgres)
    func readsLongValuesInPieces() throws {
        let conn = try #require(try TestEngines.postgres())
        let long = String(repeating: "Ωx", count: 60_000)
        #expect(try conn.scalar("SELECT ?::text", [.text(long)]) == long)
    }

    @Test(.needsPostgres)
    func errorsOfLaterStatementsInABatchSurface() throws {
        let conn = try #require(try TestEngines.postgres())
        #expect(throws: ODBCError.self) { try conn.execute("SELECT 1; SELECT 1/0; SELECT 2") }
        do { try conn.execute("SELECT 1; SELECT * FROM no_such_table") } catch let e as ODBCError {
            #expect(e.sqlState == "42P01")
            #expect(e.description.contains("no_such_table"))
        }
    }

    @Test(.needsPostgres)
    func preparedStatementOfAClosedConnectionThrowsInsteadOfCrashing() throws {
        let conn = try #require(try TestEngines.postgres())
        let statement = try conn.prepare("SELECT ?::int")
        #expect(try statement.execute([.int(1)]).resultSets.first?.rows == [["1"]])
        conn.close()
        #expect(throws: ODBCError.self) { try statement.execute([.int(2)]) }
    }

    @Test(.needsPostgres)
    func droppedConnectionsCloseTheirServerSessions() throws {
        for _ in 0..<60 {
            let conn = try #require(try TestEngines.postgres())
            try conn.execute("SELECT 1")
        }
        let probe = try #require(try TestEngines.postgres())
        let sessions = Int(try probe.scalar("SELECT count(*) FROM pg_stat_activity WHERE usename = current_user") ?? "0") ?? 0
        #expect(sessions < 30, "\(sessions) sessions still open: connections leak")
    }

    @Test(.needsPostgres)
    func transactionRollsBackOnAnyThrownError() throws {
        let conn = try #require(try TestEngines.postgres())
        try conn.execute("CREATE TEMP TABLE tx (v int)")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try conn.withTransaction { c in
                try c.execute("INSERT INTO tx VALUES (1)")
                throw Boom()
            }
        }
        #expect(try conn.scalar("SELECT count(*) FROM tx") == "0")
        try conn.withTransaction { try $0.execute("INSERT INTO tx VALUES (2)") }
        #expect(try conn.scalar("SELECT count(*) FROM tx") == "1")
        #expect(conn.autocommit)
    }

    @Test(.needsPostgres)
    func loginFailureAndMissingDatabaseAreClassified() throws {
        var spec = try #require(TestEngines.postgresSpec)
        let wrong = try ConnectionSpec.resolve(spec.summary, password: "wrong-pw-Zq9")
        do {
            _ = try ODBCConnector.connect(wrong, environment: TestEngines.environment)
            Issue.record("expected a login failure")
        } catch let e as ConnectionError {
            #expect(e.kind == .loginFailed)
            #expect(!e.description.contains("wrong-pw-Zq9"))
        }
        let base = spec.summary
        spec = try ConnectionSpec.resolve(String(base[..<base.lastIndex(of: "/")!]) + "/no_such_db",
                                          password: String(spec.odbcString.split(separator: "{")[1].split(separator: "}")[0]))
        do {
            _ = try ODBCConnector.connect(spec, environment: TestEngines.environment)
            Issue.record("expected a missing database")
        } catch let e as ConnectionError {
            #expect(e.kind == .databaseMissing, "\(e)")
        }
    }
}

@Suite struct SQLiteODBCTests {
    @Test func roundTripsThroughTheANSIDriver() throws {
        let conn = try TestEngines.sqlite()
        #expect(conn.textMode == .utf8)
        try conn.execute("CREATE TABLE rt (t TEXT, n DECIMAL(12,4), ts TIMESTAMP, nul INTEGER)")
        try conn.execute("INSERT INTO rt VALUES (?, ?, ?, ?)", [.text("aü世🚀"), .decimal("12.5"), .timestamp("2026-11-27 10:11:12.345"), .null(.bigint)])
        let row = try conn.query("SELECT t, n, ts, nul FROM rt").rows[0]
        #expect(row[0] == "aü世🚀")
        #expect(row[1] == "12.5")
        #expect(row[2]?.hasPrefix("2026-11-27 10:11:12.345") == true)
        #expect(row[3] == nil)
    }
}

@Suite struct ConnectionFailureTests {
    /// A loopback port with nothing listening.
    func closedPort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        addr.sin_port = 0
        var len = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) } }
        close(fd)
        return Int(UInt16(bigEndian: addr.sin_port))
    }

    @Test func freeTDSAgainstAClosedPortSaysUnreachable() throws {
        let port = try closedPort()
        let spec = try ConnectionSpec.resolve("sqlserver://sa@127.0.0.1:\(port)/master", password: "Sup3r-Secret!")
        let start = Date()
        do {
            _ = try ODBCConnector.connect(spec, environment: TestEngines.environment, loginTimeout: 5)
            Issue.record("expected a failure")
        } catch let e as ConnectionError {
            #expect(e.kind == .unreachable)
            #expect(e.records.contains { $0.sqlState == "08S01" || $0.sqlState == "08001" })
            #expect(e.message.contains("127.0.0.1:\(port)"))
            #expect(!e.description.contains("Sup3r-Secret!"))
        }
        #expect(Date().timeIntervalSince(start) < 10)
    }

    @Test func missingDriverIsNamed() throws {
        let spec = try ConnectionSpec.resolve("Driver={No Such Driver 9};Server=x", password: "pw-abc")
        do {
            _ = try ODBCConnector.connect(spec, environment: TestEngines.environment)
            Issue.record("expected a failure")
        } catch let e as ConnectionError {
            #expect(e.kind == .driverMissing)
            #expect(e.message.contains("No Such Driver 9"))
            #expect(e.message.contains("PostgreSQL Unicode"))
            #expect(!e.description.contains("pw-abc"))
        }
    }
}
