import ArgumentParser
import Foundation
import Testing
@testable import OEECommands
import Migrations
import OEEModel

/// `new`, `undo` and `repair` on the command line: input checks, and every
/// fix command built with `FixCommand.quoted` parses.
@Suite struct Day2CommandTests {
    /// `FixCommand.quoted("…")` calls in Sources/, each interpolation filled with `1`.
    static func builtFixCommands() throws -> [(file: String, command: String)] {
        let regex = try NSRegularExpression(pattern: #"FixCommand\.quoted\("((?:[^"\\]|\\\((?:[^()]|\([^()]*\))*\))*)"\)"#)
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: FixCommandTests.sources, includingPropertiesForKeys: nil)!
        for case let url as URL in files where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let raw = String(text[Range(match.range(at: 1), in: text)!])
                let filled = raw.replacingOccurrences(of: #"\\\((?:[^()]|\([^()]*\))*\)"#, with: "1", options: .regularExpression)
                found.append((url.lastPathComponent, filled))
            }
        }
        return found
    }

    @Test func everyBuiltFixCommandParses() throws {
        let commands = try Self.builtFixCommands()
        #expect(commands.count >= 8, "the scan found too few: \(commands)")
        #expect(commands.contains { $0.command == "repair --version 1" })
        #expect(commands.contains { $0.command == "undo --to 1 --allow-data-loss" })
        for (file, command) in commands {
            do {
                _ = try Oeedb.parseAsRoot(FixCommandTests.arguments(command))
            } catch {
                Issue.record("\(file): 'oeedb \(command)' does not parse: \(Oeedb.message(for: error))")
            }
        }
    }

    @Test(arguments: [
        (["new"], "Missing expected argument '--name <name>'"),
        (["new", "--name", "!!!"], "has no letters or digits"),
        (["new", "--name", "x", "--dialect", "oracle"], "--dialect oracle: unknown"),
        (["undo", "--to=-1"], "--to -1"),
        (["undo", "--to", "1", "--lock-timeout", "99999999"], "--lock-timeout"),
        (["repair", "--version", "0"], "--version 0: versions start at 1"),
        (["repair"], "Missing expected argument '--version <version>'"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ message: String) {
        do {
            _ = try Oeedb.parseAsRoot(arguments)
            Issue.record("\(arguments) parsed")
        } catch {
            #expect(Oeedb.exitCode(for: error) == .validationFailure, "\(arguments)")
            #expect(Oeedb.message(for: error).contains(message), "\(Oeedb.message(for: error))")
        }
    }

    @Test func newWritesTheSameAlignedVersionInEveryDialectFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-new-\(UUID().uuidString)")
        let repo = CommandLineTests.root.appendingPathComponent("migrations")
        for d in ["sqlserver", "postgres"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(d), withIntermediateDirectories: true)
            for f in try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent(d).path) {
                try FileManager.default.copyItem(at: repo.appendingPathComponent(d).appendingPathComponent(f), to: root.appendingPathComponent(d).appendingPathComponent(f))
            }
        }
        // Postgres alone first: V0002 there; then both: V0003 in each (aligned).
        var only = try Oeedb.parseAsRoot(["new", "--name", "pg_fix", "--dialect", "postgres", "--migrations", root.path])
        try only.run()
        var both = try Oeedb.parseAsRoot(["new", "--name", "backfill", "--migrations", root.path])
        try both.run()
        for d in ["sqlserver", "postgres"] {
            let files = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(d).path)
            #expect(files.contains("V0003__backfill.sql") && files.contains("V0003__backfill.json"), "\(d): \(files)")
            // An empty delta: the model stays the baseline's.
            let directory = try MigrationDirectory.load(root.appendingPathComponent(d))
            let backfill = try #require(directory.latest)
            #expect(backfill.file.stem == "V0003__backfill")
            #expect(try backfill.delta()?.isEmpty == true)
            #expect(try backfill.snapshot() == (try ModelSnapshot.decode(Data(contentsOf: repo.appendingPathComponent(d).appendingPathComponent("V0001__baseline.json")))))
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("sqlserver/V0002__pg_fix.sql").path))
        // The folders stay intact for generate: nothing pending, nothing tampered.
        let model = repo.appendingPathComponent("postgres/V0001__baseline.json").path
        var check = try Oeedb.parseAsRoot(["generate", "--check", "--migrations", root.path, "--model", model])
        try check.run()
    }
}
