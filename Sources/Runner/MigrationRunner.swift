import Foundation
import Migrations
import ODBC
import OEEDiff
import OEEModel

/// Applies a migration directory to a live database: one session lock for the
/// whole run, one transaction per migration with its history row, pre-checks
/// before and catalog post-checks after the migration's SQL.
///
///     let runner = MigrationRunner(connection: conn, dialect: PostgreSQLDialect(), directory: dir)
///     let report = try runner.migrate()
public final class MigrationRunner {
    public let connection: ODBCConnection
    public let dialect: any RunnerDialect
    public let directory: MigrationDirectory
    public var historySchema = "oeedb"
    public var lockResource = "oeedb.migrate"
    public var lockTimeoutMilliseconds = 60_000
    /// Called with progress lines (which migration, elapsed); the CLI prints
    /// them on a terminal only.
    public var progress: (String) -> Void = { _ in }
    /// The login, read once per run.
    var user: String?
    /// Versions with a failed-attempt row to replace.
    var failedVersions: Set<Int> = []
    /// The file checksum each failed history row recorded: a stepped
    /// migration edited since its failed run starts its steps over.
    var failedChecksums: [Int: String] = [:]
    /// Statement lock timeout and bounded retry of a migration (LockRetry.swift).
    public var lockRetry = LockRetryPolicy()
    /// Whether the session's lock timeout is known to be `lockRetry`'s
    /// (set once; forgotten after a rollback or a migration that may change it).
    var lockTimeoutInForce = false
    /// The post-check's catalog reader: one per runner (its connection), so
    /// its prepared statements serve every migration of the run.
    var postCheckReader: CatalogReader?

    public init(connection: ODBCConnection, dialect: any RunnerDialect, directory: MigrationDirectory) {
        self.connection = connection
        self.dialect = dialect
        self.directory = directory
    }

    // MARK: - Public commands

    public struct Options: Sendable {
        public var target: Int?
        public var dryRun: Bool
        /// Run the generated catalog post-checks (on by default).
        public var postChecks: Bool

        public init(target: Int? = nil, dryRun: Bool = false, postChecks: Bool = true) {
            self.target = target
            self.dryRun = dryRun
            self.postChecks = postChecks
        }
    }

    /// Applies every pending migration up to `options.target`.
    public func migrate(_ options: Options = Options()) throws -> RunReport {
        var report = RunReport(database: connection.displayName, dialect: dialect.id, dryRun: options.dryRun)
        try verifyDirectory()
        if options.dryRun {
            // Read-only: no lock, no history table created.
            let history = try historyIfPresent()
            let pending = try pendingMigrations(history: history, target: options.target)
            try checkSendable(pending)
            report.pending = pending.map(\.file.stem)
            report.upToDate = pending.isEmpty
            return report
        }
        try withLock {
            try ensureHistory()
            let history = try readHistory()
            failedVersions = Set(history.filter { !$0.success }.map(\.version))
            failedChecksums = Dictionary(history.filter { !$0.success }.map { ($0.version, $0.checksum) }, uniquingKeysWith: { _, last in last })
            let pending = try pendingMigrations(history: history, target: options.target)
            try checkSendable(pending)
            report.upToDate = pending.isEmpty
            for (i, migration) in pending.enumerated() {
                progress("[\(i + 1)/\(pending.count)] \(migration.file.stem) …")
                let applied: RunReport.Applied
                do {
                    applied = try applyRetrying(migration, postChecks: options.postChecks)
                } catch {
                    // Those before it are committed: the error says so.
                    var failure: RunnerError
                    switch error {
                    case let e as RunnerError: failure = e
                    case let e as ODBCError: failure = RunnerError(e.description, migration: migration.file.stem, sqlState: e.sqlState)
                    default: failure = RunnerError("\(error)", migration: migration.file.stem)
                    }
                    failure.applied = report.applied
                    throw failure
                }
                progress("[\(i + 1)/\(pending.count)] \(migration.file.stem) applied in \(applied.milliseconds) ms")
                report.applied.append(applied)
            }
        }
        return report
    }

    /// Every statement the driver could not send as written
    /// (``RunnerDialect/unsendable(_:)``), as `file:line: message`.
    func unsendable(_ migrations: [MigrationDirectory.Migration]) -> [String] {
        migrations.flatMap { m in
            dialect.unsendable(m.text).map { "\(m.sqlURL.lastPathComponent):\($0.line): \($0.message)" }
        }
    }

