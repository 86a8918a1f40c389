import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// ADD / DROP / ALTER / RENAME COLUMN.
@Suite struct ColumnSnapshotTests {
    @Test func addColumn() throws {
        try assertSQL(Cases.addColumn)
    }

    @Test func dropColumn() throws {
        try assertSQL(Cases.dropColumn)
    }

    /// Type change with USING, nullability change, both; a change that maps to
    /// the same PostgreSQL type leaves only a remark; conversions to and from
    /// boolean go through integer, timestamps through UTC.
    @Test func alterColumn() throws {
        try assertSQL(Cases.alterColumn)
    }

    @Test func narrowingRefused() throws {
        try assertSQL(Cases.narrowingRefused)
    }

    @Test func renameColumn() throws {
        try assertSQL(Cases.renameColumn)
    }

    @Test func alterIdentityOrComputedThrows() {
        let id = renderError([.alterColumn(Fixture.refSite, from: Column("site_id", .smallint).identity(), to: Column("site_id", .smallint))])
        #expect(id?.message.contains("removes IDENTITY") == true)
        let computed = renderError([.alterColumn(Fixture.factCycle, from: Column("total_qty", .int).computed(col("good_qty")), to: Column("total_qty", .int))])
        #expect(computed?.message.contains("computed") == true)
        let renamed = renderError([.alterColumn(Fixture.refSite, from: Column("a", .int), to: Column("b", .int))])
        #expect(renamed?.message.contains("renameColumn") == true)
    }

    @Test func unconvertibleTypeChangeThrows() {
        let e = renderError([.alterColumn(Fixture.refSite, from: Column("notes", .uniqueidentifier), to: Column("notes", .int))])
        #expect(e?.message.contains("cannot convert in place") == true)
    }

    @Test func alterPartitionColumnTypeThrows() {
        let e = renderError([.alterColumn(Fixture.factCycle, from: Column("start_ts", .datetime2(precision: 3)), to: Column("start_ts", .datetime2(precision: 0)))])
        #expect(e?.message.contains("partition key") == true)
    }
}
