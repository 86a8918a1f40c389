import ArgumentParser
import Foundation
import Migrations
import OEEDiff
import OEEModel

extension Oeedb {
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write the next versioned migration from the difference between the model and the last migration.",
            discussion: """
                Compares the schema model (schema/) with the model snapshot of the latest \
                migration and writes, for each dialect:
                  migrations/<dialect>/V<NNNN>__<name>.sql   the migration
                  migrations/<dialect>/V<NNNN>__<name>.json  the model snapshot at that version
                  migrations/<dialect>/U<NNNN>__<name>.sql   its undo script, which oeedb undo runs
                  migrations/<dialect>/oeedb.sum             SHA-256 of every file, and of all
                No change: nothing is written, exit 0. Destructive changes (dropping a table or \
                column, narrowing a type, merging partition boundaries) are refused unless \
                --allow-destructive is given; each is listed.

                Exit status: 0 written or up to date; 1 changes pending (--check), destructive \
                changes refused, or the directory is not intact; 2 bad input.

                Examples:
                  oeedb generate                          # first run: V0001__baseline
                  oeedb generate --name add_scrap_reason  # next version
                  oeedb generate --check                  # CI gate: fail if the model has unmigrated changes
                """
        )

        @OptionGroup var source: ModelSourceOptions

        @Option(name: .long, help: ArgumentHelp("Name of the new migration (letters, digits, underscores).", valueName: "name"))
        var name: String?

        @Option(name: .long, help: ArgumentHelp("The migrations folder holding one folder per dialect.", valueName: "dir"))
        var migrations: String = "migrations"

        @Option(name: .long, help: ArgumentHelp("Generate for this dialect only (default: every dialect).", valueName: "id"))
        var dialect: String?

        @Flag(name: .long, help: "Write nothing; exit 1 if the model holds changes not yet in a migration or a directory is not intact.")
        var check = false

        @Flag(name: .long, help: "Allow destructive changes (drops, narrowing, partition merges).")
        var allowDestructive = false

        func run() throws {
            try reportingErrors {
                let dialects = try dialect.map { [try Dialects.named($0)] } ?? Dialects.all
                // The model and the directories are read at the same time (two
                // large snapshots decode in parallel); their outcomes are taken
                // in the old order: the model's errors first.
                let (loadedModel, checked) = Parallel.both({
                    try source.loadValid(before: "generating migrations")
                }, {
                    try Self.loadAndVerify(dialects, migrations: migrations)
                })
                let model = try loadedModel.get()
                let (directories, problems) = try checked.get()
                guard problems.isEmpty else {
                    throw CLIError("\(migrations) is not intact; nothing was generated:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"), exitCode: 1)
                }
                // Versions stay aligned across dialect folders (a hand-written
                // migration may exist in one only): the next is after the latest of all.
                var latest = directories.values.map { $0.latest?.file.version ?? 0 }.max() ?? 0
                for d in Dialects.all where directories[d.id] == nil {
                    if let other = try? MigrationDirectory.load(URL(fileURLWithPath: migrations).appendingPathComponent(d.id)) {
                        latest = max(latest, other.latest?.file.version ?? 0)
                    }
                }
                var outOfDate = false
                for d in dialects {
                    let generator = MigrationGenerator(directory: directories[d.id]!, dialect: d)
                    let pending: MigrationGenerator.Pending?
                    do {
                        pending = try generator.pending(model: model, name: name, allowDestructive: allowDestructive || check, version: latest + 1)
                    } catch let e as MigrationError {
                        throw CLIError("\(d.id): \(e.message)", exitCode: 1)
                    } catch let e as DiffError {
                        throw CLIError("\(d.id): \(e)", exitCode: 1)
                    } catch let e as RenderError {
                        throw CLIError("\(d.id): cannot render: \(e)", exitCode: 1)
                    }
                    guard let pending else {
                        Console.out("\(d.id): up to date with the model (latest \(generator.directory.latest?.file.stem ?? "none"))")
                        continue
                    }
                    if check {
                        outOfDate = true
                        Console.out("\(d.id): the model holds \(pending.plan.changes.count) change(s) not in a migration; run 'oeedb generate --name …':")
                        for c in pending.plan.changes.prefix(20) { Console.out("  \(c)") }
                        if pending.plan.changes.count > 20 { Console.out("  … and \(pending.plan.changes.count - 20) more") }
                        continue
                    }
                    let written = try generator.write(pending)
                    Console.out("\(d.id): wrote \(pending.file.stem) (\(pending.plan.changes.count) change(s))")
                    for url in written { Console.out("  \(url.path)") }
                }
                if outOfDate { throw ExitCode(1) }
            }
        }

        /// Every directory is checked before anything is planned or written,
        /// and every problem of every dialect is listed at once.
        static func loadAndVerify(_ dialects: [any SQLDialect], migrations: String) throws -> ([String: MigrationDirectory], [String]) {
            var directories: [String: MigrationDirectory] = [:]
            var problems: [String] = []
            for d in dialects {
                let url = URL(fileURLWithPath: migrations).appendingPathComponent(d.id)
                do {
                    let directory = try MigrationDirectory.load(url)
                    directories[d.id] = directory
                    problems += try directory.verify().map { "\(d.id): \($0)" }
                } catch let e as MigrationError {
                    problems.append("\(d.id): \(e.message)")
                }
            }
            return (directories, problems)
        }
    }
}
