SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop default df_cycle_status on fact.cycle.status
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [df_cycle_status];
GO
-- drop column fact.cycle.status
ALTER TABLE [fact].[cycle] DROP COLUMN [status];
GO
