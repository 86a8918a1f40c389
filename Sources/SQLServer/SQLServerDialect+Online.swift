import OEEDiff
import OEEModel

/// Lock timeout, server facts, table sizes and the step record on SQL Server.
extension SQLServerDialect: OnlineRunnerDialect {
    /// Session-wide; error 1222 does not roll back the transaction by itself
    /// (the runner rolls back and retries the migration).
    public func lockTimeoutStatement(milliseconds: Int) -> String {
        "SET LOCK_TIMEOUT \(milliseconds);"
    }

    /// `SET LOCK_TIMEOUT` (session-wide, not undone by ROLLBACK) and
    /// `sp_reset_connection`; any text naming them counts, comments included.
    public func mayChangeLockTimeout(_ sql: String) -> Bool {
        SQLText.mentions(sql, anyOf: ["lock_timeout", "sp_reset_connection"])
    }

    public func isLockTimeout(sqlState: String, nativeCode: Int) -> Bool {
        nativeCode == 1222
    }

    public var serverProfileQuery: String {
        "SELECT CAST(SERVERPROPERTY('EngineEdition') AS int) AS [edition], CAST(SERVERPROPERTY('ProductMajorVersion') AS int) AS [major];"
    }

    public func serverProfile(edition: String?, major: String?) -> ServerProfile {
        ServerProfile(engine: .sqlserver, engineEdition: edition.flatMap { Int($0) }, majorVersion: major.flatMap { Int($0) } ?? 0)
    }

    /// Row counts and reserved bytes from sys.dm_db_partition_stats (heap or
    /// clustered index only for rows; every index for bytes).
    public func tableSizesQuery(_ tables: [QualifiedName]) -> String {
        let names = tables.isEmpty ? "N''" : tables.map { TSQL.nstring($0.description) }.joined(separator: ", ")
        return """
            SELECT s.[name] + N'.' + t.[name] AS [object],
                SUM(CASE WHEN ps.[index_id] IN (0, 1) THEN ps.[row_count] ELSE 0 END) AS [rows],
                SUM(ps.[reserved_page_count]) * 8192 AS [bytes]
            FROM sys.tables AS t
            JOIN sys.schemas AS s ON s.[schema_id] = t.[schema_id]
            JOIN sys.dm_db_partition_stats AS ps ON ps.[object_id] = t.[object_id]
            WHERE s.[name] + N'.' + t.[name] IN (\(names))
            GROUP BY s.[name], t.[name];
            """
    }

    public func stepsDDL(schema: String) -> [String] {
        let s = TSQL.quote(schema)
        return [
            "IF SCHEMA_ID(\(TSQL.nstring(schema))) IS NULL EXEC(N'CREATE SCHEMA \(s.replacingOccurrences(of: "'", with: "''"))');",
            """
            IF OBJECT_ID(\(TSQL.nstring("\(s).[schema_steps]")), N'U') IS NULL
            CREATE TABLE \(s).[schema_steps] (
                [version] int NOT NULL,
                [step] int NOT NULL,
                CONSTRAINT [pk_schema_steps] PRIMARY KEY ([version], [step])
            );
            """,
        ]
    }

    public func selectSteps(schema: String) -> String {
        "SELECT [step] FROM \(TSQL.quote(schema)).[schema_steps] WHERE [version] = ? ORDER BY [step];"
    }

    public func insertStep(schema: String) -> String {
        "INSERT INTO \(TSQL.quote(schema)).[schema_steps] ([version], [step]) VALUES (?, ?);"
    }

    public func deleteSteps(schema: String) -> String {
        "DELETE FROM \(TSQL.quote(schema)).[schema_steps] WHERE [version] = ?;"
    }

    /// SQL Server leaves no invalid index behind: a failed online build rolls
    /// back, a paused resumable one is resumed by the script itself.
    public func invalidIndexQuery(_ index: QualifiedName) -> String? { nil }

    public func dropInvalidIndex(_ index: QualifiedName) -> String { "" }
}
