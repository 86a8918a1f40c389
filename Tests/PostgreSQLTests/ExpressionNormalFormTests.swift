import Foundation
import OEEDiff
import OEEModel
import Testing
@testable import PostgreSQL

/// The normal form drift compares PostgreSQL expressions in, checked on a
/// corpus of catalog texts captured from PostgreSQL 15 (Fixtures/).
struct ExpressionNormalFormTests {
    static var corpus: [String] {
        get throws {
            let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/pg15-catalog-expressions.json")
            struct File: Decodable { var texts: [String] }
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).texts
        }
    }

    @Test func everyCapturedCatalogTextParsesButTheSubscriptAndItsNormalFormIsAFixpoint() throws {
        let texts = try Self.corpus
        #expect(texts.count > 40)
        for text in texts {
            guard let normal = ExpressionNormalizer.normalText(text) else {
                // The one construct the grammar refuses: an array subscript.
                #expect(text.contains(")[1]"), "cannot parse: \(text)")
                continue
            }
            #expect(ExpressionNormalizer.normalText(normal) == normal, "not a fixpoint: \(text) → \(normal)")
        }
    }

    static let columns: [String: SQLType] = [
        "a": .int, "b": .varchar(.n(10)), "c": .datetime2(precision: 3), "role": .varchar(.n(16)), "payload_json": .varchar(.max),
        "parent_id": .int, "depth": .int, "g": .char(.n(1)),
    ]

    /// Catalog text and what the dialect renders for the same model mean the same.
    @Test(arguments: [
        ("((role)::text = ANY ((ARRAY['VIEWER'::character varying, 'ADMIN'::character varying])::text[]))", "\"role\" IN ('VIEWER', 'ADMIN')"),
        ("CHECK (((NOT (a = 1)) AND ((b)::text <> ALL ((ARRAY['x'::character varying, 'it''s'::character varying, 'a]b'::character varying, 'q\"u'::character varying])::text[]))))",
         "NOT (\"a\" = 1) AND \"b\" NOT IN ('x', 'it''s', 'a]b', 'q\"u')"),
        ("(((c >= '2026-01-01 00:00:00'::timestamp without time zone) AND (a >= '-1'::integer)))", "\"c\" >= '2026-01-01T00:00:00.000' AND \"a\" >= -1"),
        ("(((payload_json IS NULL) OR (isjson((payload_json)::text) > 0)))", "\"payload_json\" IS NULL OR oeedb.isjson(\"payload_json\") > 0"),
        ("(now() AT TIME ZONE 'UTC'::text)", "(now() AT TIME ZONE 'UTC')"),
        ("'A'::bpchar", "'A'"),
    ])
    func catalogTextEqualsRenderedText(catalog: String, rendered: String) {
        let a = ExpressionNormalizer.comparable(catalog, columns: Self.columns)
        let b = ExpressionNormalizer.comparable(rendered, columns: Self.columns)
        #expect(a == b)
        #expect(!ExpressionComparison.isVerbatim(a))
    }

    /// Each pair differs in meaning, and so must differ in normal form.
    @Test(arguments: [
        // operator precedence (the missed change)
        ("(((parent_id IS NULL) AND (depth = 0)) OR ((parent_id IS NOT NULL) AND (depth > 0)))",
         "((parent_id IS NULL) AND ((depth = 0) OR (parent_id IS NOT NULL)) AND (depth > 0))"),
        ("((a + 1) * 2 > 3)", "(a + (1 * 2) > 3)"),
        // NOT placement
        ("((NOT (a = 1)) AND (b IS NULL))", "(NOT ((a = 1) AND (b IS NULL)))"),
        // IN lists
        ("(a = ANY (ARRAY[1, 2]))", "(a = ANY (ARRAY[1, 2, 3]))"),
        ("(a = ANY (ARRAY[1, 2]))", "(a <> ALL (ARRAY[1, 2]))"),
        // NULL handling
        ("(b IS NULL)", "(b IS NOT NULL)"),
        ("(b IS NULL)", "(b = NULL)"),
        // literal case and type
        ("((role)::text = 'VIEWER'::text)", "((role)::text = 'viewer'::text)"),
        ("(a > 0)", "((a)::text > '0'::text)"),
        ("(a > 0)", "(a > 0.5)"),
        // quoting: a name with a quote is not the name without it
        ("(\"q\"\"uote\" > 0)", "(quote > 0)"),
    ])
    func differentMeaningsDiffer(a: String, b: String) {
        let x = ExpressionNormalizer.comparable(a, columns: Self.columns)
        let y = ExpressionNormalizer.comparable(b, columns: Self.columns)
        #expect(x != y, "\(a) and \(b) compare equal")
    }

    @Test func unparseableTextIsKeptVerbatimAndNeverEqualsOtherText() {
        let a = ExpressionNormalizer.comparable("(a > (ARRAY[0, 1])[1])")
        let b = ExpressionNormalizer.comparable("(a > (ARRAY[0, 2])[1])")
        #expect(ExpressionComparison.isVerbatim(a))
        #expect(a != b)
        #expect(a == ExpressionNormalizer.comparable("(a > (ARRAY[0, 1])[1])"))
    }
}
