import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Baseline: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "baseline",
            abstract: "Mark an existing database as being at a version, without running any script.",
            discussion: """
                For databases created before oeedb managed them: records versions up to --version \
                as applied. Refused when the database already has migration history.

                Example:
                  oeedb baseline --version 1 --connection 'sqlserver://deploy@db:1433/oee'
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        @Option(name: .long, help: ArgumentHelp("The version the database is already at.", valueName: "version"))
        var version: Int

        func validate() throws {
            guard version >= 1 else {
                throw ValidationError("--version \(version): versions start at 1; pass the version the database is already at, e.g. --version 1")
            }
        }

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                do {
                    let marked = try context.runner.baseline(version: version)
                    for m in marked { Console.out("marked \(m) as applied") }
                } catch let e as RunnerError {
                    throw CLIError(e.description, exitCode: 1)
                }
            }
        }
    }
}
