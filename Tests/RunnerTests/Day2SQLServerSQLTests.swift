import Foundation
import SnapshotTesting
import Testing
import OEEDSL
import OEEDiff
import Migrations
import SQLServer

/// The T-SQL of day-2 work: the runner's audit, repair and batch-loop
/// statements, the maintenance session, and a generated undo script. Each
/// snapshot is a `.sql` file the T-SQL gate parses batch by batch.
@Suite struct Day2SQLServerSQLTests {
    let dialect = SQLServerDialect()

    func batches(_ statements: [String]) -> String {
        statements.map { $0 + "\nGO\n" }.joined()
    }

    @Test func auditRepairAndBatchStatements() {
        let text = batches([
            dialect.insertAudit(schema: "oeedb").replacingOccurrences(of: "?", with: "@p"),
            dialect.resolveHistory(schema: "oeedb").replacingOccurrences(of: "?", with: "@p"),
            dialect.batchStatement("UPDATE TOP (10000) [fact].[cycle] SET [note] = N'' WHERE [note] IS NULL"),
            dialect.setSessionSetting(SessionSetting(key: "is_global", value: "1")),
            dialect.setSessionSetting(SessionSetting(key: "tenant", value: "o'brien")),
        ])
        assertSnapshot(of: text, as: SQLServerRunnerSQLTests.sql, named: "day2-statements")
    }

    @Test func batchStatementEndsTheUserStatementAndSelectsItsRowCount() {
        let sql = dialect.batchStatement("UPDATE TOP (5) t SET a = 1 WHERE a IS NULL\n")
        #expect(sql == "SET NOCOUNT ON;\nUPDATE TOP (5) t SET a = 1 WHERE a IS NULL;\nSELECT @@ROWCOUNT AS [rows_affected];")
        #expect(dialect.batchStatement("DELETE TOP (5) FROM t;").components(separatedBy: ";;").count == 1)
    }

    @Test func sessionSettingSendsDigitsAsIntAndTextAsNvarchar() {
        #expect(dialect.setSessionSetting(SessionSetting(key: "is_global", value: "1")) == "EXEC sys.sp_set_session_context @key = N'is_global', @value = 1;")
        #expect(dialect.setSessionSetting(SessionSetting(key: "site", value: "A1")) == "EXEC sys.sp_set_session_context @key = N'site', @value = N'A1';")
        #expect(!dialect.transactionPreamble.joined().contains("is_global"))
    }

    static func v1() -> Database {
        Database("plant") {
            Schema("ref", "Master data") {
                Table("site", "A plant") {
                    Column("site_id", .smallint, "Key")
                    Column("code", .varchar(32), "Code")
                    PrimaryKey("pk_site", "site_id")
                }
            }
        }
    }

    static func v2() -> Database {
        var db = v1()
        db.schemas[0].tables[0].columns[1] = Column("site_code", .varchar(16), "Code").renamed(from: "code")
        db.schemas[0].tables[0].columns.append(Column("note", .nvarchar(100), "Note").nullable())
        db.schemas[0].tables.append(Table("line", "A line") {
            Column("line_id", .int, "Key")
            PrimaryKey("pk_line", "line_id")
        })
        return db
    }

    /// The undo script of a version that renames and narrows a column, adds
    /// a column and a table: renamed back, widened, dropped — each drop and
    /// the widening's reverse guarded by a data-loss check.
    @Test func undoScript() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-undo-\(UUID().uuidString)")
        let gen = { MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: self.dialect) }
        _ = try gen().write(try #require(try gen().pending(model: Self.v1(), name: "baseline", allowDestructive: true)))
        let pending = try #require(try gen().pending(model: Self.v2(), name: "rename_code", allowDestructive: true))
        let undo = try #require(pending.undoSQL)
        assertSnapshot(of: undo, as: SQLServerRunnerSQLTests.sql, named: "U0002__rename_code")
        let header = try MigrationHeader.parse(undo, file: "U0002__rename_code.sql")
        #expect(header.version == 2 && header.mode == .on)
        #expect(header.checks.filter { $0.phase == .dataLoss }.map(\.name) == ["no_rows_ref_line", "no_data_ref_site_note"])
        #expect(undo.contains("EXEC sp_rename N'[ref].[site].[site_code]', N'code', N'COLUMN';"))
        #expect(!undo.contains("DROP COLUMN [site_code]"))
    }
}
