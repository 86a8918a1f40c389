IF SCHEMA_ID(N'oeedb') IS NULL EXEC(N'CREATE SCHEMA [oeedb]');
GO
IF OBJECT_ID(N'[oeedb].[partition_maintenance]', N'U') IS NULL
CREATE TABLE [oeedb].[partition_maintenance] (
    [log_id] bigint IDENTITY(1, 1) NOT NULL CONSTRAINT [pk_partition_maintenance] PRIMARY KEY,
    [run_id] varchar(40) NOT NULL,
    [as_of_utc] datetime2(0) NOT NULL,
    [step_no] int NOT NULL,
    [action] varchar(16) NOT NULL,
    [target] nvarchar(300) NOT NULL,
    [detail] nvarchar(2000) NOT NULL,
    [rows_affected] bigint NOT NULL,
    [succeeded] bit NOT NULL,
    [executed_by] nvarchar(128) NOT NULL,
    [executed_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_partition_maintenance_executed_at_utc] DEFAULT (SYSUTCDATETIME()),
    [execution_ms] int NOT NULL
);
GO
SELECT s.[name], t.[name], p.[partition_number],
       CONVERT(varchar(33), CONVERT(datetime2(7), lo.[value]), 126) AS [lower_bound],
       CONVERT(varchar(33), CONVERT(datetime2(7), hi.[value]), 126) AS [upper_bound],
       p.[rows]
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.indexes AS i ON i.[object_id] = t.[object_id] AND i.[index_id] IN (0, 1)
JOIN sys.partition_schemes AS ps ON ps.[data_space_id] = i.[data_space_id]
JOIN sys.partitions AS p ON p.[object_id] = t.[object_id] AND p.[index_id] = i.[index_id]
LEFT JOIN sys.partition_range_values AS lo ON lo.[function_id] = ps.[function_id] AND lo.[boundary_id] = p.[partition_number] - 1
LEFT JOIN sys.partition_range_values AS hi ON hi.[function_id] = ps.[function_id] AND hi.[boundary_id] = p.[partition_number]
WHERE s.[name] + N'.' + t.[name] IN (N'fact.event', N'fact.cycle')
ORDER BY s.[name], t.[name], p.[partition_number];
GO
SELECT COUNT_BIG(*) FROM [fact].[event] WHERE [ts_utc] >= '2026-10-03T00:00:00';
GO
SELECT CONVERT(varchar(33), CONVERT(datetime2(7), lo.[value]), 126) AS [lower_bound], c.[rows]
FROM (SELECT $PARTITION.[pf_day]([ts_utc]) AS [partition_number], COUNT_BIG(*) AS [rows]
      FROM [fact].[event]
      GROUP BY $PARTITION.[pf_day]([ts_utc])) AS c
LEFT JOIN sys.partition_range_values AS lo
    ON lo.[function_id] = (SELECT pf.[function_id] FROM sys.partition_functions AS pf WHERE pf.[name] = N'pf_day')
   AND lo.[boundary_id] = c.[partition_number] - 1
ORDER BY c.[partition_number];
GO
SELECT s.[name], t.[name], i.[name], i.[filter_definition]
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.[object_id] = i.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE s.[name] + N'.' + t.[name] + N'.' + i.[name] IN (N'fact.event.ix_event_hot_window')
ORDER BY s.[name], t.[name], i.[name];
GO
INSERT INTO [oeedb].[partition_maintenance] ([run_id], [as_of_utc], [step_no], [action], [target], [detail], [rows_affected], [succeeded], [executed_by], [execution_ms]) VALUES (NULL, CAST(NULL AS datetime2(0)), NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
GO
