-- drop check constraint ck_site_code on ref.site
ALTER TABLE "ref"."site" DROP CONSTRAINT "ck_site_code";

-- add check constraint ck_site_code on ref.site NOT VALID (validated at the end)
ALTER TABLE "ref"."site" ADD CONSTRAINT "ck_site_code" CHECK ("code" <> '' AND "is_active" IN (true, false)) NOT VALID;

-- add check constraint ck_cycle_startup on fact.cycle
ALTER TABLE "fact"."cycle" ADD CONSTRAINT "ck_cycle_startup" CHECK ("is_startup" = false OR "good_qty" > 0);

-- oeedb:step transaction
-- validate 1 constraint(s) added NOT VALID (writers keep writing)
ALTER TABLE "ref"."site" VALIDATE CONSTRAINT "ck_site_code";
