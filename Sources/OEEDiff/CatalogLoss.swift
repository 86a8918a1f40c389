import OEEModel

/// Something in a live database that the model cannot hold, found by the
/// dialect's loss queries (``InspectorDialect/lossQueries(excluding:)``) or by
/// the import itself: a view, a procedure, a trigger, a sequence, a grant, an
/// option such as a column collation or a fillfactor. `oeedb import` lists
/// every one of them, so nothing is dropped silently.
public struct CatalogLoss: Hashable, Sendable, Codable, Comparable {
    /// The loss query that found it (`views`, `routines`, `triggers`,
    /// `sequences`, `grants`, `options`, `other_objects`) or `import`.
    public var kind: String
    /// The object's path: `schema.object` (`sales.v_open_orders`, `fact.cycle.trg_touch`).
    public var object: String
    /// What it is and what is left out, in the engine's words.
    public var detail: String

    public init(kind: String, object: String, detail: String) {
        self.kind = kind
        self.object = object
        self.detail = detail
    }

    public static func < (a: Self, b: Self) -> Bool { (a.kind, a.object, a.detail) < (b.kind, b.object, b.detail) }

    /// The losses in rows of the loss queries, each row `(schema, object, detail)`.
    public static func from(_ rows: CatalogRows) -> [CatalogLoss] {
        var result: [CatalogLoss] = []
        for (kind, list) in rows {
            for r in list {
                let schema = (r.count > 0 ? r[0] : nil) ?? ""
                let object = (r.count > 1 ? r[1] : nil) ?? ""
                let path = [schema, object].filter { !$0.isEmpty }.joined(separator: ".")
                result.append(CatalogLoss(kind: kind, object: path.isEmpty ? "(database)" : path, detail: ((r.count > 2 ? r[2] : nil) ?? "").trimmingSpaces))
            }
        }
        return result.sorted()
    }
}

/// A live database as DSL source can state it, with what had to stay behind.
public struct ImportedModel: Hashable, Sendable {
    public var database: Database
    /// Objects and options the model cannot hold.
    public var losses: [CatalogLoss]
    /// What the import decided where the engine keeps no answer (generated
    /// default names, partition functions per table, the maintenance session).
    public var notes: [String]

    public init(database: Database, losses: [CatalogLoss] = [], notes: [String] = []) {
        self.database = database
        self.losses = losses
        self.notes = notes
    }
}
