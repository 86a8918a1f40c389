import Foundation
import ODBC
import OEEDiff
import OEEModel

/// Reads the partitions of the rolling functions of a model from a live
/// database, plans maintenance at a given time, and runs it: under the
/// migration lock, one short transaction per step with its log row in
/// `<historySchema>.partition_maintenance`, plus one `run` row per run (also
/// when there was nothing to do). A second run at the same time plans nothing.
///
///     let maintainer = PartitionMaintainer(runner: runner, dialect: PostgreSQLDialect(), model: OEESchema.database)
///     let report = try maintainer.maintain(asOf: UTCInstant(iso: "2026-12-01T06:00:00Z")!)
public final class PartitionMaintainer {
    public let runner: MigrationRunner
    public let dialect: any RunnerDialect & PartitionMaintenanceDialect
    public let model: Database
    /// `SET LOCK_TIMEOUT` / `lock_timeout` of each step.
    public var lockTimeoutMilliseconds = 5_000
    public var progress: (String) -> Void = { _ in }

    public init(runner: MigrationRunner, dialect: any RunnerDialect & PartitionMaintenanceDialect, model: Database) {
        self.runner = runner
        self.dialect = dialect
        self.model = model
    }

    var connection: ODBCConnection { runner.connection }

    public struct Report: Codable, Sendable {
        public var database: String
        public var asOf: String
        public var dryRun: Bool
        public var functions: [FunctionPlan]
        /// Rolling-index rebuilds planned (or run).
        public var indexSteps: [PartitionStep]
        /// Everything refused, each naming the range, its rows and the fix.
        public var refusals: [String]
        public var executed: [Executed]

        /// Every planned step, in execution order: ahead and expiry per function, then indexes.
        public var steps: [PartitionStep] { functions.flatMap(\.steps) + indexSteps }
        public var belowPolicy: Bool { functions.contains(where: \.belowPolicy) }
    }

    public struct Executed: Codable, Sendable {
        public var step: Int
        public var action: String
        public var target: String
        public var summary: String
        public var milliseconds: Int
    }

    /// Where each rolling function stands and what `maintain` would do at `asOf`; reads only.
    public func status(asOf: UTCInstant, exact: Bool = false, allowDataMovement: Bool = false) throws -> Report {
        try plan(asOf: asOf, exact: exact, allowDataMovement: allowDataMovement, dryRun: true)
    }

    /// Brings the database to the policies at `asOf`.
    public func maintain(asOf: UTCInstant, dryRun: Bool = false, allowDataMovement: Bool = false) throws -> Report {
        if dryRun { return try plan(asOf: asOf, exact: false, allowDataMovement: allowDataMovement, dryRun: true) }
        return try runner.withLock {
            for ddl in dialect.maintenanceLogDDL(schema: runner.historySchema) { try connection.execute(ddl) }
            var report = try plan(asOf: asOf, exact: false, allowDataMovement: allowDataMovement, dryRun: false)
            let user = ((try? connection.scalar(dialect.currentUserQuery)) ?? nil) ?? "unknown"
            let runID = UUID().uuidString.lowercased()
            let steps = report.steps
            for (i, step) in steps.enumerated() {
                let start = Date()
                let statements: [String]
                do { statements = try dialect.maintenanceStatements(step, model: model, lockTimeoutMilliseconds: lockTimeoutMilliseconds) } catch {
                    throw RunnerError("cannot render step \(i + 1) (\(step.summary)): \(error)")
                }
                progress("[\(i + 1)/\(steps.count)] \(step.summary) …")
                let rows = rowsAffected(step)
                do {
                    try connection.withTransaction { conn in
                        for s in sessionStatements { try conn.execute(s) }
                        for s in statements { try conn.execute(s) }
                        try log(conn, runID: runID, asOf: asOf, step: i + 1, action: step.action, target: step.target, detail: step.summary,
                                rows: rows, succeeded: true, user: user, milliseconds: Int(Date().timeIntervalSince(start) * 1000))
                    }
                } catch {
                    let message = (error as? ODBCError).map { $0.records.map(\.message).joined(separator: "; ") } ?? "\(error)"
                    _ = try? connection.withTransaction { conn in
                        try log(conn, runID: runID, asOf: asOf, step: i + 1, action: step.action, target: step.target,
                                detail: String((step.summary + " — failed: " + message).prefix(2000)), rows: 0, succeeded: false, user: user,
                                milliseconds: Int(Date().timeIntervalSince(start) * 1000))
                    }
                    throw RunnerError("partition maintenance step \(i + 1) of \(steps.count) (\(step.summary)) failed and was rolled back; the steps before it are done. \(message)",
                                      sqlState: (error as? ODBCError)?.sqlState)
                }
                let ms = Int(Date().timeIntervalSince(start) * 1000)
                report.executed.append(Executed(step: i + 1, action: step.action, target: step.target, summary: step.summary, milliseconds: ms))
                progress("[\(i + 1)/\(steps.count)] done in \(ms) ms")
            }
            let detail = "\(steps.count) step(s)" + (report.refusals.isEmpty ? "" : "; refused: " + report.refusals.joined(separator: " | "))
            try connection.withTransaction { conn in
                try log(conn, runID: runID, asOf: asOf, step: 0, action: "run", target: model.name, detail: String(detail.prefix(2000)),
                        rows: 0, succeeded: report.refusals.isEmpty, user: user, milliseconds: 0)
            }
            return report
        }
    }

