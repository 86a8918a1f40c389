import OEEDSL

/// A small plant model that exercises every documented feature: composite,
/// nullable, one-to-one and self-referencing foreign keys; identity, defaults
/// and computed columns; checks; filtered, descending, INCLUDE and columnstore
/// indexes; two partitioned tables; a row-level-security policy.
enum Fixture {
    static let database = Database("plant", "A small plant: sites, machines and their cycles") {
        PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2026-01-01", count: 3), "Monthly boundaries for cycles")
        PartitionScheme("ps_month", function: "pf_month", "Every pf_month partition on PRIMARY")
        Schema("ref", "Master data") {
            Table("site", "A plant; the tenant of row-level security") {
                Column("site_id", .smallint, "Surrogate key").identity()
                Column("code", .varchar(32), "Short code, unique")
                Column("is_active", .bit, "1 while the site reports").default("df_site_is_active", true)
                PrimaryKey("pk_site", "site_id")
                Unique("uq_site_code", "code")
            }
            Table("machine", "A machine on a site; machines may feed another machine") {
                Column("machine_id", .int, "Surrogate key").identity(seed: 1000, increment: 1)
                Column("site_id", .smallint, "Owning site")
                Column("feeds_machine_id", .int, "Downstream machine, if any").nullable()
                Column("ideal_cycle_s", .decimal(9, 3), "Ideal cycle time in seconds").default("df_machine_ideal_cycle_s", .decimal("60.000"))
                PrimaryKey("pk_machine", "machine_id")
                Unique("uq_machine_machine_id_site_id", "machine_id", "site_id")
                ForeignKey("fk_machine_site", "site_id", references: "ref.site")
                ForeignKey("fk_machine_feeds", "feeds_machine_id", references: "ref.machine", "machine_id")
                Check("ck_machine_ideal_cycle_s", col("ideal_cycle_s") > 0)
            }
            Table("machine_note", "At most one free-text note per machine") {
                Column("machine_id", .int, "The machine the note is about")
                Column("note", .nvarchar(.max), "The note")
                PrimaryKey("pk_machine_note", "machine_id")
                ForeignKey("fk_machine_note_machine", "machine_id", references: "ref.machine", onDelete: .cascade)
            }
        }
        Schema("fact", "Measurements") {
            Table("cycle", "One machine cycle; monthly partitions") {
                Column("machine_id", .int, "Machine that ran the cycle")
                Column("start_ts", .datetime2(3), "UTC start; the partitioning column")
                Column("cycle_id", .bigint, "Surrogate id").identity()
                Column("site_id", .smallint, "Site of the machine (RLS key)")
                Column("end_ts", .datetime2(3), "UTC end; NULL while running").nullable()
                Column("good_qty", .int, "Good parts").default("df_cycle_good_qty", 0)
                Column("scrap_qty", .int, "Scrapped parts").default("df_cycle_scrap_qty", 0)
                Column("total_qty", .int, "Good plus scrap").computed(col("good_qty") + col("scrap_qty"))
                Column("payload_json", .nvarchar(2000), "Source attributes as JSON").nullable()
                PrimaryKey("pk_cycle", "machine_id", .desc("start_ts"), "cycle_id")
                ForeignKey("fk_cycle_machine", ["machine_id", "site_id"], references: "ref.machine")
                Check("ck_cycle_end_after_start", col("end_ts").isNull || col("end_ts") >= col("start_ts"))
                Check("ck_cycle_payload_json", col("payload_json").isNull || Expression.fn("ISJSON", col("payload_json")) > 0)
                Index("ix_cycle_open", on: "site_id", "machine_id")
                    .including("good_qty")
                    .filtered(col("end_ts").isNull)
                    .described("Open cycles per site")
            }
            .partitioned(by: "ps_month", on: "start_ts")
            .compressed(.page)
            Table("sample", "Raw sensor samples") {
                Column("machine_id", .int, "Machine sampled")
                Column("ts_utc", .datetime2(3), "UTC sample time")
                Column("site_id", .smallint, "Site of the machine")
                Column("value", .float, "Measured value")
                ForeignKey("fk_sample_machine", ["machine_id", "site_id"], references: "ref.machine")
                Index.clusteredColumnstore("cci_sample")
            }
            .partitioned(by: "ps_month", on: "ts_utc")
        }
        Schema("sec", "Row-level security") {
            InlineFunction(
                "fn_site_filter", parameters: [.init("site_id", .smallint)],
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)),
                "Rows of the session's site")
            SecurityPolicy("site_policy", "Site isolation") {
                for table in ["fact.cycle", "fact.sample"] {
                    SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: table)
                    SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: table)
                }
            }
        }
    }

    /// The fixture with the descriptions of one table and two columns removed.
    static var undescribed: Database {
        var db = database
        db.schemas[0].tables[0].description = nil
        db.schemas[0].tables[0].columns[1].description = "   "
        db.schemas[1].tables[1].columns[3].description = nil
        return db
    }
}
