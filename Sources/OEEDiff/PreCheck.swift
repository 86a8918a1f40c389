import Foundation
import OEEModel

/// A data condition a risky change needs, checked before anything is altered.
public enum PreCheck: Hashable, Sendable, CustomStringConvertible {
    /// NOT NULL is being set on a column: no NULLs may exist.
    case noNulls(QualifiedName, column: String)
    /// A NOT NULL column without default is added: the table must be empty.
    case tableEmpty(QualifiedName, column: String)
    /// A primary key or unique constraint is added: no duplicate keys.
    case noDuplicates(QualifiedName, constraint: String, columns: [String])
    /// A foreign key is added: every non-NULL key has a parent.
    case noOrphans(QualifiedName, ForeignKey)
    /// A CHECK is added: no existing row violates it.
    case noViolations(QualifiedName, CheckConstraint)
    /// A column type is narrowed: every value fits the new type.
    case valuesFit(QualifiedName, column: String, from: SQLType, to: SQLType)
    /// A table is dropped: it holds no rows (data loss otherwise).
    case noRows(QualifiedName)
    /// A column is dropped: it holds no value other than NULL (data loss otherwise).
    case noData(QualifiedName, column: String)

    /// A stable, short name for directives and messages: the objects' names
    /// joined, with every character other than an ASCII letter, digit or `_`
    /// replaced by `_` (a directive's NAME is one word), plus a short stable
    /// hash of the original when anything was replaced, so two objects never
    /// share a name.
    public var name: String {
        let raw = rawName
        let word = String(raw.unicodeScalars.map { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "_") ? Character($0) : "_" })
        guard word != raw else { return raw }
        var hash: UInt32 = 2_166_136_261  // FNV-1a over the UTF-8 bytes
        for byte in raw.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return word + "_" + String(hash, radix: 16)
    }

    var rawName: String {
        switch self {
        case .noNulls(let q, let c): return "no_nulls_\(q.schema)_\(q.name)_\(c)"
        case .tableEmpty(let q, let c): return "empty_for_\(q.schema)_\(q.name)_\(c)"
        case .noDuplicates(let q, let k, _): return "no_duplicates_\(q.schema)_\(k)"
        case .noOrphans(let q, let fk): return "no_orphans_\(q.schema)_\(fk.name)"
        case .noViolations(let q, let ck): return "no_violations_\(q.schema)_\(ck.name)"
        case .valuesFit(let q, let c, _, _): return "values_fit_\(q.schema)_\(q.name)_\(c)"
        case .noRows(let q): return "no_rows_\(q.schema)_\(q.name)"
        case .noData(let q, let c): return "no_data_\(q.schema)_\(q.name)_\(c)"
        }
    }

    public var description: String {
        switch self {
        case .noNulls(let q, let c): return "\(q).\(c) holds NULLs; it cannot become NOT NULL — fill them first"
        case .tableEmpty(let q, let c): return "\(q) has rows; NOT NULL column \(c) without a default cannot be added — add a default or fill it in steps"
        case .noDuplicates(let q, let k, let cs): return "\(q) has duplicate (\(cs.joined(separator: ", "))); \(k) cannot be added — remove the duplicates first"
        case .noOrphans(let q, let fk): return "\(q) has rows whose (\(fk.columns.joined(separator: ", "))) match no row of \(fk.referencedTable); \(fk.name) cannot be added"
        case .noViolations(let q, let ck): return "\(q) has rows violating \(ck.name); the check cannot be added — fix the rows first"
        case .valuesFit(let q, let c, let a, let b): return "\(q).\(c) holds values that do not fit \(b) (was \(a)); narrowing would fail or truncate"
        case .noRows(let q): return "\(q) holds rows; dropping it destroys them"
        case .noData(let q, let c): return "\(q).\(c) holds values; dropping the column destroys them"
        }
    }
}

extension MigrationPlan {
    /// The pre-checks the plan's risky changes need. Tables created in the same
    /// plan are empty and need none.
    public var preChecks: [PreCheck] {
        var created: Set<QualifiedName> = []
        var checks: [PreCheck] = []
        for change in changes {
            switch change {
            case .createTable(let q, _): created.insert(q)
            case .alterColumn(let q, let from, let to) where !created.contains(q):
                if from.isNullable && !to.isNullable { checks.append(.noNulls(q, column: to.name)) }
                if TypeNarrowing.reason(from: from.type, to: to.type) != nil {
                    checks.append(.valuesFit(q, column: to.name, from: from.type, to: to.type))
                }
            case .addColumn(let q, let c) where !created.contains(q) && !c.isNullable && c.defaultConstraint == nil && c.computed == nil && c.identity == nil:
                checks.append(.tableEmpty(q, column: c.name))
            case .addPrimaryKey(let q, let k) where !created.contains(q):
                checks.append(.noDuplicates(q, constraint: k.name, columns: k.columns.map(\.column)))
            case .addUnique(let q, let k) where !created.contains(q):
                checks.append(.noDuplicates(q, constraint: k.name, columns: k.columns.map(\.column)))
            case .addForeignKey(let q, let fk) where !created.contains(q):
                checks.append(.noOrphans(q, fk))
            case .addCheck(let q, let ck) where !created.contains(q):
                checks.append(.noViolations(q, ck))
            default:
                break
            }
        }
        var seen: Set<String> = []
        return checks.filter { seen.insert($0.name).inserted }
    }

    /// The checks that the plan destroys no data: every dropped table empty,
    /// every dropped stored column NULL throughout, every narrowed column's
    /// values fitting. Undo scripts carry them as `data-loss` checks, which
    /// `oeedb undo --allow-data-loss` skips. (Partition boundary merges move
    /// rows, they do not drop them, so they need none.)
    public var dataLossChecks: [PreCheck] {
        var checks: [PreCheck] = []
        for change in changes {
            switch change {
            case .dropTable(let q, _):
                checks.append(.noRows(q))
            case .dropColumn(let q, let c) where c.computed == nil:
                checks.append(.noData(q, column: c.name))
            case .alterColumn(let q, let from, let to) where TypeNarrowing.reason(from: from.type, to: to.type) != nil:
                checks.append(.valuesFit(q, column: to.name, from: from.type, to: to.type))
            default:
                break
            }
        }
        var seen: Set<String> = []
        return checks.filter { seen.insert($0.name).inserted }
    }

    /// Tables the plan creates or changes (new names), for post-checks.
    public var touchedTables: [QualifiedName] {
        var seen: Set<QualifiedName> = []
        var result: [QualifiedName] = []
        func add(_ q: QualifiedName) { if seen.insert(q).inserted { result.append(q) } }
        for change in changes {
            switch change {
            case .createTable(let q, _), .addColumn(let q, _), .dropColumn(let q, _), .alterColumn(let q, _, _),
                 .renameColumn(let q, _, _), .addDefault(let q, _, _), .dropDefault(let q, _, _), .addPrimaryKey(let q, _),
                 .dropPrimaryKey(let q, _), .addUnique(let q, _), .dropUnique(let q, _), .addCheck(let q, _), .dropCheck(let q, _),
                 .addForeignKey(let q, _), .dropForeignKey(let q, _), .createIndex(let q, _), .dropIndex(let q, _),
                 .recreateIndex(let q, _, _), .renameIndex(let q, _, _):
                add(q)
            case .renameTable(let from, let to):
                add(QualifiedName(from.schema, to))
            default:
                break
            }
        }
        return result.filter { to.table($0) != nil }
    }
}
