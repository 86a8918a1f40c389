SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO
-- oeedb:step no-transaction
-- create index ix_machine_site on ref.machine (online where the edition allows)
IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = OBJECT_ID(N'[ref].[machine]') AND [name] = N'ix_machine_site')
    ALTER INDEX [ix_machine_site] ON [ref].[machine] RESUME;
ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = OBJECT_ID(N'[ref].[machine]') AND [name] = N'ix_machine_site')
BEGIN
    IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
    BEGIN
        IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_machine_site] ON [ref].[machine] ([site_id] ASC, [code] DESC)
INCLUDE ([ideal_cycle_s])
WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES);');
        ELSE
            EXEC (N'CREATE NONCLUSTERED INDEX [ix_machine_site] ON [ref].[machine] ([site_id] ASC, [code] DESC)
INCLUDE ([ideal_cycle_s])
WITH (ONLINE = ON);');
    END
    ELSE
CREATE NONCLUSTERED INDEX [ix_machine_site] ON [ref].[machine] ([site_id] ASC, [code] DESC)
INCLUDE ([ideal_cycle_s]);
END;
GO
