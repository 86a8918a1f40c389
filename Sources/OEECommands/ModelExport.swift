import ArgumentParser
import Foundation
import OEEModel

extension Oeedb.Model {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write the model as stable JSON (sorted keys; byte-identical for the same model).",
            discussion: """
                The JSON snapshot is what migrations, `oeedb diff` and other tools read. \
                The model is validated first; export refuses a model with errors.

                Examples:
                  oeedb model export                    # canonical model to stdout
                  oeedb model export --out oee.json     # … to a file
                """
        )

        @OptionGroup var source: ModelSourceOptions

        @Option(name: .long, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file"))
        var out: String?

        func run() throws {
            try reportingErrors {
                let database = try source.loadValid(before: "exporting")
                let data = try ModelSnapshot.encode(database)
                if let out {
                    do {
                        try data.write(to: URL(fileURLWithPath: out), options: .atomic)
                    } catch {
                        throw CLIError("\(out): cannot write the model (\((error as NSError).localizedDescription))")
                    }
                    Console.err("wrote \(out) (\(data.count) bytes, \(database.allTables.count) tables)")
                } else {
                    Console.outData(data)
                }
            }
        }
    }
}
