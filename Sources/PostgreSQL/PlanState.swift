import OEEDiff
import OEEModel

/// The database as it stands between two changes of a plan: the plan's `from`
/// model with every earlier change applied. PostgreSQL needs this where SQL
/// Server keeps the knowledge in the server: which tables sit on a partition
/// function (and so get new partitions on SPLIT), what the function's
/// boundaries are at that point (a table created after a SPLIT but before a
/// MERGE is created with both), what a table is called after a rename, and
/// which row-level-security policies exist on a table.
struct PlanState {
    var tables: [QualifiedName: Table] = [:]
    var partitionFunctions: [String: PartitionFunction] = [:]
    /// Current boundaries per partition function, in ascending order (model literals).
    var boundaries: [String: [Literal]] = [:]
    var partitionSchemes: [String: PartitionScheme] = [:]
    var functions: [QualifiedName: InlineFunction] = [:]
    var policies: [QualifiedName: SecurityPolicy] = [:]

    init(_ database: Database) {
        for (q, t) in database.allTables { tables[q] = t }
        for pf in database.partitionFunctions {
            partitionFunctions[pf.name] = pf
            boundaries[pf.name] = pf.boundaryValues
        }
        for ps in database.partitionSchemes { partitionSchemes[ps.name] = ps }
        for s in database.schemas {
            for f in s.functions { functions[QualifiedName(s.name, f.name)] = f }
            for p in s.securityPolicies { policies[QualifiedName(s.name, p.name)] = p }
        }
    }

    // MARK: Queries

    /// The partition function a table is partitioned by, if any.
    func partitionFunction(of table: Table) -> PartitionFunction? {
        guard let storage = table.partitioning, let scheme = partitionSchemes[storage.partitionScheme] else { return nil }
        return partitionFunctions[scheme.function]
    }

