import OEEDiff
import OEEModel

/// Renders migration plans as T-SQL for SQL Server 2019+ and Azure SQL.
///
///     let script = try SQLServerDialect().render(
///         MigrationPlan(from: old, to: new, changes: [.createSchema("ref")]))
///     // one batch: "CREATE SCHEMA [ref];", comment "create schema ref"
///
/// Each change becomes one batch (CREATE SCHEMA and CREATE/ALTER FUNCTION must
/// be first in theirs); consecutive descriptions of one table share a batch.
/// Identifiers are always bracketed. Anything SQL Server cannot express throws
/// a ``RenderError`` naming the object and what to do instead.
public struct SQLServerDialect: SQLDialect {
    /// `sqlserver`: the key of `.sql(sqlserver: …)` raw expressions and of the migrations folder.
    public let id = "sqlserver"

    public init() {}

    /// Renders the plan's changes in order. Lookups that need context (a
    /// table's partitioning for index placement, a scheme's filegroup for
    /// NEXT USED) read `plan.to`, falling back to `plan.from`.
    ///
    ///     .createIndex(QualifiedName("fact", "cycle"), Index("ix_cycle_open", on: "site_id"))
    ///     // CREATE NONCLUSTERED INDEX [ix_cycle_open] ON [fact].[cycle] ([site_id] ASC)
    ///     // ON [ps_day]([start_ts]);          -- when fact.cycle is partitioned on ps_day
    public func render(_ plan: MigrationPlan) throws -> SQLScript {
        var batches: [SQLBatch] = []
        var pendingDescriptions: (owner: String, statements: [String])?

        func flushDescriptions() {
            guard let pending = pendingDescriptions else { return }
            let noun = pending.statements.count == 1 ? "description" : "descriptions"
            batches.append(SQLBatch(pending.statements.joined(separator: "\n"), comment: "\(noun) of \(pending.owner)"))
            pendingDescriptions = nil
        }

        for (position, change) in plan.changes.enumerated() {
            if case .setDescription(let target, let from, let to) = change {
                let statement = try DescriptionRenderer.render(target, from: from, to: to)
                let owner = DescriptionRenderer.owner(target)
                if DescriptionRenderer.needsOwnBatch(statement) {
                    // It declares a variable: alone in its batch.
                    flushDescriptions()
                    pendingDescriptions = (owner, [statement])
                    flushDescriptions()
                } else if pendingDescriptions?.owner == owner {
                    pendingDescriptions?.statements.append(statement)
                } else {
                    flushDescriptions()
                    pendingDescriptions = (owner, [statement])
                }
                continue
            }
            flushDescriptions()
            if plan.allowsOnlineSteps, let online = try OnlineIndexRenderer.render(change, in: plan) {
                batches.append(online)
                continue
            }
            let (sql, comment) = try render(change, at: position, in: plan)
            batches.append(SQLBatch(sql, comment: comment))
        }
        flushDescriptions()
        var script = SQLScript(batches: batches)
        script.closeSteps()
        return script
    }

