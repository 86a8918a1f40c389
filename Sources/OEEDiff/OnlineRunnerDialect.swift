import OEEModel

/// What the runner and `oeedb plan` need from a dialect for online
/// operations: statement lock timeouts, server facts, table sizes, the step
/// record, and cleanup after a failed concurrent index build. A separate
/// protocol, so a ``RunnerDialect`` without it still runs (without them).
public protocol OnlineRunnerDialect: RunnerDialect {
    /// Sets the session's wait for a lock on a table or row (`SET LOCK_TIMEOUT`,
    /// `SET lock_timeout`), run before each migration attempt.
    func lockTimeoutStatement(milliseconds: Int) -> String
    /// Whether running `sql` may leave the session's lock timeout other than
    /// the runner set it (the text names the setting, or resets settings):
    /// the runner sets it once per session and again after such a migration
    /// or a rollback, instead of one extra round trip before every migration.
    func mayChangeLockTimeout(_ sql: String) -> Bool
    /// Whether a driver error is a lock wait that timed out (SQL Server error
    /// 1222, PostgreSQL SQLSTATE 55P03 lock_not_available).
    func isLockTimeout(sqlState: String, nativeCode: Int) -> Bool
    /// One row: the edition (`SERVERPROPERTY('EngineEdition')`, NULL on
    /// PostgreSQL) and the major version.
    var serverProfileQuery: String { get }
    func serverProfile(edition: String?, major: String?) -> ServerProfile
    /// Rows `(schema.table, rows, bytes)` for the named tables that exist.
    func tableSizesQuery(_ tables: [QualifiedName]) -> String
    /// Idempotent DDL for the step record table in `schema`.
    func stepsDDL(schema: String) -> [String]
    /// The finished steps of a version: one column, the step number. Parameter: version.
    func selectSteps(schema: String) -> String
    /// Parameters: version, step.
    func insertStep(schema: String) -> String
    /// Parameter: version.
    func deleteSteps(schema: String) -> String
    /// Returns a row when `index` exists and is INVALID (a failed concurrent
    /// build); nil when the engine leaves no such index behind.
    func invalidIndexQuery(_ index: QualifiedName) -> String?
    /// Drops an INVALID index without blocking writers.
    func dropInvalidIndex(_ index: QualifiedName) -> String
}
