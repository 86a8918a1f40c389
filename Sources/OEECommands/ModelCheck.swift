import ArgumentParser
import Foundation
import OEEModel

extension Oeedb.Model {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate the model and list every problem, one per line.",
            discussion: """
                Checks names, references, keys, types, partitioning and row-level security \
                before any SQL exists. Every finding names the object:
                  error: fact.cycle: index ix_x references missing column 'foo'
                Exit status: 0 valid (warnings allowed unless --strict), 1 invalid, 2 unreadable input.

                Examples:
                  oeedb model check                       # the canonical schema
                  oeedb model check --model build/m.json  # a JSON snapshot
                  oeedb model check --format json         # for machines
                """
        )

        @OptionGroup var source: ModelSourceOptions

        @Flag(name: .long, help: "Treat warnings as errors.")
        var strict = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            try reportingErrors {
                let database = try source.load()
                let diagnostics = ModelValidator.validate(database)
                let failed = !diagnostics.errors.isEmpty || (strict && !diagnostics.warnings.isEmpty)
                switch output.isJSON ? OutputFormat.json : .text {
                case .json:
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                    let report = CheckReport(valid: !failed, errors: diagnostics.errors.count, warnings: diagnostics.warnings.count,
                                             tables: database.allTables.count, diagnostics: diagnostics)
                    Console.outData(try encoder.encode(report) + Data("\n".utf8))
                case .text:
                    for d in diagnostics { Console.out("\(d.severity.rawValue): \(d)") }
                    let summary = "\(database.name): \(database.allTables.count) tables, \(diagnostics.errors.count) error(s), \(diagnostics.warnings.count) warning(s)"
                    if failed { Console.err(summary) } else { Console.out(summary + " — valid") }
                }
                if failed { throw ExitCode(1) }
            }
        }
    }
}

struct CheckReport: Codable {
    var valid: Bool
    var errors: Int
    var warnings: Int
    var tables: Int
    var diagnostics: [Diagnostic]
}
