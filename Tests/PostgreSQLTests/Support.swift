import OEEDSL
import OEEDiff
import SnapshotTesting
@testable import PostgreSQL

/// A small OEE database: the models plans are rendered against (the SQL
/// Server tests' fixture, so the two dialects can be read side by side).
enum Fixture {
    static let pfDay = PartitionFunction("pf_day", .datetime2(precision: 3), .right, .days(from: "2026-10-01", count: 3), "Daily partitions")
    static let psDay = PartitionScheme("ps_day", function: "pf_day", "Daily partitions on PRIMARY")

    static let site = Table("site", "A plant") {
        Column("site_id", .smallint, "Surrogate key").identity()
        Column("code", .nvarchar(.n(20)), "Site code")
        Column("name", .nvarchar(.n(100)), "Display name")
        Column("is_active", .bit, "Whether the site reports").default("df_site_is_active", true)
        Column("created_utc", .datetime2(precision: 3)).default("df_site_created_utc", .sysUTCDateTime)
        Column("notes", .nvarchar(.max)).nullable()
        PrimaryKey("pk_site", "site_id")
        Unique("uq_site_code", "code")
        Check("ck_site_code", col("code").notEquals(.unicode("")))
    }

    static let machine = Table("machine", "A machine on a line") {
        Column("machine_id", .int).identity(seed: 1000, increment: 1)
        Column("site_id", .smallint)
        Column("code", .varchar(.n(32)))
        Column("ideal_cycle_s", .decimal(precision: 9, scale: 3)).default("df_machine_ideal_cycle_s", .decimal("60.000"))
        PrimaryKey("pk_machine", "machine_id")
        ForeignKey("fk_machine_site", "site_id", references: "ref.site", onDelete: .cascade)
        Index("ix_machine_site", on: "site_id", .desc("code")).including("ideal_cycle_s")
    }

    static let cycle = Table("cycle", "One machine cycle") {
        Column("machine_id", .int)
        Column("start_ts", .datetime2(precision: 3))
        Column("cycle_id", .bigint).identity()
        Column("site_id", .smallint)
        Column("end_ts", .datetime2(precision: 3)).nullable()
        Column("good_qty", .int).default("df_cycle_good_qty", 0)
        Column("scrap_qty", .int).default("df_cycle_scrap_qty", 0)
        Column("is_startup", .bit).default("df_cycle_is_startup", 0)
        Column("status", .varchar(.n(16))).default("df_cycle_status", "open")
        Column("payload_json", .nvarchar(.max)).nullable()
        Column("total_qty", .int).computed(col("good_qty") + col("scrap_qty"))
        PrimaryKey("pk_cycle", "machine_id", .desc("start_ts"), "cycle_id")
        ForeignKey("fk_cycle_machine", "machine_id", references: "ref.machine")
        Check("ck_cycle_end_after_start", col("end_ts").isNull || col("end_ts") >= col("start_ts"))
        Check("ck_cycle_qty", col("good_qty") >= 0 && col("scrap_qty") >= 0)
        Check("ck_cycle_startup_scrap", col("is_startup").equals(1) || col("scrap_qty").equals(0))
        Check("ck_cycle_payload_json", col("payload_json").isNull || Expression.fn("ISJSON", col("payload_json")).equals(1))
        Index("ix_cycle_open", on: "site_id", "machine_id")
            .including("status", "good_qty")
            .filtered(col("end_ts").isNull && col("status").in(["open", "paused"]))
            .compressed(.page)
    }
    .partitioned(by: "ps_day", on: "start_ts")
    .compressed(.page)

    static let sample = Table("sample", "Raw sensor samples") {
        Column("machine_id", .int)
        Column("ts_utc", .datetime2(precision: 3))
        Column("value", .float)
        Index.clusteredColumnstore("cci_sample")
    }
    .partitioned(by: "ps_day", on: "ts_utc")

    static let siteFilter = InlineFunction(
        "fn_site_filter", parameters: [.init("site_id", .smallint)],
        where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
            || Expression.fn("IS_MEMBER", .unicode("oee_admin")).equals(1),
        "Rows of the session's site")

    static let sitePolicy = SecurityPolicy("site_policy", "Site isolation") {
        SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.cycle")
        SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle")
        SecurityPredicate.block(.blockAfterUpdate, "sec.fn_site_filter", "site_id", on: "fact.cycle")
    }

    static let database = Database("oee", "OEE dashboards") {
        pfDay
        psDay
        Schema("ref", "Hierarchy and master data") {
            site
            machine
        }
        Schema("fact", "Measurements") {
            cycle
            sample
        }
        Schema("sec", "Row-level security") {
            siteFilter
            sitePolicy
        }
    }

    static let empty = Database(name: "oee")

    static let refSite = QualifiedName("ref", "site")
    static let refMachine = QualifiedName("ref", "machine")
    static let factCycle = QualifiedName("fact", "cycle")
    static let factSample = QualifiedName("fact", "sample")
    static let secFilter = QualifiedName("sec", "fn_site_filter")
    static let secPolicy = QualifiedName("sec", "site_policy")

    static func boundary(_ text: String) -> Literal { .string(text, unicode: false) }
}

/// Renders `changes` (against the fixture models by default) as a whole script file.
func script(_ changes: [SchemaChange], from: Database = Fixture.database, to: Database = Fixture.database) throws -> String {
    let dialect = PostgreSQLDialect()
    return dialect.scriptText(try dialect.render(MigrationPlan(from: from, to: to, changes: changes)))
}

/// Renders `changes` as the SQL of their batches only (no comments between batches).
func batchSQL(_ changes: [SchemaChange], from: Database = Fixture.database, to: Database = Fixture.database) throws -> [String] {
    try PostgreSQLDialect().render(MigrationPlan(from: from, to: to, changes: changes)).batches.map(\.sql)
}

/// The RenderError rendering `changes` throws (nil when it renders).
func renderError(_ changes: [SchemaChange], from: Database = Fixture.database, to: Database = Fixture.database) -> RenderError? {
    do {
        _ = try PostgreSQLDialect().render(MigrationPlan(from: from, to: to, changes: changes))
        return nil
    } catch let e as RenderError {
        return e
    } catch {
        return RenderError("?", "unexpected \(error)")
    }
}

/// Snapshots stored as `.sql` files.
var sqlLines: Snapshotting<String, String> {
    var s = Snapshotting<String, String>.lines
    s.pathExtension = "sql"
    return s
}

/// Snapshots the whole script for `changes` under `__Snapshots__/<file>/<test>.<name>.sql`.
func assertSQL(
    _ changes: [SchemaChange], from: Database = Fixture.database, to: Database = Fixture.database, named name: String,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) throws {
    let text = try script(changes, from: from, to: to)
    assertSnapshot(of: text, as: sqlLines, named: name, fileID: fileID, file: file, testName: testName, line: line, column: column)
}

/// Snapshots a script text.
func assertScript(
    _ text: String, named name: String,
    fileID: StaticString = #fileID, file: StaticString = #filePath, testName: String = #function,
    line: UInt = #line, column: UInt = #column
) {
    assertSnapshot(of: text, as: sqlLines, named: name, fileID: fileID, file: file, testName: testName, line: line, column: column)
}
