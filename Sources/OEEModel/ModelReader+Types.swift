// Each model type's reader: its JSON keys (required first, as the
// synthesized `Codable` requires them: non-optional properties) and the
// value of each. An optional property reads `null` as nil, as
// `decodeIfPresent` does. Enums with associated values are read in the
// synthesized form: `{ "case": { "_0": …, "label": … } }`, and cases without
// any as `{ "case": {} }`. See ModelReader.swift for why this is hand-written.

extension ModelReader {
    // MARK: Documents

    private static let snapshotKeys = Keys(required: ["database", "format"])

    /// A full model snapshot (`oeedb.model/1`).
    mutating func snapshot() throws -> Database {
        try beginObject()
        var seen: UInt64 = 0
        var database: Database?, format: String?
        while let k = try nextKey(Self.snapshotKeys, &seen) {
            switch k {
            case 0: database = try self.database()
            default: format = try string()
            }
        }
        guard format == ModelSnapshot.currentFormat, let database else { throw FastJSONDeclined() }
        return database
    }

    private static let fileKeys = Keys(required: ["format"], optional: ["database", "previous", "added", "replaced", "removed"])

    /// A migration's `.json`: a full snapshot or a delta, told apart by its
    /// `format` (which sorts after `database`, so that object is read in a
    /// form that suits both: a database, or a delta's name and description).
    mutating func snapshotFile() throws -> SnapshotFile {
        try beginObject()
        var seen: UInt64 = 0
        var format: String?, database: DatabaseOrHeader?, previous: String?
        var added: ModelDelta.Objects??, replaced: ModelDelta.Objects??, removed: ModelDelta.Removals??
        while let k = try nextKey(Self.fileKeys, &seen) {
            switch k {
            case 0: format = try string()
            case 1: database = try optional { try $0.databaseOrHeader() } ?? .null
            case 2: previous = try string()
            case 3: added = .some(try optional { try $0.objects() })
            case 4: replaced = .some(try optional { try $0.objects() })
            default: removed = .some(try optional { try $0.removals() })
            }
        }
        switch format {
        case ModelSnapshot.currentFormat?:
            guard seen == 0b11, case .database(let db)? = database else { throw FastJSONDeclined() }
            return .full(db)
        case ModelDelta.currentFormat?:
            guard let previous else { throw FastJSONDeclined() }
            var delta = ModelDelta(previous: previous)
            switch database {
            case nil, .null?: break
            case .header(let h)?: delta.database = h
            case .database?: throw FastJSONDeclined()
            }
            delta.added = added ?? nil
            delta.replaced = replaced ?? nil
            delta.removed = removed ?? nil
            return .delta(delta)
        default:
            throw FastJSONDeclined()
        }
    }

    enum DatabaseOrHeader {
        case null
        case database(Database)
        case header(ModelDelta.Header)
    }

    private static let databaseKeys = Keys(required: ["name", "schemas", "partitionFunctions", "partitionSchemes"], optional: ["description"])
    private static let databaseRequiredWithoutName: UInt64 = 0b1110

    mutating func database() throws -> Database {
        guard case .database(let db) = try databaseOrHeader() else { throw FastJSONDeclined() }
        return db
    }

    /// A `database` object: with schemas and partitions, a ``Database``; with
    /// only a name (and a description), a delta's ``ModelDelta/Header``.
    mutating func databaseOrHeader() throws -> DatabaseOrHeader {
        try beginObject()
        var seen: UInt64 = 0
        var name: String?, description: String?
        var schemas: [Schema]?, functions: [PartitionFunction]?, partitionSchemes: [PartitionScheme]?
        // The object's own required keys are checked below (either form).
        while let k = try nextKey(Self.headerOrDatabaseKeys, &seen) {
            switch k {
            case 0: name = try string()
            case 1: schemas = try array { try $0.schema() }
            case 2: functions = try array { try $0.partitionFunction() }
            case 3: partitionSchemes = try array { try $0.partitionScheme() }
            default: description = try optional { try $0.string() }
            }
        }
        guard let name else { throw FastJSONDeclined() }
        if seen & Self.databaseRequiredWithoutName == 0 {
            return .header(ModelDelta.Header(name: name, description: description))
        }
        guard let schemas, let functions, let partitionSchemes else { throw FastJSONDeclined() }
        return .database(Database(name: name, description: description, schemas: schemas, partitionFunctions: functions, partitionSchemes: partitionSchemes))
    }

