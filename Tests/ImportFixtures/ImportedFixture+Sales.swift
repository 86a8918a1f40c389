import OEEDSL

extension ImportedFixture {
    static var sales: Schema {
        Schema("sales", "Orders and their lines") {
            customer
            orderLine
        }
    }

    static var customer: Table {
        Table("customer", "A customer: \"quoted\", back\\slash and \\(x) text") {
            Column("customer_id", .int).identity(seed: 100, increment: 10)
            Column("code", .varchar(16))
            Column("name", .varchar(.max), "Display name\nsecond line, ünïcödé 😀")
            Column("created_utc", .datetime2(3))
                .default("df_customer_created_utc", Expression.sysUTCDateTime)
            Column("is_active", .bit)
                .default("df_customer_is_active", true)
            PrimaryKey("customer_pkey", "customer_id", clustered: false)
            Unique("customer_code_key", "code")
        }
    }

    static var orderLine: Table {
        Table("order_line") {
            Column("order_id", .bigint)
            Column("line_no", .smallint)
            Column("customer_id", .int)
            Column("qty", .decimal(12, 3))
            Column("status", .char(1))
                .default("df_order_line_status", "O")
            Column("shipped_utc", .datetime2(3))
                .nullable()
            Column("note", .varchar(200))
                .nullable()
            PrimaryKey("order_line_pkey", "order_id", "line_no", clustered: false)
            ForeignKey("order_line_customer_id_fkey", "customer_id", references: "sales.customer", onDelete: .cascade)
            Check("order_line_check", col("shipped_utc").isNull || col("status").notEquals("O"))
            Check("order_line_qty_check", col("qty") > 0)
            Check("order_line_status_check", col("status").in(["O", "S", "C"]))
            Index("ix_order_line_open", on: "customer_id", .desc("order_id"))
                .including("qty", "status")
                .filtered(col("shipped_utc").isNull)
                .described("Open lines per customer")
            Index("ux_order_line_note", on: "note", unique: true)
                .filtered(col("note").isNotNull && col("status").equals("C"))
        }
    }
}
