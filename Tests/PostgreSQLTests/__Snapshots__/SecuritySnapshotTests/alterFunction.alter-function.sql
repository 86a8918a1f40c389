-- drop security policy sec.site_policy
DROP POLICY "site_policy_filter" ON "fact"."cycle";
DROP POLICY "site_policy_block_insert" ON "fact"."cycle";
DROP POLICY "site_policy_block_update" ON "fact"."cycle";
ALTER TABLE "fact"."cycle" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;

-- alter function sec.fn_site_filter
CREATE OR REPLACE FUNCTION "sec"."fn_site_filter"("site_id" smallint)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
SELECT "fn_site_filter"."site_id" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS smallint) OR CAST(NULLIF(current_setting('oeedb.is_global', true), '') AS boolean) = true
$$;

-- alter function sec.fn_site_filter
DROP FUNCTION "sec"."fn_site_filter"(smallint);
CREATE FUNCTION "sec"."fn_site_filter"("tenant_id" integer)
RETURNS boolean
LANGUAGE sql
STABLE
AS $$
SELECT "fn_site_filter"."tenant_id" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS integer)
$$;
