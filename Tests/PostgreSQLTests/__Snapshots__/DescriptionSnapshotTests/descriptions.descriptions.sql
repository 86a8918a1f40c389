-- description of schema ref
COMMENT ON SCHEMA "ref" IS 'Hierarchy and master data';

-- descriptions of table ref.site
COMMENT ON TABLE "ref"."site" IS 'A plant';
COMMENT ON COLUMN "ref"."site"."code" IS 'Site''s code';
COMMENT ON CONSTRAINT "pk_site" ON "ref"."site" IS 'One row per site';

-- descriptions of table ref.machine
COMMENT ON INDEX "ref"."ix_machine_site" IS 'Machines of a site';
COMMENT ON TABLE "ref"."machine" IS NULL;

-- description of function sec.fn_site_filter
COMMENT ON FUNCTION "sec"."fn_site_filter"(smallint) IS 'Rows of the session''s site';
