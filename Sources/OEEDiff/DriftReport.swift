import OEEModel

/// One difference between the live database and the model.
public struct DriftItem: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The object: `fact.cycle`, `fact.cycle.qty`, `fact.cycle.ix_open`, `pf_month`.
    public var path: String
    /// `missing column`, `extra index`, `changed default`, …
    public var kind: String
    public var expected: String?
    public var actual: String?

    public init(path: String, kind: String, expected: String?, actual: String?) {
        self.path = path
        self.kind = kind
        self.expected = expected
        self.actual = actual
    }

    public var description: String {
        var text = "\(path): \(kind)"
        if let expected { text += "\n    expected: \(expected)" }
        if let actual { text += "\n    actual:   \(actual)" }
        return text
    }
}

/// Compares a live model with the expected one (both already `comparable`).
public enum DriftDetector {
    /// Every difference, in dependency order; `plan` brings live back to expected.
    public static func compare(live: Database, expected: Database) -> (items: [DriftItem], plan: MigrationPlan) {
        compare(live: live, expected: expected, ignoring: { _ in false })
    }

    /// The differences whose object path `ignored` rejects are left out of
    /// both the items and the plan, so a repair script never touches an ignored object.
    public static func compare(live: Database, expected: Database, ignoring ignored: (String) -> Bool) -> (items: [DriftItem], plan: MigrationPlan) {
        let (full, problems) = Differ.planCollectingProblems(from: live, to: expected)
        let plan = MigrationPlan(from: full.from, to: full.to, changes: full.changes.filter { !ignored(path(of: $0)) })
        var items = problems.map { p -> DriftItem in
            let path = p.split(separator: ":", maxSplits: 1).first.map(String.init) ?? "database"
            return DriftItem(path: path, kind: "differs in a way no migration can fix in place", expected: nil, actual: String(p.dropFirst(path.count + 1)).trimmingCharacters(in: .whitespaces))
        }.filter { !ignored($0.path) }
        let found = plan.changes.compactMap { item(for: $0, plan: plan) }
        // An object reported missing needs no second line for its missing description.
        let missing = Set(found.filter { $0.kind.hasPrefix("missing ") && $0.kind != "missing description" }.map(\.path))
        items += found.filter { item in
            item.kind != "missing description" || !missing.contains { item.path == $0 || item.path.hasPrefix($0 + ".") }
        }
        return (items, plan)
    }

    /// The object path a change is reported at (the same as its ``DriftItem``'s).
    public static func path(of change: SchemaChange) -> String {
        switch change {
        case .createSchema(let s), .dropSchema(let s): return s
        case .createTable(let q, _), .dropTable(let q, _), .renameTable(let q, _): return "\(q)"
        case .addColumn(let q, let c), .dropColumn(let q, let c): return "\(q).\(c.name)"
        case .alterColumn(let q, _, let b): return "\(q).\(b.name)"
        case .renameColumn(let q, let a, _): return "\(q).\(a)"
        case .addDefault(let q, let c, _), .dropDefault(let q, let c, _): return "\(q).\(c)"
        case .addPrimaryKey(let q, let k), .dropPrimaryKey(let q, let k): return "\(q).\(k.name)"
        case .addUnique(let q, let k), .dropUnique(let q, let k): return "\(q).\(k.name)"
        case .addCheck(let q, let c), .dropCheck(let q, let c): return "\(q).\(c.name)"
        case .addForeignKey(let q, let f), .dropForeignKey(let q, let f): return "\(q).\(f.name)"
        case .createIndex(let q, let i), .dropIndex(let q, let i): return "\(q).\(i.name)"
        case .recreateIndex(let q, _, let b): return "\(q).\(b.name)"
        case .renameIndex(let q, let a, _): return "\(q).\(a)"
        case .createFunction(let q, _), .dropFunction(let q, _), .alterFunction(let q, _, _): return "\(q)"
        case .createSecurityPolicy(let q, _), .dropSecurityPolicy(let q, _), .setSecurityPolicyState(let q, _): return "\(q)"
        case .addSecurityPredicate(_, let p), .dropSecurityPredicate(_, let p): return "\(p.table)"
        case .setDescription(let target, _, _): return target.path
        case .createPartitionFunction(let f), .dropPartitionFunction(let f): return f.name
        case .createPartitionScheme(let s), .dropPartitionScheme(let s): return s.name
        case .splitRange(let f, _, _), .mergeRange(let f, _): return f
        }
    }