    /// ``databaseKeys`` with none required: which are is decided by the form.
    private static let headerOrDatabaseKeys = Keys(required: [], optional: databaseKeys.names)

    // MARK: Delta

    private static let objectsKeys = Keys(required: [], optional: ["schemas", "tables", "functions", "securityPolicies", "partitionFunctions", "partitionSchemes"])

    mutating func objects() throws -> ModelDelta.Objects {
        try beginObject()
        var seen: UInt64 = 0
        var o = ModelDelta.Objects()
        while let k = try nextKey(Self.objectsKeys, &seen) {
            switch k {
            case 0: o.schemas = try optional { try $0.array { try $0.entry { try $0.header() } } }
            case 1: o.tables = try optional { try $0.array { try $0.entry { try $0.table() } } }
            case 2: o.functions = try optional { try $0.array { try $0.entry { try $0.inlineFunction() } } }
            case 3: o.securityPolicies = try optional { try $0.array { try $0.entry { try $0.securityPolicy() } } }
            case 4: o.partitionFunctions = try optional { try $0.array { try $0.entry { try $0.partitionFunction() } } }
            default: o.partitionSchemes = try optional { try $0.array { try $0.entry { try $0.partitionScheme() } } }
            }
        }
        return o
    }

    private static let removalsKeys = objectsKeys

    mutating func removals() throws -> ModelDelta.Removals {
        try beginObject()
        var seen: UInt64 = 0
        var r = ModelDelta.Removals()
        while let k = try nextKey(Self.removalsKeys, &seen) {
            let list = try optional { try $0.array { try $0.removal() } }
            switch k {
            case 0: r.schemas = list
            case 1: r.tables = list
            case 2: r.functions = list
            case 3: r.securityPolicies = list
            case 4: r.partitionFunctions = list
            default: r.partitionSchemes = list
            }
        }
        return r
    }

    private static let entryKeys = Keys(required: ["object"], optional: ["schema", "after"])

    mutating func entry<Object>(_ object: (inout ModelReader) throws -> Object) throws -> ModelDelta.Entry<Object> {
        try beginObject()
        var seen: UInt64 = 0
        var value: Object?, schema: String?, after: String?
        while let k = try nextKey(Self.entryKeys, &seen) {
            switch k {
            case 0: value = try object(&self)
            case 1: schema = try optional { try $0.string() }
            default: after = try optional { try $0.string() }
            }
        }
        return ModelDelta.Entry(schema: schema, after: after, object: value!)
    }

    private static let headerKeys = Keys(required: ["name"], optional: ["description"])

    mutating func header() throws -> ModelDelta.Header {
        try beginObject()
        var seen: UInt64 = 0
        var name = "", description: String?
        while let k = try nextKey(Self.headerKeys, &seen) {
            if k == 0 { name = try string() } else { description = try optional { try $0.string() } }
        }
        return ModelDelta.Header(name: name, description: description)
    }

    private static let removalKeys = Keys(required: ["name"], optional: ["schema"])

    mutating func removal() throws -> ModelDelta.Removal {
        try beginObject()
        var seen: UInt64 = 0
        var name = "", schema: String?
        while let k = try nextKey(Self.removalKeys, &seen) {
            if k == 0 { name = try string() } else { schema = try optional { try $0.string() } }
        }
        return ModelDelta.Removal(schema: schema, name: name)
    }

    // MARK: Schema objects

    private static let schemaKeys = Keys(required: ["name", "tables", "functions", "securityPolicies"], optional: ["description"])

