SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- rename table ref.plant to site
EXEC sp_rename N'[ref].[plant]', N'site';
GO
