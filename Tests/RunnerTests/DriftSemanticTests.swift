import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEDSL
import OEEDiff
import Migrations
import PostgreSQL
import SQLServer
import Runner

/// Drift compares expressions by meaning (issue 12): each change of meaning
/// made by hand on the real PostgreSQL is reported once, at its constraint;
/// text the grammar cannot read is "cannot compare", never equal.
@Suite(.serialized) struct DriftSemanticTests {
    func migrated() throws -> (TestDatabase, Database) {
        let db = try #require(try TestDatabase.make())
        _ = try db.runner(DriftTests.canonicalMigrations).migrate()
        let expected = try #require(try MigrationDirectory.load(DriftTests.canonicalMigrations).latest).snapshot()
        return (db, expected)
    }

    /// (table, constraint, new CHECK) — each changes what the constraint accepts.
    static let semanticChanges: [(String, String, String)] = [
        // operator precedence: the change the lossy normalizer missed
        ("ref.reason_code", "ck_reason_code_root_depth", "parent_id IS NULL AND (depth = 0 OR parent_id IS NOT NULL) AND depth > 0"),
        // NOT placement
        ("fact.downtime", "ck_downtime_assigned_with_reason", "NOT (assigned_utc IS NULL) OR reason_code_id IS NOT NULL"),
        // IN list
        ("fact.downtime", "ck_downtime_source", "source IN ('A', 'M')"),
        // NULL handling
        ("fact.downtime", "ck_downtime_end_after_start", "end_ts IS NOT NULL OR end_ts > start_ts"),
        // literal case
        ("sec.user_site", "ck_user_site_role", "role IN ('viewer', 'OPERATOR', 'SUPERVISOR', 'ENGINEER', 'ADMIN')"),
        // literal type: text comparison ('10' < '9') instead of numeric
        ("fact.reject", "ck_reject_qty", "qty::text > '0'"),
    ]

    @Test(.needsPostgres)
    func eachChangeOfMeaningIsReportedOnceAtItsCheck() throws {
        let (db, expected) = try migrated()
        let conn = try db.connect()
        for (table, name, check) in Self.semanticChanges {
            try conn.execute("ALTER TABLE \(table) DROP CONSTRAINT \(name)")
            try conn.execute("ALTER TABLE \(table) ADD CONSTRAINT \(name) CHECK (\(check))")
        }
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        let lines = result.items.map { "\($0.path): \($0.kind)" }
        let wanted = Self.semanticChanges.map { "\($0.0).\($0.1): changed check" }
        #expect(lines.sorted() == wanted.sorted(), "\(result.items)")
        // The repair script rebuilds them, and afterwards nothing differs.
        for batch in try PostgreSQLDialect().render(result.plan).batches { try conn.execute(batch.sql) }
        let after = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        #expect(after.items.isEmpty, "\(after.items)")
    }

    @Test(.needsPostgres)
    func anExpressionTheGrammarCannotReadIsReportedAsCannotCompareWithBothTexts() throws {
        let (db, expected) = try migrated()
        let conn = try db.connect()
        try conn.execute("ALTER TABLE ref.machine_recipe_standard DROP CONSTRAINT ck_machine_recipe_standard_ideal_cycle_time_s")
        try conn.execute("ALTER TABLE ref.machine_recipe_standard ADD CONSTRAINT ck_machine_recipe_standard_ideal_cycle_time_s CHECK (ideal_cycle_time_s > (ARRAY[0, 1])[1])")
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        let item = try #require(result.items.first)
        #expect(result.items.count == 1, "\(result.items)")
        #expect(item.kind == "cannot compare check")
        #expect(item.actual?.contains("(ARRAY[0, 1])[1]") == true, "\(item)")
        #expect(item.expected == "\"ideal_cycle_time_s\" > 0", "\(item)")
    }

    /// Names and literals no hand-written normalizer survives (item 3).
    static func hostileModel(description: String = "'); DROP TABLE x;--\n$$ dollar $$\nGO\nnext line") -> Database {
        let schema = "h'x\"y]z"
        let long = String(repeating: "l", count: 57) + "ä🏭"   // 57 + 2 + 4 = 63 bytes, PostgreSQL's limit
        let atLimit = String(repeating: "n", count: 63)
        let evil = "it's\" [a] b;c.d ä 🏭"
        return Database("plant") {
            Schema(schema, description) {
                Table("t [a];b.c ä🏭", description) {
                    Column("id", .int, description)
                    Column(evil, .int, description).nullable()
                    Column("q\"uote", .varchar(20), description).nullable()
                    Column("a]b", .varchar(20), description).default("df_ab", "a]b 'quoted' \"dq\"")
                    Column(atLimit, .int, description).nullable()
                    Column(long, .int, description).nullable()
                    PrimaryKey("pk 'h\"]", "id")
                    Check("ck it's", col(evil).in([1, 2]) || col(evil).isNull)
                    Check("ck [list]", col("a]b").in(["a]b", "it's", "q\"u", "GO"]))
                    Index("ix \"q\"", on: "a]b").including("q\"uote").filtered(col("q\"uote").isNotNull)
                }
            }
        }
    }

    @Test(.needsPostgres)
    func hostileNamesAndLiteralsRoundTripWithNoDrift() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        let model = Self.hostileModel()
        try TestMigrations.generate(dir, model)
        _ = try db.runner(dir).migrate()
        let result = try CatalogReader(connection: try db.connect(), dialect: PostgreSQLDialect()).drift(expected: model)
        #expect(result.items.isEmpty, "\(result.items.map(\.description).joined(separator: "\n"))")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["OEEDB_TSQL_GATE"] != nil))
    func hostileModelRendersTSQLThatPassesTheGate() throws {
        let python = try #require(ProcessInfo.processInfo.environment["OEEDB_TSQL_GATE"])
        // A description with a line reading GO renders (in a variable built
        // with NCHAR(10)), and no line of the script reads GO but the separators.
        let model = Self.hostileModel()
        let sql = try SQLServerDialect().scriptText(SQLServerDialect().render(Differ.baseline(model)))
        let dir = try TestMigrations.temporaryDirectory()
        try sql.write(to: dir.appendingPathComponent("hostile.sql"), atomically: true, encoding: .utf8)
        let gate = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/tsql-gate.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [gate, dir.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        // Lines a batch splitter takes for a separator (GO, `go 2`, `GO -- x`): only the real ones,
        // one after the SET preamble and one after each batch.
        let separatorLike = try Regex("^[ \\t]*[Gg][Oo]([ \\t]+[0-9]+)?[ \\t]*(--.*)?$")
        let separators = sql.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.wholeMatch(of: separatorLike) != nil }
        #expect(separators.allSatisfy { $0 == "GO" }, "\(separators)")
        #expect(try separators.count == SQLServerDialect().render(Differ.baseline(model)).batches.count + 1, "\(sql)")
        #expect(process.terminationStatus == 0, "\(output)\n\(sql)")
    }
}
