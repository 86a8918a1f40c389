import Foundation
import Testing
import ODBC
import OEEModel
import OEETestSupport
@testable import Seeds

/// PostgreSQL's current rows are read as one JSON text (`json_agg` of text
/// arrays) instead of row by row; every type must read back as the same
/// canonical value either way, and as the value the seed wrote.
@Suite(.serialized) struct SeedReadBackTests {
    static let table = Table(
        name: "all_types",
        columns: [
            Column(name: "id", type: .int),
            Column(name: "ti", type: .tinyint, isNullable: true),
            Column(name: "si", type: .smallint, isNullable: true),
            Column(name: "bi", type: .bigint, isNullable: true),
            Column(name: "b", type: .bit, isNullable: true),
            Column(name: "d", type: .decimal(precision: 9, scale: 4), isNullable: true),
            Column(name: "f", type: .float, isNullable: true),
            Column(name: "r", type: .real, isNullable: true),
            Column(name: "dt", type: .date, isNullable: true),
            Column(name: "tm", type: .time(precision: 3), isNullable: true),
            Column(name: "ts", type: .datetime2(precision: 3), isNullable: true),
            Column(name: "tso", type: .datetimeoffset(precision: 3), isNullable: true),
            Column(name: "c", type: .char(.n(5)), isNullable: true),
            Column(name: "nc", type: .nchar(.n(5)), isNullable: true),
            Column(name: "vc", type: .varchar(.n(20)), isNullable: true),
            Column(name: "nv", type: .nvarchar(.n(40)), isNullable: true),
            Column(name: "vb", type: .varbinary(.n(16)), isNullable: true),
            Column(name: "u", type: .uniqueidentifier, isNullable: true),
            Column(name: "sn", type: .sysname, isNullable: true),
        ],
        primaryKey: PrimaryKey(name: "pk_all_types", columns: [IndexKey("id")]))
    static let model = Database(name: "types", schemas: [Schema(name: "t", tables: [table])])
    static let csv = """
        id,ti,si,bi,b,d,f,r,dt,tm,ts,tso,c,nc,vc,nv,vb,u,sn
        1,255,-32768,-900000000000000000,1,-12.5,0.1,1.5,2025-01-02,08:01:02.5,2025-01-02T08:01:00.001,2025-01-02T03:04:05.123+01:00,ab,é,"",\"a \"\"q\"\" \\ é🚀 , x
        y\",0x00FF,{6F9619FF-8B86-D011-B42D-00C04FC964FF},name
        2,,,,,,,,,,,,,,,,,,
        3,0,0,0,false,0.0001,-1e300,-2.25,1999-12-31,23:59:59.999,1999-12-31 23:59:59.999,1999-12-31T23:00:00Z,abcde,ü🚀,"it's",tab\there,0x,00000000-0000-0000-0000-000000000000,s
        """

