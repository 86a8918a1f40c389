SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop block after update predicate on fact.cycle from security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] DROP BLOCK PREDICATE ON [fact].[cycle] AFTER UPDATE;
GO
