import OEEModel

/// Reading a live database back into the model, as SQL text and a pure
/// mapping from rows (dialects never import ODBC; the caller runs the queries).
public protocol InspectorDialect: SQLDialect {
    /// A fixed set of catalog queries, each run once for the whole database —
    /// never once per table. Schemas in `excluding` (the tool's own) are left out.
    /// With `tables`, the same queries read only those tables (and their
    /// schemas), still a constant number: the migration post-check's read.
    func catalogQueries(excluding schemas: [String], tables: [QualifiedName]?) -> [CatalogQuery]
    /// Whether the catalog queries may travel as one batch (one round trip,
    /// one result set per query, in order) instead of one round trip each.
    var readsCatalogInOneBatch: Bool { get }
    /// The restricted read (the post-check's) as statements prepared once
    /// per session, their names starting with `prefix`; nil when the dialect
    /// has none (then ``catalogQueries(excluding:tables:)`` is sent each time).
    func preparedCatalogRead(excluding schemas: [String], prefix: String) -> PreparedCatalogRead?
    /// Builds the model from the rows of every query, keyed by query name.
    func model(from rows: CatalogRows, databaseName: String) throws -> Database
    /// The model as this engine can represent it, so that a model and its
    /// introspected copy compare equal: types mapped to the engine's, features it
    /// omits removed, expressions in one normalized text form.
    func comparable(_ model: Database) throws -> Database
    /// Catalog queries for what the model cannot hold (views, routines,
    /// triggers, sequences, grants, unsupported options), each row
    /// `(schema, object, detail)`; the query name is the kind of loss.
    func lossQueries(excluding schemas: [String]) -> [CatalogQuery]
    /// The read model as DSL source can state it (`oeedb import`): catalog
    /// expressions typed where the DSL says the same, names for what the
    /// engine leaves unnamed, objects the model cannot hold moved to losses.
    func importable(_ model: Database, lossRows: CatalogRows) throws -> ImportedModel
}

extension InspectorDialect {
    /// The queries that read the whole database.
    public func catalogQueries(excluding schemas: [String]) -> [CatalogQuery] {
        catalogQueries(excluding: schemas, tables: nil)
    }

    /// One round trip per query unless a dialect says otherwise.
    public var readsCatalogInOneBatch: Bool { false }

    public func preparedCatalogRead(excluding schemas: [String], prefix: String) -> PreparedCatalogRead? { nil }
}

/// One named catalog query.
public struct CatalogQuery: Hashable, Sendable {
    public var name: String
    public var sql: String

    public init(_ name: String, _ sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// The catalog queries restricted to some tables, prepared once per session
/// and executed per read: no parsing or planning per migration.
public struct PreparedCatalogRead: Sendable {
    /// The query names, in the order of the result sets an execution returns.
    public var names: [String]
    /// The batch that prepares every query (no result sets).
    public var prepare: String
    /// The batch that executes every prepared query for `tables` (one result set each).
    public var execute: @Sendable ([QualifiedName]) -> String

    public init(names: [String], prepare: String, execute: @escaping @Sendable ([QualifiedName]) -> String) {
        self.names = names
        self.prepare = prepare
        self.execute = execute
    }
}

/// Rows of each catalog query (every value as text, NULL as nil), by query name.
public typealias CatalogRows = [String: [[String?]]]

extension Dictionary where Key == String, Value == [[String?]] {
    /// The rows of `query`, or an error naming the missing query.
    public func rows(_ query: String) throws -> [[String?]] {
        guard let rows = self[query] else { throw RenderError("catalog", "no rows for catalog query '\(query)'") }
        return rows
    }
}
