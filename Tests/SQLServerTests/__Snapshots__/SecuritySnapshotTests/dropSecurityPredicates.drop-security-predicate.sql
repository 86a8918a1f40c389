SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop filter predicate on fact.cycle from security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] DROP FILTER PREDICATE ON [fact].[cycle];
GO
-- drop block after insert predicate on fact.cycle from security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] DROP BLOCK PREDICATE ON [fact].[cycle];
GO
