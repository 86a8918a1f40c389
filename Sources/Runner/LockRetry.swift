import Foundation
import Migrations
import OEEDiff

/// How long a migration's statements wait for a table lock, and how often the
/// whole migration is retried when one waits too long.
///
/// The runner sets the session's lock timeout (`SET LOCK_TIMEOUT n` /
/// `SET lock_timeout = n`) before the first attempt, and again before the
/// next one after a rollback or after a migration whose text may change it
/// (``OnlineRunnerDialect/mayChangeLockTimeout(_:)``), so an ALTER TABLE queued
/// behind a long report query gives up after `timeoutMilliseconds` instead of
/// queueing every writer behind itself. SQL Server's error 1222 does not roll
/// the transaction back by itself: the runner rolls it back (as on any error),
/// waits `backoffMilliseconds × 2^(attempt − 1)`, and runs the migration
/// again, at most `retries` more times. A stepped migration resumes at the
/// step that timed out.
public struct LockRetryPolicy: Sendable, Hashable {
    /// 0: do not set a timeout (wait as long as the engine's default).
    public var timeoutMilliseconds: Int
    public var retries: Int
    public var backoffMilliseconds: Int

    public init(timeoutMilliseconds: Int = 5_000, retries: Int = 3, backoffMilliseconds: Int = 1_000) {
        self.timeoutMilliseconds = timeoutMilliseconds
        self.retries = retries
        self.backoffMilliseconds = backoffMilliseconds
    }
}

extension MigrationRunner {
    /// ``apply(_:postChecks:)`` under the lock timeout, retried on lock timeouts.
    func applyRetrying(_ m: MigrationDirectory.Migration, postChecks: Bool) throws -> RunReport.Applied {
        let online = dialect as? any OnlineRunnerDialect
        var attempt = 0
        while true {
            if let online, lockRetry.timeoutMilliseconds > 0, !lockTimeoutInForce {
                try connection.execute(online.lockTimeoutStatement(milliseconds: lockRetry.timeoutMilliseconds))
            }
            // Unknown until this attempt commits: a rollback may undo the
            // setting (PostgreSQL), and the migration may change it.
            lockTimeoutInForce = false
            do {
                let applied = try apply(m, postChecks: postChecks)
                lockTimeoutInForce = !(online?.mayChangeLockTimeout(m.text) ?? true)
                return applied
            } catch var e as RunnerError {
                guard let online, online.isLockTimeout(sqlState: e.sqlState ?? "", nativeCode: e.nativeCode ?? 0) else { throw e }
                // Outside one transaction the batches before the timeout stay
                // committed: running the file again from the top could apply
                // them twice. It stays failed, for oeedb repair.
                if let header = try? m.header, !header.transaction {
                    e.message += " — a lock timeout stopped this migration, which runs outside one transaction (its earlier batches stay applied, nothing was retried). Fix: check what it applied, finish it by hand, then run \(FixCommand.quoted("repair --version \(m.file.version)")) (mark it applied) or \(FixCommand.quoted("repair --version \(m.file.version) --remove")) (run it again)"
                    throw e
                }
                // The attempt left a failure row: the next one replaces it.
                failedVersions.insert(m.file.version)
                guard attempt < lockRetry.retries else {
                    e.message += " — gave up after \(attempt + 1) attempt(s) waiting \(lockRetry.timeoutMilliseconds) ms each for a lock another session holds; rolled back. Fix: run 'oeedb migrate' again when the blocking session (a long query or open transaction on the table) has finished, or pass a longer --ddl-lock-timeout"
                    throw e
                }
                attempt += 1
                let wait = lockRetry.backoffMilliseconds << (attempt - 1)
                progress("\(m.file.stem): lock timeout after \(lockRetry.timeoutMilliseconds) ms; rolled back, retry \(attempt)/\(lockRetry.retries) in \(wait) ms")
                Thread.sleep(forTimeInterval: Double(wait) / 1000)
            }
        }
    }
}
