SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create index ix_cycle_open on fact.cycle
CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC)
INCLUDE ([status], [good_qty])
WHERE [end_ts] IS NULL AND [status] IN ('open', 'paused')
WITH (DATA_COMPRESSION = PAGE)
ON [ps_day]([start_ts]);
GO
