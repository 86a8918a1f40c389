import OEEDiff
import OEEModel

/// Builds the model from the rows of the catalog queries (``CatalogSQL``).
///
/// The mapping is faithful; where SQL Server's representation differs from
/// the model's without a difference in meaning, the model's form is chosen:
///
/// - types from `sys.types` by user_type_id (`sysname` stays `sysname`), lengths
///   from bytes (`nvarchar` `max_length` 128 → `nvarchar(64)`, -1 → `max`),
///   `float` of precision 24 or less → `real`;
/// - every expression (default, check, computed column, index filter,
///   function predicate) in ``ExpressionNormalizer/comparable(_:)`` form:
///   the normal text, or the stored text verbatim when the grammar cannot
///   read it (drift then says "cannot compare", with both texts);
/// - names kept exactly as SQL Server gives them, system names included
///   (`DF__cycle__qty__5EBF139D`): the canonical schema names every
///   constraint, so a system-named one where a named one is expected is drift;
/// - compression NONE and the COLUMNSTORE default of columnstore indexes as nil;
///   the compression of a table whose clustered index is an index (not the
///   primary key) belongs to that index;
/// - an index on its table's own data space (the same partition scheme and
///   column, or the same filegroup) as `.table` placement;
/// - a partition scheme whose destinations are all one filegroup as that one
///   filegroup (`ALL TO`), however many partitions (and NEXT USED) it has;
/// - boundaries as ``PartitionBoundary`` literals, `.values` in boundary order;
/// - an empty `dbo` schema (every database has one) left out.
///
/// What the model cannot hold (a `datetime` column, an XML index, a clustered
/// unique constraint, a BLOCK predicate for all operations, …) is collected
/// and thrown as one error naming every such object.
struct CatalogModelBuilder {
    private var problems: [String] = []

    private var schemaNames: [String] = []
    private var tableNames: [QualifiedName] = []
    private var tables: [QualifiedName: Table] = [:]
    /// The filegroup of a table that is not partitioned.
    private var tableFilegroups: [QualifiedName: String] = [:]
    /// The heap's or clustered index's compression as the catalog reports it.
    private var storageCompression: [QualifiedName: DataCompression] = [:]
    private var functionNames: [QualifiedName] = []
    private var functions: [QualifiedName: InlineFunction] = [:]
    private var policyNames: [QualifiedName] = []
    private var policies: [QualifiedName: SecurityPolicy] = [:]
    private var partitionFunctions: [PartitionFunction] = []
    private var partitionSchemes: [PartitionScheme] = []
    private var databaseDescription: String?
    private var schemaDescriptions: [String: String] = [:]

    static func build(_ rows: CatalogRows, databaseName: String) throws -> Database {
        var builder = CatalogModelBuilder()
        let database = try builder.build(rows, databaseName: databaseName)
        if !builder.problems.isEmpty {
            throw RenderError("catalog", "the database holds what oeedb's model cannot represent:\n"
                + builder.problems.map { "  - " + $0 }.joined(separator: "\n"))
        }
        return database
    }

    private mutating func build(_ rows: CatalogRows, databaseName: String) throws -> Database {
        func rowsOf(_ q: CatalogSQL.Query) throws -> [CatalogRow] { try CatalogRow.rows(q, in: rows) }
        for row in try rowsOf(.schemas) { schemaNames.append(try row.text("schema_name")) }
        for row in try rowsOf(.tables) { try addTable(row) }
        for row in try rowsOf(.columns) { try addColumn(row) }
        for row in try rowsOf(.defaultConstraints) { try addDefault(row) }
        for group in grouped(try rowsOf(.keyConstraints), by: ["schema_name", "table_name", "constraint_name"]) { try addKey(group) }
        for group in grouped(try rowsOf(.foreignKeys), by: ["schema_name", "table_name", "constraint_name"]) { try addForeignKey(group) }
        for row in try rowsOf(.checkConstraints) { try addCheck(row) }
        for group in grouped(try rowsOf(.indexes), by: ["schema_name", "table_name", "index_name"]) { try addIndex(group) }
        settleCompression()
        for group in grouped(try rowsOf(.partitionFunctions), by: ["function_name"]) { try addPartitionFunction(group) }
        for group in grouped(try rowsOf(.partitionSchemes), by: ["scheme_name"]) { try addPartitionScheme(group) }
        let parameters = grouped(try rowsOf(.functionParameters), by: ["schema_name", "function_name"])
        for row in try rowsOf(.functions) { try addFunction(row, parameters: parameters) }
        for group in grouped(try rowsOf(.securityPolicies), by: ["schema_name", "policy_name"]) { try addPolicy(group) }
        for row in try rowsOf(.descriptions) { try describe(row) }
        return assemble(databaseName)
    }

