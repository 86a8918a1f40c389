import OEEDSL
import OEEDiff
import Testing
@testable import PostgreSQL

@Suite struct QuotingTests {
    @Test func identifiersDoubleTheQuote() {
        #expect(PGSQL.quote("a\"b") == "\"a\"\"b\"")
        #expect(PGSQL.quote("plain") == "\"plain\"")
        #expect(PGSQL.quote("Mixed Case") == "\"Mixed Case\"")
        #expect(PGSQL.qualified(QualifiedName("fact", "c\"y")) == "\"fact\".\"c\"\"y\"")
    }

    @Test func stringsDoubleQuotesWithoutNPrefix() {
        #expect(PGSQL.string("It's") == "'It''s'")
        #expect(PGSQL.string("''") == "''''''")
        #expect(PGSQL.string("back\\slash") == "'back\\slash'")
        #expect(PGSQL.string("Zähler ü") == "'Zähler ü'")
    }

    @Test func keyListsKeepOrderAndDirection() {
        #expect(PGSQL.keyList([IndexKey("b"), IndexKey("a", descending: true)]) == "\"b\" ASC, \"a\" DESC")
        #expect(PGSQL.columnList(["z", "a"]) == "\"z\", \"a\"")
    }

    @Test func dollarTagAvoidsTheBody() {
        #expect(PGSQL.dollarTag(for: "SELECT 1") == "$$")
        #expect(PGSQL.dollarTag(for: "SELECT '$$'") == "$oeedb$")
        #expect(PGSQL.dollarTag(for: "SELECT '$$ $oeedb$'") == "$oeedb1$")
    }

    @Test func longGeneratedNamesThrow() {
        #expect(throws: RenderError.self) { try PGSQL.checkLength(String(repeating: "x", count: 64), path: "p", what: "partition") }
        #expect(throws: Never.self) { try PGSQL.checkLength(String(repeating: "x", count: 63), path: "p", what: "partition") }
    }
}

@Suite struct TypeMappingTests {
    func pg(_ t: SQLType) throws -> String { try TypeRenderer.render(t, path: "t.c") }

    @Test func mappedTypes() throws {
        #expect(try pg(.datetime2(precision: 3)) == "timestamp(3)")
        #expect(try pg(.datetime2(precision: 7)) == "timestamp(6)")
        #expect(try pg(.datetimeoffset(precision: 0)) == "timestamptz(0)")
        #expect(try pg(.time(precision: 0)) == "time(0)")
        #expect(try pg(.nvarchar(.n(40))) == "varchar(40)")
        #expect(try pg(.varchar(.n(40))) == "varchar(40)")
        #expect(try pg(.nvarchar(.max)) == "text")
        #expect(try pg(.varchar(.max)) == "text")
        #expect(try pg(.char(.n(1))) == "char(1)")
        #expect(try pg(.nchar(.n(3))) == "char(3)")
        #expect(try pg(.bit) == "boolean")
        #expect(try pg(.tinyint) == "smallint")
        #expect(try pg(.smallint) == "smallint")
        #expect(try pg(.int) == "integer")
        #expect(try pg(.bigint) == "bigint")
        #expect(try pg(.uniqueidentifier) == "uuid")
        #expect(try pg(.float) == "double precision")
        #expect(try pg(.float(mantissa: 24)) == "real")
        #expect(try pg(.float(mantissa: 53)) == "double precision")
        #expect(try pg(.real) == "real")
        #expect(try pg(.decimal(precision: 12, scale: 4)) == "numeric(12, 4)")
        #expect(try pg(.date) == "date")
        #expect(try pg(.varbinary(.max)) == "bytea")
        #expect(try pg(.varbinary(.n(16))) == "bytea")
        #expect(try pg(.sysname) == "varchar(128)")
    }

    @Test func invalidTypesThrow() {
        #expect(throws: RenderError.self) { try pg(.decimal(precision: 39, scale: 0)) }
        #expect(throws: RenderError.self) { try pg(.decimal(precision: 5, scale: 6)) }
        #expect(throws: RenderError.self) { try pg(.char(.max)) }
        #expect(throws: RenderError.self) { try pg(.varchar(.n(0))) }
        #expect(throws: RenderError.self) { try pg(.time(precision: 8)) }
    }
}

@Suite struct ExpressionTests {
    static let columns: [String: SQLType] = [
        "is_active": .bit, "qty": .int, "code": .varchar(.n(10)), "ts": .datetime2(precision: 3), "doc": .nvarchar(.max),
    ]

    func render(_ e: Expression, _ context: ExpressionRenderer.Context = .check) throws -> String {
        try ExpressionRenderer(context: context, path: "t.x", columns: Self.columns).render(e)
    }