    @Test(.needsPostgres)
    func jsonReadBackEqualsRowByRowReadAndTheSeedForEveryType() throws {
        let db = try #require(try SeedTestDatabase.make(model: Self.model))
        let dir = try SeedFixtures.folder(["t.all_types.csv": Self.csv])
        let prepared = try PreparedSeed.load(dir, sets: ["standard"], model: Self.model)
        #expect(prepared.diagnostics.isEmpty, "\(prepared.diagnostics)")
        let seed = try #require(prepared.tables.first)
        let sql = PostgreSQLSeedSQL()
        let loader = SeedLoader(connection: try db.connect(), sql: sql, model: Self.model)
        let first = try loader.load(prepared, prune: false, dryRun: false)
        #expect(first.counts["t.all_types"] == [3, 0, 0, 0, 0])

        let conn = try db.connect()
        let json = try #require(sql.selectRowsJSON(seed.name, seed.table))
        // The JSON form is really what the loader read (not its row-by-row fallback).
        let parsed = try #require(JSONRows.parse(try conn.scalar(json), columns: Self.table.columns.count))
        #expect(parsed.count == 3)
        let viaJSON = try #require(try loader.readState(prepared.tables).rows[seed.name]).rows
        let byRow = try conn.query(sql.selectRows(seed.name, seed.table)).rows.map { row in
            zip(row, Self.table.columns).map { SeedLoader.value($0, $1.type) }
        }
        // The same values either way — but for datetimeoffset: psqlODBC returns
        // timestamptz without its offset, which does not parse as one, so read
        // row by row every such row looked changed on every run.
        let tso = try #require(Self.table.columns.firstIndex { $0.name == "tso" })
        func withoutOffsets(_ rows: [[SeedValue]]) -> [[SeedValue]] { rows.map { var r = $0; r[tso] = .null; return r } }
        #expect(withoutOffsets(viaJSON) == withoutOffsets(byRow))
        #expect(byRow[0][tso] == .text("2025-01-02 02:04:05.123"))
        #expect(viaJSON == seed.rows.map(\.values))
        #expect(viaJSON[0][tso] == .timestampOffset("2025-01-02 02:04:05.123 +00:00"))
        #expect(viaJSON[0][15] == .text("a \"q\" \\ é🚀 , x\ny"))

        // Read back equal: the second run changes and sends nothing.
        let again = SeedLoader(connection: try db.connect(), sql: sql, model: Self.model)
        let second = try again.load(try PreparedSeed.load(dir, sets: ["standard"], model: Self.model), prune: false, dryRun: false)
        #expect(second.counts["t.all_types"] == [0, 0, 3, 0, 0])
        #expect(again.sentStatements.isEmpty)
    }

    @Test(.needsPostgres)
    func anEmptyTableReadsAsNoRows() throws {
        let db = try #require(try SeedTestDatabase.make(model: Self.model))
        let sql = PostgreSQLSeedSQL()
        let json = try #require(sql.selectRowsJSON(QualifiedName("t", "all_types"), Self.table))
        let text = try db.connect().scalar(json)
        #expect(text == nil)
        #expect(JSONRows.parse(text, columns: Self.table.columns.count) == [])
    }

    /// The rows of the tables the files name are read while the files are
    /// validated; one that is not in the database (its file turns out not to
    /// be loaded) must not fail the load: the loader starts over without it.
    @Test(.needsPostgres)
    func aTableReadEarlyThatTheSeedDoesNotLoadDoesNotFailTheLoad() throws {
        let db = try #require(try SeedTestDatabase.make(model: Self.model))
        var ghost = Self.table
        ghost.name = "not_migrated"
        ghost.primaryKey?.name = "pk_not_migrated"
        var model = Self.model
        model.schemas[0].tables.append(ghost)
        let dir = try SeedFixtures.folder(["t.all_types.csv": Self.csv])
        let prepared = try PreparedSeed.load(dir, sets: ["standard"], model: model)
        let loader = SeedLoader(connection: try db.connect(), sql: PostgreSQLSeedSQL(), model: model)
        var planned: SeedPlan?
        let plan = try loader.load(reading: [QualifiedName("t", "not_migrated"), QualifiedName("t", "all_types")], prepared: { prepared },
                                   prune: false, dryRun: false, onPlanned: { planned = $0 })
        #expect(plan.counts["t.all_types"] == [3, 0, 0, 0, 0])
        #expect(planned?.counts == plan.counts)
        #expect(try db.count("t.all_types") == 3)
        // Read early or not, the rows compared are the same: the second run is a no-op.
        let again = SeedLoader(connection: try db.connect(), sql: PostgreSQLSeedSQL(), model: model)
        let second = try again.load(reading: [QualifiedName("t", "all_types")], prepared: { prepared }, prune: false, dryRun: false)
        #expect(second.counts["t.all_types"] == [0, 0, 3, 0, 0])
        #expect(again.sentStatements.isEmpty)
    }

