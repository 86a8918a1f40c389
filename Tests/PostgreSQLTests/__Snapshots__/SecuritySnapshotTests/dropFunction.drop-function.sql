-- drop security policy sec.site_policy
DROP POLICY "site_policy_filter" ON "fact"."cycle";
DROP POLICY "site_policy_block_insert" ON "fact"."cycle";
DROP POLICY "site_policy_block_update" ON "fact"."cycle";
ALTER TABLE "fact"."cycle" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;

-- drop function sec.fn_site_filter
DROP FUNCTION "sec"."fn_site_filter"(smallint);
