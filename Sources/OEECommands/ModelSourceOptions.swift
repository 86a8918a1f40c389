import ArgumentParser
import Foundation
import OEEModel

/// `--model FILE`: a JSON model snapshot instead of the canonical DSL schema.
struct ModelSourceOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the model from a JSON snapshot instead of the one built into this command line (oeedb: the canonical schema in schema/).", valueName: "file"))
    var model: String?

    /// The built-in model (``ProjectModel``), or the snapshot named by `--model`.
    func load() throws -> Database {
        guard let path = model else { return try ProjectModel.load() }
        return try ModelFile.read(path)
    }

    /// The model, after validation: its errors go to standard error and the
    /// command stops with exit 1 before doing `action`.
    func loadValid(before action: String) throws -> Database {
        let database = try load()
        let errors = ModelValidator.validate(database).errors
        guard errors.isEmpty else {
            for e in errors { Console.err("error: \(e)") }
            throw CLIError("the model has \(errors.count) error(s); fix them (see 'oeedb model check') before \(action)", exitCode: 1)
        }
        return database
    }
}

/// Reading and writing model snapshot files, with errors that name the file.
enum ModelFile {
    static func read(_ path: String) throws -> Database {
        func readBytes() throws -> Data {
            do {
                return try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw CLIError("\(path): cannot read the model file (\((error as NSError).localizedDescription)); check the path")
            }
        }
        var data: Data? = try readBytes()
        do {
            // The bytes are released once decoded: the text need not outlive the model.
            return try ModelSnapshot.decode(consuming: &data, reread: readBytes)
        } catch let error as SnapshotError {
            throw CLIError("\(path): \(error)")
        }
    }
}

/// A user-facing failure: printed as `error: <message>`, exit code 2 unless given.
struct CLIError: Error, CustomStringConvertible {
    var message: String
    var exitCode: Int32

    init(_ message: String, exitCode: Int32 = 2) {
        self.message = message
        self.exitCode = exitCode
    }

    var description: String { message }
}
