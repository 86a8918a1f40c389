import OEEDiff
import OEEModel

/// The catalog queries that read a whole SQL Server database into the model:
/// a fixed set of 14, each run once for the whole database — never once per
/// table — whatever the number of objects.
///
/// Every query returns names, not ids, so the rows can be joined up in Swift
/// without a second round trip; rows come ordered by name (and by ordinal
/// within an object). Columns are addressed by their aliases (``columns(_:)``),
/// which come from the same definition as the SELECT list.
///
/// Left out everywhere: the schemas in `excluding` (the tool's own), system
/// schemas (`sys`, `INFORMATION_SCHEMA`, `guest`, the `db_*` fixed-role
/// schemas), objects with `is_ms_shipped = 1`, and tables SSMS marks as tool
/// support (`sysdiagrams`: `microsoft_database_tools_support`).
enum CatalogSQL {
    /// The queries, in the order ``SQLServerDialect/catalogQueries(excluding:)`` returns them.
    enum Query: String, CaseIterable, Sendable {
        case schemas
        case tables
        case columns
        case defaultConstraints = "default_constraints"
        case keyConstraints = "key_constraints"
        case foreignKeys = "foreign_keys"
        case checkConstraints = "check_constraints"
        case indexes
        case partitionFunctions = "partition_functions"
        case partitionSchemes = "partition_schemes"
        case functions
        case functionParameters = "function_parameters"
        case securityPolicies = "security_policies"
        case descriptions
    }

    /// Schemas SQL Server creates in every database.
    static let systemSchemas = [
        "sys", "INFORMATION_SCHEMA", "guest", "db_owner", "db_accessadmin", "db_securityadmin", "db_ddladmin",
        "db_backupoperator", "db_datareader", "db_datawriter", "db_denydatareader", "db_denydatawriter",
    ]

    /// With `tables`, the same queries read only those tables and their
    /// schemas (functions, policies and partition objects return no rows):
    /// the migration post-check's read.
    static func queries(excluding: [String], tables: [QualifiedName]? = nil) -> [CatalogQuery] {
        let filter = Filter(excluded: excluding, tables: tables)
        return Query.allCases.map { CatalogQuery($0.rawValue, sql($0, filter)) }
    }

    /// The column aliases of `query`'s rows, in order.
    static func columns(_ query: Query) -> [String] {
        selects(query, Filter(excluded: []))[0].columns.map(\.alias)
    }

    // MARK: Building the text

    /// Predicates every query shares.
    struct Filter {
        var excluded: [String]
        /// Only these tables, or every table when nil.
        var tables: [QualifiedName]? = nil

        /// `s.[name] NOT IN (N'sys', …, N'oeedb')`.
        func schema(_ alias: String) -> String {
            var names: [String] = []
            for name in CatalogSQL.systemSchemas + excluded where !names.contains(name) { names.append(name) }
            var condition = "\(alias).[name] NOT IN (\(names.map(TSQL.nstring).joined(separator: ", ")))"
            if let tables {
                let schemas = Set(tables.map(\.schema)).sorted()
                condition += schemas.isEmpty ? " AND 1 = 0" : " AND \(alias).[name] IN (\(schemas.map(TSQL.nstring).joined(separator: ", ")))"
            }
            return condition
        }

        /// Nothing, or `1 = 0` for the objects that belong to no table when only some tables are read.
        var wholeDatabaseOnly: [String] { tables == nil ? [] : ["1 = 0"] }

        /// A user table: not shipped by Microsoft, not SSMS's diagram support.
        func userTable(_ alias: String) -> [String] {
            var conditions = [
                "\(alias).[is_ms_shipped] = 0",
                "NOT EXISTS (SELECT 1 FROM sys.extended_properties AS xp WHERE xp.[class] = 1 AND xp.[major_id] = \(alias).[object_id] AND xp.[minor_id] = 0 AND xp.[name] = N'microsoft_database_tools_support')",
            ]
            if let tables, !tables.isEmpty {
                conditions.append("(" + tables.map { "(s.[name] = \(TSQL.nstring($0.schema)) AND \(alias).[name] = \(TSQL.nstring($0.name)))" }.joined(separator: " OR ") + ")")
            }
            return conditions
        }
    }

