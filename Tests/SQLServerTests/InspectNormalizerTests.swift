import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// ``ExpressionNormalizer``: SQL Server's stored text and the dialect's
/// rendering reach one canonical text.
@Suite struct InspectNormalizerTests {
    func n(_ text: String) -> String { ExpressionNormalizer.normalText(text) ?? "<unreadable: \(text)>" }

    @Test(arguments: [
        // Literals lose SQL Server's parentheses; signs belong to the number.
        ("((0))", "0"),
        ("((-1))", "-1"),
        ("(-(1))", "-1"),
        ("((60.000))", "60.000"),
        ("('VIEWER')", "'VIEWER'"),
        ("(N'open')", "N'open'"),
        ("('It''s')", "'It''s'"),
        ("(NULL)", "null"),
        // Calls: built-ins lower-cased, keyword functions as SQL Server stores them.
        ("(getutcdate())", "getutcdate()"),
        ("(SYSUTCDATETIME())", "sysutcdatetime()"),
        ("CURRENT_TIMESTAMP", "getdate()"),
        ("(newid())", "newid()"),
        ("([dbo].[MyFn]([a],(1)))", "dbo.MyFn(a, 1)"),
        // Comparisons and logic.
        ("([qty]>(0))", "qty > 0"),
        ("([qty]>=(0))", "qty >= 0"),
        ("([qty] >= 0)", "qty >= 0"),
        ("[qty]!=(0)", "qty <> 0"),
        ("([end_ts] IS NULL)", "end_ts is null"),
        ("([end_ts] IS NULL OR [end_ts]>[start_ts])", "end_ts is null or end_ts > start_ts"),
        ("([a]>=(0) AND [b]>=(0) AND [c]>=(0))", "a >= 0 and b >= 0 and c >= 0"),
        ("(([a]>=(0) AND [b]>=(0)) AND [c]>=(0))", "a >= 0 and b >= 0 and c >= 0"),
        ("([a] IS NULL OR [a]>=(0) AND [a]<=(1))", "a is null or a >= 0 and a <= 1"),
        ("([a] IS NULL OR ([a]>=(0) AND [a]<=(1)))", "a is null or a >= 0 and a <= 1"),
        ("(([a] IS NULL OR [b] IS NULL) AND [c]=(1))", "(a is null or b is null) and c = 1"),
        // Arithmetic keeps the parentheses precedence needs, and only those.
        ("([good_qty]+[scrap_qty])", "good_qty + scrap_qty"),
        ("((([a]*(2))-(1))>[b])", "a * 2 - 1 > b"),
        ("([a]-([b]-[c]))", "a - (b - c)"),
        ("(([a]+[b])*[c])", "(a + b) * c"),
        ("([a]- -(1))", "a - -1"),
        ("(-([a]+[b]))", "-(a + b)"),
        // Casts: CONVERT and CAST are one form; types canonical.
        ("(CONVERT([smallint],session_context(N'site_id')))", "cast(session_context(N'site_id') as smallint)"),
        ("CAST(SESSION_CONTEXT(N'site_id') AS smallint)", "cast(session_context(N'site_id') as smallint)"),
        ("(CONVERT([smallint],session_context(N'site_id'),(0)))", "cast(session_context(N'site_id') as smallint)"),
        ("CAST([x] AS decimal(12, 4))", "cast(x as decimal(12,4))"),
        ("CONVERT([numeric](12,4),[x])", "cast(x as decimal(12,4))"),
        ("CAST([x] AS datetime2)", "cast(x as datetime2(7))"),
        ("CAST([x] AS float(24))", "cast(x as real)"),
        ("CAST([x] AS NVARCHAR(MAX))", "cast(x as nvarchar(max))"),
        ("(CONVERT([varchar](10),[d],(120)))", "convert(varchar(10), d, 120)"),
        // IN lists and the OR / AND chains SQL Server stores for them.
        ("([role]='VIEWER' OR [role]='ADMIN' OR [role]='OPERATOR')", "role in ('ADMIN', 'OPERATOR', 'VIEWER')"),
        ("[role] IN ('OPERATOR', 'ADMIN', 'VIEWER')", "role in ('ADMIN', 'OPERATOR', 'VIEWER')"),
        ("[role] IN ('A')", "role = 'A'"),
        ("([k]<>'Z' AND [k]<>'W')", "k not in ('W', 'Z')"),
        ("[k] NOT IN ('Z', 'W')", "k not in ('W', 'Z')"),
        ("([status]='closed' OR [status]='open' OR [q]>(1))", "status in ('closed', 'open') or q > 1"),
        ("([a]=(1) OR [b]=(2))", "a = 1 or b = 2"),
        ("([six]>=(1) AND [six]<=(6) AND ([f]='Q' OR [f]='P' OR [f]='A'))", "six >= 1 and six <= 6 and f in ('A', 'P', 'Q')"),
        // BETWEEN and NOT are spelled the way SQL Server may rewrite them.
        ("[t] BETWEEN 1 AND 3600", "t >= 1 and t <= 3600"),
        ("[t] NOT BETWEEN 1 AND 3600", "t < 1 or t > 3600"),
        ("(NOT [a]=(1))", "a <> 1"),
        ("NOT ([a] IS NULL)", "a is not null"),
        ("NOT ([k] IN ('X', 'Y'))", "k not in ('X', 'Y')"),
        ("NOT (NOT ([a]>(1)))", "a > 1"),
        ("NOT ([a]=(1) AND [b]=(2))", "not (a = 1 and b = 2)"),
        ("[name] NOT LIKE 'x%'", "name not like 'x%'"),
        // Names keep their brackets only when they need them.
        ("[order]>(0)", "[order] > 0"),
        ("[a b]=(1)", "[a b] = 1"),
        ("[Qty]>(0)", "Qty > 0"),
        ("[a]]b]=(1)", "[a]]b] = 1"),
        ("(@site_id=CONVERT([smallint],session_context(N'site_id')))", "@site_id = cast(session_context(N'site_id') as smallint)"),
        // Everything else the grammar knows.
        ("(CASE WHEN [a]>(0) THEN (1) ELSE (0) END)", "case when a > 0 then 1 else 0 end"),
        ("([ts] AT TIME ZONE 'UTC')", "ts at time zone 'UTC'"),
        ("([code] COLLATE Latin1_General_BIN2)", "code collate Latin1_General_BIN2"),
        ("(count(*))", "count(*)"),
        ("(datediff(second,[start_ts],[end_ts]))", "datediff(second, start_ts, end_ts)"),
        ("DATEDIFF(SS, [start_ts], [end_ts])", "datediff(second, start_ts, end_ts)"),
    ])
    func normalizes(_ stored: String, _ expected: String) {
        #expect(n(stored) == expected)
        // Idempotent.
        #expect(n(n(stored)) == n(stored))
    }

