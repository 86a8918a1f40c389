import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEDSL
import OEEDiff
import Migrations
import PostgreSQL
import Runner

/// Drift on the real PostgreSQL: the canonical migrations applied, then
/// out-of-band changes, each of which must be detected and named.
@Suite(.serialized) struct DriftTests {
    static var canonicalMigrations: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("migrations/postgres")
    }

    func migrated() throws -> (TestDatabase, Database)? {
        guard let db = try TestDatabase.make() else { return nil }
        let runner = try db.runner(Self.canonicalMigrations)
        _ = try runner.migrate()
        let expected = try #require(try MigrationDirectory.load(Self.canonicalMigrations).latest).snapshot()
        return (db, expected)
    }

    @Test(.needsPostgres)
    func freshlyMigratedDatabaseHasNoDriftAndReadsWithAFixedNumberOfQueries() throws {
        let (db, expected) = try #require(try migrated())
        let reader = CatalogReader(connection: try db.connect(), dialect: PostgreSQLDialect())
        let result = try reader.drift(expected: expected)
        #expect(result.items.isEmpty, "\(result.items)")
        #expect(result.queryCount == PostgreSQLDialect().catalogQueries(excluding: ["oeedb"]).count)
        #expect(result.queryCount == 8)
    }

    @Test(.needsPostgres)
    func queryCountDoesNotGrowWithTableCount() throws {
        let db = try #require(try TestDatabase.make())
        let conn = try db.connect()
        try conn.execute("CREATE SCHEMA s")
        for i in 0..<60 { try conn.execute("CREATE TABLE s.t\(i) (id int PRIMARY KEY, v varchar(10))") }
        let reader = CatalogReader(connection: conn, dialect: PostgreSQLDialect())
        let live = try reader.read(databaseName: "x")
        #expect(live.allTables.count == 60)
        #expect(reader.queryCount == 8)
    }

    @Test(.needsPostgres)
    func everyOutOfBandChangeIsDetectedAndNamed() throws {
        let (db, expected) = try #require(try migrated())
        let conn = try db.connect()
        let changes = [
            "ALTER TABLE ref.site ADD COLUMN rogue integer",                                           // extra column
            "DROP INDEX fact.ix_downtime_unassigned",                                                    // dropped index
            "ALTER TABLE ref.machine ALTER COLUMN microstop_threshold_s SET DEFAULT 60",                 // changed default
            "DROP INDEX fact.ix_downtime_open",                                                          // changed partial-index predicate …
            "CREATE INDEX ix_downtime_open ON fact.downtime (site_id, machine_id) INCLUDE (reason_code_id, loss_bucket_id) WHERE end_ts IS NOT NULL",
            "ALTER TABLE ref.area DROP CONSTRAINT fk_area_site",                                          // missing foreign key
            "ALTER TABLE ref.machine_recipe_standard DROP CONSTRAINT ck_machine_recipe_standard_ideal_cycle_time_s", // altered check …
            "ALTER TABLE ref.machine_recipe_standard ADD CONSTRAINT ck_machine_recipe_standard_ideal_cycle_time_s CHECK (ideal_cycle_time_s >= 0)",
            "CREATE TABLE ref.rogue_table (id integer)",                                                 // extra table
            "ALTER TABLE fact.cycle DISABLE ROW LEVEL SECURITY",                                          // RLS disabled
            "DROP TABLE fact.event_p20261231",                                                            // changed partition bounds
            "COMMENT ON TABLE ref.site IS 'Something else'",                                              // changed comment
        ]
        for sql in changes { try conn.execute(sql) }
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        let lines = result.items.map { "\($0.path): \($0.kind)" }
        let wanted = [
            "ref.site.rogue: extra column",
            "fact.downtime.ix_downtime_unassigned: missing index",
            "ref.machine.microstop_threshold_s: changed default",
            "fact.downtime.ix_downtime_open: changed index",
            "fact.downtime.ix_downtime_open: missing description",   // recreated by hand without its comment
            "ref.area.fk_area_site: missing foreign key",
            "ref.machine_recipe_standard.ck_machine_recipe_standard_ideal_cycle_time_s: changed check",
            "ref.rogue_table: extra table",
            "fact.cycle: missing row-level security predicate of sec.site_policy",
            "pf:fact.event: missing partition boundary",
            "ref.site: changed description",
        ]
        for w in wanted { #expect(lines.contains(w), "missing drift '\(w)' in \(lines)") }
        // Nothing else: drift reports are exact and quiet.
        let unexplained = lines.filter { !wanted.contains($0) }
        #expect(unexplained.isEmpty, "unexpected drift: \(unexplained)")
        let defaultItem = result.items.first { $0.path == "ref.machine.microstop_threshold_s" }
        #expect(defaultItem?.expected == "120" && defaultItem?.actual == "60")
        // The repair SQL renders.
        let sql = try PostgreSQLDialect().scriptText(PostgreSQLDialect().render(result.plan))
        #expect(sql.contains("ALTER TABLE \"ref\".\"site\" DROP COLUMN \"rogue\""))
    }

    @Test(.needsPostgres)
    func ignorePatternsSilenceMatchingPaths() throws {
        let (db, expected) = try #require(try migrated())
        let conn = try db.connect()
        try conn.execute("ALTER TABLE ref.site ADD COLUMN rogue integer")
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected, ignore: ["ref.site.*"])
        #expect(result.items.isEmpty)
        #expect(Glob.matches("fact.*.ix_?", "fact.cycle.ix_a"))
        #expect(!Glob.matches("fact.*", "ref.site"))
    }
}

