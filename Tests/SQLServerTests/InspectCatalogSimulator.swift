import OEEDSL
import OEEDiff
@testable import SQLServer

/// The rows SQL Server would return to the catalog queries for a database
/// created from `model` by oeedb's own DDL — without a server.
///
/// Expressions are written the way SQL Server stores them, not the way the
/// dialect renders them: re-parenthesised (`((0))`, `([qty]>=(0))`), no
/// spaces, brackets on every name, built-in calls lower-cased
/// (`(sysutcdatetime())`), casts as `CONVERT([smallint],x)`, IN lists of checks
/// expanded into OR chains in reverse order (`([role]='B' OR [role]='A')`),
/// NOT IN into AND chains, filters keeping IN. Module definitions are stored
/// verbatim (the dialect's CREATE FUNCTION text). Boundary values come back
/// as style-126 text with a 7-digit fraction, schemes with one destination per
/// partition, nvarchar lengths in bytes, an empty `dbo` schema is always there.
///
/// Key constraints, identity columns, partition parameter types and
/// descriptions go through ``SystemViews``: the simulator fills the system
/// views' rows by their documented meanings (ids, `unique_index_id`,
/// `class`/`major_id`/`minor_id`, sys.types) and derives the query rows from
/// those, not from what the builder expects.
enum SimulatedCatalog {
    static func rows(for model: Database) throws -> CatalogRows {
        var rows: CatalogRows = [:]
        for q in CatalogSQL.Query.allCases { rows[q.rawValue] = [] }
        func add(_ q: CatalogSQL.Query, _ values: [String: String?]) {
            let columns = CatalogSQL.columns(q)
            for key in values.keys { precondition(columns.contains(key), "\(q.rawValue) has no column \(key)") }
            rows[q.rawValue, default: []].append(columns.map { values[$0] ?? nil })
        }
        func bit(_ b: Bool) -> String { b ? "1" : "0" }
        var views = SystemViews()
        var descriptions: [(DescriptionTarget, String)] = []

        let schemaNames = (model.schemas.map(\.name) + (model.schema(named: "dbo") == nil ? ["dbo"] : [])).sorted()
        for s in schemaNames { add(.schemas, ["schema_name": s]); _ = views.schema(s) }
        if let d = model.description { views.databaseDescription(d) }

        for schema in model.schemas {
            if let d = schema.description { descriptions.append((.schema(schema.name), d)) }
            for table in schema.tables {
                let q = QualifiedName(schema.name, table.name)
                let tableId = views.object(q.schema, q.name, type: "U")
                // index_id: 1 for the clustered index (or clustered key), then 2, 3, … in creation order.
                var nextIndexId = 2
                func indexId(clustered: Bool) -> Int {
                    if clustered { return 1 }
                    defer { nextIndexId += 1 }
                    return nextIndexId
                }
                func base(_ extra: [String: String?]) -> [String: String?] {
                    extra.merging(["schema_name": q.schema, "table_name": q.name]) { a, _ in a }
                }
                let cci = table.indexes.first { $0.kind == .clusteredColumnstore }
                let clusteredIndex = table.indexes.first { $0.kind == .clustered }
                let storage: String
                let compression: DataCompression
                if let cci {
                    storage = "CLUSTERED COLUMNSTORE"
                    compression = cci.compression ?? .columnstore
                } else if let ci = clusteredIndex {
                    storage = "CLUSTERED"
                    compression = ci.compression ?? table.compression ?? .none
                } else {
                    storage = table.primaryKey?.isClustered == true ? "CLUSTERED" : "HEAP"
                    compression = table.compression ?? .none
                }
                add(.tables, base([
                    "storage_type": storage,
                    "data_space_type": table.partitioning == nil ? "FG" : "PS",
                    "data_space_name": table.partitioning?.partitionScheme ?? "PRIMARY",
                    "partition_column": table.partitioning?.partitionColumn,
                    "data_compression": compression.rawValue,
                ]))
                if let d = table.description { descriptions.append((.table(q), d)) }

                for (i, c) in table.columns.enumerated() {
                    let t = catalogType(c.type)
                    views.columns[tableId, default: [:]][i + 1] = c.name
                    if let identity = c.identity {
                        views.identityColumns.append(.init(objectId: tableId, columnId: i + 1, seed: identity.seed, increment: identity.increment))
                    }
                    let identity = views.identity(tableId, i + 1)
                    var nullable = c.isNullable
                    if let computed = c.computed { nullable = computed.isPersisted ? c.isNullable : true }
                    add(.columns, base([
                        "column_name": c.name, "column_id": String(i + 1), "type_name": t.name,
                        "max_length": String(t.maxLength), "precision": String(t.precision), "scale": String(t.scale),
                        "is_nullable": bit(nullable),
                        "identity_seed": identity?.seed,
                        "identity_increment": identity?.increment,
                        "computed_definition": try c.computed.map { "(" + (try stored($0.expression, .computed)) + ")" },
                        "is_persisted": c.computed.map { bit($0.isPersisted) },
                    ]))
                    if let d = c.defaultConstraint {
                        _ = views.object(q.schema, d.name, type: "D", parent: tableId)
                        add(.defaultConstraints, base([
                            "column_name": c.name, "column_id": String(i + 1), "constraint_name": d.name,
                            "definition": "(" + (try stored(d.expression, .defaultValue)) + ")",
                            "is_system_named": bit(d.name.hasPrefix("DF__")),
                        ]))
                    }
                    if let d = c.description { descriptions.append((.column(q, c.name), d)) }
                }

                var keys: [(String, String, String, [IndexKey], String?)] = []
                if let pk = table.primaryKey { keys.append((pk.name, "PK", pk.isClustered ? "CLUSTERED" : "NONCLUSTERED", pk.columns, pk.description)) }
                for u in table.uniqueConstraints { keys.append((u.name, "UQ", "NONCLUSTERED", u.columns, u.description)) }
                // Each key: an object of its own, enforced by a unique index of the table (unique_index_id).
                for (name, type, indexType, columns, description) in keys {
                    let keyId = views.object(q.schema, name, type: type, parent: tableId)
                    let index = indexId(clustered: indexType == "CLUSTERED")
                    views.indexes.append(.init(objectId: tableId, indexId: index, name: name, typeDesc: indexType, isPrimaryKey: type == "PK", isUniqueConstraint: type == "UQ"))
                    for (i, k) in columns.enumerated() {
                        let columnId = table.columns.firstIndex { $0.name == k.column }! + 1
                        views.indexColumns.append(.init(objectId: tableId, indexId: index, columnId: columnId, keyOrdinal: i + 1, isDescending: k.isDescending))
                    }
                    views.keyConstraints.append(.init(objectId: keyId, uniqueIndexId: index))
                    if let description { descriptions.append((.constraint(q, name), description)) }
                }
                for fk in table.foreignKeys.sorted(by: { $0.name < $1.name }) {
                    _ = views.object(q.schema, fk.name, type: "F", parent: tableId)
                    for (i, (c, r)) in zip(fk.columns, fk.referencedColumns).enumerated() {
                        add(.foreignKeys, base([
                            "constraint_name": fk.name, "constraint_column_id": String(i + 1), "column_name": c,
                            "referenced_schema": fk.referencedTable.schema, "referenced_table": fk.referencedTable.name,
                            "referenced_column": r,
                            "delete_action": fk.onDelete.rawValue.replacingOccurrences(of: " ", with: "_"),
                            "update_action": fk.onUpdate.rawValue.replacingOccurrences(of: " ", with: "_"),
                        ]))
                    }
                    if let d = fk.description { descriptions.append((.constraint(q, fk.name), d)) }
                }
                for ck in table.checks.sorted(by: { $0.name < $1.name }) {
                    _ = views.object(q.schema, ck.name, type: "C", parent: tableId)
                    add(.checkConstraints, base([
                        "constraint_name": ck.name, "definition": "(" + (try stored(ck.expression, .check)) + ")", "is_system_named": "0",
                    ]))
                    if let d = ck.description { descriptions.append((.constraint(q, ck.name), d)) }
                }
                for index in table.indexes {
                    views.indexes.append(.init(objectId: tableId, indexId: indexId(clustered: index.kind.isClustered), name: index.name,
                                               typeDesc: index.kind.rawValue.uppercased(), isPrimaryKey: false, isUniqueConstraint: false))
                }
                for index in table.indexes.sorted(by: { $0.name < $1.name }) {
                    try addIndex(index, of: table, q, add: { add(.indexes, base($0)) })
                    if let d = index.description { descriptions.append((.index(q, index.name), d)) }
                }
            }

            for f in schema.functions {
                let q = QualifiedName(schema.name, f.name)
                _ = views.object(q.schema, q.name, type: "IF")
                add(.functions, [
                    "schema_name": q.schema, "function_name": q.name,
                    "definition": try SecurityRenderer.function(q, f), "is_schema_bound": bit(f.isSchemaBound),
                ])
                for (i, p) in f.parameters.enumerated() {
                    let t = catalogType(p.type)
                    add(.functionParameters, [
                        "schema_name": q.schema, "function_name": q.name, "parameter_id": String(i + 1),
                        "parameter_name": "@" + p.name, "type_name": t.name, "max_length": String(t.maxLength),
                        "precision": String(t.precision), "scale": String(t.scale),
                    ])
                }
                if let d = f.description { descriptions.append((.function(q), d)) }
            }
            for p in schema.securityPolicies {
                _ = views.object(schema.name, p.name, type: "SP")
                let base: [String: String?] = [
                    "schema_name": schema.name, "policy_name": p.name, "is_enabled": bit(p.isEnabled), "is_schema_bound": bit(p.isSchemaBound),
                ]
                if p.predicates.isEmpty { add(.securityPolicies, base) }
                for (i, pred) in p.predicates.enumerated() {
                    let operation: String? = pred.kind == .filter ? nil : String(pred.kind.rawValue.dropFirst("BLOCK ".count))
                    add(.securityPolicies, base.merging([
                        "predicate_id": String(i + 1),
                        "predicate_type": pred.kind == .filter ? "FILTER" : "BLOCK",
                        "operation": operation,
                        "predicate_definition": "(\(TSQL.qualified(pred.function))(\(pred.arguments.map(TSQL.quote).joined(separator: ","))))",
                        "target_schema": pred.table.schema, "target_table": pred.table.name,
                    ]) { a, _ in a })
                }
            }
        }

        for f in model.partitionFunctions {
            let functionId = views.newId()
            views.partitionFunctions[functionId] = f.name
            let declared = catalogType(f.inputType)
            let systemType = SystemViews.types.first { $0.name == declared.name }!.systemTypeId
            views.partitionParameters.append(.init(functionId: functionId, parameterId: 1, systemTypeId: systemType, userTypeId: systemType,
                                                   maxLength: declared.maxLength, precision: declared.precision, scale: declared.scale))
            let t = views.parameterTypeName(functionId)
            let base: [String: String?] = [
                "function_name": f.name, "type_name": t.name, "max_length": String(t.maxLength),
                "precision": String(t.precision), "scale": String(t.scale), "boundary_value_on_right": bit(f.range == .right),
            ]
            for (i, value) in f.boundaryValues.enumerated() {
                add(.partitionFunctions, base.merging(["boundary_id": String(i + 1), "boundary_value": boundaryText(value, f.inputType)]) { a, _ in a })
            }
            if let d = f.description { descriptions.append((.partitionFunction(f.name), d)) }
        }
        for s in model.partitionSchemes {
            views.partitionSchemes[views.newId()] = s.name
            let partitions = model.partitionFunction(named: s.function)?.partitionCount ?? s.filegroups.count
            let destinations = s.filegroups.count == 1 ? Array(repeating: s.filegroups[0], count: partitions) : s.filegroups
            for (i, fg) in destinations.enumerated() {
                add(.partitionSchemes, ["scheme_name": s.name, "function_name": s.function, "destination_id": String(i + 1), "filegroup_name": fg])
            }
            if let d = s.description { descriptions.append((.partitionScheme(s.name), d)) }
        }
        for (target, text) in descriptions { views.describe(target, text) }
        for row in views.keyConstraintRows() { add(.keyConstraints, row) }
        for row in views.descriptionRows() { add(.descriptions, row) }
        return rows
    }

