import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// Catalog rows as SQL Server returns them (written down from the catalog
/// views' documented shapes and stored-definition forms), mapped to the model.
///
/// The awkward cases: a system-named default `DF__cycle__qty__5EBF139D`,
/// re-parenthesised expressions (`((0))`, `([qty]>=(0))`, `(getutcdate())`),
/// nvarchar(max) (max_length -1) and nvarchar(64) (max_length 128), sysname,
/// float(24) stored as real, a filtered nonclustered columnstore index, an
/// implicitly added partitioning column, a RANGE LEFT int function, a RANGE
/// RIGHT datetime2(3) function with ISO boundaries (with and without a
/// fraction), a security policy with filter and block predicates, a computed
/// persisted column, a DESC key, INCLUDE columns in their own order, rows of
/// one index out of order.
enum RecordedCatalog {
    static let N: String? = nil

    /// Column headers as recorded: the test checks they still match the queries.
    static let headers: [String: [String]] = [
        "schemas": ["schema_name"],
        "tables": ["schema_name", "table_name", "storage_type", "data_space_type", "data_space_name", "partition_column", "data_compression"],
        "columns": ["schema_name", "table_name", "column_name", "column_id", "type_name", "max_length", "precision", "scale", "is_nullable", "identity_seed", "identity_increment", "computed_definition", "is_persisted"],
        "default_constraints": ["schema_name", "table_name", "column_name", "column_id", "constraint_name", "definition", "is_system_named"],
        "key_constraints": ["schema_name", "table_name", "constraint_name", "constraint_type", "index_type", "key_ordinal", "column_name", "is_descending_key", "is_system_named"],
        "foreign_keys": ["schema_name", "table_name", "constraint_name", "constraint_column_id", "column_name", "referenced_schema", "referenced_table", "referenced_column", "delete_action", "update_action"],
        "check_constraints": ["schema_name", "table_name", "constraint_name", "definition", "is_system_named"],
        "indexes": ["schema_name", "table_name", "index_name", "index_type", "is_unique", "filter_definition", "data_compression", "data_space_type", "data_space_name", "index_column_id", "column_name", "key_ordinal", "is_descending_key", "is_included_column", "partition_ordinal"],
        "partition_functions": ["function_name", "type_name", "max_length", "precision", "scale", "boundary_value_on_right", "boundary_id", "boundary_value"],
        "partition_schemes": ["scheme_name", "function_name", "destination_id", "filegroup_name"],
        "functions": ["schema_name", "function_name", "definition", "is_schema_bound"],
        "function_parameters": ["schema_name", "function_name", "parameter_id", "parameter_name", "type_name", "max_length", "precision", "scale"],
        "security_policies": ["schema_name", "policy_name", "is_enabled", "is_schema_bound", "predicate_id", "predicate_type", "operation", "predicate_definition", "target_schema", "target_table"],
        "descriptions": ["target_kind", "schema_name", "object_name", "child_name", "description"],
    ]

    static let functionDefinition = """
        CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
        RETURNS TABLE
        WITH SCHEMABINDING
        AS
        RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint);
        """

