import Foundation
import Testing
import OEETestSupport
import OEEDSL
import Migrations

/// A migration that runs outside one transaction and dies part-way must never
/// run again from the top: the runner commits a "started" failure row before
/// its first batch, so the next migrate refuses and points to 'oeedb repair'.
@Suite(.serialized) struct OffModeCrashTests {
    @Test(.needsPostgres)
    func aNonTransactionalMigrationKilledPartWayIsNotRunAgainBlindly() throws {
        let db = try #require(try TestDatabase.make())
        try #require(FileManager.default.isExecutableFile(atPath: OeedbBinary.url.path), "oeedb binary not found at \(OeedbBinary.url.path); build it first (swift build)")
        let root = try TestMigrations.temporaryDirectory()
        let dir = root.appendingPathComponent("postgres")
        try TestMigrations.generate(dir, TestMigrations.v1())
        // Batch 1 commits a row, batch 2 sleeps: the runner is killed in between.
        let sql = "CREATE TABLE ref.off_log (n integer);\nINSERT INTO ref.off_log VALUES (1);\nSELECT pg_sleep(5);\nINSERT INTO ref.off_log VALUES (2);\n"
        try TestMigrations.addHandWritten(dir, version: 2, name: "off_mode", sql: sql, snapshot: TestMigrations.v1(), transaction: false)
        let args = ["migrate", "--connection", db.url, "--migrations", root.path, "--dialect", "postgres", "--no-post-check"]
        let (victim, _) = try OeedbBinary.launch(args, password: db.password)
        let conn = try db.connect()
        // Wait until the first batch has committed, then kill the runner.
        var waited = 0.0
        while waited < 20, (try? conn.scalar("SELECT count(*) FROM ref.off_log")) != "1" {
            Thread.sleep(forTimeInterval: 0.1); waited += 0.1
        }
        kill(victim.processIdentifier, SIGKILL)
        victim.waitUntilExit()
        #expect(try conn.scalar("SELECT count(*) FROM ref.off_log") == "1")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE version = 2 AND NOT success") == "1")
        // The next run refuses instead of inserting row 1 again.
        let (next, pipe) = try OeedbBinary.launch(args, password: db.password)
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        next.waitUntilExit()
        #expect(next.terminationStatus != 0)
        #expect(out.contains("failed part-way outside a transaction"), "\(out)")
        #expect(out.contains("repair --version 2"), "\(out)")
        #expect(try conn.scalar("SELECT count(*) FROM ref.off_log") == "1")
    }
}
