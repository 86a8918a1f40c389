import OEEDiff
import OEEModel

/// `oeedb import` on PostgreSQL: the read model (catalog text, synthetic
/// partition objects, unnamed defaults) turned into one DSL source can state.
///
/// - Expressions: the catalog text is parsed (``PGSQLParser``), brought to
///   the normal form, and mapped back to the typed DSL (`now() AT TIME ZONE
///   'UTC'` → `SYSUTCDATETIME()`, `NULLIF(current_setting('oeedb.k', true), '')`
///   → `SESSION_CONTEXT(N'k')`, `oeedb.isjson(x)` → `ISJSON(x)`, casts to the
///   model's types). The typed form is kept only when this dialect renders it
///   to the same normal form as the catalog text; otherwise the text stays,
///   as `.sql(postgres:)`.
/// - Defaults get the names oeedb gives them, `df_<table>_<column>`.
/// - Each partitioned table's synthetic function and scheme become
///   `pf_<table>` / `ps_<table>` (`pf_<schema>_<table>` when two tables share
///   a name); consecutive midnight or first-of-month boundaries become a
///   `.days(from:count:)` / `.months(from:count:)` window.
/// - Routines the loss queries list are taken out of the model's functions.
extension PostgreSQLDialect {
    public func lossQueries(excluding schemas: [String]) -> [CatalogQuery] {
        LossCatalogSQL.queries(excluding: schemas)
    }

