import ODBC
import OEEDiff

/// A migration whose statements went to the engine as one message
/// (``RunnerDialect/oneMessage(_:)``) and failed. The driver names no
/// statement, so ``MigrationRunner/locate(_:in:session:migration:)`` finds it.
struct SentTogether: Error {
    var error: ODBCError
}

extension MigrationRunner {
    /// The failure of a migration sent as one message, with the batch and
    /// line that failed. Its statements change the catalog alone (their cost
    /// does not depend on the data), so they are run again one by one in a
    /// transaction that is always rolled back; the first that fails with the
    /// same SQLSTATE is the one. Not for a lock timeout (running again would
    /// queue for the same locks; the caller retries the whole migration), and
    /// when every statement passes the second time the failure was at the
    /// end of the message: the success row or the COMMIT (a deferred
    /// constraint), reported like a failing COMMIT of a migration sent
    /// statement by statement.
    func locate(_ e: ODBCError, in batches: [ScriptBatch], session: [String], migration: String) -> RunnerError {
        let nativeCode = e.records.first(where: { $0.nativeCode != 0 })?.nativeCode ?? e.records.first?.nativeCode ?? 0
        if let online = dialect as? any OnlineRunnerDialect, online.isLockTimeout(sqlState: e.sqlState, nativeCode: nativeCode) {
            return RunnerError(batchError: e, migration: migration, batch: nil, line: nil)
        }
        struct Rehearsed: Error { var failed: (index: Int, error: ODBCError)? }
        var failed: (index: Int, error: ODBCError)?
        var rehearsed = false
        do {
            try connection.withTransaction { conn in
                for s in session { try conn.execute(s) }
                for (i, batch) in batches.enumerated() {
                    do { try conn.execute(batch.sql) } catch let again as ODBCError { throw Rehearsed(failed: (i, again)) }
                }
                throw Rehearsed(failed: nil)
            }
        } catch let r as Rehearsed {
            rehearsed = true
            failed = r.failed
        } catch {}
        if let failed, failed.error.sqlState == e.sqlState {
            return RunnerError(batchError: e, migration: migration, batch: failed.index + 1, line: batches[failed.index].line)
        }
        if rehearsed && failed == nil {
            return RunnerError(e.description, migration: migration, sqlState: e.sqlState)
        }
        var error = RunnerError(batchError: e, migration: migration, batch: nil, line: nil)
        error.message += " (its \(batches.count) statement(s) went to the server as one message; run again one by one to find the failing one, "
            + (failed.map { "statement \($0.index + 1) (line \(batches[$0.index].line)) failed differently: \($0.error.records.map(\.message).joined(separator: "; "))" }
               ?? "they could not be run") + ")"
        return error
    }
}
