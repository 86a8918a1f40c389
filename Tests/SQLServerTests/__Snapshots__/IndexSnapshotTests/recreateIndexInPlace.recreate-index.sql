SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- recreate index ix_cycle_open on fact.cycle
CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC, [start_ts] DESC)
INCLUDE ([good_qty], [status])
WHERE [end_ts] IS NULL
WITH (DROP_EXISTING = ON, DATA_COMPRESSION = ROW)
ON [ps_day]([start_ts]);
GO
