import OEEDSL
import OEEDiff
@testable import PostgreSQL

/// A plan of the snapshot tests that is also a valid migration of its `from`
/// model: `LiveDatabaseTests` creates `from` (its baseline), runs `seed`, the
/// plan and `check`, all in one transaction rolled back afterwards, on a real
/// PostgreSQL server. So every snapshot is known to execute, not just to read well.
struct PlanCase {
    var name: String
    var from: Database
    var to: Database
    var changes: [SchemaChange]
    /// SQL run after the baseline of `from`, before the plan.
    var seed = ""
    /// SQL run after the plan (assertions).
    var check = ""
    /// The SQLSTATE the plan must fail with (its one statement is then run
    /// through EXECUTE in a block catching exactly that error).
    var expectedError: String?

    init(_ name: String, from: Database = Fixture.database, to: Database? = nil, _ changes: [SchemaChange], seed: String = "", check: String = "", expectedError: String? = nil) {
        self.name = name
        self.from = from
        self.to = to ?? from
        self.changes = changes
        self.seed = seed
        self.check = check
        self.expectedError = expectedError
    }

    var plan: MigrationPlan { MigrationPlan(from: from, to: to, changes: changes) }
}

/// The snapshot tests' plans (error cases aside).
enum Cases {
    // MARK: Models the plans start from

    /// The fixture's schemas and partition objects, without tables, functions or policies.
    static var schemasOnly: Database {
        var db = Fixture.database
        for i in db.schemas.indices {
            db.schemas[i].tables = []
            db.schemas[i].functions = []
            db.schemas[i].securityPolicies = []
        }
        return db
    }

    static var withoutPolicies: Database {
        var db = Fixture.database
        db.schemas[2].securityPolicies = []
        return db
    }

    static var withoutSecurity: Database {
        var db = withoutPolicies
        db.schemas[2].functions = []
        return db
    }

    static var withoutIndexes: Database {
        var db = Fixture.database
        for s in db.schemas.indices {
            for t in db.schemas[s].tables.indices { db.schemas[s].tables[t].indexes = [] }
        }
        return db
    }

    static var withoutSample: Database {
        var db = Fixture.database
        db.schemas[1].tables.removeAll { $0.name == "sample" }
        return db
    }

    /// A table of one column per conversion.
    static let conversions = Database("oee") {
        Schema("ref") {
            Table("conv") {
                Column("id", .int)
                Column("b_to_smallint", .bit).nullable()
                Column("b_to_text", .bit).nullable()
                Column("n_to_bit", .decimal(precision: 5, scale: 1)).nullable()
                Column("t_to_bit", .varchar(.n(5))).nullable()
                Column("ts_to_tz", .datetime2(precision: 3)).nullable()
                Column("tz_to_ts", .datetimeoffset(precision: 0)).nullable()
                Column("widen", .nvarchar(.n(10)))
                Column("same", .smallint)
                PrimaryKey("pk_conv", "id")
            }
        }
    }

    static let pfLine = PartitionFunction(name: "pf_line", inputType: .int, range: .left, boundaries: .values([.int(100), .int(200)]))
    static let psLine = PartitionScheme("ps_line", function: "pf_line")
    static let lineStat = Table("line_stat") {
        Column("line_id", .int)
        Column("qty", .int)
        PrimaryKey("pk_line_stat", "line_id")
    }
    .partitioned(by: "ps_line", on: "line_id")
    static let byLine = Database("oee") {
        pfLine
        psLine
        Schema("agg") { lineStat }
    }
    static var byLineWithoutTable: Database {
        var db = byLine
        db.schemas[0].tables = []
        return db
    }

    static func day(_ text: String) -> Literal { Fixture.boundary(text + "T00:00:00") }

    // MARK: Tables

    static let schemas = PlanCase("schemas", from: Fixture.empty, [
        .createSchema("ref"), .createSchema("my \"odd\" schema"), .dropSchema("my \"odd\" schema"),
    ])

    static var createTable: PlanCase {
        PlanCase("create-table", from: schemasOnly, to: Fixture.database, [
            .createTable(Fixture.refSite, Fixture.site), .createTable(Fixture.refMachine, Fixture.machine),
        ])
    }

