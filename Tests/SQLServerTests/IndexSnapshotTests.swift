import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Rowstore and columnstore indexes and their changes.
@Suite struct IndexSnapshotTests {
    /// Filtered, INCLUDE, compressed index on a partitioned table: `.table`
    /// placement becomes an explicit `ON [ps_day]([start_ts])`.
    @Test func createFilteredIndexOnPartitionedTable() throws {
        try assertSQL([.createIndex(Fixture.factCycle, Fixture.cycle.indexes[0])], named: "create-index-filtered")
    }

    /// DESC key and INCLUDE on a table that is not partitioned: no ON clause.
    @Test func createIndexOnPlainTable() throws {
        try assertSQL([.createIndex(Fixture.refMachine, Fixture.machine.indexes[0])], named: "create-index-plain")
    }

    @Test func createIndexPlacements() throws {
        try assertSQL([
            .createIndex(Fixture.factCycle, Index("ix_cycle_machine_end", on: "machine_id", .desc("end_ts"), unique: true)
                .placed(onFilegroup: "PRIMARY").allowingUnaligned()),
            .createIndex(Fixture.factCycle, Index("ix_cycle_site_start", on: "site_id", "start_ts")
                .placed(onScheme: "ps_day", column: "start_ts").compressed(.row)),
            .createIndex(Fixture.refSite, Index("cx_site_code", on: "code", unique: true, clustered: true).compressed(.none)),
        ], named: "create-index-placements")
    }

    /// A filter written `constant op column` is flipped to `column op constant`.
    @Test func createIndexFilterShapes() throws {
        try assertSQL([
            .createIndex(Fixture.factCycle, Index("ix_cycle_recent", on: "machine_id")
                .filtered(Expression.literal(.string("2026-01-01", unicode: false)).cast(as: .datetime2(precision: 3)) <= col("start_ts")
                    && col("good_qty").notEquals(0) && col("payload_json").isNotNull && col("site_id").in([1, 2, 3]))),
        ], named: "create-index-filter-shapes")
    }

    @Test func createColumnstoreIndexes() throws {
        try assertSQL([
            .createIndex(Fixture.factSample, Fixture.sample.indexes[0]),
            .createIndex(Fixture.factCycle, Index.nonclusteredColumnstore("ncci_cycle", "machine_id", "start_ts", "good_qty")
                .filtered(col("end_ts").isNotNull)),
            .createIndex(QualifiedName("fact", "archive"), Index.clusteredColumnstore("cci_archive").compressed(.columnstoreArchive)),
            .createIndex(QualifiedName("fact", "archive2"), Index.clusteredColumnstore("cci_archive2").compressed(.columnstore)),
        ], named: "create-columnstore")
    }

    @Test func dropIndex() throws {
        try assertSQL([.dropIndex(Fixture.factCycle, Fixture.cycle.indexes[0])], named: "drop-index")
    }

    /// Same name and kind: `WITH (DROP_EXISTING = ON, …)`.
    @Test func recreateIndexInPlace() throws {
        let from = Fixture.cycle.indexes[0]
        let to = Index("ix_cycle_open", on: "site_id", "machine_id", .desc("start_ts"))
            .including("good_qty", "status").filtered(col("end_ts").isNull).compressed(.row)
        try assertSQL([.recreateIndex(Fixture.factCycle, from: from, to: to)], named: "recreate-index")
    }

    /// Kind change (rowstore clustered to clustered columnstore): DROP then CREATE.
    @Test func recreateIndexChangingKind() throws {
        let from = Index("cx_sample", on: "machine_id", "ts_utc", clustered: true)
        try assertSQL([.recreateIndex(Fixture.factSample, from: from, to: Fixture.sample.indexes[0])], named: "recreate-index-kind")
    }

    /// Two WITH options on a clustered columnstore: valid T-SQL the gate waives
    /// (`columnstore-index-options`).
    @Test func recreateColumnstoreArchive() throws {
        let from = Fixture.sample.indexes[0]
        let to = from.compressed(.columnstoreArchive)
        try assertSQL([.recreateIndex(Fixture.factSample, from: from, to: to)], named: "recreate-columnstore-archive")
    }

    @Test func renameIndex() throws {
        try assertSQL([.renameIndex(Fixture.factCycle, from: "ix_open", to: "ix_cycle_open")], named: "rename-index")
    }
}