    /// One SELECT: its output columns (alias, expression), FROM/JOIN lines and WHERE conjuncts.
    struct Select {
        var columns: [(alias: String, expression: String)]
        var from: [String]
        var conditions: [String] = []

        var text: String {
            var lines = ["SELECT"]
            lines += columns.enumerated().map { i, c in
                "    \(c.expression) AS \(TSQL.quote(c.alias))\(i < columns.count - 1 ? "," : "")"
            }
            lines += from
            for (i, condition) in conditions.enumerated() {
                lines.append((i == 0 ? "WHERE " : "    AND ") + condition)
            }
            return lines.joined(separator: "\n")
        }
    }

    static func sql(_ query: Query, _ filter: Filter) -> String {
        selects(query, filter).map(\.text).joined(separator: "\nUNION ALL\n") + "\nORDER BY " + orderBy(query) + ";"
    }

    private static func orderBy(_ query: Query) -> String {
        switch query {
        case .schemas: return "[schema_name]"
        case .tables: return "[schema_name], [table_name]"
        case .columns, .defaultConstraints: return "[schema_name], [table_name], [column_id]"
        case .keyConstraints: return "[schema_name], [table_name], [constraint_name], [key_ordinal]"
        case .foreignKeys: return "[schema_name], [table_name], [constraint_name], [constraint_column_id]"
        case .checkConstraints: return "[schema_name], [table_name], [constraint_name]"
        case .indexes: return "[schema_name], [table_name], [index_name], [index_column_id]"
        case .partitionFunctions: return "[function_name], [boundary_id]"
        case .partitionSchemes: return "[scheme_name], [destination_id]"
        case .functions: return "[schema_name], [function_name]"
        case .functionParameters: return "[schema_name], [function_name], [parameter_id]"
        case .securityPolicies: return "[schema_name], [policy_name], [predicate_id]"
        case .descriptions: return "[target_kind], [schema_name], [object_name], [child_name]"
        }
    }

    /// The type name of a column or parameter: `sysname` stays `sysname`
    /// (user_type_id), an alias type is replaced by its base type.
    private static func typeName(_ type: String, _ base: String) -> String {
        "CASE WHEN \(type).[is_user_defined] = 1 THEN \(base).[name] ELSE \(type).[name] END"
    }

    private static let tableJoin = [
        "JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]",
    ]

    // MARK: The queries

