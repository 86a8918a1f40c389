-- oeedb:step no-transaction index=ref.ix_machine_site
-- recreate index ix_machine_site on ref.machine concurrently
DROP INDEX CONCURRENTLY IF EXISTS "ref"."ix_machine_site";
CREATE INDEX CONCURRENTLY IF NOT EXISTS "ix_machine_site" ON "ref"."machine" ("site_id" ASC, "code" ASC);
