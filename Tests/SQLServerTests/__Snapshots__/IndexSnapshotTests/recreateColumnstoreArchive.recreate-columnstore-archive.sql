SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- recreate index cci_sample on fact.sample
CREATE CLUSTERED COLUMNSTORE INDEX [cci_sample] ON [fact].[sample]
WITH (DROP_EXISTING = ON, DATA_COMPRESSION = COLUMNSTORE_ARCHIVE)
ON [ps_day]([ts_utc]);
GO
