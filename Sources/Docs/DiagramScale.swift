import OEEModel

/// When a diagram stops drawing every table in full.
///
/// Graphviz lays a whole database out as one ranked graph: at 2,000 tables
/// that is a single column of nodes 445 × 192,000 px — no viewer shows it.
/// So above ``detailLimit`` tables:
/// - the whole-database diagram becomes a *schema overview*: one node per
///   schema (its table and foreign-key counts, linking to its own diagram) and
///   one edge per pair of schemas with foreign keys between them, labelled
///   with their number — readable whatever the table count;
/// - a schema's own diagram becomes *compact*: every table with its key
///   columns and, as text, the tables it references, set in a grid of about
///   √n columns with no edges (thousands of crossing lines carry no
///   information); the dictionary lists every foreign key both ways.
/// 60 is twice the canonical schema (30 tables), whose diagrams stay as they
/// are: at that size the full layout is about 2,000 × 2,200 pt.
///
/// A schema below the limit is still drawn compact when its full layout would
/// stack more than ``columnLimit`` points of tables in one column: Graphviz
/// ranks tables left to right along their foreign keys, so 50 tables that all
/// reference other schemas share one rank — one column 14,000 px tall. The
/// estimate is made from the model alone (never from a drawing), so the DOT
/// is the same with or without Graphviz installed.
public enum DiagramScale {
    public static let detailLimit = 60
    /// The tallest column of tables a full schema diagram may have, in points.
    public static let columnLimit = 4_000.0

    public static func isLarge(tables: Int) -> Bool { tables > detailLimit }

    /// Whether `schema`'s own diagram is drawn compact.
    public static func isCompact(_ schema: Schema, facts: ModelFacts) -> Bool {
        isLarge(tables: schema.tables.count) || tallestColumn(schema, facts: facts) > columnLimit
    }

    /// The estimated height in points of the tallest rank of the full layout:
    /// a table's rank is one more than the highest rank of the tables in the
    /// schema that reference it (as `dot` places them, children left of
    /// parents); a table is a header and a row per column, 19 pt each, plus
    /// the 0.3 in node separation.
    static func tallestColumn(_ schema: Schema, facts: ModelFacts) -> Double {
        let names = schema.tables.map { QualifiedName(schema.name, $0.name) }
        var rank: [QualifiedName: Int] = [:]
        var visiting: Set<QualifiedName> = []
        func rankOf(_ t: QualifiedName) -> Int {
            if let r = rank[t] { return r }
            guard visiting.insert(t).inserted else { return 0 }  // a cycle: dot breaks it somewhere
            let children = facts.referencedBy(t).map(\.child).filter { $0.schema == schema.name && $0 != t }
            let r = children.map { rankOf($0) + 1 }.max() ?? 0
            visiting.remove(t)
            rank[t] = r
            return r
        }
        var height: [Int: Double] = [:]
        for (name, table) in zip(names, schema.tables) {
            height[rankOf(name), default: 0] += Double(table.columns.count + 1) * 19 + 0.3 * 72
        }
        return height.values.max() ?? 0
    }
}
