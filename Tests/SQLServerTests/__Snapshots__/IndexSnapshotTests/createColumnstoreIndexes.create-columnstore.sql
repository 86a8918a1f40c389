SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create index cci_sample on fact.sample
CREATE CLUSTERED COLUMNSTORE INDEX [cci_sample] ON [fact].[sample]
ON [ps_day]([ts_utc]);
GO
-- create index ncci_cycle on fact.cycle
CREATE NONCLUSTERED COLUMNSTORE INDEX [ncci_cycle] ON [fact].[cycle] ([machine_id], [start_ts], [good_qty])
WHERE [end_ts] IS NOT NULL
ON [ps_day]([start_ts]);
GO
-- create index cci_archive on fact.archive
CREATE CLUSTERED COLUMNSTORE INDEX [cci_archive] ON [fact].[archive]
WITH (DATA_COMPRESSION = COLUMNSTORE_ARCHIVE);
GO
-- create index cci_archive2 on fact.archive2
CREATE CLUSTERED COLUMNSTORE INDEX [cci_archive2] ON [fact].[archive2];
GO