    mutating func schema() throws -> Schema {
        try beginObject()
        var seen: UInt64 = 0
        var s = Schema(name: "")
        while let k = try nextKey(Self.schemaKeys, &seen) {
            switch k {
            case 0: s.name = try string()
            case 1: s.tables = try array { try $0.table() }
            case 2: s.functions = try array { try $0.inlineFunction() }
            case 3: s.securityPolicies = try array { try $0.securityPolicy() }
            default: s.description = try optional { try $0.string() }
            }
        }
        return s
    }

    private static let tableKeys = Keys(
        required: ["name", "columns", "uniqueConstraints", "foreignKeys", "checks", "indexes"],
        optional: ["description", "primaryKey", "partitioning", "compression", "renamedFrom"])

    mutating func table() throws -> Table {
        try beginObject()
        var seen: UInt64 = 0
        var t = Table(name: "")
        while let k = try nextKey(Self.tableKeys, &seen) {
            switch k {
            case 0: t.name = try string()
            case 1: t.columns = try array { try $0.column() }
            case 2: t.uniqueConstraints = try array { try $0.uniqueConstraint() }
            case 3: t.foreignKeys = try array { try $0.foreignKey() }
            case 4: t.checks = try array { try $0.checkConstraint() }
            case 5: t.indexes = try array { try $0.index() }
            case 6: t.description = try optional { try $0.string() }
            case 7: t.primaryKey = try optional { try $0.primaryKey() }
            case 8: t.partitioning = try optional { try $0.tableStorage() }
            case 9: t.compression = try optional { try $0.rawValue() }
            default: t.renamedFrom = try optional { try $0.string() }
            }
        }
        return t
    }

    private static let columnKeys = Keys(
        required: ["name", "type", "isNullable"],
        optional: ["identity", "defaultConstraint", "computed", "description", "renamedFrom"])

    mutating func column() throws -> Column {
        try beginObject()
        var seen: UInt64 = 0
        var c = Column(name: "", type: .int)
        while let k = try nextKey(Self.columnKeys, &seen) {
            switch k {
            case 0: c.name = try string()
            case 1: c.type = try sqlType()
            case 2: c.isNullable = try bool()
            case 3: c.identity = try optional { try $0.identity() }
            case 4: c.defaultConstraint = try optional { try $0.defaultConstraint() }
            case 5: c.computed = try optional { try $0.computedColumn() }
            case 6: c.description = try optional { try $0.string() }
            default: c.renamedFrom = try optional { try $0.string() }
            }
        }
        return c
    }

    private static let identityKeys = Keys(required: ["seed", "increment"])

    mutating func identity() throws -> Identity {
        try beginObject()
        var seen: UInt64 = 0
        var i = Identity()
        while let k = try nextKey(Self.identityKeys, &seen) {
            if k == 0 { i.seed = try integer() } else { i.increment = try integer() }
        }
        return i
    }

    private static let defaultConstraintKeys = Keys(required: ["name", "expression"])

    mutating func defaultConstraint() throws -> DefaultConstraint {
        try beginObject()
        var seen: UInt64 = 0
        var name = "", expression: Expression?
        while let k = try nextKey(Self.defaultConstraintKeys, &seen) {
            if k == 0 { name = try string() } else { expression = try self.expression() }
        }
        return DefaultConstraint(name: name, expression: expression!)
    }

    private static let computedKeys = Keys(required: ["expression", "isPersisted"])

    mutating func computedColumn() throws -> ComputedColumn {
        try beginObject()
        var seen: UInt64 = 0
        var expression: Expression?, persisted = false
        while let k = try nextKey(Self.computedKeys, &seen) {
            if k == 0 { expression = try self.expression() } else { persisted = try bool() }
        }
        return ComputedColumn(expression: expression!, isPersisted: persisted)
    }

    private static let indexKeyKeys = Keys(required: ["column", "isDescending"])

    mutating func indexKey() throws -> IndexKey {
        try beginObject()
        var seen: UInt64 = 0
        var key = IndexKey("")
        while let k = try nextKey(Self.indexKeyKeys, &seen) {
            if k == 0 { key.column = try string() } else { key.isDescending = try bool() }
        }
        return key
    }