    /// Consecutive rows with equal `keys`, in order (rows come sorted by those keys).
    private func grouped(_ rows: [CatalogRow], by keys: [String]) -> [[CatalogRow]] {
        var groups: [[CatalogRow]] = []
        var last: [String?] = []
        for row in rows {
            let key = keys.map { row.optional($0) }
            if !groups.isEmpty && key == last { groups[groups.count - 1].append(row) } else { groups.append([row]) }
            last = key
        }
        return groups
    }

    private func tableName(_ row: CatalogRow) throws -> QualifiedName {
        QualifiedName(try row.text("schema_name"), try row.text("table_name"))
    }

    // MARK: Tables and columns

    private mutating func addTable(_ row: CatalogRow) throws {
        let q = try tableName(row)
        guard tables[q] == nil else { return }
        var table = Table(name: q.name)
        switch try row.text("data_space_type").trimmingSpaces {
        case "PS":
            guard let column = row.optional("partition_column") else {
                problems.append("\(q): partitioned on scheme \(try row.text("data_space_name")) with no partitioning column in sys.index_columns")
                break
            }
            table.partitioning = TableStorage(partitionScheme: try row.text("data_space_name"), partitionColumn: column)
        default:
            tableFilegroups[q] = row.optional("data_space_name")
        }
        if let text = row.optional("data_compression") {
            guard let c = DataCompression(rawValue: text.trimmingSpaces.uppercased()) else {
                problems.append("\(q): data compression \(text)")
                return insert(table, q)
            }
            storageCompression[q] = c
        }
        insert(table, q)
    }

    private mutating func insert(_ table: Table, _ q: QualifiedName) {
        tables[q] = table
        tableNames.append(q)
    }

    private mutating func addColumn(_ row: CatalogRow) throws {
        let q = try tableName(row)
        guard tables[q] != nil else { return }
        let name = try row.text("column_name")
        let typeName = try row.text("type_name")
        guard let type = CatalogTypes.type(typeName, maxLength: try row.int("max_length"), precision: try row.int("precision"), scale: try row.int("scale")) else {
            problems.append("\(q).\(name): type \(typeName) is not one the model has")
            return
        }
        var column = Column(name: name, type: type, isNullable: try row.bool("is_nullable"))
        if let seed = row.optional("identity_seed") {
            let increment = row.optional("identity_increment") ?? "1"
            if let s = CatalogModelBuilder.integral(seed), let i = CatalogModelBuilder.integral(increment) {
                column.identity = Identity(seed: s, increment: i)
            } else {
                problems.append("\(q).\(name): IDENTITY(\(seed), \(increment)) is not a pair of 64-bit integers")
            }
        }
        if let definition = row.optional("computed_definition") {
            let persisted = row.optional("is_persisted") == nil ? false : try row.bool("is_persisted")
            column.computed = ComputedColumn(expression: ExpressionNormalizer.raw(definition), isPersisted: persisted)
        }
        tables[q]!.columns.append(column)
    }

