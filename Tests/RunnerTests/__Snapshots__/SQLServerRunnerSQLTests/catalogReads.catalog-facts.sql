WITH [t] AS (
    SELECT tb.[object_id], s.[name] + N'.' + tb.[name] AS [object]
    FROM sys.tables AS tb
    JOIN sys.schemas AS s ON s.[schema_id] = tb.[schema_id]
    WHERE s.[name] + N'.' + tb.[name] IN (N'fact.cycle', N'ref.o''brien')
)
SELECT t.[object], N'column ' + c.[name] + N' ' +
    CASE
        WHEN ty.[name] IN (N'nvarchar', N'nchar') THEN ty.[name] + N'(' + CASE WHEN c.[max_length] = -1 THEN N'max' ELSE CAST(c.[max_length] / 2 AS nvarchar(10)) END + N')'
        WHEN ty.[name] IN (N'varchar', N'char', N'varbinary') THEN ty.[name] + N'(' + CASE WHEN c.[max_length] = -1 THEN N'max' ELSE CAST(c.[max_length] AS nvarchar(10)) END + N')'
        WHEN ty.[name] IN (N'decimal', N'numeric') THEN N'decimal(' + CAST(c.[precision] AS nvarchar(10)) + N',' + CAST(c.[scale] AS nvarchar(10)) + N')'
        WHEN ty.[name] IN (N'datetime2', N'time', N'datetimeoffset') THEN ty.[name] + N'(' + CAST(c.[scale] AS nvarchar(10)) + N')'
        WHEN ty.[name] = N'float' AND c.[precision] = 53 THEN N'float'
        ELSE ty.[name]
    END + CASE WHEN c.[is_nullable] = 1 THEN N' NULL' ELSE N' NOT NULL' END AS [fact]
FROM [t]
JOIN sys.columns AS c ON c.[object_id] = t.[object_id]
JOIN sys.types AS ty ON ty.[user_type_id] = c.[user_type_id]
UNION ALL
SELECT t.[object], N'constraint ' + k.[name] + CASE k.[type] WHEN 'PK' THEN N' PRIMARY KEY' ELSE N' UNIQUE' END
FROM [t] JOIN sys.key_constraints AS k ON k.[parent_object_id] = t.[object_id]
UNION ALL
SELECT t.[object], N'constraint ' + f.[name] + N' FOREIGN KEY'
FROM [t] JOIN sys.foreign_keys AS f ON f.[parent_object_id] = t.[object_id]
UNION ALL
SELECT t.[object], N'constraint ' + ck.[name] + N' CHECK'
FROM [t] JOIN sys.check_constraints AS ck ON ck.[parent_object_id] = t.[object_id]
UNION ALL
SELECT t.[object], N'constraint ' + d.[name] + N' DEFAULT'
FROM [t] JOIN sys.default_constraints AS d ON d.[parent_object_id] = t.[object_id]
UNION ALL
SELECT t.[object], N'index ' + i.[name]
FROM [t] JOIN sys.indexes AS i ON i.[object_id] = t.[object_id]
WHERE i.[type] > 0 AND i.[is_primary_key] = 0 AND i.[is_unique_constraint] = 0;
GO
