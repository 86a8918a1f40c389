SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- alter column fact.cycle.payload_json
ALTER TABLE [fact].[cycle] ALTER COLUMN [payload_json] nvarchar(max) NULL;
GO
-- alter column fact.cycle.end_ts
ALTER TABLE [fact].[cycle] ALTER COLUMN [end_ts] datetime2(3) NOT NULL;
GO
