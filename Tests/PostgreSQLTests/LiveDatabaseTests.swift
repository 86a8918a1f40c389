import Foundation
import Testing
@testable import PostgreSQL

/// Runs SQL on a real, throwaway PostgreSQL server with `scripts/pg-check.sh`
/// when `OEEDB_PG_CHECK=1` (needs the PostgreSQL 15 binaries, and root or a
/// user that can run initdb):
///
///     OEEDB_PG_CHECK=1 swift test --filter PostgreSQLTests.LiveDatabaseTests
///
/// - ``LiveScenario``: baseline, data, two migrations and row-level-security
///   checks, run as a non-superuser owner and a plain application role;
/// - ``Cases/all``: every snapshot plan, each on its own `from` model, with
///   its data checks, in a rolled-back transaction.
///
/// `OEEDB_PG_OUT=<dir>` also writes the files there, for running by hand:
/// `scripts/pg-check.sh <dir>/[0-6]-*.sql` and `scripts/pg-check.sh <dir>/cases.sql`.
@Suite struct LiveDatabaseTests {
    static let environment = ProcessInfo.processInfo.environment
    static let enabled = environment["OEEDB_PG_CHECK"] == "1"

    @Test func filesRender() throws {
        let files = try LiveScenario.files() + [("cases.sql", try Cases.liveScript())]
        #expect(files.count == 8)
        guard let out = Self.environment["OEEDB_PG_OUT"] else { return }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for file in files {
            try file.1.write(toFile: "\(out)/\(file.0)", atomically: true, encoding: .utf8)
        }
    }

    @Test(.enabled(if: enabled))
    func scenarioRunsOnPostgreSQL() throws {
        let output = try Self.pgCheck(try LiveScenario.files())
        #expect(output.status == 0, "pg-check.sh failed:\n\(output.text)")
        #expect(output.text.contains("all 7 file(s) ran cleanly"), "\(output.text)")
    }

    @Test(.enabled(if: enabled))
    func everyCaseRunsOnPostgreSQL() throws {
        let output = try Self.pgCheck([("cases.sql", try Cases.liveScript())])
        try #require(output.status == 0, "pg-check.sh failed:\n\(output.text)")
        for c in Cases.all {
            #expect(output.text.contains("case \(c.name): ok"), "case \(c.name) did not finish")
        }
    }

    /// Writes `files` to a temporary directory and runs `scripts/pg-check.sh` on them.
    static func pgCheck(_ files: [(name: String, text: String)]) throws -> (status: Int32, text: String) {
        let root = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-pg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var paths: [String] = []
        for file in files {
            let url = dir.appendingPathComponent(file.name)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = root.appendingPathComponent("scripts/pg-check.sh")
        process.arguments = paths
        process.environment = environment.merging(["PG_CHECK_QUIET": "1"]) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
