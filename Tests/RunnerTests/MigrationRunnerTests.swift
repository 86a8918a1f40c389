import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEDSL
import Migrations
@testable import Runner

@Suite(.serialized) struct MigrationRunnerTests {
    @Test(.needsPostgres)
    func freshApplyThenSecondRunIsANoOp() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.generate(dir, TestMigrations.edit(TestMigrations.v1(), "site") { $0.columns.append(Column("note", .text100, "Note").nullable()) }, name: "note")
        let first = try db.runner(dir).migrate()
        #expect(first.applied.map(\.version) == [1, 2])
        #expect(first.applied.allSatisfy { $0.postChecks > 0 })
        let second = try db.runner(dir).migrate()
        #expect(second.applied.isEmpty && second.upToDate)
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate(.init(target: 1)) }
        let statuses = try db.runner(dir).status()
        #expect(statuses.map(\.state) == [.applied, .applied])
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE success") == "2")
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'ref' AND table_name = 'site' AND column_name = 'note'") == "1")
    }

    @Test(.needsPostgres)
    func failingMigrationLeavesNoPartialObjectsAndNoSuccessRow() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "broken", sql: """
            CREATE TABLE ref.partial (id int);
            INSERT INTO ref.site (site_id, code) VALUES (1, 'A');
            SELECT 1 / 0;
            """, snapshot: TestMigrations.v1())
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate() }
        do { _ = try db.runner(dir).migrate() } catch let e as RunnerError {
            #expect(e.migration == "V0002__broken")
            #expect(e.batch == 3)
            #expect(e.sqlState == "22012")
            #expect(e.line != nil)
        }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT to_regclass('ref.partial') IS NULL") == "1")
        #expect(try conn.scalar("SELECT count(*) FROM ref.site") == "0")
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE version = 2 AND success") == "0")
        #expect(try db.runner(dir).status().map(\.state) == [.applied, .failed])
    }

    @Test(.needsPostgres)
    func migrationFailingOutsideATransactionIsNotRerunBlindly() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        try TestMigrations.addHandWritten(dir, version: 2, name: "no_tx", sql: "CREATE TABLE ref.half (id int);\nSELECT 1 / 0;\n",
                                          snapshot: TestMigrations.v1(), transaction: false)
        #expect(throws: RunnerError.self) { try db.runner(dir).migrate() }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT to_regclass('ref.half') IS NOT NULL") == "1")   // committed before the failure
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected a refusal")
        } catch let e as RunnerError {
            #expect(e.message.contains("failed part-way outside a transaction"))
        }
        #expect(try conn.scalar("SELECT count(*) FROM oeedb.schema_history WHERE version = 2 AND success") == "0")
    }

    @Test(.needsPostgres)
    func tamperedAppliedFileStopsMigrate() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        _ = try db.runner(dir).migrate()
        let file = dir.appendingPathComponent("V0001__baseline.sql")
        try (String(contentsOf: file, encoding: .utf8) + "\n-- edited\n").write(to: file, atomically: true, encoding: .utf8)
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected a refusal")
        } catch let e as RunnerError {
            #expect(e.message.contains("V0001__baseline.sql: changed after it was generated"))
        }
        // Even with a re-hashed integrity file, the history checksum catches it.
        try MigrationDirectory.load(dir).writeIntegrity()
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected a refusal")
        } catch let e as RunnerError {
            #expect(e.message.contains("V0001__baseline.sql changed after it was applied"))
        }
        #expect(try db.runner(dir).validate().contains { $0.contains("checksum differs") })
    }

    @Test(.needsPostgres)
    func preChecksFireOnViolatingDataAndPassOnCleanData() throws {
        let v1 = TestMigrations.v1()
        let v2 = TestMigrations.edit(v1, "machine") { t in
            t.columns[2].isNullable = false                       // NOT NULL → no NULLs
            t.columns[3].type = .smallint                          // narrowing → values fit
            t.uniqueConstraints.append(Unique("uq_machine_name", "name"))   // no duplicates
            t.checks.append(Check("ck_machine_qty", col("qty") >= 0))        // no violations
        }
        let cases: [(String, String)] = [
            ("no_nulls", "INSERT INTO ref.machine (site_id, name, qty) VALUES (1, NULL, 1)"),
            ("values_fit", "INSERT INTO ref.machine (site_id, name, qty) VALUES (1, 'a', 70000)"),
            ("no_duplicates", "INSERT INTO ref.machine (site_id, name, qty) VALUES (1, 'a', 1), (1, 'a', 2)"),
            ("no_violations", "INSERT INTO ref.machine (site_id, name, qty) VALUES (1, 'a', -5)"),
        ]
        for (check, bad) in cases {
            let db = try #require(try TestDatabase.make())
            let dir = try TestMigrations.temporaryDirectory()
            try TestMigrations.generate(dir, v1)
            _ = try db.runner(dir).migrate()
            let conn = try db.connect()
            try conn.execute("INSERT INTO ref.site VALUES (1, 'A')")
            try conn.execute(bad)
            try TestMigrations.generate(dir, v2, name: "tighten")
            do {
                _ = try db.runner(dir).migrate()
                Issue.record("\(check): expected the pre-check to fire")
            } catch let e as RunnerError {
                #expect(e.message.contains("pre-check '\(check)"), "\(check): \(e)")
            }
            try conn.execute("DELETE FROM ref.machine")
            let report = try db.runner(dir).migrate()
            #expect(report.applied.map(\.version) == [2], "\(check)")
        }
    }

    /// v1 with a site filter on ref.machine; the policy declares the
    /// maintenance session (`is_global` = 1) unless `maintenance` is false.
    static func rlsModel(nameRequired: Bool = false, maintenance: Bool = true) -> Database {
        var db = TestMigrations.edit(TestMigrations.v1(), "machine") { $0.columns[2].isNullable = !nameRequired }
        db.schemas[0].functions.append(InlineFunction(
            "fn_site_filter", parameters: [.init("site_id", .smallint)],
            where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
                || Expression.sessionContext("is_global").cast(as: .bit).equals(true)))
        let policy = SecurityPolicy("site_policy") { SecurityPredicate.filter("ref.fn_site_filter", "site_id", on: "ref.machine") }
        db.schemas[0].securityPolicies.append(maintenance ? policy.maintenanceSession("is_global", "1") : policy)
        return db
    }

    @Test(.needsPostgres, arguments: [true, false])
    func preChecksSeeRowsHiddenByRowLevelSecurity(maintenance: Bool) throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, Self.rlsModel(maintenance: maintenance))
        _ = try db.runner(dir).migrate()
        let conn = try db.connect()
        // The policy (FORCE ROW LEVEL SECURITY) applies to the migrating role
        // too: only a session marked global sees (or writes) any row.
        try conn.execute("INSERT INTO ref.site VALUES (1, 'A')")
        try conn.execute("SELECT set_config('oeedb.is_global', '1', false)")
        try conn.execute("INSERT INTO ref.machine (site_id, name, qty) VALUES (1, NULL, 1)")
        try conn.execute("SELECT set_config('oeedb.is_global', '', false)")
        #expect(try conn.scalar("SELECT count(*) FROM ref.machine") == "0")   // hidden from this session
        try TestMigrations.generate(dir, Self.rlsModel(nameRequired: true, maintenance: maintenance), name: "name_required")
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected the migration to fail")
        } catch let e as RunnerError {
            if maintenance {
                // The session the model declares lets the pre-check see the hidden NULL.
                #expect(e.message.contains("pre-check 'no_nulls_ref_machine_name' failed"), "\(e)")
            } else {
                // The runner sets nothing of its own: the check sees no row, the engine refuses.
                #expect(!e.message.contains("pre-check"), "\(e)")
                #expect(e.message.contains("contains null values"), "\(e)")
            }
        }
    }

    @Test(.needsPostgres)
    func postCheckCatchesSQLThatDoesNotProduceItsSnapshot() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        let v2 = TestMigrations.edit(TestMigrations.v1(), "site") { $0.columns.append(Column("note", .text100, "Note").nullable()) }
        // The SQL adds a differently named column than the snapshot says.
        try TestMigrations.addHandWritten(dir, version: 2, name: "lying", sql: "ALTER TABLE ref.site ADD COLUMN remark varchar(100);\n", snapshot: v2)
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected the post-check to fail")
        } catch let e as RunnerError {
            #expect(e.message.contains("post-check failed"))
            // The drift reader's items, restricted to the touched table.
            #expect(e.message.contains("ref.site.note: missing column"), "\(e)")
            #expect(e.message.contains("ref.site.remark: extra column"), "\(e)")
        }
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT count(*) FROM information_schema.columns WHERE table_name = 'site' AND column_name = 'remark'") == "0")
    }

    /// The post-check's prepared catalog statements live in the session; a
    /// migration that deallocates them (any mention of DEALLOCATE or
    /// DISCARD) gets them prepared again, and every post-check still runs.
    @Test(.needsPostgres)
    func postChecksSurviveAMigrationThatDeallocatesPreparedStatements() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        let v2 = TestMigrations.edit(TestMigrations.v1(), "site") { $0.columns.append(Column("note", .text100, "Note").nullable()) }
        try TestMigrations.addHandWritten(dir, version: 2, name: "deallocate", sql: "DEALLOCATE ALL;\nALTER TABLE ref.site ADD COLUMN note varchar(100);\nCOMMENT ON COLUMN ref.site.note IS 'Note';\n", snapshot: v2)
        let v3 = TestMigrations.edit(v2, "site") { $0.columns.append(Column("remark", .text100, "Remark").nullable()) }
        try TestMigrations.addHandWritten(dir, version: 3, name: "lying", sql: "ALTER TABLE ref.site ADD COLUMN other varchar(100);\n", snapshot: v3)
        do {
            _ = try db.runner(dir).migrate()
            Issue.record("expected the post-check of V3 to fail")
        } catch let e as RunnerError {
            // V1 and V2 applied and post-checked; V3's post-check read the catalog and failed on its difference.
            #expect(e.applied.map(\.version) == [1, 2])
            #expect(e.applied.allSatisfy { $0.postChecks > 0 })
            #expect(e.message.contains("post-check failed"), "\(e)")
            #expect(e.message.contains("ref.site.remark: missing column"), "\(e)")
        }
        #expect(MigrationRunner.mayDeallocate("discard all;"))
        #expect(MigrationRunner.mayDeallocate("EXECUTE 'DEALLOCATE x'"))
        #expect(!MigrationRunner.mayDeallocate("ALTER TABLE t ADD COLUMN c int;"))
    }

    @Test(.needsPostgres)
    func baselineMarksWithoutRunning() throws {
        let db = try #require(try TestDatabase.make())
        let dir = try TestMigrations.temporaryDirectory()
        try TestMigrations.generate(dir, TestMigrations.v1())
        #expect(try db.runner(dir).baseline(version: 1) == ["V0001__baseline"])
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT to_regclass('ref.site') IS NULL") == "1")
        #expect(try db.runner(dir).status().map(\.state) == [.applied])
        #expect(throws: RunnerError.self) { try db.runner(dir).baseline(version: 1) }
    }
}

extension SQLType {
    static let text100: SQLType = .varchar(.n(100))
}
