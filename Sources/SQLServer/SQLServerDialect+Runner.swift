import OEEDiff
import OEEModel

/// The T-SQL the migration runner sends: history table, session app lock,
/// transaction settings, pre-check queries and catalog reads.
extension SQLServerDialect: RunnerDialect {
    public func splitBatches(_ text: String) -> [ScriptBatch] {
        BatchSplitter.split(text)
    }

    public func historyDDL(schema: String) -> [String] {
        let s = TSQL.quote(schema)
        return [
            "IF SCHEMA_ID(\(TSQL.nstring(schema))) IS NULL EXEC(N'CREATE SCHEMA \(s.replacingOccurrences(of: "'", with: "''"))');",
            """
            IF OBJECT_ID(\(TSQL.nstring("\(s).[schema_history]")), N'U') IS NULL
            CREATE TABLE \(s).[schema_history] (
                [version] int NOT NULL CONSTRAINT [pk_schema_history] PRIMARY KEY,
                [name] nvarchar(200) NOT NULL,
                [checksum] char(64) NOT NULL,
                [applied_by] nvarchar(128) NOT NULL,
                [applied_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_schema_history_applied_at_utc] DEFAULT (SYSUTCDATETIME()),
                [execution_ms] int NOT NULL,
                [success] bit NOT NULL
            );
            """,
            """
            IF OBJECT_ID(\(TSQL.nstring("\(s).[schema_history_audit]")), N'U') IS NULL
            CREATE TABLE \(s).[schema_history_audit] (
                [audit_id] int IDENTITY(1, 1) NOT NULL CONSTRAINT [pk_schema_history_audit] PRIMARY KEY,
                [version] int NOT NULL,
                [action] nvarchar(40) NOT NULL,
                [performed_by] nvarchar(128) NOT NULL,
                [performed_at_utc] datetime2(3) NOT NULL CONSTRAINT [df_schema_history_audit_performed_at_utc] DEFAULT (SYSUTCDATETIME()),
                [detail] nvarchar(2000) NOT NULL
            );
            """,
        ]
    }

    public func insertAudit(schema: String) -> String {
        "INSERT INTO \(TSQL.quote(schema)).[schema_history_audit] ([version], [action], [performed_by], [detail]) VALUES (?, ?, ?, ?);"
    }

    public func resolveHistory(schema: String) -> String {
        "UPDATE \(TSQL.quote(schema)).[schema_history] SET [success] = 1, [checksum] = ?, [applied_by] = ?, [applied_at_utc] = SYSUTCDATETIME() WHERE [version] = ? AND [success] = 0;"
    }

    /// The statement, then its @@ROWCOUNT as one row: FreeTDS's row count of a
    /// batch is the last statement's, which a trigger can change.
    public func batchStatement(_ sql: String) -> String {
        var body = sql.trimmingCharacters(in: .whitespacesAndNewlines)
        if !body.hasSuffix(";") { body += ";" }
        return "SET NOCOUNT ON;\n\(body)\nSELECT @@ROWCOUNT AS [rows_affected];"
    }

    public func selectHistory(schema: String) -> String {
        "SELECT [version], [name], [checksum], [applied_by], CONVERT(nvarchar(23), [applied_at_utc], 126) AS [applied_at_utc], [execution_ms], CAST([success] AS int) AS [success] FROM \(TSQL.quote(schema)).[schema_history] ORDER BY [version];"
    }

    public func insertHistory(schema: String) -> String {
        "INSERT INTO \(TSQL.quote(schema)).[schema_history] ([version], [name], [checksum], [applied_by], [execution_ms], [success]) VALUES (?, ?, ?, ?, ?, ?);"
    }

    public func deleteHistory(schema: String) -> String {
        "DELETE FROM \(TSQL.quote(schema)).[schema_history] WHERE [version] = ?;"
    }

    /// `sp_getapplock` owned by the session: released when the session ends,
    /// so a killed runner cannot leave a stale lock.
    public func acquireLock(resource: String, timeoutMilliseconds: Int) -> String {
        """
        DECLARE @result int;
        EXEC @result = sys.sp_getapplock @Resource = \(TSQL.nstring(resource)), @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = \(timeoutMilliseconds);
        SELECT CASE WHEN @result >= 0 THEN 1 ELSE 0 END AS [acquired];
        """
    }

    public func releaseLock(resource: String) -> String {
        "EXEC sys.sp_releaseapplock @Resource = \(TSQL.nstring(resource)), @LockOwner = N'Session';"
    }

    /// XACT_ABORT makes any error doom the transaction. The maintenance
    /// session comes from the model (`setSessionSetting`).
    public var transactionPreamble: [String] { ["SET XACT_ABORT ON;"] }

    /// `sp_set_session_context`, so row-level-security predicates that honour
    /// the key, like the canonical `sec.fn_site_filter` with `is_global` = 1,
    /// let checks see every row. A value of digits is sent as an int (a
    /// predicate comparing `SESSION_CONTEXT` with an int then matches), any
    /// other value as nvarchar.
    public func setSessionSetting(_ setting: SessionSetting) -> String {
        let isNumber = !setting.value.isEmpty && setting.value.count <= 9 && setting.value.allSatisfy { $0.isASCII && $0.isNumber }
        let value = isNumber ? setting.value : TSQL.nstring(setting.value)
        return "EXEC sys.sp_set_session_context @key = \(TSQL.nstring(setting.key)), @value = \(value);"
    }

    public var currentUserQuery: String { "SELECT SUSER_SNAME();" }

    public func checkQuery(_ check: PreCheck) throws -> String {
        switch check {
        case .noNulls(let q, let c):
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) WHERE \(TSQL.quote(c)) IS NULL;"
        case .tableEmpty(let q, _):
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q));"
        case .noDuplicates(let q, _, let cols):
            let list = TSQL.columnList(cols)
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) GROUP BY \(list) HAVING COUNT(*) > 1;"
        case .noOrphans(let q, let fk):
            let notNull = fk.columns.map { "c.\(TSQL.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
            let join = zip(fk.columns, fk.referencedColumns).map { "p.\(TSQL.quote($1)) = c.\(TSQL.quote($0))" }.joined(separator: " AND ")
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) AS c WHERE \(notNull) AND NOT EXISTS (SELECT 1 FROM \(TSQL.qualified(fk.referencedTable)) AS p WHERE \(join));"
        case .noViolations(let q, let ck):
            let predicate = try ExpressionRenderer(context: .check, path: "\(q).\(ck.name)").render(ck.expression)
            // A CHECK fails only when its predicate is FALSE (UNKNOWN passes).
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) WHERE NOT (\(predicate));"
        case .valuesFit(let q, let c, _, let to):
            let type = try TypeRenderer.render(to, path: "\(q).\(c)")
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) WHERE \(TSQL.quote(c)) IS NOT NULL AND (TRY_CONVERT(\(type), \(TSQL.quote(c))) IS NULL OR CONVERT(nvarchar(max), TRY_CONVERT(\(type), \(TSQL.quote(c)))) <> CONVERT(nvarchar(max), \(TSQL.quote(c))));"
        case .noRows(let q):
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q));"
        case .noData(let q, let c):
            return "SELECT TOP (1) 1 FROM \(TSQL.qualified(q)) WHERE \(TSQL.quote(c)) IS NOT NULL;"
        }
    }

    public func catalogFactsQuery(_ tables: [QualifiedName]) -> String {
        let names = tables.isEmpty ? "N''" : tables.map { TSQL.nstring($0.description) }.joined(separator: ", ")
        return """
            WITH [t] AS (
                SELECT tb.[object_id], s.[name] + N'.' + tb.[name] AS [object]
                FROM sys.tables AS tb
                JOIN sys.schemas AS s ON s.[schema_id] = tb.[schema_id]
                WHERE s.[name] + N'.' + tb.[name] IN (\(names))
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
            """
    }

    public func expectedFacts(_ table: QualifiedName, in database: Database) throws -> Set<CatalogFact> {
        guard let t = database.table(table) else { return [] }
        var facts: Set<CatalogFact> = []
        for c in t.columns {
            facts.insert(CatalogFact(table, "column \(c.name) \(c.type) \(c.isNullable ? "NULL" : "NOT NULL")"))
            if let d = c.defaultConstraint { facts.insert(CatalogFact(table, "constraint \(d.name) DEFAULT")) }
        }
        if let pk = t.primaryKey { facts.insert(CatalogFact(table, "constraint \(pk.name) PRIMARY KEY")) }
        for u in t.uniqueConstraints { facts.insert(CatalogFact(table, "constraint \(u.name) UNIQUE")) }
        for f in t.foreignKeys { facts.insert(CatalogFact(table, "constraint \(f.name) FOREIGN KEY")) }
        for ck in t.checks { facts.insert(CatalogFact(table, "constraint \(ck.name) CHECK")) }
        for i in t.indexes { facts.insert(CatalogFact(table, "index \(i.name)")) }
        return facts
    }
}
