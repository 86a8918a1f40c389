import Foundation
import Testing
@testable import OEECommands

/// Every `'oeedb …'` command that a message in Sources/ tells the user to run
/// parses with the real command line: no fix names a command or flag that
/// does not exist.
@Suite struct FixCommandTests {
    static let sources = CommandLineTests.root.appendingPathComponent("Sources")

    /// The quoted commands, each with the file it is in. Interpolations
    /// (`\(…)`) end a command; `…` placeholders stand for a value.
    static func quotedCommands() throws -> [(file: String, command: String)] {
        let regex = try NSRegularExpression(pattern: "'oeedb ([^'\\n]*)'")
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                var command = String(text[Range(match.range(at: 1), in: text)!])
                if let interpolation = command.range(of: "\\(") { command = String(command[..<interpolation.lowerBound]) }
                found.append((url.lastPathComponent, command))
            }
        }
        return found
    }

    static func arguments(_ command: String) -> [String] {
        command.split(separator: " ").map { $0.contains("…") ? "x" : String($0) }
    }

    @Test func sourcesQuoteFixCommands() throws {
        let commands = try Self.quotedCommands().map(\.command)
        #expect(commands.count >= 10, "the scan found too few commands: \(commands)")
        #expect(commands.contains("hash"))
    }

    @Test func everyQuotedCommandParses() throws {
        for (file, command) in try Self.quotedCommands() {
            do {
                _ = try Oeedb.parseAsRoot(Self.arguments(command))
            } catch {
                Issue.record("\(file): 'oeedb \(command)' does not parse: \(Oeedb.message(for: error))")
            }
        }
    }

    @Test func aCommandThatDoesNotExistIsCaught() {
        #expect(throws: (any Error).self) { try Oeedb.parseAsRoot(Self.arguments("generate --rehash")) }
    }
}
