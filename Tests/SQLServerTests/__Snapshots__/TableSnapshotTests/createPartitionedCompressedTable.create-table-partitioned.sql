SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create table fact.cycle
CREATE TABLE [fact].[cycle] (
    [machine_id] int NOT NULL,
    [start_ts] datetime2(3) NOT NULL,
    [cycle_id] bigint NOT NULL,
    [site_id] smallint NOT NULL,
    [end_ts] datetime2(3) NULL,
    [good_qty] int NOT NULL CONSTRAINT [df_cycle_good_qty] DEFAULT (0),
    [scrap_qty] int NOT NULL CONSTRAINT [df_cycle_scrap_qty] DEFAULT (0),
    [status] varchar(16) NOT NULL CONSTRAINT [df_cycle_status] DEFAULT ('open'),
    [payload_json] nvarchar(max) NULL,
    [total_qty] AS ([good_qty] + [scrap_qty]) PERSISTED NOT NULL,
    CONSTRAINT [pk_cycle] PRIMARY KEY CLUSTERED ([machine_id] ASC, [start_ts] DESC, [cycle_id] ASC) WITH (DATA_COMPRESSION = PAGE),
    CONSTRAINT [ck_cycle_end_after_start] CHECK ([end_ts] IS NULL OR [end_ts] >= [start_ts]),
    CONSTRAINT [ck_cycle_qty] CHECK ([good_qty] >= 0 AND [scrap_qty] >= 0),
    CONSTRAINT [ck_cycle_payload_json] CHECK ([payload_json] IS NULL OR ISJSON([payload_json]) = 1)
)
ON [ps_day]([start_ts])
WITH (DATA_COMPRESSION = PAGE);
GO
