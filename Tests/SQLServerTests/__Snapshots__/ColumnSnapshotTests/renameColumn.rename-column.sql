SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- rename column fact.cycle.qty to good_qty
EXEC sp_rename N'[fact].[cycle].[qty]', N'good_qty', N'COLUMN';
GO
