import OEEModel

/// The model pre-digested for documentation: relationships both ways, row-level
/// security and partitioning per table, computed once and looked up by name.
public struct ModelFacts: Sendable {
    public let database: Database
    public let relationships: [Relationship]
    public let coverage: DocCoverage
    private let outgoing: [QualifiedName: [Relationship]]
    private let incoming: [QualifiedName: [Relationship]]
    private let security: [QualifiedName: [RowSecurity]]

    public init(_ database: Database) {
        self.database = database
        relationships = Relationship.all(in: database)
        coverage = DocCoverage(database)
        outgoing = Dictionary(grouping: relationships, by: \.child)
        incoming = Dictionary(grouping: relationships, by: \.parent)
        var security: [QualifiedName: [RowSecurity]] = [:]
        for (name, _) in database.allTables { security[name] = RowSecurity.on(name, in: database) }
        self.security = security
    }

    /// Foreign keys of `table`, in declaration order.
    public func references(from table: QualifiedName) -> [Relationship] { outgoing[table] ?? [] }

    /// Foreign keys pointing at `table`, in the referencing tables' declaration order.
    public func referencedBy(_ table: QualifiedName) -> [Relationship] { incoming[table] ?? [] }

    public func rowSecurity(_ table: QualifiedName) -> [RowSecurity] { security[table] ?? [] }

    public func partitioning(_ table: Table) -> PartitionSummary? {
        table.partitioning.map { PartitionSummary(storage: $0, database: database) }
    }

    /// Tables under no security policy, qualified, in declaration order.
    public var tablesWithoutRowSecurity: [QualifiedName] {
        database.allTables.map(\.name).filter { rowSecurity($0).isEmpty }
    }

    /// `PK`, `FK`, `UK` for a column, in that order.
    public func keyMarkers(_ table: Table, _ column: String) -> [String] {
        var marks: [String] = []
        if table.primaryKey?.columns.contains(where: { $0.column == column }) ?? false { marks.append("PK") }
        if table.foreignKeys.contains(where: { $0.columns.contains(column) }) { marks.append("FK") }
        if table.uniqueConstraints.contains(where: { $0.columns.contains { $0.column == column } })
            || table.indexes.contains(where: { $0.isUnique && $0.keys.contains { $0.column == column } }) {
            marks.append("UK")
        }
        return marks
    }

    /// Whether a column takes part in any key (for key-only diagrams).
    public func isKeyColumn(_ table: Table, _ column: String) -> Bool {
        !keyMarkers(table, column).isEmpty
    }

    /// Tables of other schemas that `schema`'s tables reference, sorted by name.
    public func foreignStubs(of schema: Schema) -> [QualifiedName] {
        var seen = Set<QualifiedName>()
        for t in schema.tables {
            for r in references(from: QualifiedName(schema.name, t.name)) where r.parent.schema != schema.name {
                seen.insert(r.parent)
            }
        }
        return seen.sorted()
    }
}
