SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop column fact.cycle.payload_json
ALTER TABLE [fact].[cycle] DROP COLUMN [payload_json];
GO
-- drop column fact.cycle.status
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [df_cycle_status];
ALTER TABLE [fact].[cycle] DROP COLUMN [status];
GO