    public func importable(_ model: Database, lossRows: CatalogRows) throws -> ImportedModel {
        var losses = CatalogLoss.from(lossRows)
        var notes: [String] = []
        let routines = Set(losses.filter { $0.kind == "routines" }.map(\.object))
        var db = Database(name: model.name, description: model.description)

        // Partition functions: one per partitioned table, named after it.
        var tableCounts: [String: Int] = [:]
        for (_, t) in model.allTables where t.partitioning != nil { tableCounts[t.name, default: 0] += 1 }
        var renamedSchemes: [String: String] = [:]
        var usedNames: Set<String> = []
        for (q, t) in model.allTables {
            guard let p = t.partitioning, let scheme = model.partitionScheme(named: p.partitionScheme),
                  let function = model.partitionFunction(named: scheme.function) else { continue }
            var stem = tableCounts[t.name, default: 0] > 1 ? "\(q.schema)_\(q.name)" : q.name
            while usedNames.contains(stem) { stem += "_" }
            usedNames.insert(stem)
            var f = function
            f.name = "pf_\(stem)"
            f.boundaries = Self.window(function.boundaryValues, type: function.inputType) ?? function.boundaries
            db.partitionFunctions.append(f)
            db.partitionSchemes.append(PartitionScheme(name: "ps_\(stem)", function: f.name))
            renamedSchemes[scheme.name] = "ps_\(stem)"
        }
        if !db.partitionFunctions.isEmpty {
            notes.append("PostgreSQL has no shared partition functions: each partitioned table has its own, named pf_<table> / ps_<table> (merge them by hand if tables should share one)")
        }

        var generatedDefaults = false
        var rawCount = 0
        for schema in model.schemas {
            var s = Schema(name: schema.name, description: schema.description)
            for table in schema.tables {
                let q = QualifiedName(schema.name, table.name)
                var columnTypes: [String: SQLType] = [:]
                for c in table.columns { columnTypes[c.name] = c.type }
                var t = table
                t.columns = try table.columns.map { c in
                    var c = c
                    if let d = c.defaultConstraint {
                        generatedDefaults = true
                        let e = try typed(d.expression, .defaultValue(c.type), "\(q).\(c.name)", columnTypes, &rawCount)
                        c.defaultConstraint = DefaultConstraint(name: Self.defaultName(table: table.name, column: c.name), expression: e)
                    }
                    if let comp = c.computed {
                        c.computed = ComputedColumn(expression: try typed(comp.expression, .computed, "\(q).\(c.name)", columnTypes, &rawCount), isPersisted: comp.isPersisted)
                    }
                    return c
                }
                t.checks = try table.checks.map { ck in
                    var ck = ck
                    ck.expression = try typed(ck.expression, .check, "\(q).\(ck.name)", columnTypes, &rawCount)
                    return ck
                }
                t.indexes = try table.indexes.map { i in
                    var i = i
                    if let f = i.filter { i.filter = try typed(f, .filter, "\(q).\(i.name)", columnTypes, &rawCount) }
                    return i
                }
                if let p = t.partitioning, let renamed = renamedSchemes[p.partitionScheme] {
                    t.partitioning = TableStorage(partitionScheme: renamed, partitionColumn: p.partitionColumn)
                }
                for fk in t.foreignKeys where model.table(fk.referencedTable) == nil {
                    losses.append(CatalogLoss(kind: "import", object: "\(q).\(fk.name)", detail: "references \(fk.referencedTable), which is not imported"))
                }
                s.tables.append(t)
            }
            for f in schema.functions {
                if routines.contains("\(schema.name).\(f.name)") { continue }
                var f = f
                let types = Dictionary(f.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
                f.predicate = try typed(f.predicate, .function(name: f.name, parameters: types), "\(schema.name).\(f.name)", [:], &rawCount)
                s.functions.append(f)
            }
            for p in schema.securityPolicies {
                s.securityPolicies.append(p)
                notes.append("\(schema.name).\(p.name): the maintenance session (the session keys a migration sets to see every row) is not stored in the database; add .maintenanceSession(\"is_global\", \"1\") or what the predicate function reads")
            }
            db.schemas.append(s)
        }
        if generatedDefaults { notes.append("PostgreSQL does not name defaults: they are named df_<table>_<column>") }
        if rawCount > 0 { notes.append("\(rawCount) expression(s) have no typed DSL form and stay PostgreSQL text (.sql(postgres:)); add the sqlserver text before generating for SQL Server") }
        notes.append("PostgreSQL keeps no clustered/nonclustered choice, no compression and no Unicode/non-Unicode distinction: keys are imported nonclustered, text as varchar/char")
        return ImportedModel(database: db, losses: losses.sorted(), notes: notes)
    }

    static func defaultName(table: String, column: String) -> String { "df_\(table)_\(column)" }

    /// Consecutive UTC midnights (`.days`) or firsts of the month (`.months`), or nil.
    static func window(_ values: [Literal], type: SQLType) -> PartitionFunction.Boundaries? {
        let dates = values.compactMap(PartitionFunction.gridDate)
        guard dates.count == values.count, let first = dates.first else { return nil }
        let withTime = type.family == .timestamp || type.family == .timestampWithOffset
        guard withTime || type.family == .date else { return nil }
        for unit in [PartitionFunction.Unit.day, .month] {
            let candidate = PartitionFunction.Boundaries.window(start: first.iso, unit: unit, count: dates.count)
            let expanded = PartitionFunction(name: "", inputType: type, boundaries: candidate).boundaryValues
            if expanded.map(comparableBoundary) == values.map(comparableBoundary) { return candidate }
        }
        return nil
    }

    /// The typed DSL form of a catalog expression when it renders to the same
    /// normal form, else the catalog text alone (`.sql(postgres:)`).
    func typed(_ e: Expression, _ context: ExpressionRenderer.Context, _ path: String, _ columns: [String: SQLType], _ rawCount: inout Int) throws -> Expression {
        guard case .raw(let texts) = e, let text = texts[ExpressionNormalizer.dialectKey] else { return e }
        let stripped = ExpressionNormalizer.strippedConstraintText(text)
        let plain = Expression.raw([ExpressionNormalizer.dialectKey: stripped])
        let parameters: [String: SQLType]
        if case .function(_, let p) = context { parameters = p } else { parameters = [:] }
        if let tree = try? SQLParser.parse(stripped) {
            let functionName: String?
            if case .function(let n, _) = context { functionName = n } else { functionName = nil }
            let normal = ExpressionNormalizer.normal(tree, columns: columns)
            if let candidate = TypedExpression(columns: columns, parameters: parameters, function: functionName).lift(normal),
               let want = try? normalized(plain, context, path, columns),
               let got = try? normalized(candidate, context, path, columns),
               want == got {
                return candidate
            }
        }
        rawCount += 1
        return plain
    }
}

/// Maps a PostgreSQL normal tree to the DSL's typed expression, undoing what
/// ``ExpressionRenderer`` does; nil for what has no typed form.
struct TypedExpression {
    var columns: [String: SQLType]
    var parameters: [String: SQLType]
    var function: String?

