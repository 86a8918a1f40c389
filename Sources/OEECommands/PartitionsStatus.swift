import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb.Partitions {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Per rolling partition function: boundaries, rows per partition, coverage ahead, oldest data, and what maintain would do.",
            discussion: """
                Rows are catalog estimates (sys.partitions, pg_class.reltuples) unless --exact \
                counts them. Reads only; takes no lock.

                Exit status: 0 every function is covered at least as far ahead as its policy; \
                1 one is not (for monitoring), or a rolling object is missing; 2 connection or usage error.

                Examples:
                  oeedb partitions status
                  oeedb partitions status --exact --json
                  oeedb partitions status --as-of 2027-01-08T00:00:00Z
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions
        @OptionGroup var source: ModelSourceOptions
        @OptionGroup var asOf: AsOfOptions
        @OptionGroup var output: OutputOptions

        @Flag(name: .long, help: "Count the rows of every partition exactly (scans the tables).")
        var exact = false

        @Flag(name: .long, help: "List every partition that holds rows.")
        var verbose = false

        func run() throws {
            try reportingErrors {
                let p = try PartitionsContext.open(connection, directory, source, action: "reading partitions")
                var report: PartitionMaintainer.Report
                do { report = try p.maintainer.status(asOf: asOf.instant, exact: exact) } catch let e as RunnerError {
                    throw CLIError(e.description, exitCode: 2)
                } catch let e as ODBCError { throw CLIError(e.description, exitCode: 2) }
                report.database = p.context.spec.summary
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                } else {
                    Console.out("\(report.database) at \(report.asOf):")
                    PartitionsText.lines(report, verbose: verbose).forEach { Console.out($0) }
                }
                if report.belowPolicy {
                    let low = report.functions.filter(\.belowPolicy).map { "\($0.function) covers \($0.coverageAhead) ahead, policy \($0.requiredAhead)" }
                    throw CLIError("coverage below policy: \(low.joined(separator: "; ")). Fix: oeedb partitions maintain", exitCode: 1)
                }
                if report.functions.contains(where: { $0.boundaryCount == 0 }) {
                    throw CLIError("a rolling function has no boundaries in the database: \(report.refusals.joined(separator: "; "))", exitCode: 1)
                }
                if !report.refusals.isEmpty {
                    throw CLIError("\(report.refusals.joined(separator: "; "))", exitCode: 1)
                }
            }
        }
    }
}