    static var createPartitionedTable: PlanCase {
        PlanCase("create-partitioned-table", from: schemasOnly, to: Fixture.database, [.createTable(Fixture.factCycle, Fixture.cycle)],
                 check: """
                     INSERT INTO fact.cycle (machine_id, start_ts, site_id, good_qty, scrap_qty, is_startup, payload_json)
                       VALUES (1, '2026-10-02 10:00', 1, 4, 1, true, '[1, 2]'), (1, '2026-09-01', 1, 0, 0, false, NULL);
                     DO $$ BEGIN
                       ASSERT (SELECT total_qty FROM fact.cycle WHERE good_qty = 4) = 5, 'generated column';
                       ASSERT (SELECT tableoid::regclass::text FROM fact.cycle WHERE good_qty = 4) = 'fact.cycle_p20261002', 'routing';
                       ASSERT (SELECT tableoid::regclass::text FROM fact.cycle WHERE good_qty = 0) = 'fact.cycle_pmin', 'MINVALUE range';
                       ASSERT (SELECT status FROM fact.cycle WHERE good_qty = 4) = 'open', 'default';
                     END $$;
                     """)
    }

    static let dropTable = PlanCase("drop-table", [
        .dropForeignKey(Fixture.factCycle, Fixture.cycle.foreignKeys[0]), .dropTable(Fixture.refMachine, Fixture.machine),
    ])

    static let renameTable = PlanCase("rename-table", [.renameTable(from: Fixture.refMachine, to: "equipment")])

    static let renamePartitionedTable = PlanCase("rename-partitioned-table", [.renameTable(from: Fixture.factCycle, to: "machine_cycle")],
        check: "DO $$ BEGIN ASSERT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'fact.machine_cycle'::regclass) = 4; ASSERT to_regclass('fact.machine_cycle_p20261003') IS NOT NULL; END $$;")

    // MARK: Columns

    static let addColumn = PlanCase("add-column", [
        .addColumn(Fixture.refSite, Column("is_test", .bit, "Test site").default("df_site_is_test", 0)),
        .addColumn(Fixture.refSite, Column("region", .nvarchar(.n(40))).nullable()),
        .addColumn(Fixture.factCycle, Column("net_qty", .int).computed(col("good_qty") - col("scrap_qty"), persisted: false)),
        .addColumn(Fixture.refSite, Column("row_guid", .uniqueidentifier).default("df_site_row_guid", .fn("NEWID"))),
    ], seed: "INSERT INTO ref.site (code, name) VALUES ('S1', 'Site 1');",
       check: "DO $$ BEGIN ASSERT (SELECT NOT is_test AND row_guid IS NOT NULL FROM ref.site); END $$;")

    static let dropColumn = PlanCase("drop-column", [.dropColumn(Fixture.refSite, Fixture.site.columns[5])])

    static var alterColumn: PlanCase {
        let conv = QualifiedName("ref", "conv")
        return PlanCase("alter-column", from: conversions, [
            .alterColumn(conv, from: Column("widen", .nvarchar(.n(10))), to: Column("widen", .nvarchar(.n(20)))),
            .alterColumn(conv, from: Column("widen", .nvarchar(.n(20))), to: Column("widen", .nvarchar(.max)).nullable()),
            .alterColumn(conv, from: Column("widen", .nvarchar(.max)).nullable(), to: Column("widen", .nvarchar(.max))),
            .alterColumn(conv, from: Column("same", .smallint), to: Column("same", .tinyint)),
            .alterColumn(conv, from: Column("b_to_smallint", .bit).nullable(), to: Column("b_to_smallint", .tinyint).nullable()),
            .alterColumn(conv, from: Column("b_to_text", .bit).nullable(), to: Column("b_to_text", .varchar(.n(5))).nullable()),
            .alterColumn(conv, from: Column("n_to_bit", .decimal(precision: 5, scale: 1)).nullable(), to: Column("n_to_bit", .bit).nullable()),
            .alterColumn(conv, from: Column("t_to_bit", .varchar(.n(5))).nullable(), to: Column("t_to_bit", .bit).nullable()),
            .alterColumn(conv, from: Column("ts_to_tz", .datetime2(precision: 3)).nullable(), to: Column("ts_to_tz", .datetimeoffset(precision: 3)).nullable()),
            .alterColumn(conv, from: Column("tz_to_ts", .datetimeoffset(precision: 0)).nullable(), to: Column("tz_to_ts", .datetime2(precision: 0)).nullable()),
        ], seed: """
            SET LOCAL TimeZone = 'America/New_York';
            INSERT INTO ref.conv VALUES
              (1, true, true, 0.4, 'true', '2026-01-01 10:00', '2026-01-01 10:00+00', 'x', 1),
              (2, false, false, 0, '0', NULL, NULL, 'y', 2),
              (3, NULL, NULL, NULL, NULL, NULL, NULL, 'z', 3);
            """, check: """
            DO $$ BEGIN
              ASSERT (SELECT b_to_smallint = 1 AND b_to_text = '1' AND n_to_bit AND t_to_bit FROM ref.conv WHERE id = 1), 'row 1';
              ASSERT (SELECT b_to_smallint = 0 AND b_to_text = '0' AND NOT n_to_bit AND NOT t_to_bit FROM ref.conv WHERE id = 2), 'row 2';
              ASSERT (SELECT b_to_smallint IS NULL AND b_to_text IS NULL AND n_to_bit IS NULL AND t_to_bit IS NULL FROM ref.conv WHERE id = 3), 'NULL stays NULL';
              ASSERT (SELECT ts_to_tz = '2026-01-01 10:00+00' FROM ref.conv WHERE id = 1), 'datetime2 becomes UTC, not the session zone';
              ASSERT (SELECT tz_to_ts = '2026-01-01 10:00' FROM ref.conv WHERE id = 1), 'datetimeoffset keeps its UTC time';
            END $$;
            """)
    }

