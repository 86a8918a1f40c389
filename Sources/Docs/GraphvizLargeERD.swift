import OEEModel

/// The Graphviz diagrams of a model too large to draw table by table (see
/// ``DiagramScale``): the schema overview and the compact schema grid. Same
/// font rules as ``GraphvizERD``: the font is named on the graph, nodes and
/// edges, and every cell is sized for a fallback font.
enum GraphvizLargeERD {
    static let font = DiagramFont.erd

    /// One node per schema, one edge per pair of schemas with foreign keys between them.
    static func overview(_ facts: ModelFacts) -> String {
        let db = facts.database
        let legend = "one box per schema (click: its own diagram) · an arrow per pair of schemas: foreign keys from one to the other"
        var lines = GraphvizERD.header(name: db.name, title: db.name,
                                       subtitle: "schema overview: \(db.allTables.count) tables, too many to draw one by one",
                                       legend: legend)
        var inside: [String: Int] = [:]
        var between: [String: [String: Int]] = [:]
        for r in facts.relationships {
            if r.child.schema == r.parent.schema { inside[r.child.schema, default: 0] += 1 } else { between[r.child.schema, default: [:]][r.parent.schema, default: 0] += 1 }
        }
        for (i, schema) in db.schemas.enumerated() {
            let c = GraphvizERD.color(i)
            let title = schema.name
            let counts = "\(count(schema.tables.count, "table")) · \(count(inside[schema.name] ?? 0, "foreign key")) inside"
            var rows = "<tr><td bgcolor=\"\(c)\" align=\"left\" cellpadding=\"5\"\(GraphvizERD.minWidth(title, pointSize: 12, padding: 5))><font color=\"white\" point-size=\"12\"><b>\(GraphvizERD.html(title))</b></font></td></tr>"
            rows += "<tr><td align=\"left\"\(GraphvizERD.minWidth(counts, pointSize: 10))>\(GraphvizERD.html(counts))</td></tr>"
            for line in GraphvizERD.wrap(DocText.described(schema.description) ?? "", width: 48) {
                rows += "<tr><td align=\"left\"\(GraphvizERD.minWidth(line, pointSize: 9))><font color=\"#475569\" point-size=\"9\">\(GraphvizERD.html(line))</font></td></tr>"
            }
            let label = "<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" color=\"#94a3b8\" bgcolor=\"white\">\(rows)</table>"
            lines.append("    \(GraphvizERD.id(schema.name)) [label=<\(label)>, URL=\(GraphvizERD.id("\(schema.name).svg")), tooltip=\(GraphvizERD.id("schema \(schema.name): its own diagram"))]")
        }
        for child in db.schemas {
            for parent in db.schemas {
                guard let n = between[child.name]?[parent.name] else { continue }
                lines.append("    \(GraphvizERD.id(child.name)) -> \(GraphvizERD.id(parent.name)) [dir=forward, arrowhead=normal, penwidth=\(penwidth(n)), label=\(GraphvizERD.id(count(n, "foreign key"))), tooltip=\(GraphvizERD.id("\(count(n, "foreign key")) from \(child.name) to \(parent.name)"))]")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Every table of `schema` with its key columns and the tables it references, in a grid.
    static func compact(_ schema: Schema, facts: ModelFacts) -> String {
        let db = facts.database
        let index = db.schemas.firstIndex { $0.name == schema.name } ?? 0
        let subtitle = [DocText.described(schema.description), "\(schema.tables.count) tables, compact: key columns, and the tables each references; every column and foreign key in the data dictionary"]
            .compactMap { $0 }.joined(separator: " · ")
        var lines = GraphvizERD.header(name: "\(db.name).\(schema.name)", title: "\(db.name) · \(schema.name)", subtitle: subtitle,
                                       legend: "PK primary key · FK foreign key · UK unique · → referenced table (column)")
        let names = schema.tables.map { QualifiedName(schema.name, $0.name) }
        for (t, name) in zip(schema.tables, names) {
            lines.append("    " + node(name, t, facts: facts, color: GraphvizERD.color(index)))
        }
        // Columns of about √n tables each (rankdir=LR: a rank is a column), kept in order by invisible edges.
        let perColumn = max(1, Int(Double(names.count).squareRoot().rounded(.up)))
        let columns = stride(from: 0, to: names.count, by: perColumn).map { Array(names[$0..<min($0 + perColumn, names.count)]) }
        for column in columns {
            lines.append("    { rank=same; \(column.map { GraphvizERD.id($0.description) }.joined(separator: "; ")) }")
        }
        for (a, b) in zip(columns, columns.dropFirst()) {
            lines.append("    \(GraphvizERD.id(a[0].description)) -> \(GraphvizERD.id(b[0].description)) [style=invis]")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func node(_ name: QualifiedName, _ table: Table, facts: ModelFacts, color: String) -> String {
        var rows = "<tr><td colspan=\"3\" bgcolor=\"\(color)\" align=\"left\" cellpadding=\"5\"\(GraphvizERD.minWidth(name.description, pointSize: 10, padding: 5))><font color=\"white\"><b>\(GraphvizERD.html(name.description))</b></font></td></tr>"
        for c in table.columns where facts.isKeyColumn(table, c.name) {
            let keys = facts.keyMarkers(table, c.name).joined(separator: " ")
            let type = c.type.description
            rows += "<tr>"
                + "<td align=\"left\"\(GraphvizERD.minWidth(keys, pointSize: 8))><font color=\"#b45309\" point-size=\"8\">\(keys)</font></td>"
                + "<td align=\"left\"\(GraphvizERD.minWidth(c.name, pointSize: 10))>\(c.isNullable ? GraphvizERD.html(c.name) : "<b>\(GraphvizERD.html(c.name))</b>")</td>"
                + "<td align=\"left\"\(GraphvizERD.minWidth(type, pointSize: 10))><font color=\"#64748b\">\(GraphvizERD.html(type))</font></td>"
                + "</tr>"
        }
        for r in facts.references(from: name) {
            let text = "→ \(r.parent) (\(r.foreignKey.columns.joined(separator: ", ")))"
            rows += "<tr><td colspan=\"3\" align=\"left\"\(GraphvizERD.minWidth(text, pointSize: 8))><font color=\"#475569\" point-size=\"8\">\(GraphvizERD.html(text))</font></td></tr>"
        }
        let label = "<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" cellpadding=\"3\" color=\"#94a3b8\" bgcolor=\"white\">\(rows)</table>"
        return "\(GraphvizERD.id(name.description)) [label=<\(label)>, tooltip=\(GraphvizERD.id(DocText.described(table.description) ?? name.description))]"
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// Thicker for more foreign keys: 1 to 4 points, growing with the square root of the count.
    static func penwidth(_ n: Int) -> String {
        let tenths = min(40, 10 + 6 * Int(Double(n).squareRoot().rounded(.down)) / 2)
        return "\(tenths / 10).\(tenths % 10)"
    }
}