    static let rows: CatalogRows = [
        "schemas": [["dbo"], ["fact"], ["ref"], ["sec"]],
        "tables": [
            ["fact", "cycle", "CLUSTERED", "PS", "ps_day", "start_ts", "PAGE"],
            ["fact", "reading", "HEAP", "PS", "ps_site", "site_id", "NONE"],
            ["fact", "sample", "CLUSTERED COLUMNSTORE", "PS", "ps_day", "ts_utc", "COLUMNSTORE_ARCHIVE"],
            ["ref", "machine", "CLUSTERED", "FG", "PRIMARY", N, "NONE"],
            ["ref", "site", "HEAP", "FG", "PRIMARY", N, "ROW"],
        ],
        "columns": [
            ["fact", "cycle", "machine_id", "1", "int", "4", "10", "0", "0", N, N, N, N],
            ["fact", "cycle", "start_ts", "2", "datetime2", "8", "23", "3", "0", N, N, N, N],
            ["fact", "cycle", "cycle_id", "3", "bigint", "8", "19", "0", "0", "1", "1", N, N],
            ["fact", "cycle", "site_id", "4", "smallint", "2", "5", "0", "0", N, N, N, N],
            ["fact", "cycle", "end_ts", "5", "datetime2", "8", "23", "3", "1", N, N, N, N],
            ["fact", "cycle", "qty", "6", "int", "4", "10", "0", "0", N, N, N, N],
            ["fact", "cycle", "scrap", "7", "int", "4", "10", "0", "0", N, N, N, N],
            ["fact", "cycle", "note", "8", "nvarchar", "-1", "0", "0", "1", N, N, N, N],
            ["fact", "cycle", "total_qty", "9", "int", "4", "10", "0", "0", N, N, "([qty]+[scrap])", "1"],
            ["fact", "reading", "site_id", "1", "int", "4", "10", "0", "0", N, N, N, N],
            ["fact", "reading", "value", "2", "decimal", "9", "18", "2", "0", N, N, N, N],
            ["fact", "sample", "machine_id", "1", "int", "4", "10", "0", "0", N, N, N, N],
            ["fact", "sample", "ts_utc", "2", "datetime2", "8", "23", "3", "0", N, N, N, N],
            ["fact", "sample", "value", "3", "float", "8", "53", "0", "1", N, N, N, N],
            ["ref", "machine", "machine_id", "1", "int", "4", "10", "0", "0", "1000", "1", N, N],
            ["ref", "machine", "code", "2", "varchar", "32", "0", "0", "0", N, N, N, N],
            ["ref", "site", "site_id", "1", "smallint", "2", "5", "0", "0", "1", "1", N, N],
            ["ref", "site", "code", "2", "varchar", "32", "0", "0", "0", N, N, N, N],
            ["ref", "site", "name", "3", "nvarchar", "128", "0", "0", "0", N, N, N, N],
            ["ref", "site", "owner", "4", "sysname", "256", "0", "0", "1", N, N, N, N],
            ["ref", "site", "ratio", "5", "real", "4", "24", "0", "1", N, N, N, N],
            ["ref", "site", "created_utc", "6", "datetime2", "8", "23", "3", "0", N, N, N, N],
            ["ref", "site", "is_active", "7", "bit", "1", "1", "0", "0", N, N, N, N],
        ],
        "default_constraints": [
            ["fact", "cycle", "qty", "6", "DF__cycle__qty__5EBF139D", "((0))", "1"],
            ["ref", "site", "created_utc", "6", "df_site_created_utc", "(getutcdate())", "0"],
            ["ref", "site", "is_active", "7", "df_site_is_active", "((1))", "0"],
        ],
        "key_constraints": [
            ["fact", "cycle", "pk_cycle", "PK", "CLUSTERED", "1", "machine_id", "0", "0"],
            ["fact", "cycle", "pk_cycle", "PK", "CLUSTERED", "2", "start_ts", "1", "0"],
            ["fact", "cycle", "pk_cycle", "PK", "CLUSTERED", "3", "cycle_id", "0", "0"],
            ["ref", "machine", "pk_machine", "PK", "CLUSTERED", "1", "machine_id", "0", "0"],
            ["ref", "site", "pk_site", "PK", "NONCLUSTERED", "1", "site_id", "0", "0"],
            ["ref", "site", "uq_site_code", "UQ", "NONCLUSTERED", "1", "code", "0", "0"],
        ],
        "foreign_keys": [
            ["fact", "cycle", "fk_cycle_machine", "1", "machine_id", "ref", "machine", "machine_id", "CASCADE", "NO_ACTION"],
        ],
        "check_constraints": [
            ["fact", "cycle", "ck_cycle_end_after_start", "([end_ts] IS NULL OR [end_ts]>[start_ts])", "0"],
            ["fact", "cycle", "ck_cycle_qty", "([qty]>=(0))", "0"],
        ],
        "indexes": [
            // Rows of one index may come in any order: the builder sorts by index_column_id / key_ordinal.
            ["fact", "cycle", "ix_cycle_open", "NONCLUSTERED", "0", "([end_ts] IS NULL)", "PAGE", "PS", "ps_day", "4", "qty", "0", "0", "1", "0"],
            ["fact", "cycle", "ix_cycle_open", "NONCLUSTERED", "0", "([end_ts] IS NULL)", "PAGE", "PS", "ps_day", "1", "site_id", "1", "0", "0", "0"],
            ["fact", "cycle", "ix_cycle_open", "NONCLUSTERED", "0", "([end_ts] IS NULL)", "PAGE", "PS", "ps_day", "2", "machine_id", "2", "1", "0", "0"],
            ["fact", "cycle", "ix_cycle_open", "NONCLUSTERED", "0", "([end_ts] IS NULL)", "PAGE", "PS", "ps_day", "3", "scrap", "0", "0", "1", "0"],
            ["fact", "cycle", "ix_cycle_open", "NONCLUSTERED", "0", "([end_ts] IS NULL)", "PAGE", "PS", "ps_day", "5", "start_ts", "0", "0", "0", "1"],
            ["fact", "cycle", "ncci_cycle_open", "NONCLUSTERED COLUMNSTORE", "0", "([end_ts] IS NULL AND [site_id]=(1))", "COLUMNSTORE", "PS", "ps_day", "1", "machine_id", "0", "0", "1", "0"],
            ["fact", "cycle", "ncci_cycle_open", "NONCLUSTERED COLUMNSTORE", "0", "([end_ts] IS NULL AND [site_id]=(1))", "COLUMNSTORE", "PS", "ps_day", "2", "qty", "0", "0", "1", "0"],
            ["fact", "cycle", "ncci_cycle_open", "NONCLUSTERED COLUMNSTORE", "0", "([end_ts] IS NULL AND [site_id]=(1))", "COLUMNSTORE", "PS", "ps_day", "3", "start_ts", "0", "0", "0", "1"],
            ["fact", "sample", "cci_sample", "CLUSTERED COLUMNSTORE", "0", N, "COLUMNSTORE_ARCHIVE", "PS", "ps_day", "1", "machine_id", "0", "0", "1", "0"],
            ["fact", "sample", "cci_sample", "CLUSTERED COLUMNSTORE", "0", N, "COLUMNSTORE_ARCHIVE", "PS", "ps_day", "2", "ts_utc", "0", "0", "1", "1"],
            ["fact", "sample", "cci_sample", "CLUSTERED COLUMNSTORE", "0", N, "COLUMNSTORE_ARCHIVE", "PS", "ps_day", "3", "value", "0", "0", "1", "0"],
            ["ref", "machine", "ix_machine_code", "NONCLUSTERED", "1", N, "NONE", "FG", "FG1", "1", "code", "1", "0", "0", "0"],
        ],
        "partition_functions": [
            ["pf_day", "datetime2", "8", "23", "3", "1", "1", "2026-10-01T00:00:00"],
            ["pf_day", "datetime2", "8", "23", "3", "1", "2", "2026-10-02T00:00:00.0000000"],
            ["pf_site", "int", "4", "10", "0", "0", "1", "10"],
            ["pf_site", "int", "4", "10", "0", "0", "2", "20"],
            ["pf_site", "int", "4", "10", "0", "0", "3", "30"],
        ],
        "partition_schemes": [
            ["ps_day", "pf_day", "1", "PRIMARY"],
            ["ps_day", "pf_day", "2", "PRIMARY"],
            ["ps_day", "pf_day", "3", "PRIMARY"],
            ["ps_day", "pf_day", "4", "PRIMARY"],  // NEXT USED
            ["ps_site", "pf_site", "1", "FG1"],
            ["ps_site", "pf_site", "2", "FG2"],
            ["ps_site", "pf_site", "3", "FG3"],
            ["ps_site", "pf_site", "4", "FG4"],
        ],
        "functions": [
            ["sec", "fn_site_filter", functionDefinition, "1"],
        ],
        "function_parameters": [
            ["sec", "fn_site_filter", "1", "@site_id", "smallint", "2", "5", "0"],
        ],
        "security_policies": [
            ["sec", "site_policy", "1", "1", "1", "FILTER", N, "([sec].[fn_site_filter]([site_id]))", "fact", "cycle"],
            ["sec", "site_policy", "1", "1", "2", "BLOCK", "AFTER INSERT", "([sec].[fn_site_filter]([site_id]))", "fact", "cycle"],
            ["sec", "site_policy", "1", "1", "3", "BLOCK", "BEFORE DELETE", "([sec].[fn_site_filter]([site_id]))", "fact", "cycle"],
        ],
        "descriptions": [
            ["COLUMN", "fact", "cycle", "qty", "Good units"],
            ["CONSTRAINT", "fact", "cycle", "pk_cycle", "Cycle key"],
            ["DATABASE", N, N, N, "OEE"],
            ["FUNCTION", "sec", "fn_site_filter", N, "Site filter"],
            ["INDEX", "fact", "cycle", "ix_cycle_open", "Open cycles "],
            ["PARTITION FUNCTION", N, "pf_day", N, "Daily"],
            ["PARTITION SCHEME", N, "ps_day", N, "Daily on PRIMARY"],
            ["SCHEMA", "fact", N, N, "Facts"],
            ["SECURITY POLICY", "sec", "site_policy", N, "Not written by oeedb"],
            ["TABLE", "fact", "cycle", N, "One machine cycle"],
        ],
    ]

