import OEEDSL

/// A small model that uses every feature and validates clean; each validation
/// test breaks one thing in a copy of it.
enum Fixtures {
    static var valid: Database {
        Database("plant") {
            PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2026-01-01", count: 3), "Monthly")
            PartitionScheme("ps_month", function: "pf_month")
            Schema("ref", "Master data") {
                Table("site", "A plant") {
                    Column("site_id", .smallint, "Key").identity()
                    Column("code", .varchar(.n(32)), "Short code")
                    Column("is_active", .bit, "Active").default("df_site_is_active", true)
                    PrimaryKey("pk_site", "site_id")
                    Unique("uq_site_code", "code")
                }
                Table("machine", "A work unit") {
                    Column("machine_id", .int, "Key").identity()
                    Column("site_id", .smallint, "Owning site")
                    Column("name", .nvarchar(.n(128)), "Display name")
                    PrimaryKey("pk_machine", "machine_id")
                    Unique("uq_machine_machine_site", "machine_id", "site_id")
                    ForeignKey("fk_machine_site", "site_id", references: "ref.site")
                }
            }
            Schema("fact", "Time series") {
                Table("cycle", "Machine cycles") {
                    Column("machine_id", .int, "Machine")
                    Column("site_id", .smallint, "Site")
                    Column("start_ts", .datetime2(precision: 3), "Start (UTC)")
                    Column("end_ts", .datetime2(precision: 3), "End (UTC)").nullable()
                    Column("cycle_id", .bigint, "Key").identity()
                    Column("good_qty", .int, "Good parts").default("df_cycle_good_qty", 0)
                    Column("payload", .nvarchar(.max), "JSON").nullable()
                    PrimaryKey("pk_cycle", "machine_id", "start_ts", "cycle_id")
                    ForeignKey("fk_cycle_machine", ["machine_id", "site_id"], references: "ref.machine")
                    Check("ck_cycle_end_after_start", col("end_ts").isNull || col("end_ts") >= col("start_ts"))
                    Index("ix_cycle_open", on: "site_id", "machine_id")
                        .including("good_qty")
                        .filtered(col("end_ts").isNull)
                }
                .partitioned(by: "ps_month", on: "start_ts")
                .compressed(.page)
            }
            Schema("sec", "Security") {
                InlineFunction("fn_site_filter", parameters: [.init("site_id", .smallint)],
                               where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)))
                SecurityPolicy("site_policy") {
                    SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.cycle")
                    SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle")
                }
            }
        }
    }

    /// Applies `edit` to the table `schema.table` of a copy of ``valid``.
    static func editing(_ schema: String, _ table: String, _ edit: (inout Table) -> Void) -> Database {
        var db = valid
        let s = db.schemas.firstIndex { $0.name == schema }!
        let t = db.schemas[s].tables.firstIndex { $0.name == table }!
        edit(&db.schemas[s].tables[t])
        return db
    }
}
