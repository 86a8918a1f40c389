import Foundation
import Migrations
import ODBC
import OEEDiff
import OEEModel

/// Migrations in steps (`-- oeedb:step` directives): step 0 is everything
/// before the first directive (in a transaction unless `transaction off`),
/// step k the batches after the k-th. Each step but the last records itself in
/// `<history schema>.schema_steps` when it finishes (in its own transaction
/// when it has one), so a rerun after a failure skips finished steps; the last
/// step's bookkeeping (post-checks, history row, clearing the step rows) runs
/// in one transaction. Before a `no-transaction` step the runner drops the
/// INVALID indexes a failed concurrent build of that step left behind.
extension MigrationRunner {
    struct Step {
        var number: Int
        var transactional: Bool
        var indexes: [QualifiedName]
        var batches: [(index: Int, batch: ScriptBatch)] = []
    }

    func steps(_ header: MigrationHeader, batches: [ScriptBatch]) -> [Step] {
        var steps = [Step(number: 0, transactional: header.transaction, indexes: [])]
        for (k, s) in header.online.steps.enumerated() {
            steps.append(Step(number: k + 1, transactional: s.transactional, indexes: s.indexes.map { QualifiedName(parsing: $0) }))
        }
        let starts = header.online.steps.map(\.line)
        for (i, batch) in batches.enumerated() {
            let k = starts.lastIndex { $0 < batch.line }.map { $0 + 1 } ?? 0
            steps[k].batches.append((i, batch))
        }
        return steps.filter { !$0.batches.isEmpty || $0.number == 0 }
    }

    func applySteps(_ m: MigrationDirectory.Migration, header: MigrationHeader, postChecks: Bool) throws -> RunReport.Applied {
        guard let online = dialect as? any OnlineRunnerDialect else {
            throw RunnerError("\(m.file.stem) runs in steps (-- oeedb:step), which the \(dialect.id) dialect does not support", migration: m.file.stem)
        }
        let version = Int64(m.file.version)
        let batches = dialect.splitBatches(m.text)
        let expected = postChecks ? try expectedFacts(for: m) : nil
        if user == nil { user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown" }
        let start = Date()
        var report = RunReport.Applied(version: m.file.version, name: m.file.name, milliseconds: 0, batches: batches.count,
                                       preChecks: header.checks.filter { $0.phase != .post }.count, postChecks: 0)
        let pre = header.checks.filter { $0.phase != .post }
        let session = try sessionStatements(for: m)
        do {
            for ddl in online.stepsDDL(schema: historySchema) { try connection.execute(ddl) }
            if let previous = failedChecksums[m.file.version], previous != m.checksum {
                // The file changed since the run that failed (edited, then
                // 'oeedb hash'): its step numbers may mean other statements now.
                progress("\(m.file.stem): the file changed since its failed run; its steps start over")
                try connection.execute(online.deleteSteps(schema: historySchema), [.int(version)])
            }
            let done = Set(try connection.query(online.selectSteps(schema: historySchema), [.int(version)]).rows.compactMap { Int($0.first.flatMap { $0 } ?? "") })
            let all = steps(header, batches: batches)
            if !done.contains(0) && header.online.preChecksBeforeTransaction {
                // Read-only, in a short transaction of their own, with the maintenance session.
                try connection.withTransaction { conn in
                    for s in session { try conn.execute(s) }
                    try runChecks(pre, migration: m.file.stem)
                }
            }
            for step in all where !done.contains(step.number) {
                let last = step.number == all.last?.number
                if !step.transactional {
                    for index in step.indexes {
                        guard let query = online.invalidIndexQuery(index), !(try connection.query(query).rows.isEmpty) else { continue }
                        progress("\(m.file.stem): dropping INVALID index \(index) left by a failed concurrent build")
                        try connection.execute(online.dropInvalidIndex(index))
                    }
                }
                let finish = { [self] (conn: ODBCConnection) throws in
                    if last {
                        // Before `complete`: its success row may end the
                        // transaction (PostgreSQL sends it with the COMMIT).
                        try conn.execute(online.deleteSteps(schema: historySchema), [.int(version)])
                        try complete(m, header: header, expected: expected, user: user, start: start, report: &report, on: conn)
                    } else {
                        try conn.execute(online.insertStep(schema: historySchema), [.int(version), .int(Int64(step.number))])
                    }
                }
                let body = { [self] (conn: ODBCConnection) throws in
                    if step.transactional { for s in session { try conn.execute(s) } }
                    if step.number == 0 && !header.online.preChecksBeforeTransaction { try runChecks(pre, migration: m.file.stem) }
                    for (i, batch) in step.batches {
                        for _ in 0..<max(1, batch.repeatCount) {
                            do { try conn.execute(batch.sql) } catch let e as ODBCError {
                                throw RunnerError(batchError: e, migration: m.file.stem, batch: i + 1, line: batch.line)
                            }
                        }
                    }
                    if step.transactional { try finish(conn) }
                }
                if step.transactional {
                    try connection.withTransaction(body)
                } else {
                    try body(connection)
                    try connection.withTransaction(finish)
                }
            }
        } catch {
            throw failure(error, of: m, user: user, start: start)
        }
        return report
    }
}