    /// The dialect's rendering of a typed expression and SQL Server's stored
    /// form of it normalize to the same text.
    @Test func renderedAndStoredAgree() throws {
        let cases: [(Expression, ExpressionRenderer.Context, String)] = [
            (0, .defaultValue, "((0))"),
            (false, .defaultValue, "((0))"),
            (.decimal("60.000"), .defaultValue, "((60.000))"),
            (.sysUTCDateTime, .defaultValue, "(sysutcdatetime())"),
            ("06:00:00", .defaultValue, "('06:00:00')"),
            (col("qty") >= 0, .check, "([qty]>=(0))"),
            (col("status").in(["open", "closed"]), .check, "([status]='closed' OR [status]='open')"),
            (col("end_ts").isNull && col("status").in(["open", "paused"]), .filter, "([end_ts] IS NULL AND [status] IN ('open','paused'))"),
            (col("good_qty") + col("scrap_qty"), .computed, "([good_qty]+[scrap_qty])"),
            (param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)), .function(parameters: ["site_id"]),
             "(@site_id=CONVERT([smallint],session_context(N'site_id')))"),
        ]
        for (expression, context, stored) in cases {
            let rendered = try ExpressionRenderer(context: context, path: "t").render(expression)
            #expect(n(rendered) == n(stored), "\(rendered) vs \(stored)")
        }
    }

    /// The Unicode prefix is kept: it can change meaning, and SQL Server keeps it.
    @Test func unicodePrefixKept() {
        #expect(n("(N'A')") != n("('A')"))
        #expect(n("([c]=N'x')") == "c = N'x'")
    }

    /// What the parser refuses is kept verbatim (trimmed), marked so, and
    /// never reduced to a lossy form that could equal another text.
    @Test(arguments: [
        "((EXISTS (SELECT 1 FROM [t] WHERE [a] = 1)))",
        "([x] IN (SELECT [Y] FROM [dbo].[T]))",
        "(SUM([a]) OVER (PARTITION BY [b]))",
    ])
    func unreadableTextIsVerbatim(_ stored: String) {
        #expect(ExpressionNormalizer.normalText(stored) == nil)
        let e = ExpressionNormalizer.comparable("  " + stored + "\n")
        #expect(ExpressionComparison.isVerbatim(e))
        #expect(ExpressionComparison.text(e) == stored)
    }

    @Test func functionBodies() {
        let definition = """
            CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
            RETURNS TABLE
            WITH SCHEMABINDING
            AS
            RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint) OR CAST(SESSION_CONTEXT(N'is_global') AS bit) = 1;
            """
        #expect(ModuleDefinition.parse(definition) == .init(
            resultColumn: "fn_result",
            predicate: "@site_id = cast(session_context(N'site_id') as smallint) or cast(session_context(N'is_global') as bit) = 1"))
        // Case, comments, line breaks, RETURN ( … ) and no semicolon.
        let handWritten = """
            create function sec.fn_site_filter (@site_id smallint) returns table with schemabinding as
            -- only the session's site
            return ( select 1 as fn_result
                     where @site_id = convert(smallint, session_context(N'site_id')) /* or global */ )
            """
        #expect(ModuleDefinition.parse(handWritten) == .init(
            resultColumn: "fn_result", predicate: "@site_id = cast(session_context(N'site_id') as smallint)"))
        // Another shape: no predicate; the body is kept verbatim from RETURN on.
        let other = "CREATE FUNCTION [dbo].[f]() RETURNS TABLE AS RETURN SELECT [a] FROM [dbo].[t]"
        #expect(ModuleDefinition.parse(other) == nil)
        #expect(ModuleDefinition.body(other) == "RETURN SELECT [a] FROM [dbo].[t]")
    }

    @Test func securityPredicateCalls() {
        #expect(CatalogModelBuilder.predicateCall("([sec].[fn_site_filter]([site_id]))")! == (QualifiedName("sec", "fn_site_filter"), ["site_id"]))
        #expect(CatalogModelBuilder.predicateCall("[dbo].[fn_securitypredicate]([wing], [startTime], [endTime])")! == (QualifiedName("dbo", "fn_securitypredicate"), ["wing", "startTime", "endTime"]))
        #expect(CatalogModelBuilder.predicateCall("([site_id]>(0))") == nil)
    }

    @Test func boundaries() {
        let dt = SQLType.datetime2(precision: 3)
        #expect(PartitionBoundary.fromCatalog("2026-10-01T00:00:00.0000000", type: dt) == .string("2026-10-01T00:00:00", unicode: false))
        #expect(PartitionBoundary.fromCatalog("2026-10-01T00:00:00", type: dt) == .string("2026-10-01T00:00:00", unicode: false))
        #expect(PartitionBoundary.fromCatalog("2026-10-01 12:30:00.5000000", type: dt) == .string("2026-10-01T12:30:00.5", unicode: false))
        #expect(PartitionBoundary.canonical(.string("2026-10-01", unicode: false), type: dt) == .string("2026-10-01T00:00:00", unicode: false))
        #expect(PartitionBoundary.fromCatalog("2026-10-01", type: .date) == .string("2026-10-01", unicode: false))
        #expect(PartitionBoundary.fromCatalog("2026-10-01T00:00:00Z", type: .datetimeoffset(precision: 7)) == .string("2026-10-01T00:00:00", unicode: false))
        #expect(PartitionBoundary.fromCatalog("06:00:00.0000000", type: .time(precision: 0)) == .string("06:00:00", unicode: false))
        #expect(PartitionBoundary.fromCatalog("10", type: .int) == .int(10))
        #expect(PartitionBoundary.fromCatalog("10.50", type: .decimal(precision: 5, scale: 2)) == .decimal("10.5"))
        #expect(PartitionBoundary.canonical(.decimal("0010.500"), type: .decimal(precision: 5, scale: 2)) == .decimal("10.5"))
        #expect(PartitionBoundary.fromCatalog("A", type: .nvarchar(.n(10))) == .string("A", unicode: true))
    }
}
