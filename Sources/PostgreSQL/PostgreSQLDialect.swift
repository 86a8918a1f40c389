import OEEDiff
import OEEModel

/// Renders migration plans as PostgreSQL 15 SQL.
///
///     let script = try PostgreSQLDialect().render(
///         MigrationPlan(from: old, to: new, changes: [.createSchema("ref")]))
///     // one batch: "CREATE SCHEMA \"ref\";", comment "create schema ref"
///
/// Each change becomes one batch (consecutive descriptions of one table share
/// one). Identifiers are always double-quoted. What PostgreSQL has no
/// equivalent for (clustered keys, compression, columnstore indexes,
/// partition functions and schemes, …) is left out with an
/// `-- omitted: … (<reason>)` line beside the neighbouring statement; see
/// ``capabilities``. Anything that cannot be expressed throws a
/// ``RenderError`` naming the object and what to do instead.
///
/// Some changes depend on what earlier changes did (which tables sit on a
/// partition function when it is split, the function's boundaries when a
/// table is created, a table's row-level-security policies), so the dialect
/// replays the plan over its `from` model as it renders.
public struct PostgreSQLDialect: SQLDialect {
    public let id = "postgres"

    public init() {}

    public func render(_ plan: MigrationPlan) throws -> SQLScript {
        try renderDetailed(plan).script
    }

    /// The script and every omission note written into it, in order.
    func renderDetailed(_ plan: MigrationPlan) throws -> (script: SQLScript, notes: [Note]) {
        var state = PlanState(plan.from)
        state.adoptMissingDefinitions(from: plan.to)
        var pieces: [Rendered] = []
        var pendingDescriptions: (owner: String, rendered: Rendered)?
        var helperCreated = false
        var validations: [String] = []

        func flushDescriptions() {
            guard let pending = pendingDescriptions else { return }
            var rendered = pending.rendered
            let count = rendered.statements.count + rendered.notes.count
            rendered.comment = "\(count == 1 ? "description" : "descriptions") of \(pending.owner)"
            pieces.append(rendered)
            pendingDescriptions = nil
        }

        for change in plan.changes {
            if !helperCreated && change.callsISJSON {
                flushDescriptions()
                pieces.append(Self.isjsonHelper)
                helperCreated = true
            }
            if case .setDescription(let target, let from, let to) = change {
                let rendered = try DescriptionRenderer.render(target, from: from, to: to, state: state, plan: plan)
                let owner = DescriptionRenderer.owner(target)
                if pendingDescriptions?.owner == owner {
                    pendingDescriptions?.rendered.statements += rendered.statements
                    pendingDescriptions?.rendered.notes += rendered.notes
                } else {
                    flushDescriptions()
                    pendingDescriptions = (owner, rendered)
                }
                try state.apply(change)
                continue
            }
            flushDescriptions()
            if plan.allowsOnlineSteps, let online = try OnlineRenderer.render(change, state: state, plan: plan, validations: &validations) {
                pieces.append(online)
            } else {
                pieces.append(try render(change, state: state, plan: plan))
            }
            try state.apply(change)
        }
        flushDescriptions()
        if !validations.isEmpty {
            pieces.append(Rendered(comment: "validate \(validations.count) constraint(s) added NOT VALID (writers keep writing)",
                                   statements: validations, step: .transaction))
        }
        var assembled = Self.assemble(pieces)
        assembled.script.closeSteps()
        return assembled
    }

    /// Turns rendered changes into batches. A change with nothing to run (an
    /// omitted object) contributes its comment and notes as comment lines to
    /// the batch before it (to the next one when it comes first), so no batch
    /// is only comments; a plan of nothing but omissions gets one `SELECT 1;`.
    static func assemble(_ pieces: [Rendered]) -> (script: SQLScript, notes: [Note]) {
        var batches: [SQLBatch] = []
        var leading: [String] = []
        var notes: [Note] = []
        for piece in pieces {
            notes += piece.notes
            let noteLines = piece.notes.map(\.line)
            if piece.statements.isEmpty {
                let lines = ["-- \(piece.comment): nothing to run on PostgreSQL"] + noteLines
                if batches.isEmpty {
                    leading += lines
                } else {
                    batches[batches.count - 1].sql += "\n" + lines.joined(separator: "\n")
                }
                continue
            }
            let sql = (leading + noteLines + piece.statements).joined(separator: "\n")
            leading = []
            batches.append(SQLBatch(sql, comment: piece.comment, step: piece.step))
        }
        if !leading.isEmpty {
            batches.append(SQLBatch((leading + ["SELECT 1;"]).joined(separator: "\n"), comment: "nothing to run on PostgreSQL"))
        }
        return (SQLScript(batches: batches), notes)
    }

