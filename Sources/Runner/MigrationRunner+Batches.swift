import Foundation
import Migrations
import ODBC
import OEEDiff

/// `-- oeedb:transaction batches`: a backfill's single statement runs again
/// and again, each run in its own transaction, until a run affects no rows.
/// Every committed run stays committed: a runner killed mid-way leaves the
/// rows done so far, and the next `migrate` runs the (idempotent) statement
/// again from where the data stands. The history row is written in the
/// transaction of the last run, the one that affects 0 rows.
extension MigrationRunner {
    /// Every `transaction batches` migration holds exactly one statement:
    /// checked with the rest of the directory, before anything runs.
    func batchProblems() -> [String] {
        var problems: [String] = []
        for m in directory.migrations {
            guard let header = try? m.header, header.mode == .batches else { continue }
            let batches = dialect.splitBatches(m.text)
            if batches.count != 1 || batches[0].repeatCount > 1 {
                problems.append("\(m.sqlURL.lastPathComponent): '-- oeedb:transaction batches' runs one statement again and again, but the file holds \(batches.count) batch(es)\(dialect.id == "sqlserver" ? " (GO-separated)" : " (;-separated)"); keep only the batch statement, move the rest to a migration of its own, then run 'oeedb hash'")
            }
        }
        return problems
    }

    func applyBatches(_ m: MigrationDirectory.Migration, header: MigrationHeader, postChecks: Bool) throws -> RunReport.Applied {
        let stem = m.file.stem
        guard let batch = dialect.splitBatches(m.text).first else { throw RunnerError("no statement to run", migration: stem) }
        let statement = dialect.batchStatement(batch.sql)
        let expected = postChecks ? try expectedFacts(for: m) : nil
        let session = try sessionStatements(for: m)
        if user == nil { user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown" }
        let user = self.user
        let start = Date()
        var report = RunReport.Applied(version: m.file.version, name: m.file.name, milliseconds: 0, batches: 0,
                                       preChecks: header.checks.filter { $0.phase != .post }.count, postChecks: 0)
        var totalRows = 0
        do {
            // Pre-checks once, before the first run.
            try connection.withTransaction { conn in
                for s in session { try conn.execute(s) }
                try runChecks(header.checks.filter { $0.phase != .post }, migration: stem)
            }
            var finished = false
            for run in 1...header.batchLimit {
                try connection.withTransaction { conn in
                    for s in session { try conn.execute(s) }
                    let rows: Int
                    do {
                        rows = Self.affectedRows(try conn.execute(statement))
                    } catch let e as ODBCError {
                        throw RunnerError(e.records.map(\.message).joined(separator: "; "), migration: stem, batch: run, line: batch.line, sqlState: e.sqlState)
                    }
                    totalRows += rows
                    report.batches = run
                    let elapsed = Date().timeIntervalSince(start)
                    progress(Self.progressLine(stem: stem, run: run, rows: totalRows, elapsed: elapsed))
                    guard rows == 0 else { return }
                    // The last run: checks and the history row commit with it.
                    finished = true
                    try complete(m, header: header, expected: expected, user: user, start: start, report: &report, on: conn)
                }
                if finished { break }
            }
            guard finished else {
                throw RunnerError("the batch statement still affected rows after \(header.batchLimit) runs (\(totalRows) rows in all; each run stays committed); stopped. Either it is not idempotent (it must stop matching the rows it has done: e.g. WHERE new_col IS NULL) — fix it — or it needs more runs: raise '-- oeedb:max-batches' in \(m.sqlURL.lastPathComponent), run 'oeedb hash', then 'oeedb migrate' continues", migration: stem, line: batch.line)
            }
        } catch {
            recordFailure(m, user: user, milliseconds: Int(Date().timeIntervalSince(start) * 1000))
            if let e = error as? RunnerError { throw e }
            if let e = error as? ODBCError { throw RunnerError(e.description, migration: stem, sqlState: e.sqlState) }
            throw error
        }
        return report
    }

    /// The rows one run affected: the single value the dialect's batch
    /// statement selects, else the driver's row counts.
    static func affectedRows(_ result: ODBCResult) -> Int {
        if let value = result.resultSets.last?.rows.first?.first ?? nil, let n = Int(value) { return n }
        return result.rowCounts.filter { $0 > 0 }.reduce(0, +)
    }

    /// `V0005__backfill batch 12: 120,000 rows, 41,200 rows/s, 2.9 s`.
    static func progressLine(stem: String, run: Int, rows: Int, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Int(Double(rows) / elapsed) : rows
        return "\(stem) batch \(run): \(grouped(rows)) rows, \(grouped(rate)) rows/s, \(String(format: "%.1f", elapsed)) s"
    }

    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, ch) in digits.reversed().enumerated() {
            if i > 0 && i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return String(out.reversed())
    }
}
