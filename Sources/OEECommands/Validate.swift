import ArgumentParser
import Foundation
import ODBC
import Runner

extension Oeedb {
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "validate",
            abstract: "Check the integrity file and the database history against the migration files. Changes nothing.",
            discussion: """
                Exit status: 0 intact, 1 problems found (each listed).

                Example:
                  oeedb validate --connection postgres://oeedb@127.0.0.1:5432/oee
                """
        )

        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var directory: DirectoryOptions

        func run() throws {
            try reportingErrors {
                let context = try RunnerContext.open(connection, migrations: directory.migrations, dialectOverride: directory.dialect)
                let problems = try context.runner.validate()
                for p in problems { Console.out("problem: \(p)") }
                if problems.isEmpty {
                    Console.out("\(context.directory.url.path) and \(context.spec.summary): valid (\(context.directory.migrations.count) migrations)")
                } else {
                    throw ExitCode(1)
                }
            }
        }
    }
}
