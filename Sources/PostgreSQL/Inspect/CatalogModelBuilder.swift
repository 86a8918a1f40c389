import Foundation
import OEEDiff
import OEEModel

/// Builds the model from PostgreSQL catalog rows (see ``CatalogSQL``).
///
/// What PostgreSQL does not keep comes back in this dialect's comparable form:
/// types as their PostgreSQL class representative (`varchar`, not `nvarchar`),
/// expressions as the catalog's text (``PostgreSQLDialect/comparable(_:)``
/// parses them), partitioning as one synthetic partition
/// function and scheme per table named after it (`fact.cycle`), row-level
/// security as the policies this dialect creates (`<policy>_filter`, …).
struct CatalogModelBuilder {
    let rows: CatalogRows
    let databaseName: String

    static let rawKey = "postgres"

    /// Catalog text, kept as the engine wrote it until ``PostgreSQLDialect/comparable(_:)``.
    static func raw(_ text: String) -> OEEModel.Expression { .raw([rawKey: text]) }

    /// A JSON array of strings (`json_agg(attname)`), or [] for NULL.
    static func names(_ json: String?) -> [String] {
        guard let data = json?.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [Any] else { return [] }
        return array.map { ($0 as? String) ?? "" }
    }

    /// A JSON array of pairs (`json_agg(json_build_array(name, x))`).
    static func pairs(_ json: String?) -> [(String?, Any)] {
        guard let data = json?.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [[Any]] else { return [] }
        return array.map { ($0.first as? String, $0.count > 1 ? $0[1] : NSNull()) }
    }

