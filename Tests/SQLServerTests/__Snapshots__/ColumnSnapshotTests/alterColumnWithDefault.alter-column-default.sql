SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- alter column fact.cycle.good_qty
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [df_cycle_good_qty];
ALTER TABLE [fact].[cycle] ALTER COLUMN [good_qty] bigint NOT NULL;
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [df_cycle_good_qty] DEFAULT (0) FOR [good_qty];
GO
