-- create security policy sec.write_policy
ALTER TABLE "ref"."machine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" FORCE ROW LEVEL SECURITY;
CREATE POLICY "write_policy_block_insert" ON "ref"."machine" AS RESTRICTIVE FOR INSERT WITH CHECK ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "write_policy_block_update" ON "ref"."machine" AS RESTRICTIVE FOR UPDATE USING (true) WITH CHECK ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "write_policy_block_before_update" ON "ref"."machine" AS RESTRICTIVE FOR UPDATE USING ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "write_policy_block_delete" ON "ref"."machine" AS RESTRICTIVE FOR DELETE USING ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "write_policy_allow" ON "ref"."machine" AS PERMISSIVE FOR ALL USING (true) WITH CHECK (true);
