-- drop table fact.sample
DROP TABLE "fact"."sample";
-- drop partition scheme ps_day: nothing to run on PostgreSQL
-- omitted: dropping partition scheme ps_day (no PostgreSQL object; PostgreSQL has no filegroups)
-- drop partition function pf_day: nothing to run on PostgreSQL
-- omitted: dropping partition function pf_day (no PostgreSQL object; its boundaries become the partitions of each table on it)
