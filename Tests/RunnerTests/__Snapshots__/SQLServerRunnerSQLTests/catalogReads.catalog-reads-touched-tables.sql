-- schemas
SELECT
    s.[name] AS [schema_name]
FROM sys.schemas AS s
WHERE s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name];
GO
-- tables
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    i.[type_desc] AS [storage_type],
    ds.[type] AS [data_space_type],
    ds.[name] AS [data_space_name],
    pc.[name] AS [partition_column],
    p.[data_compression_desc] AS [data_compression]
FROM sys.tables AS t
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.indexes AS i ON i.[object_id] = t.[object_id] AND i.[index_id] IN (0, 1)
JOIN sys.data_spaces AS ds ON ds.[data_space_id] = i.[data_space_id]
LEFT JOIN sys.index_columns AS pic ON pic.[object_id] = i.[object_id] AND pic.[index_id] = i.[index_id] AND pic.[partition_ordinal] = 1
LEFT JOIN sys.columns AS pc ON pc.[object_id] = pic.[object_id] AND pc.[column_id] = pic.[column_id]
LEFT JOIN sys.partitions AS p ON p.[object_id] = i.[object_id] AND p.[index_id] = i.[index_id] AND p.[partition_number] = 1
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name];
GO
-- columns
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    c.[name] AS [column_name],
    c.[column_id] AS [column_id],
    CASE WHEN ty.[is_user_defined] = 1 THEN bt.[name] ELSE ty.[name] END AS [type_name],
    c.[max_length] AS [max_length],
    c.[precision] AS [precision],
    c.[scale] AS [scale],
    c.[is_nullable] AS [is_nullable],
    CAST(ic.[seed_value] AS nvarchar(40)) AS [identity_seed],
    CAST(ic.[increment_value] AS nvarchar(40)) AS [identity_increment],
    cc.[definition] AS [computed_definition],
    cc.[is_persisted] AS [is_persisted]
FROM sys.columns AS c
JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.types AS ty ON ty.[user_type_id] = c.[user_type_id]
LEFT JOIN sys.types AS bt ON bt.[user_type_id] = c.[system_type_id]
LEFT JOIN sys.identity_columns AS ic ON ic.[object_id] = c.[object_id] AND ic.[column_id] = c.[column_id]
LEFT JOIN sys.computed_columns AS cc ON cc.[object_id] = c.[object_id] AND cc.[column_id] = c.[column_id]
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [column_id];
GO
-- default_constraints
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    c.[name] AS [column_name],
    c.[column_id] AS [column_id],
    d.[name] AS [constraint_name],
    d.[definition] AS [definition],
    d.[is_system_named] AS [is_system_named]
