-- rename index ref.machine.ix_machine_site to ix_machine_site_code
ALTER INDEX "ref"."ix_machine_site" RENAME TO "ix_machine_site_code";
-- rename index fact.sample.cci_sample to cci_sample_2: nothing to run on PostgreSQL
-- omitted: renaming clustered columnstore index cci_sample on fact.sample to cci_sample_2 (no PostgreSQL equivalent)
