-- oeedb:step no-transaction index=ref.ix_machine_site
-- create index ix_machine_site on ref.machine concurrently
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_machine_site" ON "ref"."machine" ("site_id" ASC, "code" DESC)
INCLUDE ("ideal_cycle_s");

-- oeedb:step transaction
-- create index ix_cycle_open on fact.cycle
-- omitted: DATA_COMPRESSION = PAGE on index ix_cycle_open (PostgreSQL has no row or page compression; TOAST compresses large values)
CREATE INDEX "ix_cycle_open" ON "fact"."cycle" ("site_id" ASC, "machine_id" ASC)
INCLUDE ("status", "good_qty")
WHERE "end_ts" IS NULL AND "status" IN ('open', 'paused');

-- oeedb:step no-transaction index=ref.uix_site_name
-- create index uix_site_name on ref.site concurrently
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS "uix_site_name" ON "ref"."site" ("name" ASC)
WHERE "is_active" = true;

-- oeedb:step no-transaction index=ref.cix_machine_code
-- create index cix_machine_code on ref.machine concurrently
-- omitted: CLUSTERED on index cix_machine_code (PostgreSQL tables are heaps; CLUSTER is a one-time reorder, not maintained)
CREATE INDEX CONCURRENTLY IF NOT EXISTS "cix_machine_code" ON "ref"."machine" ("code" ASC);

-- oeedb:step no-transaction index=ref.ix_machine_code
-- create index ix_machine_code on ref.machine concurrently
-- omitted: ON [fg_ix] placement of index ix_machine_code (PostgreSQL has no filegroups; an index on a partitioned table is partitioned like the table)
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_machine_code" ON "ref"."machine" ("code" ASC);
