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
        var whole = RunnerError(batchError: e, migration: migration, batch: nil, line: nil)
        if let online = dialect as? any OnlineRunnerDialect, online.isLockTimeout(sqlState: e.sqlState, nativeCode: whole.nativeCode ?? 0) {
            return whole
        }
        enum Rehearsal: Error {
            case failed(batch: Int, ODBCError)
            case passed
        }
        var rehearsal: Rehearsal?
        do {
            try connection.withTransaction { conn in
                for s in session { try conn.execute(s) }
                for (i, batch) in batches.enumerated() {
                    do { try conn.execute(batch.sql) } catch let again as ODBCError { throw Rehearsal.failed(batch: i, again) }
                }
                throw Rehearsal.passed
            }
        } catch let r as Rehearsal {
            rehearsal = r
        } catch {}
        let unlocated = " (its \(batches.count) statement(s) went to the server as one message; run again one by one to find the failing one, "
        switch rehearsal {
        case .failed(let i, let again) where again.sqlState == e.sqlState:
            return RunnerError(batchError: e, migration: migration, batch: i + 1, line: batches[i].line)
        case .passed:
            return RunnerError(e.description, migration: migration, sqlState: e.sqlState)
        case .failed(let i, let again):
            whole.message += unlocated + "statement \(i + 1) (line \(batches[i].line)) failed differently: \(again.records.map(\.message).joined(separator: "; ")))"
        case nil:
            whole.message += unlocated + "they could not be run)"
        }
        return whole
    }
}
