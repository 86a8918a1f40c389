SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create index ix_machine_site on ref.machine
CREATE NONCLUSTERED INDEX [ix_machine_site] ON [ref].[machine] ([site_id] ASC, [code] DESC)
INCLUDE ([ideal_cycle_s]);
GO