    func build() throws -> Database {
        var db = Database(name: databaseName)
        var schemaIndex: [String: Int] = [:]
        for r in try rows.rows("schemas") {
            guard let name = r[0] ?? nil else { continue }
            schemaIndex[name] = db.schemas.count
            db.schemas.append(Schema(name: name, description: clean(r[1] ?? nil)))
        }
        var tableIndex: [QualifiedName: (Int, Int)] = [:]
        var rlsEnabled: Set<QualifiedName> = []
        for r in try rows.rows("tables") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let si = schemaIndex[s] else { continue }
            let q = QualifiedName(s, t)
            var table = Table(name: t, description: clean(r[2] ?? nil))
            if let column = r[4] ?? nil {
                table.partitioning = TableStorage(partitionScheme: PostgreSQLDialect.syntheticScheme(q), partitionColumn: column)
            }
            if (r[3] ?? nil) == "1" { rlsEnabled.insert(q) }
            tableIndex[q] = (si, db.schemas[si].tables.count)
            db.schemas[si].tables.append(table)
        }
        func edit(_ q: QualifiedName, _ body: (inout Table) -> Void) {
            guard let (si, ti) = tableIndex[q] else { return }
            body(&db.schemas[si].tables[ti])
        }
        var typeCache: [String: SQLType] = [:]  // few distinct type texts, many columns
        var columnsByTable: [QualifiedName: [(Int, Column)]] = [:]
        for r in try rows.rows("columns") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let name = r[2] ?? nil, let typeText = r[3] ?? nil else { continue }
            let type = typeCache[typeText] ?? PostgreSQLDialect.modelType(fromCatalog: typeText)
            typeCache[typeText] = type
            var column = Column(name: name, type: type, isNullable: (r[4] ?? nil) != "1",
                                description: clean(r[10] ?? nil))
            if let identity = r[5] ?? nil, !identity.isEmpty {
                column.identity = Identity(seed: Int64(r[6] ?? "1") ?? 1, increment: Int64(r[7] ?? "1") ?? 1)
                column.isNullable = false
            }
            if let expr = r[8] ?? nil {
                if let generated = r[9] ?? nil, !generated.isEmpty {
                    column.computed = ComputedColumn(expression: CatalogModelBuilder.raw(expr), isPersisted: true)
                } else {
                    column.defaultConstraint = DefaultConstraint(name: PostgreSQLDialect.defaultName, expression: CatalogModelBuilder.raw(expr))
                }
            }
            columnsByTable[QualifiedName(s, t), default: []].append((Int((r[11] ?? nil) ?? "") ?? 0, column))
        }
        // The query leaves the order to us: each table's columns by attnum.
        for (q, columns) in columnsByTable {
            edit(q) { $0.columns = columns.sorted { $0.0 < $1.0 }.map(\.1) }
        }
        for r in try rows.rows("constraints") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let name = r[2] ?? nil, let type = r[3] ?? nil else { continue }
            let columns = CatalogModelBuilder.names(r[4] ?? nil)
            let description = clean(r[10] ?? nil)
            edit(QualifiedName(s, t)) { table in
                switch type {
                case "p":
                    table.primaryKey = PrimaryKey(name: name, columns: columns.map { IndexKey($0) }, isClustered: false, description: description)
                case "u":
                    table.uniqueConstraints.append(UniqueConstraint(name: name, columns: columns.map { IndexKey($0) }, description: description))
                case "f":
                    let target = QualifiedName((r[5] ?? nil) ?? "", (r[11] ?? nil) ?? "")
                    let refColumns = CatalogModelBuilder.names(r[6] ?? nil)
                    table.foreignKeys.append(ForeignKey(
                        name: name, columns: columns, referencedTable: target, referencedColumns: refColumns,
                        onDelete: CatalogModelBuilder.action((r[7] ?? nil) ?? "a"), onUpdate: CatalogModelBuilder.action((r[8] ?? nil) ?? "a"),
                        description: description))
                default:
                    table.checks.append(CheckConstraint(name: name, expression: CatalogModelBuilder.raw((r[9] ?? nil) ?? ""), description: description))
                }
            }
        }
        for r in try rows.rows("indexes") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let name = r[2] ?? nil else { continue }
            let keyCount = Int((r[4] ?? nil) ?? "0") ?? 0
            var index = Index(name: name, isUnique: (r[3] ?? nil) == "1", description: clean(r[7] ?? nil))
            for (i, part) in CatalogModelBuilder.pairs(r[5] ?? nil).enumerated() {
                // An expression key has no column name: it reads back as "" and differs.
                let column = part.0 ?? ""
                let descending = (part.1 as? Bool) ?? false
                if i < keyCount { index.keys.append(IndexKey(column, descending: descending)) } else { index.included.append(column) }
            }
            if let predicate = r[6] ?? nil { index.filter = CatalogModelBuilder.raw(predicate) }
            edit(QualifiedName(s, t)) { $0.indexes.append(index) }
        }
        try addPartitions(&db)
        try addFunctionsAndPolicies(&db, rlsEnabled: rlsEnabled)
        // `public` is excluded by the queries; drop any schema left empty only if it is a system leftover.
        return db
    }

    /// One synthetic partition function and scheme per partitioned table, with
    /// the lower bounds of its child partitions as boundaries.
    func addPartitions(_ db: inout Database) throws {
        var bounds: [QualifiedName: [String]] = [:]
        for r in try rows.rows("partitions") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let bound = r[3] ?? nil else { continue }
            // FOR VALUES FROM ('2026-10-01 00:00:00') TO ('2026-10-02 00:00:00') / FROM (MINVALUE)
            guard let from = bound.range(of: "FROM ("), let close = bound[from.upperBound...].firstIndex(of: ")") else { continue }
            let lower = bound[from.upperBound..<close].trimmingCharacters(in: .whitespaces)
            if lower.uppercased() == "MINVALUE" { continue }
            bounds[QualifiedName(s, t), default: []].append(lower)
        }
        for (q, table) in db.allTables {
            guard let p = table.partitioning else { continue }
            let type = table.column(named: p.partitionColumn)?.type ?? .datetime2(precision: 3)
            let literals = (bounds[q] ?? []).map(CatalogModelBuilder.boundaryLiteral).sorted { CatalogModelBuilder.boundaryOrder($0, $1) }
            let name = PostgreSQLDialect.syntheticFunction(q)
            db.partitionFunctions.append(PartitionFunction(name: name, inputType: type, range: .right, boundaries: .values(literals)))
            db.partitionSchemes.append(PartitionScheme(name: PostgreSQLDialect.syntheticScheme(q), function: name))
        }
    }

    /// `'2026-10-01 00:00:00'` → the string `2026-10-01 00:00:00`; `42` → int.
    static func boundaryLiteral(_ text: String) -> Literal {
        if text.hasPrefix("'") && text.hasSuffix("'") && text.count >= 2 {
            return .string(String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'"), unicode: false)
        }
        if let v = Int64(text) { return .int(v) }
        return .decimal(text)
    }

    static func boundaryOrder(_ a: Literal, _ b: Literal) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        default: return a.displayText < b.displayText
        }
    }

    func addFunctionsAndPolicies(_ db: inout Database, rlsEnabled: Set<QualifiedName>) throws {
        for r in try rows.rows("functions") {
            guard let s = r[0] ?? nil, let name = r[1] ?? nil, let si = db.schemas.firstIndex(where: { $0.name == s }) else { continue }
            let parameters = CatalogModelBuilder.pairs(r[2] ?? nil).map {
                InlineFunction.Parameter(name: $0.0 ?? "", type: PostgreSQLDialect.modelType(fromCatalog: ($0.1 as? String) ?? ""))
            }
            var body = ((r[3] ?? nil) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if body.uppercased().hasPrefix("SELECT") { body = String(body.dropFirst(6)).trimmingCharacters(in: .whitespacesAndNewlines) }
            db.schemas[si].functions.append(InlineFunction(
                name: name, parameters: parameters, predicate: CatalogModelBuilder.raw(body), description: clean(r[4] ?? nil)))
        }
        // Policies: `<policy>_<kind>` per table, grouped back into model policies
        // named after the prefix, in the schema of their predicate function.
        let kinds: [(String, SecurityPredicate.Kind)] = [
            ("_block_before_update", .blockBeforeUpdate), ("_block_insert", .blockAfterInsert), ("_block_update", .blockAfterUpdate),
            ("_block_delete", .blockBeforeDelete), ("_filter", .filter),
        ]
        var policies: [QualifiedName: SecurityPolicy] = [:]
        var order: [QualifiedName] = []
        for r in try rows.rows("policies") {
            guard let s = r[0] ?? nil, let t = r[1] ?? nil, let polname = r[2] ?? nil else { continue }
            let table = QualifiedName(s, t)
            guard let (suffix, kind) = kinds.first(where: { polname.hasSuffix($0.0) }) else { continue }
            let policyName = String(polname.dropLast(suffix.count))
            let expression = kind == .filter ? (r[3] ?? nil) : ((r[4] ?? nil) ?? (r[3] ?? nil))
            guard let call = CatalogModelBuilder.parseCall(expression ?? "") else { continue }
            let q = QualifiedName(call.function.schema, policyName)
            if policies[q] == nil {
                policies[q] = SecurityPolicy(name: policyName, predicates: [], isEnabled: true)
                order.append(q)
            }
            // A predicate on a table whose row-level security is off is not in force.
            guard rlsEnabled.contains(table) else { continue }
            policies[q]!.predicates.append(SecurityPredicate(kind: kind, function: call.function, arguments: call.arguments, table: table))
        }
        for q in order {
            guard let si = db.schemas.firstIndex(where: { $0.name == q.schema }), var p = policies[q] else { continue }
            p.predicates.sort { ($0.table, $0.kind.rawValue) < ($1.table, $1.kind.rawValue) }
            db.schemas[si].securityPolicies.append(p)
        }
    }

    /// `sec.fn_site_filter(site_id)`, `"h'x""y]z".fn((a)::integer)` → function and
    /// argument columns, read with ``SQLParser`` (quoted names kept whole).
    static func parseCall(_ text: String) -> (function: QualifiedName, arguments: [String])? {
        guard case .call(_, let args)? = try? SQLParser.parse(text), let parts = SQLParser.nameParts(ofCallIn: text), parts.count == 2 else { return nil }
        var columns: [String] = []
        for a in args {
            var a = a
            while case .call(let n, let inner) = a, n.hasPrefix("CAST AS "), inner.count == 1 { a = inner[0] }
            guard case .column(let c) = a else { return nil }
            columns.append(c)
        }
        return (QualifiedName(parts[0], parts[1]), columns)
    }

    static func action(_ code: String) -> ReferentialAction {
        switch code {
        case "c": return .cascade
        case "n": return .setNull
        case "d": return .setDefault
        default: return .noAction
        }
    }

    func clean(_ text: String?) -> String? { DescriptionText.clean(text) }
}