    @Test func booleanLiteralsFollowTheirColumn() throws {
        #expect(try render(true, .defaultValue(.bit)) == "true")
        #expect(try render(1, .defaultValue(.bit)) == "true")
        #expect(try render(0, .defaultValue(.bit)) == "false")
        #expect(try render(true, .defaultValue(.int)) == "1")
        #expect(try render(col("is_active").equals(1)) == "\"is_active\" = true")
        #expect(try render(col("is_active").equals(0)) == "\"is_active\" = false")
        #expect(try render(Expression.literal(.int(1)).equals(col("is_active"))) == "true = \"is_active\"")
        #expect(try render(col("is_active").notEquals(true)) == "\"is_active\" <> true")
        #expect(try render(col("is_active").in([0, 1])) == "\"is_active\" IN (false, true)")
        #expect(try render(col("qty").equals(true)) == "\"qty\" = 1")
        #expect(try render(col("is_active").equals(col("qty"))) == "(\"is_active\")::integer = \"qty\"")
        #expect(try render(col("is_active") + 1 > 1) == "((\"is_active\")::integer + 1) > 1")
    }

    /// Without column types (pre-check queries), literals compared with a
    /// column are untyped strings PostgreSQL reads as the column's type.
    @Test func unknownColumnTypesGetUntypedLiterals() throws {
        let untyped = ExpressionRenderer(context: .check, path: "t.x")
        #expect(try untyped.render(col("is_active").equals(1)) == "\"is_active\" = '1'")
        #expect(try untyped.render(col("flag").equals(true) && col("qty") > .decimal("0.5")) == "\"flag\" = '1' AND \"qty\" > 0.5")
        #expect(try untyped.render(col("is_active").in([0, 1])) == "\"is_active\" IN ('0', '1')")
        #expect(try untyped.render(col("code").equals("x")) == "\"code\" = 'x'")
        #expect(try untyped.render((col("a") + 1) > 2) == "(\"a\" + 1) > 2")
    }

    @Test func otherNumbersAgainstBooleansThrow() {
        #expect(throws: RenderError.self) { try render(col("is_active").equals(2)) }
        #expect(throws: RenderError.self) { try render(2, .defaultValue(.bit)) }
        #expect(throws: RenderError.self) { try render(.decimal("0.5"), .defaultValue(.bit)) }
    }

    @Test func literals() throws {
        #expect(try render(nil, .defaultValue(.int)) == "NULL")
        #expect(try render(.decimal("-0.85"), .defaultValue(.decimal(precision: 5, scale: 2))) == "-0.85")
        #expect(try render("it's", .defaultValue(.varchar(.n(9)))) == "'it''s'")
        #expect(try render(.unicode("it's"), .defaultValue(.nvarchar(.n(9)))) == "'it''s'")
        #expect(try render(-5, .defaultValue(.int)) == "-5")
        #expect(throws: RenderError.self) { try render(.decimal("1e5"), .defaultValue(.float)) }
    }

    @Test func andOrAreParenthesisedWhenNested() throws {
        let e = col("qty") > 0 && (col("qty").in([1, 2]) || col("code").isNull)
        #expect(try render(e) == "\"qty\" > 0 AND (\"qty\" IN (1, 2) OR \"code\" IS NULL)")
        let o = (col("qty") > 0 && col("qty") < 9) || !col("code").isNotNull
        #expect(try render(o) == "(\"qty\" > 0 AND \"qty\" < 9) OR NOT (\"code\" IS NOT NULL)")
    }

    @Test func textPlusConcatenates() throws {
        #expect(try render((col("code") + "-x").equals(col("code"))) == "(\"code\" || '-x') = \"code\"")
        #expect(try render((col("qty") + col("qty")) * 2 >= col("qty")) == "((\"qty\" + \"qty\") * 2) >= \"qty\"")
    }

    @Test func sysUTCDateTime() throws {
        #expect(try render(.sysUTCDateTime, .defaultValue(.datetime2(precision: 3))) == "(now() AT TIME ZONE 'UTC')")
        #expect(try render(col("ts") <= .sysUTCDateTime) == "\"ts\" <= (now() AT TIME ZONE 'UTC')")
    }

