import OEEModel

/// The changes that take a database from `from` to `to`, in the order they
/// must run. Plain data: a dialect renders it, the runner executes the text.
public struct MigrationPlan: Hashable, Sendable {
    public var from: Database
    public var to: Database
    public var changes: [SchemaChange]
    /// Tables of `to`, then `from`, by name: O(1) lookups for renderers.
    private let tables: [QualifiedName: Table]

    public init(from: Database, to: Database, changes: [SchemaChange]) {
        self.from = from
        self.to = to
        self.changes = changes
        var tables = Dictionary(from.allTables.map { ($0.name, $0.table) }, uniquingKeysWith: { a, _ in a })
        for (q, t) in to.allTables { tables[q] = t }
        self.tables = tables
    }

    /// The table as the plan leaves it, or as it was if the plan drops it.
    public func table(_ name: QualifiedName) -> Table? { tables[name] }

    public var isEmpty: Bool { changes.isEmpty }

    /// Every destructive change with its reason.
    public var destructiveChanges: [(change: SchemaChange, reason: String)] {
        changes.compactMap { c in c.destructiveReason.map { (c, $0) } }
    }
}
