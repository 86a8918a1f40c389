import ArgumentParser
import Foundation
import OEEDiff

extension Oeedb {
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Read a live database and write the Swift DSL source (or model snapshot) that builds its model.",
            discussion: """
                Reads the catalog with the same queries as drift, then asks it for everything the \
                model cannot hold (views, routines, triggers, sequences, grants, options such as a \
                column collation or a fillfactor). Writes one Swift file for the database-scoped \
                objects and one per schema, formatted like oeedb's schema/, or with --as json the \
                model snapshot; and LOSSES.md beside it, listing every object left out. Refuses an \
                --out folder that is not empty.

                Expressions come back as the typed DSL where it says the same thing, else as the \
                engine's text (.sql(postgres:) / .sql(sqlserver:)).

                Examples:
                  oeedb import --connection postgres://oeedb@127.0.0.1:5432/plant --out imported
                  oeedb import --schemas sales,stock --out imported --type-name PlantSchema
                  oeedb import --as json --out snapshot --format json
                """
        )

        @OptionGroup var connection: ConnectionOptions

        @Option(name: .long, help: ArgumentHelp("Import only these schemas (comma-separated; default: every schema but oeedb's own).", valueName: "a,b"))
        var schemas: String?

        @Option(name: .long, help: ArgumentHelp("The folder to write (must not exist or be empty).", valueName: "dir"))
        var out: String

        @Option(name: .customLong("as"), help: ArgumentHelp("What to write: swift (DSL source) or json (a model snapshot, for --model).", valueName: "swift|json"))
        var form: String = "swift"

        @Option(name: .long, help: ArgumentHelp("The enum holding `static let database` (default: the database name + Schema, e.g. PlantSchema).", valueName: "name"))
        var typeName: String?

        @Option(name: .long, help: ArgumentHelp("The model's database name (default: the connection's database).", valueName: "name"))
        var databaseName: String?

        @Option(name: .long, help: ArgumentHelp("sqlserver or postgres (default: from the connection).", valueName: "id"))
        var dialect: String?

        @OptionGroup var output: OutputOptions

        var schemaList: [String]? { ImportOptions.schemaList(schemas) }

        func validate() throws {
            guard ImportRun.Form(rawValue: form) != nil else {
                throw ValidationError("--as '\(form)': pass --as swift (DSL source) or --as json (a model snapshot)")
            }
            if let typeName, !ImportRun.isValidTypeName(typeName) {
                throw ValidationError("--type-name '\(typeName)': use ASCII letters, digits or '_', starting with an upper-case letter (e.g. --type-name PlantSchema)")
            }
            try ImportOptions.validate(schemas: schemas)
        }

        func run() throws {
            try reportingErrors {
                let root = URL(fileURLWithPath: out)
                let fm = FileManager.default
                if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
                    throw CLIError("\(out) is not empty; pass a new folder to --out (oeedb import never overwrites files)")
                }
                let result = try ImportRun.read(connection, dialect: dialect, databaseName: databaseName, schemas: schemaList)
                let type = typeName ?? ImportRun.typeName(forDatabase: result.imported.database.name)
                let files = try ImportRun.files(result, form: ImportRun.Form(rawValue: form)!, typeName: type)
                do {
                    try fm.createDirectory(at: root, withIntermediateDirectories: true)
                    for f in files { try Data(f.contents.utf8).write(to: root.appendingPathComponent(f.name)) }
                } catch {
                    throw CLIError("\(out): cannot write the imported files (\((error as NSError).localizedDescription))")
                }
                let losses = result.imported.losses
                if output.isJSON {
                    struct Report: Codable {
                        var database: String; var dialect: String; var files: [String]; var losses: [CatalogLoss]; var notes: [String]; var modelErrors: [String]
                    }
                    let report = Report(database: result.imported.database.name, dialect: result.dialect, files: files.map { "\(out)/\($0.name)" },
                                        losses: losses, notes: result.imported.notes, modelErrors: result.validationErrors)
                    Console.outData(try JSONEncoder.stable.encode(report) + Data("\n".utf8))
                } else {
                    for f in files { Console.out("wrote \(out)/\(f.name)") }
                    Console.out(losses.isEmpty ? "nothing left out (\(out)/\(ImportReport.fileName))"
                                : "\(losses.count) object(s) the model cannot hold were not imported (listed in \(out)/\(ImportReport.fileName)):")
                    for l in losses { Console.out("  \(l.kind): \(l.object): \(ImportReport.oneLine(l.detail))") }
                    for e in result.validationErrors { Console.err("warning: the imported model: \(e)") }
                }
            }
        }
    }
}

/// `--schemas a,b` as `import` and `init --from-connection` read it.
enum ImportOptions {
    static func schemaList(_ text: String?) -> [String]? {
        text.map { $0.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    static func validate(schemas: String?) throws {
        guard let list = schemaList(schemas) else { return }
        if list.isEmpty || list.contains(where: \.isEmpty) {
            throw ValidationError("--schemas '\(schemas ?? "")': name the schemas, separated by commas (e.g. --schemas sales,stock)")
        }
    }
}
