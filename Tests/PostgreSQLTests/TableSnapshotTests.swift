import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// CREATE / DROP / RENAME TABLE and schemas.
@Suite struct TableSnapshotTests {
    @Test func schemas() throws {
        try assertSQL(Cases.schemas)
    }

    /// Identity, named defaults as column DEFAULTs (bit → true), sysutcdatetime,
    /// (max) → text, PRIMARY KEY / UNIQUE / CHECK inline, CLUSTERED omitted.
    @Test func createTable() throws {
        try assertSQL(Cases.createTable)
    }

    /// A table on a partition scheme: PARTITION BY RANGE plus one child per
    /// range; DESC in the primary key and DATA_COMPRESSION omitted; a computed
    /// column is a STORED generated column; ISJSON creates its helper first.
    @Test func createPartitionedTable() throws {
        try assertSQL(Cases.createPartitionedTable)
    }

    @Test func dropTable() throws {
        try assertSQL(Cases.dropTable)
    }

    @Test func renameTable() throws {
        try assertSQL(Cases.renameTable)
    }

    /// A partitioned table's children are named after it, so they follow it.
    @Test func renamePartitionedTable() throws {
        try assertSQL(Cases.renamePartitionedTable)
    }

    @Test func tableWithoutColumnsThrows() {
        let e = renderError([.createTable(QualifiedName("ref", "empty"), Table(name: "empty"))])
        #expect(e?.path == "ref.empty")
        #expect(e?.message.contains("no columns") == true)
    }

    @Test func partitionedTableMustKeyOnPartitionColumn() {
        var t = Fixture.cycle
        t.primaryKey = PrimaryKey("pk_cycle", "machine_id", "cycle_id")
        let e = renderError([.createTable(Fixture.factCycle, t)])
        #expect(e?.message.contains("partition column 'start_ts'") == true)
    }

    @Test func nullableIdentityThrows() {
        let t = Table("t") { Column("id", .int).identity().nullable() }
        #expect(renderError([.createTable(QualifiedName("ref", "t"), t)])?.message.contains("cannot be nullable") == true)
    }

    @Test func decimalIdentityThrows() {
        let t = Table("t") { Column("id", .decimal(precision: 10, scale: 0)).identity() }
        #expect(renderError([.createTable(QualifiedName("ref", "t"), t)])?.message.contains("smallint, int or bigint") == true)
    }

    @Test func nonImmutableComputedColumnThrows() {
        let t = Table("t") { Column("at", .datetime2(precision: 3)).computed(.sysUTCDateTime) }
        let e = renderError([.createTable(QualifiedName("ref", "t"), t)])
        #expect(e?.message.contains("not IMMUTABLE") == true)
    }
}
