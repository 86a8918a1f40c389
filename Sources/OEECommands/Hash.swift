import ArgumentParser
import Foundation
import Migrations

extension Oeedb {
    struct Hash: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hash",
            abstract: "Re-record each migration directory's integrity file (oeedb.sum) from the files on disk.",
            discussion: """
                After editing a migration that has not shipped (one written with oeedb new, or a \
                generated one you added checks to), for a missing or corrupt oeedb.sum, a merge \
                that combined two branches' lines, or a migration you removed or wrote by hand \
                on purpose. Prints which files were \
                added, changed or removed compared with the old oeedb.sum (or that it was missing \
                or corrupt). It never touches a migration file, and it cannot launder an edit: \
                migrate and validate still refuse an applied migration whose file differs from \
                the checksum in that database's history.

                Exit status: 0 recorded or already up to date; 1 --check found changes; \
                2 usage error.

                Examples:
                  oeedb hash                       # every dialect folder under migrations/
                  oeedb hash --dialect postgres
                  oeedb hash --check               # CI: fail if oeedb.sum is not up to date
                """
        )

        @Option(name: .long, help: ArgumentHelp("The migrations folder holding one folder per dialect.", valueName: "dir"))
        var migrations: String = "migrations"

        @Option(name: .long, help: ArgumentHelp("Only this dialect's folder (default: every dialect).", valueName: "id"))
        var dialect: String?

        @Flag(name: .long, help: "Write nothing; exit 1 if any oeedb.sum would change.")
        var check = false

        @OptionGroup var output: OutputOptions

        /// One directory's outcome.
        struct Result: Codable {
            enum Previous: String, Codable { case valid, missing, corrupt }
            var dialect: String
            var path: String
            var previous: Previous
            var added: [String]
            var changed: [String]
            var removed: [String]
            var upToDate: Bool
            var written: Bool
        }

        struct Summary: Codable {
            var check: Bool
            var directories: [Result]
        }

        func run() throws {
            try reportingErrors {
                let ids = try dialect.map { [try Dialects.named($0).id] } ?? Dialects.all.map(\.id)
                var results: [Result] = []
                for id in ids {
                    let url = URL(fileURLWithPath: migrations).appendingPathComponent(id)
                    guard FileManager.default.fileExists(atPath: url.path) else {
                        if dialect != nil { throw CLIError("\(url.path): no such migration directory") }
                        continue
                    }
                    results.append(try record(id: id, url: url))
                }
                guard !results.isEmpty else {
                    throw CLIError("no migration directories under \(migrations) (expected \(ids.map { "\(migrations)/\($0)" }.joined(separator: " or ")))")
                }
                if output.isJSON {
                    Console.outData(try JSONEncoder.stable.encode(Summary(check: check, directories: results)) + Data("\n".utf8))
                } else {
                    for r in results { for line in Self.lines(r, check: check) { Console.out(line) } }
                }
                if check && results.contains(where: { !$0.upToDate }) { throw ExitCode(1) }
            }
        }

        func record(id: String, url: URL) throws -> Result {
            let directory: MigrationDirectory
            let computed: IntegrityFile
            do {
                directory = try MigrationDirectory.load(url)
                computed = try directory.computedIntegrity()
            } catch {
                throw CLIError("\(url.path): cannot read the directory: \(error)", exitCode: 1)
            }
            let sumURL = url.appendingPathComponent(IntegrityFile.fileName)
            let previous: Result.Previous
            var old: [String: String] = [:]
            var oldText: String?
            if let data = try? Data(contentsOf: sumURL) {
                let text = String(decoding: data, as: UTF8.self)
                oldText = text
                old = IntegrityFile.lenientEntries(text)
                previous = (try? IntegrityFile.parse(text, path: sumURL.path)) == nil ? .corrupt : .valid
            } else {
                previous = .missing
            }
            let difference = computed.difference(from: old)
            let upToDate = oldText == computed.text
            var written = false
            if !upToDate && !check {
                do { try directory.writeIntegrity() } catch { throw CLIError("\(sumURL.path): cannot write: \(error)", exitCode: 1) }
                written = true
            }
            return Result(dialect: id, path: "\(migrations)/\(id)", previous: previous, added: difference.added, changed: difference.changed,
                          removed: difference.removed, upToDate: upToDate, written: written)
        }

        /// Plain output for one directory.
        static func lines(_ r: Result, check: Bool) -> [String] {
            let sum = "\(r.path)/\(IntegrityFile.fileName)"
            if r.upToDate { return ["\(r.dialect): \(sum) is up to date"] }
            let verb = check ? "would be re-recorded" : "re-recorded"
            var head: String
            switch r.previous {
            case .missing: head = "\(r.dialect): \(sum) was missing; \(check ? "would be recorded" : "recorded")"
            case .corrupt: head = "\(r.dialect): \(sum) was corrupt; \(verb)"
            case .valid: head = "\(r.dialect): \(sum) \(verb)"
            }
            head += " (\(r.added.count) added, \(r.changed.count) changed, \(r.removed.count) removed)"
            var lines = [head]
            lines += r.added.map { "  added   \($0)" }
            lines += r.changed.map { "  changed \($0) (if it was applied anywhere, migrate and validate still refuse it there)" }
            lines += r.removed.map { "  removed \($0)" }
            return lines
        }
    }
}
