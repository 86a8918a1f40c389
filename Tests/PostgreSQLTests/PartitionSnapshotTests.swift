import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

/// Partition functions and schemes have no PostgreSQL object; tables on them
/// get one child partition per range; SPLIT and MERGE rebuild the affected
/// children of every table on the function.
@Suite struct PartitionSnapshotTests {
    /// Only notes: the script is one `SELECT 1;` batch carrying them.
    @Test func createPartitionFunctionAndScheme() throws {
        try assertSQL(Cases.createPartitionFunctionAndScheme)
    }

    @Test func dropPartitionFunctionAndScheme() throws {
        try assertSQL(Cases.dropPartitionFunctionAndScheme)
    }

    /// Splitting the last (open) range, the first (MINVALUE) range and a middle one.
    @Test func splitRange() throws {
        try assertSQL(Cases.splitRange)
    }

    @Test func mergeRange() throws {
        try assertSQL(Cases.mergeRange)
    }

    /// A table created between a SPLIT and a MERGE of the same plan is created
    /// with the split boundary and is merged with the others.
    @Test func tableCreatedBetweenSplitAndMerge() throws {
        try assertSQL(Cases.tableCreatedBetweenSplitAndMerge)
    }

    /// RANGE LEFT on an integer: bounds shifted up by one.
    @Test func rangeLeftInteger() throws {
        try assertSQL(Cases.rangeLeftInteger)
    }

    @Test func splitWithoutTablesIsANote() throws {
        try assertSQL(Cases.splitWithoutTables)
    }

    @Test func rangeLeftOnDatesThrows() {
        let pf = PartitionFunction("pf_left", .date, .left, .days(from: "2026-01-01", count: 2))
        let e = renderError([.createPartitionFunction(pf)], from: Fixture.empty)
        #expect(e?.path == "partition function pf_left")
        #expect(e?.message.contains("RANGE LEFT") == true)
    }

    @Test func splitAtExistingBoundaryThrows() {
        let e = renderError([.splitRange(function: "pf_day", schemes: ["ps_day"], boundary: Fixture.boundary("2026-10-02T00:00:00"))])
        #expect(e?.message.contains("already has boundary") == true)
    }

    @Test func mergeOfUnknownBoundaryThrows() {
        let e = renderError([.mergeRange(function: "pf_day", boundary: Fixture.boundary("2026-10-09T00:00:00"))])
        #expect(e?.message.contains("no boundary") == true)
    }

    @Test func unknownFunctionThrows() {
        let e = renderError([.splitRange(function: "pf_nope", schemes: [], boundary: .int(1))])
        #expect(e?.path == "partition function pf_nope")
    }
}
