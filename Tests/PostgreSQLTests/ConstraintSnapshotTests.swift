import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Keys, checks, foreign keys and defaults on existing tables.
@Suite struct ConstraintSnapshotTests {
    @Test func primaryKeys() throws {
        try assertSQL(Cases.primaryKeys)
    }

    @Test func uniques() throws {
        try assertSQL(Cases.uniques)
    }

    /// A bit column compared with 1 becomes `= true`.
    @Test func checks() throws {
        try assertSQL(Cases.checks)
    }

    @Test func foreignKeys() throws {
        try assertSQL(Cases.foreignKeys)
    }

    /// Defaults have no name in PostgreSQL: SET / DROP DEFAULT on the column.
    @Test func defaults() throws {
        try assertSQL(Cases.defaults)
    }

    @Test func defaultOfUnknownColumnThrows() {
        let e = renderError([.addDefault(Fixture.refSite, column: "nope", DefaultConstraint(name: "df_x", expression: 1))])
        #expect(e?.message.contains("do not have") == true)
    }

    @Test func uniqueOnPartitionedTableNeedsPartitionColumn() {
        let e = renderError([.addUnique(Fixture.factCycle, Unique("uq_cycle_id", "cycle_id"))])
        #expect(e?.message.contains("partition column 'start_ts'") == true)
    }

    @Test func mismatchedForeignKeyThrows() {
        let fk = ForeignKey(name: "fk_x", columns: ["a", "b"], referencedTable: Fixture.refSite, referencedColumns: ["site_id"])
        #expect(renderError([.addForeignKey(Fixture.refMachine, fk)])?.message.contains("2 columns but references 1") == true)
    }
}
