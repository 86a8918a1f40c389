SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create table fact.event
CREATE TABLE [fact].[event] (
    [event_id] uniqueidentifier NOT NULL CONSTRAINT [df_event_id] DEFAULT (NEWSEQUENTIALID()),
    [ts_local] datetimeoffset(7) NOT NULL,
    [kind] char(4) NOT NULL,
    [ratio] decimal(5, 4) NULL CONSTRAINT [df_event_ratio] DEFAULT (-0.85),
    [raw] varbinary(max) NULL,
    [shift_start] time(0) NULL,
    [flags] tinyint NOT NULL CONSTRAINT [df_event_flags] DEFAULT (0),
    [operator] sysname NOT NULL CONSTRAINT [df_event_operator] DEFAULT (SUSER_SNAME()),
    [weight] float(24) NULL,
    [label] nchar(2) NOT NULL CONSTRAINT [df_event_label] DEFAULT (N'O''K'),
    CONSTRAINT [pk_event] PRIMARY KEY NONCLUSTERED ([event_id] ASC)
)
WITH (DATA_COMPRESSION = ROW);
GO
