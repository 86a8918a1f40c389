import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// CREATE SCHEMA / TABLE and table-level changes, one snapshot per case.
@Suite struct TableSnapshotTests {
    @Test func createSchema() throws {
        try assertSQL([.createSchema("ref")], named: "create-schema")
    }

    @Test func dropSchema() throws {
        try assertSQL([.dropSchema("staging")], named: "drop-schema")
    }

    /// Identity, defaults (bool, function, unicode string), nullability, clustered
    /// primary key, unique and check constraints; no storage clauses.
    @Test func createTable() throws {
        try assertSQL([.createTable(Fixture.refSite, Fixture.site)], named: "create-table")
    }

    /// Partitioned and PAGE-compressed: `ON [ps]([col])`, compression on the
    /// clustered primary key and the table, DESC key, computed persisted column,
    /// AND/OR checks; the table's index and foreign key are not part of it.
    @Test func createPartitionedCompressedTable() throws {
        try assertSQL([.createTable(Fixture.factCycle, Fixture.cycle)], named: "create-table-partitioned")
    }

    /// A heap with a nonclustered primary key: compression on the table only.
    @Test func createHeapWithNonclusteredKey() throws {
        let t = Table("event", "Free-form events") {
            Column("event_id", .uniqueidentifier).default("df_event_id", .fn("NEWSEQUENTIALID"))
            Column("ts_local", .datetimeoffset(precision: 7))
            Column("kind", .char(.n(4)))
            Column("ratio", .decimal(precision: 5, scale: 4)).default("df_event_ratio", .decimal("-0.85")).nullable()
            Column("raw", .varbinary(.max)).nullable()
            Column("shift_start", .time(precision: 0)).nullable()
            Column("flags", .tinyint).default("df_event_flags", 0)
            Column("operator", .sysname).default("df_event_operator", .fn("SUSER_SNAME"))
            Column("weight", .float(mantissa: 24)).nullable()
            Column("label", .nchar(.n(2))).default("df_event_label", .unicode("O'K"))
            PrimaryKey("pk_event", "event_id", clustered: false)
        }.compressed(.row)
        try assertSQL([.createTable(QualifiedName("fact", "event"), t)], named: "create-table-heap")
    }

    @Test func dropTable() throws {
        try assertSQL([.dropTable(Fixture.refMachine, Fixture.machine)], named: "drop-table")
    }

    @Test func renameTable() throws {
        try assertSQL([.renameTable(from: QualifiedName("ref", "plant"), to: "site")], named: "rename-table")
    }

    /// Names with `]` and `'` stay quoted correctly everywhere.
    @Test func awkwardNames() throws {
        let q = QualifiedName("odd]schema", "it's")
        let t = Table("it's") {
            Column("a]b", .int).default("df_a]b", 0)
            PrimaryKey("pk_it's", "a]b")
        }
        try assertSQL([
            .createSchema("odd]schema"),
            .createTable(q, t),
            .renameColumn(q, from: "a]b", to: "a'b"),
            .setDescription(.column(q, "a'b"), from: nil, to: "It's [odd]"),
        ], named: "awkward-names")
    }
}
