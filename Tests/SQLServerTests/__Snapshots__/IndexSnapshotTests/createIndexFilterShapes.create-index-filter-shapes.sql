SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create index ix_cycle_recent on fact.cycle
CREATE NONCLUSTERED INDEX [ix_cycle_recent] ON [fact].[cycle] ([machine_id] ASC)
WHERE [start_ts] >= CAST('2026-01-01' AS datetime2(3)) AND [good_qty] <> 0 AND [payload_json] IS NOT NULL AND [site_id] IN (1, 2, 3)
ON [ps_day]([start_ts]);
GO
