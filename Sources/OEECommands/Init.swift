import ArgumentParser
import Foundation

extension Oeedb {
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Write a Swift package that runs oeedb over its own model (the canonical schema plus yours).",
            discussion: """
                The package has a schema module that extends the canonical OEE schema \
                (OEECanonical.objects), an executable NAME that is the whole oeedb command line \
                over that model, and its own migrations/, seeds/ and docs/ (relative to the \
                package). It depends on oeedb by path with --oeedb-path (offline, e.g. a \
                checkout beside it), else on oeedb's repository. Refuses a folder that is not \
                empty.

                With --from-connection URL the schema folder holds the source `oeedb import` \
                writes for that database instead (and its loss report, LOSSES.md): the \
                package's model is the live database's, ready for `drift --against model` \
                and `baseline`. The password comes from --password-file or OEEDB_PASSWORD_FILE / \
                OEEDB_PASSWORD, as for --connection.

                Examples:
                  oeedb init ../plantdb --name plantdb --oeedb-path ../oeedb
                  cd ../plantdb && swift build && swift run plantdb model check
                  oeedb init ../plantdb --name plantdb --from-connection postgres://oeedb@127.0.0.1:5432/plant --schemas sales
                """
        )

        @Argument(help: ArgumentHelp("The folder to create (must not exist or be empty).", valueName: "dir"))
        var directory: String

        @Option(name: .long, help: ArgumentHelp("The package's and executable's name: lowercase letters, digits, '-' or '_', starting with a letter.", valueName: "name"))
        var name: String

        @Option(name: .long, help: ArgumentHelp("Depend on oeedb at this path (relative to the new package, or absolute) instead of its repository.", valueName: "path"))
        var oeedbPath: String?

        @Option(name: .long, help: ArgumentHelp("Import the schema from this live database (a URL, ODBC connection string or DSN) instead of extending the canonical one.", valueName: "url"))
        var fromConnection: String?

        @Option(name: .long, help: ArgumentHelp("With --from-connection: import only these schemas (comma-separated).", valueName: "a,b"))
        var schemas: String?

        @Option(name: .long, help: ArgumentHelp("With --from-connection: read the password from this file (first line).", valueName: "file"))
        var passwordFile: String?

        @Option(name: .long, help: ArgumentHelp("With --from-connection: sqlserver or postgres, when the connection (a DSN) does not tell.", valueName: "id"))
        var dialect: String?

        @Option(name: .long, help: ArgumentHelp("With --from-connection: the ODBC driver to use, e.g. 'ODBC Driver 18 for SQL Server'.", valueName: "name"))
        var driver: String?

        func validate() throws {
            if fromConnection == nil, schemas != nil || passwordFile != nil || dialect != nil || driver != nil {
                throw ValidationError("--schemas, --password-file, --dialect and --driver go with --from-connection URL; add it (e.g. --from-connection postgres://oeedb@127.0.0.1:5432/plant)")
            }
            try ImportOptions.validate(schemas: schemas)
            guard PackageTemplate.isValidName(name) else {
                throw ValidationError("--name '\(name)': use lowercase ASCII letters, digits, '-' or '_', starting with a letter, at most 40 characters (e.g. --name plantdb)")
            }
        }

        func run() throws {
            try reportingErrors {
                let root = URL(fileURLWithPath: directory)
                let fm = FileManager.default
                if let existing = try? fm.contentsOfDirectory(atPath: root.path), !existing.isEmpty {
                    throw CLIError("\(directory) is not empty; pass a new folder (oeedb init never overwrites files)")
                }
                var template = PackageTemplate(name: name, oeedbPath: oeedbPath)
                if let fromConnection {
                    let options = try ConnectionOptions.parse(["--connection", fromConnection] + (passwordFile.map { ["--password-file", $0] } ?? [])
                                                              + (driver.map { ["--driver", $0] } ?? []))
                    let result = try ImportRun.read(options, dialect: dialect, databaseName: nil, schemas: ImportOptions.schemaList(schemas))
                    template.imported = try ImportRun.files(result, form: .swift, typeName: template.schemaModule)
                    Console.out("imported \(result.imported.database.name) (\(result.dialect)): \(result.imported.losses.count) object(s) the model cannot hold are listed in schema/\(ImportReport.fileName)")
                }
                do {
                    for file in template.files {
                        let url = root.appendingPathComponent(file.path)
                        try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                        try Data(file.contents.utf8).write(to: url)
                        Console.out("wrote \(directory)/\(file.path)")
                    }
                } catch let error as CLIError {
                    throw error
                } catch {
                    throw CLIError("\(directory): cannot write the package (\((error as NSError).localizedDescription))")
                }
                Console.out("next: cd \(directory) && swift build && swift run \(name) model check")
            }
        }
    }
}
