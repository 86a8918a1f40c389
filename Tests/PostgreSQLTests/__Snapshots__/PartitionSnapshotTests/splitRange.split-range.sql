-- split partition function pf_day at '2026-10-04T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261003";
ALTER TABLE "fact"."cycle_p20261003" RENAME TO "cycle_p20261003_split";
CREATE TABLE "fact"."cycle_p20261003" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-03T00:00:00') TO ('2026-10-04T00:00:00');
CREATE TABLE "fact"."cycle_p20261004" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-04T00:00:00') TO (MAXVALUE);
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261003_split";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_p20261003_split";
ALTER TABLE "fact"."sample" DETACH PARTITION "fact"."sample_p20261003";
ALTER TABLE "fact"."sample_p20261003" RENAME TO "sample_p20261003_split";
CREATE TABLE "fact"."sample_p20261003" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-03T00:00:00') TO ('2026-10-04T00:00:00');
CREATE TABLE "fact"."sample_p20261004" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-04T00:00:00') TO (MAXVALUE);
INSERT INTO "fact"."sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sample_p20261003_split";
DROP TABLE "fact"."sample_p20261003_split";

-- split partition function pf_day at '2026-09-30T00:00:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_pmin";
ALTER TABLE "fact"."cycle_pmin" RENAME TO "cycle_pmin_split";
CREATE TABLE "fact"."cycle_pmin" PARTITION OF "fact"."cycle" FOR VALUES FROM (MINVALUE) TO ('2026-09-30T00:00:00');
CREATE TABLE "fact"."cycle_p20260930" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-09-30T00:00:00') TO ('2026-10-01T00:00:00');
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_pmin_split";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_pmin_split";
ALTER TABLE "fact"."sample" DETACH PARTITION "fact"."sample_pmin";
ALTER TABLE "fact"."sample_pmin" RENAME TO "sample_pmin_split";
CREATE TABLE "fact"."sample_pmin" PARTITION OF "fact"."sample" FOR VALUES FROM (MINVALUE) TO ('2026-09-30T00:00:00');
CREATE TABLE "fact"."sample_p20260930" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-09-30T00:00:00') TO ('2026-10-01T00:00:00');
INSERT INTO "fact"."sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sample_pmin_split";
DROP TABLE "fact"."sample_pmin_split";

-- split partition function pf_day at '2026-10-02T06:30:00'
ALTER TABLE "fact"."cycle" DETACH PARTITION "fact"."cycle_p20261002";
ALTER TABLE "fact"."cycle_p20261002" RENAME TO "cycle_p20261002_split";
CREATE TABLE "fact"."cycle_p20261002" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-02T00:00:00') TO ('2026-10-02T06:30:00');
CREATE TABLE "fact"."cycle_p20261002_063000" PARTITION OF "fact"."cycle" FOR VALUES FROM ('2026-10-02T06:30:00') TO ('2026-10-03T00:00:00');
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;
INSERT INTO "fact"."cycle" ("machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json") SELECT "machine_id", "start_ts", "cycle_id", "site_id", "end_ts", "good_qty", "scrap_qty", "is_startup", "status", "payload_json" FROM "fact"."cycle_p20261002_split";
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
DROP TABLE "fact"."cycle_p20261002_split";
ALTER TABLE "fact"."sample" DETACH PARTITION "fact"."sample_p20261002";
ALTER TABLE "fact"."sample_p20261002" RENAME TO "sample_p20261002_split";
CREATE TABLE "fact"."sample_p20261002" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-02T00:00:00') TO ('2026-10-02T06:30:00');
CREATE TABLE "fact"."sample_p20261002_063000" PARTITION OF "fact"."sample" FOR VALUES FROM ('2026-10-02T06:30:00') TO ('2026-10-03T00:00:00');
INSERT INTO "fact"."sample" ("machine_id", "ts_utc", "value") SELECT "machine_id", "ts_utc", "value" FROM "fact"."sample_p20261002_split";
DROP TABLE "fact"."sample_p20261002_split";
