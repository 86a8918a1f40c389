import OEEModel

/// The changes that take a database from `from` to `to`, in the order they
/// must run. Plain data: a dialect renders it, the runner executes the text.
public struct MigrationPlan: Hashable, Sendable {
    public var from: Database
    public var to: Database
    public var changes: [SchemaChange]
    /// Whether the dialects may render index builds and constraints in their
    /// online forms (separate non-transactional steps, ONLINE/RESUMABLE,
    /// NOT VALID + VALIDATE). Off for undo plans: an undo script runs in one
    /// transaction with its history change.
    public var allowsOnlineSteps = true
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
        var result = changes.compactMap { c in c.destructiveReason.map { (c, $0) } }
        // Removing row-level security widens who sees what: destructive unless
        // the plan restores it (predicates lifted around a blocked change are).
        for change in changes {
            switch change {
            case .dropSecurityPolicy(let q, let p):
                if !changes.contains(where: { if case .createSecurityPolicy(q, _) = $0 { return true } else { return false } }) {
                    result.append((change, "drops security policy \(q) and the row-level security of \(Set(p.predicates.map(\.table)).count) table(s)"))
                }
            case .dropSecurityPredicate(let q, let p):
                let restored = changes.contains { c in
                    if case .addSecurityPredicate(q, let added) = c { return added.table == p.table && added.kind == p.kind }
                    if case .dropSecurityPolicy(q, _) = c { return true }
                    return false
                }
                if !restored {
                    result.append((change, "drops the \(p.kind.rawValue.lowercased()) predicate of \(q) on \(p.table)"))
                }
            default:
                break
            }
        }
        return result
    }
}