    private static func addIndex(_ index: Index, of table: Table, _ q: QualifiedName, add: ([String: String?]) -> Void) throws {
        let compression: DataCompression
        if index.kind.isColumnstore {
            compression = index.compression ?? .columnstore
        } else if index.kind == .clustered {
            compression = index.compression ?? table.compression ?? .none
        } else {
            compression = index.compression ?? .none
        }
        let space: (type: String, name: String, column: String?)
        switch index.placement {
        case .table: space = table.partitioning.map { ("PS", $0.partitionScheme, $0.partitionColumn) } ?? ("FG", "PRIMARY", nil)
        case .filegroup(let fg): space = ("FG", fg, nil)
        case .partitionScheme(let s, let c): space = ("PS", s, c)
        }
        let base: [String: String?] = [
            "index_name": index.name, "index_type": index.kind.rawValue.uppercased(), "is_unique": index.isUnique ? "1" : "0",
            "filter_definition": try index.filter.map { "(" + (try stored($0, .filter)) + ")" },
            "data_compression": compression.rawValue, "data_space_type": space.type, "data_space_name": space.name,
        ]
        var columns: [(name: String, key: Int, descending: Bool, included: Bool)] = []
        switch index.kind {
        case .clustered, .nonclustered:
            columns = index.keys.enumerated().map { ($1.column, $0 + 1, $1.isDescending, false) }
            columns += index.included.map { ($0, 0, false, true) }
        case .nonclusteredColumnstore:
            columns = index.keys.map { ($0.column, 0, false, true) }
        case .clusteredColumnstore:
            columns = table.columns.map { ($0.name, 0, false, true) }
        }
        if let partition = space.column, !columns.contains(where: { $0.name == partition }) {
            columns.append((partition, 0, false, false))
        }
        for (i, c) in columns.enumerated() {
            add(base.merging([
                "index_column_id": String(i + 1), "column_name": c.name, "key_ordinal": String(c.key),
                "is_descending_key": c.descending ? "1" : "0", "is_included_column": c.included ? "1" : "0",
                "partition_ordinal": c.name == space.column ? "1" : "0",
            ]) { a, _ in a })
        }
    }

