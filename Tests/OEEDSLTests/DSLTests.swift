import Testing
import OEEDSL

@Suite struct DSLTests {
    @Test func tableBuildsTheSameModelAsTheMemberwiseForm() {
        let dsl = Table("line", "A production line") {
            Column("line_id", .int, "Key").identity(seed: 10, increment: 2)
            Column("area_id", .int, "Area")
            Column("site_id", .smallint, "Site")
            Column("note", .nvarchar(.n(200)), "Free text").nullable()
            Column("kind", .varchar(.n(16)), "Kind").default("df_line_kind", "PRODUCTION_LINE")
            PrimaryKey("pk_line", "line_id", .desc("area_id"), clustered: false)
            Unique("uq_line_line_site", "line_id", "site_id")
            ForeignKey("fk_line_area", ["area_id", "site_id"], references: "ref.area", onDelete: .cascade)
            Check("ck_line_kind", col("kind").in(["PRODUCTION_LINE", "WORK_CELL"]))
            Index("ix_line_site", on: "site_id").including("note").filtered(col("note").isNotNull).compressed(.row)
        }.compressed(.page).renamed(from: "work_center")

        let memberwise = Table(
            name: "line", description: "A production line",
            columns: [
                Column(name: "line_id", type: .int, identity: Identity(seed: 10, increment: 2), description: "Key"),
                Column(name: "area_id", type: .int, description: "Area"),
                Column(name: "site_id", type: .smallint, description: "Site"),
                Column(name: "note", type: .nvarchar(.n(200)), isNullable: true, description: "Free text"),
                Column(name: "kind", type: .varchar(.n(16)),
                       defaultConstraint: DefaultConstraint(name: "df_line_kind", expression: .literal(.string("PRODUCTION_LINE", unicode: false))),
                       description: "Kind"),
            ],
            primaryKey: PrimaryKey(name: "pk_line", columns: [IndexKey("line_id"), IndexKey("area_id", descending: true)], isClustered: false),
            uniqueConstraints: [UniqueConstraint(name: "uq_line_line_site", columns: [IndexKey("line_id"), IndexKey("site_id")])],
            foreignKeys: [ForeignKey(name: "fk_line_area", columns: ["area_id", "site_id"], referencedTable: QualifiedName("ref", "area"),
                                     referencedColumns: ["area_id", "site_id"], onDelete: .cascade)],
            checks: [CheckConstraint(name: "ck_line_kind", expression: .inList(.column("kind"), values: [
                .literal(.string("PRODUCTION_LINE", unicode: false)), .literal(.string("WORK_CELL", unicode: false)),
            ], negated: false))],
            indexes: [Index(name: "ix_line_site", keys: [IndexKey("site_id")], included: ["note"],
                            filter: .isNull(.column("note"), negated: true), compression: .row)],
            compression: .page, renamedFrom: "work_center")
        #expect(dsl == memberwise)
    }

    @Test func controlFlowWorksInsideBuilders() {
        let withAudit = true
        let db = Database("x") {
            for unit in ["day", "month"] {
                PartitionFunction("pf_\(unit)", .date, .right, .days(from: "2026-01-01", count: 2))
            }
            Schema("s") {
                for i in 1...3 {
                    Table("t\(i)") {
                        Column("id", .int)
                        if withAudit {
                            Column("created_utc", .datetime2(precision: 3)).default("df_t\(i)_created_utc", .sysUTCDateTime)
                        } else {
                            Column("never", .int)
                        }
                        if i == 2 { Index("ix_t2_id", on: "id") }
                    }
                }
            }
        }
        #expect(db.partitionFunctions.map(\.name) == ["pf_day", "pf_month"])
        #expect(db.schemas[0].tables.map(\.name) == ["t1", "t2", "t3"])
        #expect(db.schemas[0].tables.allSatisfy { $0.columns.map(\.name) == ["id", "created_utc"] })
        #expect(db.schemas[0].tables.map(\.indexes.count) == [0, 1, 0])
    }

    @Test func expressionOperatorsBuildTypedTrees() {
        let e = col("a") >= 1 && col("b").isNull || !(col("c") < .decimal("0.5"))
        #expect(e == .or([
            .and([.binary(lhs: .column("a"), op: .greaterOrEqual, rhs: .literal(.int(1))), .isNull(.column("b"), negated: false)]),
            .not(.binary(lhs: .column("c"), op: .less, rhs: .literal(.decimal("0.5")))),
        ]))
        #expect(Expression.fn("ISJSON", col("p")) == .call("ISJSON", arguments: [.column("p")]))
        #expect(Expression.sql(sqlserver: "GETDATE()") == .raw(["sqlserver": "GETDATE()"]))
    }

    @Test func securityPolicyAndPartitionDSL() {
        let policy = SecurityPolicy("p", "desc") {
            for t in ["fact.a", "fact.b"] {
                SecurityPredicate.filter("sec.fn", "site_id", on: t)
            }
        }
        #expect(policy.predicates.map(\.table.description) == ["fact.a", "fact.b"])
        #expect(policy.isEnabled && policy.isSchemaBound)
        #expect(PartitionScheme("ps", function: "pf").filegroups == ["PRIMARY"])
    }
}