    /// The same database declared in the DSL, as oeedb would have created it
    /// (but with the system-named default).
    static let expected = Database("oee", "OEE") {
        PartitionFunction("pf_day", .datetime2(3), .right, .days(from: "2026-10-01", count: 2), "Daily")
        PartitionFunction("pf_site", .int, .left, .values([.int(10), .int(20), .int(30)]))
        PartitionScheme("ps_day", function: "pf_day", "Daily on PRIMARY")
        PartitionScheme(name: "ps_site", function: "pf_site", filegroups: ["FG1", "FG2", "FG3", "FG4"])
        Schema("fact", "Facts") {
            Table("cycle", "One machine cycle") {
                Column("machine_id", .int)
                Column("start_ts", .datetime2(3))
                Column("cycle_id", .bigint).identity()
                Column("site_id", .smallint)
                Column("end_ts", .datetime2(3)).nullable()
                Column("qty", .int, "Good units").default("DF__cycle__qty__5EBF139D", 0)
                Column("scrap", .int)
                Column("note", .nvarchar(.max)).nullable()
                Column("total_qty", .int).computed(col("qty") + col("scrap"))
                PrimaryKey("pk_cycle", "machine_id", .desc("start_ts"), "cycle_id").describedKey("Cycle key")
                ForeignKey("fk_cycle_machine", "machine_id", references: "ref.machine", onDelete: .cascade)
                Check("ck_cycle_end_after_start", col("end_ts").isNull || col("end_ts") > col("start_ts"))
                Check("ck_cycle_qty", col("qty") >= 0)
                Index("ix_cycle_open", on: "site_id", .desc("machine_id"))
                    .including("scrap", "qty")
                    .filtered(col("end_ts").isNull)
                    .compressed(.page)
                    .described("Open cycles")
                Index.nonclusteredColumnstore("ncci_cycle_open", "machine_id", "qty")
                    .filtered(col("end_ts").isNull && col("site_id").equals(1))
            }
            .partitioned(by: "ps_day", on: "start_ts")
            .compressed(.page)
            Table("reading") {
                Column("site_id", .int)
                Column("value", .decimal(18, 2))
            }
            .partitioned(by: "ps_site", on: "site_id")
            Table("sample") {
                Column("machine_id", .int)
                Column("ts_utc", .datetime2(3))
                Column("value", .float).nullable()
                Index.clusteredColumnstore("cci_sample").compressed(.columnstoreArchive)
            }
            .partitioned(by: "ps_day", on: "ts_utc")
        }
        Schema("ref") {
            Table("machine") {
                Column("machine_id", .int).identity(seed: 1000)
                Column("code", .varchar(32))
                PrimaryKey("pk_machine", "machine_id")
                Index("ix_machine_code", on: "code", unique: true).placed(onFilegroup: "FG1")
            }
            Table("site") {
                Column("site_id", .smallint).identity()
                Column("code", .varchar(32))
                Column("name", .nvarchar(64))
                Column("owner", .sysname).nullable()
                Column("ratio", .float(mantissa: 24)).nullable()
                Column("created_utc", .datetime2(3)).default("df_site_created_utc", .fn("GETUTCDATE"))
                Column("is_active", .bit).default("df_site_is_active", true)
                PrimaryKey("pk_site", "site_id", clustered: false)
                Unique("uq_site_code", "code")
            }
            .compressed(.row)
        }
        Schema("sec") {
            InlineFunction(
                "fn_site_filter", parameters: [.init("site_id", .smallint)],
                where: param("site_id").equals(Expression.sessionContext("site_id").cast(as: .smallint)), "Site filter")
            SecurityPolicy("site_policy") {
                SecurityPredicate.filter("sec.fn_site_filter", "site_id", on: "fact.cycle")
                SecurityPredicate.block(.blockAfterInsert, "sec.fn_site_filter", "site_id", on: "fact.cycle")
                SecurityPredicate.block(.blockBeforeDelete, "sec.fn_site_filter", "site_id", on: "fact.cycle")
            }
        }
    }
}