    /// A planned insert is a plain INSERT: a key that exists after all (another
    /// session inserted it) is refused and rolled back, not overwritten.
    @Test(.needsPostgres)
    func aPlannedInsertWhoseKeyExistsIsRefusedNotOverwritten() throws {
        let db = try #require(try SeedTestDatabase.make(model: Self.model))
        let dir = try SeedFixtures.folder(["t.all_types.csv": Self.csv])
        let prepared = try PreparedSeed.load(dir, sets: ["standard"], model: Self.model)
        let plan = prepared.plan(state: SeedDatabaseState(), model: Self.model, prune: false).plan
        let conn = try db.connect()
        try conn.execute("INSERT INTO t.all_types (id, vc) VALUES (2, 'theirs');")
        let statements = PostgreSQLSeedSQL().loadStatements(plan, allRows: false, bulk: true).filter { !$0.rows.isEmpty }
        #expect(statements.count == 1)
        #expect(throws: ODBCError.self) { try conn.execute(statements[0].sql, statements[0].parameters) }
        #expect(try conn.scalar("SELECT vc FROM t.all_types WHERE id = 2") == "theirs")
        #expect(try conn.scalar("SELECT count(*) FROM t.all_types") == "1")
    }
}

/// Which rows go in plain INSERTs and which in upserts, without a database.
struct SeedBulkStatementTests {
    func plan(existing: [[SeedValue]]) throws -> SeedPlan {
        let dir = try SeedFixtures.folder(["t.all_types.csv": SeedReadBackTests.csv])
        let prepared = try PreparedSeed.load(dir, sets: ["standard"], model: SeedReadBackTests.model)
        let columns = SeedReadBackTests.table.columns
        let state = SeedDatabaseState(rows: [QualifiedName("t", "all_types"): ExistingRows(columns: columns, rows: existing)])
        return prepared.plan(state: state, model: SeedReadBackTests.model, prune: false).plan
    }

    @Test func insertsAndUpdatesGoInRunsThatKeepTheSeedOrder() throws {
        // Row 2 exists with other values: insert 1, update 2, insert 3.
        var row2 = [SeedValue](repeating: .null, count: SeedReadBackTests.table.columns.count)
        row2[0] = .int(2)
        row2[14] = .text("old")
        let plan = try plan(existing: [row2])
        #expect(plan.counts["t.all_types"] == [2, 1, 0, 0, 0])
        let sql = PostgreSQLSeedSQL()
        let statements = sql.loadStatements(plan, allRows: false, bulk: true).filter { !$0.rows.isEmpty }
        #expect(statements.map { $0.rows.map(\.line) } == [[2], [4], [5]])
        #expect(statements.map { $0.sql.contains("ON CONFLICT") } == [false, true, false])
        #expect(statements.map(\.expectedRows) == [1, 1, 1])
        #expect(statements.allSatisfy { $0.sql.contains("json_populate_recordset") && $0.parameters.count == 1 })
        // Every row of the script (allRows) may exist: upserts only, literal.
        #expect(sql.loadStatements(plan, allRows: true, bulk: true).filter { !$0.rows.isEmpty }.allSatisfy { $0.sql.contains("ON CONFLICT") })
        #expect(!sql.loadScript(plan).contains("json_populate_recordset"))
    }

    @Test func aFirstLoadIsPlainInsertsOnly() throws {
        let plan = try plan(existing: [])
        let statements = PostgreSQLSeedSQL().loadStatements(plan, allRows: false, bulk: true).filter { !$0.rows.isEmpty }
        #expect(statements.count == 1)
        #expect(statements[0].rows.count == 3)
        #expect(!statements[0].sql.contains("ON CONFLICT"))
        #expect(statements[0].sql.hasPrefix("INSERT INTO \"t\".\"all_types\" AS t ("))
    }

    /// The bound JSON is the same text the string form writes (UTF-8 bytes).
    @Test func theBulkParameterIsTheJSONRowsAsUTF8() throws {
        let plan = try plan(existing: [])
        let seed = try #require(plan.tables.first).seed
        let sql = PostgreSQLSeedSQL()
        let (_, parameters) = try #require(sql.bulkInsert(seed, rows: seed.rows))
        #expect(parameters == [.bytes(Array(sql.jsonRows(seed, seed.rows).utf8))])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(sql.jsonRows(seed, seed.rows).utf8)) as? [[String: Any]])
        #expect(parsed.count == 3)
        #expect(parsed[0]["bi"] as? Int == -900_000_000_000_000_000)
        #expect(parsed[0]["nv"] as? String == "a \"q\" \\ é🚀 , x\ny")
        #expect(parsed[2]["bi"] as? Int == 0)
    }
}
