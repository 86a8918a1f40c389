-- oeedb partitions maintain: one transaction per step (SET XACT_ABORT ON and the session context come from the runner)
-- split pf_month at 2025-04-01 (end range [2025-03-01, MAX) of fact.cycle, agg.rollup_hour; MOVES ROWS)
SET LOCK_TIMEOUT 5000;
ALTER PARTITION SCHEME [ps_month] NEXT USED [PRIMARY];
ALTER PARTITION FUNCTION [pf_month]() SPLIT RANGE ('2025-04-01T00:00:00');
GO
