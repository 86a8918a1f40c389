import Foundation
import Migrations
import ODBC
import OEEDiff
import OEEModel

/// `oeedb undo --to V`: runs the undo scripts (`U<NNNN>__name.sql`) of every
/// applied version above V, newest first, under the same session lock as
/// migrate. Each runs in its own transaction together with its history
/// change (the row deleted, an audit row added); its data-loss checks refuse
/// to destroy data unless allowed; its post-check compares the catalog with
/// the previous version's snapshot. A version without an undo script stops
/// the run before anything runs.
extension MigrationRunner {
    public struct UndoOptions: Sendable {
        public var to: Int
        public var dryRun: Bool
        public var allowDataLoss: Bool
        public var postChecks: Bool

        public init(to: Int, dryRun: Bool = false, allowDataLoss: Bool = false, postChecks: Bool = true) {
            self.to = to
            self.dryRun = dryRun
            self.allowDataLoss = allowDataLoss
            self.postChecks = postChecks
        }
    }

    public func undo(_ options: UndoOptions) throws -> UndoReport {
        var report = UndoReport(database: connection.displayName, dialect: dialect.id, to: options.to, dryRun: options.dryRun)
        try verifyDirectory()
        if options.dryRun {
            let steps = try undoSteps(history: try historyIfPresent(), to: options.to)
            report.pending = steps.map { $0.undo.file.stem }
            report.upToDate = steps.isEmpty
            return report
        }
        try withLock {
            try ensureHistory()
            let steps = try undoSteps(history: try readHistory(), to: options.to)
            report.upToDate = steps.isEmpty
            for (i, step) in steps.enumerated() {
                progress("[\(i + 1)/\(steps.count)] \(step.undo.file.stem) …")
                do {
                    report.undone.append(try runUndo(step, options: options))
                } catch {
                    var failure: RunnerError
                    switch error {
                    case let e as RunnerError: failure = e
                    case let e as ODBCError: failure = RunnerError(e.description, migration: step.undo.file.stem, sqlState: e.sqlState)
                    default: failure = RunnerError("\(error)", migration: step.undo.file.stem)
                    }
                    failure.undone = report.undone
                    throw failure
                }
                progress("[\(i + 1)/\(steps.count)] \(step.undo.file.stem) done in \(report.undone.last!.milliseconds) ms")
            }
        }
        return report
    }

    struct UndoStep {
        var migration: MigrationDirectory.Migration
        var undo: MigrationDirectory.UndoScript
        var previous: MigrationDirectory.Migration?
    }

    /// The undo scripts to run, newest first, after checking every applied
    /// migration still matches its file and every version to undo has one.
    func undoSteps(history: [HistoryRow], to: Int) throws -> [UndoStep] {
        let files = Dictionary(directory.migrations.map { ($0.file.version, $0) }, uniquingKeysWith: { a, _ in a })
        let applied = history.filter(\.success)
        for row in applied {
            guard let m = files[row.version] else {
                throw RunnerError("the database has V\(row.version) \(row.name) applied, which \(directory.url.path) lacks; nothing was run. Is this checkout older than the database?")
            }
            if m.checksum != row.checksum {
                throw RunnerError("\(m.sqlURL.lastPathComponent) changed after it was applied (file sha256 \(m.checksum.prefix(12))…, applied \(row.checksum.prefix(12))…); nothing was run. Restore the file as applied")
            }
        }
        for row in history where !row.success && row.version > to {
            if let m = files[row.version], let header = try? m.header, header.mode == .off {
                throw RunnerError("\(m.file.stem) failed part-way outside a transaction; nothing was run. Settle it first with \(FixCommand.quoted("repair --version \(row.version)")) (or --remove), then undo")
            }
        }
        let maxApplied = applied.map(\.version).max() ?? 0
        if to > maxApplied {
            throw RunnerError("--to \(to) is above the latest applied version V\(maxApplied); undo only goes back. To go forward, run \(FixCommand.quoted("migrate --target \(to)"))")
        }
        if to > 0 && files[to] == nil {
            throw RunnerError("--to \(to): no such migration in \(directory.url.path); name a version 'oeedb status' lists, or 0 for none")
        }
        let versions = applied.map(\.version).filter { $0 > to }.sorted(by: >)
        let missing = versions.filter { directory.undo(for: $0) == nil }
        guard missing.isEmpty else {
            let names = missing.map { files[$0]!.file.stem }
            let scripts = missing.map { files[$0]!.file.undo.stem + ".sql" }
            throw RunnerError("no undo script for \(names.joined(separator: ", ")); nothing was run. Write \(scripts.joined(separator: ", ")) by hand (it takes the database back to the previous version, in one transaction) and run 'oeedb hash', or undo only as far as \(FixCommand.quoted("undo --to \(missing.max()!)"))")
        }
        return versions.map { v in
            let m = files[v]!
            let index = directory.migrations.firstIndex(of: m)!
            return UndoStep(migration: m, undo: directory.undo(for: v)!, previous: index > 0 ? directory.migrations[index - 1] : nil)
        }
    }

