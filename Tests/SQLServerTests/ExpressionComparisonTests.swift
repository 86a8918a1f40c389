import Foundation
import OEEDSL
import OEEDiff
import OEEModel
import Testing
@testable import SQLServer

/// SQL Server expressions compared by meaning (issue 12): the catalog's stored
/// text (corpus in Fixtures/, each form's source in its header) and the
/// dialect's rendering reach one normal tree; each change of meaning makes
/// them differ; text the grammar cannot read is "cannot compare", never equal.
@Suite struct ExpressionComparisonTests {
    struct Entry: Decodable {
        var view: String
        var forms: [String]
        var stored: String
        var rendered: String?
        var unreadable: Bool?
    }

    struct Corpus: Decodable {
        var forms: [String: String]
        var texts: [Entry]
    }

    static func corpus() throws -> Corpus {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/sqlserver-catalog-expressions.json")
        return try JSONDecoder().decode(Corpus.self, from: Data(contentsOf: url))
    }

    func c(_ text: String) -> OEEModel.Expression { ExpressionNormalizer.comparable(text) }

    @Test func everyStoredTextReadsAsItsRenderedMeaningAndEveryFormHasASource() throws {
        let corpus = try Self.corpus()
        #expect(corpus.texts.count > 30)
        for entry in corpus.texts {
            for form in entry.forms { #expect(corpus.forms[form] != nil, "form \(form) has no source") }
            let stored = c(entry.stored)
            if entry.unreadable == true {
                #expect(ExpressionComparison.isVerbatim(stored), "\(entry.stored) should not parse")
                continue
            }
            let normal = try #require(ExpressionNormalizer.normalText(entry.stored), "cannot parse \(entry.stored)")
            #expect(ExpressionNormalizer.normalText(normal) == normal, "not a fixpoint: \(entry.stored) → \(normal)")
            #expect(!ExpressionComparison.isVerbatim(stored))
            if let rendered = entry.rendered {
                #expect(stored == c(rendered), "\(entry.view): \(entry.stored) vs \(rendered)")
            }
        }
    }

    /// Each pair differs in meaning, so it must differ in normal form.
    @Test(arguments: [
        // operator precedence: the change the lossy PostgreSQL normalizer missed, as SQL Server stores both
        ("([parent_id] IS NULL AND [depth]=(0) OR [parent_id] IS NOT NULL AND [depth]>(0))",
         "([parent_id] IS NULL AND ([depth]=(0) OR [parent_id] IS NOT NULL) AND [depth]>(0))"),
        ("((([a]+(1))*(2))>(3))", "(([a]+(1)*(2))>(3))"),
        ("([a]-([b]-[c]))", "(([a]-[b])-[c])"),
        // NOT placement
        ("(NOT [a]=(1) AND [b] IS NULL)", "(NOT ([a]=(1) AND [b] IS NULL))"),
        ("(NOT [a] IS NULL OR [b]=(1))", "(NOT ([a] IS NULL OR [b]=(1)))"),
        // IN lists: a value more, a value changed, IN against NOT IN
        ("([s]='B' OR [s]='A')", "([s]='C' OR [s]='B' OR [s]='A')"),
        ("([s]='B' OR [s]='A')", "([s]='B' OR [s]='a')"),
        ("([s]='B' OR [s]='A')", "([s]<>'B' AND [s]<>'A')"),
        ("([s] IN ('A','B'))", "([s] IN ('A','B') OR [t]='A')"),
        // NULL handling
        ("([end_ts] IS NULL OR [end_ts]>[start_ts])", "([end_ts] IS NOT NULL OR [end_ts]>[start_ts])"),
        ("([b] IS NULL)", "([b]=NULL)"),
        ("([b] IS NULL)", "([b]<>NULL)"),
        // literal case and type
        ("([role]='VIEWER')", "([role]='viewer')"),
        ("([a]>(0))", "([a]>'0')"),
        ("([a]>(0))", "([a]>(0.0))"),
        ("([a]=(1))", "([a]=(1.5))"),
        ("([c]=N'x')", "([c]='x')"),
        // names: a bracketed name with ] is not the name without it, nor another case
        ("([a]]b]=(1))", "([ab]=(1))"),
        ("([Qty]>(0))", "([qty]>(0))"),
        // casts keep their type
        ("(CONVERT([smallint],[x]))", "(CONVERT([int],[x]))"),
        ("(CONVERT([varchar](10),[d],(120)))", "(CONVERT([varchar](10),[d],(121)))"),
    ])
    func differentMeaningsDiffer(_ a: String, _ b: String) {
        let (x, y) = (c(a), c(b))
        #expect(!ExpressionComparison.isVerbatim(x) && !ExpressionComparison.isVerbatim(y), "\(a) / \(b) must both parse")
        #expect(x != y, "\(a) and \(b) compare equal")
    }

    /// What the grammar cannot read is kept verbatim: equal only to the very
    /// same text, and reported as "cannot compare" against anything else.
    @Test func unreadableTextIsCannotCompareWithBothTextsNeverEqual() throws {
        let exists = "(EXISTS (SELECT 1 FROM [dbo].[t] WHERE [a]=(1)))"
        let a = c(exists)
        #expect(ExpressionComparison.isVerbatim(a))
        #expect(a == c(exists))
        #expect(a != c("(EXISTS (SELECT 1 FROM [dbo].[t] WHERE [a]=(2)))"))
        #expect(ExpressionComparison.cannotCompare(a, c("([a]=(1))")))
        #expect(ExpressionComparison.text(a) == exists)

        // Through the catalog reader: a CHECK SQL Server holds as a subquery-like text.
        let model = Database("oee") {
            Schema("app") {
                Table("t") {
                    Column("id", .int)
                    Column("a", .int)
                    PrimaryKey("pk_t", "id")
                    Check("ck_t_a", col("a") >= 0)
                }
            }
        }
        var rows = try SimulatedCatalog.rows(for: model)
        let columns = CatalogSQL.columns(.checkConstraints)
        let definition = try #require(columns.firstIndex(of: "definition"))
        rows["check_constraints"]![0][definition] = "([a]>=(0) OR [a] IN (SELECT [x] FROM [dbo].[u]))"
        let dialect = SQLServerDialect()
        let live = try dialect.comparable(try dialect.model(from: rows, databaseName: "oee"))
        let (items, _) = DriftDetector.compare(live: live, expected: try dialect.comparable(model))
        let item = try #require(items.first)
        #expect(items.count == 1, "\(items)")
        #expect(item.path == "app.t.ck_t_a")
        #expect(item.kind == "cannot compare check")
        #expect(item.actual == "([a]>=(0) OR [a] IN (SELECT [x] FROM [dbo].[u]))")
        #expect(item.expected == "a >= 0")
    }

    /// A predicate function whose body is not oeedb's shape is "cannot compare" with its body.
    @Test func aFunctionBodyOfAnotherShapeIsCannotCompare() throws {
        let model = Database("oee") {
            Schema("sec") {
                InlineFunction("fn_site", parameters: [.init("site_id", .smallint)],
                               where: param("site_id").equals(OEEModel.Expression.sessionContext("site_id").cast(as: .smallint)))
            }
        }
        var rows = try SimulatedCatalog.rows(for: model)
        let definition = try #require(CatalogSQL.columns(.functions).firstIndex(of: "definition"))
        rows["functions"]![0][definition] = "CREATE FUNCTION [sec].[fn_site](@site_id smallint) RETURNS TABLE WITH SCHEMABINDING AS RETURN SELECT 1 AS [fn_result] FROM [dbo].[t] WHERE [a] = @site_id"
        let dialect = SQLServerDialect()
        let live = try dialect.comparable(try dialect.model(from: rows, databaseName: "oee"))
        let (items, _) = DriftDetector.compare(live: live, expected: try dialect.comparable(model))
        let item = try #require(items.first)
        #expect(items.count == 1, "\(items)")
        #expect(item.kind == "cannot compare function")
        #expect(item.actual == "RETURN SELECT 1 AS [fn_result] FROM [dbo].[t] WHERE [a] = @site_id")
        #expect(item.expected == "@site_id = cast(session_context(N'site_id') as smallint)")
    }
}
