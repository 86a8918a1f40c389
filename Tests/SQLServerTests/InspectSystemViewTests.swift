import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Introspection by the documented meaning of the system views (issue 12,
/// item 5; the meanings and their Microsoft Learn pages are in
/// ``SystemViews``): the catalog SQL joins by those columns, and the builder
/// reads what the simulator derives from them.
@Suite struct InspectSystemViewTests {
    let dialect = SQLServerDialect()

    /// A nonclustered primary key on a table whose clustered index is another
    /// index, and a unique constraint: the keys' index ids are not 1.
    static let model = Database("oee") {
        Schema("app", "App") {
            Table("t", "T") {
                Column("id", .int, "Id").identity(seed: 100, increment: 5)
                Column("code", .nvarchar(.n(10)), "Code")
                Column("ts", .datetime2(precision: 3))
                PrimaryKey(name: "pk_t", columns: ["id"], isClustered: false, description: "Key")
                UniqueConstraint(name: "uq_t_code", columns: ["code"], description: "Unique code")
                Index("cix_t_ts", on: "ts", clustered: true).described("Clustered by time")
                Index("ix_t_code", on: "code").described("By code")
            }
        }
    }

    func builtFrom(_ rows: CatalogRows) throws -> Database {
        try dialect.comparable(try dialect.model(from: rows, databaseName: "oee"))
    }

    @Test func keysAreReadThroughTheirUniqueIndexId() throws {
        let rows = try SimulatedCatalog.rows(for: Self.model)
        let live = try builtFrom(rows)
        let table = try #require(live.schema(named: "app")?.tables.first { $0.name == "t" })
        #expect(table.primaryKey == PrimaryKey(name: "pk_t", columns: ["id"], isClustered: false, description: "Key"))
        #expect(table.uniqueConstraints.map(\.name) == ["uq_t_code"])
        #expect(table.column(named: "id")?.identity == Identity(seed: 100, increment: 5))
        #expect(live == (try dialect.comparable(Self.model)))
    }

    /// The simulator can disagree with the builder: pointing the key at
    /// another index (as a join by anything but unique_index_id would) changes
    /// what is read, and drift says so.
    @Test func aKeyReadThroughAnotherIndexGetsThatIndexsColumns() throws {
        var views = SystemViews()
        let t = views.object("app", "t", type: "U")
        views.columns[t] = [1: "id", 2: "ts"]
        let pk = views.object("app", "pk_t", type: "PK", parent: t)
        views.indexes = [
            .init(objectId: t, indexId: 1, name: "cix_t_ts", typeDesc: "CLUSTERED", isPrimaryKey: false, isUniqueConstraint: false),
            .init(objectId: t, indexId: 2, name: "pk_t", typeDesc: "NONCLUSTERED", isPrimaryKey: true, isUniqueConstraint: false),
        ]
        views.indexColumns = [
            .init(objectId: t, indexId: 1, columnId: 2, keyOrdinal: 1, isDescending: false),
            .init(objectId: t, indexId: 2, columnId: 1, keyOrdinal: 1, isDescending: false),
        ]
        views.keyConstraints = [.init(objectId: pk, uniqueIndexId: 2)]
        let right = try #require(views.keyConstraintRows().first)
        #expect(right["column_name"] == "id" && right["index_type"] == "NONCLUSTERED")
        views.keyConstraints = [.init(objectId: pk, uniqueIndexId: 1)]
        let wrong = try #require(views.keyConstraintRows().first)
        #expect(wrong["column_name"] == "ts" && wrong["index_type"] == "CLUSTERED")
    }

    /// Each description is stored at the class, major_id and minor_id the
    /// documentation gives, and read back at its object.
    @Test func descriptionsAreReadByClassMajorIdAndMinorId() throws {
        var views = SystemViews()
        let t = views.object("app", "t", type: "U")
        views.columns[t] = [1: "id", 2: "code"]
        let pk = views.object("app", "pk_t", type: "PK", parent: t)
        views.indexes = [.init(objectId: t, indexId: 3, name: "ix_t_code", typeDesc: "NONCLUSTERED", isPrimaryKey: false, isUniqueConstraint: false)]
        views.partitionFunctions[77] = "pf"
        views.partitionSchemes[65601] = "ps"
        views.databaseDescription("db")
        views.describe(.schema("app"), "schema")
        views.describe(.table(QualifiedName("app", "t")), "table")
        views.describe(.column(QualifiedName("app", "t"), "code"), "column")
        views.describe(.constraint(QualifiedName("app", "t"), "pk_t"), "key")
        views.describe(.index(QualifiedName("app", "t"), "ix_t_code"), "index")
        views.describe(.partitionFunction("pf"), "function")
        views.describe(.partitionScheme("ps"), "scheme")
        let stored = views.extendedProperties.map { "\($0.classId)/\($0.majorId == t ? "t" : $0.majorId == pk ? "pk" : String($0.majorId))/\($0.minorId) \($0.value)" }
        #expect(stored == [
            "0/0/0 db", "3/\(views.schemas.first { $0.value == "app" }!.key)/0 schema", "1/t/0 table", "1/t/2 column",
            "1/pk/0 key", "7/t/3 index", "21/77/0 function", "20/65601/0 scheme",
        ])
        let read = views.descriptionRows().map { row in ["target_kind", "schema_name", "object_name", "child_name", "description"].map { (row[$0] ?? nil) ?? "-" }.joined(separator: " ") }
        #expect(read == [
            "COLUMN app t code column", "CONSTRAINT app t pk_t key", "DATABASE - - - db", "INDEX app t ix_t_code index",
            "PARTITION FUNCTION - pf - function", "PARTITION SCHEME - ps - scheme", "SCHEMA app - - schema", "TABLE app t - table",
        ])
    }

    /// The catalog SQL joins by the documented columns, and only by them.
    @Test(arguments: [
        ("key_constraints", "JOIN sys.indexes AS i ON i.[object_id] = k.[parent_object_id] AND i.[index_id] = k.[unique_index_id]"),
        ("key_constraints", "ic.[key_ordinal] > 0"),
        ("columns", "LEFT JOIN sys.identity_columns AS ic ON ic.[object_id] = c.[object_id] AND ic.[column_id] = c.[column_id]"),
        ("columns", "CAST(ic.[seed_value] AS nvarchar(40))"),
        ("partition_functions", "JOIN sys.partition_parameters AS pp ON pp.[function_id] = pf.[function_id] AND pp.[parameter_id] = 1"),
        ("partition_functions", "JOIN sys.types AS ty ON ty.[user_type_id] = pp.[user_type_id]"),
        ("partition_functions", "LEFT JOIN sys.types AS bt ON bt.[user_type_id] = pp.[system_type_id]"),
        ("partition_functions", "CASE WHEN ty.[is_user_defined] = 1 THEN bt.[name] ELSE ty.[name] END"),
        ("descriptions", "ep.[class] = 0"),
        ("descriptions", "JOIN sys.schemas AS s ON s.[schema_id] = ep.[major_id]"),
        ("descriptions", "LEFT JOIN sys.columns AS c ON c.[object_id] = ep.[major_id] AND c.[column_id] = ep.[minor_id]"),
        ("descriptions", "JOIN sys.indexes AS i ON i.[object_id] = ep.[major_id] AND i.[index_id] = ep.[minor_id]"),
        ("descriptions", "JOIN sys.partition_functions AS pf ON pf.[function_id] = ep.[major_id]"),
        ("descriptions", "JOIN sys.partition_schemes AS ps ON ps.[data_space_id] = ep.[major_id]"),
    ])
    func catalogSQLJoinsByTheDocumentedColumns(_ query: String, _ fragment: String) throws {
        let sql = try #require(dialect.catalogQueries(excluding: []).first { $0.name == query }?.sql)
        #expect(sql.contains(fragment), "\(query) lacks \(fragment)")
    }

    /// Each description class is read in its own branch: the class filters the documented values.
    @Test func descriptionBranchesFilterTheDocumentedClasses() throws {
        let sql = try #require(dialect.catalogQueries(excluding: []).first { $0.name == "descriptions" }?.sql)
        let classes = sql.matches(of: /ep\.\[class\] = (\d+)/).map { Int($0.1)! }
        #expect(classes == [0, 3, 1, 1, 7, 1, 21, 20])
    }
}
