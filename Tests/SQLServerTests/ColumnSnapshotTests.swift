import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Column changes on an existing table.
@Suite struct ColumnSnapshotTests {
    let q = Fixture.factCycle

    @Test func addColumn() throws {
        try assertSQL([
            .addColumn(q, Column("note", .nvarchar(.n(200))).nullable()),
            .addColumn(q, Column("rework_qty", .int).default("df_cycle_rework_qty", 0)),
            .addColumn(q, Column("shift_id", .int)),
            .addColumn(q, Column("net_qty", .int).computed(col("good_qty") - col("scrap_qty"), persisted: false)),
            .addColumn(q, Column("row_id", .bigint).identity(seed: 1, increment: 1)),
        ], named: "add-column")
    }

    @Test func dropColumn() throws {
        try assertSQL([
            .dropColumn(q, Column("payload_json", .nvarchar(.max)).nullable()),
            .dropColumn(q, Column("status", .varchar(.n(16))).default("df_cycle_status", "open")),
        ], named: "drop-column")
    }

    /// When the plan already dropped the default, dropColumn does not drop it again.
    @Test func dropColumnAfterDefaultDropped() throws {
        let d = DefaultConstraint(name: "df_cycle_status", expression: "open")
        try assertSQL([
            .dropDefault(q, column: "status", d),
            .dropColumn(q, Column("status", .varchar(.n(16))).default("df_cycle_status", "open")),
        ], named: "drop-column-default-dropped")
    }

    @Test func alterColumn() throws {
        try assertSQL([
            .alterColumn(q, from: Column("payload_json", .nvarchar(.n(4000))).nullable(), to: Column("payload_json", .nvarchar(.max)).nullable()),
            .alterColumn(q, from: Column("end_ts", .datetime2(precision: 3)).nullable(), to: Column("end_ts", .datetime2(precision: 3))),
        ], named: "alter-column")
    }

    /// A type change on a column with a default drops and restores the default around it.
    @Test func alterColumnWithDefault() throws {
        try assertSQL([
            .alterColumn(q, from: Column("good_qty", .int).default("df_cycle_good_qty", 0),
                         to: Column("good_qty", .bigint).default("df_cycle_good_qty", 0)),
        ], named: "alter-column-default")
    }

    @Test func renameColumn() throws {
        try assertSQL([.renameColumn(q, from: "qty", to: "good_qty")], named: "rename-column")
    }
}
