-- disable security policy sec.site_policy
ALTER TABLE "fact"."cycle" DISABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" NO FORCE ROW LEVEL SECURITY;

-- enable security policy sec.site_policy
ALTER TABLE "fact"."cycle" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "fact"."cycle" FORCE ROW LEVEL SECURITY;
