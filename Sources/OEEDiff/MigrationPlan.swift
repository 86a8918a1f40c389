import OEEModel

/// The changes that take a database from `from` to `to`, in the order they
/// must run. Plain data: a dialect renders it, the runner executes the text.
public struct MigrationPlan: Hashable, Sendable {
    public var from: Database
    public var to: Database
    public var changes: [SchemaChange]

    public init(from: Database, to: Database, changes: [SchemaChange]) {
        self.from = from
        self.to = to
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    /// Every destructive change with its reason.
    public var destructiveChanges: [(change: SchemaChange, reason: String)] {
        changes.compactMap { c in c.destructiveReason.map { (c, $0) } }
    }
}