    /// Narrowing refuses values that do not fit, as on SQL Server, instead of
    /// truncating them (no explicit `::varchar(2)` cast).
    static let narrowingRefused = PlanCase("narrowing-refused", from: conversions, [
        .alterColumn(QualifiedName("ref", "conv"), from: Column("widen", .nvarchar(.n(10))), to: Column("widen", .nvarchar(.n(2)))),
    ], seed: "INSERT INTO ref.conv (id, widen, same) VALUES (1, 'xyz', 1);", expectedError: "22001")

    static let renameColumn = PlanCase("rename-column", [.renameColumn(Fixture.refSite, from: "name", to: "display_name")])

    // MARK: Constraints

    static let primaryKeys = PlanCase("primary-keys", [
        .dropForeignKey(Fixture.refMachine, Fixture.machine.foreignKeys[0]),
        .dropPrimaryKey(Fixture.refSite, Fixture.site.primaryKey!),
        .addPrimaryKey(Fixture.refSite, PrimaryKey("pk_site", "site_id", clustered: false)),
        .dropPrimaryKey(Fixture.factCycle, Fixture.cycle.primaryKey!),
        .addPrimaryKey(Fixture.factCycle, Fixture.cycle.primaryKey!),
    ])

    static let uniques = PlanCase("uniques", [
        .dropUnique(Fixture.refSite, Fixture.site.uniqueConstraints[0]),
        .addUnique(Fixture.refSite, Unique("uq_site_code", "code", .desc("name"))),
    ])

    static let checks = PlanCase("checks", [
        .dropCheck(Fixture.refSite, Fixture.site.checks[0]),
        .addCheck(Fixture.refSite, Check("ck_site_code", col("code").notEquals("") && col("is_active").in([1, 0]))),
        .addCheck(Fixture.factCycle, Check("ck_cycle_startup", col("is_startup").equals(0) || col("good_qty") > 0)),
    ])

    /// A per-dialect raw expression: the postgres text is used as written, and runs.
    static let rawSQL = PlanCase("raw-sql", [
        .addCheck(Fixture.refSite, Check("ck_site_code_length", .sql(sqlserver: "LEN([code]) >= 2", postgres: "char_length(code) >= 2"))),
    ], check: """
        DO $t$ BEGIN
          INSERT INTO ref.site (site_id, code, name) VALUES (900, 'X', 'raw check');
          RAISE EXCEPTION 'raw-sql: the raw CHECK let a one-letter code in';
        EXCEPTION WHEN check_violation THEN
          IF SQLERRM NOT LIKE '%ck_site_code_length%' THEN RAISE; END IF;
        END $t$;
        """)