FROM sys.default_constraints AS d
JOIN sys.tables AS t ON t.[object_id] = d.[parent_object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.columns AS c ON c.[object_id] = d.[parent_object_id] AND c.[column_id] = d.[parent_column_id]
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [column_id];
GO
-- key_constraints
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    k.[name] AS [constraint_name],
    k.[type] AS [constraint_type],
    i.[type_desc] AS [index_type],
    ic.[key_ordinal] AS [key_ordinal],
    c.[name] AS [column_name],
    ic.[is_descending_key] AS [is_descending_key],
    k.[is_system_named] AS [is_system_named]
FROM sys.key_constraints AS k
JOIN sys.tables AS t ON t.[object_id] = k.[parent_object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.indexes AS i ON i.[object_id] = k.[parent_object_id] AND i.[index_id] = k.[unique_index_id]
JOIN sys.index_columns AS ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id] AND ic.[key_ordinal] > 0
JOIN sys.columns AS c ON c.[object_id] = ic.[object_id] AND c.[column_id] = ic.[column_id]
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [constraint_name], [key_ordinal];
GO
-- foreign_keys
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    fk.[name] AS [constraint_name],
    fkc.[constraint_column_id] AS [constraint_column_id],
    pc.[name] AS [column_name],
    rs.[name] AS [referenced_schema],
    rt.[name] AS [referenced_table],
    rc.[name] AS [referenced_column],
    fk.[delete_referential_action_desc] AS [delete_action],
    fk.[update_referential_action_desc] AS [update_action]
FROM sys.foreign_keys AS fk
JOIN sys.tables AS t ON t.[object_id] = fk.[parent_object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.foreign_key_columns AS fkc ON fkc.[constraint_object_id] = fk.[object_id]
JOIN sys.columns AS pc ON pc.[object_id] = fkc.[parent_object_id] AND pc.[column_id] = fkc.[parent_column_id]
JOIN sys.objects AS rt ON rt.[object_id] = fkc.[referenced_object_id]
JOIN sys.schemas AS rs ON rs.[schema_id] = rt.[schema_id]
JOIN sys.columns AS rc ON rc.[object_id] = fkc.[referenced_object_id] AND rc.[column_id] = fkc.[referenced_column_id]
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [constraint_name], [constraint_column_id];
GO
-- check_constraints
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    ck.[name] AS [constraint_name],
    ck.[definition] AS [definition],
    ck.[is_system_named] AS [is_system_named]
FROM sys.check_constraints AS ck
JOIN sys.tables AS t ON t.[object_id] = ck.[parent_object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [constraint_name];
GO
-- indexes
SELECT
    s.[name] AS [schema_name],
    t.[name] AS [table_name],
    i.[name] AS [index_name],
    i.[type_desc] AS [index_type],
    i.[is_unique] AS [is_unique],
    i.[filter_definition] AS [filter_definition],
    p.[data_compression_desc] AS [data_compression],
    ds.[type] AS [data_space_type],
    ds.[name] AS [data_space_name],
    ic.[index_column_id] AS [index_column_id],
    c.[name] AS [column_name],
    ic.[key_ordinal] AS [key_ordinal],
    ic.[is_descending_key] AS [is_descending_key],
    ic.[is_included_column] AS [is_included_column],
    ic.[partition_ordinal] AS [partition_ordinal]
FROM sys.indexes AS i
JOIN sys.tables AS t ON t.[object_id] = i.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
JOIN sys.data_spaces AS ds ON ds.[data_space_id] = i.[data_space_id]
LEFT JOIN sys.partitions AS p ON p.[object_id] = i.[object_id] AND p.[index_id] = i.[index_id] AND p.[partition_number] = 1
LEFT JOIN sys.index_columns AS ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id]
LEFT JOIN sys.columns AS c ON c.[object_id] = ic.[object_id] AND c.[column_id] = ic.[column_id]
WHERE i.[type] > 0
    AND i.[is_primary_key] = 0
    AND i.[is_unique_constraint] = 0
    AND i.[is_hypothetical] = 0
    AND t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
ORDER BY [schema_name], [table_name], [index_name], [index_column_id];
GO
-- partition_functions
SELECT
    pf.[name] AS [function_name],
    CASE WHEN ty.[is_user_defined] = 1 THEN bt.[name] ELSE ty.[name] END AS [type_name],
    pp.[max_length] AS [max_length],
    pp.[precision] AS [precision],
    pp.[scale] AS [scale],
    pf.[boundary_value_on_right] AS [boundary_value_on_right],
    prv.[boundary_id] AS [boundary_id],
    CASE
        WHEN bt.[name] = N'date' THEN CONVERT(nvarchar(40), CAST(prv.[value] AS date), 126)
        WHEN bt.[name] IN (N'datetime2', N'datetime', N'smalldatetime') THEN CONVERT(nvarchar(40), CAST(prv.[value] AS datetime2(7)), 126)
        WHEN bt.[name] = N'datetimeoffset' THEN CONVERT(nvarchar(40), CAST(prv.[value] AS datetimeoffset(7)), 127)
        WHEN bt.[name] = N'time' THEN CAST(CAST(prv.[value] AS time(7)) AS nvarchar(40))
        ELSE CAST(prv.[value] AS nvarchar(4000))
    END AS [boundary_value]
FROM sys.partition_functions AS pf
JOIN sys.partition_parameters AS pp ON pp.[function_id] = pf.[function_id] AND pp.[parameter_id] = 1
JOIN sys.types AS ty ON ty.[user_type_id] = pp.[user_type_id]
LEFT JOIN sys.types AS bt ON bt.[user_type_id] = pp.[system_type_id]
LEFT JOIN sys.partition_range_values AS prv ON prv.[function_id] = pf.[function_id] AND prv.[parameter_id] = 1
WHERE 1 = 0
ORDER BY [function_name], [boundary_id];
GO
-- partition_schemes
SELECT
    ps.[name] AS [scheme_name],
    pf.[name] AS [function_name],
    dds.[destination_id] AS [destination_id],
    fg.[name] AS [filegroup_name]
FROM sys.partition_schemes AS ps
JOIN sys.partition_functions AS pf ON pf.[function_id] = ps.[function_id]
LEFT JOIN sys.destination_data_spaces AS dds ON dds.[partition_scheme_id] = ps.[data_space_id]
LEFT JOIN sys.data_spaces AS fg ON fg.[data_space_id] = dds.[data_space_id]
WHERE 1 = 0
ORDER BY [scheme_name], [destination_id];
GO
-- functions
SELECT
    s.[name] AS [schema_name],
    o.[name] AS [function_name],
    m.[definition] AS [definition],
    m.[is_schema_bound] AS [is_schema_bound]
FROM sys.objects AS o
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
JOIN sys.sql_modules AS m ON m.[object_id] = o.[object_id]
WHERE o.[type] = 'IF'
    AND o.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND 1 = 0
ORDER BY [schema_name], [function_name];
GO
-- function_parameters
SELECT
    s.[name] AS [schema_name],
    o.[name] AS [function_name],
    p.[parameter_id] AS [parameter_id],
    p.[name] AS [parameter_name],
    CASE WHEN ty.[is_user_defined] = 1 THEN bt.[name] ELSE ty.[name] END AS [type_name],
    p.[max_length] AS [max_length],
    p.[precision] AS [precision],
    p.[scale] AS [scale]
FROM sys.parameters AS p
JOIN sys.objects AS o ON o.[object_id] = p.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
JOIN sys.types AS ty ON ty.[user_type_id] = p.[user_type_id]
LEFT JOIN sys.types AS bt ON bt.[user_type_id] = p.[system_type_id]
WHERE o.[type] = 'IF'
    AND o.[is_ms_shipped] = 0
    AND p.[parameter_id] > 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND 1 = 0
ORDER BY [schema_name], [function_name], [parameter_id];
GO
-- security_policies
SELECT
    s.[name] AS [schema_name],
    sp.[name] AS [policy_name],
    sp.[is_enabled] AS [is_enabled],
    sp.[is_schema_bound] AS [is_schema_bound],
    pr.[security_predicate_id] AS [predicate_id],
    pr.[predicate_type_desc] AS [predicate_type],
    pr.[operation_desc] AS [operation],
    pr.[predicate_definition] AS [predicate_definition],
    ts.[name] AS [target_schema],
    tt.[name] AS [target_table]
FROM sys.security_policies AS sp
JOIN sys.schemas AS s ON s.[schema_id] = sp.[schema_id]
LEFT JOIN sys.security_predicates AS pr ON pr.[object_id] = sp.[object_id]
LEFT JOIN sys.objects AS tt ON tt.[object_id] = pr.[target_object_id]
LEFT JOIN sys.schemas AS ts ON ts.[schema_id] = tt.[schema_id]
WHERE sp.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND 1 = 0
ORDER BY [schema_name], [policy_name], [predicate_id];
GO
-- descriptions
SELECT
    N'DATABASE' AS [target_kind],
    NULL AS [schema_name],
    NULL AS [object_name],
    NULL AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
WHERE ep.[class] = 0
    AND 1 = 0
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    N'SCHEMA' AS [target_kind],
    s.[name] AS [schema_name],
    NULL AS [object_name],
    NULL AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.schemas AS s ON s.[schema_id] = ep.[major_id]
WHERE ep.[class] = 3
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    CASE WHEN ep.[minor_id] = 0 THEN N'TABLE' ELSE N'COLUMN' END AS [target_kind],
    s.[name] AS [schema_name],
    t.[name] AS [object_name],
    c.[name] AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.tables AS t ON t.[object_id] = ep.[major_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
LEFT JOIN sys.columns AS c ON c.[object_id] = ep.[major_id] AND c.[column_id] = ep.[minor_id]
WHERE ep.[class] = 1
    AND t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    N'CONSTRAINT' AS [target_kind],
    s.[name] AS [schema_name],
    t.[name] AS [object_name],
    o.[name] AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.objects AS o ON o.[object_id] = ep.[major_id]
JOIN sys.tables AS t ON t.[object_id] = o.[parent_object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE ep.[class] = 1
    AND ep.[minor_id] = 0
    AND o.[type] IN ('PK', 'UQ', 'F', 'C', 'D')
    AND t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    N'INDEX' AS [target_kind],
    s.[name] AS [schema_name],
    t.[name] AS [object_name],
    i.[name] AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.indexes AS i ON i.[object_id] = ep.[major_id] AND i.[index_id] = ep.[minor_id]
JOIN sys.tables AS t ON t.[object_id] = i.[object_id]
JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
WHERE ep.[class] = 7
    AND t.[is_ms_shipped] = 0
    AND NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = t.[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')
    AND ((s.[name] = N'fact' AND t.[name] = N'cycle') OR (s.[name] = N'ref' AND t.[name] = N'o''brien'))
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    CASE WHEN o.[type] = 'SP' THEN N'SECURITY POLICY' ELSE N'FUNCTION' END AS [target_kind],
    s.[name] AS [schema_name],
    o.[name] AS [object_name],
    NULL AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.objects AS o ON o.[object_id] = ep.[major_id]
JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
WHERE ep.[class] = 1
    AND ep.[minor_id] = 0
    AND o.[type] IN ('IF', 'SP')
    AND o.[is_ms_shipped] = 0
    AND s.[name] NOT IN (N'sys', N'INFORMATION_SCHEMA', N'guest', N'db_owner', N'db_accessadmin', N'db_securityadmin', N'db_ddladmin', N'db_backupoperator', N'db_datareader', N'db_datawriter', N'db_denydatareader', N'db_denydatawriter', N'oeedb') AND s.[name] IN (N'fact', N'ref')
    AND 1 = 0
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    N'PARTITION FUNCTION' AS [target_kind],
    NULL AS [schema_name],
    pf.[name] AS [object_name],
    NULL AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.partition_functions AS pf ON pf.[function_id] = ep.[major_id]
WHERE ep.[class] = 21
    AND 1 = 0
    AND ep.[name] = N'MS_Description'
UNION ALL
SELECT
    N'PARTITION SCHEME' AS [target_kind],
    NULL AS [schema_name],
    ps.[name] AS [object_name],
    NULL AS [child_name],
    CAST(ep.[value] AS nvarchar(4000)) AS [description]
FROM sys.extended_properties AS ep
JOIN sys.partition_schemes AS ps ON ps.[data_space_id] = ep.[major_id]
WHERE ep.[class] = 20
    AND 1 = 0
    AND ep.[name] = N'MS_Description'
ORDER BY [target_kind], [schema_name], [object_name], [child_name];
GO