    private mutating func addDefault(_ row: CatalogRow) throws {
        let q = try tableName(row)
        let columnName = try row.text("column_name")
        guard let i = tables[q]?.columns.firstIndex(where: { $0.name == columnName }) else { return }
        tables[q]!.columns[i].defaultConstraint = DefaultConstraint(
            name: try row.text("constraint_name"), expression: ExpressionNormalizer.raw(try row.text("definition")))
    }

    // MARK: Constraints

    private mutating func addKey(_ group: [CatalogRow]) throws {
        let first = group[0]
        let q = try tableName(first)
        guard tables[q] != nil else { return }
        let name = try first.text("constraint_name")
        let keys = try group.sorted { try $0.int("key_ordinal") < $1.int("key_ordinal") }
            .map { IndexKey(try $0.text("column_name"), descending: try $0.bool("is_descending_key")) }
        let indexType = try first.text("index_type")
        switch try first.text("constraint_type").trimmingSpaces {
        case "PK":
            tables[q]!.primaryKey = PrimaryKey(name: name, columns: keys, isClustered: indexType == "CLUSTERED")
        case "UQ":
            guard indexType == "NONCLUSTERED" else {
                problems.append("\(q).\(name): a \(indexType) unique constraint (the model's unique constraints are nonclustered; use a unique clustered index)")
                return
            }
            tables[q]!.uniqueConstraints.append(UniqueConstraint(name: name, columns: keys))
        case let other:
            problems.append("\(q).\(name): key constraint of type \(other)")
        }
    }

    private mutating func addForeignKey(_ group: [CatalogRow]) throws {
        let first = group[0]
        let q = try tableName(first)
        guard tables[q] != nil else { return }
        let name = try first.text("constraint_name")
        let ordered = try group.sorted { try $0.int("constraint_column_id") < $1.int("constraint_column_id") }
        func action(_ column: String) throws -> ReferentialAction {
            let text = try first.text(column).replacingOccurrences(of: "_", with: " ").uppercased()
            guard let a = ReferentialAction(rawValue: text) else {
                problems.append("\(q).\(name): referential action \(text)")
                return .noAction
            }
            return a
        }
        tables[q]!.foreignKeys.append(ForeignKey(
            name: name,
            columns: try ordered.map { try $0.text("column_name") },
            referencedTable: QualifiedName(try first.text("referenced_schema"), try first.text("referenced_table")),
            referencedColumns: try ordered.map { try $0.text("referenced_column") },
            onDelete: try action("delete_action"),
            onUpdate: try action("update_action")))
    }

    private mutating func addCheck(_ row: CatalogRow) throws {
        let q = try tableName(row)
        guard tables[q] != nil else { return }
        tables[q]!.checks.append(CheckConstraint(
            name: try row.text("constraint_name"), expression: ExpressionNormalizer.raw(try row.text("definition"))))
    }

    // MARK: Indexes

