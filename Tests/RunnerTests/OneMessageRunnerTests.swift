import Foundation
import Testing
import ODBC
import OEEDiff
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// A migration whose statements change the catalog alone goes to PostgreSQL
/// as one message, its success row and COMMIT included when nothing is
/// checked after it: one round trip where psql needs one per statement plus
/// BEGIN and COMMIT. What must not change: each migration commits alone, a
/// failure names the statement and line that failed (the driver reports
/// neither, so the runner runs the statements again one by one and rolls
/// back), and nothing of a failed migration remains. Read on the wire
/// (``PGWireRecorder``) and in the database.
@Suite(.serialized) struct OneMessageRunnerTests {
    /// A runner whose connection passes through a recorder; with
    /// `handWritten`, through a connection string without oeedb's
    /// `Protocol=7.4-1` (psqlODBC's statement-level rollback).
    func recordedRunner(_ db: TestDatabase, _ dir: URL, handWritten: Bool = false) throws -> (MigrationRunner, PGWireRecorder) {
        let url = try #require(URLComponents(string: db.url))
        let recorder = try PGWireRecorder(forwardingTo: UInt16(url.port ?? 5432))
        let conn = try db.connect(port: Int(recorder.port), handWritten: handWritten)
        return (MigrationRunner(connection: conn, dialect: PostgreSQLDialect(), directory: try MigrationDirectory.load(dir)), recorder)
    }

    func queries(_ recorder: PGWireRecorder, mentioning text: String) -> [String] {
        recorder.messages.compactMap(\.sql).filter { $0.contains(text) }
    }

