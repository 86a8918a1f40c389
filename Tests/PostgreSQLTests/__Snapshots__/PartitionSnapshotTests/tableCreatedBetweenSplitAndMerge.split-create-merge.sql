-- split partition function pf_day at '2026-10-04T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261003";
ALTER TABLE "fact"."cycle_p20261003" RENAME TO "cycle_p20261003_split";
CREATE TABLE "fact"."cycle_p20261003" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-03T00:00:00') TO ('2026-10-04T00:00:00');
CREATE TABLE "fact"."cycle_p20261004" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-04T00:00:00') TO (MAXVALUE);
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261003_split";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_p20261003_split";

-- create table fact.sample
CREATE TABLE "fact"."sample" (
    "machine_id" integer NOT NULL,
    "ts_utc" timestamp(3) NOT NULL,
    "value" double precision NOT NULL
)
PARTITION BY RANGE ("ts_utc");
CREATE TABLE "fact"."sample_pmin" PARTITION OF "fact"."sample" FOR VALUES FROM (MINVALUE) TO ('2026-10-01T00:00:00');
CREATE TABLE "fact"."sample_p20261001" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-01T00:00:00') TO ('2026-10-02T00:00:00');
CREATE TABLE "fact"."sample_p20261002" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-02T00:00:00') TO ('2026-10-03T00:00:00');
CREATE TABLE "fact"."sample_p20261003" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-03T00:00:00') TO ('2026-10-04T00:00:00');
CREATE TABLE "fact"."sample_p20261004" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-04T00:00:00') TO (MAXVALUE);

-- merge partition function pf_day at '2026-10-01T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_pmin";
ALTER TABLE "fact"."cycle_pmin" RENAME TO "cycle_pmin_merge";
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261001";
ALTER TABLE "fact"."cycle_p20261001" RENAME TO "cycle_p20261001_merge";
CREATE TABLE "fact"."cycle_pmin" PARTITION OF "fact"."cycle" FOR VALUES FROM (MINVALUE) TO ('2026-10-02T00:00:00');
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_pmin_merge";
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261001_merge";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_pmin_merge";
DROP TABLE "fact"."cycle_p20261001_merge";
ALTER TABLE "fact"."sample" DETACH PARTITION "fact"."sample_pmin";
ALTER TABLE "fact"."sample_pmin" RENAME TO "sample_pmin_merge";
ALTER TABLE "fact"."sample" DETACH PARTITION "fact"."sample_p20261001";
ALTER TABLE "fact"."sample_p20261001" RENAME TO "sample_p20261001_merge";
CREATE TABLE "fact"."sample_pmin" PARTITION OF "fact"."sample" FOR VALUES FROM (MINVALUE) TO ('2026-10-02T00:00:00');
INSERT INTO "fact"."sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sample_pmin_merge";
INSERT INTO "fact"."sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sample_p20261001_merge";
DROP TABLE "fact"."sample_pmin_merge";
DROP TABLE "fact"."sample_p20261001_merge";
