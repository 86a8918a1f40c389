SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- rename index fact.cycle.ix_open to ix_cycle_open
EXEC sp_rename N'[fact].[cycle].[ix_open]', N'ix_cycle_open', N'INDEX';
GO
