import ArgumentParser
import Foundation
import OEEDiff
import OEEModel

extension Oeedb {
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "diff",
            abstract: "Print the migration between two model snapshots. Writes nothing.",
            discussion: """
                Both snapshots are validated first. The output is the same SQL 'oeedb generate' \
                would write, without the file header, so reviewers and CI can diff it. \
                Destructive changes are listed on standard error.

                Examples:
                  oeedb diff --from migrations/sqlserver/V0001__baseline.json --to build/model.json
                  oeedb model export --out new.json && oeedb diff --from old.json --to new.json
                """
        )

        @Option(name: .long, help: ArgumentHelp("The model snapshot to migrate from.", valueName: "file"))
        var from: String

        @Option(name: .long, help: ArgumentHelp("The model snapshot to migrate to.", valueName: "file"))
        var to: String

        @Option(name: .long, help: ArgumentHelp("The SQL dialect.", valueName: "id"))
        var dialect: String = "sqlserver"

        func run() throws {
            try reportingErrors {
                let d = try Dialects.named(dialect)
                let a = try ModelFile.read(from), b = try ModelFile.read(to)
                var invalid = 0
                for (path, db) in [(from, a), (to, b)] {
                    for e in ModelValidator.validate(db).errors {
                        Console.err("error: \(path): \(e)")
                        invalid += 1
                    }
                }
                guard invalid == 0 else { throw CLIError("\(invalid) validation error(s); nothing to diff", exitCode: 1) }
                let plan: MigrationPlan
                do { plan = try Differ.plan(from: a, to: b) } catch let e as DiffError { throw CLIError("\(e)", exitCode: 1) }
                for (_, reason) in plan.destructiveChanges { Console.err("destructive: \(reason)") }
                if plan.isEmpty {
                    Console.err("no differences")
                    return
                }
                do {
                    Console.outData(Data(d.scriptText(try d.render(plan)).utf8))
                } catch let e as RenderError {
                    throw CLIError("cannot render: \(e)", exitCode: 1)
                }
            }
        }
    }
}