@Suite struct InspectMappingTests {
    let dialect = SQLServerDialect()

    func model() throws -> Database {
        try dialect.model(from: RecordedCatalog.rows, databaseName: "oee")
    }

    @Test func recordedHeadersMatchTheQueries() {
        for q in CatalogSQL.Query.allCases {
            #expect(RecordedCatalog.headers[q.rawValue] == CatalogSQL.columns(q), "\(q.rawValue)")
        }
    }

    @Test func recordedRowsMatchTheDeclaredModel() throws {
        let live = try dialect.comparable(try model())
        let expected = try dialect.comparable(RecordedCatalog.expected)
        #expect(live == expected)
        #expect(DriftDetector.compare(live: live, expected: expected).items == [])
    }

    @Test func schemasAndTables() throws {
        let db = try model()
        // The empty dbo is left out; the database description is read.
        #expect(db.schemas.map(\.name) == ["fact", "ref", "sec"])
        #expect(db.description == "OEE")
        #expect(db.schema(named: "fact")?.description == "Facts")
        let cycle = try #require(db.table(QualifiedName("fact", "cycle")))
        #expect(cycle.description == "One machine cycle")
        #expect(cycle.partitioning == TableStorage(partitionScheme: "ps_day", partitionColumn: "start_ts"))
        #expect(cycle.compression == .page)
        // A heap's compression is the table's; a clustered columnstore's is its index's.
        #expect(db.table(QualifiedName("ref", "site"))?.compression == .row)
        #expect(db.table(QualifiedName("ref", "machine"))?.compression == nil)
        let sample = try #require(db.table(QualifiedName("fact", "sample")))
        #expect(sample.compression == nil)
        #expect(sample.indexes == [Index(name: "cci_sample", kind: .clusteredColumnstore, compression: .columnstoreArchive)])
    }

