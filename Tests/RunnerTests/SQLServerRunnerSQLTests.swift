import Foundation
import SnapshotTesting
import Testing
import OEEDSL
import OEEDiff
import SQLServer

/// The exact T-SQL the runner sends to SQL Server. Each snapshot is a `.sql`
/// file that the test command's T-SQL gate parses batch by batch.
@Suite struct SQLServerRunnerSQLTests {
    static var sql: Snapshotting<String, String> {
        var s = Snapshotting<String, String>.lines
        s.pathExtension = "sql"
        return s
    }

    let dialect = SQLServerDialect()

    func batches(_ statements: [String]) -> String {
        statements.map { $0 + "\nGO\n" }.joined()
    }

    @Test func historyTable() {
        assertSnapshot(of: batches(dialect.historyDDL(schema: "oeedb")), as: Self.sql, named: "history-ddl")
    }

    @Test func historyStatements() {
        assertSnapshot(of: batches([dialect.selectHistory(schema: "oeedb"), dialect.deleteHistory(schema: "oeedb").replacingOccurrences(of: "?", with: "@version"),
                                    dialect.insertHistory(schema: "oeedb").replacingOccurrences(of: "?", with: "@p")]),
                       as: Self.sql, named: "history-statements")
    }

    @Test func sessionLockAndTransaction() {
        assertSnapshot(of: batches([dialect.acquireLock(resource: "oeedb.migrate", timeoutMilliseconds: 60_000),
                                    dialect.releaseLock(resource: "oeedb.migrate")] + dialect.transactionPreamble + [dialect.currentUserQuery]),
                       as: Self.sql, named: "lock-and-transaction")
    }

    @Test func catalogReads() {
        let tables = [QualifiedName("fact", "cycle"), QualifiedName("ref", "o'brien")]
        // The post-check's read: the drift queries restricted to the touched tables.
        let queries = dialect.catalogQueries(excluding: ["oeedb"], tables: tables)
        #expect(queries.map(\.name) == dialect.catalogQueries(excluding: ["oeedb"]).map(\.name))
        assertSnapshot(of: batches(queries.map { "-- \($0.name)\n" + $0.sql }), as: Self.sql, named: "catalog-reads-touched-tables")
    }

    @Test func preCheckQueries() throws {
        let fk = ForeignKey("fk_cycle_machine", ["machine_id", "site_id"], references: "ref.machine")
        let checks: [PreCheck] = [
            .noNulls(QualifiedName("fact", "cycle"), column: "end_ts"),
            .tableEmpty(QualifiedName("fact", "cycle"), column: "shift_id"),
            .noDuplicates(QualifiedName("ref", "site"), constraint: "uq_site_code", columns: ["enterprise_id", "code"]),
            .noOrphans(QualifiedName("fact", "cycle"), fk),
            .noViolations(QualifiedName("fact", "cycle"), Check("ck_cycle_qty", col("good_qty") >= 0 && col("end_ts").isNull || col("end_ts") >= col("start_ts"))),
            .valuesFit(QualifiedName("ref", "site"), column: "code", from: .varchar(64), to: .varchar(32)),
        ]
        assertSnapshot(of: batches(try checks.map { "-- \($0.name)\n" + (try dialect.checkQuery($0)) }), as: Self.sql, named: "pre-checks")
    }

    @Test func goSplitterHonoursStringsCommentsAndRepeatCounts() {
        let text = """
            SELECT 'a
            GO
            b' AS x;
            GO
            /* comment
            GO
            */ SELECT c.LOGO FROM t AS c;
            go 3
            -- GO in a line comment
            SELECT [GO
            ];
            GO -- trailing comment
            """
        let batches = dialect.splitBatches(text)
        #expect(batches.count == 3)
        #expect(batches[0].sql == "SELECT 'a\nGO\nb' AS x;")
        #expect(batches[0].line == 1)
        #expect(batches[1].repeatCount == 3)
        #expect(batches[1].line == 5)
        #expect(batches[2].sql.hasPrefix("-- GO in a line comment"))
        #expect(batches[2].line == 9)
    }
}
