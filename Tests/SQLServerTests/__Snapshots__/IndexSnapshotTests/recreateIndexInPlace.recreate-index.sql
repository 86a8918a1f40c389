SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- oeedb:step no-transaction
-- recreate index ix_cycle_open on fact.cycle (online where the edition allows)
IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC, [start_ts] DESC)
INCLUDE ([good_qty], [status])
WHERE [end_ts] IS NULL
WITH (DROP_EXISTING = ON, DATA_COMPRESSION = ROW, ONLINE = ON)
ON [ps_day]([start_ts]);');
ELSE
CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC, [start_ts] DESC)
INCLUDE ([good_qty], [status])
WHERE [end_ts] IS NULL
WITH (DROP_EXISTING = ON, DATA_COMPRESSION = ROW)
ON [ps_day]([start_ts]);
GO
