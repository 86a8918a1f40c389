-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)
-- truncate fact.event [MIN, 2026-10-01), [2026-10-01, 2026-10-02) (13 rows)
SET LOCK_TIMEOUT 5000;
IF $PARTITION.[pf_day]('2026-10-01T00:00:00') <> 2
    THROW 50002, N'oeedb: partition 1 of pf_day is no longer [MIN, 2026-10-01); nothing was changed. Run ''oeedb partitions maintain'' again', 1;
IF $PARTITION.[pf_day]('2026-10-02T00:00:00') <> 3
    THROW 50002, N'oeedb: partition 2 of pf_day is no longer [2026-10-01, 2026-10-02); nothing was changed. Run ''oeedb partitions maintain'' again', 1;
TRUNCATE TABLE [fact].[event] WITH (PARTITIONS (1 TO 2));
GO
-- merge pf_day at 2026-10-01 (empty [MIN, 2026-10-01) + [2026-10-01, 2026-10-02))
SET LOCK_TIMEOUT 5000;
IF EXISTS (SELECT 1 FROM [fact].[event] WITH (UPDLOCK, HOLDLOCK) WHERE [ts_utc] < '2026-10-02T00:00:00')
    THROW 50001, N'oeedb: fact.event has rows in [MIN, 2026-10-02T00:00:00); MERGE of pf_day at 2026-10-01 would move them, so nothing was changed. Run ''oeedb partitions status'' and see the README on data movement', 1;
ALTER PARTITION FUNCTION [pf_day]() MERGE RANGE ('2026-10-01T00:00:00');
GO
