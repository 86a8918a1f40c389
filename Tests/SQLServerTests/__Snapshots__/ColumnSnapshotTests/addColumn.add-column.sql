SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- add column fact.cycle.note
ALTER TABLE [fact].[cycle] ADD [note] nvarchar(200) NULL;
GO
-- add column fact.cycle.rework_qty
ALTER TABLE [fact].[cycle] ADD [rework_qty] int NOT NULL CONSTRAINT [df_cycle_rework_qty] DEFAULT (0);
GO
-- add column fact.cycle.shift_id
ALTER TABLE [fact].[cycle] ADD [shift_id] int NOT NULL;
GO
-- add column fact.cycle.net_qty
ALTER TABLE [fact].[cycle] ADD [net_qty] AS ([good_qty] - [scrap_qty]);
GO
-- add column fact.cycle.row_id
ALTER TABLE [fact].[cycle] ADD [row_id] bigint IDENTITY(1, 1) NOT NULL;
GO