    /// Tables (sorted by name) partitioned by a scheme of `function`.
    func tables(onFunction function: String) -> [(QualifiedName, Table)] {
        tables.filter { partitionFunction(of: $0.value)?.name == function }
            .sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Whether row-level security is on for the table: an enabled policy has a
    /// predicate on it.
    func rowSecurityEnabled(_ table: QualifiedName) -> Bool {
        policies.values.contains { p in p.isEnabled && p.predicates.contains { $0.table == table } }
    }

    /// Every table some policy has a predicate on.
    var securedTables: Set<QualifiedName> {
        Set(policies.values.flatMap { $0.predicates.map(\.table) })
    }

    // MARK: Applying changes

    mutating func apply(_ change: SchemaChange) throws {
        switch change {
        case .createSchema, .dropSchema, .setDescription:
            break
        case .createPartitionFunction(let pf):
            partitionFunctions[pf.name] = pf
            boundaries[pf.name] = pf.boundaryValues
        case .dropPartitionFunction(let pf):
            partitionFunctions[pf.name] = nil
            boundaries[pf.name] = nil
        case .splitRange(let f, _, let boundary):
            guard let pf = partitionFunctions[f] else { return }
            var values = boundaries[f] ?? []
            let key = try PartitionRenderer.key(boundary, pf: pf, path: f)
            let keys = try values.map { try PartitionRenderer.key($0, pf: pf, path: f) }
            let at = keys.firstIndex { key < $0 } ?? values.count
            values.insert(boundary, at: at)
            boundaries[f] = values
        case .mergeRange(let f, let boundary):
            guard let pf = partitionFunctions[f] else { return }
            let key = try PartitionRenderer.key(boundary, pf: pf, path: f)
            boundaries[f] = try (boundaries[f] ?? []).filter { try PartitionRenderer.key($0, pf: pf, path: f) != key }
        case .createPartitionScheme(let ps):
            partitionSchemes[ps.name] = ps
        case .dropPartitionScheme(let ps):
            partitionSchemes[ps.name] = nil

        case .createTable(let q, let t):
            tables[q] = t
        case .dropTable(let q, _):
            tables[q] = nil
            // PostgreSQL drops a table's policies with it.
            for (pq, var p) in policies {
                p.predicates.removeAll { $0.table == q }
                policies[pq] = p
            }
        case .renameTable(let from, let to):
            let q = QualifiedName(from.schema, to)
            if var t = tables.removeValue(forKey: from) {
                t.name = to
                t.renamedFrom = nil
                tables[q] = t
            }
            for (pq, var p) in policies {
                for i in p.predicates.indices where p.predicates[i].table == from { p.predicates[i].table = q }
                policies[pq] = p
            }

        case .addColumn(let q, let c):
            tables[q]?.columns.append(c)
        case .dropColumn(let q, let c):
            tables[q]?.columns.removeAll { $0.name == c.name }
        case .alterColumn(let q, _, let to):
            if let i = tables[q]?.columns.firstIndex(where: { $0.name == to.name }) {
                let kept = tables[q]?.columns[i].defaultConstraint
                tables[q]?.columns[i] = to
                tables[q]?.columns[i].defaultConstraint = kept
            }
        case .renameColumn(let q, let from, let to):
            guard var t = tables[q] else { return }
            if let i = t.columns.firstIndex(where: { $0.name == from }) { t.columns[i].name = to }
            if t.partitioning?.partitionColumn == from { t.partitioning?.partitionColumn = to }
            tables[q] = t
        case .addDefault(let q, let column, let d):
            if let i = tables[q]?.columns.firstIndex(where: { $0.name == column }) { tables[q]?.columns[i].defaultConstraint = d }
        case .dropDefault(let q, let column, _):
            if let i = tables[q]?.columns.firstIndex(where: { $0.name == column }) { tables[q]?.columns[i].defaultConstraint = nil }
        case .addPrimaryKey(let q, let pk):
            tables[q]?.primaryKey = pk
        case .dropPrimaryKey(let q, _):
            tables[q]?.primaryKey = nil
        case .addUnique(let q, let u):
            tables[q]?.uniqueConstraints.append(u)
        case .dropUnique(let q, let u):
            tables[q]?.uniqueConstraints.removeAll { $0.name == u.name }
        case .addCheck(let q, let c):
            tables[q]?.checks.append(c)
        case .dropCheck(let q, let c):
            tables[q]?.checks.removeAll { $0.name == c.name }
        case .addForeignKey(let q, let fk):
            tables[q]?.foreignKeys.append(fk)
        case .dropForeignKey(let q, let fk):
            tables[q]?.foreignKeys.removeAll { $0.name == fk.name }

        case .createIndex(let q, let i):
            tables[q]?.indexes.removeAll { $0.name == i.name }
            tables[q]?.indexes.append(i)
        case .dropIndex(let q, let i):
            tables[q]?.indexes.removeAll { $0.name == i.name }
        case .recreateIndex(let q, let from, let to):
            tables[q]?.indexes.removeAll { $0.name == from.name || $0.name == to.name }
            tables[q]?.indexes.append(to)
        case .renameIndex(let q, let from, let to):
            if let i = tables[q]?.indexes.firstIndex(where: { $0.name == from }) { tables[q]?.indexes[i].name = to }

        case .createFunction(let q, let f), .alterFunction(let q, _, let f):
            functions[q] = f
        case .dropFunction(let q, _):
            functions[q] = nil

        case .createSecurityPolicy(let q, let p):
            policies[q] = p
        case .dropSecurityPolicy(let q, _):
            policies[q] = nil
        case .addSecurityPredicate(let q, let pred):
            if policies[q] == nil { policies[q] = SecurityPolicy(name: q.name, predicates: []) }
            policies[q]?.predicates.append(pred)
        case .dropSecurityPredicate(let q, let pred):
            if let i = policies[q]?.predicates.firstIndex(of: pred) { policies[q]?.predicates.remove(at: i) }
        case .setSecurityPolicyState(let q, let enabled):
            policies[q]?.isEnabled = enabled
        }
    }
}
