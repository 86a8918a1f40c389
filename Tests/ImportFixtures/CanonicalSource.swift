import OEEDSL

/// The `oee` database. Each schema lives in its own file
/// (`CanonicalSource+<Schema>.swift`); this file holds the database-scoped
/// objects (partition functions and schemes) and the schema list.
public enum CanonicalSource {
    public static let database: Database = Database(
        "oee",
        "OEE database: equipment hierarchy, machine events, cycles, stops, counts and rejects, additive OEE rollups and site row-level security"
    ) {
        PartitionFunction(
            "pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 92),
            "Daily RANGE RIGHT boundaries (UTC midnight) for fact.event; a 92-day window, slid forward by SPLIT/MERGE of empty ranges")
            .rolling(.day, ahead: 7, retain: 90, expire: .truncate)
        PartitionFunction(
            "pf_month", .datetime2(3), .right, .months(from: "2025-01-01", count: 25),
            "Monthly RANGE RIGHT boundaries (UTC first of month) for cycle, downtime, count, reject and hourly rollup tables; 25 months from 2025-01")
            .rolling(.month, ahead: 3, retain: 24, expire: .switch(to: "archive"))
        PartitionScheme(
            "ps_day", function: "pf_day",
            "Maps every pf_day partition to PRIMARY; fact.event is placed on it by ts_utc")
        PartitionScheme(
            "ps_month", function: "pf_month",
            "Maps every pf_month partition to PRIMARY; monthly fact and hourly rollup tables are placed on it by their time column")

        ref
        fact
        agg
        sec
    }
}