    /// sys.types name, max_length (bytes), precision and scale of a model type.
    static func catalogType(_ type: SQLType) -> (name: String, maxLength: Int, precision: Int, scale: Int) {
        func length(_ l: SQLType.Length, _ bytesPerChar: Int) -> Int {
            if case .n(let n) = l { return n * bytesPerChar }
            return -1
        }
        switch type {
        case .tinyint: return ("tinyint", 1, 3, 0)
        case .smallint: return ("smallint", 2, 5, 0)
        case .int: return ("int", 4, 10, 0)
        case .bigint: return ("bigint", 8, 19, 0)
        case .bit: return ("bit", 1, 1, 0)
        case .decimal(let p, let s): return ("decimal", p <= 9 ? 5 : p <= 19 ? 9 : p <= 28 ? 13 : 17, p, s)
        case .float(let m): return (m.map { $0 <= 24 } ?? false) ? ("real", 4, 24, 0) : ("float", 8, 53, 0)
        case .real: return ("real", 4, 24, 0)
        case .date: return ("date", 3, 10, 0)
        case .time(let p): return ("time", 5, 16, p)
        case .datetime2(let p): return ("datetime2", 8, 27, p)
        case .datetimeoffset(let p): return ("datetimeoffset", 10, 34, p)
        case .char(let l): return ("char", length(l, 1), 0, 0)
        case .varchar(let l): return ("varchar", length(l, 1), 0, 0)
        case .nchar(let l): return ("nchar", length(l, 2), 0, 0)
        case .nvarchar(let l): return ("nvarchar", length(l, 2), 0, 0)
        case .varbinary(let l): return ("varbinary", length(l, 1), 0, 0)
        case .uniqueidentifier: return ("uniqueidentifier", 16, 0, 0)
        case .sysname: return ("sysname", 256, 0, 0)
        }
    }

