import Foundation
import OEEDiff
import OEEModel
import Testing
@testable import PostgreSQL

/// The shortcuts of the comparable form give exactly what the long way gives.
struct ComparableCacheTests {
    /// Descriptions: the ASCII fast path and the Foundation trim agree on
    /// every kind of edge (ASCII and Unicode spaces, newlines, tabs, empty).
    @Test func descriptionsAreTrimmedAsFoundationTrimsThem() {
        let texts = ["Key", "  Key", "Key  ", "\tKey\n", " ", "", "\u{00A0}Key", "Key\u{2003}", "Ké", "é", "\u{0301}x", "x\u{0085}",
                     "a b", "\u{FEFF}x", "x\u{200B}", "~", "!", "\r\n"]
        for text in texts {
            let slow = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(DescriptionText.clean(text) == (slow.isEmpty ? nil : slow), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(DescriptionText.clean(nil) == nil)
    }

    /// Tables sharing column types share normal forms; tables whose column
    /// types differ do not: a timestamp literal compared with a timestamp
    /// column is rewritten, compared with a text column it is not.
    @Test func normalFormsAreSharedOnlyBetweenTablesWithTheSameColumnTypes() throws {
        let check = Expression.raw(["postgres": "(c >= '2026-01-01T00:00:00'::text)"])
        func table(_ name: String, _ type: SQLType) -> Table {
            var t = Table(name: name)
            t.columns = [Column(name: "c", type: type, isNullable: true)]
            t.checks = [CheckConstraint(name: "ck_\(name)", expression: check)]
            return t
        }
        var db = Database(name: "x")
        var s = Schema(name: "s")
        s.tables = [table("a", .datetime2(precision: 3)), table("b", .varchar(.n(20))), table("c", .datetime2(precision: 3))]
        db.schemas = [s]
        let dialect = PostgreSQLDialect()
        let all = try dialect.comparable(db)
        for t in s.tables {
            var one = db
            one.schemas[0].tables = [t]
            let alone = try dialect.comparable(one)
            #expect(all.table(QualifiedName("s", t.name))?.checks == alone.table(QualifiedName("s", t.name))?.checks)
        }
        let a = all.table(QualifiedName("s", "a"))?.checks.first?.expression
        let b = all.table(QualifiedName("s", "b"))?.checks.first?.expression
        #expect(a != b)
        #expect(a == all.table(QualifiedName("s", "c"))?.checks.first?.expression)
    }
}

/// The columns query leaves the order to the builder (sorting 20,000 wide
/// rows on the server spilled to disk): each table's columns come out by attnum.
struct CatalogColumnOrderTests {
    @Test func columnsAreOrderedByAttnumWhateverTheRowOrder() throws {
        func column(_ table: String, _ name: String, _ attnum: Int) -> [String?] {
            ["s", table, name, "integer", "0", "", nil, nil, nil, "", nil, String(attnum)]
        }
        let rows: CatalogRows = [
            "schemas": [["s", nil]],
            "tables": [["s", "a", nil, "0", nil], ["s", "b", nil, "0", nil]],
            "columns": [column("b", "y", 2), column("a", "c3", 10), column("a", "c1", 1), column("b", "x", 1), column("a", "c2", 2)],
            "constraints": [], "indexes": [], "partitions": [], "functions": [], "policies": [],
        ]
        let db = try PostgreSQLDialect().model(from: rows, databaseName: "x")
        #expect(db.table(QualifiedName("s", "a"))?.columns.map(\.name) == ["c1", "c2", "c3"])
        #expect(db.table(QualifiedName("s", "b"))?.columns.map(\.name) == ["x", "y"])
    }
}