    @Test func sessionContext() throws {
        let fn = ExpressionRenderer.Context.function(name: "fn_site_filter", parameters: ["site_id": .smallint])
        #expect(try render(Expression.sessionContext("site_id"), fn) == "NULLIF(current_setting('oeedb.site_id', true), '')")
        #expect(try render(param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)), fn)
                == "\"fn_site_filter\".\"site_id\" = CAST(NULLIF(current_setting('oeedb.site_id', true), '') AS smallint)")
        #expect(try render(Expression.sessionContext("is_global").cast(as: .bit).equals(1), fn)
                == "CAST(NULLIF(current_setting('oeedb.is_global', true), '') AS boolean) = true")
        #expect(throws: RenderError.self) { try render(Expression.sessionContext("bad key"), fn) }
        #expect(throws: RenderError.self) { try render(.call("SESSION_CONTEXT", arguments: [col("code")]), fn) }
    }

    @Test func isjson() throws {
        #expect(try render(col("doc").isNull || Expression.fn("ISJSON", col("doc")) > 0) == "\"doc\" IS NULL OR oeedb.isjson(\"doc\") > 0")
        #expect(try render(Expression.fn("isjson", col("doc")).equals(1)) == "oeedb.isjson(\"doc\") = 1")
        #expect(throws: RenderError.self) { try render(.fn("ISJSON")) }
    }

    @Test func otherMappedFunctions() throws {
        #expect(try render(.fn("ISNULL", col("qty"), 0) > 1) == "COALESCE(\"qty\", 0) > 1")
        #expect(try render(.fn("LEN", col("code")) > 1) == "length(rtrim(\"code\")) > 1")
        #expect(try render(.fn("UPPER", col("code")).equals("A")) == "upper(\"code\") = 'A'")
        #expect(try render(.fn("NEWID"), .defaultValue(.uniqueidentifier)) == "gen_random_uuid()")
        let fn = ExpressionRenderer.Context.function(name: "f", parameters: [:])
        #expect(try render(.fn("IS_MEMBER", .unicode("oee_admin")).equals(1), fn)
                == "(SELECT CASE WHEN pg_has_role(current_user, r.oid, 'MEMBER') THEN 1 ELSE 0 END FROM pg_catalog.pg_roles AS r WHERE r.rolname = 'oee_admin') = 1")
    }

    @Test func unknownFunctionsThrow() throws {
        let e = #expect(throws: RenderError.self) { try render(.fn("DATEDIFF", col("ts"), col("ts")) > 0) }
        #expect(e?.message.contains("no PostgreSQL mapping") == true)
        #expect(throws: RenderError.self) { try render(.fn("IS_MEMBER", .unicode("x")).equals(1)) }
    }

    @Test func immutabilityWhereRequired() {
        #expect(throws: RenderError.self) { try render(col("ts") > .sysUTCDateTime, .filter) }
        #expect(throws: RenderError.self) { try render(.sysUTCDateTime, .computed) }
        #expect(throws: Never.self) { try render(Expression.fn("ISJSON", col("doc")), .computed) }
    }

    @Test func contextsRestrictWhatIsRead() {
        #expect(throws: RenderError.self) { try render(col("qty"), .defaultValue(.int)) }
        #expect(throws: RenderError.self) { try render(param("site_id").equals(1)) }
        #expect(throws: RenderError.self) { try render(param("x").equals(1), .function(name: "f", parameters: ["site_id": .int])) }
        #expect(throws: RenderError.self) { try render(col("qty").in([])) }
        #expect(throws: RenderError.self) { try render(.and([])) }
    }

    @Test func rawNeedsPostgresEntry() throws {
        #expect(try render(.sql(sqlserver: "LEN([code]) > 0", postgres: "  char_length(\"code\") > 0 ")) == "char_length(\"code\") > 0")
        #expect(try render(col("qty") > 0 && .sql(postgres: "true")) == "\"qty\" > 0 AND (true)")
        let e = #expect(throws: RenderError.self) { try render(.sql(sqlserver: "1 = 1")) }
        #expect(e?.message.contains("no 'postgres' entry (has: sqlserver)") == true)
        #expect(throws: RenderError.self) { try render(.sql(postgres: "  ")) }
    }
}

@Suite struct PartitionNamingTests {
    static let pfDay = Fixture.pfDay

    @Test func childrenCoverEveryRangeAndAreNamedAfterTheirLowerBound() throws {
        let children = try PartitionRenderer.children(table: "cycle", pf: Self.pfDay, boundaries: Self.pfDay.boundaryValues, path: "fact.cycle")
        #expect(children.map(\.name) == ["cycle_pmin", "cycle_p20261001", "cycle_p20261002", "cycle_p20261003"])
        #expect(children.first?.from == "MINVALUE")
        #expect(children.first?.to == "'2026-10-01T00:00:00'")
        #expect(children[1].from == "'2026-10-01T00:00:00'")
        #expect(children[1].to == "'2026-10-02T00:00:00'")
        #expect(children.last?.to == "MAXVALUE")
    }

