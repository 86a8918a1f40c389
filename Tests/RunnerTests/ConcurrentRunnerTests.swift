import Foundation
import Testing
import OEEDSL
import Migrations
import OEETestSupport

/// Runs the real `oeedb` binary in separate processes.
enum OeedbBinary {
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["OEEDB_BIN"] { return URL(fileURLWithPath: path) }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/oeedb")
    }

    static func launch(_ arguments: [String], password: String) throws -> (Process, Pipe) {
        let p = Process()
        p.executableURL = url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OEEDB_PASSWORD"] = password
        env.removeValue(forKey: "OEEDB_PASSWORD_FILE")
        p.environment = env
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        return (p, out)
    }
}

@Suite(.serialized) struct ConcurrentRunnerTests {
    /// A migrations root whose `postgres/` folder holds five small
    /// migrations, the third slow enough for runners to overlap.
    func migrationsRoot() throws -> URL {
        let root = try TestMigrations.temporaryDirectory()
        let dir = root.appendingPathComponent("postgres")
        try TestMigrations.generate(dir, TestMigrations.v1())
        var model = TestMigrations.v1()
        for i in 2...5 {
            model = TestMigrations.edit(model, "site") { $0.columns.append(Column("c\(i)", .int, "Column \(i)").nullable()) }
            if i == 3 {
                let sql = "SELECT pg_sleep(1.5);\nALTER TABLE ref.site ADD COLUMN c3 integer;\nCOMMENT ON COLUMN ref.site.c3 IS 'Column 3';\n"
                try TestMigrations.addHandWritten(dir, version: 3, name: "slow", sql: sql, snapshot: model)
            } else {
                try TestMigrations.generate(dir, model, name: "c\(i)")
            }
        }
        return root
    }

    @Test(.needsPostgres)
    func fourConcurrentRunnersApplyEachMigrationExactlyOnce() throws {
        let db = try #require(try TestDatabase.make())
        try #require(FileManager.default.isExecutableFile(atPath: OeedbBinary.url.path), "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let root = try migrationsRoot()
        let args = ["migrate", "--connection", db.url, "--migrations", root.path, "--dialect", "postgres"]
        let runs = try (0..<4).map { _ in try OeedbBinary.launch(args, password: db.password) }
        var outputs: [String] = []
        for (p, pipe) in runs {
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            outputs.append(String(decoding: data, as: UTF8.self))
            #expect(p.terminationStatus == 0, "\(outputs.last!)")
        }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE success") == "5")
        let appliedLines = outputs.flatMap { $0.split(separator: "\n") }.filter { $0.hasPrefix("applied V") }
        #expect(appliedLines.count == 5, "\(outputs)")
        #expect(Set(appliedLines.map { $0.split(separator: " ")[1] }).count == 5)
    }

    @Test(.needsPostgres)
    func runnerKilledMidMigrationLeavesThePreviousVersionAndTheNextRunCompletes() throws {
        let db = try #require(try TestDatabase.make())
        try #require(FileManager.default.isExecutableFile(atPath: OeedbBinary.url.path), "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let root = try migrationsRoot()
        let args = ["migrate", "--connection", db.url, "--migrations", root.path, "--dialect", "postgres"]
        // Apply V1–V2 first, then kill the runner while V3 sleeps.
        let (first, _) = try OeedbBinary.launch(args + ["--target", "2"], password: db.password)
        first.waitUntilExit()
        #expect(first.terminationStatus == 0)
        let (victim, _) = try OeedbBinary.launch(args, password: db.password)
        Thread.sleep(forTimeInterval: 0.8)
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT max(version) FROM oeedb.schema_history WHERE success") == "2")
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'c3'") == "0")
        // No stale lock: the next run takes it at once and completes.
        let (next, pipe) = try OeedbBinary.launch(args + ["--lock-timeout", "5"], password: db.password)
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        next.waitUntilExit()
        #expect(next.terminationStatus == 0, "\(out)")
        #expect(try conn.scalar("SELECT max(version) FROM oeedb.schema_history WHERE success") == "5")
    }
}
