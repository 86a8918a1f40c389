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
              oeedb generate                 write the next migration (migrations/<dialect>/)
              oeedb generate --check         CI gate: fail when the model has unmigrated changes
              oeedb diff --from a.json --to b.json   print the SQL between two snapshots
            """,
        version: "0.1.0",
        subcommands: [Model.self, Generate.self, Diff.self, Migrate.self, Status.self, Validate.self, Baseline.self, Drift.self, Doctor.self, Docs.self, Seed.self]
    )

    public init() {}
}
