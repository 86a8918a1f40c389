-- drop filter predicate on fact.cycle from security policy sec.site_policy
DROP POLICY "site_policy_filter" ON "fact"."cycle";
CREATE POLICY "site_policy_allow" ON "fact"."cycle" AS PERMISSIVE FOR ALL USING (true) WITH CHECK (true);

-- drop block after insert predicate on fact.cycle from security policy sec.site_policy
DROP POLICY "site_policy_block_insert" ON "fact"."cycle";

-- drop block after update predicate on fact.cycle from security policy sec.site_policy
DROP POLICY "site_policy_block_update" ON "fact"."cycle";
DROP POLICY "site_policy_allow" ON "fact"."cycle";
ALTER TABLE "fact"."cycle" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;

-- add block after insert predicate on fact.cycle to security policy sec.site_policy
ALTER TABLE "fact"."cycle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
CREATE POLICY "site_policy_block_insert" ON "fact"."cycle" AS RESTRICTIVE FOR INSERT WITH CHECK ("sec"."fn_site_filter"("site_id"));
CREATE POLICY "site_policy_allow" ON "fact"."cycle" AS PERMISSIVE FOR ALL USING (true) WITH CHECK (true);

-- add filter predicate on fact.cycle to security policy sec.site_policy
DROP POLICY "site_policy_allow" ON "fact"."cycle";
CREATE POLICY "site_policy_filter" ON "fact"."cycle" AS PERMISSIVE FOR ALL USING ("sec"."fn_site_filter"("site_id")) WITH CHECK (true);

-- add filter predicate on ref.machine to security policy sec.site_policy
ALTER TABLE "ref"."machine" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "ref"."machine" FORCE ROW LEVEL SECURITY;
CREATE POLICY "site_policy_filter" ON "ref"."machine" AS PERMISSIVE FOR ALL USING ("sec"."fn_site_filter"("site_id")) WITH CHECK (true);
