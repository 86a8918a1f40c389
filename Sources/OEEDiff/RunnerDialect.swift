import OEEModel

/// What the migration runner needs from a dialect, as SQL text only (the
/// runner sends it over ODBC; dialects never import ODBC).
public protocol RunnerDialect: SQLDialect {
    /// Splits a migration file into the batches the runner sends one by one.
    func splitBatches(_ text: String) -> [ScriptBatch]
    /// The batches joined into one message, or nil to send them one by one.
    /// Only for batches whose cost does not depend on the data (they change
    /// the catalog alone): when the message fails, the runner runs them
    /// again one by one and rolls back, to say which one failed.
    func oneMessage(_ batches: [ScriptBatch]) -> String?
    /// Each statement of `script` the driver cannot send as written: the
    /// file line it points at and why (the fix included). Asked of every
    /// pending migration before anything runs.
    func unsendable(_ script: String) -> [(line: Int, message: String)]
    /// Idempotent DDL creating the history table in `schema`.
    func historyDDL(schema: String) -> [String]
    /// `version, name, checksum, applied_by, applied_at_utc, execution_ms, success`, ordered by version.
    func selectHistory(schema: String) -> String
    /// Parameters: version, name, checksum, applied_by, execution_ms, success.
    func insertHistory(schema: String) -> String
    /// The success row and the end of the migration's transaction in one
    /// round trip (`INSERT … VALUES (literals); COMMIT;`), or nil where the
    /// driver must end the transaction itself (then ``insertHistory(schema:)``
    /// and `SQLEndTran`). One round trip fewer per migration. A row without
    /// milliseconds gets the engine's: from the transaction's start to the row.
    func insertHistoryAndCommit(schema: String, _ row: HistoryValues) -> String?
    /// Parameter: version.
    func deleteHistory(schema: String) -> String
    /// Returns one row whose first column is `1` when the session lock was taken.
    func acquireLock(resource: String, timeoutMilliseconds: Int) -> String
    func releaseLock(resource: String) -> String
    /// Statements run at the start of each migration transaction.
    var transactionPreamble: [String] { get }
    /// Sets one session-context value for the current transaction (the
    /// maintenance session a security policy declares).
    func setSessionSetting(_ setting: SessionSetting) -> String
    /// Parameters: version, action (`repair resolved`, `repair removed`,
    /// `undo`), performed_by, detail. Appends to the audit table that
    /// `historyDDL` creates.
    func insertAudit(schema: String) -> String
    /// Parameters: checksum, applied_by, version. Turns a failed history row
    /// into a success (a repair after the DBA finished the migration by hand).
    func resolveHistory(schema: String) -> String
    /// The statement of a `transaction batches` migration as sent in each run;
    /// its result is one row holding the rows the run affected, or no result
    /// set (then the driver's row count is used).
    func batchStatement(_ sql: String) -> String
    /// The login running the migration.
    var currentUserQuery: String { get }
    /// A query that returns rows exactly when the pre-check fails.
    func checkQuery(_ check: PreCheck) throws -> String
    // The post-check reads the catalog with the dialect's InspectorDialect
    // queries (one reader for drift and post-check), restricted to the touched tables.
}

/// A history row's values, for SQL that carries them as literals.
public struct HistoryValues: Hashable, Sendable {
    public var version: Int
    public var name: String
    public var checksum: String
    public var user: String
    /// nil: measured by the engine (``RunnerDialect/insertHistoryAndCommit(schema:_:)`` only).
    public var milliseconds: Int?
    public var success: Bool

    public init(version: Int, name: String, checksum: String, user: String, milliseconds: Int?, success: Bool) {
        self.version = version
        self.name = name
        self.checksum = checksum
        self.user = user
        self.milliseconds = milliseconds
        self.success = success
    }
}

/// One batch of a migration file and where it starts.
public struct ScriptBatch: Hashable, Sendable {
    public var sql: String
    /// 1-based line of the file where the batch starts.
    public var line: Int
    /// How many times to run it (`GO n`).
    public var repeatCount: Int

    public init(sql: String, line: Int, repeatCount: Int = 1) {
        self.sql = sql
        self.line = line
        self.repeatCount = repeatCount
    }
}