    static let foreignKeys = PlanCase("foreign-keys", [
        .dropForeignKey(Fixture.refMachine, Fixture.machine.foreignKeys[0]),
        .addForeignKey(Fixture.refMachine, ForeignKey("fk_machine_site", "site_id", references: "ref.site", onDelete: .cascade, onUpdate: .noAction)),
        .dropForeignKey(Fixture.factCycle, Fixture.cycle.foreignKeys[0]),
        .addForeignKey(Fixture.factCycle, ForeignKey("fk_cycle_machine", "machine_id", references: "ref.machine", onUpdate: .cascade)),
    ])

    static let defaults = PlanCase("defaults", [
        .dropDefault(Fixture.refSite, column: "is_active", DefaultConstraint(name: "df_site_is_active", expression: true)),
        .addDefault(Fixture.refSite, column: "is_active", DefaultConstraint(name: "df_site_is_active", expression: 0)),
        .addDefault(Fixture.refSite, column: "created_utc", DefaultConstraint(name: "df_site_created_utc", expression: .sysUTCDateTime)),
    ], check: "INSERT INTO ref.site (code, name) VALUES ('S', 'n'); DO $$ BEGIN ASSERT (SELECT NOT is_active FROM ref.site); END $$;")

    // MARK: Indexes

    static var createIndexes: PlanCase {
        PlanCase("create-index", from: withoutIndexes, to: Fixture.database, [
            .createIndex(Fixture.refMachine, Fixture.machine.indexes[0]),
            .createIndex(Fixture.factCycle, Fixture.cycle.indexes[0]),
            .createIndex(Fixture.refSite, Index("uix_site_name", on: "name", unique: true).filtered(col("is_active").equals(1))),
            .createIndex(Fixture.refMachine, Index("cix_machine_code", on: "code", clustered: true)),
            .createIndex(Fixture.refMachine, Index("ix_machine_code", on: "code").placed(onFilegroup: "fg_ix")),
        ], check: "DO $$ BEGIN ASSERT (SELECT count(*) FROM pg_indexes WHERE tablename = 'cycle_p20261001' AND indexname LIKE '%site_id%') = 1, 'index on the partitions'; END $$;")
    }

    static var columnstoreIndexes: PlanCase {
        PlanCase("columnstore-index", from: withoutIndexes, [
            .createIndex(Fixture.factSample, Fixture.sample.indexes[0]),
            .createIndex(Fixture.factSample, .nonclusteredColumnstore("ncci_sample", "machine_id", "value")),
            .dropIndex(Fixture.factSample, Fixture.sample.indexes[0]),
            .createIndex(Fixture.refMachine, Index("ix_machine_code", on: "code")),
        ])
    }

    static let dropIndex = PlanCase("drop-index", [.dropIndex(Fixture.refMachine, Fixture.machine.indexes[0])])

    static var recreateIndex: PlanCase {
        var to = Fixture.machine.indexes[0]
        to.included = []
        to.keys = ["site_id", "code"]
        return PlanCase("recreate-index", [.recreateIndex(Fixture.refMachine, from: Fixture.machine.indexes[0], to: to)])
    }

    static let renameIndex = PlanCase("rename-index", [
        .renameIndex(Fixture.refMachine, from: "ix_machine_site", to: "ix_machine_site_code"),
        .renameIndex(Fixture.factSample, from: "cci_sample", to: "cci_sample_2"),
    ])

    // MARK: Partitions

    static let createPartitionFunctionAndScheme = PlanCase("create-partition-function", from: Fixture.empty, [
        .createPartitionFunction(Fixture.pfDay),
        .createPartitionScheme(Fixture.psDay),
        .createPartitionFunction(PartitionFunction("pf_month", .date, .right, .months(from: "2026-01-31", count: 3))),
    ])

    static let dropPartitionFunctionAndScheme = PlanCase("drop-partition-function", [
        .dropTable(Fixture.factSample, Fixture.sample),
        .dropPartitionScheme(Fixture.psDay),
        .dropPartitionFunction(Fixture.pfDay),
    ])

    /// Rows in the ranges split and merged, checked afterwards.
    static let partitionRows = """
        INSERT INTO ref.site (site_id, code, name) VALUES (1, 'S1', 'Site 1');
        INSERT INTO ref.machine (machine_id, site_id, code) VALUES (1, 1, 'M1');
        INSERT INTO fact.cycle (machine_id, start_ts, site_id) VALUES
          (1, '2026-09-29 10:00', 1), (1, '2026-09-30 10:00', 1), (1, '2026-10-01 10:00', 1),
          (1, '2026-10-02 10:00', 1), (1, '2026-10-03 10:00', 1), (1, '2026-10-04 10:00', 1);
        INSERT INTO fact.sample VALUES (1, '2026-10-02 07:00', 1), (1, '2026-10-04 00:00', 2);
        """