    /// PostgreSQL 15 has no `IS JSON`: ISJSON(x) renders as `oeedb.isjson(x)`,
    /// created (or replaced) before the first object of a migration using it.
    /// STRICT: NULL in, NULL out, as ISJSON(NULL) on SQL Server.
    static let isjsonHelper = Rendered(
        comment: "create helper function \(ExpressionRenderer.helperSchema).isjson (PostgreSQL 15 has no ISJSON)",
        statements: [
            "CREATE SCHEMA IF NOT EXISTS \(ExpressionRenderer.helperSchema);",
            """
            CREATE OR REPLACE FUNCTION \(ExpressionRenderer.helperSchema).isjson(value text) RETURNS integer LANGUAGE plpgsql IMMUTABLE STRICT AS $$
            BEGIN
                PERFORM value::json;
                RETURN 1;
            EXCEPTION WHEN others THEN
                RETURN 0;
            END
            $$;
            """,
        ])

    /// One change (other than a description) as statements, notes and a comment.
    private func render(_ change: SchemaChange, state: PlanState, plan: MigrationPlan) throws -> Rendered {
        /// The table as it stands now, or as the plan's models have it.
        func table(_ name: QualifiedName) -> Table? { state.tables[name] ?? plan.to.table(name) ?? plan.from.table(name) }
        func one(_ sql: String, _ comment: String) -> Rendered { Rendered(comment: comment, statements: [sql]) }
        /// The security statements the change causes on `tables`.
        func security(_ tables: [QualifiedName], _ comment: String) throws -> Rendered {
            var after = state
            try after.apply(change)
            return Rendered(comment: comment, statements: try SecurityRenderer.transition(tables, from: state, to: after))
        }

        switch change {
        case .createSchema(let s):
            return one("CREATE SCHEMA \(PGSQL.quote(s));", "create schema \(s)")
        case .dropSchema(let s):
            return one("DROP SCHEMA \(PGSQL.quote(s));", "drop schema \(s)")

        case .createPartitionFunction(let pf):
            return try PartitionRenderer.createFunction(pf)
        case .dropPartitionFunction(let pf):
            return Rendered(comment: "drop partition function \(pf.name)", notes: [Note(.partitionFunction, "dropping partition function \(pf.name)")])
        case .splitRange(let f, _, let boundary):
            return try PartitionRenderer.split(function: f, boundary: boundary, state: state)
        case .mergeRange(let f, let boundary):
            return try PartitionRenderer.merge(function: f, boundary: boundary, state: state)
        case .createPartitionScheme(let ps):
            return PartitionRenderer.createScheme(ps)
        case .dropPartitionScheme(let ps):
            return Rendered(comment: "drop partition scheme \(ps.name)", notes: [Note(.partitionScheme, "dropping partition scheme \(ps.name)")])

        case .createTable(let q, let t):
            return try TableRenderer.createTable(q, t, state: state)
        case .dropTable(let q, _):
            return one("DROP TABLE \(PGSQL.qualified(q));", "drop table \(q)")
        case .renameTable(let q, let to):
            return one(try ColumnChangeRenderer.renameTable(q, to: to, table: state.tables[q], state: state), "rename table \(q) to \(to)")

        case .addColumn(let q, let c):
            return one(try ColumnChangeRenderer.addColumn(q, c, table: table(q)), "add column \(q).\(c.name)")
        case .dropColumn(let q, let c):
            return one(ColumnChangeRenderer.dropColumn(q, c), "drop column \(q).\(c.name)")
        case .alterColumn(let q, let from, let to):
            return try ColumnChangeRenderer.alterColumn(q, from: from, to: to, table: table(q))
        case .renameColumn(let q, let from, let to):
            return one(ColumnChangeRenderer.renameColumn(q, from: from, to: to), "rename column \(q).\(from) to \(to)")

        case .addDefault(let q, let column, let d):
            guard let type = table(q)?.column(named: column)?.type else {
                throw RenderError("\(q).\(column)", "default \(d.name) is for a column the plan's models do not have; declare the column")
            }
            return one(try ConstraintRenderer.addDefault(q, column: column, d, type: type), "add default \(d.name) on \(q).\(column)")
        case .dropDefault(let q, let column, let d):
            return one(ConstraintRenderer.dropDefault(q, column: column), "drop default \(d.name) on \(q).\(column)")
        case .addPrimaryKey(let q, let pk):
            return try ConstraintRenderer.addPrimaryKey(q, pk, table: table(q))
        case .dropPrimaryKey(let q, let pk):
            return one(ConstraintRenderer.drop(q, constraint: pk.name), "drop primary key \(pk.name) on \(q)")
        case .addUnique(let q, let u):
            return try ConstraintRenderer.addUnique(q, u, table: table(q))
        case .dropUnique(let q, let u):
            return one(ConstraintRenderer.drop(q, constraint: u.name), "drop unique constraint \(u.name) on \(q)")
        case .addCheck(let q, let c):
            return one(try ConstraintRenderer.addCheck(q, c, table: table(q)), "add check constraint \(c.name) on \(q)")
        case .dropCheck(let q, let c):
            return one(ConstraintRenderer.drop(q, constraint: c.name), "drop check constraint \(c.name) on \(q)")
        case .addForeignKey(let q, let fk):
            return one(try ConstraintRenderer.addForeignKey(q, fk), "add foreign key \(fk.name) on \(q)")
        case .dropForeignKey(let q, let fk):
            return one(ConstraintRenderer.drop(q, constraint: fk.name), "drop foreign key \(fk.name) on \(q)")

        case .createIndex(let q, let i):
            return try IndexRenderer.create(q, i, table: table(q))
        case .dropIndex(let q, let i):
            return IndexRenderer.drop(q, i)
        case .recreateIndex(let q, let from, let to):
            return try IndexRenderer.recreate(q, from: from, to: to, table: table(q))
        case .renameIndex(let q, let from, let to):
            let index = table(q)?.indexes.first { $0.name == from } ?? plan.to.table(q)?.indexes.first { $0.name == to }
            return IndexRenderer.rename(q, from: from, to: to, index: index)

        case .createFunction(let q, let fn):
            return one(try SecurityRenderer.function(q, fn), "create function \(q)")
        case .dropFunction(let q, let fn):
            return one(try SecurityRenderer.dropFunction(q, fn), "drop function \(q)")
        case .alterFunction(let q, let from, let to):
            return one(try SecurityRenderer.alterFunction(q, from: from, to: to), "alter function \(q)")

        case .createSecurityPolicy(let q, let p):
            return try security(SecurityRenderer.tables(of: p), "create security policy \(q)")
        case .dropSecurityPolicy(let q, let p):
            return try security(SecurityRenderer.tables(of: state.policies[q] ?? p), "drop security policy \(q)")
        case .addSecurityPredicate(let q, let p):
            return try security([p.table], "add \(p.kind.rawValue.lowercased()) predicate on \(p.table) to security policy \(q)")
        case .dropSecurityPredicate(let q, let p):
            return try security([p.table], "drop \(p.kind.rawValue.lowercased()) predicate on \(p.table) from security policy \(q)")
        case .setSecurityPolicyState(let q, let enabled):
            let tables = SecurityRenderer.tables(of: state.policies[q])
            var rendered = try security(tables, "\(enabled ? "enable" : "disable") security policy \(q)")
            var after = state
            try after.apply(change)
            for t in tables where state.rowSecurityEnabled(t) == after.rowSecurityEnabled(t) && state.policies[q]?.isEnabled != enabled {
                rendered.notes.append(Note(.policyState, "\(enabled ? "enabling" : "disabling") \(q) on \(t)"))
            }
            return rendered

        case .setDescription:
            preconditionFailure("descriptions are batched by renderDetailed(_:)")
        }
    }
}

