SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop default df_site_is_active on ref.site.is_active
ALTER TABLE [ref].[site] DROP CONSTRAINT [df_site_is_active];
GO
-- add default df_site_is_active on ref.site.is_active
ALTER TABLE [ref].[site] ADD CONSTRAINT [df_site_is_active] DEFAULT (0) FOR [is_active];
GO
-- add default df_site_notes on ref.site.notes
ALTER TABLE [ref].[site] ADD CONSTRAINT [df_site_notes] DEFAULT (NULL) FOR [notes];
GO
