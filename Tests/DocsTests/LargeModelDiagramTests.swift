@testable import Docs
import Foundation
import OEEDSL
import OEEModel
import Testing

/// Above ``DiagramScale/detailLimit`` tables the diagrams change level so
/// that each stays readable: a schema overview for the database, a compact
/// grid for a schema (oeedb issue 17).
@Suite struct LargeModelDiagramTests {
    /// `count` tables over 2 schemas (even numbers in `a`, odd in `b`), each
    /// referencing an earlier one: the one before (the other schema) or, every
    /// third table, its half.
    static func model(tables count: Int) -> Database {
        Database("big") {
            for (si, schema) in ["a", "b"].enumerated() {
                Schema(schema, "Schema \(schema)") {
                    for i in stride(from: si, to: count, by: 2) {
                        Table("t\(i)", "Table \(i)") {
                            Column("id", .int, "Key")
                            Column("code", .varchar(.n(16)), "Code")
                            Column("parent_id", .int, "Parent").nullable()
                            PrimaryKey("pk_t\(i)", "id")
                            if i > 0 { ForeignKey("fk_t\(i)_parent", "parent_id", references: parent(i), "id") }
                        }
                    }
                }
            }
        }
    }

    static func parent(_ i: Int) -> String {
        let j = i % 3 == 0 ? i / 2 : i - 1
        return "\(j % 2 == 0 ? "a" : "b").t\(j)"
    }

    static let large = DocsRenderer(model(tables: 400))
    static let dotInstalled = GraphvizRunner.locate() != nil
    static var fontInstalled: Bool { (try? DiagramFont.erd.verify()) != nil }

    func file(_ renderer: DocsRenderer, _ path: String) throws -> String {
        try #require(renderer.diagrams().first { $0.path == path }).contents
    }

    @Test func theWholeDatabaseBecomesASchemaOverview() throws {
        let dot = try file(Self.large, "erd/database.dot")
        let facts = Self.large.facts
        let crossing = facts.relationships.filter { $0.child.schema != $0.parent.schema }
        #expect(dot.contains("schema overview: 400 tables"))
        #expect(!dot.contains("\"a.t0\""), "no table is drawn on its own")
        #expect(dot.contains("\"a\" [label=<") && dot.contains("\"b\" [label=<"))
        #expect(dot.contains("URL=\"a.svg\""))
        let crossingAB = crossing.filter { $0.child.schema == "a" }.count
        #expect(dot.contains("\"a\" -> \"b\" [dir=forward, arrowhead=normal, penwidth=") && dot.contains("label=\"\(crossingAB) foreign keys\""))
        let mermaid = try file(Self.large, "erd/database.mmd")
        #expect(mermaid.hasPrefix("flowchart LR\n"))
        #expect(mermaid.split(separator: "\n").count <= 2 + 2 + 2)
    }

    @Test func aLargeSchemaIsACompactGridWithReferencesAsText() throws {
        let dot = try file(Self.large, "erd/a.dot")
        let tables = 200
        #expect(dot.components(separatedBy: " [label=<").count - 1 == tables)
        let ranks = dot.split(separator: "\n").filter { $0.hasPrefix("    { rank=same; ") }
        // √200 → 15 tables a column, 14 columns.
        #expect(ranks.count == 14)
        #expect(ranks.allSatisfy { $0.components(separatedBy: ";").count - 1 <= 15 })
        // Only the invisible edges that order the columns: no foreign key is drawn as a line.
        let edges = dot.split(separator: "\n").filter { $0.contains(" -> ") }
        #expect(edges.allSatisfy { $0.hasSuffix("[style=invis]") })
        #expect(dot.contains("→ b.t1 (parent_id)"))
        // Every non-empty cell is sized for a fallback font.
        let cells = try Regex(#"<td([^>]*)>((?:(?!</td>).)+)</td>"#)
        for match in dot.matches(of: cells) {
            #expect((match.output[1].substring ?? "").contains(" width=\""), "\(match.output[0].substring ?? "")")
        }
        let md = DocsRenderer(Self.model(tables: 400)).textFiles().first { $0.path == "dictionary.md" }?.contents ?? ""
        #expect(md.contains("[erd/a.svg](erd/a.svg)"))
        #expect(!md.contains("```mermaid\nerDiagram\n    %% big.a"))
    }

    @Test func atTheLimitEveryTableIsStillDrawn() throws {
        let renderer = DocsRenderer(Self.model(tables: DiagramScale.detailLimit))
        #expect(try file(renderer, "erd/database.dot").contains("\"a.t0\" [label=<"))
        #expect(try file(renderer, "erd/a.dot").contains("\"a.t2\":\"r_parent_id\":e -> \"b.t1\" ["))
    }

    /// 40 tables (below the limit) that all reference one table of another
    /// schema share one rank: a single column ~9,000 pt tall, so compact.
    @Test func aSchemaWhoseFullLayoutIsOneTallColumnIsCompact() throws {
        let db = Database("wide") {
            Schema("p", "Parents") {
                Table("root", "The parent") {
                    Column("id", .int, "Key")
                    PrimaryKey("pk_root", "id")
                }
            }
            Schema("c", "Children") {
                for i in 0..<40 {
                    Table("t\(i)", "Child \(i)") {
                        Column("id", .int, "Key")
                        for k in 0..<8 { Column("v\(k)", .int, "Value \(k)") }
                        Column("root_id", .int, "Parent")
                        PrimaryKey("pk_t\(i)", "id")
                        ForeignKey("fk_t\(i)_root", "root_id", references: "p.root", "id")
                    }
                }
            }
        }
        let renderer = DocsRenderer(db)
        let facts = renderer.facts
        #expect(DiagramScale.tallestColumn(db.schemas[1], facts: facts) > DiagramScale.columnLimit)
        #expect(DiagramScale.isCompact(db.schemas[1], facts: facts))
        #expect(!DiagramScale.isCompact(db.schemas[0], facts: facts))
        #expect(try file(renderer, "erd/c.dot").contains("40 tables, compact"))
        #expect(try file(renderer, "erd/database.dot").contains("\"c.t0\" [label=<"), "the database diagram (41 tables) stays full")
    }

    @Test(.enabled(if: dotInstalled && fontInstalled, "Graphviz or DejaVu Sans (fonts-dejavu-core) is not installed"))
    func largeDiagramsHaveAReadableSizeAndAreDeterministic() throws {
        let graphviz = try #require(GraphvizRunner.locate())
        let renderer = DocsRenderer(Self.model(tables: 2_000))
        let dots = renderer.diagrams().filter { $0.path.hasSuffix(".dot") }
        let svgs = try renderer.svgFiles(from: dots, graphviz: graphviz)
        #expect(svgs.map(\.path) == ["erd/database.svg", "erd/a.svg", "erd/b.svg"])
        let size = try Regex(#"<svg width="(\d+)pt" height="(\d+)pt""#)
        for svg in svgs {
            let m = try #require(svg.contents.firstMatch(of: size), "\(svg.path)")
            let w = Int(m.output[1].substring ?? "") ?? .max, h = Int(m.output[2].substring ?? "") ?? .max
            // Before: one column of nodes (445 × 192,000 pt for the database). Now no side beyond 6,000 pt nor 5:1.
            #expect(w <= 6_000 && h <= 6_000 && max(w, h) <= 5 * min(w, h), "\(svg.path): \(w) × \(h) pt")
        }
        #expect(try renderer.svgFiles(from: dots, graphviz: graphviz) == svgs)
    }
}
