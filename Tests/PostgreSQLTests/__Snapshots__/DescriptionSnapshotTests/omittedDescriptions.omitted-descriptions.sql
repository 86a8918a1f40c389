-- create schema x
CREATE SCHEMA "x";
-- description of partition function pf_day: nothing to run on PostgreSQL
-- omitted: description of partition function pf_day (no PostgreSQL object; its boundaries become the partitions of each table on it)
-- description of partition scheme ps_day: nothing to run on PostgreSQL
-- omitted: description of partition scheme ps_day (no PostgreSQL object; PostgreSQL has no filegroups)
-- description of table fact.sample: nothing to run on PostgreSQL
-- omitted: description of clustered columnstore index cci_sample on fact.sample (no PostgreSQL equivalent)
-- description of table ref.site: nothing to run on PostgreSQL
-- omitted: description of default df_site_is_active on ref.site.is_active (a PostgreSQL default has no name; the name is kept only in the model)