    /// Fails before anything runs when a pending migration holds a statement
    /// the driver cannot send.
    func checkSendable(_ pending: [MigrationDirectory.Migration]) throws {
        let problems = unsendable(pending)
        guard !problems.isEmpty else { return }
        throw RunnerError(problems.joined(separator: "\n") + "\nnothing was run")
    }

    /// Per-version state of the directory against the database.
    public func status() throws -> [MigrationStatus] {
        let history = try historyIfPresent()
        let byVersion = Dictionary(history.map { ($0.version, $0) }, uniquingKeysWith: { _, b in b })
        var result: [MigrationStatus] = []
        for m in directory.migrations {
            guard let row = byVersion[m.file.version] else {
                result.append(MigrationStatus(version: m.file.version, name: m.file.name, state: .pending))
                continue
            }
            let state: MigrationStatus.State = !row.success ? .failed : (row.checksum == m.checksum ? .applied : .checksumMismatch)
            result.append(MigrationStatus(version: m.file.version, name: m.file.name, state: state, appliedAt: row.appliedAt,
                                          appliedBy: row.appliedBy, executionMs: row.executionMs))
        }
        let known = Set(directory.migrations.map(\.file.version))
        for row in history where !known.contains(row.version) {
            result.append(MigrationStatus(version: row.version, name: row.name, state: .missingFile, appliedAt: row.appliedAt,
                                          appliedBy: row.appliedBy, executionMs: row.executionMs))
        }
        return result.sorted { $0.version < $1.version }
    }

    /// Every problem with the directory and the history; changes nothing.
    public func validate() throws -> [String] {
        var problems = try directory.verify()
        problems += unsendable(directory.migrations)
        for s in try status() {
            switch s.state {
            case .checksumMismatch: problems.append("V\(s.version) \(s.name): applied, but the file changed since (checksum differs from the history); restore the file as applied")
            case .missingFile: problems.append("V\(s.version) \(s.name): applied to the database but missing from \(directory.url.path); is this checkout older than the database?")
            case .failed:
                let mode = (try? directory.migrations.first { $0.file.version == s.version }?.header)??.mode
                if mode == .off {
                    problems.append("V\(s.version) \(s.name): its last run failed part-way outside a transaction; finish or undo its changes by hand, then run \(FixCommand.quoted("repair --version \(s.version)")) (mark it applied) or \(FixCommand.quoted("repair --version \(s.version) --remove")) (run it again)")
                } else {
                    problems.append("V\(s.version) \(s.name): its last run failed and was rolled back; fix the cause and run 'oeedb migrate'")
                }
            default: break
            }
        }
        return problems
    }

    /// Marks an existing database as being at `version` without running scripts.
    public func baseline(version: Int) throws -> [String] {
        try verifyDirectory()
        guard directory.migrations.contains(where: { $0.file.version == version }) else {
            throw RunnerError("no migration V\(version) in \(directory.url.path); baseline names an existing version")
        }
        var marked: [String] = []
        try withLock {
            try ensureHistory()
            let history = try readHistory()
            if let applied = history.first(where: { $0.success }) {
                throw RunnerError("the database already has migration history (V\(applied.version) \(applied.name) applied); baseline is only for databases oeedb has never migrated")
            }
            let user = (try? connection.scalar(dialect.currentUserQuery)) ?? nil
            try connection.withTransaction { conn in
                for m in directory.migrations where m.file.version <= version {
                    try insertHistory(HistoryValues(m, user: (user ?? "unknown") + " (baseline)", milliseconds: 0, success: true), on: conn)
                    marked.append(m.file.stem)
                }
            }
        }
        return marked
    }

    // MARK: - Steps

