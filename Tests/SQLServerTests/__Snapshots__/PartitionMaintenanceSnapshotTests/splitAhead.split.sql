-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)
-- split pf_day at 2026-10-04 (end range [2026-10-03, MAX) of fact.event, empty)
SET LOCK_TIMEOUT 5000;
IF EXISTS (SELECT 1 FROM [fact].[event] WITH (UPDLOCK, HOLDLOCK) WHERE [ts_utc] >= '2026-10-03T00:00:00')
    THROW 50001, N'oeedb: fact.event has rows in [2026-10-03T00:00:00, MAX); SPLIT of pf_day at 2026-10-04 would move them, so nothing was changed. Run ''oeedb partitions status'' and see the README on data movement', 1;
ALTER PARTITION SCHEME [ps_day] NEXT USED [PRIMARY];
ALTER PARTITION FUNCTION [pf_day]() SPLIT RANGE ('2026-10-04T00:00:00');
GO