    /// One change (other than a description) as SQL text and its comment.
    private func render(_ change: SchemaChange, at position: Int, in plan: MigrationPlan) throws -> (String, String) {
        /// The table as it will be (for creates) or, failing that, as it was.
        func table(_ name: QualifiedName) -> Table? { plan.table(name) }
        /// Whether an earlier change of the plan already dropped this column's default.
        func defaultDropped(_ name: QualifiedName, _ column: String) -> Bool {
            plan.changes[..<position].contains {
                if case .dropDefault(name, column, _) = $0 { return true }
                return false
            }
        }

        switch change {
        case .createSchema(let s):
            return ("CREATE SCHEMA \(TSQL.quote(s));", "create schema \(s)")
        case .dropSchema(let s):
            return ("DROP SCHEMA \(TSQL.quote(s));", "drop schema \(s)")

        case .createPartitionFunction(let pf):
            return (try PartitionRenderer.createFunction(pf), "create partition function \(pf.name)")
        case .dropPartitionFunction(let pf):
            return (PartitionRenderer.dropFunction(pf), "drop partition function \(pf.name)")
        case .splitRange(let f, let schemes, let boundary):
            return (try PartitionRenderer.split(function: f, schemes: schemes, boundary: boundary, plan: plan),
                    "split partition function \(f) at \(boundary.displayText)")
        case .mergeRange(let f, let boundary):
            return (try PartitionRenderer.merge(function: f, boundary: boundary),
                    "merge partition function \(f) at \(boundary.displayText)")
        case .createPartitionScheme(let ps):
            return (try PartitionRenderer.createScheme(ps), "create partition scheme \(ps.name)")
        case .dropPartitionScheme(let ps):
            return (PartitionRenderer.dropScheme(ps), "drop partition scheme \(ps.name)")

        case .createTable(let q, let t):
            return (try TableRenderer.createTable(q, t), "create table \(q)")
        case .dropTable(let q, _):
            return ("DROP TABLE \(TSQL.qualified(q));", "drop table \(q)")
        case .renameTable(let q, let to):
            return (ColumnChangeRenderer.renameTable(q, to: to), "rename table \(q) to \(to)")

        case .addColumn(let q, let c):
            return (try ColumnChangeRenderer.addColumn(q, c), "add column \(q).\(c.name)")
        case .dropColumn(let q, let c):
            return (ColumnChangeRenderer.dropColumn(q, c, defaultAlreadyDropped: defaultDropped(q, c.name)),
                    "drop column \(q).\(c.name)")
        case .alterColumn(let q, let from, let to):
            return (try ColumnChangeRenderer.alterColumn(q, from: from, to: to, defaultAlreadyDropped: defaultDropped(q, from.name)),
                    "alter column \(q).\(to.name)")
        case .renameColumn(let q, let from, let to):
            return (ColumnChangeRenderer.renameColumn(q, from: from, to: to), "rename column \(q).\(from) to \(to)")

        case .addDefault(let q, let column, let d):
            return (try ConstraintRenderer.addDefault(q, column: column, d), "add default \(d.name) on \(q).\(column)")
        case .dropDefault(let q, let column, let d):
            return (ConstraintRenderer.drop(q, constraint: d.name), "drop default \(d.name) on \(q).\(column)")
        case .addPrimaryKey(let q, let pk):
            return (try ConstraintRenderer.addPrimaryKey(q, pk, table: table(q)), "add primary key \(pk.name) on \(q)")
        case .dropPrimaryKey(let q, let pk):
            return (ConstraintRenderer.drop(q, constraint: pk.name), "drop primary key \(pk.name) on \(q)")
        case .addUnique(let q, let u):
            return (try ConstraintRenderer.addUnique(q, u, table: table(q)), "add unique constraint \(u.name) on \(q)")
        case .dropUnique(let q, let u):
            return (ConstraintRenderer.drop(q, constraint: u.name), "drop unique constraint \(u.name) on \(q)")
        case .addCheck(let q, let c):
            return (try ConstraintRenderer.addCheck(q, c), "add check constraint \(c.name) on \(q)")
        case .dropCheck(let q, let c):
            return (ConstraintRenderer.drop(q, constraint: c.name), "drop check constraint \(c.name) on \(q)")
        case .addForeignKey(let q, let fk):
            return (try ConstraintRenderer.addForeignKey(q, fk), "add foreign key \(fk.name) on \(q)")
        case .dropForeignKey(let q, let fk):
            return (ConstraintRenderer.drop(q, constraint: fk.name), "drop foreign key \(fk.name) on \(q)")

        case .createIndex(let q, let i):
            return (try IndexRenderer.create(q, i, table: table(q)), "create index \(i.name) on \(q)")
        case .dropIndex(let q, let i):
            return (IndexRenderer.drop(q, i), "drop index \(i.name) on \(q)")
        case .recreateIndex(let q, let from, let to):
            return (try IndexRenderer.recreate(q, from: from, to: to, table: table(q)), "recreate index \(to.name) on \(q)")
        case .renameIndex(let q, let from, let to):
            return (IndexRenderer.rename(q, from: from, to: to), "rename index \(q).\(from) to \(to)")

        case .createFunction(let q, let fn):
            return (try SecurityRenderer.function(q, fn), "create function \(q)")
        case .dropFunction(let q, _):
            return (SecurityRenderer.dropFunction(q), "drop function \(q)")
        case .alterFunction(let q, _, let to):
            return (try SecurityRenderer.function(q, to, verb: "ALTER"), "alter function \(q)")

        case .createSecurityPolicy(let q, let p):
            return (try SecurityRenderer.createPolicy(q, p), "create security policy \(q)")
        case .dropSecurityPolicy(let q, _):
            return (SecurityRenderer.dropPolicy(q), "drop security policy \(q)")
        case .addSecurityPredicate(let q, let p):
            return (try SecurityRenderer.addPredicate(policy: q, p),
                    "add \(p.kind.rawValue.lowercased()) predicate on \(p.table) to security policy \(q)")
        case .dropSecurityPredicate(let q, let p):
            let existing = plan.from.schema(named: q.schema)?.securityPolicies.first { $0.name == q.name }
            return (SecurityRenderer.dropPredicate(policy: q, p, existing: existing),
                    "drop \(p.kind.rawValue.lowercased()) predicate on \(p.table) from security policy \(q)")
        case .setSecurityPolicyState(let q, let enabled):
            return (SecurityRenderer.setState(q, enabled: enabled), "\(enabled ? "enable" : "disable") security policy \(q)")

        case .setDescription:
            preconditionFailure("descriptions are batched by render(_:)")
        }
    }
}
