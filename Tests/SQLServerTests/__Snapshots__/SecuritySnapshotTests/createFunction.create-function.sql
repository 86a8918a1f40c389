SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create function sec.fn_site_filter
CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint) OR IS_MEMBER(N'oee_admin') = 1;
GO