    func lift(_ e: Expression) -> Expression? {
        switch e {
        case .column(let c):
            if function != nil { return parameters[c] != nil ? .parameter(c) : nil }
            return .column(c)
        case .parameter: return e
        case .literal: return e
        case .raw: return nil
        case .binary(let l, let op, let r):
            guard let l = lift(l), let r = lift(r) else { return nil }
            return .binary(lhs: l, op: op, rhs: r)
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
        case .cast(let x, let type): return lift(x).map { .cast($0, as: type) }
        case .call(let name, let args):
            return call(name, args)
        }
    }

    func call(_ name: String, _ args: [Expression]) -> Expression? {
        if name.hasPrefix("CAST AS "), args.count == 1 {
            let type = String(name.dropFirst("CAST AS ".count))
            guard let x = lift(args[0]) else { return nil }
            return .cast(x, as: PostgreSQLDialect.modelType(fromCatalog: type))
        }
        switch (name, args.count) {
        case ("NAME", 2):
            // "fn"."param": a parameter of the function the predicate belongs to.
            guard let function, case .literal(.string(let f, _)) = args[0], case .literal(.string(let p, _)) = args[1],
                  f == function, parameters[p] != nil else { return nil }
            return .parameter(p)
        case ("operator AT TIME ZONE", 2):
            if case .call("now", let inner) = args[0], inner.isEmpty, case .literal(.string(let zone, _)) = args[1], zone.uppercased() == "UTC" {
                return .call("SYSUTCDATETIME", arguments: [])
            }
            return nil
        case ("KEYWORD localtimestamp", 0): return .call("SYSDATETIME", arguments: [])
        case ("now", 0): return .call("SYSDATETIMEOFFSET", arguments: [])
        case ("gen_random_uuid", 0): return .call("NEWID", arguments: [])
        case ("nullif", 2):
            if case .call("current_setting", let inner) = args[0], inner.count == 2,
               case .literal(.string(let setting, _)) = inner[0], setting.hasPrefix("oeedb."),
               case .literal(.bool(true)) = inner[1], case .literal(.string("", _)) = args[1] {
                return .call("SESSION_CONTEXT", arguments: [.literal(.string(String(setting.dropFirst(6)), unicode: true))])
            }
            return nil
        case ("isjson", 1):
            return lift(args[0]).map { .call("ISJSON", arguments: [$0]) }
        case ("coalesce", _) where args.count >= 2:
            let xs = args.compactMap(lift)
            return xs.count == args.count ? .call("COALESCE", arguments: xs) : nil
        case ("upper", 1), ("lower", 1), ("abs", 1):
            return lift(args[0]).map { .call(name.uppercased(), arguments: [$0]) }
        case ("length", 1):
            if case .call("rtrim", let inner) = args[0], inner.count == 1, let x = lift(inner[0]) { return .call("LEN", arguments: [x]) }
            return nil
        case ("operator ||", 2):
            guard let l = lift(args[0]), let r = lift(args[1]) else { return nil }
            return .binary(lhs: l, op: .add, rhs: r)
        default:
            return nil
        }
    }
}
