import OEEDSL
import OEEDiff
@testable import SQLServer

/// The rows of the SQL Server system views that ``SimulatedCatalog`` fills for
/// a model, by the documented meaning of their columns — and the rows the
/// catalog queries return, derived from them by those meanings alone (never
/// by what ``CatalogModelBuilder`` expects), so simulator and builder can
/// disagree. The documented meanings, per view (Microsoft Learn, "System
/// catalog views", learn.microsoft.com/sql/relational-databases/system-catalog-views/):
///
/// - **sys.key_constraints** (ms174321): a row per PRIMARY KEY or UNIQUE
///   constraint (`type` PK or UQ, inherited from sys.objects, with
///   `parent_object_id` its table); `unique_index_id` is "the ID of the
///   corresponding unique index in the parent object that was created to
///   enforce this constraint" — the key's columns and clustering are that
///   index's, in **sys.indexes** (`object_id`, `index_id`; 0 = heap, 1 =
///   clustered, > 1 nonclustered; `is_primary_key`, `is_unique_constraint`)
///   and **sys.index_columns** (`key_ordinal` 1-based, 0 for a non-key column).
/// - **sys.identity_columns** (ms187334): a row per identity column, "inherits
///   rows from sys.columns" (`object_id`, `column_id`); `seed_value` and
///   `increment_value` are sql_variant "of the same data type as the column".
/// - **sys.partition_parameters** (ms175054): a row per parameter of a partition
///   function (`function_id`, `parameter_id` from 1); `system_type_id`
///   "corresponds to the system_type_id column of sys.types", `user_type_id`
///   is the type's id, and "for system data types, user_type_id =
///   system_type_id"; `max_length` is in bytes. **sys.types**: `is_user_defined`
///   1 for an alias type, whose base is the system type with
///   `user_type_id` = its `system_type_id`.
/// - **sys.extended_properties** (ms177541): `class` 0 = database (major_id
///   always 0), 1 = object or column (major_id = object_id; minor_id =
///   column_id for a column, 0 for the object), 2 = parameter, 3 = schema
///   (major_id = schema_id), 7 = index (major_id = object_id of its table,
///   minor_id = index_id), 20 = data space (filegroup or partition scheme,
///   major_id = data_space_id), 21 = partition function (major_id =
///   function_id). `sp_addextendedproperty` (ms180047) writes level0 SCHEMA /
///   level1 TABLE or FUNCTION / level2 COLUMN, CONSTRAINT or INDEX into those
///   classes: a CONSTRAINT is an object of its own (class 1, its object_id).
struct SystemViews {
    struct Object { var id: Int; var schemaId: Int; var name: String; var type: String; var parent: Int }
    struct IndexRow { var objectId: Int; var indexId: Int; var name: String; var typeDesc: String; var isPrimaryKey: Bool; var isUniqueConstraint: Bool }
    struct IndexColumn { var objectId: Int; var indexId: Int; var columnId: Int; var keyOrdinal: Int; var isDescending: Bool }
    struct KeyConstraint { var objectId: Int; var uniqueIndexId: Int }
    struct IdentityColumn { var objectId: Int; var columnId: Int; var seed: Int64; var increment: Int64 }
    struct PartitionParameter { var functionId: Int; var parameterId: Int; var systemTypeId: Int; var userTypeId: Int; var maxLength: Int; var precision: Int; var scale: Int }
    struct TypeRow { var userTypeId: Int; var systemTypeId: Int; var name: String; var isUserDefined: Bool }
    struct ExtendedProperty { var classId: Int; var majorId: Int; var minorId: Int; var name: String; var value: String }

    var schemas: [Int: String] = [:]
    var objects: [Int: Object] = [:]
    var columns: [Int: [Int: String]] = [:]          // object_id → column_id → name
    var indexes: [IndexRow] = []
    var indexColumns: [IndexColumn] = []
    var keyConstraints: [KeyConstraint] = []
    var identityColumns: [IdentityColumn] = []
    var partitionFunctions: [Int: String] = [:]
    var partitionSchemes: [Int: String] = [:]        // data_space_id → name
    var partitionParameters: [PartitionParameter] = []
    var extendedProperties: [ExtendedProperty] = []
    private var nextId = 1000

