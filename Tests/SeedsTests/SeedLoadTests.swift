import Foundation
import Testing
import OEETestSupport
import ODBC
import OEEModel
@testable import Seeds

/// Loads against a real PostgreSQL database holding the canonical `ref` schema.
@Suite(.serialized) struct SeedLoadTests {
    let standardCounts = ["ref.enterprise": 1, "ref.loss_bucket": 10, "ref.reason_code": 36, "ref.state_code": 12, "ref.event_type": 14]

    @Test(.needsPostgres)
    func firstLoadInsertsEverythingAndSecondLoadChangesNothing() throws {
        let db = try #require(try SeedTestDatabase.make())
        let first = try db.seed()
        #expect(first.counts == standardCounts.mapValues { [$0, 0, 0, 0, 0] })
        for (table, rows) in standardCounts { #expect(try db.count(table) == rows, "\(table)") }
        let second = try db.seed()
        #expect(second.counts == standardCounts.mapValues { [0, 0, $0, 0, 0] })
        #expect(!second.changesSomething)
        // Values round-trip exactly: booleans, NULLs, quotes.
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT parent_id FROM ref.reason_code WHERE code = 'UD.MECH'") == "13")
        #expect(try conn.scalar("SELECT count(*) FROM ref.reason_code WHERE site_id IS NULL AND auto_only") == "4")
        #expect(try conn.scalar("SELECT description FROM ref.event_type WHERE code = 'SHIFT_START'") == "A shift started on the machine's line: payload_json holds the shift instance id")
        #expect(try conn.scalar("SELECT count(*) FROM ref.loss_bucket WHERE six_big_loss IS NULL") == "3")
    }

    @Test(.needsPostgres)
    func anEditedRowIsUpdatedAndOnlyThatRow() throws {
        let db = try #require(try SeedTestDatabase.make())
        try db.seed()
        let dir = try SeedFixtures.copy()
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "4,SETUP,Setup and changeover,A,2,1,1", with: "4,SETUP,Setup / changeover,A,2,1,1")
        try SeedFixtures.edit(dir, "standard/ref.state_code.csv", replacing: "3,IDLE,0,\n", with: "3,IDLE,0,28\n")
        let dry = try db.seed(in: dir, dryRun: true)
        #expect(dry.table("ref.loss_bucket")?.updates.map(\.changes) == [[ColumnChange(column: "name", old: .text("Setup and changeover"), new: .text("Setup / changeover"))]])
        #expect(try db.connect().scalar("SELECT name FROM ref.loss_bucket WHERE loss_bucket_id = 4") == "Setup and changeover")
        let plan = try db.seed(in: dir)
        #expect(plan.counts["ref.loss_bucket"] == [0, 1, 9, 0, 0])
        #expect(plan.counts["ref.state_code"] == [0, 1, 11, 0, 0])
        #expect(plan.counts["ref.reason_code"] == [0, 0, 36, 0, 0])
        let conn = try db.connect()
        #expect(try conn.scalar("SELECT name FROM ref.loss_bucket WHERE loss_bucket_id = 4") == "Setup / changeover")
        #expect(try conn.scalar("SELECT default_reason_code_id FROM ref.state_code WHERE name = 'IDLE'") == "28")
        #expect(try db.seed(in: dir).changesSomething == false)
    }

