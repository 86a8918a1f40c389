SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- alter function sec.fn_site_filter
ALTER FUNCTION [sec].[fn_site_filter](@site_id smallint, @line_id int)
RETURNS TABLE
AS
RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint) AND (@line_id IS NULL OR @line_id IN (1, 2));
GO
