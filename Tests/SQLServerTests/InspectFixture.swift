import Foundation
import OEEDSL
@testable import SQLServer

/// A model using every feature the inspector reads, for round trips: every
/// type, identity, every kind of default, persisted and plain computed
/// columns, clustered/nonclustered and DESC keys, composite foreign keys with
/// actions, checks with IN / NOT IN / OR / AND / NOT / casts / calls, rowstore
/// indexes with INCLUDE order and filters, clustered and filtered
/// nonclustered columnstore, placements, compression, RANGE LEFT and RANGE
/// RIGHT functions over int, date and datetime2, a multi-filegroup scheme,
/// an inline function, a policy with filter and block predicates, raw SQL and
/// descriptions at every level.
enum InspectFixture {
    static let model = Database("oee", "Inspector round trip") {
        PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 5), "Daily boundaries")
        PartitionScheme("ps_day", function: "pf_day", "Daily on PRIMARY")
        PartitionFunction("pf_site", .int, .left, .values([.int(10), .int(20), .int(30)]), "Sites by tens")
        PartitionScheme(name: "ps_site", function: "pf_site", filegroups: ["FG1", "FG2", "FG3", "FG4"], description: "  Site ranges on four filegroups  ")
        PartitionFunction("pf_month", .date, .right, .months(from: "2026-01-31", count: 3))
        PartitionScheme("ps_month", function: "pf_month")
        Schema("ref", "Reference data") {
            site
            machine
        }
        Schema("fact", "Facts") {
            cycle
            sample
            reading
        }
        Schema("sec", "Security") {
            InlineFunction(
                "fn_site_filter", parameters: [.init("site_id", .smallint), .init("user_name", .sysname)],
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint))
                    || (Expression.sessionContext("is_global").cast(as: .bit).equals(true) && param("user_name").isNotNull),
                "Site filter")
            SecurityPolicy("site_policy", "Site isolation") {
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", "operator", on: "fact.cycle")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", "operator", on: "fact.cycle")
                SecurityPredicate.block(.blockBeforeDelete, "sec.fn_site_filter", "site_id", "operator", on: "fact.cycle")
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", "operator", on: "ref.machine")
            }
        }
        Schema("empty", "A schema with nothing in it") {}
    }

    static let site = Table("site", "A plant") {
        Column("site_id", .smallint, "Surrogate key").identity(seed: 100, increment: 5)
        Column("code", .varchar(32), "Site code")
        Column("name", .nvarchar(64), "Display name")
        Column("notes", .nvarchar(.max), "Free text").nullable()
        Column("tz", .nchar(3)).default("df_site_tz", .unicode("UTC"))
        Column("is_active", .bit).default("df_site_is_active", true)
        Column("business_day_start", .time(0)).default("df_site_business_day_start", "06:00:00")
        Column("created_utc", .datetime2(3)).default("df_site_created_utc", .sysUTCDateTime)
        Column("offset", .datetimeoffset(7)).nullable()
        Column("ratio", .real).default("df_site_ratio", .decimal("0.85"))
        Column("weight", .float(mantissa: 24)).nullable()
        Column("score", .float).nullable()
        Column("budget", .decimal(12, 4)).default("df_site_budget", .decimal("60.000"))
        Column("priority", .tinyint).default("df_site_priority", -1)
        Column("big", .bigint).default("df_site_big", .sql(sqlserver: "(CONVERT([bigint],(2147483648)))"))
        Column("guid", .uniqueidentifier).default("df_site_guid", .fn("NEWID"))
        Column("photo", .varbinary(.max)).nullable()
        Column("flag", .char(1)).default("df_site_flag", "A")
        Column("owner", .sysname).nullable()
        Column("opened", .date).nullable()
        PrimaryKey("pk_site", "site_id").describedKey("Site key")
        Unique("uq_site_code", "code")
        Check("ck_site_flag", col("flag").in(["A", "B", "C"]))
        Check("ck_site_code", col("code").notEquals("")).describedCheck("Code not empty")
    }

    static let machine = Table("machine", "A machine") {
        Column("machine_id", .int).identity()
        Column("site_id", .smallint)
        Column("operator", .nvarchar(128)).nullable()
        Column("code", .varchar(32))
        Column("kind", .varchar(16))
        Column("threshold_s", .smallint).default("df_machine_threshold_s", 120)
        PrimaryKey("pk_machine", "machine_id", clustered: false)
        Unique("uq_machine_site_code", "site_id", .desc("code"))
        ForeignKey("fk_machine_site", "site_id", references: "ref.site", onDelete: .cascade, onUpdate: .noAction)
        Check("ck_machine_kind", !col("kind").in(["X", "Y"]) && col("kind").notIn(["Z", "W"]))
        Check("ck_machine_threshold", .sql(sqlserver: "[threshold_s] BETWEEN 1 AND 3600"))
        Index("cx_machine_code", on: "code", clustered: true).compressed(.row)
        Index("ix_machine_site", on: .desc("site_id"), "kind", unique: true)
            .including("threshold_s", "operator")
            .filtered(col("kind").in(["PRESS", "FILLER"]) && col("operator").isNotNull)
            .placed(onFilegroup: "PRIMARY")
            .described("Machines by site")
    }
    .compressed(.page)

    static let cycle = Table("cycle", "One machine cycle") {
        Column("machine_id", .int)
        Column("start_ts", .datetime2(3))
        Column("cycle_id", .bigint).identity()
        Column("site_id", .smallint)
        Column("operator", .nvarchar(128)).nullable()
        Column("end_ts", .datetime2(3)).nullable()
        Column("good_qty", .int).default("df_cycle_good_qty", 0)
        Column("scrap_qty", .int).default("df_cycle_scrap_qty", 0)
        Column("status", .varchar(16)).default("df_cycle_status", "open")
        Column("payload_json", .nvarchar(.max)).nullable()
        Column("total_qty", .int).computed(col("good_qty") + col("scrap_qty"))
        Column("yield", .decimal(9, 4)).computed(col("good_qty").cast(as: .decimal(9, 4)) / (col("good_qty") + col("scrap_qty")), persisted: false)
        PrimaryKey("pk_cycle", "machine_id", .desc("start_ts"), "cycle_id")
        ForeignKey("fk_cycle_machine", ["machine_id"], references: "ref.machine", onDelete: .setNull, onUpdate: .cascade)
        Check("ck_cycle_end_after_start", col("end_ts").isNull || col("end_ts") >= col("start_ts"))
        Check("ck_cycle_qty", col("good_qty") >= 0 && col("scrap_qty") >= 0)
        Check("ck_cycle_payload_json", col("payload_json").isNull || Expression.fn("ISJSON", col("payload_json")) > 0)
        Check("ck_cycle_status", col("status").in(["open", "closed"]) || (col("good_qty") * 2 - 1 > col("scrap_qty") && !(col("end_ts").isNull)))
        Index("ix_cycle_open", on: "site_id", "machine_id")
            .including("status", "good_qty", "end_ts")
            .filtered(col("end_ts").isNull && col("status").in(["open", "paused"]))
            .compressed(.page)
        Index("ix_cycle_unaligned", on: "cycle_id").placed(onFilegroup: "FG1").allowingUnaligned()
        Index("ix_cycle_explicit", on: "site_id").placed(onScheme: "ps_day", column: "start_ts")
        Index("ix_cycle_hot", on: "machine_id").filtered(col("start_ts") >= "2026-11-01T00:00:00").renamed(from: "ix_cycle_recent")
    }
    .partitioned(by: "ps_day", on: "start_ts")
    .compressed(.page)
    .renamed(from: "cycles")

    static let sample = Table("sample", "Raw samples") {
        Column("machine_id", .int)
        Column("ts_utc", .datetime2(3))
        Column("value", .float).nullable()
        Index.clusteredColumnstore("cci_sample").compressed(.columnstoreArchive).described("All samples")
    }
    .partitioned(by: "ps_day", on: "ts_utc")

    static let reading = Table("reading", "Per-site readings") {
        Column("site_id", .int)
        Column("day", .date)
        Column("value", .decimal(18, 2))
        Column("note", .varchar(.max)).nullable()
        PrimaryKey("pk_reading", "site_id", "day")
        Index.nonclusteredColumnstore("ncci_reading", "day", "value", "site_id")
            .filtered(col("day") >= "2026-01-01")
            .compressed(.columnstore)
    }
    .partitioned(by: "ps_site", on: "site_id")
}

extension PrimaryKey {
    func describedKey(_ text: String) -> PrimaryKey { var k = self; k.description = text; return k }
}

extension CheckConstraint {
    func describedCheck(_ text: String) -> CheckConstraint { var c = self; c.description = text; return c }
}

/// The canonical model as shipped in the baseline migration's model snapshot.
enum CanonicalModel {
    static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func load() throws -> Database {
        try ModelSnapshot.decode(Data(contentsOf: repoRoot.appendingPathComponent("migrations/sqlserver/V0001__baseline.json")))
    }
}
