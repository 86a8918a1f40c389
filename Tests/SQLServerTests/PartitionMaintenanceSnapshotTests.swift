import OEEDSL
import OEEDiff
import SnapshotTesting
import Testing
@testable import SQLServer

/// Every T-SQL step of `oeedb partitions maintain` and the catalog reads of
/// `status`, as `.sql` snapshots the T-SQL gate parses.
@Suite struct PartitionMaintenanceSnapshotTests {
    static let model = Database("oee") {
        PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 3))
            .rolling(.day, ahead: 7, retain: 90, expire: .truncate)
        PartitionScheme("ps_day", function: "pf_day")
        PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2025-01-01", count: 3))
            .rolling(.month, ahead: 3, retain: 24, expire: .switch(to: "archive"))
        PartitionScheme("ps_month", function: "pf_month")
        Schema("fact") {
            Table("event", "Events") {
                Column("machine_id", .int, "Machine")
                Column("ts_utc", .datetime2(3), "Time")
                Column("event_id", .bigint, "Id").identity()
                Column("value_num", .float, "Value").nullable()
                PrimaryKey("pk_event", "machine_id", "ts_utc", "event_id")
                Index("ix_event_hot_window", on: "machine_id", "ts_utc")
                    .including("value_num")
                    .filtered(col("ts_utc") >= "2026-11-01T00:00:00")
                    .rolling(keepHours: 72)
                    .compressed(.page)
            }
            .partitioned(by: "ps_day", on: "ts_utc")
            .compressed(.page)
            Table("cycle", "Cycles") {
                Column("machine_id", .int, "Machine")
                Column("start_ts", .datetime2(3), "Start")
                Column("cycle_id", .bigint, "Id").identity()
                Column("good_qty", .int, "Good").default("df_cycle_good_qty", 0)
                PrimaryKey("pk_cycle", "machine_id", "start_ts", "cycle_id")
                Check("ck_cycle_good_qty", col("good_qty") >= 0)
                Index("ix_cycle_start", on: "start_ts")
            }
            .partitioned(by: "ps_month", on: "start_ts")
            .compressed(.page)
        }
        Schema("agg") {
            Table("rollup_hour", "Rollups") {
                Column("machine_id", .int, "Machine")
                Column("bucket_start_utc", .datetime2(3), "Hour")
                Column("run_s", .int, "Run seconds")
                PrimaryKey("pk_rollup_hour", "machine_id", "bucket_start_utc", clustered: false)
                Index.clusteredColumnstore("cci_rollup_hour")
            }
            .partitioned(by: "ps_month", on: "bucket_start_utc")
        }
    }

    static let event = PartitionedTable(name: QualifiedName("fact", "event"), column: "ts_utc")
    static let cycle = PartitionedTable(name: QualifiedName("fact", "cycle"), column: "start_ts")
    static let rollup = PartitionedTable(name: QualifiedName("agg", "rollup_hour"), column: "bucket_start_utc")

    func text(_ steps: [PartitionStep]) throws -> String {
        let dialect = SQLServerDialect()
        var out = "-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)\n"
        for step in steps {
            out += "-- \(step.summary)\n"
            out += try dialect.maintenanceStatements(step, model: Self.model, lockTimeoutMilliseconds: 5000).joined(separator: "\n") + "\nGO\n"
        }
        return out
    }

    /// NEXT USED on the scheme, then SPLIT, guarded by an empty-range check under an update range lock.
    @Test func splitAhead() throws {
        let sql = try text([
            .split(function: "pf_day", boundary: "2026-10-04", previousLast: "2026-10-03", tables: [Self.event], movesRows: false),
        ])
        #expect(sql.contains("WITH (UPDLOCK, HOLDLOCK) WHERE [ts_utc] >= '2026-10-03T00:00:00'"))
        #expect(sql.range(of: "NEXT USED")!.lowerBound < sql.range(of: "SPLIT RANGE")!.lowerBound)
        assertSnapshot(of: sql, as: sqlLines, named: "split")
    }

    /// --allow-data-movement drops the guard: the split moves the rows.
    @Test func splitMovingRows() throws {
        let sql = try text([
            .split(function: "pf_month", boundary: "2025-04-01", previousLast: "2025-03-01", tables: [Self.cycle, Self.rollup], movesRows: true),
        ])
        #expect(!sql.contains("THROW"))
        #expect(sql.components(separatedBy: "NEXT USED").count == 2)
        assertSnapshot(of: sql, as: sqlLines, named: "split-moving-rows")
    }

    /// TRUNCATE … WITH (PARTITIONS (1 TO 2)) after checking the numbers still map to the planned ranges, then MERGE.
    @Test func truncateAndMerge() throws {
        let sql = try text([
            .expire(function: "pf_day", table: Self.event, partitions: [
                PartitionRange(number: 1, lower: nil, upper: "2026-10-01", rows: 3),
                PartitionRange(number: 2, lower: "2026-10-01", upper: "2026-10-02", rows: 10),
            ], expiry: .truncate),
            .merge(function: "pf_day", boundary: "2026-10-01", upper: "2026-10-02", tables: [Self.event]),
        ])
        #expect(sql.contains("TRUNCATE TABLE [fact].[event] WITH (PARTITIONS (1 TO 2));"))
        #expect(sql.contains("IF $PARTITION.[pf_day]('2026-10-02T00:00:00') <> 3"))
        #expect(sql.contains("MERGE RANGE ('2026-10-01T00:00:00')"))
        assertSnapshot(of: sql, as: sqlLines, named: "truncate-merge")
    }

    /// SWITCH into a staging table of identical structure (columns, keys,
    /// indexes, compression, renamed constraints, a CHECK matching the range) on the same filegroup.
    @Test func switchIntoArchive() throws {
        let sql = try text([
            .expire(function: "pf_month", table: Self.cycle, partitions: [PartitionRange(number: 2, lower: "2025-01-01", upper: "2025-02-01", rows: 7)],
                    expiry: .switch(to: "archive")),
            .expire(function: "pf_month", table: Self.rollup, partitions: [PartitionRange(number: 1, lower: nil, upper: "2025-01-01", rows: 2)],
                    expiry: .switch(to: "archive")),
        ])
        #expect(sql.contains("CREATE TABLE [archive].[cycle_p20250101]"))
        #expect(sql.contains("CONSTRAINT [pk_cycle_p20250101] PRIMARY KEY"))
        #expect(sql.contains("[start_ts] >= '2025-01-01T00:00:00' AND [start_ts] < '2025-02-01T00:00:00'"))
        #expect(sql.contains("ON [archive].[cycle_p20250101] ([start_ts] ASC)\nON [PRIMARY];"))
        #expect(sql.contains("ALTER TABLE [fact].[cycle] SWITCH PARTITION 2 TO [archive].[cycle_p20250101];"))
        #expect(sql.contains("CREATE CLUSTERED COLUMNSTORE INDEX [cci_rollup_hour] ON [archive].[rollup_hour_before_20250101]"))
        assertSnapshot(of: sql, as: sqlLines, named: "switch")
    }

    /// CREATE INDEX … WITH (DROP_EXISTING = ON) with the new literal, aligned on the scheme.
    @Test func rollHotIndex() throws {
        let sql = try text([.rollIndex(table: QualifiedName("fact", "event"), index: "ix_event_hot_window", from: "2026-11-01T00:00:00", to: "2026-11-28T00:00:00")])
        #expect(sql.contains("WHERE [ts_utc] >= '2026-11-28T00:00:00'"))
        #expect(sql.contains("DROP_EXISTING = ON"))
        #expect(sql.contains("ON [ps_day]([ts_utc]);"))
        assertSnapshot(of: sql, as: sqlLines, named: "roll-index")
    }

    /// The catalog reads and the log table.
    @Test func catalogReads() throws {
        let d = SQLServerDialect()
        let pf = Self.model.partitionFunction(named: "pf_day")!
        let sql = (d.maintenanceLogDDL(schema: "oeedb") + [
            d.partitionsQuery([Self.event.name, Self.cycle.name]),
            try d.rangeCountQuery(Self.event, lower: "2026-10-03T00:00:00", upper: nil, function: pf),
            d.exactCountsQuery(Self.event, function: pf),
            d.indexFiltersQuery([(Self.event.name, "ix_event_hot_window")]),
            d.insertMaintenanceLog(schema: "oeedb").replacingOccurrences(of: "?", with: "NULL"),
        ]).joined(separator: "\nGO\n") + "\nGO\n"
        assertSnapshot(of: sql, as: sqlLines, named: "catalog")
    }

    @Test func partitionListCompressesRuns() {
        #expect(SQLServerDialect().partitionList([5, 1, 2, 3, 7, 8]) == "1 TO 3, 5, 7 TO 8")
    }
}
