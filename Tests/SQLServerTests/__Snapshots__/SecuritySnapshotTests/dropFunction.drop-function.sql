SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop function sec.fn_site_filter
DROP FUNCTION [sec].[fn_site_filter];
GO