    /// One undo script in one transaction with its history change.
    func runUndo(_ step: UndoStep, options: UndoOptions) throws -> UndoReport.Undone {
        let stem = step.undo.file.stem
        let header: MigrationHeader
        do { header = try step.undo.header } catch let e as MigrationError { throw RunnerError(e.message, migration: stem) }
        let batches = dialect.splitBatches(step.undo.text)
        let current = try snapshot(step.migration)
        let previous = try step.previous.map { try snapshot($0) } ?? Database(name: current.name)
        let expected: ExpectedCatalog?
        do { expected = options.postChecks ? try expectedFacts(from: current, to: previous) : nil } catch {
            throw RunnerError("cannot compute post-checks: \(error)", migration: stem)
        }
        let session = try sessionStatements(for: step.migration)
        if user == nil { user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown" }
        let user = self.user ?? "unknown"
        let start = Date()
        var report = UndoReport.Undone(version: step.migration.file.version, name: step.migration.file.name, milliseconds: 0, batches: batches.count,
                                       dataLossChecks: options.allowDataLoss ? 0 : header.checks.filter { $0.phase == .dataLoss }.count,
                                       preChecks: header.checks.filter { $0.phase == .pre }.count, postChecks: 0)
        let target = step.migration.file.version - 1
        try connection.withTransaction { conn in
            for s in session { try conn.execute(s) }
            if !options.allowDataLoss {
                try runChecks(header.checks.filter { $0.phase == .dataLoss }, migration: stem,
                              dataLossFix: "\(FixCommand.quoted("undo --to \(options.to) --allow-data-loss"))")
            }
            try runChecks(header.checks.filter { $0.phase == .pre }, migration: stem)
            for (i, batch) in batches.enumerated() {
                for _ in 0..<max(1, batch.repeatCount) {
                    do {
                        try conn.execute(batch.sql)
                    } catch let e as ODBCError {
                        throw RunnerError(e.records.map(\.message).joined(separator: "; "), migration: stem, batch: i + 1, line: batch.line, sqlState: e.sqlState)
                    }
                }
            }
            try runChecks(header.checks.filter { $0.phase == .post }, migration: stem)
            if let expected {
                try verifyCatalog(expected, migration: stem)
                report.postChecks = expected.tables.count
            }
            report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
            try conn.execute(dialect.deleteHistory(schema: historySchema), [.int(Int64(step.migration.file.version))])
            let detail = "ran \(stem).sql (sha256 \(step.undo.checksum)) back to V\(target)\(options.allowDataLoss ? " with --allow-data-loss" : "")"
            try conn.execute(dialect.insertAudit(schema: historySchema), [.int(Int64(step.migration.file.version)), .text("undo"), .text(user), .text(detail)])
        }
        return report
    }
}

/// What an undo run did, for `--json` and tests.
public struct UndoReport: Codable, Sendable {
    public struct Undone: Codable, Hashable, Sendable {
        public var version: Int
        public var name: String
        public var milliseconds: Int
        public var batches: Int
        public var dataLossChecks: Int
        public var preChecks: Int
        public var postChecks: Int
    }

    public var database: String
    public var dialect: String
    public var to: Int
    /// The versions this run took back (and committed), newest first.
    public var undone: [Undone] = []
    public var failed: RunReport.Failure?
    /// Dry run: the undo scripts that would run, newest first.
    public var pending: [String] = []
    public var upToDate: Bool = false
    public var dryRun: Bool

    public init(database: String, dialect: String, to: Int, dryRun: Bool) {
        self.database = database
        self.dialect = dialect
        self.to = to
        self.dryRun = dryRun
    }
}
