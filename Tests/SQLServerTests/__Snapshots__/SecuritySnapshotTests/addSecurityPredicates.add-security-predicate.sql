SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- add filter predicate on fact.sample to security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] ADD FILTER PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[sample];
GO
-- add block before update predicate on fact.cycle to security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] BEFORE UPDATE;
GO