    private mutating func addIndex(_ group: [CatalogRow]) throws {
        let first = group[0]
        let q = try tableName(first)
        guard let table = tables[q] else { return }
        let name = try first.text("index_name")
        let typeName = try first.text("index_type")
        guard let kind = Index.Kind(rawValue: typeName.lowercased()) else {
            problems.append("\(q).\(name): a \(typeName) index")
            return
        }
        let columns = try group.filter { $0.optional("column_name") != nil }
            .sorted { try $0.int("index_column_id") < $1.int("index_column_id") }
        var index = Index(name: name, kind: kind, isUnique: try first.bool("is_unique"))
        switch kind {
        case .clustered, .nonclustered:
            index.keys = try columns.filter { try $0.int("key_ordinal") > 0 }
                .sorted { try $0.int("key_ordinal") < $1.int("key_ordinal") }
                .map { IndexKey(try $0.text("column_name"), descending: try $0.bool("is_descending_key")) }
            index.included = try columns.filter { try $0.bool("is_included_column") && $0.int("key_ordinal") == 0 }
                .map { try $0.text("column_name") }
        case .nonclusteredColumnstore:
            // Columnstore columns are "included"; a partitioning column SQL Server added is not.
            index.keys = try columns.filter { try $0.bool("is_included_column") || $0.int("key_ordinal") > 0 }
                .map { IndexKey(try $0.text("column_name")) }
        case .clusteredColumnstore:
            break
        }
        if let filter = first.optional("filter_definition") {
            index.filter = ExpressionNormalizer.raw(filter)
        }
        if let text = first.optional("data_compression") {
            guard let c = DataCompression(rawValue: text.trimmingSpaces.uppercased()) else {
                problems.append("\(q).\(name): data compression \(text)")
                return
            }
            index.compression = CatalogModelBuilder.indexCompression(c, kind: kind)
        }
        let partitionColumn = try columns.first { try $0.int("partition_ordinal") == 1 }?.text("column_name")
        let space = try first.text("data_space_name")
        if try first.text("data_space_type").trimmingSpaces == "PS" {
            guard let column = partitionColumn else {
                problems.append("\(q).\(name): partitioned on scheme \(space) with no partitioning column in sys.index_columns")
                return
            }
            let storage = TableStorage(partitionScheme: space, partitionColumn: column)
            index.placement = table.partitioning == storage ? .table : .partitionScheme(space, column: column)
        } else {
            index.placement = table.partitioning == nil && tableFilegroups[q] == space ? .table : .filegroup(space)
        }
        tables[q]!.indexes.append(index)
    }

    /// `1`, `-5`, `1000.0` (an identity seed of a decimal(p,0) column) as Int64.
    private static func integral(_ text: String) -> Int64? {
        var t = text.trimmingSpaces
        if let dot = t.firstIndex(of: "."), t[t.index(after: dot)...].allSatisfy({ $0 == "0" }) { t = String(t[..<dot]) }
        return Int64(t)
    }

    /// NONE, and COLUMNSTORE on a columnstore index, are the defaults: nil.
    static func indexCompression(_ c: DataCompression, kind: Index.Kind) -> DataCompression? {
        if c == .none { return nil }
        if c == .columnstore && kind.isColumnstore { return nil }
        return c
    }

    /// The storage compression belongs to the table unless its clustered index
    /// is an index (rowstore: already on that index; columnstore: the index's).
    private mutating func settleCompression() {
        for q in tableNames {
            guard let table = tables[q] else { continue }
            if table.indexes.contains(where: { $0.kind.isClustered }) { continue }
            if let c = storageCompression[q], c != .none {
                if c == .columnstore || c == .columnstoreArchive {
                    problems.append("\(q): \(c.rawValue) table compression without a clustered columnstore index")
                } else {
                    tables[q]!.compression = c
                }
            }
        }
    }

    // MARK: Partitions

    private mutating func addPartitionFunction(_ group: [CatalogRow]) throws {
        let first = group[0]
        let name = try first.text("function_name")
        let typeName = try first.text("type_name")
        guard let type = CatalogTypes.type(typeName, maxLength: try first.int("max_length"), precision: try first.int("precision"), scale: try first.int("scale")) else {
            problems.append("partition function \(name): input type \(typeName) is not one the model has")
            return
        }
        let values = try group.filter { $0.optional("boundary_id") != nil }
            .sorted { try $0.int("boundary_id") < $1.int("boundary_id") }
            .map { row -> Literal in
                guard let text = row.optional("boundary_value") else { return .null }
                return PartitionBoundary.fromCatalog(text, type: type)
            }
        partitionFunctions.append(PartitionFunction(
            name: name, inputType: type, range: try first.bool("boundary_value_on_right") ? .right : .left,
            boundaries: .values(values)))
    }

    private mutating func addPartitionScheme(_ group: [CatalogRow]) throws {
        let first = group[0]
        let filegroups = try group.filter { $0.optional("destination_id") != nil }
            .sorted { try $0.int("destination_id") < $1.int("destination_id") }
            .map { try $0.text("filegroup_name") }
        partitionSchemes.append(PartitionScheme(
            name: try first.text("scheme_name"), function: try first.text("function_name"),
            filegroups: CatalogModelBuilder.collapsed(filegroups)))
    }

