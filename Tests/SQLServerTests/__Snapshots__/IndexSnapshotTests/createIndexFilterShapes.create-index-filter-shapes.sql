SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- oeedb:step no-transaction
-- create index ix_cycle_recent on fact.cycle (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_recent')
    ALTER INDEX [ix_cycle_recent] ON [fact].[cycle] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_recent')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_recent] ON [fact].[cycle] ([machine_id] ASC)
WHERE [start_ts] >= CAST(''2026-01-01'' AS datetime2(3)) AND [good_qty] <> 0 AND [payload_json] IS NOT NULL AND [site_id] IN (1, 2, 3)
WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)
ON [ps_day]([start_ts]);');
        ELSE
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_recent] ON [fact].[cycle] ([machine_id] ASC)
WHERE [start_ts] >= CAST(''2026-01-01'' AS datetime2(3)) AND [good_qty] <> 0 AND [payload_json] IS NOT NULL AND [site_id] IN (1, 2, 3)
WITH (ONLINE = ON)
ON [ps_day]([start_ts]);');
    END
    ELSE
CREATE NONCLUSTERED INDEX [ix_cycle_recent] ON [fact].[cycle] ([machine_id] ASC)
WHERE [start_ts] >= CAST('2026-01-01' AS datetime2(3)) AND [good_qty] <> 0 AND [payload_json] IS NOT NULL AND [site_id] IN (1, 2, 3)
ON [ps_day]([start_ts]);
END;
GO
