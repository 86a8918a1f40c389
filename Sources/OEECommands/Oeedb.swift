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
              oeedb doctor                  check ODBC drivers and the connection
              oeedb model check             validate the canonical schema
              oeedb generate                write the next migration per dialect
              oeedb generate --check        CI: fail on unmigrated model changes
              oeedb migrate                 apply pending migrations
              oeedb drift                   CI: compare a live database with the model
              oeedb seed                    load the reference data
              oeedb docs                    write the ERD and data dictionary
            """,
        version: "0.1.0",
        subcommands: [Init.self, Import.self, Model.self, Generate.self, New.self, Hash.self, Diff.self, Plan.self, Migrate.self, Undo.self, Repair.self, Status.self, Validate.self, Baseline.self, Drift.self, Partitions.self, Seed.self, Docs.self, Doctor.self, DialectsCommand.self]
    )

    public init() {}
}
