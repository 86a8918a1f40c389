SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- disable security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] WITH (STATE = OFF);
GO
-- enable security policy sec.site_policy
ALTER SECURITY POLICY [sec].[site_policy] WITH (STATE = ON);
GO
