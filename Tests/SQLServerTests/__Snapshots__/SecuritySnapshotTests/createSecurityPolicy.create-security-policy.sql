SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create security policy sec.site_policy
CREATE SECURITY POLICY [sec].[site_policy]
ADD FILTER PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle],
ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] AFTER INSERT,
ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] AFTER UPDATE
WITH (STATE = ON, SCHEMABINDING = ON);
GO
-- create security policy sec.site_policy_off
CREATE SECURITY POLICY [sec].[site_policy_off]
ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[sample] BEFORE DELETE
WITH (STATE = OFF, SCHEMABINDING = OFF);
GO
