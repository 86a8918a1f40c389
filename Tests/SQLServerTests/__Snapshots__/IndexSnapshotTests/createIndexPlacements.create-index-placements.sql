SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- oeedb:step no-transaction
-- create index ix_cycle_machine_end on fact.cycle (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_machine_end')
    ALTER INDEX [ix_cycle_machine_end] ON [fact].[cycle] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_machine_end')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE UNIQUE NONCLUSTERED INDEX [ix_cycle_machine_end] ON [fact].[cycle] ([machine_id] ASC, [end_ts] DESC)
WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)
ON [PRIMARY];');
        ELSE
            EXEC (N'CREATE UNIQUE NONCLUSTERED INDEX [ix_cycle_machine_end] ON [fact].[cycle] ([machine_id] ASC, [end_ts] DESC)
WITH (ONLINE = ON)
ON [PRIMARY];');
    END
    ELSE
CREATE UNIQUE NONCLUSTERED INDEX [ix_cycle_machine_end] ON [fact].[cycle] ([machine_id] ASC, [end_ts] DESC)
ON [PRIMARY];
END;
GO
-- oeedb:step no-transaction
-- create index ix_cycle_site_start on fact.cycle (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_site_start')
    ALTER INDEX [ix_cycle_site_start] ON [fact].[cycle] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[fact].[cycle]') AND [name] = N'ix_cycle_site_start')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
WITH (DATA_COMPRESSION = ROW, ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES)
ON [ps_day]([start_ts]);');
        ELSE
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
WITH (DATA_COMPRESSION = ROW, ONLINE = ON)
ON [ps_day]([start_ts]);');
    END
    ELSE
CREATE NONCLUSTERED INDEX [ix_cycle_site_start] ON [fact].[cycle] ([site_id] ASC, [start_ts] ASC)
WITH (DATA_COMPRESSION = ROW)
ON [ps_day]([start_ts]);
END;
GO
-- oeedb:step no-transaction
-- create index cx_site_code on ref.site (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[ref].[site]') AND [name] = N'cx_site_code')
    ALTER INDEX [cx_site_code] ON [ref].[site] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[ref].[site]') AND [name] = N'cx_site_code')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE UNIQUE CLUSTERED INDEX [cx_site_code] ON [ref].[site] ([code] ASC)
WITH (DATA_COMPRESSION = NONE, ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES);');
        ELSE
            EXEC (N'CREATE UNIQUE CLUSTERED INDEX [cx_site_code] ON [ref].[site] ([code] ASC)
WITH (DATA_COMPRESSION = NONE, ONLINE = ON);');
    END
    ELSE
CREATE UNIQUE CLUSTERED INDEX [cx_site_code] ON [ref].[site] ([code] ASC)
WITH (DATA_COMPRESSION = NONE);
END;
GO