    static func columnText(_ c: Column) -> String {
        var t = "\(c.type) \(c.isNullable ? "NULL" : "NOT NULL")"
        if let i = c.identity { t += " IDENTITY(\(i.seed), \(i.increment))" }
        if let d = c.defaultConstraint { t += " DEFAULT \(text(d.expression))" }
        if let comp = c.computed { t += " AS \(text(comp.expression))" }
        return t
    }

    static func text(_ e: Expression) -> String { ExpressionComparison.text(e) }

    /// `changed <what>`, or `cannot compare <what>` when either side is text
    /// the dialect's grammar could not read (see ``ExpressionComparison``).
    static func changed(_ what: String, _ a: Expression?, _ b: Expression?) -> String {
        ExpressionComparison.cannotCompare(a, b) ? "cannot compare \(what)" : "changed \(what)"
    }

    static func indexText(_ i: Index) -> String {
        var t = "\(i.isUnique ? "unique " : "")\(i.kind.rawValue) (\(i.keys.map { $0.column + ($0.isDescending ? " DESC" : "") }.joined(separator: ", ")))"
        if !i.included.isEmpty { t += " INCLUDE (\(i.included.joined(separator: ", ")))" }
        if let f = i.filter { t += " WHERE \(text(f))" }
        return t
    }

    /// `changed index`, or `cannot compare index filter` when only an unreadable filter differs.
    static func indexChange(_ a: Index, _ b: Index) -> String {
        var sameButFilter = a
        sameButFilter.filter = b.filter
        return sameButFilter.definition == b.definition && ExpressionComparison.cannotCompare(a.filter, b.filter) ? "cannot compare index filter" : "changed index"
    }

    static func fkText(_ f: ForeignKey) -> String {
        "(\(f.columns.joined(separator: ", "))) → \(f.referencedTable) (\(f.referencedColumns.joined(separator: ", "))) ON DELETE \(f.onDelete.rawValue) ON UPDATE \(f.onUpdate.rawValue)"
    }

    static func predicateText(_ p: SecurityPredicate) -> String {
        "\(p.kind.rawValue) \(p.function)(\(p.arguments.joined(separator: ", "))) ON \(p.table)"
    }

