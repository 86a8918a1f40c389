import OEEDSL
import OEEDiff
@testable import PostgreSQL

/// A deployment history of the fixture database, run for real on PostgreSQL
/// by `LiveDatabaseTests` (through `scripts/pg-check.sh`) and snapshotted by
/// `DeploymentSnapshotTests`:
///
/// 1. the baseline, run as a plain (non-superuser) owner role;
/// 2. seed rows of two sites, in ranges that later SPLITs and MERGEs touch;
/// 3. v2, planned by the differ: slides the daily window (MERGE + SPLITs),
///    renames a partitioned table, a column and an index, widens a column
///    (its unique and check constraints are rebuilt),
///    adds a bit column, changes a default, and moves predicates (a table left
///    with block predicates only, another newly covered);
/// 4. checks of rows, partitions and row-level security as a plain role;
/// 5. v3, built by hand: SPLIT, MERGE, a table rename, the policy disabled and
///    re-enabled around predicate changes, a function change, an index rename;
/// 6. the same checks for v3.
enum LiveScenario {
    static let v1 = Fixture.database

    static var v2: Database {
        var db = v1
        db.partitionFunctions[0].boundaries = .days(from: "2026-10-02", count: 4)
        edit(&db, "fact", "sample") { t in t.name = "sensor_sample"; t.renamedFrom = "sample" }
        edit(&db, "ref", "site") { t in
            t.columns[2].name = "display_name"; t.columns[2].renamedFrom = "name"
            t.columns.append(Column("is_test", .bit, "1 for test sites").default("df_site_is_test", 0))
        }
        // (Not ref.machine.code: its index is renamed below, and a renamed index on
        // an altered column makes the differ emit both a drop and a rename of it.)
        edit(&db, "ref", "site") { t in t.columns[1].type = .nvarchar(.n(40)) }
        edit(&db, "ref", "machine") { t in
            t.indexes[0].name = "ix_machine_site_code"; t.indexes[0].renamedFrom = "ix_machine_site"
        }
        edit(&db, "fact", "cycle") { t in
            let i = t.columns.firstIndex { $0.name == "status" }!
            t.columns[i].defaultConstraint = DefaultConstraint(name: "df_cycle_status", expression: "new")
        }
        db.schemas[2].securityPolicies[0].predicates = [
            .block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle"),
            .block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.cycle"),
            .filter("sec.fn_site_filter", "site_id", on: "ref.machine"),
            .block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.machine"),
        ]
        return db
    }

    static var v3: Database {
        var db = v2
        db.partitionFunctions[0].boundaries = .values(
            ["2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06"].map { .string($0 + "T00:00:00", unicode: false) })
        edit(&db, "fact", "sensor_sample") { t in t.name = "sample_raw"; t.renamedFrom = "sensor_sample" }
        edit(&db, "ref", "machine") { t in t.indexes[0].name = "ix_machine_by_site"; t.indexes[0].renamedFrom = "ix_machine_site_code" }
        db.schemas[2].functions[0].predicate = param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
            || Expression.sessionContext("is_global").cast(as: .bit).equals(1)
        db.schemas[2].securityPolicies[0].predicates = [
            .filter("sec.fn_site_filter", "site_id", on: "fact.cycle"),
            .block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle"),
            .block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.cycle"),
            .filter("sec.fn_site_filter", "site_id", on: "ref.machine"),
        ]
        return db
    }