    private static let primaryKeyKeys = Keys(required: ["name", "columns", "isClustered"], optional: ["description"])

    mutating func primaryKey() throws -> PrimaryKey {
        try beginObject()
        var seen: UInt64 = 0
        var pk = PrimaryKey(name: "", columns: [])
        while let k = try nextKey(Self.primaryKeyKeys, &seen) {
            switch k {
            case 0: pk.name = try string()
            case 1: pk.columns = try array { try $0.indexKey() }
            case 2: pk.isClustered = try bool()
            default: pk.description = try optional { try $0.string() }
            }
        }
        return pk
    }

    private static let uniqueKeys = Keys(required: ["name", "columns"], optional: ["description"])

    mutating func uniqueConstraint() throws -> UniqueConstraint {
        try beginObject()
        var seen: UInt64 = 0
        var u = UniqueConstraint(name: "", columns: [])
        while let k = try nextKey(Self.uniqueKeys, &seen) {
            switch k {
            case 0: u.name = try string()
            case 1: u.columns = try array { try $0.indexKey() }
            default: u.description = try optional { try $0.string() }
            }
        }
        return u
    }

    private static let foreignKeyKeys = Keys(
        required: ["name", "columns", "referencedTable", "referencedColumns", "onDelete", "onUpdate"], optional: ["description"])

    mutating func foreignKey() throws -> ForeignKey {
        try beginObject()
        var seen: UInt64 = 0
        var fk = ForeignKey(name: "", columns: [], referencedTable: QualifiedName("", ""), referencedColumns: [])
        while let k = try nextKey(Self.foreignKeyKeys, &seen) {
            switch k {
            case 0: fk.name = try string()
            case 1: fk.columns = try array { try $0.string() }
            case 2: fk.referencedTable = try qualifiedName()
            case 3: fk.referencedColumns = try array { try $0.string() }
            case 4: fk.onDelete = try rawValue()
            case 5: fk.onUpdate = try rawValue()
            default: fk.description = try optional { try $0.string() }
            }
        }
        return fk
    }

    private static let checkKeys = Keys(required: ["name", "expression"], optional: ["description"])

    mutating func checkConstraint() throws -> CheckConstraint {
        try beginObject()
        var seen: UInt64 = 0
        var name = "", expression: Expression?, description: String?
        while let k = try nextKey(Self.checkKeys, &seen) {
            switch k {
            case 0: name = try string()
            case 1: expression = try self.expression()
            default: description = try optional { try $0.string() }
            }
        }
        return CheckConstraint(name: name, expression: expression!, description: description)
    }

    private static let indexKeys = Keys(
        required: ["name", "kind", "isUnique", "keys", "included", "placement", "allowsUnaligned"],
        optional: ["filter", "compression", "description", "renamedFrom", "rolling"])

    mutating func index() throws -> Index {
        try beginObject()
        var seen: UInt64 = 0
        var ix = Index(name: "")
        while let k = try nextKey(Self.indexKeys, &seen) {
            switch k {
            case 0: ix.name = try string()
            case 1: ix.kind = try rawValue()
            case 2: ix.isUnique = try bool()
            case 3: ix.keys = try array { try $0.indexKey() }
            case 4: ix.included = try array { try $0.string() }
            case 5: ix.placement = try placement()
            case 6: ix.allowsUnaligned = try bool()
            case 7: ix.filter = try optional { try $0.expression() }
            case 8: ix.compression = try optional { try $0.rawValue() }
            case 9: ix.description = try optional { try $0.string() }
            case 10: ix.renamedFrom = try optional { try $0.string() }
            default: ix.rolling = try optional { try $0.rollingFilter() }
            }
        }
        return ix
    }

    private static let placementCases = Keys(required: [], optional: ["table", "filegroup", "partitionScheme"])
    private static let onlyZero = Keys(required: ["_0"])
    private static let schemeAndColumn = Keys(required: ["_0", "column"])