/// A change rendered: its statements (each ending in `;`), the notes written
/// before them, and the batch comment.
struct Rendered {
    var comment: String
    var statements: [String] = []
    var notes: [Note] = []
    /// Set when the piece starts a step of its own (see ``BatchStep``).
    var step: BatchStep?
}

/// A comment line written into the script: an omission (`-- omitted: what
/// (reason)`, the reason taken from the capability table) or a plain remark.
struct Note: Hashable {
    var kind: PostgreSQLDialect.Omission?
    var what: String

    init(_ kind: PostgreSQLDialect.Omission, _ what: String) {
        self.kind = kind
        self.what = what
    }

    init(_ remark: String) {
        self.kind = nil
        self.what = remark
    }

    var line: String {
        let text = kind.map { "omitted: \(what) (\($0.reason))" } ?? what
        return "-- " + text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

extension SchemaChange {
    /// Whether the change creates an object whose expression calls ISJSON.
    var callsISJSON: Bool {
        func column(_ c: Column) -> Bool {
            (c.defaultConstraint?.expression.callsISJSON ?? false) || (c.computed?.expression.callsISJSON ?? false)
        }
        switch self {
        case .createTable(_, let t):
            return t.columns.contains(where: column) || t.checks.contains { $0.expression.callsISJSON }
        case .addColumn(_, let c): return column(c)
        case .addCheck(_, let c): return c.expression.callsISJSON
        case .addDefault(_, _, let d): return d.expression.callsISJSON
        case .createIndex(_, let i), .recreateIndex(_, _, let i): return i.filter?.callsISJSON ?? false
        case .createFunction(_, let f), .alterFunction(_, _, let f): return f.predicate.callsISJSON
        default: return false
        }
    }
}

extension PlanState {
    /// Partition functions and schemes and predicate functions the plan's
    /// target model declares but its `from` model lacks (a hand-built plan
    /// may not create them): their definitions are needed to render tables
    /// and policies. Tables are never adopted.
    mutating func adoptMissingDefinitions(from database: Database) {
        for pf in database.partitionFunctions where partitionFunctions[pf.name] == nil {
            partitionFunctions[pf.name] = pf
            boundaries[pf.name] = pf.boundaryValues
        }
        for ps in database.partitionSchemes where partitionSchemes[ps.name] == nil {
            partitionSchemes[ps.name] = ps
        }
        for s in database.schemas {
            for f in s.functions where functions[QualifiedName(s.name, f.name)] == nil {
                functions[QualifiedName(s.name, f.name)] = f
            }
        }
    }
}
