// say "hi" \ \(boom) #{x}  	tab   ‮rtl ü 日本 😀 é
import OEEDSL

extension AwkwardSource {
    static var defaultSchema: Schema {
        Schema("default", "keyword-named schema") {
            colTable
            table
            table1st
            databaseTable
            customerOrder
            InlineFunction(
                "fn_p", parameters: [.init("site_id", .smallint)], returns: "ok",
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)) || Expression.sysUTCDateTime > "2026-01-01",
                "fn \"desc\"")
            InlineFunction(
                name: "fn_unbound", parameters: [], resultColumn: "fn_result",
                predicate: !(Expression.literal(.bool(true))),
                isSchemaBound: false, description: nil)
            SecurityPolicy(
                "pol",
                "policy \"desc\"",
                enabled: false
            ) {
                SecurityPredicate.filter("default.fn_p", "n", on: "default.CUSTOMER_ORDER")
                SecurityPredicate.block(.blockBeforeDelete, "default.fn_p", "n", on: "default.CUSTOMER_ORDER")
            }
            .maintenanceSession("is_global", "1")
            .maintenanceSession("k\"", "v\\")
            SecurityPolicy(
                name: "pol_unbound",
                predicates: [
                    SecurityPredicate(kind: .blockAfterUpdate, function: QualifiedName("x.y", "f"), arguments: [], table: QualifiedName("default", "col"))
                ],
                isEnabled: true, isSchemaBound: false, description: nil,
                maintenanceSession: [])
        }
    }

    static var colTable: Table {
        Table("col", "say \"hi\" \\ \\(boom) #{x} \n\ttab \u{2028} \u{202E}rtl ü 日本 😀 e\u{301}") {
            Column("id", .bigint, "the \\(id)").identity(seed: 100, increment: -5)
            Column("class", .nvarchar(.max))
                .nullable()
            Column("ö-wert", .decimal(12, 4))
                .default("df_weird", Expression.decimal("-0.50"))
            Column("f", .float(mantissa: 24))
                .nullable()
                .computed(col("ö-wert") * 2 - (col("id") - 1), persisted: false)
            Column("flag", .bit)
                .default("df_flag", true)
            Column("u", .uniqueidentifier)
                .default("df_u", Expression.fn("NEWID"))
            Column("t", .time(0))
                .default("df_t", "06:00:00")
            Column("s", .char(3))
                .default("df_s", Expression.unicode("a'b\"c"))
            PrimaryKey(name: "pk col", columns: [.desc("id"), "class"], isClustered: false, description: "pk \"desc\"")
            Unique("uq_1", "s")
            ForeignKey("fk_self", ["id", "class"], references: "default.col", onDelete: .cascade, onUpdate: .setNull)
            ForeignKey(
                name: "fk dotted", columns: ["id"], referencedTable: QualifiedName("a.b", "c"),
                referencedColumns: ["x"], onDelete: .noAction, onUpdate: .noAction,
                description: "dotted")
            Check("ck_nested", Expression.and([col("id") > 0 && col("id") < 10, col("f").isNotNull]))
            Check("ck_single", Expression.or([col("id").equals(-1)]))
            Check("ck_mix", (col("s").in(["a", "b\\"]) || !col("t").notIn([Expression.literal(.null)])) && col("s").notEquals("x"))
            Check("ck_lits", (Expression.literal(.int(1)) < 2).equals(false))
            CheckConstraint(name: "ck_raw", expression: Expression.sql(sqlserver: "[s] LIKE N'%\\(x)%'", postgres: "s ~ '^\\d+$'"), description: "raw")
            Check("ck_rawkeys", Expression.raw(["comparison": "normal form", "postgres": "x"]))
            Check("ck_calls", Expression.fn("LEN", col("s")).cast(as: .smallint) >= Expression.fn("COALESCE", col("id"), 0) / 3)
            Index("ix_filtered", on: "s", .desc("t"), unique: true)
                .including("flag")
                .filtered(col("t") >= "2026-01-01T00:00:00")
                .compressed(.row)
                .placed(onFilegroup: "FG\"2")
                .allowingUnaligned()
                .rolling(keepHours: 72, stepHours: 6)
                .described("say \"hi\" \\ \\(boom) #{x} \n\ttab \u{2028} \u{202E}rtl ü 日本 😀 e\u{301}")
                .renamed(from: "ix_old")
            Index("ix_clustered", on: "id", clustered: true)
                .placed(onScheme: "ps_values", column: "id")
            Index.nonclusteredColumnstore("ncci", "id", "class")
            Index(name: "ix_nokeys", kind: .nonclustered, isUnique: false, keys: [])
            Index("ix_roll", on: "id")
                .filtered(col("t") >= Expression.literal(.null))
                .rolling(keepHours: 1)
                .filtered(col("id").isNull)
        }
        .partitioned(by: "ps_values", on: "id")
        .compressed(.page)
        .renamed(from: "old col")
    }

    static var table: Table {
        Table("") {
        }
    }

    static var table1st: Table {
        Table("1st") {
            Column("x", .varbinary(16))
        }
    }

    static var databaseTable: Table {
        Table("database") {
            Column("y", .datetimeoffset(7))
        }
    }

    static var customerOrder: Table {
        Table("CUSTOMER_ORDER") {
            Column("n", .sysname)
            Index.clusteredColumnstore("cci")
        }
    }
}
