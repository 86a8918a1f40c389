import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Rowstore indexes (kept), columnstore indexes (omitted).
@Suite struct IndexSnapshotTests {
    @Test func createIndexes() throws {
        try assertSQL(Cases.createIndexes)
    }

    /// Columnstore indexes have no PostgreSQL equivalent: a note only, carried
    /// into the neighbouring batch.
    @Test func columnstoreIndexes() throws {
        try assertSQL(Cases.columnstoreIndexes)
    }

    @Test func dropIndex() throws {
        try assertSQL(Cases.dropIndex)
    }

    /// No DROP_EXISTING: DROP INDEX then CREATE INDEX.
    @Test func recreateIndex() throws {
        try assertSQL(Cases.recreateIndex)
    }

    @Test func renameIndex() throws {
        try assertSQL(Cases.renameIndex)
    }

    @Test func uniqueIndexOnPartitionedTableNeedsPartitionColumn() {
        let e = renderError([.createIndex(Fixture.factCycle, Index("uix_cycle", on: "cycle_id", unique: true))])
        #expect(e?.message.contains("partition column") == true)
    }

    @Test func filterCallingVolatileFunctionThrows() {
        let e = renderError([.createIndex(Fixture.refSite, Index("ix_x", on: "code").filtered(col("created_utc") > .sysUTCDateTime))])
        #expect(e?.message.contains("IMMUTABLE") == true)
    }
}
