import Foundation
import Testing
@testable import ODBC
import OEETestSupport

/// Block fetch (bound columns, many rows per `SQLFetch`) must return exactly
/// what one `SQLGetData` per value returned: NULLs, empty strings, Unicode
/// beyond the BMP, values longer than the bound width (read again whole),
/// and result sets spanning many blocks. Each test checks the rows against
/// values computed here, under every strategy the driver allows.
@Suite(.serialized) struct BlockFetchTests {
    /// Rows of the fixture: id, maybe-NULL, maybe-empty Unicode, sometimes
    /// long, and text of 254…257 UTF-16 units around the 256-unit width.
    static let rowCount = 2_500

    static func expected(_ g: Int) -> [String?] {
        [String(g),
         g % 5 == 0 ? nil : "r\(g)",
         g % 7 == 0 ? "" : "ü世🚀\(g)",
         g % 400 == 3 ? String(repeating: "Ωx", count: 150 + g) : "short",
         String(repeating: "a", count: 254 + g % 4),
         g % 3 == 0 ? nil : String(repeating: "🚀", count: 126 + g % 3)]
    }

    static var expectedRows: [[String?]] { (1...rowCount).map(expected) }

    static let postgresQuery = """
        SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE 'r' || g END,
               CASE WHEN g % 7 = 0 THEN '' ELSE 'ü世🚀' || g END,
               CASE WHEN g % 400 = 3 THEN repeat('Ωx', 150 + g) ELSE 'short' END,
               repeat('a', 254 + g % 4),
               CASE WHEN g % 3 = 0 THEN NULL ELSE repeat('🚀', 126 + g % 3) END
        FROM generate_series(1, \(rowCount)) AS g ORDER BY g
        """

    static func postgres(driver: String) throws -> ODBCConnection {
        let (url, password) = try #require(LivePostgres.credentials)
        let spec = try ConnectionSpec.resolve(url, password: password, driver: driver)
        return try ODBCConnector.connect(spec, environment: TestEngines.environment)
    }

    static let strategies: [ODBCConnection.FetchStrategy] = [.block(rows: 1024), .block(rows: 7), .block(rows: 1), .boundRow, .getData]

    @Test(.needsPostgres, arguments: ["PostgreSQL Unicode", "PostgreSQL ANSI"])
    func postgresBlocksReadEveryValueAsGetDataDid(driver: String) throws {
        let conn = try Self.postgres(driver: driver)
        #expect(conn.fetchStrategy == .block(rows: 1024))
        #expect(conn.textMode == (driver.contains("ANSI") ? .utf8 : .wide))
        for strategy in Self.strategies {
            conn.fetchStrategy = strategy
            let result = try conn.query(Self.postgresQuery)
            #expect(result.columns.count == 6, "\(strategy)")
            #expect(result.rows.count == Self.rowCount, "\(strategy)")
            let mismatch = zip(result.rows, Self.expectedRows).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(mismatch == nil, "\(strategy): first differing row \(mismatch.map { $0.offset + 1 } ?? 0)")
        }
    }

    @Test(.needsPostgres)
    func postgresBatchesPreparedStatementsAndLaterQueriesStillRead() throws {
        let conn = try Self.postgres(driver: "PostgreSQL Unicode")
        conn.fetchStrategy = .block(rows: 3)
        // Two result sets of different widths on one handle, then a row count.
        let batch = try conn.execute("SELECT g, repeat('z', g * 100) FROM generate_series(1, 5) AS g ORDER BY g; SELECT 'x', NULL::text, ''; CREATE TEMP TABLE bf (v text)")
        #expect(batch.resultSets.count == 2)
        #expect(batch.resultSets[0].rows == (1...5).map { [String($0), String(repeating: "z", count: $0 * 100)] })
        #expect(batch.resultSets[1].rows == [["x", nil, ""]])
        // The handle is reused after the bound buffers are gone: unbound and back to one row.
        conn.fetchStrategy = .getData
        #expect(try conn.query("SELECT g FROM generate_series(1, 4) AS g").rows == [["1"], ["2"], ["3"], ["4"]])
        conn.fetchStrategy = .block(rows: 2)
        let prepared = try conn.prepare("SELECT g::text || ?, NULL FROM generate_series(1, 5) AS g ORDER BY g")
        #expect(try prepared.execute([.text("ü")]).resultSets.first?.rows == (1...5).map { ["\($0)ü", nil] })
        #expect(try prepared.execute([.text("")]).resultSets.first?.rows == (1...5).map { ["\($0)", nil] })
        #expect(try conn.query("SELECT 1 WHERE false").rows.isEmpty)
    }

