import ArgumentParser
import PostgreSQL

extension Oeedb {
    struct DialectsCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dialects",
            abstract: "Print what each SQL dialect does with every model feature (Markdown).",
            discussion: """
                SQL Server renders every feature of the model. PostgreSQL, the engine the tests \
                run on, maps or omits some; omitted features are marked in the SQL it writes. \
                The README prints this same table.

                Example:
                  oeedb dialects
                """
        )

        func run() throws {
            Console.out(PostgreSQLDialect.capabilityTableMarkdown)
        }
    }
}
