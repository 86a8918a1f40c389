import ODBC

/// A migration run that stopped, saying where and why. Nothing of the failing
/// migration remains when it ran in a transaction (it was rolled back); the
/// migrations applied before it in the same run stay applied and are listed
/// in `applied`.
public struct RunnerError: Error, CustomStringConvertible {
    public var message: String
    /// The migration that failed, if one did.
    public var migration: String?
    /// 1-based batch number and file line where the failing batch starts.
    public var batch: Int?
    public var line: Int?
    public var sqlState: String?
    /// The driver's native error code (SQL Server 1222 = lock request timed out).
    public var nativeCode: Int?
    /// The migrations this run applied (and committed) before it stopped.
    public var applied: [RunReport.Applied] = []
    /// The versions an undo run took back (and committed) before it stopped.
    public var undone: [UndoReport.Undone] = []

    public init(_ message: String, migration: String? = nil, batch: Int? = nil, line: Int? = nil, sqlState: String? = nil) {
        self.message = message
        self.migration = migration
        self.batch = batch
        self.line = line
        self.sqlState = sqlState
    }

    /// A batch that failed: every driver message, the first SQLSTATE, and the
    /// first non-zero native code (SQL Server's 1222 may follow an
    /// informational record).
    init(batchError e: ODBCError, migration: String, batch: Int?, line: Int?) {
        self.init(e.records.map(\.message).joined(separator: "; "), migration: migration, batch: batch, line: line, sqlState: e.sqlState)
        nativeCode = e.records.first(where: { $0.nativeCode != 0 })?.nativeCode ?? e.records.first?.nativeCode
    }

    public var description: String {
        var head = ""
        if let migration { head += migration }
        if let batch { head += " batch \(batch)" }
        if let line { head += " (line \(line))" }
        if let sqlState { head += " [\(sqlState)]" }
        return head.isEmpty ? message : "\(head): \(message)"
    }

    /// The failure as reported by `migrate --json`.
    public var failure: RunReport.Failure {
        RunReport.Failure(migration: migration, batch: batch, line: line, sqlState: sqlState, message: message)
    }
}