    static let splitRange = PlanCase("split-range", [
        .splitRange(function: "pf_day", schemes: ["ps_day"], boundary: day("2026-10-04")),
        .splitRange(function: "pf_day", schemes: ["ps_day"], boundary: day("2026-09-30")),
        .splitRange(function: "pf_day", schemes: ["ps_day"], boundary: Fixture.boundary("2026-10-02T06:30:00")),
    ], seed: partitionRows, check: """
        DO $$ BEGIN
          ASSERT (SELECT count(*) FROM fact.cycle) = 6, 'rows kept';
          ASSERT (SELECT count(*) FROM fact.cycle_pmin) = 1 AND (SELECT count(*) FROM fact.cycle_p20260930) = 1, 'first range split';
          ASSERT (SELECT count(*) FROM fact.cycle_p20261002_063000) = 1 AND (SELECT count(*) FROM fact.cycle_p20261002) = 0, 'middle range split';
          ASSERT (SELECT count(*) FROM fact.cycle_p20261004) = 1 AND (SELECT count(*) FROM fact.sample_p20261004) = 1, 'last range split';
          ASSERT (SELECT count(*) FROM fact.sample_p20261002_063000) = 1, 'sample routed';
        END $$;
        """)

    static let mergeRange = PlanCase("merge-range", [
        .mergeRange(function: "pf_day", boundary: day("2026-10-01")),
        .mergeRange(function: "pf_day", boundary: day("2026-10-03")),
    ], seed: partitionRows, check: """
        DO $$ BEGIN
          ASSERT (SELECT count(*) FROM fact.cycle) = 6, 'rows kept';
          ASSERT (SELECT count(*) FROM fact.cycle_pmin) = 3 AND (SELECT count(*) FROM fact.cycle_p20261002) = 3, 'merged';
          ASSERT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'fact.cycle'::regclass) = 2, 'two partitions left';
        END $$;
        """)

    static var tableCreatedBetweenSplitAndMerge: PlanCase {
        PlanCase("split-create-merge", from: withoutSample, to: Fixture.database, [
            .splitRange(function: "pf_day", schemes: ["ps_day"], boundary: day("2026-10-04")),
            .createTable(Fixture.factSample, Fixture.sample),
            .mergeRange(function: "pf_day", boundary: day("2026-10-01")),
        ], check: "DO $$ BEGIN ASSERT (SELECT count(*) FROM pg_inherits WHERE inhparent = 'fact.sample'::regclass) = 4; END $$;")
    }

    static var rangeLeftInteger: PlanCase {
        PlanCase("range-left-integer", from: byLineWithoutTable, to: byLine, [
            .createTable(QualifiedName("agg", "line_stat"), lineStat),
            .splitRange(function: "pf_line", schemes: ["ps_line"], boundary: .int(150)),
            .mergeRange(function: "pf_line", boundary: .int(100)),
        ], check: """
            INSERT INTO agg.line_stat VALUES (150, 1), (151, 1), (200, 1), (201, 1);
            DO $$ BEGIN
              -- RANGE LEFT: a boundary belongs to the range below it.
              ASSERT (SELECT tableoid::regclass::text FROM agg.line_stat WHERE line_id = 150) = 'agg.line_stat_pmin';
              ASSERT (SELECT tableoid::regclass::text FROM agg.line_stat WHERE line_id = 151) = 'agg.line_stat_p151';
              ASSERT (SELECT tableoid::regclass::text FROM agg.line_stat WHERE line_id = 200) = 'agg.line_stat_p151';
              ASSERT (SELECT tableoid::regclass::text FROM agg.line_stat WHERE line_id = 201) = 'agg.line_stat_p201';
            END $$;
            """)
    }

    static var splitWithoutTables: PlanCase {
        let db = Database("oee") { Fixture.pfDay; Fixture.psDay }
        return PlanCase("split-without-tables", from: db, [.splitRange(function: "pf_day", schemes: ["ps_day"], boundary: day("2026-10-04"))])
    }

