import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Repair: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repair",
            abstract: "Settle the failed history row of a migration that stopped part-way outside a transaction.",
            discussion: """
                A migration with '-- oeedb:transaction off' (or 'batches') that fails may leave \
                some of its statements applied, so migrate refuses to run anything until the row \
                is settled. Fix the database by hand first (finish or undo what the migration \
                did), then either mark the migration applied (default) or, with --remove, delete \
                the failed row so the next migrate runs it again. Runs under the migrate lock; \
                who, when and what is recorded in oeedb.schema_history_audit. Refused for a \
                migration that runs in one transaction (its failure was rolled back: just fix \
                the cause and migrate) and for a successful row.

                Exit status: 0 repaired; 1 refused; 2 connection or usage error.

                Examples:
                  oeedb repair --version 4 --connection postgres://oeedb@127.0.0.1:5432/oee
                  oeedb repair --version 4 --remove          # run V4 again on the next migrate
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        @Option(name: .long, help: ArgumentHelp("The version whose failed history row to settle.", valueName: "version"))
        var version: Int

        @Flag(name: .long, help: "Delete the failed row so the migration runs again (default: mark it applied).")
        var remove = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard version >= 1 else {
                throw ValidationError("--version \(version): versions start at 1; pass the failed migration's version, e.g. --version 4 ('oeedb status' lists them)")
            }
        }

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                let report: RepairReport
                do {
                    report = try context.runner.repair(version: version, remove: remove)
                } catch let e as ODBCError {
                    throw CLIError(e.description, exitCode: 2)
                } catch let e as RunnerError {
                    throw CLIError(e.description, exitCode: 1)
                }
                var shown = report
                shown.database = context.spec.summary
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(shown) + Data("\n".utf8))
                } else if report.action == .resolved {
                    Console.out("\(shown.database): \(report.migration) marked applied (repair by \(report.by), recorded in the audit table)")
                } else {
                    Console.out("\(shown.database): failed row of \(report.migration) removed (by \(report.by), recorded in the audit table); 'oeedb migrate' runs it again")
                }
            }
        }
    }
}
