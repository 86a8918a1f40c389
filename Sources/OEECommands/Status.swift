import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status",
            abstract: "Show each migration's state in a database: applied, pending, failed, checksum mismatch.",
            discussion: """
                Changes nothing. The migration directory is checked too: a missing or corrupt \
                oeedb.sum, a file added by hand, a duplicate version or a header that does not \
                parse is listed as a problem. Exit status: 0 when nothing is failed, mismatched \
                or wrong with the directory; 1 otherwise; 2 connection or usage error.

                Examples:
                  oeedb status --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb status --json
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                let statuses = try context.runner.status()
                let problems = try context.directory.verify()
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(statuses) + Data("\n".utf8))
                } else {
                    if statuses.isEmpty { Console.out("no migrations in \(context.directory.url.path)") }
                    for s in statuses {
                        let when = s.appliedAt.map { " at \($0) UTC by \(s.appliedBy ?? "?") (\(s.executionMs ?? 0) ms)" } ?? ""
                        Console.out("V\(String(format: "%04d", s.version))__\(s.name)  \(s.state.rawValue)\(when)")
                    }
                }
                // Under --json standard output stays the status array; problems go to standard error.
                for p in problems { if output.isJSON { Console.err("problem: \(p)") } else { Console.out("problem: \(p)") } }
                if !problems.isEmpty || statuses.contains(where: { [.failed, .checksumMismatch, .missingFile].contains($0.state) }) { throw ExitCode(1) }
            }
        }
    }
}
