import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Whole scripts: the fixture's baseline and its later migrations (the files
/// `LiveDatabaseTests` runs on PostgreSQL).
@Suite struct DeploymentSnapshotTests {
    @Test func baseline() throws {
        let dialect = PostgreSQLDialect()
        assertScript(dialect.scriptText(try dialect.render(try Differ.baseline(LiveScenario.v1))), named: "baseline")
    }

    @Test func differPlannedMigration() throws {
        let dialect = PostgreSQLDialect()
        let plan = try Differ.plan(from: LiveScenario.v1, to: LiveScenario.v2)
        assertScript(dialect.scriptText(try dialect.render(plan)), named: "v2")
    }

    @Test func handBuiltMigration() throws {
        let dialect = PostgreSQLDialect()
        assertScript(dialect.scriptText(try dialect.render(LiveScenario.v3Plan)), named: "v3")
    }

    /// The helper comes once, before the first object using ISJSON.
    @Test func isjsonHelperOncePerMigration() throws {
        let text = try script([
            .createSchema("x"),
            .addCheck(Fixture.refSite, Check("ck_a", Expression.fn("ISJSON", col("notes")).equals(1))),
            .addCheck(Fixture.refSite, Check("ck_b", Expression.fn("ISJSON", col("notes")).equals(1))),
        ])
        #expect(text.components(separatedBy: "CREATE OR REPLACE FUNCTION oeedb.isjson").count == 2)
        #expect(text.range(of: "oeedb.isjson(value text)")!.lowerBound < text.range(of: "ck_a")!.lowerBound)
        #expect(text.range(of: "CREATE SCHEMA \"x\"")!.lowerBound < text.range(of: "oeedb.isjson(value text)")!.lowerBound)
    }
}
