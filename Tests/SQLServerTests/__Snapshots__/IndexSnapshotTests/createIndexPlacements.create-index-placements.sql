SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create index ix_cycle_machine_end on fact.cycle
CREATE UNIQUE NONCLUSTERED INDEX [ix_cycle_machine_end] ON [fact].[cycle] ([machine_id] ASC, [end_ts] DESC)
ON [PRIMARY];
GO
-- create index ix_cycle_site_start on fact.cycle
CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
WITH (DATA_COMPRESSION = ROW)
ON [ps_day]([start_ts]);
GO
-- create index cx_site_code on ref.site
CREATE UNIQUE CLUSTERED INDEX [cx_site_code] ON [ref].[site] ([code] ASC)
WITH (DATA_COMPRESSION = NONE);
GO
