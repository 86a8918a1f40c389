import ArgumentParser
import Foundation

/// oeedb's exit-code contract, in one place: 0 success, 1 a finding (invalid
/// model, pending changes, failed migration, drift), 2 a usage or connection
/// error. swift-argument-parser exits 64 (EX_USAGE) on a bad option or a failed
/// `validate()`; oeedb maps that to 2, and every message starts `error: `.
extension Oeedb {
    public static var _errorPrefix: String { "error: " }

    /// The exit code oeedb uses for `error`, thrown while parsing or running.
    public static func contractExitCode(for error: Error) -> Int32 {
        let code = exitCode(for: error).rawValue
        return code == ExitCode.validationFailure.rawValue ? 2 : code
    }

    /// Parses `arguments` (without the program name), runs the command, exits.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let text = fullMessage(for: error)
            let code = contractExitCode(for: error)
            if !text.isEmpty {
                if code == 0 { Console.out(text) } else { Console.err(text) }
            }
            Foundation.exit(code)
        }
    }
}