    @Test(.needsPostgres, arguments: [false, true]) func aCatalogOnlyMigrationIsOneMessage(handWritten: Bool) throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "two", sql: """
            CREATE TABLE public.w2 (id int);
            COMMENT ON TABLE public.w2 IS 'two';
            CREATE INDEX ix_w2 ON public.w2 (id);

            """, snapshot: TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 3, name: "three", sql: """
            CREATE TABLE public.w3 (id int);
            INSERT INTO public.w3 VALUES (1);

            """, snapshot: TestMigrations.v1())
        let (runner, recorder) = try recordedRunner(db, dir, handWritten: handWritten)
        let report = try runner.migrate(.init(postChecks: false))
        #expect(report.applied.map(\.version) == [1, 2, 3])
        let two = queries(recorder, mentioning: "w2")
        #expect(two.count == 1, "\(two)")
        #expect(two.first?.contains("\"schema_history\"") == true && two.first?.hasSuffix("COMMIT;") == true, "\(two)")
        // Data, not catalog alone: statement by statement, as before.
        #expect(queries(recorder, mentioning: "w3").count == 2, "\(queries(recorder, mentioning: "w3"))")
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT string_agg(version::text || ':' || success::text, ',' ORDER BY version) FROM oeedb.schema_history;") == "1:true,2:true,3:true")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE execution_ms >= 0;") == "3")
        #expect(try conn.scalar("SELECT obj_description('public.w2'::regclass, 'pg_class');") == "two")
        #expect(try conn.scalar("SELECT count(*) FROM pg_indexes WHERE indexname = 'ix_w2';") == "1")
        if !handWritten {
            // V0002: one round trip on the wire (psql: BEGIN, three statements, COMMIT).
            let first = try #require(recorder.messages.firstIndex { $0.sql?.contains("w2") == true })
            let after = recorder.messages[(first + 1)...].firstIndex { $0.sql?.contains("w3") == true } ?? recorder.messages.endIndex
            #expect(recorder.messages[(first + 1)..<after].allSatisfy { $0.type != "Q" && $0.type != "S" }, "\(recorder.messages[first..<after])")
        }
    }

    struct Failing: Sendable, CustomTestStringConvertible {
        var sql: String
        var batch: Int
        var marker: String
        var sqlState: String
        var testDescription: String { "statement \(batch) [\(sqlState)]" }
    }

    static let failing: [Failing] = [
        Failing(sql: "CREATE TABLE public.f (id int);\nCOMMENT ON TABLE public.f IS 'f';\nCOMMENT ON TABLE public.nope IS 'x';\nCREATE TABLE public.g (id int);\n",
                batch: 3, marker: "public.nope", sqlState: "42P01"),
        // A syntax error fails the whole message before anything runs.
        Failing(sql: "CREATE TABLE public.f (id int);\n\nCOMMENT ON TABLE public.f IS 'f' junk;\nCREATE TABLE public.g (id int);\n", batch: 2, marker: "junk", sqlState: "42601"),
        Failing(sql: "CREATE TABLE public.f (id int, id int);\nCREATE TABLE public.g (id int);\n", batch: 1, marker: "public.f", sqlState: "42701"),
    ]

    @Test(.needsPostgres, arguments: failing) func aFailureNamesItsStatementAndLine(_ failing: Failing) throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "broken", sql: failing.sql, snapshot: TestMigrations.v1())
        let text = try String(contentsOf: dir.appendingPathComponent("V0002__broken.sql"), encoding: .utf8)
        let line = try #require(text.components(separatedBy: "\n").firstIndex { $0.contains(failing.marker) }) + 1
        let (runner, recorder) = try recordedRunner(db, dir)
        let error = try #require(throws: RunnerError.self) { try runner.migrate(.init(postChecks: false)) }
        #expect(error.migration == "V0002__broken")
        #expect(error.batch == failing.batch)
        #expect(error.line == line)
        #expect(error.sqlState == failing.sqlState)
        #expect(error.applied.map(\.version) == [1])
        // Sent once as one message, then statement by statement up to the failing one.
        let sent = queries(recorder, mentioning: failing.marker)
        #expect(sent.count == 2 && sent.first?.contains("public.g") == true, "\(sent)")
        #expect(!recorder.messages.contains { $0.sql?.contains("public.g") == true && $0.sql?.contains("public.f") == false }, "nothing after the failing statement ran again")
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname IN ('f', 'g');") == "0")
        #expect(try conn.scalar("SELECT string_agg(version::text || ':' || success::text, ',' ORDER BY version) FROM oeedb.schema_history;") == "1:true,2:false")
    }

    /// Every statement passes when run again: what failed was the success
    /// row (here a DBA's trigger on the history refuses it). Reported like a
    /// failing COMMIT, with no statement, and the migration left nothing.
    @Test(.needsPostgres) func aRefusedSuccessRowNamesNoStatement() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        _ = try db.runner(dir).migrate(.init(postChecks: false))
        let conn = try db.connect()
        try conn.execute("""
            CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN IF NEW.version = 2 AND NEW.success THEN RAISE EXCEPTION 'history refuses version 2'; END IF; RETURN NEW; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON oeedb.schema_history FOR EACH ROW EXECUTE FUNCTION public.refuse();
            """)
        try TestMigrations.addHandWritten(dir, version: 2, name: "two", sql: "CREATE TABLE public.r (id int);\nCOMMENT ON TABLE public.r IS 'r';\n", snapshot: TestMigrations.v1())
        let error = try #require(throws: RunnerError.self) { try db.runner(dir).migrate(.init(postChecks: false)) }
        #expect(error.message.contains("history refuses version 2"), "\(error.message)")
        #expect(error.batch == nil && error.line == nil)
        #expect(error.sqlState == "P0001")
        #expect(try conn.scalar("SELECT count(*) FROM pg_class WHERE relname = 'r';") == "0")
        #expect(try conn.scalar("SELECT string_agg(version::text || ':' || success::text, ',' ORDER BY version) FROM oeedb.schema_history;") == "1:true,2:false")
    }

    /// Dollar-quoted bodies with `;` and the jsonb `?` operator reach the
    /// server intact inside the one message (psqlODBC scans it for parameter
    /// markers; none is bound).
    @Test(.needsPostgres) func functionBodiesSurviveTheOneMessage() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "fn", sql: """
            CREATE FUNCTION public.has_k(a jsonb) RETURNS boolean LANGUAGE sql AS $$ SELECT a ? 'k'; $$;
            CREATE FUNCTION public.two() RETURNS int LANGUAGE plpgsql AS $body$ BEGIN RETURN 2; END; $body$;
            COMMENT ON FUNCTION public.has_k(jsonb) IS 'has k?; or not';

            """, snapshot: TestMigrations.v1())
        let (runner, recorder) = try recordedRunner(db, dir)
        _ = try runner.migrate(.init(postChecks: false))
        #expect(queries(recorder, mentioning: "has_k").count == 1)
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT public.has_k('{\"k\": 1}'::jsonb)::text || public.two()::text;") == "true2")
        #expect(try conn.scalar("SELECT obj_description('public.has_k(jsonb)'::regprocedure, 'pg_proc');") == "has k?; or not")
    }

    /// A lock timeout is not run again to find its statement (that would
    /// queue for the same locks); the runner retries the whole message, as
    /// it retries any migration, and gives up with its usual advice.
    @Test(.needsPostgres) func aLockTimeoutRetriesTheMessageWithoutRunningItAgainStatementByStatement() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        _ = try db.runner(dir).migrate(.init(postChecks: false))
        try TestMigrations.addHandWritten(dir, version: 2, name: "locked", sql: "CREATE TABLE public.z (id int);\nCOMMENT ON TABLE ref.site IS 'x';\n", snapshot: TestMigrations.v1())
        let blocker = try db.connect()
        try blocker.setAutocommit(false)
        try blocker.execute("LOCK TABLE ref.site IN ACCESS EXCLUSIVE MODE;")
        defer { try? blocker.rollback() }
        let (runner, recorder) = try recordedRunner(db, dir)
        runner.lockRetry = LockRetryPolicy(timeoutMilliseconds: 100, retries: 1, backoffMilliseconds: 50)
        let error = try #require(throws: RunnerError.self) { try runner.migrate(.init(postChecks: false)) }
        #expect(error.sqlState == "55P03")
        #expect(error.message.contains("gave up after 2 attempt(s)"), "\(error.message)")
        let sent = queries(recorder, mentioning: "public.z")
        #expect(sent.count == 2 && sent.allSatisfy { $0.contains("ref.site") }, "\(sent)")
    }
}