    @Test func columnTypesAndExpressions() throws {
        let db = try model()
        let cycle = try #require(db.table(QualifiedName("fact", "cycle")))
        let site = try #require(db.table(QualifiedName("ref", "site")))
        #expect(cycle.column(named: "note")?.type == .nvarchar(.max))
        #expect(site.column(named: "name")?.type == .nvarchar(.n(64)))
        #expect(site.column(named: "owner")?.type == .sysname)
        #expect(site.column(named: "ratio")?.type == .real)
        #expect(cycle.column(named: "start_ts")?.type == .datetime2(precision: 3))
        #expect(db.table(QualifiedName("fact", "reading"))?.column(named: "value")?.type == .decimal(precision: 18, scale: 2))
        #expect(db.table(QualifiedName("fact", "sample"))?.column(named: "value")?.type == .float)
        #expect(cycle.column(named: "cycle_id")?.identity == Identity(seed: 1, increment: 1))
        #expect(db.table(QualifiedName("ref", "machine"))?.column(named: "machine_id")?.identity == Identity(seed: 1000, increment: 1))
        // The system name is kept as SQL Server gives it; expressions are normalized.
        #expect(cycle.column(named: "qty")?.defaultConstraint == DefaultConstraint(name: "DF__cycle__qty__5EBF139D", expression: ExpressionComparison.normal("sqlserver", "0")))
        #expect(cycle.column(named: "qty")?.description == "Good units")
        #expect(site.column(named: "created_utc")?.defaultConstraint?.expression == ExpressionComparison.normal("sqlserver", "getutcdate()"))
        #expect(site.column(named: "is_active")?.defaultConstraint?.expression == ExpressionComparison.normal("sqlserver", "1"))
        #expect(cycle.column(named: "total_qty")?.computed == ComputedColumn(expression: ExpressionComparison.normal("sqlserver", "qty + scrap"), isPersisted: true))
        #expect(cycle.checks.map(\.expression) == [ExpressionComparison.normal("sqlserver", "end_ts is null or end_ts > start_ts"), ExpressionComparison.normal("sqlserver", "qty >= 0")])
    }

