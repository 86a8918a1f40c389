import Foundation
import Migrations
import ODBC
import OEEDiff
import OEEModel

/// What `oeedb plan` reports: every step of the pending migrations, classified
/// against the live server's edition, version and table sizes.
public struct LockPlanReport: Codable, Sendable {
    public var database: String
    public var profile: ServerProfile
    public var maxBlockingRows: Int64
    public var steps: [LockStep]
    /// Pending migrations whose plan could not be rebuilt from the snapshots
    /// (hand-written changes the differ refuses to plan), with the reason.
    public var unclassified: [String] = []

    /// Blocking steps over the limit that no `accept-blocking` directive accepts.
    public var overLimit: [LockStep] { steps.filter { $0.blocking && $0.rows > maxBlockingRows && !$0.accepted } }
}

extension MigrationRunner {
    /// Classifies the pending (and failed) migrations. Changes nothing.
    public func lockPlan(maxBlockingRows: Int64) throws -> LockPlanReport {
        guard let online = dialect as? any OnlineRunnerDialect else {
            throw RunnerError("the \(dialect.id) dialect cannot classify locks")
        }
        let row = try connection.query(online.serverProfileQuery).rows.first
        let profile = online.serverProfile(edition: row?[0] ?? nil, major: (row?.count ?? 0) > 1 ? row?[1] ?? nil : nil)
        let states = Dictionary(try status().map { ($0.version, $0.state) }, uniquingKeysWith: { a, _ in a })
        var plans: [(MigrationDirectory.Migration, MigrationPlan, MigrationHeader?)] = []
        var report = LockPlanReport(database: connection.displayName, profile: profile, maxBlockingRows: maxBlockingRows, steps: [])
        for (i, m) in directory.migrations.enumerated() where [.pending, .failed].contains(states[m.file.version]) {
            do {
                let to = try snapshot(m)
                let from = i > 0 ? try snapshot(directory.migrations[i - 1]) : Database(name: to.name)
                plans.append((m, try Differ.plan(from: from, to: to, options: .for(dialect: dialect.id)), try? m.header))
            } catch {
                report.unclassified.append("\(m.file.stem): \(error)")
            }
        }
        var tables: [QualifiedName] = []
        for (_, plan, _) in plans { for c in plan.changes { if let q = c.table, !tables.contains(q) { tables.append(q) } } }
        var sizes: [QualifiedName: TableSize] = [:]
        if !tables.isEmpty {
            for r in try connection.query(online.tableSizesQuery(tables)).rows {
                guard let object = r[0] ?? nil else { continue }
                sizes[QualifiedName(parsing: object)] = TableSize(rows: Int64(r[1] ?? "") ?? 0, bytes: Int64(r[2] ?? "") ?? 0)
            }
        }
        for (m, plan, header) in plans {
            var steps = LockClassifier.classify(plan, migration: m.file.stem, profile: profile, sizes: sizes)
            steps += LockClassifier.preCheckSteps(plan, migration: m.file.stem, sizes: sizes,
                                                  beforeTransaction: header?.online.preChecksBeforeTransaction ?? false)
            if header?.online.acceptBlocking != nil {
                for i in steps.indices where steps[i].blocking { steps[i].accepted = true }
            }
            report.steps += steps
        }
        return report
    }
}
