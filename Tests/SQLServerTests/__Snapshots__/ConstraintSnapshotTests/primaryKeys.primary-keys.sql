SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- drop primary key pk_cycle on fact.cycle
ALTER TABLE [fact].[cycle] DROP CONSTRAINT [pk_cycle];
GO
-- add primary key pk_cycle on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [pk_cycle] PRIMARY KEY CLUSTERED ([machine_id] ASC, [start_ts] DESC, [cycle_id] ASC) WITH (DATA_COMPRESSION = PAGE) ON [ps_day]([start_ts]);
GO
-- add primary key pk_site on ref.site
ALTER TABLE [ref].[site] ADD CONSTRAINT [pk_site] PRIMARY KEY NONCLUSTERED ([site_id] ASC);
GO