/// Drift defects found on the real PostgreSQL (issue 11, item 7).
@Suite(.serialized) struct DriftRepairTests {
    func migrated() throws -> (TestDatabase, Database) {
        let db = try #require(try TestDatabase.make())
        _ = try db.runner(DriftTests.canonicalMigrations).migrate()
        let expected = try #require(try MigrationDirectory.load(DriftTests.canonicalMigrations).latest).snapshot()
        return (db, expected)
    }

    @Test(.needsPostgres)
    func ignoredObjectsNeverAppearInTheRepairScript() throws {
        let (db, expected) = try migrated()
        let conn = try db.connect()
        try conn.execute("ALTER TABLE ref.site ADD COLUMN rogue integer")   // ignored
        try conn.execute("CREATE TABLE ref.rogue_table (id integer)")       // reported
        try conn.execute("CREATE INDEX ix_site_rogue ON ref.site (rogue)")  // ignored too (ref.site.*)
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected, ignore: ["ref.site.*"])
        #expect(result.items.map { "\($0.path): \($0.kind)" } == ["ref.rogue_table: extra table"])
        let sql = try PostgreSQLDialect().scriptText(PostgreSQLDialect().render(result.plan))
        #expect(sql.contains("DROP TABLE \"ref\".\"rogue_table\""), "\(sql)")
        #expect(!sql.contains("rogue\""), "the repair script touches an ignored object:\n\(sql)")
        #expect(!sql.contains("ix_site_rogue"), "the repair script touches an ignored object:\n\(sql)")
        // Without the ignore, the same changes are all repaired.
        let all = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        let full = try PostgreSQLDialect().scriptText(PostgreSQLDialect().render(all.plan))
        #expect(full.contains("DROP COLUMN \"rogue\""), "\(full)")
    }

    @Test(.needsPostgres)
    func aWidenedKeyColumnIsReportedOnceAtTheColumn() throws {
        let (db, expected) = try migrated()
        let conn = try db.connect()
        try conn.execute("ALTER TABLE ref.loss_bucket ALTER COLUMN code TYPE varchar(40)")
        let result = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        #expect(result.items.map { "\($0.path): \($0.kind)" } == ["ref.loss_bucket.code: changed column"], "\(result.items)")
        let item = try #require(result.items.first)
        #expect(item.expected == "varchar(32) NOT NULL" && item.actual == "varchar(40) NOT NULL", "\(item)")
        // The repair still brings the column back (and any constraint it must rebuild).
        let script = try PostgreSQLDialect().render(result.plan)
        #expect(PostgreSQLDialect().scriptText(script).contains("\"code\""))
        for batch in script.batches { try conn.execute(batch.sql) }
        let after = try CatalogReader(connection: conn, dialect: PostgreSQLDialect()).drift(expected: expected)
        #expect(after.items.isEmpty, "\(after.items)")
    }
}
