import ArgumentParser
import Foundation
import Migrations

extension Oeedb {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Start a hand-written migration (a data fix, a backfill, a one-off statement) as the next version.",
            discussion: """
                Writes migrations/<dialect>/V<NNNN>__<name>.sql in each dialect's folder (or only \
                --dialect's): a header with the version, the name, '-- oeedb:transaction on' and \
                commented examples of check and batch directives, then room for your SQL; and \
                V<NNNN>__<name>.json, the previous version's model snapshot unchanged (a \
                hand-written migration does not change the model; if its SQL changes schema \
                objects, migrate's post-check says so). The version is the next one after the \
                latest of every dialect folder, so versions stay aligned. oeedb.sum is updated.

                Edit the file, then run 'oeedb hash' to record the edit; until it is applied \
                anywhere you may edit and hash again. Once applied, migrate and validate refuse \
                any change to it (the database's history keeps its checksum).

                Exit status: 0 written; 1 a folder is not intact or has no migration yet; \
                2 usage error.

                Examples:
                  oeedb new --name backfill_shift_id                 # both dialects
                  oeedb new --name fix_site_codes --dialect postgres
                  oeedb hash                                         # after editing it
                """
        )

        @Option(name: .long, help: ArgumentHelp("Name of the new migration (letters, digits, underscores).", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("Write it for this dialect only (default: every dialect folder).", valueName: "id"))
        var dialect: String?

        @Option(name: .long, help: ArgumentHelp("The migrations folder holding one folder per dialect.", valueName: "dir"))
        var migrations: String = "migrations"

        @OptionGroup var output: OutputOptions

        func validate() throws {
            guard !MigrationFileName.sanitize(name).isEmpty else {
                throw ValidationError("--name '\(name.prefix(40))' has no letters or digits; pass e.g. --name backfill_shift_id")
            }
            if let dialect, !Dialects.all.contains(where: { $0.id == dialect }) {
                throw ValidationError("--dialect \(dialect.prefix(40)): unknown; pass one of \(Dialects.all.map(\.id).joined(separator: ", "))")
            }
        }

        struct Written: Codable {
            var dialect: String
            var migration: String
            var files: [String]
        }

        func run() throws {
            try reportingErrors {
                let root = URL(fileURLWithPath: migrations)
                let ids = dialect.map { [$0] } ?? Dialects.all.map(\.id)
                var directories: [(String, MigrationDirectory)] = []
                var latest = 0
                // Every dialect folder counts for the version, also one not written.
                for d in Dialects.all {
                    let url = root.appendingPathComponent(d.id)
                    guard FileManager.default.fileExists(atPath: url.path) else { continue }
                    let dir: MigrationDirectory
                    do { dir = try MigrationDirectory.load(url) } catch { throw CLIError("\(url.path): cannot read: \(error)", exitCode: 1) }
                    latest = max(latest, dir.latest?.file.version ?? 0)
                    if ids.contains(d.id) { directories.append((d.id, dir)) }
                }
                guard !directories.isEmpty else {
                    throw CLIError("no migration folder for \(ids.joined(separator: " or ")) under \(migrations); run 'oeedb generate' first", exitCode: 1)
                }
                var plans: [(MigrationDirectory, HandWrittenMigration, String)] = []
                var problems: [String] = []
                for (id, dir) in directories {
                    do {
                        plans.append((dir, try HandWrittenMigration.plan(directory: dir, dialect: id, name: name, version: latest + 1), id))
                    } catch let e as MigrationError {
                        problems.append("\(id): \(e.message)")
                    }
                }
                guard problems.isEmpty else {
                    throw CLIError("nothing was written:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"), exitCode: 1)
                }
                var written: [Written] = []
                for (dir, plan, id) in plans {
                    let urls = try plan.write(to: dir)
                    written.append(Written(dialect: id, migration: plan.file.stem, files: urls.map { "\(migrations)/\(id)/\($0.lastPathComponent)" }))
                }
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(written) + Data("\n".utf8))
                    return
                }
                for w in written {
                    Console.out("\(w.dialect): wrote \(w.migration) (hand-written; model unchanged)")
                    for f in w.files { Console.out("  \(f)") }
                }
                Console.out("edit the SQL, then run 'oeedb hash' to record it; 'oeedb migrate' applies it")
            }
        }
    }
}