    mutating func placement() throws -> Placement {
        try oneCase(Self.placementCases) { r, k in
            switch k {
            case 0:
                try r.emptyObject()
                return .table
            case 1:
                return .filegroup(try r.payload { try $0.string() })
            default:
                try r.beginObject()
                var seen: UInt64 = 0
                var scheme = "", column = ""
                while let k = try r.nextKey(Self.schemeAndColumn, &seen) {
                    if k == 0 { scheme = try r.string() } else { column = try r.string() }
                }
                return .partitionScheme(scheme, column: column)
            }
        }
    }

    /// `{ "_0": value }`: the payload of a case with one unlabeled value.
    mutating func payload<T>(_ body: (inout ModelReader) throws -> T) throws -> T {
        try beginObject()
        var seen: UInt64 = 0
        var value: T?
        while try nextKey(Self.onlyZero, &seen) != nil { value = try body(&self) }
        return value!
    }

    private static let storageKeys = Keys(required: ["partitionScheme", "partitionColumn"])

    mutating func tableStorage() throws -> TableStorage {
        try beginObject()
        var seen: UInt64 = 0
        var s = TableStorage(partitionScheme: "", partitionColumn: "")
        while let k = try nextKey(Self.storageKeys, &seen) {
            if k == 0 { s.partitionScheme = try string() } else { s.partitionColumn = try string() }
        }
        return s
    }

    private static let rollingFilterKeys = Keys(required: ["column", "keepHours", "stepHours"])

    mutating func rollingFilter() throws -> RollingFilter {
        try beginObject()
        var seen: UInt64 = 0
        var f = RollingFilter(column: "", keepHours: 0)
        while let k = try nextKey(Self.rollingFilterKeys, &seen) {
            switch k {
            case 0: f.column = try string()
            case 1: f.keepHours = try integer()
            default: f.stepHours = try integer()
            }
        }
        return f
    }

    // MARK: Functions and policies

    private static let functionKeys = Keys(required: ["name", "parameters", "resultColumn", "predicate", "isSchemaBound"], optional: ["description"])

    mutating func inlineFunction() throws -> InlineFunction {
        try beginObject()
        var seen: UInt64 = 0
        var name = "", parameters: [InlineFunction.Parameter] = [], result = "", predicate: Expression?, bound = false, description: String?
        while let k = try nextKey(Self.functionKeys, &seen) {
            switch k {
            case 0: name = try string()
            case 1: parameters = try array { try $0.parameter() }
            case 2: result = try string()
            case 3: predicate = try expression()
            case 4: bound = try bool()
            default: description = try optional { try $0.string() }
            }
        }
        return InlineFunction(name: name, parameters: parameters, resultColumn: result, predicate: predicate!, isSchemaBound: bound, description: description)
    }

    private static let parameterKeys = Keys(required: ["name", "type"])

    mutating func parameter() throws -> InlineFunction.Parameter {
        try beginObject()
        var seen: UInt64 = 0
        var p = InlineFunction.Parameter(name: "", type: .int)
        while let k = try nextKey(Self.parameterKeys, &seen) {
            if k == 0 { p.name = try string() } else { p.type = try sqlType() }
        }
        return p
    }

    private static let policyKeys = Keys(required: ["name", "predicates", "isEnabled", "isSchemaBound"], optional: ["description", "maintenanceSession"])

    mutating func securityPolicy() throws -> SecurityPolicy {
        try beginObject()
        var seen: UInt64 = 0
        var p = SecurityPolicy(name: "", predicates: [])
        while let k = try nextKey(Self.policyKeys, &seen) {
            switch k {
            case 0: p.name = try string()
            case 1: p.predicates = try array { try $0.securityPredicate() }
            case 2: p.isEnabled = try bool()
            case 3: p.isSchemaBound = try bool()
            case 4: p.description = try optional { try $0.string() }
            default: p.maintenanceSession = try optional { try $0.array { try $0.sessionSetting() } }
            }
        }
        return p
    }

    private static let settingKeys = Keys(required: ["key", "value"])