    @Test func keysAndForeignKeys() throws {
        let db = try model()
        let cycle = try #require(db.table(QualifiedName("fact", "cycle")))
        #expect(cycle.primaryKey == PrimaryKey(name: "pk_cycle", columns: [IndexKey("machine_id"), IndexKey("start_ts", descending: true), IndexKey("cycle_id")], isClustered: true, description: "Cycle key"))
        #expect(db.table(QualifiedName("ref", "site"))?.primaryKey?.isClustered == false)
        #expect(db.table(QualifiedName("ref", "site"))?.uniqueConstraints.map(\.name) == ["uq_site_code"])
        #expect(cycle.foreignKeys == [ForeignKey(name: "fk_cycle_machine", columns: ["machine_id"], referencedTable: QualifiedName("ref", "machine"), referencedColumns: ["machine_id"], onDelete: .cascade, onUpdate: .noAction)])
    }

    @Test func indexes() throws {
        let db = try model()
        let cycle = try #require(db.table(QualifiedName("fact", "cycle")))
        let open = try #require(cycle.indexes.first { $0.name == "ix_cycle_open" })
        #expect(open.keys == [IndexKey("site_id"), IndexKey("machine_id", descending: true)])
        #expect(open.included == ["scrap", "qty"])
        #expect(open.filter == ExpressionComparison.normal("sqlserver", "end_ts is null"))
        #expect(open.compression == .page)
        #expect(open.placement == .table)
        #expect(open.description == "Open cycles ")
        let ncci = try #require(cycle.indexes.first { $0.name == "ncci_cycle_open" })
        #expect(ncci.kind == .nonclusteredColumnstore)
        #expect(ncci.keys == [IndexKey("machine_id"), IndexKey("qty")])
        #expect(ncci.filter == ExpressionComparison.normal("sqlserver", "end_ts is null and site_id = 1"))
        #expect(ncci.compression == nil)
        let machine = try #require(db.table(QualifiedName("ref", "machine")))
        #expect(machine.indexes == [Index(name: "ix_machine_code", isUnique: true, keys: [IndexKey("code")], placement: .filegroup("FG1"))])
    }

