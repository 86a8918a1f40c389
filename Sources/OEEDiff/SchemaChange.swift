import OEEModel

/// One typed step of a migration: data, not SQL text. A dialect renders it.
///
/// Changes that touch a table carry the table's qualified name; a dialect that
/// needs more context (the table's partitioning, a function's boundaries) looks
/// it up in the plan's `from` (for drops) or `to` (for creates) model.
public enum SchemaChange: Hashable, Sendable {
    case createSchema(String)
    case dropSchema(String)

    case createPartitionFunction(PartitionFunction)
    case dropPartitionFunction(PartitionFunction)
    /// `ALTER PARTITION SCHEME s NEXT USED [fg]` for each scheme on the
    /// function, then `ALTER PARTITION FUNCTION f() SPLIT RANGE (boundary)`.
    case splitRange(function: String, schemes: [String], boundary: Literal)
    /// `ALTER PARTITION FUNCTION f() MERGE RANGE (boundary)`.
    case mergeRange(function: String, boundary: Literal)
    case createPartitionScheme(PartitionScheme)
    case dropPartitionScheme(PartitionScheme)

    /// Creates the table with its columns, defaults, primary key, unique and
    /// check constraints. Foreign keys and indexes follow as their own changes.
    case createTable(QualifiedName, Table)
    case dropTable(QualifiedName, Table)
    /// `sp_rename` of a table within its schema.
    case renameTable(from: QualifiedName, to: String)

    case addColumn(QualifiedName, Column)
    case dropColumn(QualifiedName, Column)
    /// Type and/or nullability change of an existing column.
    case alterColumn(QualifiedName, from: Column, to: Column)
    case renameColumn(QualifiedName, from: String, to: String)

    case addDefault(QualifiedName, column: String, DefaultConstraint)
    case dropDefault(QualifiedName, column: String, DefaultConstraint)
    case addPrimaryKey(QualifiedName, PrimaryKey)
    case dropPrimaryKey(QualifiedName, PrimaryKey)
    case addUnique(QualifiedName, UniqueConstraint)
    case dropUnique(QualifiedName, UniqueConstraint)
    case addCheck(QualifiedName, CheckConstraint)
    case dropCheck(QualifiedName, CheckConstraint)
    case addForeignKey(QualifiedName, ForeignKey)
    case dropForeignKey(QualifiedName, ForeignKey)

    case createIndex(QualifiedName, Index)
    case dropIndex(QualifiedName, Index)
    /// Rebuilds an index in place with its new definition
    /// (`CREATE … WITH (DROP_EXISTING = ON)` on SQL Server).
    case recreateIndex(QualifiedName, from: Index, to: Index)
    case renameIndex(QualifiedName, from: String, to: String)

    case createFunction(QualifiedName, InlineFunction)
    case dropFunction(QualifiedName, InlineFunction)
    /// `ALTER FUNCTION`. A schema-bound policy using the function blocks it, so
    /// the differ drops such policies before and recreates them after.
    case alterFunction(QualifiedName, from: InlineFunction, to: InlineFunction)

    case createSecurityPolicy(QualifiedName, SecurityPolicy)
    case dropSecurityPolicy(QualifiedName, SecurityPolicy)
    case addSecurityPredicate(policy: QualifiedName, SecurityPredicate)
    case dropSecurityPredicate(policy: QualifiedName, SecurityPredicate)
    case setSecurityPolicyState(QualifiedName, enabled: Bool)

    /// Adds, updates or drops a description (`MS_Description` / `COMMENT ON`).
    case setDescription(DescriptionTarget, from: String?, to: String?)
}

/// The object a description belongs to.
public enum DescriptionTarget: Hashable, Sendable {
    case schema(String)
    case table(QualifiedName)
    case column(QualifiedName, String)
    case index(QualifiedName, String)
    case constraint(QualifiedName, String)
    case function(QualifiedName)
    case partitionFunction(String)
    case partitionScheme(String)
}

extension SchemaChange {
    /// Why a change loses data or narrows what the database accepts, or `nil`
    /// if it is safe. Destructive changes need `--allow-destructive`.
    public var destructiveReason: String? {
        switch self {
        case .dropTable(let q, _): return "drops table \(q) and all its rows"
        case .dropColumn(let q, let c):
            // A computed column holds no data of its own: it is recomputed when added back.
            return c.computed != nil ? nil : "drops column \(q).\(c.name) and its data"
        case .dropSchema(let s): return "drops schema \(s)"
        case .alterColumn(let q, let from, let to):
            if let why = TypeNarrowing.reason(from: from.type, to: to.type) {
                return "narrows \(q).\(to.name) from \(from.type) to \(to.type) (\(why))"
            }
            return nil
        case .mergeRange(let f, let b): return "merges partition boundary \(b.displayText) of \(f) (shrinks the partition window)"
        case .dropPartitionFunction(let pf): return "drops partition function \(pf.name)"
        case .dropPartitionScheme(let ps): return "drops partition scheme \(ps.name)"
        default: return nil
        }
    }
}