    mutating func sessionSetting() throws -> SessionSetting {
        try beginObject()
        var seen: UInt64 = 0
        var s = SessionSetting(key: "", value: "")
        while let k = try nextKey(Self.settingKeys, &seen) {
            if k == 0 { s.key = try string() } else { s.value = try string() }
        }
        return s
    }

    private static let predicateKeys = Keys(required: ["kind", "function", "arguments", "table"])

    mutating func securityPredicate() throws -> SecurityPredicate {
        try beginObject()
        var seen: UInt64 = 0
        var p = SecurityPredicate(kind: .filter, function: QualifiedName("", ""), arguments: [], table: QualifiedName("", ""))
        while let k = try nextKey(Self.predicateKeys, &seen) {
            switch k {
            case 0: p.kind = try rawValue()
            case 1: p.function = try qualifiedName()
            case 2: p.arguments = try array { try $0.string() }
            default: p.table = try qualifiedName()
            }
        }
        return p
    }

    // MARK: Partitions

    private static let partitionFunctionKeys = Keys(required: ["name", "inputType", "range", "boundaries"], optional: ["description", "rolling"])

    mutating func partitionFunction() throws -> PartitionFunction {
        try beginObject()
        var seen: UInt64 = 0
        var f = PartitionFunction(name: "", inputType: .int, boundaries: .values([]))
        while let k = try nextKey(Self.partitionFunctionKeys, &seen) {
            switch k {
            case 0: f.name = try string()
            case 1: f.inputType = try sqlType()
            case 2: f.range = try rawValue()
            case 3: f.boundaries = try boundaries()
            case 4: f.description = try optional { try $0.string() }
            default: f.rolling = try optional { try $0.rollingWindow() }
            }
        }
        return f
    }

    private static let boundariesCases = Keys(required: [], optional: ["window", "values"])
    private static let windowKeys = Keys(required: ["start", "unit", "count"])

    mutating func boundaries() throws -> PartitionFunction.Boundaries {
        try oneCase(Self.boundariesCases) { r, k in
            if k == 1 { return .values(try r.payload { try $0.array { try $0.literal() } }) }
            try r.beginObject()
            var seen: UInt64 = 0
            var start = "", unit = PartitionFunction.Unit.day, count = 0
            while let k = try r.nextKey(Self.windowKeys, &seen) {
                switch k {
                case 0: start = try r.string()
                case 1: unit = try r.rawValue()
                default: count = try r.integer()
                }
            }
            return .window(start: start, unit: unit, count: count)
        }
    }

    private static let rollingWindowKeys = Keys(required: ["unit", "ahead", "retain", "expiry"])

    mutating func rollingWindow() throws -> RollingWindow {
        try beginObject()
        var seen: UInt64 = 0
        var w = RollingWindow(unit: .day, ahead: 0, retain: 0, expiry: .keep)
        while let k = try nextKey(Self.rollingWindowKeys, &seen) {
            switch k {
            case 0: w.unit = try rawValue()
            case 1: w.ahead = try integer()
            case 2: w.retain = try integer()
            default: w.expiry = try partitionExpiry()
            }
        }
        return w
    }

    private static let expiryCases = Keys(required: [], optional: ["truncate", "switch", "keep"])
    private static let toKeys = Keys(required: ["to"])

    mutating func partitionExpiry() throws -> PartitionExpiry {
        try oneCase(Self.expiryCases) { r, k in
            switch k {
            case 0: try r.emptyObject(); return .truncate
            case 2: try r.emptyObject(); return .keep
            default:
                try r.beginObject()
                var seen: UInt64 = 0
                var to = ""
                while try r.nextKey(Self.toKeys, &seen) != nil { to = try r.string() }
                return .switch(to: to)
            }
        }
    }

    private static let schemeKeys = Keys(required: ["name", "function", "filegroups"], optional: ["description"])

    mutating func partitionScheme() throws -> PartitionScheme {
        try beginObject()
        var seen: UInt64 = 0
        var s = PartitionScheme(name: "", function: "")
        while let k = try nextKey(Self.schemeKeys, &seen) {
            switch k {
            case 0: s.name = try string()
            case 1: s.function = try string()
            case 2: s.filegroups = try array { try $0.string() }
            default: s.description = try optional { try $0.string() }
            }
        }
        return s
    }