    // MARK: Security

    static var createFunction: PlanCase {
        PlanCase("create-function", from: withoutSecurity, to: Fixture.database, [.createFunction(Fixture.secFilter, Fixture.siteFilter)])
    }

    static var alterFunction: PlanCase {
        var to = Fixture.siteFilter
        to.predicate = param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
            || Expression.sessionContext("is_global").cast(as: .bit).equals(1)
        var renamed = to
        renamed.parameters = [.init("tenant_id", .int)]
        renamed.predicate = param("tenant_id").equals(Expression.sessionContext("site_id").cast(as: .int))
        return PlanCase("alter-function", [
            .dropSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy),
            .alterFunction(Fixture.secFilter, from: Fixture.siteFilter, to: to),
            .alterFunction(Fixture.secFilter, from: to, to: renamed),
        ], check: """
            SET LOCAL oeedb.site_id = '7';
            DO $$ BEGIN ASSERT sec.fn_site_filter(7) AND NOT sec.fn_site_filter(8); END $$;
            """)
    }

    static let dropFunction = PlanCase("drop-function", [
        .dropSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy), .dropFunction(Fixture.secFilter, Fixture.siteFilter),
    ])

    static var createSecurityPolicy: PlanCase {
        PlanCase("create-security-policy", from: withoutPolicies, to: Fixture.database, [.createSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy)])
    }

    static var blockOnlyPolicy: PlanCase {
        let policy = SecurityPolicy("write_policy") {
            SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "ref.machine")
            SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "ref.machine")
            SecurityPredicate.block(.blockBeforeUpdate, "sec.fn_site_filter", "site_id", on: "ref.machine")
            SecurityPredicate.block(.blockBeforeDelete, "sec.fn_site_filter", "site_id", on: "ref.machine")
        }
        return PlanCase("block-only-policy", from: withoutPolicies, [.createSecurityPolicy(QualifiedName("sec", "write_policy"), policy)])
    }

    static let dropSecurityPolicy = PlanCase("drop-security-policy", [.dropSecurityPolicy(Fixture.secPolicy, Fixture.sitePolicy)])

    static var addAndDropPredicates: PlanCase {
        let p = Fixture.sitePolicy.predicates
        return PlanCase("add-drop-predicates", [
            .dropSecurityPredicate(policy: Fixture.secPolicy, p[0]),
            .dropSecurityPredicate(policy: Fixture.secPolicy, p[1]),
            .dropSecurityPredicate(policy: Fixture.secPolicy, p[2]),
            .addSecurityPredicate(policy: Fixture.secPolicy, p[1]),
            .addSecurityPredicate(policy: Fixture.secPolicy, p[0]),
            .addSecurityPredicate(policy: Fixture.secPolicy, SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "ref.machine")),
        ], check: """
            DO $$ BEGIN
              ASSERT (SELECT array_agg(policyname::text ORDER BY policyname) FROM pg_policies WHERE tablename = 'cycle')
                = ARRAY['site_policy_block_insert', 'site_policy_filter'], 'cycle policies';
              ASSERT (SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = 'ref.machine'::regclass), 'machine RLS';
            END $$;
            """)
    }

    static let setSecurityPolicyState = PlanCase("set-security-policy-state", [
        .setSecurityPolicyState(Fixture.secPolicy, enabled: false),
        .setSecurityPolicyState(Fixture.secPolicy, enabled: true),
    ])

    static var createDisabledPolicy: PlanCase {
        var policy = Fixture.sitePolicy
        policy.isEnabled = false
        return PlanCase("create-disabled-policy", from: withoutPolicies, to: Fixture.database, [
            .createSecurityPolicy(Fixture.secPolicy, policy),
            .setSecurityPolicyState(Fixture.secPolicy, enabled: true),
        ])
    }

    // MARK: Descriptions

    static let descriptions = PlanCase("descriptions", [
        .setDescription(.schema("ref"), from: nil, to: "Hierarchy and master data"),
        .setDescription(.table(Fixture.refSite), from: nil, to: "A plant"),
        .setDescription(.column(Fixture.refSite, "code"), from: "Code", to: "Site's code"),
        .setDescription(.constraint(Fixture.refSite, "pk_site"), from: nil, to: "One row per site"),
        .setDescription(.index(Fixture.refMachine, "ix_machine_site"), from: nil, to: "Machines of a site"),
        .setDescription(.table(Fixture.refMachine), from: "A machine", to: nil),
        .setDescription(.function(Fixture.secFilter), from: nil, to: "Rows of the session's site"),
    ], check: "DO $$ BEGIN ASSERT obj_description('sec.fn_site_filter(smallint)'::regprocedure, 'pg_proc') = 'Rows of the session''s site'; END $$;")

    static let omittedDescriptions = PlanCase("omitted-descriptions", [
        .createSchema("x"),
        .setDescription(.partitionFunction("pf_day"), from: nil, to: "Daily"),
        .setDescription(.partitionScheme("ps_day"), from: nil, to: "Daily"),
        .setDescription(.index(Fixture.factSample, "cci_sample"), from: nil, to: "Columnstore"),
        .setDescription(.constraint(Fixture.refSite, "df_site_is_active"), from: nil, to: "Active by default"),
    ])

    /// Every runnable case, for the live run.
    static var all: [PlanCase] {
        [
            schemas, createTable, createPartitionedTable, dropTable, renameTable, renamePartitionedTable,
            addColumn, dropColumn, alterColumn, narrowingRefused, renameColumn,
            primaryKeys, uniques, checks, rawSQL, foreignKeys, defaults,
            createIndexes, columnstoreIndexes, dropIndex, recreateIndex, renameIndex,
            createPartitionFunctionAndScheme, dropPartitionFunctionAndScheme, splitRange, mergeRange,
            tableCreatedBetweenSplitAndMerge, rangeLeftInteger, splitWithoutTables,
            createFunction, alterFunction, dropFunction, createSecurityPolicy, blockOnlyPolicy, dropSecurityPolicy,
            addAndDropPredicates, setSecurityPolicyState, createDisabledPolicy,
            descriptions, omittedDescriptions,
        ]
    }

    /// One psql file running every case in its own rolled-back transaction.
    static func liveScript() throws -> String {
        let dialect = PostgreSQLDialect()
        var text = ""
        for (number, c) in all.enumerated() {
            // A plan with steps PostgreSQL refuses inside a transaction block
            // (CREATE INDEX CONCURRENTLY) runs as it would in production, outside
            // one, in a database of its own that is dropped afterwards.
            let ownDatabase = dialect.scriptText(try dialect.render(c.plan)).contains("CONCURRENTLY")
            let database = "oee_case_\(number)"
            if ownDatabase {
                text += "-- ===== case \(c.name) (outside a transaction, in its own database)\n"
                text += "\\set case_home :DBNAME\nCREATE DATABASE \(database);\n\\c \(database)\n"
            } else {
                text += "-- ===== case \(c.name)\nBEGIN;\n"
            }
            text += dialect.scriptText(try dialect.render(try Differ.baseline(c.from)))
            if !c.seed.isEmpty { text += "\n" + c.seed + "\n" }
            let script = try dialect.render(c.plan)
            if let state = c.expectedError {
                let statement = script.batches.map(\.sql).joined(separator: "\n")
                    .split(separator: "\n").filter { !$0.hasPrefix("--") }.joined(separator: "\n")
                text += """

                    DO $expect$ BEGIN
                      EXECUTE \(PGSQL.string(statement));
                      RAISE EXCEPTION 'case \(c.name): the plan ran; expected SQLSTATE \(state)';
                    EXCEPTION WHEN SQLSTATE '\(state)' THEN RAISE NOTICE 'case \(c.name): refused as expected: %', SQLERRM;
                    END $expect$;

                    """
            } else {
                text += "\n" + dialect.scriptText(script)
            }
            if !c.check.isEmpty { text += "\n" + c.check + "\n" }
            if ownDatabase {
                text += "\\echo case \(c.name): ok\n\\c :case_home\nDROP DATABASE \(database);\n\n"
            } else {
                text += "\\echo case \(c.name): ok\nROLLBACK;\n\n"
            }
        }
        return text
    }
}

/// Snapshots a case's whole script under `__Snapshots__/<file>/<test>.<case name>.sql`.
func assertSQL(
    _ c: PlanCase,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) throws {
    try assertSQL(c.changes, from: c.from, to: c.to, named: c.name, fileID: fileID, file: file, testName: testName, line: line, column: column)
}
