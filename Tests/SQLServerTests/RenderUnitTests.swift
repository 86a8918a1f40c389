import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

@Suite struct QuotingTests {
    @Test func bracketsDoubleTheClosingBracket() {
        #expect(TSQL.quote("a]b") == "[a]]b]")
        #expect(TSQL.quote("plain") == "[plain]")
        #expect(TSQL.quote("[x]") == "[[x]]]")
        #expect(TSQL.qualified(QualifiedName("fact", "c]y")) == "[fact].[c]]y]")
    }

    @Test func stringsDoubleQuotes() {
        #expect(TSQL.nstring("It's") == "N'It''s'")
        #expect(TSQL.nstring("''") == "N''''''")
        #expect(TSQL.string("a'b") == "'a''b'")
        #expect(TSQL.nstring("Zähler ü") == "N'Zähler ü'")
    }

    @Test func keyListsKeepOrderAndDirection() {
        #expect(TSQL.keyList([IndexKey("b"), IndexKey("a", descending: true)]) == "[b] ASC, [a] DESC")
        #expect(TSQL.columnList(["z", "a"]) == "[z], [a]")
    }

    @Test func batchSeparatorLines() {
        for line in ["GO", "go", "  GO 5", "Go -- done", "GO\r"] { #expect(TSQL.isBatchSeparator(line[...]), "\(line)") }
        for line in ["GOTO x", "c.LOGO", "GO;", "-- GO", "GO x"] { #expect(!TSQL.isBatchSeparator(line[...]), "\(line)") }
    }
}

@Suite struct ExpressionTests {
    func render(_ e: Expression, _ context: ExpressionRenderer.Context = .check) throws -> String {
        try ExpressionRenderer(context: context, path: "t.x").render(e)
    }

    @Test func booleansRenderAsBits() throws {
        #expect(try render(true, .defaultValue) == "1")
        #expect(try render(false, .defaultValue) == "0")
        #expect(try render(col("is_active").equals(true)) == "[is_active] = 1")
    }

    @Test func literals() throws {
        #expect(try render(nil, .defaultValue) == "NULL")
        #expect(try render(.decimal("-0.85"), .defaultValue) == "-0.85")
        #expect(try render("it's", .defaultValue) == "'it''s'")
        #expect(try render(.unicode("it's"), .defaultValue) == "N'it''s'")
        #expect(try render(-5, .defaultValue) == "-5")
    }

    @Test func andOrAreParenthesisedWhenNested() throws {
        let e = col("a") > 0 && (col("b").in([1, 2]) || col("c").isNull)
        #expect(try render(e) == "[a] > 0 AND ([b] IN (1, 2) OR [c] IS NULL)")
        let o = (col("a") > 0 && col("b") > 0) || !col("c").isNotNull
        #expect(try render(o) == "([a] > 0 AND [b] > 0) OR NOT ([c] IS NOT NULL)")
    }

    @Test func arithmeticOperandsAreParenthesised() throws {
        #expect(try render((col("a") + col("b")) * 2 >= col("c")) == "(([a] + [b]) * 2) >= [c]")
    }

    @Test func callsAndCasts() throws {
        #expect(try render(.sysUTCDateTime, .defaultValue) == "SYSUTCDATETIME()")
        #expect(try render(Expression.fn("ISJSON", col("j")).equals(1)) == "ISJSON([j]) = 1")
        #expect(try render(Expression.sessionContext("site_id").cast(as: .smallint), .function(parameters: []))
                == "CAST(SESSION_CONTEXT(N'site_id') AS smallint)")
        #expect(try render(col("x").notIn(["a"])) == "[x] NOT IN ('a')")
    }

    @Test func parametersOnlyInsideFunctions() throws {
        #expect(try render(param("site_id").equals(1), .function(parameters: ["site_id"])) == "@site_id = 1")
        #expect(throws: RenderError.self) { try render(param("site_id").equals(1)) }
        #expect(throws: RenderError.self) { try render(param("other").equals(1), .function(parameters: ["site_id"])) }
        #expect(throws: RenderError.self) { try render(col("site_id").equals(1), .function(parameters: ["site_id"])) }
    }

    @Test func rawNeedsASQLServerEntry() throws {
        #expect(try render(.sql(sqlserver: "LEN([x]) > 0")) == "LEN([x]) > 0")
        let error = #expect(throws: RenderError.self) { try render(.sql(postgres: "length(x) > 0")) }
        #expect(error?.message.contains("no 'sqlserver' entry") == true)
        #expect(error?.path == "t.x")
    }

    @Test func defaultsCannotReadColumns() {
        #expect(throws: RenderError.self) { try render(col("a"), .defaultValue) }
    }

    @Test func invalidPiecesThrow() {
        #expect(throws: RenderError.self) { try render(.decimal("1e5; DROP TABLE x"), .defaultValue) }
        #expect(throws: RenderError.self) { try render(col("a").in([])) }
        #expect(throws: RenderError.self) { try render(.and([])) }
        #expect(throws: RenderError.self) { try render(.call("X(); DROP", arguments: [])) }
        #expect(throws: RenderError.self) { try render(.unicode("line\nGO\nmore"), .defaultValue) }
    }

    /// Filters: AND of `column op constant`, IS [NOT] NULL, IN; constants on the left are flipped.
    @Test func filters() throws {
        #expect(try render(col("end_ts").isNull && col("status").in([.unicode("open")]), .filter)
                == "[end_ts] IS NULL AND [status] IN (N'open')")
        #expect(try render(5 < col("qty"), .filter) == "[qty] > 5")
        #expect(try render(col("qty").notEquals(0), .filter) == "[qty] <> 0")
        for bad: Expression in [col("a").equals(1) || col("b").equals(2), !col("a").isNull, col("a").notIn([1]),
                                Expression.fn("GETDATE") < col("ts"), col("a") > col("b"), col("a") + 1 > 2] {
            #expect(throws: RenderError.self, "\(bad)") { try render(bad, .filter) }
        }
    }
}

