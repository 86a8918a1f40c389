SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- create partition function pf_day
CREATE PARTITION FUNCTION [pf_day](datetime2(3)) AS RANGE RIGHT FOR VALUES (
    '2026-10-01T00:00:00',
    '2026-10-02T00:00:00',
    '2026-10-03T00:00:00'
);
GO
-- create partition scheme ps_day
CREATE PARTITION SCHEME [ps_day] AS PARTITION [pf_day] ALL TO ([PRIMARY]);
GO
-- create schema ref
CREATE SCHEMA [ref];
GO
-- create schema fact
CREATE SCHEMA [fact];
GO
-- create schema sec
CREATE SCHEMA [sec];
GO
-- create table ref.site
CREATE TABLE [ref].[site] (
    [site_id] smallint IDENTITY(1, 1) NOT NULL,
    [code] nvarchar(20) NOT NULL,
    [name] nvarchar(100) NOT NULL,
    [is_active] bit NOT NULL CONSTRAINT [df_site_is_active] DEFAULT (1),
    [created_utc] datetime2(3) NOT NULL CONSTRAINT [df_site_created_utc] DEFAULT (SYSUTCDATETIME()),
    [notes] nvarchar(max) NULL,
    CONSTRAINT [pk_site] PRIMARY KEY CLUSTERED ([site_id] ASC),
    CONSTRAINT [uq_site_code] UNIQUE NONCLUSTERED ([code] ASC),
    CONSTRAINT [ck_site_code] CHECK ([code] <> N'')
);
GO
-- create table ref.machine
CREATE TABLE [ref].[machine] (
    [machine_id] int IDENTITY(1000, 1) NOT NULL,
    [site_id] smallint NOT NULL,
    [code] varchar(32) NOT NULL,
    [ideal_cycle_s] decimal(9, 3) NOT NULL CONSTRAINT [df_machine_ideal_cycle_s] DEFAULT (60.000),
    CONSTRAINT [pk_machine] PRIMARY KEY CLUSTERED ([machine_id] ASC)
);
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
-- create table fact.sample
CREATE TABLE [fact].[sample] (
    [machine_id] int NOT NULL,
    [ts_utc] datetime2(3) NOT NULL,
    [value] float NOT NULL
)
ON [ps_day]([ts_utc]);
GO
-- add foreign key fk_machine_site on ref.machine
ALTER TABLE [ref].[machine] ADD CONSTRAINT [fk_machine_site] FOREIGN KEY ([site_id]) REFERENCES [ref].[site] ([site_id]) ON DELETE CASCADE;
GO
-- add foreign key fk_cycle_machine on fact.cycle
ALTER TABLE [fact].[cycle] ADD CONSTRAINT [fk_cycle_machine] FOREIGN KEY ([machine_id]) REFERENCES [ref].[machine] ([machine_id]);
GO
-- create index ix_machine_site on ref.machine
CREATE NONCLUSTERED INDEX [ix_machine_site] ON [ref].[machine] ([site_id] ASC, [code] DESC)
INCLUDE ([ideal_cycle_s]);
GO
-- create index ix_cycle_open on fact.cycle
CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC, [machine_id] ASC)
INCLUDE ([status], [good_qty])
WHERE [end_ts] IS NULL AND [status] IN ('open', 'paused')
WITH (DATA_COMPRESSION = PAGE)
ON [ps_day]([start_ts]);
GO
-- create index cci_sample on fact.sample
CREATE CLUSTERED COLUMNSTORE INDEX [cci_sample] ON [fact].[sample]
ON [ps_day]([ts_utc]);
GO
-- create function sec.fn_site_filter
CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
RETURNS TABLE
WITH SCHEMABINDING
AS
RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint) OR IS_MEMBER(N'oee_admin') = 1;
GO
-- create security policy sec.site_policy
CREATE SECURITY POLICY [sec].[site_policy]
ADD FILTER PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle],
ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] AFTER INSERT,
ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] AFTER UPDATE
WITH (STATE = ON, SCHEMABINDING = ON);
GO
-- description of schema ref
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Hierarchy and master data', @level0type = N'SCHEMA', @level0name = N'ref';
GO
-- descriptions of table ref.site
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'A plant', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Surrogate key', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site', @level2type = N'COLUMN', @level2name = N'site_id';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Site code', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site', @level2type = N'COLUMN', @level2name = N'code';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Display name', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site', @level2type = N'COLUMN', @level2name = N'name';
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Whether the site reports', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'site', @level2type = N'COLUMN', @level2name = N'is_active';
GO
-- description of table ref.machine
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'A machine on a line', @level0type = N'SCHEMA', @level0name = N'ref', @level1type = N'TABLE', @level1name = N'machine';
GO
-- description of schema fact
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Measurements', @level0type = N'SCHEMA', @level0name = N'fact';
GO
-- description of table fact.cycle
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'One machine cycle', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle';
GO
-- description of table fact.sample
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Raw sensor samples', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'sample';
GO
-- description of schema sec
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Row-level security', @level0type = N'SCHEMA', @level0name = N'sec';
GO
-- description of function sec.fn_site_filter
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Rows of the session''s site', @level0type = N'SCHEMA', @level0name = N'sec', @level1type = N'FUNCTION', @level1name = N'fn_site_filter';
GO
-- description of partition function pf_day
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Daily partitions', @level0type = N'PARTITION FUNCTION', @level0name = N'pf_day';
GO
-- description of partition scheme ps_day
EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = N'Daily partitions on PRIMARY', @level0type = N'PARTITION SCHEME', @level0name = N'ps_day';
GO
