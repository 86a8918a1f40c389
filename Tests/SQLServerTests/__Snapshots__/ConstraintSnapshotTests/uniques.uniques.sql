SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop unique constraint uq_site_code on ref.site
ALTER TABLE [ref].[site] DROP CONSTRAINT [uq_site_code];
GO
-- add unique constraint uq_site_code on ref.site
ALTER TABLE [ref].[site] ADD CONSTRAINT [uq_site_code] UNIQUE NONCLUSTERED ([code] ASC, [name] DESC);
GO
-- add unique constraint uq_cycle_id on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [uq_cycle_id] UNIQUE NONCLUSTERED ([cycle_id] ASC, [start_ts] ASC) ON [ps_day]([start_ts]);
GO
