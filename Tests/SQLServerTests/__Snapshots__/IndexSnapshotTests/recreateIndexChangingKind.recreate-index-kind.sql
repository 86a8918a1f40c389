SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- recreate index cci_sample on fact.sample
DROP INDEX [cx_sample] ON [fact].[sample];
CREATE CLUSTERED COLUMNSTORE INDEX [cci_sample] ON [fact].[sample]
ON [ps_day]([ts_utc]);
GO
