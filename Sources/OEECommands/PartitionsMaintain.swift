import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb.Partitions {
    struct Maintain: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "maintain",
            abstract: "Bring every rolling partition window and hot index to its policy at a given time.",
            discussion: """
                In order: SPLIT the empty end range ahead (after NEXT USED on every scheme of the \
                function); expire partitions older than the retention (TRUNCATE … WITH \
                (PARTITIONS …), or SWITCH into an archive table of identical structure; \
                PostgreSQL: TRUNCATE the child, or DETACH and SET SCHEMA); MERGE the emptied \
                boundaries; rebuild rolling filtered indexes with their new bound. Holds the \
                migration lock; each step runs in its own short transaction (with a lock \
                timeout) and is logged in oeedb.partition_maintenance with the run. A range \
                that holds rows is never split or merged: the step is refused, naming the range \
                and its rows, unless --allow-data-movement. A second run at the same time does nothing.

                Exit status: 0 at policy; 1 something was refused or a step failed; 2 connection or usage error.

                Examples:
                  oeedb partitions maintain                       # now, UTC; daily from SQL Agent or cron
                  oeedb partitions maintain --dry-run --json
                  oeedb partitions maintain --as-of 2027-03-01T00:00:00Z
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var source: ModelSourceOptions
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions

        @Flag(name: .long, help: "Print the plan; change nothing.")
        var dryRun = false

        @Flag(name: .long, help: "Allow splitting an end range that holds rows (moves them under a schema lock; up to 4× the log on SQL Server). For a maintenance window only.")
        var allowDataMovement = false

        @Option(name: .long, help: ArgumentHelp("Milliseconds each step waits for a table lock before it gives up (as migrate's --ddl-lock-timeout; 1 to 3600000).", valueName: "ms"))
        var ddlLockTimeout: Int = 5_000

        @OptionGroup var lock: LockOptions

        func validate() throws {
            guard (1...3_600_000).contains(ddlLockTimeout) else {
                throw ValidationError("--ddl-lock-timeout \(ddlLockTimeout): give the milliseconds a step waits for a table lock, from 1 to 3600000 (default 5000)")
            }
        }

        func run() throws {
            try reportingErrors {
                let p = try PartitionsContext.open(connection, directory, source, action: "maintaining partitions")
                p.maintainer.lockTimeoutMilliseconds = ddlLockTimeout
                p.context.runner.lockTimeoutMilliseconds = lock.milliseconds
                var report: PartitionMaintainer.Report
                do {
                    report = try p.maintainer.maintain(asOf: asOf.instant, dryRun: dryRun, allowDataMovement: allowDataMovement)
                } catch let e as RunnerError {
                    throw CLIError(e.description, exitCode: 1)
                } catch let e as ODBCError { throw CLIError(e.description, exitCode: 2) }
                report.database = p.context.spec.summary
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                } else {
                    Console.out("\(report.database) at \(report.asOf)\(dryRun ? " (dry run)" : ""):")
                    PartitionsText.lines(report, verbose: false).forEach { Console.out($0) }
                    if !dryRun { Console.out("\(report.executed.count) step(s) run") }
                }
                if !report.refusals.isEmpty {
                    let ran = dryRun || report.executed.isEmpty ? "no step ran" : "the \(report.executed.count) step(s) listed above ran; the refused ones moved no row"
                    throw CLIError("\(report.refusals.count) step(s) refused (see above); \(ran)", exitCode: 1)
                }
            }
        }
    }
}