    // MARK: Expressions

    private static let expressionCases = Keys(
        required: [], optional: ["column", "parameter", "literal", "binary", "and", "or", "not", "isNull", "inList", "call", "cast", "raw"])
    private static let binaryKeys = Keys(required: ["lhs", "op", "rhs"])
    private static let isNullKeys = Keys(required: ["_0", "negated"])
    private static let inListKeys = Keys(required: ["_0", "values", "negated"])
    private static let callKeys = Keys(required: ["_0", "arguments"])
    private static let castKeys = Keys(required: ["_0", "as"])

    mutating func expression() throws -> Expression {
        try oneCase(Self.expressionCases) { r, k in
            switch k {
            case 0: return .column(try r.payload { try $0.string() })
            case 1: return .parameter(try r.payload { try $0.string() })
            case 2: return .literal(try r.payload { try $0.literal() })
            case 3:
                try r.beginObject()
                var seen: UInt64 = 0
                var lhs: Expression?, op: Expression.BinaryOperator?, rhs: Expression?
                while let k = try r.nextKey(Self.binaryKeys, &seen) {
                    switch k {
                    case 0: lhs = try r.expression()
                    case 1: op = try r.rawValue()
                    default: rhs = try r.expression()
                    }
                }
                return .binary(lhs: lhs!, op: op!, rhs: rhs!)
            case 4: return .and(try r.payload { try $0.array { try $0.expression() } })
            case 5: return .or(try r.payload { try $0.array { try $0.expression() } })
            case 6: return .not(try r.payload { try $0.expression() })
            case 7:
                try r.beginObject()
                var seen: UInt64 = 0
                var operand: Expression?, negated = false
                while let k = try r.nextKey(Self.isNullKeys, &seen) {
                    if k == 0 { operand = try r.expression() } else { negated = try r.bool() }
                }
                return .isNull(operand!, negated: negated)
            case 8:
                try r.beginObject()
                var seen: UInt64 = 0
                var operand: Expression?, values: [Expression] = [], negated = false
                while let k = try r.nextKey(Self.inListKeys, &seen) {
                    switch k {
                    case 0: operand = try r.expression()
                    case 1: values = try r.array { try $0.expression() }
                    default: negated = try r.bool()
                    }
                }
                return .inList(operand!, values: values, negated: negated)
            case 9:
                try r.beginObject()
                var seen: UInt64 = 0
                var name = "", arguments: [Expression] = []
                while let k = try r.nextKey(Self.callKeys, &seen) {
                    if k == 0 { name = try r.string() } else { arguments = try r.array { try $0.expression() } }
                }
                return .call(name, arguments: arguments)
            case 10:
                try r.beginObject()
                var seen: UInt64 = 0
                var operand: Expression?, type = SQLType.int
                while let k = try r.nextKey(Self.castKeys, &seen) {
                    if k == 0 { operand = try r.expression() } else { type = try r.sqlType() }
                }
                return .cast(operand!, as: type)
            default:
                return .raw(try r.payload { try $0.stringDictionary() })
            }
        }
    }

    private static let literalCases = Keys(required: [], optional: ["null", "bool", "int", "decimal", "string"])
    private static let stringKeys = Keys(required: ["_0", "unicode"])

    mutating func literal() throws -> Literal {
        try oneCase(Self.literalCases) { r, k in
            switch k {
            case 0: try r.emptyObject(); return .null
            case 1: return .bool(try r.payload { try $0.bool() })
            case 2: return .int(try r.payload { try $0.integer(Int64.self) })
            case 3: return .decimal(try r.payload { try $0.string() })
            default:
                try r.beginObject()
                var seen: UInt64 = 0
                var text = "", unicode = false
                while let k = try r.nextKey(Self.stringKeys, &seen) {
                    if k == 0 { text = try r.string() } else { unicode = try r.bool() }
                }
                return .string(text, unicode: unicode)
            }
        }
    }
}
