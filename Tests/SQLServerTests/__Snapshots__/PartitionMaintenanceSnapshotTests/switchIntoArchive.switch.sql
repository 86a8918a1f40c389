-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)
-- switch fact.cycle [2025-01-01, 2025-02-01) into archive (7 rows)
SET LOCK_TIMEOUT 5000;
IF $PARTITION.[pf_month]('2025-02-01T00:00:00') <> 3
    THROW 50002, N'oeedb: partition 2 of pf_month is no longer [2025-01-01, 2025-02-01); nothing was changed. Run ''oeedb partitions maintain'' again', 1;
IF SCHEMA_ID(N'archive') IS NULL EXEC(N'CREATE SCHEMA [archive]');
CREATE TABLE [archive].[cycle_p20250101] (
    [machine_id] int NOT NULL,
    [start_ts] datetime2(3) NOT NULL,
    [cycle_id] bigint IDENTITY(1, 1) NOT NULL,
    [good_qty] int NOT NULL CONSTRAINT [df_cycle_good_qty_p20250101] DEFAULT (0),
    CONSTRAINT [pk_cycle_p20250101] PRIMARY KEY CLUSTERED ([machine_id] ASC, [start_ts] ASC, [cycle_id] ASC) WITH (DATA_COMPRESSION = PAGE),
    CONSTRAINT [ck_cycle_good_qty_p20250101] CHECK ([good_qty] >= 0),
    CONSTRAINT [ck_cycle_p20250101_range] CHECK ([start_ts] IS NOT NULL AND [start_ts] >= '2025-01-01T00:00:00' AND [start_ts] < '2025-02-01T00:00:00')
)
ON [PRIMARY]
WITH (DATA_COMPRESSION = PAGE);
CREATE NONCLUSTERED INDEX [ix_cycle_start] ON [archive].[cycle_p20250101] ([start_ts] ASC)
ON [PRIMARY];
ALTER TABLE [fact].[cycle] SWITCH PARTITION 2 TO [archive].[cycle_p20250101];
GO
-- switch agg.rollup_hour [MIN, 2025-01-01) into archive (2 rows)
SET LOCK_TIMEOUT 5000;
IF $PARTITION.[pf_month]('2025-01-01T00:00:00') <> 2
    THROW 50002, N'oeedb: partition 1 of pf_month is no longer [MIN, 2025-01-01); nothing was changed. Run ''oeedb partitions maintain'' again', 1;
IF SCHEMA_ID(N'archive') IS NULL EXEC(N'CREATE SCHEMA [archive]');
CREATE TABLE [archive].[rollup_hour_before_20250101] (
    [machine_id] int NOT NULL,
    [bucket_start_utc] datetime2(3) NOT NULL,
    [run_s] int NOT NULL,
    CONSTRAINT [pk_rollup_hour_before_20250101] PRIMARY KEY NONCLUSTERED ([machine_id] ASC, [bucket_start_utc] ASC),
    CONSTRAINT [ck_rollup_hour_before_20250101_range] CHECK ([bucket_start_utc] IS NOT NULL AND [bucket_start_utc] < '2025-01-01T00:00:00')
)
ON [PRIMARY];
CREATE CLUSTERED COLUMNSTORE INDEX [cci_rollup_hour] ON [archive].[rollup_hour_before_20250101]
ON [PRIMARY];
ALTER TABLE [agg].[rollup_hour] SWITCH PARTITION 1 TO [archive].[rollup_hour_before_20250101];
GO
