-- split partition function pf_day at '2026-10-06T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261005";
ALTER TABLE "fact"."cycle_p20261005" RENAME TO "cycle_p20261005_split";
CREATE TABLE "fact"."cycle_p20261005" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-05T00:00:00') TO ('2026-10-06T00:00:00');
CREATE TABLE "fact"."cycle_p20261006" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-06T00:00:00') TO (MAXVALUE);
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261005_split";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_p20261005_split";
ALTER TABLE "fact"."sensor_sample" DETACH PARTITION "fact"."sensor_sample_p20261005";
ALTER TABLE "fact"."sensor_sample_p20261005" RENAME TO "sensor_sample_p20261005_split";
CREATE TABLE "fact"."sensor_sample_p20261005" PARTITION OF "fact"."sensor_sample" FOR VALUES FROM ('2026-10-05T00:00:00') TO ('2026-10-06T00:00:00');
CREATE TABLE "fact"."sensor_sample_p20261006" PARTITION OF "fact"."sensor_sample" FOR VALUES FROM ('2026-10-06T00:00:00') TO (MAXVALUE);
INSERT INTO "fact"."sensor_sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sensor_sample_p20261005_split";
DROP TABLE "fact"."sensor_sample_p20261005_split";

-- merge partition function pf_day at '2026-10-02T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_pmin";
ALTER TABLE "fact"."cycle_pmin" RENAME TO "cycle_pmin_merge";
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261002";
ALTER TABLE "fact"."cycle_p20261002" RENAME TO "cycle_p20261002_merge";
CREATE TABLE "fact"."cycle_pmin" PARTITION OF "fact"."cycle" FOR VALUES FROM (MINVALUE) TO ('2026-10-03T00:00:00');
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_pmin_merge";
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261002_merge";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_pmin_merge";
DROP TABLE "fact"."cycle_p20261002_merge";
ALTER TABLE "fact"."sensor_sample" DETACH PARTITION "fact"."sensor_sample_pmin";
ALTER TABLE "fact"."sensor_sample_pmin" RENAME TO "sensor_sample_pmin_merge";
ALTER TABLE "fact"."sensor_sample" DETACH PARTITION "fact"."sensor_sample_p20261002";
ALTER TABLE "fact"."sensor_sample_p20261002" RENAME TO "sensor_sample_p20261002_merge";
CREATE TABLE "fact"."sensor_sample_pmin" PARTITION OF "fact"."sensor_sample" FOR VALUES FROM (MINVALUE) TO ('2026-10-03T00:00:00');
INSERT INTO "fact"."sensor_sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sensor_sample_pmin_merge";
INSERT INTO "fact"."sensor_sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sensor_sample_p20261002_merge";
DROP TABLE "fact"."sensor_sample_pmin_merge";
DROP TABLE "fact"."sensor_sample_p20261002_merge";

-- rename table fact.sensor_sample to sample_raw
ALTER TABLE "fact"."sensor_sample" RENAME TO "sample_raw";
ALTER TABLE "fact"."sensor_sample_pmin" RENAME TO "sample_raw_pmin";
ALTER TABLE "fact"."sensor_sample_p20261003" RENAME TO "sample_raw_p20261003";
ALTER TABLE "fact"."sensor_sample_p20261004" RENAME TO "sample_raw_p20261004";
ALTER TABLE "fact"."sensor_sample_p20261005" RENAME TO "sample_raw_p20261005";
ALTER TABLE "fact"."sensor_sample_p20261006" RENAME TO "sample_raw_p20261006";

-- rename index ref.machine.ix_machine_site_code to ix_machine_by_site
ALTER INDEX "ref"."ix_machine_site_code" RENAME TO "ix_machine_by_site";

-- disable security policy sec.site_policy
ALTER TABLE "fact"."cycle" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" NO FORCE ROW LEVEL SECURITY;

-- add filter predicate on fact.cycle to security policy sec.site_policy
DROP POLICY "site_policy_allow" ON "fact"."cycle";
CREATE POLICY "site_policy_filter" ON "fact"."cycle" AS PERMISSIVE FOR ALL USING ("sec"."fn_site_filter"("site_id")) WITH CHECK (true);

-- drop block after insert predicate on ref.machine from security policy sec.site_policy
DROP POLICY "site_policy_block_insert" ON "ref"."machine";

-- alter function sec.fn_site_filter
CREATE OR REPLACE FUNCTION "sec"."fn_site_filter"("site_id" smallint)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
SELECT "fn_site_filter"."site_id" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS smallint) OR CAST(NULLIF(current_setting('oeedb.is_global', true), '') AS boolean) = true
$$;

-- enable security policy sec.site_policy
ALTER TABLE "fact"."cycle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" FORCE ROW LEVEL SECURITY;

-- description of table fact.sample_raw
COMMENT ON TABLE "fact"."sample_raw" IS 'Raw sensor samples (renamed twice)';
