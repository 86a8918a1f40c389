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

    /// nil: T-SQL has no `?` operator (in code it is a syntax error, which
    /// the server reports with its line like any other).
    public func unsendable(_ script: String) -> [(line: Int, message: String)] {
        []
    }

    /// nil: batches are sent one by one (a `GO` batch is a message of its own).
    public func oneMessage(_ batches: [ScriptBatch]) -> String? {
        nil
    }

    /// nil: the driver ends the transaction (`SQLEndTran`). With autocommit
    /// off, FreeTDS and Microsoft's driver run in implicit-transaction mode,
    /// and a COMMIT inside a batch is not measured here against either.
    public func insertHistoryAndCommit(schema: String, _ row: HistoryValues) -> String? {
        nil
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
}