    /// The system types of sys.types (user_type_id = system_type_id), and sysname (256 over nvarchar 231).
    static let types: [TypeRow] = [
        ("tinyint", 48), ("smallint", 52), ("int", 56), ("bigint", 127), ("bit", 104), ("decimal", 106), ("real", 59),
        ("float", 62), ("date", 40), ("time", 41), ("datetime2", 42), ("datetimeoffset", 43), ("char", 175),
        ("varchar", 167), ("nchar", 239), ("nvarchar", 231), ("varbinary", 165), ("uniqueidentifier", 36),
    ].map { TypeRow(userTypeId: $0.1, systemTypeId: $0.1, name: $0.0, isUserDefined: false) }
        + [TypeRow(userTypeId: 256, systemTypeId: 231, name: "sysname", isUserDefined: false)]

    mutating func newId() -> Int { nextId += 1; return nextId }

    mutating func schema(_ name: String) -> Int {
        if let id = schemas.first(where: { $0.value == name })?.key { return id }
        let id = newId()
        schemas[id] = name
        return id
    }

    mutating func object(_ schema: String, _ name: String, type: String, parent: Int = 0) -> Int {
        let id = newId()
        objects[id] = Object(id: id, schemaId: self.schema(schema), name: name, type: type, parent: parent)
        return id
    }

    func objectId(_ schema: String, _ name: String, type: String? = nil) -> Int? {
        objects.values.first { schemas[$0.schemaId] == schema && $0.name == name && (type == nil || $0.type == type) }?.id
    }

    /// What `sp_addextendedproperty @name = N'MS_Description'` stores for `target` (see the header).
    mutating func describe(_ target: DescriptionTarget, _ text: String) {
        func row(_ c: Int, _ major: Int, _ minor: Int) {
            extendedProperties.append(ExtendedProperty(classId: c, majorId: major, minorId: minor, name: "MS_Description", value: text))
        }
        switch target {
        case .schema(let s): row(3, schemas.first { $0.value == s }!.key, 0)
        case .table(let q): row(1, objectId(q.schema, q.name, type: "U")!, 0)
        case .column(let q, let c):
            let t = objectId(q.schema, q.name, type: "U")!
            row(1, t, columns[t]!.first { $0.value == c }!.key)
        case .constraint(let q, let c):
            let t = objectId(q.schema, q.name, type: "U")!
            row(1, objects.values.first { $0.parent == t && $0.name == c }!.id, 0)
        case .index(let q, let i):
            let t = objectId(q.schema, q.name, type: "U")!
            row(7, t, indexes.first { $0.objectId == t && $0.name == i }!.indexId)
        case .function(let q): row(1, objectId(q.schema, q.name, type: "IF")!, 0)
        case .partitionFunction(let f): row(21, partitionFunctions.first { $0.value == f }!.key, 0)
        case .partitionScheme(let s): row(20, partitionSchemes.first { $0.value == s }!.key, 0)
        }
    }

    mutating func databaseDescription(_ text: String) {
        extendedProperties.append(ExtendedProperty(classId: 0, majorId: 0, minorId: 0, name: "MS_Description", value: text))
    }

    // MARK: Query rows, by the documented meanings

    /// key_constraints: one row per key column of the index `unique_index_id` names.
    func keyConstraintRows() -> [[String: String?]] {
        var rows: [[String: String?]] = []
        for k in keyConstraints {
            let o = objects[k.objectId]!, table = objects[o.parent]!
            let index = indexes.first { $0.objectId == o.parent && $0.indexId == k.uniqueIndexId }!
            let keys = indexColumns.filter { $0.objectId == o.parent && $0.indexId == k.uniqueIndexId && $0.keyOrdinal > 0 }
            for c in keys.sorted(by: { $0.keyOrdinal < $1.keyOrdinal }) {
                rows.append([
                    "schema_name": schemas[table.schemaId]!, "table_name": table.name, "constraint_name": o.name,
                    "constraint_type": o.type, "index_type": index.typeDesc, "key_ordinal": String(c.keyOrdinal),
                    "column_name": columns[o.parent]![c.columnId]!, "is_descending_key": c.isDescending ? "1" : "0",
                    "is_system_named": "0",
                ])
            }
        }
        return rows.sorted { ($0.sortKey("schema_name", "table_name", "constraint_name"), Int($0["key_ordinal"]!!)!) < ($1.sortKey("schema_name", "table_name", "constraint_name"), Int($1["key_ordinal"]!!)!) }
    }

