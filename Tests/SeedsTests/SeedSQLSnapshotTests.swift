import Foundation
import SnapshotTesting
import Testing
import OEEModel
@testable import Seeds

/// The exact load scripts. T-SQL snapshots are `.sql` files of batches
/// separated by `GO`, which the test command's T-SQL gate parses; the
/// PostgreSQL ones are `.pgsql` so the gate leaves them alone.
@Suite struct SeedSQLSnapshotTests {
    static func lines(_ ext: String) -> Snapshotting<String, String> {
        var s = Snapshotting<String, String>.lines
        s.pathExtension = ext
        return s
    }

    /// The plan for an empty database: every row is an insert.
    func freshPlan(_ sets: [String]) throws -> SeedPlan {
        try SeedFixtures.prepared(sets).plan(state: SeedDatabaseState(), model: Models.canonical, prune: false).plan
    }

    @Test func standardSetTSQL() throws {
        assertSnapshot(of: SQLServerSeedSQL().loadScript(try freshPlan(["standard"])), as: Self.lines("sql"), named: "standard")
    }

    @Test func demoSetTSQL() throws {
        assertSnapshot(of: SQLServerSeedSQL().loadScript(try freshPlan(["demo"])), as: Self.lines("sql"), named: "demo")
    }

    @Test func pruneAndReadsTSQL() throws {
        let sql = SQLServerSeedSQL()
        let seed = try SeedFixtures.prepared(["standard", "demo"])
        let reason = try #require(seed.tables.first { $0.name.name == "reason_code" })
        let standard = try #require(seed.tables.first { $0.name.name == "machine_recipe_standard" })
        let statements = sql.delete(reason, keys: [SeedKey([.int(37)]), SeedKey([.int(38)])])
            + sql.delete(standard, keys: [SeedKey([.int(1), .int(1), .timestamp("2023-01-01 00:00:00")])])
            + [sql.selectRows(reason.name, reason.table), sql.selectDistinct(ParentReference(table: QualifiedName("ref", "enterprise"), columns: ["enterprise_id"]))]
        assertSnapshot(of: sql.script(statements), as: Self.lines("sql"), named: "prune-and-reads")
    }

    @Test func standardAndDemoPostgreSQL() throws {
        assertSnapshot(of: PostgreSQLSeedSQL().loadScript(try freshPlan(["standard", "demo"])), as: Self.lines("pgsql"), named: "standard-and-demo")
    }

    @Test func literalsAreEscapedAndTyped() {
        let s = SQLServerSeedSQL(), p = PostgreSQLSeedSQL()
        #expect(s.literal(.text("O'Brien"), .nvarchar(.n(10))) == "N'O''Brien'")
        #expect(s.literal(.text("A"), .char(.n(1))) == "'A'")
        #expect(s.literal(.null, .nvarchar(.n(256))) == "CAST(NULL AS nvarchar(256))")
        #expect(s.literal(.timestamp("2024-01-01 00:00:00"), .datetime2(precision: 0)) == "CAST('2024-01-01T00:00:00' AS datetime2(0))")
        #expect(s.literal(.bool(true), .bit) == "1")
        #expect(s.quote("a]b") == "[a]]b]")
        #expect(p.literal(.text("O'Brien"), .nvarchar(.n(10))) == "'O''Brien'")
        #expect(p.literal(.bool(false), .bit) == "FALSE")
        #expect(p.literal(.null, .int) == "NULL")
        #expect(p.quote("a\"b") == "\"a\"\"b\"")
    }
}
