-- loss query: views
SELECT
    s.[name] AS [schema_name],
    v.[name] AS [object_name],
    N'view' AS [detail]
FROM sys.views AS v
JOIN sys.schemas AS s ON s.[schema_id] = v.[schema_id]
WHERE v.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
ORDER BY [schema_name], [object_name];
GO
-- loss query: routines
SELECT
    s.[name] AS [schema_name],
    o.[name] AS [object_name],
    LOWER(REPLACE(o.[type_desc], N'_', N' ')) AS [detail]
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
WHERE o.[type] IN ('P', 'PC', 'X', 'RF', 'FN', 'FS', 'FT', 'TF', 'AF')
    AND o.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
ORDER BY [schema_name], [object_name];
GO
-- loss query: triggers
SELECT
    s.[name] AS [schema_name],
    CONCAT(o.[name], N'.', tr.[name]) AS [object_name],
    CONCAT(N'trigger ', tr.[type_desc], CASE WHEN tr.[is_disabled] = 1 THEN N' (disabled)' ELSE N'' END) AS [detail]
FROM sys.triggers AS tr
JOIN sys.objects AS o ON o.[object_id] = tr.[parent_id]
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
WHERE tr.[is_ms_shipped] = 0
    AND tr.[parent_class] = 1
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    N'' AS [schema_name],
    tr.[name] AS [object_name],
    N'database trigger' AS [detail]
FROM sys.triggers AS tr
WHERE tr.[is_ms_shipped] = 0
    AND tr.[parent_class] = 0
ORDER BY [schema_name], [object_name];
GO
-- loss query: sequences
SELECT
    s.[name] AS [schema_name],
    sq.[name] AS [object_name],
    CONCAT(N'sequence ', TYPE_NAME(sq.[user_type_id]), N' start ', CAST(sq.[start_value] AS nvarchar(40)),
        N' increment ', CAST(sq.[increment] AS nvarchar(40))) AS [detail]
FROM sys.sequences AS sq
JOIN sys.schemas AS s ON s.[schema_id] = sq.[schema_id]
WHERE sq.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
ORDER BY [schema_name], [object_name];
GO
-- loss query: grants
SELECT
    s.[name] AS [schema_name],
    o.[name] AS [object_name],
    CONCAT(dp.[state_desc], N' ', dp.[permission_name], N' TO ', pr.[name]) AS [detail]
FROM sys.database_permissions AS dp
JOIN sys.database_principals AS pr ON pr.[principal_id] = dp.[grantee_principal_id]
JOIN sys.objects AS o ON o.[object_id] = dp.[major_id]
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
WHERE dp.[class] = 1
    AND o.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    N'' AS [object_name],
    CONCAT(dp.[state_desc], N' ', dp.[permission_name], N' ON SCHEMA TO ', pr.[name]) AS [detail]
FROM sys.database_permissions AS dp
JOIN sys.database_principals AS pr ON pr.[principal_id] = dp.[grantee_principal_id]
JOIN sys.schemas AS s ON s.[schema_id] = dp.[major_id]
WHERE dp.[class] = 3
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    N'' AS [schema_name],
    N'' AS [object_name],
    CONCAT(dp.[state_desc], N' ', dp.[permission_name], N' ON DATABASE TO ', pr.[name]) AS [detail]
FROM sys.database_permissions AS dp
JOIN sys.database_principals AS pr ON pr.[principal_id] = dp.[grantee_principal_id]
WHERE dp.[class] = 0
    AND dp.[permission_name] <> N'CONNECT'
ORDER BY [schema_name], [object_name], [detail];
GO
-- loss query: options
SELECT
    s.[name] AS [schema_name],
    CONCAT(t.[name], N'.', c.[name]) AS [object_name],
    CONCAT(N'column collation ', c.[collation_name]) AS [detail]
FROM sys.columns AS c
JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE c.[collation_name] <> CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS sysname)
    AND t.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    CONCAT(t.[name], N'.', c.[name]) AS [object_name],
    N'sparse column' AS [detail]
FROM sys.columns AS c
JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE c.[is_sparse] = 1
    AND t.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    CONCAT(t.[name], N'.', c.[name]) AS [object_name],
    CONCAT(N'column type ', TYPE_NAME(c.[system_type_id]), N' (the model has no such type)') AS [detail]
FROM sys.columns AS c
JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE TYPE_NAME(c.[system_type_id]) NOT IN (N'tinyint', N'smallint', N'int', N'bigint', N'bit', N'decimal', N'numeric', N'float', N'real', N'date', N'time', N'datetime2', N'datetimeoffset', N'char', N'varchar', N'nchar', N'nvarchar', N'varbinary', N'uniqueidentifier', N'sysname')
    AND t.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    CONCAT(t.[name], N'.', i.[name]) AS [object_name],
    CONCAT(N'index option', CASE WHEN i.[fill_factor] NOT IN (0, 100) THEN CONCAT(N' FILLFACTOR = ', i.[fill_factor]) ELSE N'' END,
        CASE WHEN i.[ignore_dup_key] = 1 THEN N' IGNORE_DUP_KEY = ON' ELSE N'' END,
        CASE WHEN i.[is_padded] = 1 THEN N' PAD_INDEX = ON' ELSE N'' END,
        CASE WHEN i.[allow_row_locks] = 0 THEN N' ALLOW_ROW_LOCKS = OFF' ELSE N'' END,
        CASE WHEN i.[allow_page_locks] = 0 THEN N' ALLOW_PAGE_LOCKS = OFF' ELSE N'' END,
        CASE WHEN i.[type] IN (3, 4, 7) THEN CONCAT(N' ', i.[type_desc], N' index') ELSE N'' END) AS [detail]
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.[object_id] = i.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE (i.[fill_factor] NOT IN (0, 100) OR i.[ignore_dup_key] = 1 OR i.[is_padded] = 1
        OR i.[allow_row_locks] = 0 OR i.[allow_page_locks] = 0 OR i.[type] IN (3, 4, 7))
    AND t.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [object_name],
    CONCAT(CASE WHEN t.[temporal_type] <> 0 THEN CONCAT(N' ', t.[temporal_type_desc]) ELSE N'' END,
        CASE WHEN t.[is_memory_optimized] = 1 THEN N' memory-optimized table' ELSE N'' END) AS [detail]
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE (t.[temporal_type] <> 0 OR t.[is_memory_optimized] = 1)
    AND t.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
ORDER BY [schema_name], [object_name], [detail];
GO
-- loss query: other_objects
SELECT
    s.[name] AS [schema_name],
    sn.[name] AS [object_name],
    CONCAT(N'synonym for ', sn.[base_object_name]) AS [detail]
FROM sys.synonyms AS sn
JOIN sys.schemas AS s ON s.[schema_id] = sn.[schema_id]
WHERE s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
UNION ALL
SELECT
    s.[name] AS [schema_name],
    ty.[name] AS [object_name],
    CASE WHEN ty.[is_table_type] = 1 THEN N'table type' ELSE CONCAT(N'alias type over ', TYPE_NAME(ty.[system_type_id])) END AS [detail]
FROM sys.types AS ty
JOIN sys.schemas AS s ON s.[schema_id] = ty.[schema_id]
WHERE ty.[is_user_defined] = 1
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb')
ORDER BY [schema_name], [object_name];
GO