    @Test func partitions() throws {
        let db = try model()
        #expect(db.partitionFunctions == [
            PartitionFunction(name: "pf_day", inputType: .datetime2(precision: 3), range: .right,
                              boundaries: .values([.string("2026-10-01T00:00:00", unicode: false), .string("2026-10-02T00:00:00", unicode: false)]),
                              description: "Daily"),
            PartitionFunction(name: "pf_site", inputType: .int, range: .left, boundaries: .values([.int(10), .int(20), .int(30)])),
        ])
        #expect(db.partitionSchemes == [
            PartitionScheme(name: "ps_day", function: "pf_day", filegroups: ["PRIMARY"], description: "Daily on PRIMARY"),
            PartitionScheme(name: "ps_site", function: "pf_site", filegroups: ["FG1", "FG2", "FG3", "FG4"]),
        ])
    }

    @Test func functionAndPolicy() throws {
        let sec = try #require(try model().schema(named: "sec"))
        #expect(sec.functions == [InlineFunction(
            name: "fn_site_filter", parameters: [.init(name: "site_id", type: .smallint)], resultColumn: "fn_result",
            predicate: ExpressionComparison.normal("sqlserver", "@site_id = cast(session_context(N'site_id') as smallint)"),
            isSchemaBound: true, description: "Site filter")])
        let policy = try #require(sec.securityPolicies.first)
        #expect(policy.isEnabled && policy.isSchemaBound)
        #expect(policy.description == "Not written by oeedb")
        let cycle = QualifiedName("fact", "cycle"), fn = QualifiedName("sec", "fn_site_filter")
        #expect(policy.predicates == [
            SecurityPredicate(kind: .filter, function: fn, arguments: ["site_id"], table: cycle),
            SecurityPredicate(kind: .blockAfterInsert, function: fn, arguments: ["site_id"], table: cycle),
            SecurityPredicate(kind: .blockBeforeDelete, function: fn, arguments: ["site_id"], table: cycle),
        ])
    }

    /// What the model cannot hold is reported, all of it, in one error.
    @Test func unsupportedObjectsAreListed() throws {
        var rows = RecordedCatalog.rows
        rows["columns"]!.append(["ref", "site", "legacy_ts", "8", "datetime", "8", "23", "3", "1", nil, nil, nil, nil])
        rows["key_constraints"]!.append(["ref", "machine", "uq_machine_code", "UQ", "CLUSTERED", "1", "code", "0", "0"])
        rows["indexes"]!.append(["ref", "site", "xml_site", "XML", "0", nil, "NONE", "FG", "PRIMARY", "1", "code", "0", "0", "0", "0"])
        rows["security_policies"]!.append(["sec", "site_policy", "1", "1", "4", "BLOCK", nil, "([sec].[fn_site_filter]([site_id]))", "ref", "site"])
        rows["functions"]!.append(["sec", "fn_hidden", nil, "1"])
        do {
            _ = try dialect.model(from: rows, databaseName: "oee")
            Issue.record("expected an error")
        } catch let error as RenderError {
            #expect(error.path == "catalog")
            #expect(error.message.contains("ref.site.legacy_ts: type datetime is not one the model has"), "\(error)")
            #expect(error.message.contains("ref.machine.uq_machine_code: a CLUSTERED unique constraint"), "\(error)")
            #expect(error.message.contains("ref.site.xml_site: a XML index"), "\(error)")
            #expect(error.message.contains("sec.site_policy: BLOCK predicate for all operations on ref.site"), "\(error)")
            #expect(error.message.contains("sec.fn_hidden: its definition is not visible"), "\(error)")
        }
    }

    @Test func malformedRowsNameTheQuery() {
        var rows = RecordedCatalog.rows
        rows["tables"]![0].removeLast()
        #expect(throws: RenderError("catalog query 'tables'", "row 1 has 6 values; expected 7 (schema_name, table_name, storage_type, data_space_type, data_space_name, partition_column, data_compression)")) {
            try dialect.model(from: rows, databaseName: "oee")
        }
        rows = RecordedCatalog.rows
        rows["indexes"] = nil
        #expect(throws: RenderError("catalog", "no rows for catalog query 'indexes'")) {
            try dialect.model(from: rows, databaseName: "oee")
        }
        rows = RecordedCatalog.rows
        rows["columns"]![0][5] = "four"
        #expect(throws: RenderError("catalog query 'columns'", "row 1, column max_length: 'four' is not an integer")) {
            try dialect.model(from: rows, databaseName: "oee")
        }
    }
}
