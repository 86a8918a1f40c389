SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- oeedb:step no-transaction
-- create index ix_cycle_open on fact.cycle (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_open')
    ALTER INDEX [ix_cycle_open] ON [fact].[cycle] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_open')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC)
INCLUDE ([status], [good_qty])
WHERE [end_ts] IS NULL AND [status] IN (''open'', ''paused'')
WITH (DATA_COMPRESSION = PAGE, ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)
ON [ps_day]([start_ts]);');
        ELSE
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC)
INCLUDE ([status], [good_qty])
WHERE [end_ts] IS NULL AND [status] IN (''open'', ''paused'')
WITH (DATA_COMPRESSION = PAGE, ONLINE = ON)
ON [ps_day]([start_ts]);');
    END
    ELSE
CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC)
INCLUDE ([status], [good_qty])
WHERE [end_ts] IS NULL AND [status] IN ('open', 'paused')
WITH (DATA_COMPRESSION = PAGE)
ON [ps_day]([start_ts]);
END;
GO
