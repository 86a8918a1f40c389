import Foundation
import OEEModel

/// The model a command line runs over when no `--model FILE` is given: the
/// canonical OEE schema for the `oeedb` executable, a plant's own model for a
/// package built on oeedb (`Oeedb.runMain(model: PlantSchema.database)`).
/// Set once, before any command is parsed; the CLI itself knows no schema.
public enum ProjectModel {
    nonisolated(unsafe) private static var provider: (@Sendable () -> Database)?

    /// Installs the model; `runMain(model:)` calls it.
    public static func install(_ model: @escaping @Sendable () -> Database) {
        provider = model
    }

    /// The installed model, or a usage error that says how to give one.
    static func load() throws -> Database {
        guard let provider else {
            throw CLIError("no model is built into this command line; pass --model FILE (a model snapshot, e.g. from 'oeedb model export'), or build an executable that calls Oeedb.runMain(model:)")
        }
        return provider()
    }
}

extension Oeedb {
    /// Runs the command line over `model` (the default for every command that
    /// reads a model; `--model FILE` still overrides it) and exits.
    public static func runMain(model: @escaping @Sendable () -> Database, arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        ProjectModel.install(model)
        let name = URL(fileURLWithPath: CommandLine.arguments.first ?? "oeedb").lastPathComponent
        if !name.isEmpty { Console.programName = name }
        runMain(arguments)
    }
}
