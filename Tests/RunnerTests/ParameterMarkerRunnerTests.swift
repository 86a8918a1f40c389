import Foundation
import Testing
import ODBC
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// A pending migration with a `?` operator in code is refused before
/// anything runs (psqlODBC would take it for a parameter marker and fail it
/// mid-deploy, after the migrations before it committed); the fix the error
/// gives — the statement in a DO block — runs and keeps the operator.
@Suite(.serialized) struct ParameterMarkerRunnerTests {
    @Test(.needsPostgres) func aQuestionMarkOperatorIsRefusedBeforeAnythingRunsAndTheDoBlockFixRuns() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "table", sql: "CREATE TABLE public.j (d jsonb);\n", snapshot: TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 3, name: "index", sql: "CREATE INDEX ix_j ON public.j (d)\n    WHERE d ? 'k';\n", snapshot: TestMigrations.v1())
        let text = try String(contentsOf: dir.appendingPathComponent("V0003__index.sql"), encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains("d ? 'k'") }) + 1
        let error = try #require(throws: RunnerError.self) { try db.runner(dir).migrate() }
        #expect(error.message.hasPrefix("V0003__index.sql:\(line): a '?' operator in code"), "\(error.message)")
        #expect(error.message.hasSuffix("nothing was run"), "\(error.message)")
        #expect(try db.runner(dir).validate().contains { $0.hasPrefix("V0003__index.sql:\(line):") })
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'oeedb';") == "1")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history;") == "0")

        try TestMigrations.addHandWritten(dir, version: 3, name: "index", sql: "DO $$ BEGIN CREATE INDEX ix_j ON public.j (d) WHERE d ? 'k'; END $$;\n", snapshot: TestMigrations.v1())
        let report = try db.runner(dir).migrate()
        #expect(report.applied.map(\.version) == [1, 2, 3])
        #expect(try conn.scalar("SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'public.ix_j'::regclass;") == "(d ? 'k'::text)")
    }
}
