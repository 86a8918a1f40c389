CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
INCLUDE ([good_qty])
WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)
ON [ps_day]([start_ts]);
GO
CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
INCLUDE ([good_qty])
WITH (ONLINE = ON)
ON [ps_day]([start_ts]);
GO