    /// One filegroup for every partition is `ALL TO (fg)`: a single entry.
    static func collapsed(_ filegroups: [String]) -> [String] {
        guard let first = filegroups.first, filegroups.allSatisfy({ $0 == first }) else { return filegroups }
        return [first]
    }

    // MARK: Functions and policies

    /// An inline function: the predicate from `RETURN SELECT 1 AS [c] WHERE …`
    /// (``ModuleDefinition``); a body of another shape is kept verbatim as an
    /// uncomparable predicate, so the function shows as "cannot compare".
    private mutating func addFunction(_ row: CatalogRow, parameters: [[CatalogRow]]) throws {
        let q = QualifiedName(try row.text("schema_name"), try row.text("function_name"))
        guard let definition = row.optional("definition") else {
            problems.append("\(q): its definition is not visible (WITH ENCRYPTION, or the login lacks VIEW DEFINITION), so it cannot be compared")
            return
        }
        var function = InlineFunction(name: q.name, parameters: [], predicate: .raw([:]), isSchemaBound: try row.bool("is_schema_bound"))
        if let parsed = ModuleDefinition.parse(definition) {
            function.resultColumn = parsed.resultColumn
            function.predicate = ExpressionComparison.normal(ExpressionNormalizer.dialectKey, parsed.predicate)
        } else {
            function.predicate = ExpressionComparison.uncomparable(ExpressionNormalizer.dialectKey, ModuleDefinition.body(definition))
        }
        let own = try parameters.first { try $0[0].text("schema_name") == q.schema && $0[0].text("function_name") == q.name } ?? []
        for p in try own.sorted(by: { try $0.int("parameter_id") < $1.int("parameter_id") }) {
            let raw = try p.text("parameter_name")
            let pname = raw.hasPrefix("@") ? String(raw.dropFirst()) : raw
            let typeName = try p.text("type_name")
            guard let type = CatalogTypes.type(typeName, maxLength: try p.int("max_length"), precision: try p.int("precision"), scale: try p.int("scale")) else {
                problems.append("\(q).@\(pname): type \(typeName) is not one the model has")
                continue
            }
            function.parameters.append(InlineFunction.Parameter(name: pname, type: type))
        }
        functions[q] = function
        functionNames.append(q)
    }

    private mutating func addPolicy(_ group: [CatalogRow]) throws {
        let first = group[0]
        let q = QualifiedName(try first.text("schema_name"), try first.text("policy_name"))
        var policy = SecurityPolicy(name: q.name, predicates: [], isEnabled: try first.bool("is_enabled"), isSchemaBound: try first.bool("is_schema_bound"))
        let rows = try group.filter { $0.optional("predicate_id") != nil }.sorted { try $0.int("predicate_id") < $1.int("predicate_id") }
        for row in rows {
            let definition = try row.text("predicate_definition")
            let table = QualifiedName(try row.text("target_schema"), try row.text("target_table"))
            guard let (function, arguments) = CatalogModelBuilder.predicateCall(definition) else {
                problems.append("\(q): predicate \(definition) on \(table) is not a call of a function with column arguments")
                continue
            }
            let type = try row.text("predicate_type").trimmingSpaces.uppercased()
            let operation = row.optional("operation").map { $0.replacingOccurrences(of: "_", with: " ").trimmingSpaces.uppercased() }
            let kind: SecurityPredicate.Kind?
            switch (type, operation) {
            case ("FILTER", nil): kind = .filter
            case ("BLOCK", let op?): kind = SecurityPredicate.Kind(rawValue: "BLOCK " + op)
            default: kind = nil
            }
            guard let kind else {
                problems.append("\(q): \(type) predicate \(operation.map { "for \($0) " } ?? "for all operations ")on \(table) (the model has FILTER and BLOCK AFTER INSERT/AFTER UPDATE/BEFORE UPDATE/BEFORE DELETE)")
                continue
            }
            policy.predicates.append(SecurityPredicate(kind: kind, function: function, arguments: arguments, table: table))
        }
        policies[q] = policy
        policyNames.append(q)
    }

