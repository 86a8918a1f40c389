import ArgumentParser
import Foundation
import ODBC
import OEEDiff
import Runner

extension Oeedb {
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "plan",
            abstract: "Classify each step of the pending migrations by the lock it takes and the rows it touches.",
            discussion: """
                Reads the server's edition and version (SERVERPROPERTY('EngineEdition'), \
                ProductMajorVersion; PostgreSQL server_version_num) and the row count and size of \
                every table the pending migrations touch, then classifies each change as metadata \
                (catalog-only), scan (validates existing rows) or rewrite (size-of-data), with the \
                lock it takes, whether writers wait for it (blocking) and the rule that decided \
                (see README, Online operations). Generated pre-checks are listed as the scans \
                they are. Changes nothing.

                Exit status: 0 no blocking step over --max-blocking-rows; 1 a blocking step \
                touches more rows and its migration has no '-- oeedb:accept-blocking REASON' \
                directive; 2 connection or usage error.

                Examples:
                  oeedb plan --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb plan --max-blocking-rows 0 --format json
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var output: OutputOptions

        @Option(name: .long, help: ArgumentHelp("Rows a blocking step may touch before plan fails (0 or more).", valueName: "rows"))
        var maxBlockingRows: Int64 = 100_000

        func validate() throws {
            guard maxBlockingRows >= 0 else {
                throw ValidationError("--max-blocking-rows \(maxBlockingRows): give the rows a blocking step may touch, 0 or more (default 100000)")
            }
        }

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                var report: LockPlanReport
                do {
                    report = try context.runner.lockPlan(maxBlockingRows: maxBlockingRows)
                } catch let e as ODBCError {
                    throw CLIError(e.description, exitCode: 2)
                } catch let e as RunnerError {
                    throw CLIError(e.description, exitCode: 1)
                }
                report.database = context.spec.summary
                let over = report.overLimit
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                } else {
                    for line in Self.lines(report) { Console.out(line) }
                }
                for u in report.unclassified { Console.err("warning: not classified: \(u)") }
                if !over.isEmpty {
                    let list = over.map { "\($0.migration): \($0.statement) (\($0.rows) rows, \($0.lock))" }.joined(separator: "; ")
                    throw CLIError("\(over.count) blocking step(s) touch more than --max-blocking-rows \(maxBlockingRows): \(list). Fix: run them in a maintenance window and add '-- oeedb:accept-blocking REASON' to the migration before it ships (then 'oeedb hash'), or rerun 'oeedb plan' with a higher --max-blocking-rows", exitCode: 1)
                }
            }
        }

        static func lines(_ report: LockPlanReport) -> [String] {
            let p = report.profile
            let server = p.engine == .sqlserver ? "SQL Server \(p.majorVersion), EngineEdition \(p.engineEdition.map(String.init) ?? "?")" : "PostgreSQL \(p.majorVersion)"
            var lines = ["\(report.database) (\(server)): \(report.steps.count) step(s)"]
            if report.steps.isEmpty { lines.append("nothing pending") }
            var current = ""
            for s in report.steps {
                if s.migration != current { lines.append(s.migration); current = s.migration }
                let flag = s.blocking ? (s.accepted ? "  BLOCKING (accepted)" : "  BLOCKING") : ""
                lines.append("  \(s.class.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)) \(s.statement) — \(s.lock); \(s.table ?? "-") \(s.rows) rows\(flag) [\(s.rule)]")
            }
            return lines
        }
    }
}