    @Test func timeOfDayAndDatesInNames() throws {
        let pf = PartitionFunction(name: "pf", inputType: .datetime2(precision: 3), boundaries: .values([
            .string("2026-10-01T06:30:00", unicode: false), .string("2026-10-01T06:30:00.5", unicode: false),
        ]))
        let names = try PartitionRenderer.children(table: "t", pf: pf, boundaries: pf.boundaryValues, path: "p").map(\.name)
        #expect(names == ["t_pmin", "t_p20261001_063000", "t_p20261001_0630005000000"])
        let monthly = PartitionFunction("pf_m", .date, .right, .months(from: "2026-01-31", count: 2))
        #expect(try PartitionRenderer.children(table: "d", pf: monthly, boundaries: monthly.boundaryValues, path: "p").map(\.name)
                == ["d_pmin", "d_p20260131", "d_p20260228"])
    }

    @Test func rangeLeftIntegersShiftByOne() throws {
        let pf = PartitionFunction(name: "pf", inputType: .int, range: .left, boundaries: .values([.int(-5), .int(100)]))
        let children = try PartitionRenderer.children(table: "t", pf: pf, boundaries: pf.boundaryValues, path: "p")
        #expect(children.map(\.name) == ["t_pmin", "t_pm4", "t_p101"])
        #expect(children.map(\.to) == ["-4", "101", "MAXVALUE"])
        let right = PartitionFunction(name: "pf", inputType: .bigint, range: .right, boundaries: .values([.int(100)]))
        #expect(try PartitionRenderer.children(table: "t", pf: right, boundaries: right.boundaryValues, path: "p").map(\.from) == ["MINVALUE", "100"])
    }

    @Test func rangeLeftOnOtherTypesThrows() {
        let pf = PartitionFunction(name: "pf", inputType: .datetime2(precision: 3), range: .left, boundaries: .values([.string("2026-01-01", unicode: false)]))
        let e = #expect(throws: RenderError.self) { try PartitionRenderer.children(table: "t", pf: pf, boundaries: pf.boundaryValues, path: "p") }
        #expect(e?.message.contains("RANGE LEFT on datetime2(3)") == true)
        let overflow = PartitionFunction(name: "pf", inputType: .bigint, range: .left, boundaries: .values([.int(.max)]))
        #expect(throws: RenderError.self) { try PartitionRenderer.children(table: "t", pf: overflow, boundaries: overflow.boundaryValues, path: "p") }
    }

    @Test func badBoundariesThrow() {
        let pf = PartitionFunction(name: "pf", inputType: .date, boundaries: .values([.string("not a date", unicode: false)]))
        #expect(throws: RenderError.self) { try PartitionRenderer.children(table: "t", pf: pf, boundaries: pf.boundaryValues, path: "p") }
        let long = String(repeating: "t", count: 55)
        #expect(throws: RenderError.self) { try PartitionRenderer.children(table: long, pf: Self.pfDay, boundaries: Self.pfDay.boundaryValues, path: "p") }
    }

    @Test func boundaryKeysOrderAcrossForms() throws {
        let pf = Self.pfDay
        let a = try PartitionRenderer.key(.string("2026-10-01", unicode: false), pf: pf, path: "p")
        let b = try PartitionRenderer.key(.string("2026-10-01T00:00:00.001", unicode: false), pf: pf, path: "p")
        let c = try PartitionRenderer.key(.string("2026-10-01 00:00:00", unicode: false), pf: pf, path: "p")
        #expect(a < b)
        #expect(a == c)
    }
}

@Suite struct ScriptTextTests {
    @Test func batchesAreCommentedAndSeparatedByABlankLine() throws {
        let text = try script([.createSchema("ref"), .createSchema("fact")], from: Fixture.empty)
        #expect(text == """
            -- create schema ref
            CREATE SCHEMA "ref";

            -- create schema fact
            CREATE SCHEMA "fact";

            """)
    }

    @Test func emptyPlanIsEmptyText() throws {
        #expect(try script([]) == "")
    }

    @Test func multiLineCommentsStayOneLine() {
        let text = PostgreSQLDialect().scriptText(SQLScript(batches: [SQLBatch("SELECT 1;\n\n", comment: "a\nb")]))
        #expect(text == "-- a b\nSELECT 1;\n")
    }

    /// Every statement line of every batch ends in `;` (comment lines aside).
    @Test func statementsEndInSemicolons() throws {
        let plan = try Differ.baseline(Fixture.database)
        for batch in try PostgreSQLDialect().render(plan).batches {
            #expect(batch.sql.hasSuffix(";") || batch.sql.split(separator: "\n").last?.hasPrefix("--") == true, "\(batch.sql)")
        }
    }

    @Test func renderingIsDeterministic() throws {
        let plan = try Differ.baseline(Fixture.database)
        let a = try PostgreSQLDialect().render(plan), b = try PostgreSQLDialect().render(plan)
        #expect(a == b)
    }

    @Test func idIsPostgres() {
        #expect(PostgreSQLDialect().id == "postgres")
    }
}
