-- oeedb:step no-transaction index=ref.ix_machine_code
-- create index ix_machine_code on ref.machine concurrently
-- create index cci_sample on fact.sample: nothing to run on PostgreSQL
-- omitted: clustered columnstore index cci_sample on fact.sample (no PostgreSQL equivalent)
-- create index ncci_sample on fact.sample: nothing to run on PostgreSQL
-- omitted: nonclustered columnstore index ncci_sample on fact.sample (no PostgreSQL equivalent)
-- drop index cci_sample on fact.sample: nothing to run on PostgreSQL
-- omitted: dropping clustered columnstore index cci_sample on fact.sample (no PostgreSQL equivalent)
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_machine_code" ON "ref"."machine" ("code" ASC);
