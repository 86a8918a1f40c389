-- create security policy sec.site_policy
CREATE POLICY "site_policy_filter" ON "fact"."cycle" AS PERMISSIVE FOR ALL USING ("sec"."fn_site_filter"("site_id")) WITH CHECK (true);
CREATE POLICY "site_policy_block_insert" ON "fact"."cycle" AS RESTRICTIVE FOR INSERT WITH CHECK ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "site_policy_block_update" ON "fact"."cycle" AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK ("sec"."fn_site_filter"("site_id"));

-- enable security policy sec.site_policy
ALTER TABLE "fact"."cycle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
