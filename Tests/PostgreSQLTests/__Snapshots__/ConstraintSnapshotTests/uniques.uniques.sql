-- drop unique constraint uq_site_code on ref.site
ALTER TABLE "ref"."site" DROP CONSTRAINT "uq_site_code";

-- add unique constraint uq_site_code on ref.site
-- omitted: DESC order of name in uq_site_code (a PRIMARY KEY or UNIQUE constraint's index is ascending; it is scanned backwards for DESC)
ALTER TABLE "ref"."site" ADD CONSTRAINT "uq_site_code" UNIQUE ("code", "name");
