import Foundation
import Migrations
import ODBC
import OEEDiff

/// `oeedb repair`: after a migration that runs outside one transaction
/// (`transaction off` or `batches`) failed part-way and the DBA finished or
/// undid its changes by hand, either mark its history row applied or remove
/// it so the migration runs again. Who, when and what goes to the audit table.
extension MigrationRunner {
    public func repair(version: Int, remove: Bool) throws -> RepairReport {
        try verifyDirectory()
        return try withLock {
            try ensureHistory()
            let history = try readHistory()
            guard let m = directory.migrations.first(where: { $0.file.version == version }) else {
                throw RunnerError("no migration V\(version) in \(directory.url.path); repair names a version of this directory ('oeedb status' lists them)")
            }
            guard let row = history.first(where: { $0.version == version }) else {
                throw RunnerError("\(m.file.stem) has no history row on \(connection.displayName): nothing to repair. Run 'oeedb migrate' to apply it")
            }
            guard !row.success else {
                throw RunnerError("\(m.file.stem) is recorded as applied successfully; repair is only for a failed run. To take it back, run \(FixCommand.quoted("undo --to \(version - 1)"))")
            }
            let header: MigrationHeader
            do { header = try m.header } catch let e as MigrationError { throw RunnerError(e.message, migration: m.file.stem) }
            guard header.mode != .on else {
                throw RunnerError("\(m.file.stem) runs in one transaction, so its failed run was rolled back and left nothing to repair; fix the cause and run 'oeedb migrate'")
            }
            let user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown"
            let action = remove ? "repair removed" : "repair resolved"
            let detail = remove
                ? "failed row of \(m.file.stem) removed (was by \(row.appliedBy) at \(row.appliedAt)); it runs again on the next migrate"
                : "failed row of \(m.file.stem) marked applied after a manual fix (was by \(row.appliedBy) at \(row.appliedAt)); file sha256 \(m.checksum)"
            try connection.withTransaction { conn in
                if remove {
                    try conn.execute(dialect.deleteHistory(schema: historySchema), [.int(Int64(version))])
                } else {
                    try conn.execute(dialect.resolveHistory(schema: historySchema), [.text(m.checksum), .text(user + " (repair)"), .int(Int64(version))])
                }
                try conn.execute(dialect.insertAudit(schema: historySchema), [.int(Int64(version)), .text(action), .text(user), .text(detail)])
            }
            return RepairReport(database: connection.displayName, version: version, migration: m.file.stem, action: remove ? .removed : .resolved, by: user)
        }
    }
}

/// What `repair` did.
public struct RepairReport: Codable, Hashable, Sendable {
    public enum Action: String, Codable, Sendable {
        /// The failed row now says applied.
        case resolved
        /// The failed row was deleted: the migration runs again.
        case removed
    }

    public var database: String
    public var version: Int
    public var migration: String
    public var action: Action
    public var by: String
}
