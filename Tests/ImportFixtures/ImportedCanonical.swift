import OEEDSL

/// The `oee` database. Each schema lives in its own file
/// (`ImportedCanonical+<Schema>.swift`); this file holds the database-scoped
/// objects (partition functions and schemes) and the schema list.
public enum ImportedCanonical {
    public static let database: Database = Database(
        "oee"
    ) {
        PartitionFunction(
            "pf_rollup_hour", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionFunction(
            "pf_rollup_hour_loss", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionFunction(
            "pf_cycle", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionFunction(
            "pf_downtime", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionFunction(
            "pf_event", .datetime2(3), .right, .days(from: "2026-10-01", count: 92))
        PartitionFunction(
            "pf_production_count", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionFunction(
            "pf_reject", .datetime2(3), .right, .months(from: "2025-01-01", count: 25))
        PartitionScheme(
            "ps_rollup_hour", function: "pf_rollup_hour")
        PartitionScheme(
            "ps_rollup_hour_loss", function: "pf_rollup_hour_loss")
        PartitionScheme(
            "ps_cycle", function: "pf_cycle")
        PartitionScheme(
            "ps_downtime", function: "pf_downtime")
        PartitionScheme(
            "ps_event", function: "pf_event")
        PartitionScheme(
            "ps_production_count", function: "pf_production_count")
        PartitionScheme(
            "ps_reject", function: "pf_reject")

        agg
        fact
        ref
        sec
    }
}