    /// A boundary as the catalog query's CONVERT returns it.
    static func boundaryText(_ value: Literal, _ type: SQLType) -> String {
        switch value {
        case .null: return "NULL"
        case .bool(let b): return b ? "1" : "0"
        case .int(let v): return String(v)
        case .decimal(let d): return d
        case .string(let s, _):
            if type.family == .timestamp { return s.contains(".") ? s : s + ".0000000" }
            if type.family == .timestampWithOffset { return s + "Z" }
            return s
        }
    }

    // MARK: Stored expression text

    enum Context { case defaultValue, check, computed, filter }

    /// The expression as SQL Server stores it (without the outer parentheses).
    static func stored(_ e: Expression, _ context: Context) throws -> String {
        switch e {
        case .column(let c): return TSQL.quote(c)
        case .parameter(let p): return "@" + p
        case .literal(let l): return literal(l)
        case .binary(let l, let op, let r):
            return try operand(l, context) + op.rawValue + (try operand(r, context))
        case .and(let parts):
            return try parts.map { p -> String in
                if case .or = p { return "(" + (try stored(p, context)) + ")" }
                if case .inList(_, let values, false) = p, context != .filter, values.count > 1 { return "(" + (try stored(p, context)) + ")" }
                return try stored(p, context)
            }.joined(separator: " AND ")
        case .or(let parts):
            return try parts.map { p -> String in
                if case .inList(_, _, true) = p, context != .filter { return "(" + (try stored(p, context)) + ")" }
                return try stored(p, context)
            }.joined(separator: " OR ")
        case .not(let x):
            return "NOT " + (try operand(x, context))
        case .isNull(let x, let negated):
            return try operand(x, context) + (negated ? " IS NOT NULL" : " IS NULL")
        case .inList(let x, let values, let negated):
            let lhs = try operand(x, context)
            if context == .filter {
                return lhs + (negated ? " NOT IN (" : " IN (") + (try values.map { try stored($0, context) }.joined(separator: ",")) + ")"
            }
            // Checks: IN becomes an OR chain (last value first), NOT IN an AND chain.
            let tests = try values.reversed().map { lhs + (negated ? "<>" : "=") + (try stored($0, context)) }
            return tests.joined(separator: negated ? " AND " : " OR ")
        case .call(let name, let arguments):
            return name.lowercased() + "(" + (try arguments.map { try stored($0, context) }.joined(separator: ",")) + ")"
        case .cast(let x, let type):
            return "CONVERT(" + storedType(type) + "," + (try stored(x, context)) + ")"
        case .raw(let texts):
            return "(" + (texts["sqlserver"] ?? "") + ")"
        }
    }

    private static func operand(_ e: Expression, _ context: Context) throws -> String {
        switch e {
        case .binary, .and, .or, .not, .isNull, .inList: return "(" + (try stored(e, context)) + ")"
        default: return try stored(e, context)
        }
    }

    private static func literal(_ l: Literal) -> String {
        switch l {
        case .null: return "NULL"
        case .bool(let b): return b ? "(1)" : "(0)"
        case .int(let v): return "(\(v))"
        case .decimal(let d): return "(\(d))"
        case .string(let s, let unicode): return (unicode ? "N" : "") + TSQL.string(s)
        }
    }

    /// `[smallint]`, `[decimal](12,4)`, `[nvarchar](max)`.
    private static func storedType(_ type: SQLType) -> String {
        let text = type.description
        guard let open = text.firstIndex(of: "(") else { return "[\(text)]" }
        return "[\(text[..<open])]" + text[open...].replacingOccurrences(of: " ", with: "")
    }
}