    /// v2 → v3 by hand, in an order the differ would not choose.
    static var v3Plan: MigrationPlan {
        let policy = Fixture.secPolicy
        return MigrationPlan(from: v2, to: v3, changes: [
            .splitRange(function: "pf_day", schemes: ["ps_day"], boundary: Fixture.boundary("2026-10-06T00:00:00")),
            .mergeRange(function: "pf_day", boundary: Fixture.boundary("2026-10-02T00:00:00")),
            .renameTable(from: QualifiedName("fact", "sensor_sample"), to: "sample_raw"),
            .renameIndex(Fixture.refMachine, from: "ix_machine_site_code", to: "ix_machine_by_site"),
            .setSecurityPolicyState(policy, enabled: false),
            .addSecurityPredicate(policy: policy, .filter("sec.fn_site_filter", "site_id", on: "fact.cycle")),
            .dropSecurityPredicate(policy: policy, .block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.machine")),
            .alterFunction(Fixture.secFilter, from: v2.schemas[2].functions[0], to: v3.schemas[2].functions[0]),
            .setSecurityPolicyState(policy, enabled: true),
            .setDescription(.table(QualifiedName("fact", "sample_raw")), from: "Raw sensor samples", to: "Raw sensor samples (renamed twice)"),
        ])
    }

    static func edit(_ db: inout Database, _ schema: String, _ table: String, _ change: (inout Table) -> Void) {
        let s = db.schemas.firstIndex { $0.name == schema }!
        let t = db.schemas[s].tables.firstIndex { $0.name == table }!
        change(&db.schemas[s].tables[t])
    }

    /// The files, in order, for `pg-check.sh`.
    static func files() throws -> [(name: String, text: String)] {
        let dialect = PostgreSQLDialect()
        func asOwner(_ plan: MigrationPlan) throws -> String {
            "-- run as the plain owner role, so FORCE ROW LEVEL SECURITY applies to it\nSET ROLE oee_owner;\n\n"
                + dialect.scriptText(try dialect.render(plan))
        }
        return [
            ("0-roles.sql", roles),
            ("1-baseline.sql", try asOwner(try Differ.baseline(v1))),
            ("2-seed.sql", seed),
            ("3-v2.sql", try asOwner(try Differ.plan(from: v1, to: v2))),
            ("4-verify-v2.sql", verifyV2),
            ("5-v3.sql", try asOwner(v3Plan)),
            ("6-verify-v3.sql", verifyV3),
        ]
    }

    static let roles = """
        -- oee_owner runs the migrations (owns every object, not a superuser);
        -- oee_app is the application (neither owner nor superuser).
        CREATE ROLE oee_owner NOLOGIN;
        CREATE ROLE oee_app NOLOGIN;
        DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO oee_owner', current_database()); END $$;

        """

    static let seed = """
        -- Superuser: bypasses row-level security.
        RESET ROLE;
        GRANT USAGE ON SCHEMA ref, fact, sec TO oee_app;
        INSERT INTO ref.site (site_id, code, name) VALUES (1, 'S1', 'Site 1'), (2, 'S2', 'Site 2');
        INSERT INTO ref.machine (machine_id, site_id, code) VALUES (1, 1, 'M1'), (2, 2, 'M2');
        INSERT INTO fact.cycle (machine_id, start_ts, site_id, good_qty, scrap_qty, payload_json) VALUES
          (1, '2026-09-30 10:00', 1, 5, 0, '{"ok":true}'), (2, '2026-10-01 10:00', 2, 6, 0, NULL),
          (1, '2026-10-02 10:00', 1, 7, 0, NULL), (2, '2026-10-03 23:00', 2, 8, 0, NULL),
          (1, '2026-10-05 12:00', 1, 9, 0, NULL), (1, '2026-10-07 10:00', 1, 10, 0, NULL);
        INSERT INTO fact.sample (machine_id, ts_utc, value) VALUES (1, '2026-10-01 10:00', 1.5), (2, '2026-10-06 10:00', 2.5);
        DO $$ BEGIN
          INSERT INTO fact.cycle (machine_id, start_ts, site_id, payload_json) VALUES (1, '2026-10-02', 1, '{oops');
          RAISE EXCEPTION 'invalid JSON accepted';
        EXCEPTION WHEN check_violation THEN NULL; END $$;
        DO $$ BEGIN
          ASSERT (SELECT total_qty FROM fact.cycle WHERE good_qty = 9) = 9, 'generated total_qty';
          ASSERT (SELECT bool_and(NOT is_startup) FROM fact.cycle), 'is_startup defaults to false';
          ASSERT (SELECT count(*) FROM fact.cycle_p20261003) = 3, 'the open last range holds 2026-10-03 and later';
        END $$;

        """

    static let verifyV2 = """
        RESET ROLE;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ref, fact, sec TO oee_app;
        DO $$
        DECLARE p text;
        BEGIN
          -- MERGE at 2026-10-01 and SPLITs at 2026-10-04/05 kept every row in its range.
          ASSERT (SELECT count(*) FROM fact.cycle) = 6, 'cycle rows lost';
          ASSERT (SELECT count(*) FROM fact.cycle_pmin) = 2, 'merged first range';
          SELECT tableoid::regclass::text INTO p FROM fact.cycle WHERE good_qty = 9; ASSERT p = 'fact.cycle_p20261005', p;
          SELECT tableoid::regclass::text INTO p FROM fact.cycle WHERE good_qty = 10; ASSERT p = 'fact.cycle_p20261005', p;
          ASSERT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'fact.cycle'::regclass) = 5, 'cycle partitions';
          -- The renamed partitioned table took its partitions along.
          SELECT tableoid::regclass::text INTO p FROM fact.sensor_sample WHERE value = 2.5; ASSERT p = 'fact.sensor_sample_p20261005', p;
          ASSERT NOT EXISTS (SELECT 1 FROM pg_class WHERE relkind = 'r' AND relname ~ '^sample_p|_split$|_merge$'), 'stale partitions';
          -- Identity continues after rows moved.
          INSERT INTO fact.cycle (machine_id, start_ts, site_id) VALUES (1, '2026-10-08', 1);
          -- (the failed insert of the seed consumed 7)
          ASSERT (SELECT cycle_id FROM fact.cycle WHERE start_ts = '2026-10-08') = 8, 'identity';
          ASSERT (SELECT status FROM fact.cycle WHERE start_ts = '2026-10-08') = 'new', 'changed default';
          ASSERT (SELECT bool_and(NOT is_test) FROM ref.site), 'bit default 0 is false';
          ASSERT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix_machine_site_code'), 'index renamed';
          ASSERT (SELECT character_maximum_length FROM information_schema.columns WHERE table_schema = 'ref' AND table_name = 'site' AND column_name = 'code') = 40, 'widened';
        END $$;
        SET ROLE oee_app;
        SET oeedb.site_id = '1';
        DO $$ BEGIN
          -- fact.cycle kept block predicates only: every row visible, other sites' rows not insertable.
          ASSERT (SELECT count(*) FROM fact.cycle) = 7, 'cycle: block-only table shows every row';
          BEGIN
            INSERT INTO fact.cycle (machine_id, start_ts, site_id) VALUES (2, '2026-10-08', 2);
            RAISE EXCEPTION 'inserted a site 2 cycle';
          EXCEPTION WHEN insufficient_privilege THEN NULL; END;
          -- ref.machine is newly filtered.
          ASSERT (SELECT count(*) FROM ref.machine) = 1, 'machine filter';
          BEGIN
            INSERT INTO ref.machine (site_id, code) VALUES (2, 'M9');
            RAISE EXCEPTION 'inserted a site 2 machine';
          EXCEPTION WHEN insufficient_privilege THEN NULL; END;
        END $$;

        """

    static let verifyV3 = """
        RESET ROLE;
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ref, fact, sec TO oee_app;
        DO $$
        DECLARE p text;
        BEGIN
          ASSERT (SELECT count(*) FROM fact.cycle) = 7, 'cycle rows lost';
          SELECT tableoid::regclass::text INTO p FROM fact.cycle WHERE start_ts = '2026-10-07 10:00'; ASSERT p = 'fact.cycle_p20261006', p;
          SELECT tableoid::regclass::text INTO p FROM fact.cycle WHERE start_ts = '2026-10-02 10:00'; ASSERT p = 'fact.cycle_pmin', p;
          SELECT tableoid::regclass::text INTO p FROM fact.sample_raw WHERE value = 2.5; ASSERT p = 'fact.sample_raw_p20261006', p;
          ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = 'fact.cycle'::regclass), 'RLS back on';
          ASSERT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'ix_machine_by_site'), 'index renamed';
        END $$;
        SET ROLE oee_app;
        SET oeedb.site_id = '1';
        DO $$ BEGIN
          ASSERT (SELECT count(*) FROM fact.cycle WHERE site_id <> 1) = 0, 'cycle filter back';
          ASSERT (SELECT count(*) FROM fact.cycle) = 5, 'site 1 cycles';
          -- ref.machine lost its block predicate: a filter alone lets other sites' rows in (as on SQL Server).
          INSERT INTO ref.machine (site_id, code) VALUES (2, 'M9');
          ASSERT (SELECT count(*) FROM ref.machine) = 1, 'inserted row is filtered out';
        END $$;
        SET oeedb.is_global = '1';
        DO $$ BEGIN ASSERT (SELECT count(*) FROM fact.cycle) = 7, 'global session sees every cycle'; END $$;

        """
}
