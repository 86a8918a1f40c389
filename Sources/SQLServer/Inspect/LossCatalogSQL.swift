import OEEDiff
import OEEModel

/// The catalog queries for what the model cannot hold, for `oeedb import`'s
/// loss report: every row is `(schema_name, object_name, detail)`, the query
/// name is the kind of loss. Same names as the PostgreSQL dialect's.
///
/// - `views`: views;
/// - `routines`: procedures, scalar and multi-statement functions, CLR
///   modules and aggregates (inline table-valued functions are the model's);
/// - `triggers`: table and database triggers;
/// - `sequences`: sequences;
/// - `grants`: GRANT / DENY on the database, schemas and objects (the
///   `CONNECT` every user holds left out);
/// - `options`: what the model has no field for on objects it does hold —
///   column collations other than the database's, sparse columns, column
///   types outside the model's, fill factors, XML / spatial / hash indexes,
///   IGNORE_DUP_KEY, PAD_INDEX, disabled row or page locks, system-versioned
///   and memory-optimized tables;
/// - `other_objects`: synonyms and user-defined types.
///
/// Left out like the catalog queries: excluded and system schemas, objects
/// with `is_ms_shipped = 1`.
enum LossCatalogSQL {
    static let names = ["views", "routines", "triggers", "sequences", "grants", "options", "other_objects"]

    /// The type names the model reads (``CatalogTypes``).
    static let modelTypes = [
        "tinyint", "smallint", "int", "bigint", "bit", "decimal", "numeric", "float", "real", "date", "time", "datetime2",
        "datetimeoffset", "char", "varchar", "nchar", "nvarchar", "varbinary", "uniqueidentifier", "sysname",
    ]