    // swiftlint:disable:next function_body_length
    static func selects(_ query: Query, _ f: Filter) -> [Select] {
        switch query {
        case .schemas:
            return [Select(
                columns: [("schema_name", "s.[name]")],
                from: ["FROM sys.schemas AS s"],
                conditions: [f.schema("s")])]

        case .tables:
            // The heap (index 0) or clustered index (1) holds the table's data space and compression.
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("storage_type", "i.[type_desc]"),
                    ("data_space_type", "ds.[type]"),
                    ("data_space_name", "ds.[name]"),
                    ("partition_column", "pc.[name]"),
                    ("data_compression", "p.[data_compression_desc]"),
                ],
                from: ["FROM sys.tables AS t"] + tableJoin + [
                    "JOIN sys.indexes AS i ON i.[object_id] = t.[object_id] AND i.[index_id] IN (0, 1)",
                    "JOIN sys.data_spaces AS ds ON ds.[data_space_id] = i.[data_space_id]",
                    "LEFT JOIN sys.index_columns AS pic ON pic.[object_id] = i.[object_id] AND pic.[index_id] = i.[index_id] AND pic.[partition_ordinal] = 1",
                    "LEFT JOIN sys.columns AS pc ON pc.[object_id] = pic.[object_id] AND pc.[column_id] = pic.[column_id]",
                    "LEFT JOIN sys.partitions AS p ON p.[object_id] = i.[object_id] AND p.[index_id] = i.[index_id] AND p.[partition_number] = 1",
                ],
                conditions: f.userTable("t") + [f.schema("s")])]

        case .columns:
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("column_name", "c.[name]"),
                    ("column_id", "c.[column_id]"),
                    ("type_name", typeName("ty", "bt")),
                    ("max_length", "c.[max_length]"),
                    ("precision", "c.[precision]"),
                    ("scale", "c.[scale]"),
                    ("is_nullable", "c.[is_nullable]"),
                    ("identity_seed", "CAST(ic.[seed_value] AS nvarchar(40))"),
                    ("identity_increment", "CAST(ic.[increment_value] AS nvarchar(40))"),
                    ("computed_definition", "cc.[definition]"),
                    ("is_persisted", "cc.[is_persisted]"),
                ],
                from: [
                    "FROM sys.columns AS c",
                    "JOIN sys.tables AS t ON t.[object_id] = c.[object_id]",
                ] + tableJoin + [
                    "JOIN sys.types AS ty ON ty.[user_type_id] = c.[user_type_id]",
                    "LEFT JOIN sys.types AS bt ON bt.[user_type_id] = c.[system_type_id]",
                    "LEFT JOIN sys.identity_columns AS ic ON ic.[object_id] = c.[object_id] AND ic.[column_id] = c.[column_id]",
                    "LEFT JOIN sys.computed_columns AS cc ON cc.[object_id] = c.[object_id] AND cc.[column_id] = c.[column_id]",
                ],
                conditions: f.userTable("t") + [f.schema("s")])]

        case .defaultConstraints:
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("column_name", "c.[name]"),
                    ("column_id", "c.[column_id]"),
                    ("constraint_name", "d.[name]"),
                    ("definition", "d.[definition]"),
                    ("is_system_named", "d.[is_system_named]"),
                ],
                from: [
                    "FROM sys.default_constraints AS d",
                    "JOIN sys.tables AS t ON t.[object_id] = d.[parent_object_id]",
                ] + tableJoin + [
                    "JOIN sys.columns AS c ON c.[object_id] = d.[parent_object_id] AND c.[column_id] = d.[parent_column_id]",
                ],
                conditions: f.userTable("t") + [f.schema("s")])]

        case .keyConstraints:
            // One row per key column, from the index backing the constraint.
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("constraint_name", "k.[name]"),
                    ("constraint_type", "k.[type]"),
                    ("index_type", "i.[type_desc]"),
                    ("key_ordinal", "ic.[key_ordinal]"),
                    ("column_name", "c.[name]"),
                    ("is_descending_key", "ic.[is_descending_key]"),
                    ("is_system_named", "k.[is_system_named]"),
                ],
                from: [
                    "FROM sys.key_constraints AS k",
                    "JOIN sys.tables AS t ON t.[object_id] = k.[parent_object_id]",
                ] + tableJoin + [
                    "JOIN sys.indexes AS i ON i.[object_id] = k.[parent_object_id] AND i.[index_id] = k.[unique_index_id]",
                    "JOIN sys.index_columns AS ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id] AND ic.[key_ordinal] > 0",
                    "JOIN sys.columns AS c ON c.[object_id] = ic.[object_id] AND c.[column_id] = ic.[column_id]",
                ],
                conditions: f.userTable("t") + [f.schema("s")])]

        case .foreignKeys:
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("constraint_name", "fk.[name]"),
                    ("constraint_column_id", "fkc.[constraint_column_id]"),
                    ("column_name", "pc.[name]"),
                    ("referenced_schema", "rs.[name]"),
                    ("referenced_table", "rt.[name]"),
                    ("referenced_column", "rc.[name]"),
                    ("delete_action", "fk.[delete_referential_action_desc]"),
                    ("update_action", "fk.[update_referential_action_desc]"),
                ],
                from: [
                    "FROM sys.foreign_keys AS fk",
                    "JOIN sys.tables AS t ON t.[object_id] = fk.[parent_object_id]",
                ] + tableJoin + [
                    "JOIN sys.foreign_key_columns AS fkc ON fkc.[constraint_object_id] = fk.[object_id]",
                    "JOIN sys.columns AS pc ON pc.[object_id] = fkc.[parent_object_id] AND pc.[column_id] = fkc.[parent_column_id]",
                    "JOIN sys.objects AS rt ON rt.[object_id] = fkc.[referenced_object_id]",
                    "JOIN sys.schemas AS rs ON rs.[schema_id] = rt.[schema_id]",
                    "JOIN sys.columns AS rc ON rc.[object_id] = fkc.[referenced_object_id] AND rc.[column_id] = fkc.[referenced_column_id]",
                ],
                conditions: f.userTable("t") + [f.schema("s")])]

        case .checkConstraints:
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("constraint_name", "ck.[name]"),
                    ("definition", "ck.[definition]"),
                    ("is_system_named", "ck.[is_system_named]"),
                ],
                from: [
                    "FROM sys.check_constraints AS ck",
                    "JOIN sys.tables AS t ON t.[object_id] = ck.[parent_object_id]",
                ] + tableJoin,
                conditions: f.userTable("t") + [f.schema("s")])]

        case .indexes:
            // Indexes not backing a constraint, one row per index column; the
            // row with partition_ordinal = 1 names the partitioning column.
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("table_name", "t.[name]"),
                    ("index_name", "i.[name]"),
                    ("index_type", "i.[type_desc]"),
                    ("is_unique", "i.[is_unique]"),
                    ("filter_definition", "i.[filter_definition]"),
                    ("data_compression", "p.[data_compression_desc]"),
                    ("data_space_type", "ds.[type]"),
                    ("data_space_name", "ds.[name]"),
                    ("index_column_id", "ic.[index_column_id]"),
                    ("column_name", "c.[name]"),
                    ("key_ordinal", "ic.[key_ordinal]"),
                    ("is_descending_key", "ic.[is_descending_key]"),
                    ("is_included_column", "ic.[is_included_column]"),
                    ("partition_ordinal", "ic.[partition_ordinal]"),
                ],
                from: [
                    "FROM sys.indexes AS i",
                    "JOIN sys.tables AS t ON t.[object_id] = i.[object_id]",
                ] + tableJoin + [
                    "JOIN sys.data_spaces AS ds ON ds.[data_space_id] = i.[data_space_id]",
                    "LEFT JOIN sys.partitions AS p ON p.[object_id] = i.[object_id] AND p.[index_id] = i.[index_id] AND p.[partition_number] = 1",
                    "LEFT JOIN sys.index_columns AS ic ON ic.[object_id] = i.[object_id] AND ic.[index_id] = i.[index_id]",
                    "LEFT JOIN sys.columns AS c ON c.[object_id] = ic.[object_id] AND c.[column_id] = ic.[column_id]",
                ],
                conditions: [
                    "i.[type] > 0",
                    "i.[is_primary_key] = 0",
                    "i.[is_unique_constraint] = 0",
                    "i.[is_hypothetical] = 0",
                ] + f.userTable("t") + [f.schema("s")])]

        case .partitionFunctions:
            // Boundaries are sql_variant: cast by the function's base type, dates to ISO 8601.
            let value = """
                CASE
                        WHEN bt.[name] = N'date' THEN CONVERT(nvarchar(40), CAST(prv.[value] AS date), 126)
                        WHEN bt.[name] IN (N'datetime2', N'datetime', N'smalldatetime') THEN CONVERT(nvarchar(40), CAST(prv.[value] AS datetime2(7)), 126)
                        WHEN bt.[name] = N'datetimeoffset' THEN CONVERT(nvarchar(40), CAST(prv.[value] AS datetimeoffset(7)), 127)
                        WHEN bt.[name] = N'time' THEN CAST(CAST(prv.[value] AS time(7)) AS nvarchar(40))
                        ELSE CAST(prv.[value] AS nvarchar(4000))
                    END
                """
            return [Select(
                columns: [
                    ("function_name", "pf.[name]"),
                    ("type_name", typeName("ty", "bt")),
                    ("max_length", "pp.[max_length]"),
                    ("precision", "pp.[precision]"),
                    ("scale", "pp.[scale]"),
                    ("boundary_value_on_right", "pf.[boundary_value_on_right]"),
                    ("boundary_id", "prv.[boundary_id]"),
                    ("boundary_value", value),
                ],
                from: [
                    "FROM sys.partition_functions AS pf",
                    "JOIN sys.partition_parameters AS pp ON pp.[function_id] = pf.[function_id] AND pp.[parameter_id] = 1",
                    "JOIN sys.types AS ty ON ty.[user_type_id] = pp.[user_type_id]",
                    "LEFT JOIN sys.types AS bt ON bt.[user_type_id] = pp.[system_type_id]",
                    "LEFT JOIN sys.partition_range_values AS prv ON prv.[function_id] = pf.[function_id] AND prv.[parameter_id] = 1",
                ],
                conditions: f.wholeDatabaseOnly)]

        case .partitionSchemes:
            return [Select(
                columns: [
                    ("scheme_name", "ps.[name]"),
                    ("function_name", "pf.[name]"),
                    ("destination_id", "dds.[destination_id]"),
                    ("filegroup_name", "fg.[name]"),
                ],
                from: [
                    "FROM sys.partition_schemes AS ps",
                    "JOIN sys.partition_functions AS pf ON pf.[function_id] = ps.[function_id]",
                    "LEFT JOIN sys.destination_data_spaces AS dds ON dds.[partition_scheme_id] = ps.[data_space_id]",
                    "LEFT JOIN sys.data_spaces AS fg ON fg.[data_space_id] = dds.[data_space_id]",
                ],
                conditions: f.wholeDatabaseOnly)]

        case .functions:
            // Inline table-valued functions only: the model has no other modules.
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("function_name", "o.[name]"),
                    ("definition", "m.[definition]"),
                    ("is_schema_bound", "m.[is_schema_bound]"),
                ],
                from: [
                    "FROM sys.objects AS o",
                    "JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]",
                    "JOIN sys.sql_modules AS m ON m.[object_id] = o.[object_id]",
                ],
                conditions: ["o.[type] = 'IF'", "o.[is_ms_shipped] = 0", f.schema("s")] + f.wholeDatabaseOnly)]

        case .functionParameters:
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("function_name", "o.[name]"),
                    ("parameter_id", "p.[parameter_id]"),
                    ("parameter_name", "p.[name]"),
                    ("type_name", typeName("ty", "bt")),
                    ("max_length", "p.[max_length]"),
                    ("precision", "p.[precision]"),
                    ("scale", "p.[scale]"),
                ],
                from: [
                    "FROM sys.parameters AS p",
                    "JOIN sys.objects AS o ON o.[object_id] = p.[object_id]",
                    "JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]",
                    "JOIN sys.types AS ty ON ty.[user_type_id] = p.[user_type_id]",
                    "LEFT JOIN sys.types AS bt ON bt.[user_type_id] = p.[system_type_id]",
                ],
                conditions: ["o.[type] = 'IF'", "o.[is_ms_shipped] = 0", "p.[parameter_id] > 0", f.schema("s")] + f.wholeDatabaseOnly)]

        case .securityPolicies:
            // One row per predicate (a policy without predicates gives one row of NULLs).
            return [Select(
                columns: [
                    ("schema_name", "s.[name]"),
                    ("policy_name", "sp.[name]"),
                    ("is_enabled", "sp.[is_enabled]"),
                    ("is_schema_bound", "sp.[is_schema_bound]"),
                    ("predicate_id", "pr.[security_predicate_id]"),
                    ("predicate_type", "pr.[predicate_type_desc]"),
                    ("operation", "pr.[operation_desc]"),
                    ("predicate_definition", "pr.[predicate_definition]"),
                    ("target_schema", "ts.[name]"),
                    ("target_table", "tt.[name]"),
                ],
                from: [
                    "FROM sys.security_policies AS sp",
                    "JOIN sys.schemas AS s ON s.[schema_id] = sp.[schema_id]",
                    "LEFT JOIN sys.security_predicates AS pr ON pr.[object_id] = sp.[object_id]",
                    "LEFT JOIN sys.objects AS tt ON tt.[object_id] = pr.[target_object_id]",
                    "LEFT JOIN sys.schemas AS ts ON ts.[schema_id] = tt.[schema_id]",
                ],
                conditions: ["sp.[is_ms_shipped] = 0", f.schema("s")] + f.wholeDatabaseOnly)]

        case .descriptions:
            return descriptionSelects(f)
        }
    }

    /// `MS_Description` at every level the model describes, one branch per
    /// level: (target_kind, schema_name, object_name, child_name, description).
    ///
    /// target_kind is DATABASE, SCHEMA, TABLE, COLUMN, CONSTRAINT (object_name is
    /// its table), INDEX, FUNCTION, SECURITY POLICY, PARTITION FUNCTION or
    /// PARTITION SCHEME (the last two have only object_name).
    private static func descriptionSelects(_ f: Filter) -> [Select] {
        let value = "CAST(ep.[value] AS nvarchar(4000))"
        let isDescription = "ep.[name] = N'MS_Description'"
        func select(_ kind: String, _ schema: String, _ object: String, _ child: String, _ from: [String], _ conditions: [String]) -> Select {
            Select(
                columns: [
                    ("target_kind", kind),
                    ("schema_name", schema),
                    ("object_name", object),
                    ("child_name", child),
                    ("description", value),
                ],
                from: ["FROM sys.extended_properties AS ep"] + from,
                conditions: conditions + [isDescription])
        }
        return [
            select("N'DATABASE'", "NULL", "NULL", "NULL", [], ["ep.[class] = 0"] + f.wholeDatabaseOnly),
            select("N'SCHEMA'", "s.[name]", "NULL", "NULL",
                   ["JOIN sys.schemas AS s ON s.[schema_id] = ep.[major_id]"],
                   ["ep.[class] = 3", f.schema("s")]),
            select("CASE WHEN ep.[minor_id] = 0 THEN N'TABLE' ELSE N'COLUMN' END", "s.[name]", "t.[name]", "c.[name]",
                   [
                       "JOIN sys.tables AS t ON t.[object_id] = ep.[major_id]",
                       "JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]",
                       "LEFT JOIN sys.columns AS c ON c.[object_id] = ep.[major_id] AND c.[column_id] = ep.[minor_id]",
                   ],
                   ["ep.[class] = 1"] + f.userTable("t") + [f.schema("s")]),
            select("N'CONSTRAINT'", "s.[name]", "t.[name]", "o.[name]",
                   [
                       "JOIN sys.objects AS o ON o.[object_id] = ep.[major_id]",
                       "JOIN sys.tables AS t ON t.[object_id] = o.[parent_object_id]",
                       "JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]",
                   ],
                   ["ep.[class] = 1", "ep.[minor_id] = 0", "o.[type] IN ('PK', 'UQ', 'F', 'C', 'D')"] + f.userTable("t") + [f.schema("s")]),
            select("N'INDEX'", "s.[name]", "t.[name]", "i.[name]",
                   [
                       "JOIN sys.indexes AS i ON i.[object_id] = ep.[major_id] AND i.[index_id] = ep.[minor_id]",
                       "JOIN sys.tables AS t ON t.[object_id] = i.[object_id]",
                       "JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]",
                   ],
                   ["ep.[class] = 7"] + f.userTable("t") + [f.schema("s")]),
            select("CASE WHEN o.[type] = 'SP' THEN N'SECURITY POLICY' ELSE N'FUNCTION' END", "s.[name]", "o.[name]", "NULL",
                   [
                       "JOIN sys.objects AS o ON o.[object_id] = ep.[major_id]",
                       "JOIN sys.schemas AS s ON s.[schema_id] = o.[schema_id]",
                   ],
                   ["ep.[class] = 1", "ep.[minor_id] = 0", "o.[type] IN ('IF', 'SP')", "o.[is_ms_shipped] = 0", f.schema("s")] + f.wholeDatabaseOnly),
            select("N'PARTITION FUNCTION'", "NULL", "pf.[name]", "NULL",
                   ["JOIN sys.partition_functions AS pf ON pf.[function_id] = ep.[major_id]"],
                   ["ep.[class] = 21"] + f.wholeDatabaseOnly),
            select("N'PARTITION SCHEME'", "NULL", "ps.[name]", "NULL",
                   ["JOIN sys.partition_schemes AS ps ON ps.[data_space_id] = ep.[major_id]"],
                   ["ep.[class] = 20"] + f.wholeDatabaseOnly),
        ]
    }
}
