import OEEModel

/// A foreign key seen as an ER relationship between the referencing (child)
/// and the referenced (parent) table, with its cardinality:
///
/// - parent side: *exactly one* when every FK column is NOT NULL, *zero or one*
///   when any is nullable (a NULL skips the check);
/// - child side: *zero or one* when the FK columns are exactly the child's
///   primary key or one of its unique keys (one-to-one), else *zero or more*;
/// - identifying when every FK column is part of the child's primary key.
public struct Relationship: Hashable, Sendable {
    public var child: QualifiedName
    public var parent: QualifiedName
    public var foreignKey: ForeignKey
    public var parentIsOptional: Bool
    public var isOneToOne: Bool
    public var isIdentifying: Bool

    /// `many to exactly one`, `many to zero-or-one`, `one to exactly one`, `one to zero-or-one`:
    /// how many child rows per parent, then how many parents per child row.
    public var cardinality: String {
        (isOneToOne ? "one" : "many") + " to " + (parentIsOptional ? "zero-or-one" : "exactly one")
    }

    /// The same in UML-style multiplicities, child first: `* → 1`, `0..1 → 0..1`.
    public var multiplicity: String {
        (isOneToOne ? "0..1" : "*") + " → " + (parentIsOptional ? "0..1" : "1")
    }

    public var isSelfReference: Bool { child == parent }

    public init(child: QualifiedName, table: Table, foreignKey: ForeignKey) {
        self.child = child
        self.parent = foreignKey.referencedTable
        self.foreignKey = foreignKey
        self.parentIsOptional = foreignKey.columns.contains { table.column(named: $0)?.isNullable ?? false }
        let fkSet = Set(foreignKey.columns)
        var keySets: [Set<String>] = []
        if let pk = table.primaryKey { keySets.append(Set(pk.columns.map(\.column))) }
        keySets += table.uniqueConstraints.map { Set($0.columns.map(\.column)) }
        keySets += table.indexes.filter { $0.isUnique && $0.filter == nil && !$0.kind.isColumnstore }.map { Set($0.keys.map(\.column)) }
        self.isOneToOne = keySets.contains(fkSet)
        let pkColumns = Set(table.primaryKey?.columns.map(\.column) ?? [])
        self.isIdentifying = !fkSet.isEmpty && fkSet.isSubset(of: pkColumns)
    }

    /// Every foreign key of the database, in declaration order.
    public static func all(in database: Database) -> [Relationship] {
        database.allTables.flatMap { name, table in
            table.foreignKeys.map { Relationship(child: name, table: table, foreignKey: $0) }
        }
    }
}