    // MARK: - Reading and planning

    func plan(asOf: UTCInstant, exact: Bool, allowDataMovement: Bool, dryRun: Bool) throws -> Report {
        let functions = PartitionPlanner.rollingFunctions(model)
        let indexes = PartitionPlanner.rollingIndexes(model)
        var report = Report(database: connection.displayName, asOf: asOf.description, dryRun: dryRun, functions: [], indexSteps: [], refusals: [], executed: [])
        try read {
            let live = try liveState(tables: functions.flatMap { $0.1 }, indexes: indexes.map { ($0.0, $0.1.name) })
            let planner = PartitionPlanner(model: model, asOf: asOf, allowDataMovement: allowDataMovement) { [self] t, lower, upper in
                let pf = functions.first { $0.1.contains(t) }!.0
                return Int64(try connection.scalar(try dialect.rangeCountQuery(t, lower: lower, upper: upper, function: pf)) ?? "0") ?? 0
            }
            for (pf, tables) in functions {
                var plan = try planner.plan(pf, tables: tables, live: live)
                if exact { plan.tables = try exactCounts(plan.tables, tables: tables, pf: pf) }
                report.functions.append(plan)
                report.refusals += plan.refusals
            }
            let (steps, refusals) = planner.indexSteps(live: live)
            report.indexSteps = steps
            report.refusals += refusals
        }
        return report
    }

    /// The statements that open each transaction: the dialect's preamble,
    /// then the maintenance session the model's security policies declare
    /// (the canonical `is_global` = 1), so row-level security hides no row
    /// from the counts and the emptiness guards.
    var sessionStatements: [String] {
        dialect.transactionPreamble + model.maintenanceSession.map(dialect.setSessionSetting)
    }

    /// Reads in one transaction with ``sessionStatements``, so row-level
    /// security lets the counts see every row.
    func read(_ body: () throws -> Void) throws {
        do {
            try connection.withTransaction { conn in
                for s in sessionStatements { try conn.execute(s) }
                try body()
            }
        } catch let e as ODBCError {
            throw RunnerError("reading the partitions failed: \(e.records.map(\.message).joined(separator: "; "))", sqlState: e.sqlState)
        }
    }

    func liveState(tables: [PartitionedTable], indexes: [(QualifiedName, String)]) throws -> LivePartitionState {
        var state = LivePartitionState()
        if !tables.isEmpty {
            for r in try connection.query(dialect.partitionsQuery(tables.map(\.name))).rows {
                guard let s = r[0] ?? nil, let t = r[1] ?? nil, let n = Int((r[2] ?? nil) ?? "") else { continue }
                state.partitions[QualifiedName(s, t), default: []].append(
                    PartitionRange(number: n, lower: (r[3] ?? nil).map(isoDate), upper: (r[4] ?? nil).map(isoDate), rows: Int64((r[5] ?? nil) ?? "0") ?? 0))
            }
        }
        if !indexes.isEmpty {
            for r in try connection.query(dialect.indexFiltersQuery(indexes)).rows {
                guard let s = r[0] ?? nil, let t = r[1] ?? nil, let i = r[2] ?? nil, let filter = r[3] ?? nil,
                      let literal = firstQuotedLiteral(filter) else { continue }
                state.indexLowerBounds["\(s).\(t).\(i)"] = literal
            }
        }
        return state
    }

    func exactCounts(_ statuses: [TablePartitions], tables: [PartitionedTable], pf: PartitionFunction) throws -> [TablePartitions] {
        try statuses.map { status in
            guard let t = tables.first(where: { $0.name == status.table }) else { return status }
            var counts: [String: Int64] = [:]
            for r in try connection.query(dialect.exactCountsQuery(t, function: pf)).rows {
                counts[(r[0] ?? nil).map(isoDate) ?? "MIN"] = Int64((r[1] ?? nil) ?? "0") ?? 0
            }
            var s = status
            s.partitions = status.partitions.map { var p = $0; p.rows = counts[p.lower ?? "MIN"] ?? 0; return p }
            s.rowsAreExact = true
            return s
        }
    }

    /// A catalog bound (`2026-10-01 00:00:00`, `2026-10-01T00:00:00.0000000`) as
    /// the planner's ISO date when it is a midnight, else unchanged (the planner reports it).
    func isoDate(_ text: String) -> String {
        guard let instant = UTCInstant(boundary: text), instant.secondsOfDay == 0 else { return text }
        return instant.date.iso
    }

    func rowsAffected(_ step: PartitionStep) -> Int64 {
        if case .expire(_, _, let parts, _) = step { return parts.map(\.rows).reduce(0, +) }
        return 0
    }

    func log(_ conn: ODBCConnection, runID: String, asOf: UTCInstant, step: Int, action: String, target: String, detail: String,
             rows: Int64, succeeded: Bool, user: String, milliseconds: Int) throws {
        try conn.execute(dialect.insertMaintenanceLog(schema: runner.historySchema), [
            .text(runID), .text(asOf.literalText), .int(Int64(step)), .text(action), .text(String(target.prefix(300))), .text(detail),
            .int(rows), .bool(succeeded), .text(user), .int(Int64(milliseconds)),
        ])
    }
}