@Suite struct RenderErrorTests {
    let q = Fixture.factCycle

    @Test func identityChangeThrows() {
        let error = #expect(throws: RenderError.self) {
            try batchSQL([.alterColumn(q, from: Column("cycle_id", .bigint), to: Column("cycle_id", .bigint).identity())])
        }
        #expect(error?.path == "fact.cycle.cycle_id")
        #expect(error?.message.contains("create a new table") == true)
    }

    @Test func computedChangeThrows() {
        #expect(throws: RenderError.self) {
            try batchSQL([.alterColumn(q, from: Column("total_qty", .int).computed(col("good_qty")),
                                       to: Column("total_qty", .int).computed(col("good_qty") + col("scrap_qty")))])
        }
        #expect(throws: RenderError.self) {
            try batchSQL([.alterColumn(q, from: Column("total_qty", .int), to: Column("total_qty", .int).computed(col("good_qty")))])
        }
    }

    @Test func rawWithoutSQLServerThrowsInAPlan() {
        let error = #expect(throws: RenderError.self) {
            try batchSQL([.addCheck(q, Check("ck_pg", .sql(postgres: "true")))])
        }
        #expect(error?.path == "fact.cycle.ck_pg")
    }

    @Test func inexpressibleObjectsThrow() {
        let tooLong = Table("t") { Column("a", .nvarchar(.n(5000))) }
        #expect(throws: RenderError.self) { try batchSQL([.createTable(QualifiedName("s", "t"), tooLong)]) }
        let columnstoreTable = Table("t") { Column("a", .int) }.compressed(.columnstore)
        #expect(throws: RenderError.self) { try batchSQL([.createTable(QualifiedName("s", "t"), columnstoreTable)]) }
        let identityDefault = Table("t") { Column("a", .int).identity().default("df", 0) }
        #expect(throws: RenderError.self) { try batchSQL([.createTable(QualifiedName("s", "t"), identityDefault)]) }
        #expect(throws: RenderError.self) {
            try batchSQL([.createIndex(q, Index("ix", on: "a").compressed(.columnstore))])
        }
        #expect(throws: RenderError.self) {
            try batchSQL([.createIndex(q, Index("ix", on: "a").filtered(col("a").equals(1) || col("a").equals(2)))])
        }
        #expect(throws: RenderError.self) {
            try batchSQL([.createPartitionFunction(PartitionFunction("pf", .date, .right, .days(from: "not a date", count: 3)))])
        }
        #expect(throws: RenderError.self) {
            try batchSQL([.splitRange(function: "pf_day", schemes: ["ps_missing"], boundary: .string("2026-01-01", unicode: false))])
        }
        #expect(throws: RenderError.self) {
            try batchSQL([.setDescription(.table(q), from: nil, to: nil)])
        }
    }
}