    @Test(.needsPostgres)
    func postgresFetchErrorsStillSurface() throws {
        let conn = try Self.postgres(driver: "PostgreSQL Unicode")
        #expect(throws: ODBCError.self) { try conn.query("SELECT 1 / (g - 3) FROM generate_series(1, 5) AS g") }
        #expect(try conn.scalar("SELECT 'after'") == "after")
    }

    static let sqliteQuery = """
        WITH RECURSIVE s(g) AS (SELECT 1 UNION ALL SELECT g + 1 FROM s WHERE g < \(rowCount))
        SELECT g, CASE WHEN g % 5 = 0 THEN NULL ELSE 'r' || g END,
               CASE WHEN g % 7 = 0 THEN '' ELSE 'ü世🚀' || g END,
               CASE WHEN g % 400 = 3 THEN replace(hex(zeroblob(150 + g)), '00', 'Ωx') ELSE 'short' END,
               replace(hex(zeroblob(254 + g % 4)), '00', 'a'),
               CASE WHEN g % 3 = 0 THEN NULL ELSE replace(hex(zeroblob(126 + g % 3)), '00', '🚀') END
        FROM s ORDER BY g
        """

    @Test func sqliteBoundRowsReadEveryValueAsGetDataDid() throws {
        let conn = try TestEngines.sqlite()
        #expect(conn.fetchStrategy == .boundRow)
        for strategy in [ODBCConnection.FetchStrategy.boundRow, .getData] {
            conn.fetchStrategy = strategy
            let result = try conn.query(Self.sqliteQuery)
            #expect(result.rows.count == Self.rowCount, "\(strategy)")
            let mismatch = zip(result.rows, Self.expectedRows).enumerated().first { $0.element.0 != $0.element.1 }
            #expect(mismatch == nil, "\(strategy): first differing row \(mismatch.map { $0.offset + 1 } ?? 0)")
        }
    }

    @Test func sqliteTablesRoundTripThroughBoundColumns() throws {
        let conn = try TestEngines.sqlite()
        try conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name VARCHAR(10), note TEXT)")
        let insert = try conn.prepare("INSERT INTO t VALUES (?, ?, ?)")
        let notes = ["", "Ωmega", String(repeating: "long·", count: 2_000), "x"]
        for (i, note) in notes.enumerated() { try insert.execute([.int(Int64(i)), i == 2 ? .null(.text) : .text("n\(i)ü"), .text(note)]) }
        let rows = try conn.query("SELECT id, name, note FROM t ORDER BY id").rows
        #expect(rows == notes.enumerated().map { i, note in [String(i), i == 2 ? nil : "n\(i)ü", note] })
    }

    @Test func strategyFollowsTheDriversExtensions() {
        #expect(ODBCConnection.strategy(driver: "psqlodbcw.so", bound: true, block: true) == .block(rows: 1024))
        #expect(ODBCConnection.strategy(driver: "psqlodbca.so", bound: true, block: false) == .getData)
        #expect(ODBCConnection.strategy(driver: "libsqliteodbc.so", bound: true, block: false) == .boundRow)
        #expect(ODBCConnection.strategy(driver: "libsqliteodbc.so", bound: false, block: false) == .getData)
        #expect(ODBCConnection.strategy(driver: "libtdsodbc.so", bound: true, block: true) == .getData)
    }
}
