import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Partition functions and schemes; boundaries move by SPLIT and MERGE.
@Suite struct PartitionSnapshotTests {
    @Test func createPartitionFunctions() throws {
        try assertSQL([
            .createPartitionFunction(Fixture.pfDay),
            .createPartitionFunction(PartitionFunction("pf_month", .date, .right, .months(from: "2026-01-31", count: 3))),
            .createPartitionFunction(PartitionFunction(name: "pf_line", inputType: .int, range: .left,
                                                       boundaries: .values([.int(100), .int(200)]))),
        ], named: "create-partition-function")
    }

    @Test func createPartitionSchemes() throws {
        try assertSQL([
            .createPartitionScheme(Fixture.psDay),
            .createPartitionScheme(PartitionScheme(name: "ps_line", function: "pf_line", filegroups: ["fg_a", "fg_b", "PRIMARY"])),
        ], named: "create-partition-scheme")
    }

    /// NEXT USED on every scheme of the function, then SPLIT.
    @Test func splitRange() throws {
        let fg = Database("oee") {
            Fixture.pfDay
            Fixture.psDay
            PartitionScheme(name: "ps_day_archive", function: "pf_day", filegroups: ["fg_old", "fg_new"])
        }
        try assertSQL([
            .splitRange(function: "pf_day", schemes: ["ps_day", "ps_day_archive"], boundary: .string("2026-10-04T00:00:00", unicode: false)),
        ], from: fg, to: fg, named: "split-range")
    }

    @Test func mergeRange() throws {
        try assertSQL([.mergeRange(function: "pf_day", boundary: .string("2026-10-01T00:00:00", unicode: false))], named: "merge-range")
    }

    /// Valid T-SQL that sqlfluff 4 rejects: the gate waives it (`drop-partition-scheme`).
    @Test func dropPartitionScheme() throws {
        try assertSQL([.dropPartitionScheme(Fixture.psDay)], named: "drop-partition-scheme")
    }

    /// Valid T-SQL that sqlfluff 4 rejects: the gate waives it (`drop-partition-function`).
    @Test func dropPartitionFunction() throws {
        try assertSQL([.dropPartitionFunction(Fixture.pfDay)], named: "drop-partition-function")
    }
}
