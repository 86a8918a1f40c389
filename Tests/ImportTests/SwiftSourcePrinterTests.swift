import Testing
import ImportFixtures
import ModelSource
import OEEDSL
import OEESchema

/// The Swift printer: escaping, identifiers, determinism, and — through the
/// committed and compiled fixtures — source that builds the very model it
/// was printed from.
@Suite struct SwiftSourcePrinterTests {
    /// Names and texts no Swift source may splice as they are.
    static let nasty = "say \"hi\" \\ \\(boom) #{x} \n\ttab \u{2028} \u{202E}rtl ü 日本 😀 e\u{301}"

    /// A model using every printable construct, with hostile names and literals.
    static var awkward: Database {
        var db = Database("weird \"db\"", nasty) {
            PartitionFunction("pf_values", .int, .left, .values([.int(10), .int(20)]), "ints")
            PartitionFunction("pf day", .date, .right, .days(from: "2026-01-01", count: 3))
                .rolling(.day, ahead: 2, retain: 5, expire: .switch(to: "arch\"ive"))
            PartitionScheme("ps_values", function: "pf_values", allTo: "FG1")
            PartitionScheme(name: "ps_two", function: "pf day", filegroups: ["A", "B"], description: nil)
            Schema("default", "keyword-named schema") {
                Table("col", nasty) {
                    Column("id", .bigint, "the \\(id)").identity(seed: 100, increment: -5)
                    Column("class", .nvarchar(.max)).nullable()
                    Column("ö-wert", .decimal(12, 4)).default("df_weird", .decimal("-0.50"))
                    Column("f", .float(mantissa: 24)).nullable().computed(col("ö-wert") * 2 - (col("id") - 1), persisted: false)
                    Column("flag", .bit).default("df_flag", true)
                    Column("u", .uniqueidentifier).default("df_u", .fn("NEWID"))
                    Column("t", .time(0)).default("df_t", "06:00:00")
                    Column("s", .char(3)).default("df_s", .unicode("a'b\"c"))
                    PrimaryKey(name: "pk col", columns: [.desc("id"), "class"], isClustered: false, description: "pk \"desc\"")
                    Unique("uq_1", "s")
                    ForeignKey("fk_self", ["id", "class"], references: "default.col", ["id", "class"], onDelete: .cascade, onUpdate: .setNull)
                    ForeignKey(name: "fk dotted", columns: ["id"], referencedTable: QualifiedName("a.b", "c"), referencedColumns: ["x"], description: "dotted")
                    Check("ck_nested", .and([.and([col("id") > 0, col("id") < 10]), col("f").isNotNull]))
                    Check("ck_single", .or([col("id").equals(-1)]))
                    Check("ck_mix", (col("s").in(["a", "b\\"]) || !(col("t").notIn([Expression.literal(.null)]))) && col("s").notEquals(.literal(.string("x", unicode: false))))
                    Check("ck_lits", Expression.binary(lhs: .literal(.int(1)), op: .less, rhs: .literal(.int(2))).equals(Expression.literal(.bool(false))))
                    CheckConstraint(name: "ck_raw", expression: .sql(sqlserver: "[s] LIKE N'%\\(x)%'", postgres: "s ~ '^\\d+$'"), description: "raw")
                    Check("ck_rawkeys", .raw(["postgres": "x", "comparison": "normal form"]))
                    Check("ck_calls", Expression.fn("LEN", col("s")).cast(as: .smallint) >= Expression.fn("COALESCE", col("id"), 0) / 3)
                    Index("ix_filtered", on: "s", .desc("t"), unique: true)
                        .including("flag")
                        .filtered(col("t") >= "2026-01-01T00:00:00")
                        .rolling(keepHours: 72, stepHours: 6)
                        .compressed(.row)
                        .placed(onFilegroup: "FG\"2")
                        .allowingUnaligned()
                        .described(nasty)
                        .renamed(from: "ix_old")
                    Index("ix_clustered", on: "id", clustered: true).placed(onScheme: "ps_values", column: "id")
                    Index.nonclusteredColumnstore("ncci", "id", "class")
                    Index(name: "ix_nokeys", kind: .nonclustered, isUnique: false, keys: [])
                }
                .partitioned(by: "ps_values", on: "id")
                .compressed(.page)
                .renamed(from: "old col")
                Table("", nil) {}
                Table("1st") { Column("x", .varbinary(16)) }
                Table("database") { Column("y", .datetimeoffset(7)) }
                Table("CUSTOMER_ORDER") {
                    Column("n", .sysname)
                    Index.clusteredColumnstore("cci")
                }
                InlineFunction("fn_p", parameters: [.init("site_id", .smallint)], returns: "ok",
                               where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)) || Expression.sysUTCDateTime > "2026-01-01",
                               "fn \"desc\"")
                InlineFunction(name: "fn_unbound", parameters: [], predicate: !Expression.literal(.bool(true)), isSchemaBound: false, description: nil)
                SecurityPolicy("pol", "policy \"desc\"", enabled: false) {
                    SecurityPredicate.filter("default.fn_p", "n", on: "default.CUSTOMER_ORDER")
                    SecurityPredicate.block(.blockBeforeDelete, "default.fn_p", "n", on: "default.CUSTOMER_ORDER")
                }
                .maintenanceSession("is_global", "1")
                .maintenanceSession("k\"", "v\\")
                SecurityPolicy(name: "pol_unbound", predicates: [
                    SecurityPredicate(kind: .blockAfterUpdate, function: QualifiedName("x.y", "f"), arguments: [], table: QualifiedName("default", "col")),
                ], isEnabled: true, isSchemaBound: false, description: nil, maintenanceSession: [])
            }
            Schema("Default") {}
            Schema("") {}
        }
        // A rolling filter whose column the DSL could not derive from the filter.
        db.schemas[0].tables[0].indexes.append({ var i = Index("ix_roll", on: "id").filtered(col("id").isNull); i.rolling = RollingFilter(column: "t", keepHours: 1); return i }())
        return db
    }

    @Test func theCanonicalSchemaPrintsToTheCommittedSourceAndItBuildsTheCanonicalModel() throws {
        let files = SwiftSourcePrinter(typeName: "CanonicalSource").files(for: OEESchema.database).map { ($0.name, $0.contents) }
        try FixtureFiles.check(files, typeName: "CanonicalSource")
        #expect(try FixtureFiles.json(CanonicalSource.database) == FixtureFiles.json(OEESchema.database))
    }

    @Test func anAwkwardModelPrintsToSourceThatBuildsItExactly() throws {
        let files = SwiftSourcePrinter(typeName: "AwkwardSource", header: Self.nasty).files(for: Self.awkward).map { ($0.name, $0.contents) }
        try FixtureFiles.check(files, typeName: "AwkwardSource")
        #expect(try FixtureFiles.json(AwkwardSource.database) == FixtureFiles.json(Self.awkward))
    }

    @Test func printingIsDeterministic() {
        let a = SwiftSourcePrinter(typeName: "X").files(for: Self.awkward)
        let b = SwiftSourcePrinter(typeName: "X").files(for: Self.awkward)
        #expect(a == b)
        #expect(a.map(\.name) == ["X.swift", "X+Default.swift", "X+Default2.swift", "X+Schema.swift"])
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("say \"hi\"", #""say \"hi\"""#),
        ("back\\slash", #""back\\slash""#),
        ("\\(interpolation)", #""\\(interpolation)""#),
        ("line\nbreak\r\ttab", #""line\nbreak\r\ttab""#),
        ("nul\u{0}bell\u{7}", #""nul\0bell\u{7}""#),
        ("ünïcödé 日本 😀", #""ünïcödé 日本 😀""#),
        ("sep\u{2028}rtl\u{202E}zw\u{200B}nbsp\u{A0}", #""sep\u{2028}rtl\u{202E}zw\u{200B}nbsp\u{A0}""#),
        ("e\u{301}", #""e\u{301}""#),
    ])
    func stringsAreSwiftLiteralsOfExactlyTheirText(_ text: String, _ literal: String) {
        #expect(SwiftLiteral.string(text) == literal)
    }

    @Test func identifiersAreDistinctAndNeverShadowTheDSL() {
        let files = SwiftSourcePrinter(typeName: "X").files(for: Self.awkward)
        let schema = files[1].contents
        // `default` (keyword), `col` (the DSL's function), `database` (the enum's member), "" and "1st".
        #expect(schema.contains("static var defaultSchema: Schema"))
        #expect(schema.contains("static var colTable: Table"))
        #expect(schema.contains("static var databaseTable: Table"))
        #expect(schema.contains("static var table: Table"))
        #expect(schema.contains("static var table1st: Table"))
        #expect(schema.contains("static var customerOrder: Table"))
        #expect(files[2].contents.contains("static var default2Schema: Schema") || files[2].contents.contains("static var defaultSchema2: Schema"))
    }

    @Test(arguments: [
        (Expression.binary(lhs: .binary(lhs: col("a"), op: .subtract, rhs: col("b")), op: .subtract, rhs: col("c")), #"col("a") - col("b") - col("c")"#),
        (Expression.binary(lhs: col("a"), op: .subtract, rhs: .binary(lhs: col("b"), op: .subtract, rhs: col("c"))), #"col("a") - (col("b") - col("c"))"#),
        (col("a") + col("b") * 2 <= col("c"), #"col("a") + col("b") * 2 <= col("c")"#),
        ((col("a") + col("b")).equals(0), #"(col("a") + col("b")).equals(0)"#),
        (col("e").isNull || Expression.fn("ISJSON", col("e")) > 0, #"col("e").isNull || Expression.fn("ISJSON", col("e")) > 0"#),
        ((col("a").isNull || col("b").isNull) && col("c").isNull, #"(col("a").isNull || col("b").isNull) && col("c").isNull"#),
        (Expression.and([col("a").isNull]), #"Expression.and([col("a").isNull])"#),
        (!col("a").isNull, #"!col("a").isNull"#),
        (Expression.literal(.int(1)) + 2, #"Expression.literal(.int(1)) + 2"#),
        (Expression.literal(.string("a", unicode: false)) + "b", #"Expression.literal(.string("a", unicode: false)) + "b""#),
    ])
    func expressionsPrintAsTheTypedDSL(_ e: Expression, _ text: String) {
        let printed = SwiftSourcePrinter(typeName: "X").files(for: Database("d") { Schema("s") { Table("t") { Check("ck", e) } } })[1].contents
        #expect(printed.contains("Check(\"ck\", \(text))"), "\(printed)")
    }
}
