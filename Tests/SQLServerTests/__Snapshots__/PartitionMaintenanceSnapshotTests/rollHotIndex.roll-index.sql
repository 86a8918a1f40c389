-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)
-- roll fact.event.ix_event_hot_window lower bound 2026-11-01T00:00:00 → 2026-11-28T00:00:00
SET LOCK_TIMEOUT 5000;
CREATE NONCLUSTERED INDEX [ix_event_hot_window] ON [fact].[event] ([machine_id] ASC, [ts_utc] ASC)
INCLUDE ([value_num])
WHERE [ts_utc] >= '2026-11-28T00:00:00'
WITH (DROP_EXISTING = ON, DATA_COMPRESSION = PAGE)
ON [ps_day]([ts_utc]);
GO