    /// The identity seed and increment of a column, as `CAST(sql_variant AS nvarchar(40))` prints them.
    func identity(_ objectId: Int, _ columnId: Int) -> (seed: String, increment: String)? {
        identityColumns.first { $0.objectId == objectId && $0.columnId == columnId }.map { (String($0.seed), String($0.increment)) }
    }

    /// A partition function's parameter type name: an alias type's base, a system type's own name.
    func parameterTypeName(_ functionId: Int) -> (name: String, maxLength: Int, precision: Int, scale: Int) {
        let p = partitionParameters.first { $0.functionId == functionId && $0.parameterId == 1 }!
        let type = Self.types.first { $0.userTypeId == p.userTypeId }!
        let name = type.isUserDefined ? Self.types.first { $0.userTypeId == p.systemTypeId }!.name : type.name
        return (name, p.maxLength, p.precision, p.scale)
    }

    /// descriptions: each MS_Description property resolved by its class, major_id and minor_id.
    func descriptionRows() -> [[String: String?]] {
        var rows: [[String: String?]] = []
        for ep in extendedProperties where ep.name == "MS_Description" {
            var row: [String: String?] = ["description": ep.value]
            switch ep.classId {
            case 0: row["target_kind"] = "DATABASE"
            case 3: row["target_kind"] = "SCHEMA"; row["schema_name"] = schemas[ep.majorId]
            case 1:
                let o = objects[ep.majorId]!
                switch o.type {
                case "U":
                    row["schema_name"] = schemas[o.schemaId]; row["object_name"] = o.name
                    if ep.minorId == 0 { row["target_kind"] = "TABLE" } else { row["target_kind"] = "COLUMN"; row["child_name"] = columns[o.id]![ep.minorId] }
                case "PK", "UQ", "F", "C", "D":
                    let t = objects[o.parent]!
                    row["target_kind"] = "CONSTRAINT"; row["schema_name"] = schemas[t.schemaId]; row["object_name"] = t.name; row["child_name"] = o.name
                case "IF", "SP":
                    row["target_kind"] = o.type == "SP" ? "SECURITY POLICY" : "FUNCTION"; row["schema_name"] = schemas[o.schemaId]; row["object_name"] = o.name
                default: continue
                }
            case 7:
                let t = objects[ep.majorId]!
                row["target_kind"] = "INDEX"; row["schema_name"] = schemas[t.schemaId]; row["object_name"] = t.name
                row["child_name"] = indexes.first { $0.objectId == ep.majorId && $0.indexId == ep.minorId }!.name
            case 20: row["target_kind"] = "PARTITION SCHEME"; row["object_name"] = partitionSchemes[ep.majorId]
            case 21: row["target_kind"] = "PARTITION FUNCTION"; row["object_name"] = partitionFunctions[ep.majorId]
            default: continue
            }
            rows.append(row)
        }
        return rows.sorted { $0.sortKey("target_kind", "schema_name", "object_name", "child_name") < $1.sortKey("target_kind", "schema_name", "object_name", "child_name") }
    }
}

extension Dictionary where Key == String, Value == String? {
    /// The values of `keys`, NULL first (as ORDER BY sorts NULLs in SQL Server).
    func sortKey(_ keys: String...) -> String {
        keys.map { (self[$0] ?? nil).map { "1" + $0 } ?? "0" }.joined(separator: "\u{0}")
    }
}
