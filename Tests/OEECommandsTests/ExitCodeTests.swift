import ArgumentParser
import Foundation
import Testing
@testable import OEECommands

/// The exit-code contract the README promises: usage errors exit 2, never
/// swift-argument-parser's 64, and every message starts `error: `.
@Suite struct ExitCodeTests {
    /// Every command path, e.g. ["model", "check"], from the real command tree.
    static func commandPaths(_ command: ParsableCommand.Type = Oeedb.self, prefix: [String] = []) -> [[String]] {
        let subs = command.configuration.subcommands
        if subs.isEmpty { return [prefix] }
        return subs.flatMap { commandPaths($0, prefix: prefix + [$0._commandName]) }
    }

    static func exitCode(_ arguments: [String]) -> Int32? {
        do {
            _ = try Oeedb.parseAsRoot(arguments)
            return nil
        } catch {
            return Oeedb.contractExitCode(for: error)
        }
    }

    @Test func theCommandTreeIsComplete() {
        let paths = Self.commandPaths().map { $0.joined(separator: " ") }
        for expected in ["model check", "model export", "generate", "diff", "migrate", "status", "validate", "baseline", "drift", "seed", "docs", "doctor", "dialects"] {
            #expect(paths.contains(expected), "\(expected) missing from \(paths)")
        }
    }

    @Test(arguments: commandPaths())
    func anUnknownOptionExitsTwo(_ path: [String]) {
        #expect(Self.exitCode(path + ["--bogus"]) == 2, "oeedb \(path.joined(separator: " ")) --bogus")
    }

    @Test(arguments: [
        ["diff"],                                   // --from and --to are required
        ["diff", "--from", "a.json"],
        ["drift", "--against", "foo"],
        ["migrate", "--lock-timeout", "-1"],
        ["migrate", "--lock-timeout=-1"],
        ["undo", "--to", "1", "--lock-timeout", "86401"],
        ["partitions", "maintain", "--lock-timeout", "9223372036854775807"],  // once overflowed lock-timeout × 1000
        ["migrate", "--lock-timeout", "abc"],
        ["migrate", "--target", "0"],
        ["baseline", "--version", "-3"],
        ["model", "check", "--format", "yaml"],
        ["model", "check", "--json", "--format", "text"],
        ["bogus-command"],
    ])
    func badArgumentsExitTwo(_ arguments: [String]) {
        #expect(Self.exitCode(arguments) == 2, "oeedb \(arguments.joined(separator: " "))")
    }

    @Test func helpAndVersionExitZeroOnStandardOutput() throws {
        for args in [["--help"], ["migrate", "--help"], ["help", "drift"], ["--version"]] {
            let run = try Self.runBinary(args)
            #expect(run.status == 0, "oeedb \(args.joined(separator: " "))")
            #expect(!run.stdout.isEmpty && run.stderr.isEmpty, "oeedb \(args.joined(separator: " "))")
        }
    }

    @Test func theOneErrorPrefixIsLowercase() {
        do {
            _ = try Oeedb.parseAsRoot(["generate", "--bogus"])
            Issue.record("--bogus parsed")
        } catch {
            #expect(Oeedb.fullMessage(for: error).hasPrefix("error: "))
        }
    }

    /// Runs the built binary (no standard input) and collects both streams.
    static func runBinary(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let binary = CommandLineTests.root.appendingPathComponent(".build/debug/oeedb")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build oeedb first (swift build)")
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        p.currentDirectoryURL = CommandLineTests.root
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func theBinaryExitsTwoOnAUsageError() throws {
        let run = try Self.runBinary(["generate", "--bogus"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: Unknown option '--bogus'"), "\(run.stderr)")
    }
}

/// The command line knows no schema of its own: without a built-in model and
/// without --model, a command that needs one says how to give one.
@Suite struct ProjectModelTests {
    @Test func theOeedbBinaryRunsOverTheCanonicalSchema() throws {
        let run = try ExitCodeTests.runBinary(["model", "check"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("oee: 30 tables"), "\(run.stdout)")
    }
}
