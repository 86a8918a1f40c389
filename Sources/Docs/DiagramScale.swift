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
public enum DiagramScale {
    public static let detailLimit = 60

    public static func isLarge(tables: Int) -> Bool { tables > detailLimit }
}