    /// `([sec].[fn_site_filter]([site_id]))` → `sec.fn_site_filter`, `["site_id"]`.
    static func predicateCall(_ definition: String) -> (QualifiedName, [String])? {
        guard let tree = try? SQLParser.parse(definition), case .call(let name, let arguments) = tree, name.count == 2 else { return nil }
        var columns: [String] = []
        for argument in arguments {
            guard case .name(let parts) = argument, let column = parts.last else { return nil }
            columns.append(column)
        }
        return (QualifiedName(name[0], name[1]), columns)
    }

    // MARK: Descriptions

    private mutating func describe(_ row: CatalogRow) throws {
        guard let text = row.optional("description") else { return }
        let kind = try row.text("target_kind")
        let schema = row.optional("schema_name"), object = row.optional("object_name"), child = row.optional("child_name")
        let q = schema.flatMap { s in object.map { QualifiedName(s, $0) } }
        switch kind {
        case "DATABASE":
            databaseDescription = text
        case "SCHEMA":
            if let schema { schemaDescriptions[schema] = text }
        case "TABLE":
            if let q, tables[q] != nil { tables[q]!.description = text }
        case "COLUMN":
            if let q, let child, let i = tables[q]?.columns.firstIndex(where: { $0.name == child }) {
                tables[q]!.columns[i].description = text
            }
        case "CONSTRAINT":
            guard let q, let child, var table = tables[q] else { return }
            if table.primaryKey?.name == child { table.primaryKey!.description = text }
            if let i = table.uniqueConstraints.firstIndex(where: { $0.name == child }) { table.uniqueConstraints[i].description = text }
            if let i = table.foreignKeys.firstIndex(where: { $0.name == child }) { table.foreignKeys[i].description = text }
            if let i = table.checks.firstIndex(where: { $0.name == child }) { table.checks[i].description = text }
            tables[q] = table
        case "INDEX":
            // An index backing a key constraint is described at the constraint.
            if let q, let child, let i = tables[q]?.indexes.firstIndex(where: { $0.name == child }) {
                tables[q]!.indexes[i].description = text
            }
        case "FUNCTION":
            if let q, functions[q] != nil { functions[q]!.description = text }
        case "SECURITY POLICY":
            if let q, policies[q] != nil { policies[q]!.description = text }
        case "PARTITION FUNCTION":
            if let i = partitionFunctions.firstIndex(where: { $0.name == object }) { partitionFunctions[i].description = text }
        case "PARTITION SCHEME":
            if let i = partitionSchemes.firstIndex(where: { $0.name == object }) { partitionSchemes[i].description = text }
        default:
            break
        }
    }

    // MARK: Assembly

    private func assemble(_ databaseName: String) -> Database {
        var schemas = schemaNames.map { name in
            Schema(
                name: name, description: schemaDescriptions[name],
                tables: tableNames.filter { $0.schema == name }.compactMap { tables[$0] },
                functions: functionNames.filter { $0.schema == name }.compactMap { functions[$0] },
                securityPolicies: policyNames.filter { $0.schema == name }.compactMap { policies[$0] })
        }
        schemas.removeAll(where: \.isEmptyDefault)
        return Database(
            name: databaseName, description: databaseDescription, schemas: schemas,
            partitionFunctions: partitionFunctions, partitionSchemes: partitionSchemes)
    }
}

extension Schema {
    /// `dbo` with nothing in it: every database has one.
    var isEmptyDefault: Bool {
        name == "dbo" && tables.isEmpty && functions.isEmpty && securityPolicies.isEmpty
            && (description?.trimmingSpaces.isEmpty ?? true)
    }
}

