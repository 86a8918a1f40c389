import Foundation
import Testing
import ODBC
import OEEModel
import OEETestSupport
@testable import Seeds

/// The PostgreSQL loader sends rows as one JSON parameter per 5,000 rows
/// (`json_populate_recordset`) instead of literal VALUES; what it stores must
/// be exactly what the literal script stores, hostile text included.
@Suite(.serialized) struct SeedBulkLoadTests {
    func freshPlan(_ sets: [String], in dir: SeedDirectory = SeedFixtures.seeds) throws -> SeedPlan {
        try SeedFixtures.prepared(sets, in: dir).plan(state: SeedDatabaseState(), model: Models.canonical, prune: false).plan
    }

    /// Every seeded table's rows as text, ordered by primary key.
    func dump(_ conn: ODBCConnection, _ plan: SeedPlan) throws -> [String: [[String?]]] {
        var out: [String: [[String?]]] = [:]
        for t in plan.tables {
            out[t.name.description] = try conn.query(PostgreSQLSeedSQL().selectRows(t.name, t.seed.table)).rows
        }
        return out
    }

    static let hostile = "\"Setup \"\"and\"\" C:\\path\\n 'x' \\u0041 ü🚀 {a,b} NULL\""
    static let hostileStored = "Setup \"and\" C:\\path\\n 'x' \\u0041 ü🚀 {a,b} NULL"

    @Test(.needsPostgres)
    func bulkLoadStoresWhatTheLiteralScriptStores() throws {
        let dir = try SeedFixtures.copy()
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "Setup and changeover", with: Self.hostile)
        let bulk = try #require(try SeedTestDatabase.make())
        let literal = try #require(try SeedTestDatabase.make())
        let loader = try bulk.loader()
        _ = try loader.load(try SeedFixtures.prepared(["standard", "demo"], in: dir), prune: false, dryRun: false)
        let upserts = loader.sentStatements.filter { !$0.rows.isEmpty }
        #expect(!upserts.isEmpty)
        #expect(upserts.allSatisfy { $0.sql.contains("json_populate_recordset") && $0.parameters.count == 1 })

        let plan = try freshPlan(["standard", "demo"], in: dir)
        let conn = try literal.connect()
        for statement in PostgreSQLSeedSQL().loadStatements(plan) {
            #expect(statement.parameters.isEmpty)
            try conn.execute(statement.sql)
        }
        let bulkRows = try dump(try bulk.connect(), plan)
        #expect(bulkRows == (try dump(conn, plan)))
        let stored: Int = bulkRows.values.map(\.count).reduce(0, +)
        let seeded: Int = plan.tables.map(\.seed.rows.count).reduce(0, +)
        #expect(stored == seeded)
        #expect(try bulk.connect().scalar("SELECT name FROM ref.loss_bucket WHERE loss_bucket_id = 4") == Self.hostileStored)

        // Read back, every row compares equal: the second run sends nothing.
        let again = try bulk.loader()
        let second = try again.load(try SeedFixtures.prepared(["standard", "demo"], in: dir), prune: false, dryRun: false)
        #expect(again.sentStatements.isEmpty)
        #expect(second.tables.allSatisfy { $0.inserts.isEmpty && $0.updates.isEmpty })
    }

    @Test(.needsPostgres)
    func bulkUpdatesOnlyTheChangedRowsAndChecksTheirCount() throws {
        let db = try #require(try SeedTestDatabase.make())
        _ = try db.seed(["standard"])
        let dir = try SeedFixtures.copy()
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "Setup and changeover", with: "Setup; 'changeover'")
        let loader = try db.loader()
        let plan = try loader.load(try SeedFixtures.prepared(in: dir), prune: false, dryRun: false)
        #expect(plan.table("ref.loss_bucket")?.updates.count == 1)
        #expect(loader.sentStatements.map(\.rows.count) == [1])
        #expect(loader.sentStatements.first?.parameters.count == 1)
        #expect(try db.connect().scalar("SELECT name FROM ref.loss_bucket WHERE loss_bucket_id = 4") == "Setup; 'changeover'")
    }

    @Test func bulkStatementsCarry5000RowsAndTheScriptStaysLiteral() throws {
        let plan = try freshPlan(["standard", "demo"])
        let sql = PostgreSQLSeedSQL()
        let table = try #require(plan.tables.first { $0.name.description == "ref.loss_bucket" })
        var big = table
        big.seed.rows = Array(repeating: table.seed.rows, count: 12_000 / table.seed.rows.count + 1).flatMap { $0 }
        var bigPlan = plan
        bigPlan.tables = [big]
        let rows = big.seed.rows.count
        let bulk = sql.loadStatements(bigPlan, allRows: true, bulk: true).filter { !$0.rows.isEmpty }
        #expect(bulk.map(\.rows.count) == [5_000, 5_000, rows - 10_000])
        #expect(sql.loadStatements(bigPlan, allRows: true).filter { !$0.rows.isEmpty }.map(\.rows.count).max() == 500)
        #expect(sql.loadScript(plan) == sql.script(sql.loadStatements(plan).map(\.sql)))
        #expect(!sql.loadScript(plan).contains("json_populate_recordset"))
        // SQL Server has no bulk path: its load is the MERGE script's statements.
        let tsql = SQLServerSeedSQL()
        #expect(tsql.loadStatements(plan, bulk: true) == tsql.loadStatements(plan))
    }

    @Test func jsonRowsEscapeTextAndKeepValuesAsLiteralText() throws {
        let plan = try freshPlan(["standard"])
        let table = try #require(plan.tables.first { $0.name.description == "ref.loss_bucket" })
        var seed = table.seed
        seed.rows = [seed.rows[0]]
        let count = seed.columns.count
        let values: [SeedValue] = [.int(7), .text("a\"b\\c\nd\u{1}é🚀"), .null, .decimal("12.3400"), .bool(true),
                                   .timestampOffset("2025-01-02 03:04:05 +01:00"), .bytes("00ff")]
        seed.rows[0].values = Array(values.prefix(count)) + Array(repeating: SeedValue.null, count: max(0, count - values.count))
        let json = PostgreSQLSeedSQL().jsonRows(seed, seed.rows)
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        let row = parsed[0]
        let names = seed.columnNames
        #expect(row[names[0]] as? Int == 7)
        #expect(row[names[1]] as? String == "a\"b\\c\nd\u{1}é🚀")
        #expect(row[names[2]] is NSNull)
        if count > 3 { #expect(row[names[3]] as? String == "12.3400") }
        if count > 4 { #expect(row[names[4]] as? Bool == true) }
        if count > 5 { #expect(row[names[5]] as? String == "2025-01-02 03:04:05+01:00") }
        if count > 6 { #expect(row[names[6]] as? String == "\\x00ff") }
        #expect(JSONText.string("q\"\u{1f}") == "\"q\\\"\\u001f\"")
    }
}
