import OEEDiff
import OEEModel

/// `oeedb import` on SQL Server: SQL Server keeps names, partition functions
/// and schemes as the model has them, so only expressions change. The stored
/// definition is parsed (``TSQLParser``) and mapped to the typed DSL; the
/// typed form is kept only when this dialect renders it to the same canonical
/// text (``ExpressionNormalizer``), otherwise the definition stays as
/// `.sql(sqlserver:)`. A `0`/`1` default of a `bit` column reads as `false`/`true`.
extension SQLServerDialect {
    public func lossQueries(excluding schemas: [String]) -> [CatalogQuery] {
        LossCatalogSQL.queries(excluding: schemas)
    }

    public func importable(_ model: Database, lossRows: CatalogRows) throws -> ImportedModel {
        var losses = CatalogLoss.from(lossRows)
        var db = model
        var rawCount = 0
        for si in db.schemas.indices {
            let schemaName = db.schemas[si].name
            for ti in db.schemas[si].tables.indices {
                var t = db.schemas[si].tables[ti]
                let q = QualifiedName(schemaName, t.name)
                for ci in t.columns.indices {
                    let c = t.columns[ci]
                    if var d = c.defaultConstraint {
                        d.expression = typed(d.expression, .defaultValue, "\(q).\(c.name)", bit: c.type == .bit, &rawCount)
                        t.columns[ci].defaultConstraint = d
                    }
                    if var comp = c.computed {
                        comp.expression = typed(comp.expression, .computed, "\(q).\(c.name)", &rawCount)
                        t.columns[ci].computed = comp
                    }
                }
                for ki in t.checks.indices { t.checks[ki].expression = typed(t.checks[ki].expression, .check, "\(q).\(t.checks[ki].name)", &rawCount) }
                for ii in t.indexes.indices {
                    if let f = t.indexes[ii].filter { t.indexes[ii].filter = typed(f, .filter, "\(q).\(t.indexes[ii].name)", &rawCount) }
                }
                for fk in t.foreignKeys where model.table(fk.referencedTable) == nil {
                    losses.append(CatalogLoss(kind: "import", object: "\(q).\(fk.name)", detail: "references \(fk.referencedTable), which is not imported"))
                }
                db.schemas[si].tables[ti] = t
            }
            for fi in db.schemas[si].functions.indices {
                let f = db.schemas[si].functions[fi]
                db.schemas[si].functions[fi].predicate = typed(f.predicate, .function(parameters: f.parameters.map(\.name)), "\(schemaName).\(f.name)", &rawCount)
            }
        }
        var notes: [String] = []
        for s in db.schemas {
            for p in s.securityPolicies {
                notes.append("\(s.name).\(p.name): the maintenance session (the SESSION_CONTEXT keys a migration sets to see every row) is not stored in the database; add .maintenanceSession(\"is_global\", \"1\") or what the predicate function reads")
            }
        }
        for f in db.partitionFunctions where f.rolling == nil {
            notes.append("\(f.name): boundaries are imported as they are; a rolling window (.rolling(…)) is a model policy the database does not store")
        }
        if rawCount > 0 { notes.append("\(rawCount) expression(s) have no typed DSL form and stay T-SQL text (.sql(sqlserver:)); add the postgres text before generating for PostgreSQL") }
        return ImportedModel(database: db, losses: losses.sorted(), notes: notes)
    }

    func typed(_ e: Expression, _ context: ExpressionRenderer.Context, _ path: String, bit: Bool = false, _ rawCount: inout Int) -> Expression {
        guard case .raw(let texts) = e, let text = texts["sqlserver"] else { return e }
        let plain = Expression.raw(["sqlserver": text])
        var parameters: Set<String> = []
        if case .function(let p) = context { parameters = Set(p) }
        if let tree = try? SQLParser.parse(text), var candidate = TypedTSQL(parameters: parameters).lift(tree) {
            if bit, case .literal(.int(let v)) = candidate, v == 0 || v == 1 { candidate = .literal(.bool(v == 1)) }
            if let got = try? ExpressionNormalizer.comparable(candidate, context: context, path: path),
               got == ExpressionNormalizer.comparable(text) {
                return candidate
            }
        }
        rawCount += 1
        return plain
    }
}

/// Maps a parsed T-SQL expression to the DSL's typed expression; nil for
/// what has no typed form (LIKE, BETWEEN, CASE, CONVERT with a style, …).
struct TypedTSQL {
    var parameters: Set<String>

    static let operators: [String: Expression.BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
        "+": .add, "-": .subtract, "*": .multiply, "/": .divide,
    ]

    func lift(_ e: TSQLExpression) -> Expression? {
        switch e {
        case .name(let parts):
            return parts.count == 1 ? .column(parts[0]) : nil
        case .variable(let v):
            let name = v.hasPrefix("@") ? String(v.dropFirst()) : v
            return parameters.contains(name) ? .parameter(name) : nil
        case .number(let n):
            if let v = Int64(n) { return .literal(.int(v)) }
            return n.isExactNumeral ? .literal(.decimal(n)) : nil
        case .string(let s, let unicode): return .literal(.string(s, unicode: unicode))
        case .null: return .literal(.null)
        case .binary(let op, let l, let r):
            guard let o = Self.operators[op], let l = lift(l), let r = lift(r) else { return nil }
            return .binary(lhs: l, op: o, rhs: r)
        case .and(let xs):
            let parts = xs.compactMap(lift)
            return parts.count == xs.count ? .and(parts) : nil
        case .or(let xs):
            let parts = xs.compactMap(lift)
            return parts.count == xs.count ? .or(parts) : nil
        case .not(let x): return lift(x).map { .not($0) }
        case .isNull(let x, let negated): return lift(x).map { .isNull($0, negated: negated) }
        case .inList(let x, let values, let negated):
            guard let x = lift(x) else { return nil }
            let vs = values.compactMap(lift)
            return vs.count == values.count ? .inList(x, values: vs, negated: negated) : nil
        case .call(let name, let args):
            guard name.count == 1 else { return nil }
            let xs = args.compactMap(lift)
            return xs.count == args.count ? .call(name[0].uppercased(), arguments: xs) : nil
        case .cast(let x, let type, let isTry):
            guard !isTry, let t = SQLType(parsing: type), let x = lift(x) else { return nil }
            return .cast(x, as: t)
        default:
            return nil
        }
    }
}
