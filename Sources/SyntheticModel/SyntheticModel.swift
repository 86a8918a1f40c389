import OEEDSL

/// A synthetic model of `tables` tables (10 columns, 3 indexes, 2 foreign keys
/// each) spread over 4 schemas, built through the DSL like a real schema.
public enum SyntheticModel {
    public static func build(tables count: Int, variant: Int = 0) -> Database {
        let schemas = ["s0", "s1", "s2", "s3"]
        return Database("synthetic") {
            PartitionFunction("pf_month", .datetime2(3), .right, .months(from: "2025-01-01", count: 24))
            PartitionScheme("ps_month", function: "pf_month")
            for (si, schema) in schemas.enumerated() {
                Schema(schema, "Synthetic schema \(si)") {
                    for i in stride(from: si, to: count, by: schemas.count) {
                        table(i, count: count, schemas: schemas, changed: variant > 0 && i % 10 == variant % 10)
                    }
                }
            }
        }
    }

    static func table(_ i: Int, count: Int, schemas: [String], changed: Bool) -> Table {
        let name = "t\(i)"
        func ref(_ j: Int) -> String { "\(schemas[j % schemas.count]).t\(j)" }
        return Table(name, "Synthetic table \(i)") {
            Column("id", .int, "Key").identity()
            Column("site_id", .smallint, "Site")
            Column("code", .varchar(.n(changed ? 48 : 32)), "Code")
            Column("name", .nvarchar(.n(128)), "Name")
            Column("qty", .int, "Quantity").default("df_\(name)_qty", 0)
            Column("ratio", .decimal(precision: 9, scale: 4), "Ratio").nullable()
            Column("created_utc", .datetime2(precision: 3), "Created").default("df_\(name)_created_utc", .sysUTCDateTime)
            Column("parent_a", .int, "First parent").nullable()
            Column("parent_b", .int, "Second parent").nullable()
            Column(changed ? "note_v2" : "note", .nvarchar(.n(400)), "Note").nullable()
            PrimaryKey("pk_\(name)", "id")
            Check("ck_\(name)_qty", col("qty") >= 0)
            if i > 0 { ForeignKey("fk_\(name)_a", "parent_a", references: ref((i * 7) % i), "id") }
            if i > 1 { ForeignKey("fk_\(name)_b", "parent_b", references: ref((i * 13) % i), "id") }
            Index("ix_\(name)_site_code", on: "site_id", "code").including("name")
            Index("ix_\(name)_created", on: .desc("created_utc"))
            Index("ix_\(name)_open", on: "parent_a").filtered(col("parent_b").isNull)
        }
    }
}
