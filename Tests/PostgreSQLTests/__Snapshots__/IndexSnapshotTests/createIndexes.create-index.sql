-- create index ix_machine_site on ref.machine
CREATE INDEX "ix_machine_site" ON "ref"."machine" ("site_id" ASC, "code" DESC)
INCLUDE ("ideal_cycle_s");

-- create index ix_cycle_open on fact.cycle
-- omitted: DATA_COMPRESSION = PAGE on index ix_cycle_open (PostgreSQL has no row or page compression; TOAST compresses large values)
CREATE INDEX "ix_cycle_open" ON "fact"."cycle" ("site_id" ASC, "machine_id" ASC)
INCLUDE ("status", "good_qty")
WHERE "end_ts" IS NULL AND "status" IN ('open', 'paused');

-- create index uix_site_name on ref.site
CREATE UNIQUE INDEX "uix_site_name" ON "ref"."site" ("name" ASC)
WHERE "is_active" = true;

-- create index cix_machine_code on ref.machine
-- omitted: CLUSTERED on index cix_machine_code (PostgreSQL tables are heaps; CLUSTER is a one-time reorder, not maintained)
CREATE INDEX "cix_machine_code" ON "ref"."machine" ("code" ASC);

-- create index ix_machine_code on ref.machine
-- omitted: ON [fg_ix] placement of index ix_machine_code (PostgreSQL has no filegroups; an index on a partitioned table is partitioned like the table)
CREATE INDEX "ix_machine_code" ON "ref"."machine" ("code" ASC);
