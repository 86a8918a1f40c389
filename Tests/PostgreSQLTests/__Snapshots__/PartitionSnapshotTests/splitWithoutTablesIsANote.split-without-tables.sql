-- nothing to run on PostgreSQL
-- split partition function pf_day at '2026-10-04T00:00:00': nothing to run on PostgreSQL
-- omitted: SPLIT RANGE ('2026-10-04T00:00:00') of pf_day: no table is on it yet (no PostgreSQL object; its boundaries become the partitions of each table on it)
SELECT 1;
