-- create table agg.line_stat
-- omitted: CLUSTERED on pk_line_stat (PostgreSQL tables are heaps; CLUSTER is a one-time reorder, not maintained)
CREATE TABLE "agg"."line_stat" (
    "line_id" integer NOT NULL,
    "qty" integer NOT NULL,
    CONSTRAINT "pk_line_stat" PRIMARY KEY ("line_id")
)
PARTITION BY RANGE ("line_id");
CREATE TABLE "agg"."line_stat_pmin" PARTITION OF "agg"."line_stat" FOR VALUES FROM (MINVALUE) TO (101);
CREATE TABLE "agg"."line_stat_p101" PARTITION OF "agg"."line_stat" FOR VALUES FROM (101) TO (201);
CREATE TABLE "agg"."line_stat_p201" PARTITION OF "agg"."line_stat" FOR VALUES FROM (201) TO (MAXVALUE);

-- split partition function pf_line at 150
ALTER TABLE "agg"."line_stat" DETACH PARTITION "agg"."line_stat_p101";
ALTER TABLE "agg"."line_stat_p101" RENAME TO "line_stat_p101_split";
CREATE TABLE "agg"."line_stat_p101" PARTITION OF "agg"."line_stat" FOR VALUES FROM (101) TO (151);
CREATE TABLE "agg"."line_stat_p151" PARTITION OF "agg"."line_stat" FOR VALUES FROM (151) TO (201);
INSERT INTO "agg"."line_stat" ("line_id", "qty") SELECT "line_id", "qty" FROM "agg"."line_stat_p101_split";
DROP TABLE "agg"."line_stat_p101_split";

-- merge partition function pf_line at 100
ALTER TABLE "agg"."line_stat" DETACH PARTITION "agg"."line_stat_pmin";
ALTER TABLE "agg"."line_stat_pmin" RENAME TO "line_stat_pmin_merge";
ALTER TABLE "agg"."line_stat" DETACH PARTITION "agg"."line_stat_p101";
ALTER TABLE "agg"."line_stat_p101" RENAME TO "line_stat_p101_merge";
CREATE TABLE "agg"."line_stat_pmin" PARTITION OF "agg"."line_stat" FOR VALUES FROM (MINVALUE) TO (151);
INSERT INTO "agg"."line_stat" ("line_id", "qty") SELECT "line_id", "qty" FROM "agg"."line_stat_pmin_merge";
INSERT INTO "agg"."line_stat" ("line_id", "qty") SELECT "line_id", "qty" FROM "agg"."line_stat_p101_merge";
DROP TABLE "agg"."line_stat_pmin_merge";
DROP TABLE "agg"."line_stat_p101_merge";