@Suite struct RenderShapeTests {
    let q = Fixture.factCycle

    @Test func descKeysAndIncludeOrder() throws {
        let ix = Index("ix", on: .desc("start_ts"), "machine_id").including("z_last", "a_first", "m_middle")
        let sql = try batchSQL([.createIndex(Fixture.refSite, ix)])
        // ref.site exists before the plan: the offline branch of the online guard.
        #expect(sql.count == 1)
        #expect(sql[0].hasSuffix("ELSE\nCREATE NONCLUSTERED INDEX [ix] ON [ref].[site] ([start_ts] DESC, [machine_id] ASC)\nINCLUDE ([z_last], [a_first], [m_middle]);\nEND;"))
    }

    @Test func filterRendering() throws {
        let ix = Index("ix", on: "a").filtered(col("end_ts").isNull && col("kind").in(["x", "y"]) && col("qty") >= 10)
        let sql = try batchSQL([.createIndex(Fixture.refSite, ix)])
        #expect(sql[0].contains("\nWHERE [end_ts] IS NULL AND [kind] IN ('x', 'y') AND [qty] >= 10\n") || sql[0].contains("\nWHERE [end_ts] IS NULL AND [kind] IN ('x', 'y') AND [qty] >= 10;\n"))
    }

    @Test func functionAndSchemaAreAloneInTheirBatches() throws {
        let script = try SQLServerDialect().render(MigrationPlan(from: Fixture.empty, to: Fixture.database, changes: [
            .createSchema("sec"),
            .createFunction(Fixture.secFilter, Fixture.siteFilter),
            .alterFunction(Fixture.secFilter, from: Fixture.siteFilter, to: Fixture.siteFilter),
        ]))
        #expect(script.batches.count == 3)
        #expect(script.batches[0].sql == "CREATE SCHEMA [sec];")
        #expect(script.batches[1].sql.hasPrefix("CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)\nRETURNS TABLE\nWITH SCHEMABINDING\nAS\nRETURN SELECT 1 AS [fn_result] WHERE "))
        #expect(script.batches[2].sql.hasPrefix("ALTER FUNCTION [sec].[fn_site_filter]("))
        #expect(script.batches.allSatisfy { $0.comment?.isEmpty == false })
    }

    @Test func descriptionsShareABatchPerTable() throws {
        let script = try SQLServerDialect().render(MigrationPlan(from: Fixture.database, to: Fixture.database, changes: [
            .setDescription(.table(q), from: nil, to: "a"),
            .setDescription(.column(q, "good_qty"), from: nil, to: "b"),
            .setDescription(.table(Fixture.refSite), from: nil, to: "c"),
            .setDescription(.column(q, "good_qty"), from: "b", to: nil),
        ]))
        #expect(script.batches.map(\.comment) == ["descriptions of table fact.cycle", "description of table ref.site", "description of table fact.cycle"])
        #expect(script.batches[0].sql.split(separator: "\n").count == 2)
        #expect(script.batches[2].sql == "EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA', @level0name = N'fact', @level1type = N'TABLE', @level1name = N'cycle', @level2type = N'COLUMN', @level2name = N'good_qty';")
    }

    @Test func scriptTextLayout() throws {
        let dialect = SQLServerDialect()
        let text = dialect.scriptText(SQLScript(batches: [
            SQLBatch("CREATE SCHEMA [ref];", comment: "create schema ref"),
            SQLBatch("DROP TABLE [a].[b];\n", comment: "two\nlines"),
            SQLBatch("SELECT 1;"),
        ]))
        #expect(text == """
            SET ANSI_NULLS ON;
            SET QUOTED_IDENTIFIER ON;
            GO
            -- create schema ref
            CREATE SCHEMA [ref];
            GO
            -- two lines
            DROP TABLE [a].[b];
            GO
            SELECT 1;
            GO

            """)
        #expect(dialect.id == "sqlserver")
    }

    @Test func emptyPlanIsJustThePreamble() throws {
        let text = try script([], from: Fixture.empty, to: Fixture.empty)
        #expect(text == "SET ANSI_NULLS ON;\nSET QUOTED_IDENTIFIER ON;\nGO\n")
    }
}
