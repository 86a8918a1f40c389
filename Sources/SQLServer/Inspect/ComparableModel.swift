import OEEDiff
import OEEModel

/// A model in the form ``CatalogModelBuilder`` reads back from SQL Server, so
/// that a model and its round trip through a server compare equal and a drift
/// report holds only real differences.
///
/// - Every expression becomes its comparable `.raw` form: the dialect's own
///   rendering for its context (default, check, computed column, index filter,
///   function predicate), through ``ExpressionNormalizer/comparable(_:)``
///   (normal text, or verbatim text reported as "cannot compare").
/// - Descriptions are trimmed (empty means none); SQL Server keeps none that
///   oeedb does not write: the database's and security policies' are dropped,
///   and so is a policy's maintenance session (the tool's, not stored).
/// - Rename hints and the "allow unaligned" opt-out are cleared (not stored).
/// - Types as SQL Server stores them (`float(24)` → `real`).
/// - A non-persisted computed column's nullability is SQL Server's to infer
///   (oeedb never declares it): always nullable on both sides.
/// - Compression: NONE and the columnstore default are nil; a table whose
///   clustered index is an index (not its primary key) has its compression on
///   that index (the index inherits the heap's unless it names its own); a
///   table with a clustered columnstore index has none of its own.
/// - Index placement on the table's own scheme and column, or on PRIMARY for a
///   table that is not partitioned, is `.table`.
/// - Partition windows are expanded to `.values` in ``PartitionBoundary`` form;
///   a scheme mapping every partition to one filegroup lists it once.
/// - Objects are sorted by name (schemas, tables, constraints, indexes,
///   functions, policies and their predicates, partition functions and
///   schemes): the catalog returns them so, and their order means nothing.
///   Columns, key columns and INCLUDE columns keep their order.
/// - An empty `dbo` schema is dropped (every database has one).
///
/// Idempotent: `comparable(comparable(m)) == comparable(m)`.
enum ComparableModel {
    static func make(_ model: Database) throws -> Database {
        var db = model
        db.description = nil
        db.schemas = try model.schemas.map(schema).filter { !$0.isEmptyDefault }.sorted { $0.name < $1.name }
        db.partitionFunctions = model.partitionFunctions.map(partitionFunction).sorted { $0.name < $1.name }
        db.partitionSchemes = model.partitionSchemes.map(partitionScheme).sorted { $0.name < $1.name }
        return db
    }

    static func trimmed(_ text: String?) -> String? {
        guard let t = text?.trimmingSpaces, !t.isEmpty else { return nil }
        return t
    }

    private static func raw(_ e: Expression, _ context: ExpressionRenderer.Context, _ path: String) throws -> Expression {
        if ExpressionComparison.isComparable(e) { return e }
        return try ExpressionNormalizer.comparable(e, context: context, path: path)
    }

    private static func schema(_ s: Schema) throws -> Schema {
        var result = s
        result.description = trimmed(s.description)
        result.tables = try s.tables.map { try table($0, schema: s.name) }.sorted { $0.name < $1.name }
        result.functions = try s.functions.map { try function($0, schema: s.name) }.sorted { $0.name < $1.name }
        result.securityPolicies = s.securityPolicies.map(policy).sorted { $0.name < $1.name }
        return result
    }

    private static func table(_ t: Table, schema: String) throws -> Table {
        let path = "\(schema).\(t.name)"
        var result = t
        result.description = trimmed(t.description)
        result.renamedFrom = nil
        result.columns = try t.columns.map { try column($0, path: "\(path).\($0.name)") }
        if var pk = t.primaryKey {
            pk.description = trimmed(pk.description)
            result.primaryKey = pk
        }
        result.uniqueConstraints = t.uniqueConstraints.map { u in
            var u = u
            u.description = trimmed(u.description)
            return u
        }.sorted { $0.name < $1.name }
        result.foreignKeys = t.foreignKeys.map { f in
            var f = f
            f.description = trimmed(f.description)
            return f
        }.sorted { $0.name < $1.name }
        result.checks = try t.checks.map { c in
            var c = c
            c.description = trimmed(c.description)
            c.expression = try raw(c.expression, .check, "\(path).\(c.name)")
            return c
        }.sorted { $0.name < $1.name }

        let tableCompression = t.compression == DataCompression.none ? nil : t.compression
        result.compression = tableCompression
        result.indexes = try t.indexes.map { i in
            var i = i
            i.description = trimmed(i.description)
            i.renamedFrom = nil
            i.allowsUnaligned = false
            i.filter = try i.filter.map { try raw($0, .filter, "\(path).\(i.name)") }
            var compression = i.compression
            if i.kind == .clustered && !(t.primaryKey?.isClustered ?? false) { compression = compression ?? tableCompression }
            i.compression = compression.flatMap { CatalogModelBuilder.indexCompression($0, kind: i.kind) }
            i.placement = placement(i.placement, table: t)
            return i
        }.sorted { $0.name < $1.name }
        if result.indexes.contains(where: { $0.kind.isClustered }) { result.compression = nil }
        return result
    }

    private static func column(_ c: Column, path: String) throws -> Column {
        var result = c
        result.description = trimmed(c.description)
        result.renamedFrom = nil
        result.type = CatalogTypes.comparable(c.type)
        if var d = c.defaultConstraint {
            d.expression = try raw(d.expression, .defaultValue, path)
            result.defaultConstraint = d
        }
        if var computed = c.computed {
            computed.expression = try raw(computed.expression, .computed, path)
            result.computed = computed
            if !computed.isPersisted { result.isNullable = true }
        }
        return result
    }

    private static func placement(_ p: Placement, table: Table) -> Placement {
        switch p {
        case .table: return .table
        case .partitionScheme(let scheme, let column):
            return table.partitioning == TableStorage(partitionScheme: scheme, partitionColumn: column) ? .table : p
        case .filegroup(let fg):
            return table.partitioning == nil && fg == "PRIMARY" ? .table : p
        }
    }

    private static func function(_ f: InlineFunction, schema: String) throws -> InlineFunction {
        var result = f
        result.description = trimmed(f.description)
        result.parameters = f.parameters.map { InlineFunction.Parameter(name: $0.name, type: CatalogTypes.comparable($0.type)) }
        result.predicate = try raw(f.predicate, .function(parameters: f.parameters.map(\.name)), "\(schema).\(f.name)")
        return result
    }

    private static func policy(_ p: SecurityPolicy) -> SecurityPolicy {
        var result = p
        result.description = nil
        // The maintenance session is the runner's setting, not a catalog object.
        result.maintenanceSession = nil
        result.predicates = p.predicates.sorted { a, b in
            let order = SecurityPredicate.Kind.allCases
            return (a.table.description, order.firstIndex(of: a.kind)!, a.function.description, a.arguments.joined(separator: ","))
                < (b.table.description, order.firstIndex(of: b.kind)!, b.function.description, b.arguments.joined(separator: ","))
        }
        return result
    }

    private static func partitionFunction(_ f: PartitionFunction) -> PartitionFunction {
        var result = f
        result.description = trimmed(f.description)
        result.inputType = CatalogTypes.comparable(f.inputType)
        result.boundaries = .values(f.boundaryValues.map { PartitionBoundary.canonical($0, type: result.inputType) })
        return result
    }

    private static func partitionScheme(_ s: PartitionScheme) -> PartitionScheme {
        var result = s
        result.description = trimmed(s.description)
        result.filegroups = CatalogModelBuilder.collapsed(s.filegroups)
        return result
    }
}