    static func item(for change: SchemaChange, plan: MigrationPlan) -> DriftItem? {
        switch change {
        case .createSchema(let s): return DriftItem(path: s, kind: "missing schema", expected: s, actual: nil)
        case .dropSchema(let s): return DriftItem(path: s, kind: "extra schema", expected: nil, actual: s)
        case .createTable(let q, _): return DriftItem(path: "\(q)", kind: "missing table", expected: "\(q)", actual: nil)
        case .dropTable(let q, _): return DriftItem(path: "\(q)", kind: "extra table", expected: nil, actual: "\(q)")
        case .renameTable(let q, let to): return DriftItem(path: "\(q)", kind: "table has its old name", expected: to, actual: q.name)
        case .addColumn(let q, let c): return DriftItem(path: "\(q).\(c.name)", kind: "missing column", expected: columnText(c), actual: nil)
        case .dropColumn(let q, let c): return DriftItem(path: "\(q).\(c.name)", kind: "extra column", expected: nil, actual: columnText(c))
        case .alterColumn(let q, let a, let b):
            var onlyComputed = a
            onlyComputed.computed = b.computed
            let kind = onlyComputed == b ? changed("computed column", a.computed?.expression, b.computed?.expression) : "changed column"
            return DriftItem(path: "\(q).\(b.name)", kind: kind, expected: columnText(b), actual: columnText(a))
        case .renameColumn(let q, let a, let b): return DriftItem(path: "\(q).\(a)", kind: "column has its old name", expected: b, actual: a)
        case .addDefault(let q, let c, let d):
            let old = plan.from.table(q)?.column(named: c)?.defaultConstraint
            if let old, old.expression == d.expression {
                // Same value, other name (e.g. a system-named DF__… default).
                return DriftItem(path: "\(q).\(c)", kind: "changed default name", expected: d.name, actual: old.name)
            }
            return DriftItem(path: "\(q).\(c)", kind: old == nil ? "missing default" : changed("default", old?.expression, d.expression), expected: text(d.expression), actual: old.map { text($0.expression) })
        case .dropDefault(let q, let c, let d):
            // A changed default shows as drop + add; report it once, at the add.
            if plan.to.table(q)?.column(named: c)?.defaultConstraint != nil { return nil }
            return DriftItem(path: "\(q).\(c)", kind: "extra default", expected: nil, actual: text(d.expression))
        case .addPrimaryKey(let q, let k):
            // Re-added unchanged around a column change: the column's item says it.
            if let old = plan.from.table(q)?.primaryKey, old.name == k.name, old.columns == k.columns, old.isClustered == k.isClustered { return nil }
            return DriftItem(path: "\(q).\(k.name)", kind: "missing or changed primary key", expected: k.columns.map(\.column).joined(separator: ", "), actual: plan.from.table(q)?.primaryKey.map { $0.columns.map(\.column).joined(separator: ", ") })
        case .dropPrimaryKey(let q, let k): return plan.to.table(q)?.primaryKey == nil ? DriftItem(path: "\(q).\(k.name)", kind: "extra primary key", expected: nil, actual: k.columns.map(\.column).joined(separator: ", ")) : nil
        case .addUnique(let q, let k):
            if plan.from.table(q)?.uniqueConstraints.contains(where: { $0.name == k.name && $0.columns == k.columns }) == true { return nil }
            return DriftItem(path: "\(q).\(k.name)", kind: "missing or changed unique constraint", expected: k.columns.map(\.column).joined(separator: ", "), actual: plan.from.table(q)?.uniqueConstraints.first { $0.name == k.name }.map { $0.columns.map(\.column).joined(separator: ", ") })
        case .dropUnique(let q, let k): return plan.to.table(q)?.uniqueConstraints.contains { $0.name == k.name } == true ? nil : DriftItem(path: "\(q).\(k.name)", kind: "extra unique constraint", expected: nil, actual: k.columns.map(\.column).joined(separator: ", "))
        case .addCheck(let q, let c):
            let old = plan.from.table(q)?.checks.first { $0.name == c.name }
            if let old, old.expression == c.expression { return nil }
            return DriftItem(path: "\(q).\(c.name)", kind: old == nil ? "missing check" : changed("check", old?.expression, c.expression), expected: text(c.expression), actual: old.map { text($0.expression) })
        case .dropCheck(let q, let c): return plan.to.table(q)?.checks.contains { $0.name == c.name } == true ? nil : DriftItem(path: "\(q).\(c.name)", kind: "extra check", expected: nil, actual: text(c.expression))
        case .addForeignKey(let q, let f):
            let old = plan.from.table(q)?.foreignKeys.first { $0.name == f.name }
            if let old, old.withoutDescription == f.withoutDescription { return nil }
            return DriftItem(path: "\(q).\(f.name)", kind: old == nil ? "missing foreign key" : "changed foreign key", expected: fkText(f), actual: old.map(fkText))
        case .dropForeignKey(let q, let f): return plan.to.table(q)?.foreignKeys.contains { $0.name == f.name } == true ? nil : DriftItem(path: "\(q).\(f.name)", kind: "extra foreign key", expected: nil, actual: fkText(f))
        case .createIndex(let q, let i):
            let old = plan.from.table(q)?.indexes.first { $0.name == i.name }
            if let old, old.definition == i.definition { return nil }
            return DriftItem(path: "\(q).\(i.name)", kind: old == nil ? "missing index" : indexChange(old!, i), expected: indexText(i), actual: old.map(indexText))
        case .dropIndex(let q, let i): return plan.to.table(q)?.indexes.contains { $0.name == i.name } == true ? nil : DriftItem(path: "\(q).\(i.name)", kind: "extra index", expected: nil, actual: indexText(i))
        case .recreateIndex(let q, let a, let b): return DriftItem(path: "\(q).\(b.name)", kind: indexChange(a, b), expected: indexText(b), actual: indexText(a))
        case .renameIndex(let q, let a, let b): return DriftItem(path: "\(q).\(a)", kind: "index has its old name", expected: b, actual: a)
        case .createFunction(let q, _): return DriftItem(path: "\(q)", kind: "missing function", expected: "\(q)", actual: nil)
        case .dropFunction(let q, _): return DriftItem(path: "\(q)", kind: "extra function", expected: nil, actual: "\(q)")
        case .alterFunction(let q, let a, let b): return DriftItem(path: "\(q)", kind: changed("function", a.predicate, b.predicate), expected: text(b.predicate), actual: text(a.predicate))
        case .createSecurityPolicy(let q, let p): return DriftItem(path: "\(q)", kind: "missing security policy", expected: p.predicates.map(predicateText).joined(separator: "; "), actual: nil)
        case .dropSecurityPolicy(let q, let p):
            if plan.changes.contains(.createSecurityPolicy(q, plan.to.schema(named: q.schema)?.securityPolicies.first { $0.name == q.name } ?? p)) { return nil }
            return DriftItem(path: "\(q)", kind: "extra security policy", expected: nil, actual: p.predicates.map(predicateText).joined(separator: "; "))
        case .addSecurityPredicate(let q, let p): return DriftItem(path: "\(p.table)", kind: "missing row-level security predicate of \(q)", expected: predicateText(p), actual: nil)
        case .dropSecurityPredicate(let q, let p): return DriftItem(path: "\(p.table)", kind: "extra row-level security predicate of \(q)", expected: nil, actual: predicateText(p))
        case .setSecurityPolicyState(let q, let on): return DriftItem(path: "\(q)", kind: "security policy state", expected: on ? "ON" : "OFF", actual: on ? "OFF" : "ON")
        case .setDescription(let target, let from, let to):
            return DriftItem(path: target.path, kind: from == nil ? "missing description" : (to == nil ? "extra description" : "changed description"), expected: to, actual: from)
        case .createPartitionFunction(let f): return DriftItem(path: f.name, kind: "missing partition function", expected: f.name, actual: nil)
        case .dropPartitionFunction(let f): return DriftItem(path: f.name, kind: "extra partition function", expected: nil, actual: f.name)
        case .createPartitionScheme(let s): return DriftItem(path: s.name, kind: "missing partition scheme", expected: s.name, actual: nil)
        case .dropPartitionScheme(let s): return DriftItem(path: s.name, kind: "extra partition scheme", expected: nil, actual: s.name)
        case .splitRange(let f, _, let b): return DriftItem(path: f, kind: "missing partition boundary", expected: b.displayText, actual: nil)
        case .mergeRange(let f, let b): return DriftItem(path: f, kind: "extra partition boundary", expected: nil, actual: b.displayText)
        }
    }
}

extension DescriptionTarget {
    /// The object path of the described object.
    public var path: String {
        switch self {
        case .schema(let s): return s
        case .table(let q), .function(let q): return "\(q)"
        case .column(let q, let c), .index(let q, let c), .constraint(let q, let c): return "\(q).\(c)"
        case .partitionFunction(let f): return f
        case .partitionScheme(let s): return s
        }
    }
}
