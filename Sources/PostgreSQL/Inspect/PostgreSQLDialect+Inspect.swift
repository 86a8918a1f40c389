import OEEDiff
import OEEModel

/// Reading a live PostgreSQL database into the model, and the comparable form
/// both sides are reduced to before drift is computed.
extension PostgreSQLDialect: InspectorDialect {
    public func catalogQueries(excluding schemas: [String], tables: [QualifiedName]?) -> [CatalogQuery] {
        CatalogSQL.queries(excluding: schemas, tables: tables).map { CatalogQuery($0.0, $0.1) }
    }

    /// psqlODBC sends a batch of statements as one simple-query message and
    /// returns each SELECT's rows as its own result set: one round trip for
    /// the whole catalog (the post-check of every migration pays it).
    public var readsCatalogInOneBatch: Bool { true }

    /// The eight queries restricted by two `text[]` parameters (schemas,
    /// names), prepared with `PREPARE` (session-scoped, kept through a
    /// rollback) and run with `EXECUTE`: after a few executions PostgreSQL
    /// keeps their generic plan, so a post-check neither parses nor plans
    /// (planning was ~1.7 ms of ~2.2 ms per post-check at 2,000 tables).
    public func preparedCatalogRead(excluding schemas: [String], prefix: String) -> PreparedCatalogRead? {
        let queries = CatalogSQL.queries(excluding: schemas, restriction: .parameters)
        let names = queries.map(\.0)
        let prepare = queries.map { "PREPARE \(prefix)\($0.0)(text[], text[]) AS\n\($0.1)" }.joined(separator: "\n")
        return PreparedCatalogRead(names: names, prepare: prepare) { tables in
            let schemaArray = "ARRAY[" + tables.map { PGSQL.string($0.schema) }.joined(separator: ", ") + "]::text[]"
            let nameArray = "ARRAY[" + tables.map { PGSQL.string($0.name) }.joined(separator: ", ") + "]::text[]"
            return names.map { "EXECUTE \(prefix)\($0)(\(schemaArray), \(nameArray));" }.joined(separator: "\n")
        }
    }

    public func model(from rows: CatalogRows, databaseName: String) throws -> Database {
        try CatalogModelBuilder(rows: rows, databaseName: databaseName).build()
    }

