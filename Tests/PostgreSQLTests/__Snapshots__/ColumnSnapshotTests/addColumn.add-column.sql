-- add column ref.site.is_test
ALTER TABLE "ref"."site" ADD COLUMN "is_test" boolean NOT NULL DEFAULT false;

-- add column ref.site.region
ALTER TABLE "ref"."site" ADD COLUMN "region" varchar(40) NULL;

-- add column fact.cycle.net_qty
ALTER TABLE "fact"."cycle" ADD COLUMN "net_qty" integer GENERATED ALWAYS AS ("good_qty" - "scrap_qty") STORED;

-- add column ref.site.row_guid
ALTER TABLE "ref"."site" ADD COLUMN "row_guid" uuid NOT NULL DEFAULT gen_random_uuid();
