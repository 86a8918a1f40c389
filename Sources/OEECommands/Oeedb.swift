import ArgumentParser

/// The `oeedb` command: database-as-code for SQL Server OEE databases.
public struct Oeedb: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "oeedb",
        abstract: "Database-as-code for the SQL Server databases behind OEE dashboards.",
        discussion: """
            oeedb models a schema in a Swift DSL (schema/), validates it, generates \
            versioned T-SQL migrations from it, applies them, detects drift and writes docs.

            Start here:
              oeedb model check              validate the canonical schema
              oeedb model export --out m.json  write the model as JSON
            """,
        version: "0.1.0",
        subcommands: [Model.self]
    )

    public init() {}
}