    /// The model as PostgreSQL stores what this dialect renders: see the
    /// capability table. Idempotent; applied to both sides of a comparison.
    public func comparable(_ model: Database) throws -> Database {
        var db = Database(name: model.name)
        var functions: [PartitionFunction] = []
        var schemes: [PartitionScheme] = []
        // A model holds few distinct types: map each once (2,000 tables: ~20k columns, ~30 types).
        var typeCache: [SQLType: SQLType] = [:]
        // Normal forms by the table's column types, then by text (tables often share both).
        var normalForms: [[String: SQLType]: [String: Expression]] = [:]
        func comparableType(_ type: SQLType) -> SQLType {
            if let known = typeCache[type] { return known }
            let mapped = PostgreSQLDialect.comparableType(type)
            typeCache[type] = mapped
            return mapped
        }
        for schema in model.schemas {
            var s = Schema(name: schema.name, description: clean(schema.description))
            for table in schema.tables {
                let q = QualifiedName(schema.name, table.name)
                var columnTypes: [String: SQLType] = [:]
                for c in table.columns { columnTypes[c.name] = c.type }
                var cache = normalForms.removeValue(forKey: columnTypes) ?? [:]
                defer { normalForms[columnTypes] = cache }
                var t = Table(name: table.name, description: clean(table.description))
                for c in table.columns {
                    var col = Column(name: c.name, type: comparableType(c.type), isNullable: c.isNullable, identity: c.identity,
                                     description: clean(c.description))
                    if c.identity != nil { col.isNullable = false }
                    if let d = c.defaultConstraint {
                        col.defaultConstraint = DefaultConstraint(name: PostgreSQLDialect.defaultName,
                                                                  expression: try normalized(d.expression, .defaultValue(c.type), "\(q).\(c.name)", columnTypes, cache: &cache))
                    }
                    if let comp = c.computed {
                        col.computed = ComputedColumn(expression: try normalized(comp.expression, .computed, "\(q).\(c.name)", columnTypes, cache: &cache), isPersisted: true)
                        if !comp.isPersisted { col.isNullable = true }
                    }
                    t.columns.append(col)
                }
                if let pk = table.primaryKey {
                    t.primaryKey = PrimaryKey(name: pk.name, columns: pk.columns.map { IndexKey($0.column) }, isClustered: false, description: clean(pk.description))
                }
                t.uniqueConstraints = table.uniqueConstraints.map { UniqueConstraint(name: $0.name, columns: $0.columns.map { IndexKey($0.column) }, description: clean($0.description)) }
                t.foreignKeys = table.foreignKeys.map { var f = $0; f.description = clean(f.description); return f }
                for check in table.checks {
                    t.checks.append(CheckConstraint(name: check.name, expression: try normalized(check.expression, .check, "\(q).\(check.name)", columnTypes, cache: &cache),
                                                    description: clean(check.description)))
                }
                for index in table.indexes where !index.kind.isColumnstore {
                    var i = Index(name: index.name, kind: .nonclustered, isUnique: index.isUnique, keys: index.keys, included: index.included,
                                  description: clean(index.description))
                    if let f = index.filter { i.filter = try normalized(f, .filter, "\(q).\(index.name)", columnTypes, cache: &cache) }
                    t.indexes.append(i)
                }
                if let p = table.partitioning {
                    t.partitioning = TableStorage(partitionScheme: PostgreSQLDialect.syntheticScheme(q), partitionColumn: p.partitionColumn)
                    let source = model.partitionScheme(named: p.partitionScheme).flatMap { model.partitionFunction(named: $0.function) }
                    let literals = (source?.boundaryValues ?? []).map(PostgreSQLDialect.comparableBoundary)
                    let type = table.column(named: p.partitionColumn).map { PostgreSQLDialect.comparableType($0.type) } ?? .datetime2(precision: 3)
                    functions.append(PartitionFunction(name: PostgreSQLDialect.syntheticFunction(q), inputType: type, range: .right, boundaries: .values(literals)))
                    schemes.append(PartitionScheme(name: PostgreSQLDialect.syntheticScheme(q), function: PostgreSQLDialect.syntheticFunction(q)))
                }
                s.tables.append(t)
            }
            for f in schema.functions {
                let q = QualifiedName(schema.name, f.name)
                let types = Dictionary(f.parameters.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
                let params = f.parameters.map { InlineFunction.Parameter(name: $0.name, type: PostgreSQLDialect.comparableType($0.type)) }
                s.functions.append(InlineFunction(name: f.name, parameters: params,
                                                  predicate: try normalized(f.predicate, .function(name: f.name, parameters: types), "\(q)", [:] ),
                                                  description: clean(f.description)))
            }
            for p in schema.securityPolicies {
                var policy = SecurityPolicy(name: p.name, predicates: p.isEnabled ? p.predicates : [], isEnabled: true)
                policy.predicates.sort { ($0.table, $0.kind.rawValue) < ($1.table, $1.kind.rawValue) }
                s.securityPolicies.append(policy)
            }
            db.schemas.append(s)
        }
        // Already-comparable input keeps its synthetic objects.
        if functions.isEmpty && !model.partitionFunctions.isEmpty && model.partitionFunctions.allSatisfy({ $0.name.hasPrefix("pf:") }) {
            functions = model.partitionFunctions
            schemes = model.partitionSchemes
        }
        db.partitionFunctions = functions.sorted { $0.name < $1.name }
        db.partitionSchemes = schemes.sorted { $0.name < $1.name }
        return db
    }

    /// Defaults have no name in PostgreSQL: every comparable default gets this one.
    static let defaultName = "default"

    static func syntheticFunction(_ table: QualifiedName) -> String { "pf:\(table)" }
    static func syntheticScheme(_ table: QualifiedName) -> String { "ps:\(table)" }

    /// Renders a typed expression as this dialect does (catalog text renders
    /// as itself), then brings it to ``ExpressionNormalizer``'s normal form;
    /// an expression already comparable is kept.
    func normalized(_ e: Expression, _ context: ExpressionRenderer.Context, _ path: String, _ columns: [String: SQLType]) throws -> Expression {
        var cache: [String: Expression] = [:]
        return try normalized(e, context, path, columns, cache: &cache)
    }

    /// The same, remembering each text's normal form in `cache` — the normal
    /// form is a function of the text and the table's column types alone, so
    /// one cache serves every table with the same column types.
    func normalized(_ e: Expression, _ context: ExpressionRenderer.Context, _ path: String, _ columns: [String: SQLType],
                    cache: inout [String: Expression]) throws -> Expression {
        if ExpressionComparison.isComparable(e) { return e }
        let text = try ExpressionRenderer(context: context, path: path, columns: columns).render(e)
        if let known = cache[text] { return known }
        let normal = ExpressionNormalizer.comparable(text, columns: columns)
        cache[text] = normal
        return normal
    }

    func clean(_ text: String?) -> String? { DescriptionText.clean(text) }

    /// The representative of the PostgreSQL type a model type becomes.
    static func comparableType(_ type: SQLType) -> SQLType {
        modelType(fromCatalog: catalogTypeName(type))
    }

    /// `2026-10-01T00:00:00` → `2026-10-01 00:00:00`, as PostgreSQL prints bounds.
    static func comparableBoundary(_ literal: Literal) -> Literal {
        if case .string(let s, _) = literal { return .string(s.replacingOccurrences(of: "T", with: " "), unicode: false) }
        return literal
    }

    /// `format_type()` text → the model type oeedb would render as it.
    static func modelType(fromCatalog text: String) -> SQLType {
        let t = text.lowercased().trimmingCharacters(in: .whitespaces)
        func args() -> [Int] {
            guard let open = t.firstIndex(of: "("), let close = t.firstIndex(of: ")") else { return [] }
            return t[t.index(after: open)..<close].split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        let a = args()
        switch true {
        case t == "smallint": return .smallint
        case t == "integer": return .int
        case t == "bigint": return .bigint
        case t == "boolean": return .bit
        case t.hasPrefix("numeric"): return .decimal(precision: a.first ?? 18, scale: a.count > 1 ? a[1] : 0)
        case t == "double precision": return .float(mantissa: nil)
        case t == "real": return .real
        case t == "date": return .date
        case t.hasPrefix("time") && t.contains("with time zone") && t.hasPrefix("timestamp"): return .datetimeoffset(precision: a.first ?? 6)
        case t.hasPrefix("timestamp"): return .datetime2(precision: a.first ?? 6)
        case t.hasPrefix("time"): return .time(precision: a.first ?? 6)
        case t.hasPrefix("character varying"): return a.first.map { .varchar(.n($0)) } ?? .varchar(.max)
        case t == "text": return .varchar(.max)
        case t.hasPrefix("character"): return .char(.n(a.first ?? 1))
        case t == "bytea": return .varbinary(.max)
        case t == "uuid": return .uniqueidentifier
        default: return .varchar(.max)
        }
    }
}
