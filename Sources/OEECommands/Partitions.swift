import ArgumentParser
import Foundation
import ODBC
import OEEDiff
import OEEModel
import PostgreSQL
import Runner
import SQLServer

extension Oeedb {
    /// `oeedb partitions …`: the lifecycle of rolling partition windows.
    struct Partitions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "partitions",
            abstract: "Partition lifecycle: where each rolling window stands, and keeping it at its policy.",
            discussion: """
                The model declares a rolling window on a partition function (granularity, how \
                far ahead, how long retained, what expiry does) and a rolling lower bound on \
                hot filtered indexes. 'status' reports; 'maintain' applies the policy at a given \
                time: SPLIT empty end ranges ahead, expire old partitions (TRUNCATE or SWITCH), \
                MERGE the emptied boundaries, roll the hot-index bound. It never moves rows.

                Examples:
                  oeedb partitions status --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb partitions maintain --dry-run
                  oeedb partitions maintain --as-of 2027-01-01T00:00:00Z --json
                """,
            subcommands: [Status.self, Maintain.self]
        )
    }
}

/// `--as-of`, shared by both subcommands: an ISO 8601 UTC timestamp, default now.
struct AsOfOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The time to evaluate the policy at: ISO 8601 UTC (2027-01-01T06:00:00Z, or a date for its midnight). Default: now.", valueName: "timestamp"))
    var asOf: String?

    func validate() throws {
        if let asOf, UTCInstant(iso: asOf) == nil {
            // The value is a timestamp, never a secret; cut it short all the same.
            throw ValidationError("--as-of '\(asOf.prefix(40))' is not an ISO 8601 UTC timestamp; write e.g. 2027-01-01T06:00:00Z (Z or +00:00) or 2027-01-01")
        }
    }

    var instant: UTCInstant {
        if let asOf, let t = UTCInstant(iso: asOf) { return t }
        return UTCInstant(seconds: Int64(Date().timeIntervalSince1970))
    }
}

/// Opens the database and a maintainer over the model.
struct PartitionsContext {
    var context: RunnerContext
    var maintainer: PartitionMaintainer

    static func open(_ connection: ConnectionOptions, _ directory: DirectoryOptions, _ source: ModelSourceOptions, action: String) throws -> PartitionsContext {
        let model = try source.loadValid(before: action)
        let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
        let dialect: any RunnerDialectWithPartitions
        switch context.dialect {
        case let d as SQLServerDialect: dialect = d
        case let d as PostgreSQLDialect: dialect = d
        default: throw CLIError("dialect \(context.dialect.id) has no partition maintenance")
        }
        let maintainer = PartitionMaintainer(runner: context.runner, dialect: dialect, model: model)
        maintainer.progress = { Progress.line($0) }
        return PartitionsContext(context: context, maintainer: maintainer)
    }
}

typealias RunnerDialectWithPartitions = RunnerDialect & PartitionMaintenanceDialect

/// Text output shared by status and maintain.
enum PartitionsText {
    static func lines(_ report: PartitionMaintainer.Report, verbose: Bool) -> [String] {
        var out: [String] = []
        for f in report.functions {
            out.append("\(f.function) — \(f.policy)")
            out.append("  boundaries: \(f.boundaryCount) (\(f.firstBoundary ?? "-") … \(f.lastBoundary ?? "-")); oldest data: \(f.oldestData ?? "none")")
            out.append("  coverage ahead: \(f.coverageAhead) (policy \(f.requiredAhead))\(f.belowPolicy ? "  BELOW POLICY" : "")\(f.coverageAfter != f.coverageAhead ? "; after maintain: \(f.coverageAfter)" : "")")
            for t in f.tables {
                let full = t.partitions.filter { $0.rows > 0 }
                let total = full.map(\.rows).reduce(0, +)
                out.append("  \(t.table): \(t.partitions.count) partitions, \(full.count) with rows, \(total) rows (\(t.rowsAreExact ? "exact" : "catalog estimate"))")
                if verbose {
                    for p in full { out.append("    #\(p.number) \(p.text): \(p.rows)") }
                }
            }
            if f.steps.isEmpty { out.append("  maintain would do: nothing") }
            for s in f.steps { out.append("  \(report.dryRun ? "would" : "did"): \(s.summary)") }
        }
        for s in report.indexSteps { out.append("\(report.dryRun ? "would" : "did"): \(s.summary)") }
        for r in report.refusals { out.append("refused: \(r)") }
        return out
    }
}
