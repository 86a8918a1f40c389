SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop security policy sec.site_policy
DROP SECURITY POLICY [sec].[site_policy];
GO
