import OEEModel

extension SchemaChange: CustomStringConvertible {
    /// A one-line summary for plans, progress and tests: `add column fact.cycle.note`.
    public var description: String {
        switch self {
        case .createSchema(let s): return "create schema \(s)"
        case .dropSchema(let s): return "drop schema \(s)"
        case .createPartitionFunction(let f): return "create partition function \(f.name)"
        case .dropPartitionFunction(let f): return "drop partition function \(f.name)"
        case .splitRange(let f, _, let b): return "split \(f) at \(b.displayText)"
        case .mergeRange(let f, let b): return "merge \(f) at \(b.displayText)"
        case .createPartitionScheme(let s): return "create partition scheme \(s.name)"
        case .dropPartitionScheme(let s): return "drop partition scheme \(s.name)"
        case .createTable(let q, _): return "create table \(q)"
        case .dropTable(let q, _): return "drop table \(q)"
        case .renameTable(let q, let to): return "rename table \(q) to \(to)"
        case .addColumn(let q, let c): return "add column \(q).\(c.name)"
        case .dropColumn(let q, let c): return "drop column \(q).\(c.name)"
        case .alterColumn(let q, let a, let b):
            return "alter column \(q).\(b.name) \(a.type)\(a.isNullable ? " NULL" : "") -> \(b.type)\(b.isNullable ? " NULL" : "")"
        case .renameColumn(let q, let a, let b): return "rename column \(q).\(a) to \(b)"
        case .addDefault(let q, let c, let d): return "add default \(d.name) on \(q).\(c)"
        case .dropDefault(let q, let c, let d): return "drop default \(d.name) on \(q).\(c)"
        case .addPrimaryKey(let q, let k): return "add primary key \(k.name) on \(q)"
        case .dropPrimaryKey(let q, let k): return "drop primary key \(k.name) on \(q)"
        case .addUnique(let q, let k): return "add unique \(k.name) on \(q)"
        case .dropUnique(let q, let k): return "drop unique \(k.name) on \(q)"
        case .addCheck(let q, let c): return "add check \(c.name) on \(q)"
        case .dropCheck(let q, let c): return "drop check \(c.name) on \(q)"
        case .addForeignKey(let q, let f): return "add foreign key \(f.name) on \(q)"
        case .dropForeignKey(let q, let f): return "drop foreign key \(f.name) on \(q)"
        case .createIndex(let q, let i): return "create index \(i.name) on \(q)"
        case .dropIndex(let q, let i): return "drop index \(i.name) on \(q)"
        case .recreateIndex(let q, _, let i): return "rebuild index \(i.name) on \(q)"
        case .renameIndex(let q, let a, let b): return "rename index \(a) on \(q) to \(b)"
        case .createFunction(let q, _): return "create function \(q)"
        case .dropFunction(let q, _): return "drop function \(q)"
        case .alterFunction(let q, _, _): return "alter function \(q)"
        case .createSecurityPolicy(let q, _): return "create security policy \(q)"
        case .dropSecurityPolicy(let q, _): return "drop security policy \(q)"
        case .addSecurityPredicate(let q, let p): return "add \(p.kind.rawValue.lowercased()) predicate on \(p.table) to \(q)"
        case .dropSecurityPredicate(let q, let p): return "drop \(p.kind.rawValue.lowercased()) predicate on \(p.table) from \(q)"
        case .setSecurityPolicyState(let q, let on): return "set security policy \(q) state \(on ? "ON" : "OFF")"
        case .setDescription(let target, let from, let to):
            let verb = from == nil ? "add" : (to == nil ? "drop" : "update")
            return "\(verb) description of \(target)"
        }
    }
}

extension DescriptionTarget: CustomStringConvertible {
    public var description: String {
        switch self {
        case .schema(let s): return "schema \(s)"
        case .table(let q): return "table \(q)"
        case .column(let q, let c): return "column \(q).\(c)"
        case .index(let q, let i): return "index \(q).\(i)"
        case .constraint(let q, let c): return "constraint \(q).\(c)"
        case .function(let q): return "function \(q)"
        case .partitionFunction(let f): return "partition function \(f)"
        case .partitionScheme(let s): return "partition scheme \(s)"
        }
    }
}

extension SchemaChange {
    /// The kind of change without object names: `add foreign key`, `create partition scheme`.
    public var kind: String {
        let words = description.split(separator: " ")
        let objectWords: Set<Substring> = ["schema", "partition", "function", "scheme", "table", "column", "default", "primary", "key",
                                           "unique", "check", "foreign", "index", "security", "policy", "description", "of", "filter",
                                           "block", "after", "before", "insert", "update", "delete", "predicate", "state"]
        var kind: [Substring] = [words[0]]
        for w in words.dropFirst() {
            guard objectWords.contains(w) else { break }
            kind.append(w)
        }
        if kind.last == "of" { kind.removeLast() }
        return kind.joined(separator: " ")
    }
}
