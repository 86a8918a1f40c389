-- nothing to run on PostgreSQL
-- create partition function pf_day: nothing to run on PostgreSQL
-- omitted: partition function pf_day (RANGE RIGHT, 3 boundaries) (no PostgreSQL object; its boundaries become the partitions of each table on it)
-- create partition scheme ps_day: nothing to run on PostgreSQL
-- omitted: partition scheme ps_day on pf_day (filegroups PRIMARY) (no PostgreSQL object; PostgreSQL has no filegroups)
-- create partition function pf_month: nothing to run on PostgreSQL
-- omitted: partition function pf_month (RANGE RIGHT, 3 boundaries) (no PostgreSQL object; its boundaries become the partitions of each table on it)
SELECT 1;