    @Test(.needsPostgres)
    func badFilesAreRejectedWithLocationsAndNothingIsWritten() throws {
        let db = try #require(try SeedTestDatabase.make())
        let dir = try SeedFixtures.copy()
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "7,REDUCED_SPEED", with: "seven,REDUCED_SPEED")
        try SeedFixtures.edit(dir, "standard/ref.loss_bucket.csv", replacing: "9,STARTUP_REJECT", with: "8,STARTUP_REJECT")
        try SeedFixtures.edit(dir, "standard/ref.reason_code.csv", replacing: "15,1,,13,UD.ELEC", with: "15,1,,99,UD.ELEC")
        try SeedFixtures.edit(dir, "standard/ref.event_type.csv", replacing: "event_type,code,description", with: "event_type,code")
        do {
            try db.seed(in: dir)
            Issue.record("expected the seed to be rejected")
        } catch let e as SeedValidationError {
            let file = dir.root + "/standard/"
            #expect(e.diagnostics.map(\.description) == [
                file + "ref.event_type.csv:1: missing column 'description': it is NOT NULL and has no default",
                file + "ref.loss_bucket.csv:8:loss_bucket_id: 'seven' is not an integer (tinyint)",
                file + "ref.loss_bucket.csv:10:loss_bucket_id: duplicate key loss_bucket_id=8; first at \(file)ref.loss_bucket.csv:9",
                file + "ref.reason_code.csv:16:parent_id: no ref.reason_code row with reason_code_id=99 in the seed set or the database (fk_reason_code_parent)",
                file + "ref.reason_code.csv:30:loss_bucket_id: no ref.loss_bucket row with loss_bucket_id=7 in the seed set or the database (fk_reason_code_loss_bucket)",
                file + "ref.reason_code.csv:31:loss_bucket_id: no ref.loss_bucket row with loss_bucket_id=7 in the seed set or the database (fk_reason_code_loss_bucket)",
                file + "ref.reason_code.csv:32:loss_bucket_id: no ref.loss_bucket row with loss_bucket_id=9 in the seed set or the database (fk_reason_code_loss_bucket)",
                file + "ref.reason_code.csv:33:loss_bucket_id: no ref.loss_bucket row with loss_bucket_id=9 in the seed set or the database (fk_reason_code_loss_bucket)",
                file + "ref.reason_code.csv:34:loss_bucket_id: no ref.loss_bucket row with loss_bucket_id=9 in the seed set or the database (fk_reason_code_loss_bucket)",
            ])
        }
        for table in standardCounts.keys { #expect(try db.count(table) == 0, "\(table)") }
    }

    @Test(.needsPostgres)
    func extraRowsAreReportedAndDeletedOnlyWithPrune() throws {
        let db = try #require(try SeedTestDatabase.make())
        try db.seed()
        let conn = try db.connect()
        try conn.execute("INSERT INTO ref.event_type (event_type, code, description) VALUES (99, 'CUSTOM', 'Site-specific event')")
        try conn.execute("""
            INSERT INTO ref.reason_code (reason_code_id, enterprise_id, parent_id, code, path, depth, name, loss_bucket_id, is_leaf)
            OVERRIDING SYSTEM VALUE VALUES (100, 1, 13, 'UD.LOCAL', '/UD/UD.LOCAL/', 1, 'Local group', 5, false),
                                           (101, 1, 100, 'UD.LOCAL.X', '/UD/UD.LOCAL/UD.LOCAL.X/', 2, 'Local leaf', 5, true)
            """)
        let kept = try db.seed()
        #expect(kept.counts["ref.event_type"] == [0, 0, 14, 1, 0])
        #expect(kept.table("ref.reason_code")?.extras == [SeedKey([.int(100)]), SeedKey([.int(101)])])
        #expect(try db.count("ref.event_type") == 15)
        let pruned = try db.seed(prune: true)
        #expect(pruned.counts["ref.event_type"] == [0, 0, 14, 1, 1])
        #expect(pruned.counts["ref.reason_code"] == [0, 0, 36, 2, 2])
        #expect(try db.count("ref.event_type") == 14)
        #expect(try db.count("ref.reason_code") == 36)
        #expect(try db.seed(prune: true).changesSomething == false)
    }

    @Test(.needsPostgres)
    func demoSetNeedsTheStandardSetAndKeepsIdentitiesUsable() throws {
        let db = try #require(try SeedTestDatabase.make())
        do {
            try db.seed(["demo"])
            Issue.record("the demo set alone should miss its reason codes")
        } catch let e as SeedValidationError {
            #expect(e.diagnostics.count == 15)
            #expect(e.diagnostics.allSatisfy { $0.column == "reason_code_id" && $0.message.contains("fk_shift_break_reason_code") })
        }
        #expect(try db.count("ref.site") == 0)
        let both = try db.seed(["standard", "demo"])
        #expect(both.counts["ref.enterprise"] == [2, 0, 0, 0, 0])
        #expect(both.counts["ref.shift_break"] == [15, 0, 0, 0, 0])
        #expect(both.counts["ref.machine_recipe_standard"] == [12, 0, 0, 0, 0])
        // Each set leaves the other's rows alone, even when pruning.
        let standard = try db.seed(prune: true)
        #expect(standard.counts["ref.enterprise"] == [0, 0, 1, 0, 0])
        let demo = try db.seed(["demo"], prune: true)
        #expect(demo.counts["ref.enterprise"] == [0, 0, 1, 0, 0])
        #expect(!demo.changesSomething)
        // Identity sequences were moved past the seeded keys.
        let conn = try db.connect()
        #expect(try conn.scalar("INSERT INTO ref.site (enterprise_id, code, name, tz_windows, tz_iana) VALUES (2, 'NEW', 'New site', 'UTC', 'Etc/UTC') RETURNING site_id") == "2")
        #expect(try conn.scalar("SELECT valid_to_utc FROM ref.machine_recipe_standard WHERE machine_id = 4 AND recipe_id = 3") == "2024-07-01 00:00:00")
        #expect(try conn.scalar("SELECT target_oee FROM ref.machine_recipe_standard WHERE machine_id = 1 AND recipe_id = 1") == "0.8500")
    }

    @Test(.needsPostgres)
    func siteScopedRowsLoadUnderTheCanonicalRowLevelSecurity() throws {
        let db = try #require(try SeedTestDatabase.make(model: Models.canonical))
        let first = try db.seed(["standard", "demo"])
        #expect(first.counts["ref.machine"] == [6, 0, 0, 0, 0])
        #expect(try db.seed(["standard", "demo"]).changesSomething == false)
        // The policy is forced on the owner too: a session without a site in
        // its context sees none of the site's rows; the loader's session was global.
        let conn = try db.connect()
        try conn.withTransaction { c in
            #expect(try c.scalar("SELECT count(*) FROM ref.machine") == "0")
            try c.execute("SELECT set_config('oeedb.site_id', '1', true)")
            #expect(try c.scalar("SELECT count(*) FROM ref.machine") == "6")
        }
    }

    @Test(.needsPostgres)
    func uniqueValuesTakenByOtherDatabaseRowsAreRejected() throws {
        let db = try #require(try SeedTestDatabase.make())
        try db.connect().execute("INSERT INTO ref.loss_bucket VALUES (42, 'SETUP', 'Local setup', 'A', 2, true, true)")
        do {
            try db.seed()
            Issue.record("expected a collision")
        } catch let e as SeedValidationError {
            #expect(e.diagnostics.map(\.message) == ["code='SETUP' is already used by the database row loss_bucket_id=42 (uq_loss_bucket_code); delete that row or run with --prune"])
        }
        #expect(try db.count("ref.reason_code") == 0)
        let pruned = try db.seed(prune: true)
        #expect(pruned.counts["ref.loss_bucket"] == [10, 0, 0, 1, 1])
    }

    @Test(.needsPostgres)
    func aFailingStatementRollsBackEverything() throws {
        let db = try #require(try SeedTestDatabase.make())
        // A trigger the seed cannot know about refuses one table's rows.
        let conn = try db.connect()
        try conn.execute("""
            CREATE FUNCTION ref.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER refuse BEFORE INSERT ON ref.event_type FOR EACH ROW EXECUTE FUNCTION ref.refuse();
            """)
        #expect(throws: ODBCError.self) { try db.seed() }
        for table in standardCounts.keys { #expect(try db.count(table) == 0, "\(table)") }
    }
}