    func verifyDirectory() throws {
        let problems = try directory.verify() + batchProblems()
        guard problems.isEmpty else {
            throw RunnerError("\(directory.url.path) is not intact; nothing was run:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
    }

    func withLock<T>(_ body: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(Double(lockTimeoutMilliseconds) / 1000)
        var waited = false
        while true {
            let acquired = try connection.execute(dialect.acquireLock(resource: lockResource, timeoutMilliseconds: lockTimeoutMilliseconds))
                .resultSets.last?.rows.first?.first ?? nil
            if acquired == "1" || acquired == "t" || acquired == "true" { break }
            if Date() >= deadline {
                throw RunnerError("another oeedb migrate holds the lock '\(lockResource)' on \(connection.displayName); waited \(lockTimeoutMilliseconds / 1000) s. Try again when it finishes")
            }
            if !waited { progress("waiting for the migration lock held by another runner …"); waited = true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        defer { _ = try? connection.execute(dialect.releaseLock(resource: lockResource)) }
        return try body()
    }

    func ensureHistory() throws {
        for ddl in dialect.historyDDL(schema: historySchema) { try connection.execute(ddl) }
    }

    func readHistory() throws -> [HistoryRow] {
        try connection.query(dialect.selectHistory(schema: historySchema)).rows.map { r in
            HistoryRow(version: Int(r[0] ?? "") ?? 0, name: r[1] ?? "", checksum: (r[2] ?? "").trimmingCharacters(in: .whitespaces),
                       appliedBy: r[3] ?? "", appliedAt: r[4] ?? "", executionMs: Int(r[5] ?? "") ?? 0,
                       success: ["1", "t", "true"].contains((r[6] ?? "").lowercased()))
        }
    }

    /// History, or none when the table does not exist yet (read-only commands).
    func historyIfPresent() throws -> [HistoryRow] {
        do { return try readHistory() } catch let e as ODBCError where ["42P01", "42S02", "3F000"].contains(e.sqlState) { return [] }
    }

    /// Pending migrations in order, after checking every applied one still
    /// matches its file.
    func pendingMigrations(history: [HistoryRow], target: Int?) throws -> [MigrationDirectory.Migration] {
        let byVersion = Dictionary(history.filter(\.success).map { ($0.version, $0) }, uniquingKeysWith: { _, b in b })
        let files = Dictionary(directory.migrations.map { ($0.file.version, $0) }, uniquingKeysWith: { a, _ in a })
        for row in history where row.success {
            guard let m = files[row.version] else {
                throw RunnerError("the database has V\(row.version) \(row.name) applied, which \(directory.url.path) lacks; nothing was run. Is this checkout older than the database?")
            }
            if m.checksum != row.checksum {
                throw RunnerError("\(m.sqlURL.lastPathComponent) changed after it was applied (file sha256 \(m.checksum.prefix(12))…, applied \(row.checksum.prefix(12))…); nothing was run. Restore the file as applied; change the schema with a new migration")
            }
        }
        if let target, files[target] == nil {
            throw RunnerError("--target \(target): no such migration in \(directory.url.path)")
        }
        // A migration that failed outside a transaction may have run part of
        // its batches: running it again from the top could apply them twice.
        for row in history where !row.success {
            if let m = files[row.version], let header = try? m.header, header.mode == .off {
                throw RunnerError("\(m.file.stem) failed part-way outside a transaction, so some of its batches may have run; nothing was run. Inspect the database and finish or undo its changes by hand, then run \(FixCommand.quoted("repair --version \(row.version)")) to mark it applied, or \(FixCommand.quoted("repair --version \(row.version) --remove")) to run it again")
            }
        }
        let maxApplied = byVersion.keys.max() ?? 0
        if let target, target < maxApplied {
            throw RunnerError("--target \(target) is below the latest applied version V\(maxApplied); migrate only goes forward. To go back, run \(FixCommand.quoted("undo --to \(target)"))")
        }
        var pending: [MigrationDirectory.Migration] = []
        for m in directory.migrations where byVersion[m.file.version] == nil {
            if let target, m.file.version > target { break }
            if m.file.version < maxApplied {
                throw RunnerError("\(m.file.stem) is older than the latest applied version V\(maxApplied) but was never applied (merged late?); nothing was run. Regenerate it after V\(maxApplied): delete \(m.file.stem).sql and .json, run 'oeedb hash', then 'oeedb generate'")
            }
            pending.append(m)
        }
        return pending
    }

    /// Runs one migration in its own transaction with its history row.
    func apply(_ m: MigrationDirectory.Migration, postChecks: Bool) throws -> RunReport.Applied {
        let header: MigrationHeader
        do { header = try m.header } catch let e as MigrationError { throw RunnerError(e.message, migration: m.file.stem) }
        if header.mode == .batches { return try applyBatches(m, header: header, postChecks: postChecks) }
        if !header.online.steps.isEmpty { return try applySteps(m, header: header, postChecks: postChecks) }
        let batches = dialect.splitBatches(m.text)
        let expected = postChecks ? try expectedFacts(for: m) : nil
        let session = try sessionStatements(for: m)
        if user == nil { user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown" }
        let user = self.user
        let start = Date()
        var report = RunReport.Applied(version: m.file.version, name: m.file.name, milliseconds: 0, batches: batches.count,
                                       preChecks: header.checks.filter { $0.phase != .post }.count, postChecks: 0)
        // Statements that change the catalog alone travel as one message.
        let together = header.transaction ? dialect.oneMessage(batches) : nil
        let body = { [self] (conn: ODBCConnection) throws in
            if header.transaction { for s in session { try conn.execute(s) } }
            if !header.online.preChecksBeforeTransaction { try runChecks(header.checks.filter { $0.phase != .post }, migration: m.file.stem) }
            if let together {
                let finish = completionText(m, header: header, expected: expected, user: user)
                do {
                    try conn.execute(finish.map { together + "\n" + $0 } ?? together)
                } catch let e as ODBCError {
                    throw SentTogether(error: e)
                }
                if finish == nil {
                    try complete(m, header: header, expected: expected, user: user, start: start, report: &report, on: conn)
                } else {
                    report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
                }
                return
            }
            for (i, batch) in batches.enumerated() {
                for _ in 0..<max(1, batch.repeatCount) {
                    do {
                        try conn.execute(batch.sql)
                    } catch let e as ODBCError {
                        throw RunnerError(batchError: e, migration: m.file.stem, batch: i + 1, line: batch.line)
                    }
                }
            }
            try complete(m, header: header, expected: expected, user: user, start: start, report: &report, on: conn)
        }
        do {
            if !header.transaction {
                // Outside one transaction a crash can leave some batches
                // applied: a 'started' failure row, committed before the first
                // batch, keeps the next migrate from running it again blindly
                // (it refuses and points to oeedb repair); success replaces it.
                recordFailure(m, user: user, milliseconds: 0)
                failedVersions.insert(m.file.version)
            }
            if header.online.preChecksBeforeTransaction {
                // Read-only, in a short transaction of their own (no DDL lock
                // held), with the maintenance session so RLS hides no row.
                try connection.withTransaction { conn in
                    for s in session { try conn.execute(s) }
                    try runChecks(header.checks.filter { $0.phase != .post }, migration: m.file.stem)
                }
            }
            if header.transaction {
                try connection.withTransaction(body)
            } else {
                try body(connection)
            }
        } catch let e as SentTogether {
            throw failure(locate(e.error, in: batches, session: session, migration: m.file.stem), of: m, user: user, start: start)
        } catch {
            throw failure(error, of: m, user: user, start: start)
        }
        return report
    }

    /// A migration's last act, in its final transaction (every mode: one
    /// transaction, batches, steps): its post-checks, the catalog compared
    /// with its snapshot, and its success row, replacing a failed one.
    func complete(_ m: MigrationDirectory.Migration, header: MigrationHeader, expected: ExpectedCatalog?, user: String?, start: Date,
                  report: inout RunReport.Applied, on conn: ODBCConnection) throws {
        try runChecks(header.checks.filter { $0.phase == .post }, migration: m.file.stem)
        if let expected {
            try verifyCatalog(expected, migration: m.file.stem, sql: m.text)
            report.postChecks = expected.tables.count
        }
        report.milliseconds = Int(Date().timeIntervalSince(start) * 1000)
        if failedVersions.contains(m.file.version) {
            try conn.execute(dialect.deleteHistory(schema: historySchema), [.int(Int64(m.file.version))])
        }
        let row = HistoryValues(m, user: user, milliseconds: report.milliseconds, success: true)
        // Inside the final transaction the row and the COMMIT can travel
        // together; the caller's commit then has nothing left to do, so this
        // must be the transaction's last statement. A COMMIT
        // that fails (a deferred constraint) throws here like any statement.
        if !conn.autocommit, let sql = dialect.insertHistoryAndCommit(schema: historySchema, row) {
            try conn.execute(sql)
            return
        }
        try insertHistory(row, on: conn)
    }

    /// What ``complete(_:header:expected:user:start:report:on:)`` sends when
    /// it has nothing to check and no failure row to replace: the success row
    /// and the COMMIT, as text that can ride on the migration's own message
    /// (the engine times the row). nil when it has more to do, or the dialect
    /// ends transactions through the driver.
    func completionText(_ m: MigrationDirectory.Migration, header: MigrationHeader, expected: ExpectedCatalog?, user: String?) -> String? {
        guard expected == nil, !header.checks.contains(where: { $0.phase == .post }), !failedVersions.contains(m.file.version) else { return nil }
        return dialect.insertHistoryAndCommit(schema: historySchema, HistoryValues(m, user: user, milliseconds: nil, success: true))
    }

    /// A history row, parameterized (``RunnerDialect/insertHistory(schema:)``).
    func insertHistory(_ row: HistoryValues, on conn: ODBCConnection) throws {
        try conn.execute(dialect.insertHistory(schema: historySchema), [
            .int(Int64(row.version)), .text(row.name), .text(row.checksum), .text(row.user),
            .int(Int64(row.milliseconds ?? 0)), .bool(row.success),
        ])
    }

    /// `error`, after recording the failed run, as the ``RunnerError`` the
    /// runner throws.
    func failure(_ error: Error, of m: MigrationDirectory.Migration, user: String?, start: Date) -> Error {
        recordFailure(m, user: user, milliseconds: Int(Date().timeIntervalSince(start) * 1000))
        if let e = error as? RunnerError { return e }
        if let e = error as? ODBCError { return RunnerError(e.description, migration: m.file.stem, sqlState: e.sqlState) }
        return error
    }

    /// Best effort: a `success = false` row so `status` shows the failure.
    func recordFailure(_ m: MigrationDirectory.Migration, user: String?, milliseconds: Int) {
        _ = try? connection.withTransaction { conn in
            try conn.execute(dialect.deleteHistory(schema: historySchema), [.int(Int64(m.file.version))])
            try insertHistory(HistoryValues(m, user: user, milliseconds: milliseconds, success: false), on: conn)
        }
    }

    func runChecks(_ checks: [MigrationCheck], migration: String, dataLossFix: String? = nil) throws {
        for check in checks {
            let rows: [[String?]]
            do {
                rows = try connection.query(check.query).rows
            } catch let e as ODBCError {
                throw RunnerError("\(check.phase.rawValue)-check '\(check.name)' could not run: \(e.records.map(\.message).joined(separator: "; "))", migration: migration, sqlState: e.sqlState)
            }
            switch check.expectation {
            case .empty where !rows.isEmpty && check.phase == .dataLoss:
                throw RunnerError("data-loss check '\(check.name)' failed: running it would destroy data (the query returned rows); nothing was changed. Copy the data elsewhere first\(dataLossFix.map { ", or accept the loss: \($0)" } ?? "")", migration: migration)
            case .empty where !rows.isEmpty:
                throw RunnerError("\(check.phase.rawValue)-check '\(check.name)' failed: the query returned rows (expected none); nothing was changed", migration: migration)
            case .scalar(let want):
                let got = rows.first?.first ?? nil
                if got != want {
                    throw RunnerError("\(check.phase.rawValue)-check '\(check.name)' failed: expected \(want), got \(got ?? "NULL"); nothing was changed", migration: migration)
                }
            default:
                break
            }
        }
    }

    /// What the post-check compares: the tables this migration touched and
    /// the model they must match once it has run (its snapshot).
    struct ExpectedCatalog {
        var tables: [QualifiedName]
        var model: Database
    }

    /// A migration's model (the directory's snapshot store decodes each file
    /// once and replays deltas in order, so reading versions one after the
    /// other costs one delta each).
    func snapshot(_ m: MigrationDirectory.Migration) throws -> Database {
        do { return try m.snapshot() } catch let e as MigrationError {
            throw RunnerError(e.message, migration: m.file.stem)
        }
    }

    /// The tables `m` touched and the model they must match. A delta lists
    /// them (only those are compared, whatever the model's size); a full
    /// snapshot is compared with the previous version's model.
    func expectedFacts(for m: MigrationDirectory.Migration) throws -> ExpectedCatalog {
        let index = directory.migrations.firstIndex { $0.file == m.file }!
        let to = try snapshot(m)
        let from = index > 0 ? try snapshot(directory.migrations[index - 1]) : Database(name: to.name)
        let delta: ModelDelta?
        do { delta = try m.delta() } catch let e as MigrationError { throw RunnerError(e.message, migration: m.file.stem) }
        if let delta {
            // Empty (hand-written): its SQL must not have changed any table.
            return ExpectedCatalog(tables: delta.isEmpty ? to.allTables.map(\.name) : delta.touchedTables(previous: from), model: to)
        }
        do { return try expectedFacts(from: from, to: to) } catch { throw RunnerError("cannot compute post-checks: \(error)", migration: m.file.stem) }
    }

    /// Every table whose model differs between the two snapshots (also for
    /// hand-written migrations of changes the differ refuses to plan), with
    /// the facts `to` gives it; a table `to` lacks must be gone (no facts). A
    /// hand-written migration that keeps the model checks every table: its
    /// SQL must not have changed the schema.
    func expectedFacts(from: Database, to: Database) throws -> ExpectedCatalog {
        let before = Dictionary(from.allTables.map { ($0.name, $0.table) }, uniquingKeysWith: { a, _ in a })
        var tables = to.allTables.filter { before[$0.name] != $0.table }.map(\.name)
        let after = Set(to.allTables.map(\.name))
        // Changed or new tables, and dropped ones (which must be gone).
        tables += from.allTables.map(\.name).filter { !after.contains($0) }
        if from == to { tables = to.allTables.map(\.name) }
        return ExpectedCatalog(tables: tables, model: to)
    }

    /// The statements that open a migration transaction: the dialect's
    /// preamble, then the maintenance session the model's security policies
    /// declare (as of `m`'s snapshot).
    func sessionStatements(for m: MigrationDirectory.Migration) throws -> [String] {
        dialect.transactionPreamble + (try snapshot(m)).maintenanceSession.map(dialect.setSessionSetting)
    }

    /// `model` with only `tables` in its schemas (schemas kept, even emptied,
    /// and the partition functions and schemes a partitioned table's
    /// comparable form reads); functions and security policies, which the
    /// post-check does not compare, left out.
    static func restricted(_ model: Database, to tables: [QualifiedName]) -> Database {
        let wanted = Set(tables)
        var result = model
        for i in result.schemas.indices {
            let name = result.schemas[i].name
            result.schemas[i].tables.removeAll { !wanted.contains(QualifiedName(name, $0.name)) }
            result.schemas[i].functions = []
            result.schemas[i].securityPolicies = []
        }
        return result
    }

    /// Whether `sql` may drop the session's prepared statements (`DISCARD
    /// ALL`, `DEALLOCATE`), judged on its text: any mention counts.
    static func mayDeallocate(_ sql: String) -> Bool {
        SQLText.mentions(sql, anyOf: ["discard", "deallocate"])
    }

    /// Reads the touched tables with the drift reader (``CatalogReader``) and
    /// fails on any difference from the snapshot.
    func verifyCatalog(_ expected: ExpectedCatalog, migration: String, sql: String = "") throws {
        guard !expected.tables.isEmpty, let inspector = dialect as? any InspectorDialect else { return }
        let reader = postCheckReader ?? CatalogReader(connection: connection, dialect: inspector)
        postCheckReader = reader
        // A migration that deallocates prepared statements may have taken the reader's.
        if Self.mayDeallocate(sql) { reader.forgetPreparedStatements() }
        let items: [DriftItem]
        do {
            // Only the touched tables of the model are brought to comparable
            // form: the cost follows the migration, not the model's size.
            items = try reader.verify(tables: expected.tables, expected: Self.restricted(expected.model, to: expected.tables))
        } catch let e as RunnerError {
            throw RunnerError("post-check could not read the catalog: \(e.message)", migration: migration, sqlState: e.sqlState)
        } catch {
            throw RunnerError("cannot compute post-checks: \(error)", migration: migration)
        }
        guard items.isEmpty else {
            let lines = items.prefix(40).map { $0.description.replacingOccurrences(of: "\n", with: "\n    ") }
            throw RunnerError("post-check failed: the catalog does not match this version's model snapshot; rolled back:\n" + lines.map { "  - \($0)" }.joined(separator: "\n"), migration: migration)
        }
    }
}

extension HistoryValues {
    /// The row recording a run of `m` (an unknown login as `unknown`).
    init(_ m: MigrationDirectory.Migration, user: String?, milliseconds: Int?, success: Bool) {
        self.init(version: m.file.version, name: m.file.name, checksum: m.checksum, user: user ?? "unknown",
                  milliseconds: milliseconds, success: success)
    }
}
