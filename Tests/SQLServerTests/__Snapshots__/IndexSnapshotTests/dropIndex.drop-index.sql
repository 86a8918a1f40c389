SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop index ix_cycle_open on fact.cycle
DROP INDEX [ix_cycle_open] ON [fact].[cycle];
GO