    static func queries(excluding: [String]) -> [CatalogQuery] {
        let f = CatalogSQL.Filter(excluded: excluding)
        let schema = f.schema("s")
        let columns = "s.[name] AS [schema_name],\n    "
        let sql: [String: String] = [
            "views": """
                SELECT
                    \(columns)v.[name] AS [object_name],
                    N'view' AS [detail]
                FROM sys.views AS v
                JOIN sys.schemas AS s ON s.[schema_id] = v.[schema_id]
                WHERE v.[is_ms_shipped] = 0
                    AND \(schema)
                ORDER BY [schema_name], [object_name];
                """,
            "routines": """
                SELECT
                    \(columns)o.[name] AS [object_name],
                    LOWER(REPLACE(o.[type_desc], N'_', N' ')) AS [detail]
                FROM sys.objects AS o
                JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
                WHERE o.[type] IN ('P', 'PC', 'X', 'RF', 'FN', 'FS', 'FT', 'TF', 'AF')
                    AND o.[is_ms_shipped] = 0
                    AND \(schema)
                ORDER BY [schema_name], [object_name];
                """,
            "triggers": """
                SELECT
                    \(columns)CONCAT(o.[name], N'.', tr.[name]) AS [object_name],
                    CONCAT(N'trigger ', tr.[type_desc], CASE WHEN tr.[is_disabled] = 1 THEN N' (disabled)' ELSE N'' END) AS [detail]
                FROM sys.triggers AS tr
                JOIN sys.objects AS o ON o.[object_id] = tr.[parent_id]
                JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
                WHERE tr.[is_ms_shipped] = 0
                    AND tr.[parent_class] = 1
                    AND \(schema)
                UNION ALL
                SELECT
                    N'' AS [schema_name],
                    tr.[name] AS [object_name],
                    N'database trigger' AS [detail]
                FROM sys.triggers AS tr
                WHERE tr.[is_ms_shipped] = 0
                    AND tr.[parent_class] = 0
                ORDER BY [schema_name], [object_name];
                """,
            "sequences": """
                SELECT
                    \(columns)sq.[name] AS [object_name],
                    CONCAT(N'sequence ', TYPE_NAME(sq.[user_type_id]), N' start ', CAST(sq.[start_value] AS nvarchar(40)),
                        N' increment ', CAST(sq.[increment] AS nvarchar(40))) AS [detail]
                FROM sys.sequences AS sq
                JOIN sys.schemas AS s ON s.[schema_id] = sq.[schema_id]
                WHERE sq.[is_ms_shipped] = 0
                    AND \(schema)
                ORDER BY [schema_name], [object_name];
                """,
            "grants": """
                SELECT
                    \(columns)o.[name] AS [object_name],
                    CONCAT(dp.[state_desc], N' ', dp.[permission_name], N' TO ', pr.[name]) AS [detail]
                FROM sys.database_permissions AS dp
                JOIN sys.database_principals AS pr ON pr.[principal_id] = dp.[grantee_principal_id]
                JOIN sys.objects AS o ON o.[object_id] = dp.[major_id]
                JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]
                WHERE dp.[class] = 1
                    AND o.[is_ms_shipped] = 0
                    AND \(schema)
                UNION ALL
                SELECT
                    \(columns)N'' AS [object_name],
                    CONCAT(dp.[state_desc], N' ', dp.[permission_name], N' ON SCHEMA TO ', pr.[name]) AS [detail]
                FROM sys.database_permissions AS dp
                JOIN sys.database_principals AS pr ON pr.[principal_id] = dp.[grantee_principal_id]
                JOIN sys.schemas AS s ON s.[schema_id] = dp.[major_id]
                WHERE dp.[class] = 3
                    AND \(schema)
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
                """,
            "options": """
                SELECT
                    \(columns)CONCAT(t.[name], N'.', c.[name]) AS [object_name],
                    CONCAT(N'column collation ', c.[collation_name]) AS [detail]
                FROM sys.columns AS c
                JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
                JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
                WHERE c.[collation_name] <> CAST(DATABASEPROPERTYEX(DB_NAME(), 'Collation') AS sysname)
                    AND t.[is_ms_shipped] = 0
                    AND \(schema)
                UNION ALL
                SELECT
                    \(columns)CONCAT(t.[name], N'.', c.[name]) AS [object_name],
                    N'sparse column' AS [detail]
                FROM sys.columns AS c
                JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
                JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
                WHERE c.[is_sparse] = 1
                    AND t.[is_ms_shipped] = 0
                    AND \(schema)
                UNION ALL
                SELECT
                    \(columns)CONCAT(t.[name], N'.', c.[name]) AS [object_name],
                    CONCAT(N'column type ', TYPE_NAME(c.[system_type_id]), N' (the model has no such type)') AS [detail]
                FROM sys.columns AS c
                JOIN sys.tables AS t ON t.[object_id] = c.[object_id]
                JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
                WHERE TYPE_NAME(c.[system_type_id]) NOT IN (\(modelTypes.map(TSQL.nstring).joined(separator: ", ")))
                    AND t.[is_ms_shipped] = 0
                    AND \(schema)
                UNION ALL
                SELECT
                    \(columns)CONCAT(t.[name], N'.', i.[name]) AS [object_name],
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
                    AND \(schema)
                UNION ALL
                SELECT
                    \(columns)t.[name] AS [object_name],
                    CONCAT(CASE WHEN t.[temporal_type] <> 0 THEN CONCAT(N' ', t.[temporal_type_desc]) ELSE N'' END,
                        CASE WHEN t.[is_memory_optimized] = 1 THEN N' memory-optimized table' ELSE N'' END) AS [detail]
                FROM sys.tables AS t
                JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
                WHERE (t.[temporal_type] <> 0 OR t.[is_memory_optimized] = 1)
                    AND t.[is_ms_shipped] = 0
                    AND \(schema)
                ORDER BY [schema_name], [object_name], [detail];
                """,
            "other_objects": """
                SELECT
                    \(columns)sn.[name] AS [object_name],
                    CONCAT(N'synonym for ', sn.[base_object_name]) AS [detail]
                FROM sys.synonyms AS sn
                JOIN sys.schemas AS s ON s.[schema_id] = sn.[schema_id]
                WHERE \(schema)
                UNION ALL
                SELECT
                    \(columns)ty.[name] AS [object_name],
                    CASE WHEN ty.[is_table_type] = 1 THEN N'table type' ELSE CONCAT(N'alias type over ', TYPE_NAME(ty.[system_type_id])) END AS [detail]
                FROM sys.types AS ty
                JOIN sys.schemas AS s ON s.[schema_id] = ty.[schema_id]
                WHERE ty.[is_user_defined] = 1
                    AND \(schema)
                ORDER BY [schema_name], [object_name];
                """,
        ]
        return names.map { CatalogQuery($0, sql[$0]!) }
    }
}
