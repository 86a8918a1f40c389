import Testing
import OEEDSL

/// One failing model per validation rule; each asserts the message names the object.
@Suite struct ValidationTests {
    /// The single error (or warning) a broken model produces.
    func findings(_ db: Database, severity: Diagnostic.Severity = .error) -> [String] {
        ModelValidator.validate(db).filter { $0.severity == severity }.map(\.description)
    }

    @Test func fixtureIsClean() {
        #expect(ModelValidator.validate(Fixtures.valid).isEmpty)
    }

    @Test func duplicateColumn() {
        let db = Fixtures.editing("ref", "site") { $0.columns.append(Column("code", .int)) }
        #expect(findings(db) == ["ref.site: duplicate column 'code' in table ref.site"])
    }

    @Test func duplicateConstraintAcrossTablesOfASchema() {
        let db = Fixtures.editing("ref", "machine") { $0.checks.append(Check("pk_site", col("machine_id") > 0)) }
        #expect(findings(db) == ["ref: duplicate constraint 'pk_site' in schema ref"])
    }

    @Test func duplicateTableAndIndexNames() {
        var db = Fixtures.valid
        db.schemas[0].tables.append(Table("site", "again") { Column("x", .int) })
        #expect(findings(db).contains("ref: duplicate table 'site' in schema ref"))
        let idx = Fixtures.editing("fact", "cycle") { $0.indexes.append(Index("pk_cycle", on: "site_id")) }
        #expect(findings(idx) == ["fact.cycle: duplicate index 'pk_cycle' (also used by a primary key) in the indexes of fact.cycle"])
    }

    @Test func duplicateSchema() {
        var db = Fixtures.valid
        db.schemas.append(Schema("REF", "dup") {})
        #expect(findings(db) == ["plant: duplicate schema 'REF' in the database"])
    }

    @Test func missingColumnInIndexKeyIncludeAndFilter() {
        let key = Fixtures.editing("fact", "cycle") { $0.indexes.append(Index("ix_x", on: "foo")) }
        #expect(findings(key) == ["fact.cycle: index ix_x references missing column 'foo'"])
        let inc = Fixtures.editing("fact", "cycle") { $0.indexes[0].included.append("bar") }
        #expect(findings(inc) == ["fact.cycle: index ix_cycle_open INCLUDE references missing column 'bar'"])
        let filter = Fixtures.editing("fact", "cycle") { $0.indexes[0].filter = col("baz").isNotNull }
        #expect(findings(filter) == ["fact.cycle: index ix_cycle_open filter references missing column 'baz'"])
    }

    @Test func foreignKeyToMissingSchemaTableOrColumn() {
        let schema = Fixtures.editing("ref", "machine") { $0.foreignKeys[0].referencedTable = QualifiedName("nope", "site") }
        #expect(findings(schema) == ["ref.machine: foreign key fk_machine_site references missing schema 'nope'"])
        let table = Fixtures.editing("ref", "machine") { $0.foreignKeys[0].referencedTable = QualifiedName("ref", "plant") }
        #expect(findings(table) == ["ref.machine: foreign key fk_machine_site references missing table 'ref.plant'"])
        let column = Fixtures.editing("ref", "machine") { $0.foreignKeys[0].referencedColumns = ["id"] }
        #expect(findings(column) == ["ref.machine: foreign key fk_machine_site references missing column 'id' of ref.site"])
        let local = Fixtures.editing("ref", "machine") { $0.foreignKeys[0].columns = ["sitee_id"] }
        #expect(findings(local) == ["ref.machine: foreign key fk_machine_site references missing column 'sitee_id'"])
    }

    @Test func foreignKeyColumnCountAndTypeMismatch() {
        let count = Fixtures.editing("ref", "machine") { $0.foreignKeys[0].referencedColumns = ["site_id", "code"] }
        #expect(findings(count) == ["ref.machine: foreign key fk_machine_site has 1 column(s) but references 2 column(s) of ref.site"])
        let type = Fixtures.editing("ref", "machine") { $0.columns[1].type = .int }
        #expect(findings(type) == ["ref.machine: foreign key fk_machine_site column 'site_id' is int but ref.site.site_id is smallint; the types must match",
                                   "fact.cycle: foreign key fk_cycle_machine column 'site_id' is smallint but ref.machine.site_id is int; the types must match"])
    }

    @Test func foreignKeyMustReferenceAKey() {
        let db = Fixtures.editing("fact", "cycle") { $0.foreignKeys[0].referencedColumns = ["machine_id", "site_id"]; $0.foreignKeys[0].columns = ["machine_id", "site_id"] }
        #expect(findings(db).isEmpty)
        var noKey = Fixtures.valid
        noKey.schemas[0].tables[1].uniqueConstraints = []
        #expect(findings(noKey) == ["fact.cycle: foreign key fk_cycle_machine references (machine_id, site_id) of ref.machine, which is not its primary key or a unique key; add a unique constraint on those columns"])
    }

    @Test func partitionedTableKeysMustIncludePartitionColumn() {
        let pk = Fixtures.editing("fact", "cycle") { $0.primaryKey = PrimaryKey("pk_cycle", "machine_id", "cycle_id") }
        #expect(findings(pk) == ["fact.cycle: primary key pk_cycle does not include partition column 'start_ts'; a clustered index on a partitioned table must include it"])
        let unique = Fixtures.editing("fact", "cycle") { $0.indexes.append(Index("ix_u", on: "cycle_id", unique: true)) }
        #expect(findings(unique) == ["fact.cycle: index ix_u does not include partition column 'start_ts'; a unique index on a partitioned table must include it"])
    }

    @Test func unalignedIndexWarnsUnlessOptedOut() {
        let db = Fixtures.editing("fact", "cycle") { $0.indexes.append(Index("ix_fg", on: "site_id").placed(onFilegroup: "PRIMARY")) }
        #expect(findings(db).isEmpty)
        #expect(findings(db, severity: .warning) == ["fact.cycle: index ix_fg is not aligned with partition scheme ps_month(start_ts); it blocks partition SWITCH and TRUNCATE … WITH (PARTITIONS). Mark it allowsUnaligned if intended"])
        let optedOut = Fixtures.editing("fact", "cycle") { $0.indexes.append(Index("ix_fg", on: "site_id").placed(onFilegroup: "PRIMARY").allowingUnaligned()) }
        #expect(ModelValidator.validate(optedOut).isEmpty)
    }

    @Test func partitionReferencesMustResolve() {
        let scheme = Fixtures.editing("fact", "cycle") { $0.partitioning = TableStorage(partitionScheme: "ps_day", partitionColumn: "start_ts") }
        #expect(findings(scheme) == ["fact.cycle: table references missing partition scheme 'ps_day'"])
        let column = Fixtures.editing("fact", "cycle") { $0.partitioning = TableStorage(partitionScheme: "ps_month", partitionColumn: "ts") }
        #expect(findings(column).contains("fact.cycle: table references missing partition column 'ts'"))
        var function = Fixtures.valid
        function.partitionSchemes[0].function = "pf_week"
        #expect(findings(function) == ["ps_month: partition scheme references missing partition function 'pf_week'"])
        let type = Fixtures.editing("fact", "cycle") { $0.columns[2].type = .datetime2(precision: 0) }
        #expect(findings(type) == ["fact.cycle: table partition column 'start_ts' is datetime2(0) but partition function pf_month takes datetime2(3); the types must match"])
    }

    @Test func boundariesMustParseAndAscend() {
        var db = Fixtures.valid
        db.partitionFunctions[0].boundaries = .values([.string("2026-01-01", unicode: false), .string("2026-13-01", unicode: false)])
        #expect(findings(db) == ["pf_month: boundary 2 ('2026-13-01') does not parse as datetime2(3)"])
        db.partitionFunctions[0].boundaries = .values([.string("2026-02-01", unicode: false), .string("2026-01-01T00:00:00", unicode: false)])
        #expect(findings(db) == ["pf_month: boundary 2 ('2026-01-01T00:00:00') is not greater than the one before it; boundaries must be strictly ascending"])
        db.partitionFunctions[0].boundaries = .window(start: "2026-1-1", unit: .month, count: 3)
        #expect(findings(db) == ["pf_month: partition window start '2026-1-1' is not a date (YYYY-MM-DD)"])
        var ints = Fixtures.valid
        ints.partitionFunctions.append(PartitionFunction("pf_int", .int, .left, .values([.int(10), .int(10)])))
        #expect(findings(ints) == ["pf_int: boundary 2 (10) is not greater than the one before it; boundaries must be strictly ascending"])
    }

    @Test func filteredPredicateRejectsFunctionsAndNonConstants() {
        let fn = Fixtures.editing("fact", "cycle") { $0.indexes[0].filter = col("start_ts") >= .sysUTCDateTime }
        #expect(findings(fn) == ["fact.cycle: index ix_cycle_open filter calls function SYSUTCDATETIME(); a filtered index allows only 'column op constant', IS [NOT] NULL and IN, joined by AND"])
        let nonConstant = Fixtures.editing("fact", "cycle") { $0.indexes[0].filter = col("end_ts") > col("start_ts") }
        #expect(findings(nonConstant) == ["fact.cycle: index ix_cycle_open filter compares a non-constant (only 'column op constant' is allowed); a filtered index allows only 'column op constant', IS [NOT] NULL and IN, joined by AND"])
        let ok = Fixtures.editing("fact", "cycle") { $0.indexes[0].filter = col("end_ts").isNull && col("good_qty").in([1, 2]) && col("start_ts") >= "2026-01-01" }
        #expect(findings(ok).isEmpty)
        let or = Fixtures.editing("fact", "cycle") { $0.indexes[0].filter = col("end_ts").isNull || col("good_qty") > 0 }
        #expect(findings(or) == ["fact.cycle: index ix_cycle_open filter uses OR (only AND is allowed; use column IN (…) for alternatives); a filtered index allows only 'column op constant', IS [NOT] NULL and IN, joined by AND"])
        let compression = Fixtures.editing("fact", "cycle") { $0.compression = .columnstore }
        #expect(findings(compression) == ["fact.cycle: table compression COLUMNSTORE applies only to columnstore indexes; use NONE, ROW or PAGE, or declare a clustered columnstore index"])
    }

    @Test func atMostOneClusteredIndex() {
        let db = Fixtures.editing("fact", "cycle") { $0.indexes.append(.clusteredColumnstore("cci_cycle")) }
        #expect(findings(db) == ["fact.cycle: table has 2 clustered indexes (pk_cycle, cci_cycle); at most one clustered index or clustered columnstore is allowed"])
    }

    @Test func identifiersOver128Characters() {
        let long = String(repeating: "x", count: 129)
        let db = Fixtures.editing("ref", "site") { $0.columns.append(Column(long, .int)) }
        #expect(findings(db) == [
            "sqlserver: ref.site: column name '\(long.prefix(24))…' is 129 characters; SQL Server allows at most 128 characters",
            "postgres: ref.site: column name '\(long.prefix(24))…' is 129 bytes; PostgreSQL truncates at 63 bytes",
        ])
    }

    @Test func typeRanges() {
        let decimal = Fixtures.editing("ref", "site") { $0.columns.append(Column("d", .decimal(precision: 39, scale: 2))) }
        #expect(findings(decimal) == ["ref.site: column 'd' has decimal precision 39; it must be 1 to 38"])
        let scale = Fixtures.editing("ref", "site") { $0.columns.append(Column("d", .decimal(precision: 5, scale: 6))) }
        #expect(findings(scale) == ["ref.site: column 'd' has decimal scale 6; it must be 0 to the precision (5)"])
        let nvarchar = Fixtures.editing("ref", "site") { $0.columns.append(Column("n", .nvarchar(.n(4001)))) }
        #expect(findings(nvarchar) == ["ref.site: column 'n' has length 4001; nvarchar allows 1 to 4000, or max"])
        let varchar = Fixtures.editing("ref", "site") { $0.columns.append(Column("v", .varbinary(.n(8001)))) }
        #expect(findings(varchar) == ["ref.site: column 'v' has length 8001; varbinary allows 1 to 8000, or max"])
        let okMax = Fixtures.editing("ref", "site") { $0.columns.append(Column("v", .varchar(.max)).nullable()) }
        #expect(findings(okMax).isEmpty)
        let time = Fixtures.editing("ref", "site") { $0.columns.append(Column("t", .datetime2(precision: 8))) }
        #expect(findings(time) == ["ref.site: column 't' has fractional-second precision 8; it must be 0 to 7"])
    }

    @Test func securityPolicyReferences() {
        var db = Fixtures.valid
        db.schemas[2].securityPolicies[0].predicates.append(.filter("sec.fn_site_filter", "site_id", on: "ref.nothing"))
        db.schemas[2].securityPolicies[0].predicates.append(.filter("sec.fn_missing", "site_id", on: "ref.machine"))
        db.schemas[2].securityPolicies[0].predicates.append(.block(.blockAfterUpdate, "sec.fn_site_filter", "machine_id", on: "fact.cycle"))
        #expect(findings(db) == [
            "sec.site_policy: filter predicate on ref.nothing targets missing table 'ref.nothing'",
            "sec.site_policy: filter predicate on ref.machine references missing function 'sec.fn_missing'",
            "sec.site_policy: block after update predicate on fact.cycle binds column 'machine_id' (int) to parameter @site_id (smallint); the types must match",
        ])
    }

    @Test func functionParametersMustBeDeclared() {
        var db = Fixtures.valid
        db.schemas[2].functions[0].predicate = param("tenant").equals(1)
        #expect(findings(db) == ["sec.fn_site_filter: predicate references undeclared parameter '@tenant'"])
    }

    @Test func allErrorsAreReportedAtOnce() {
        let db = Fixtures.editing("ref", "site") {
            $0.columns.append(Column("d", .decimal(precision: 40, scale: 0)))
            $0.indexes.append(Index("ix_a", on: "missing_a"))
            $0.checks.append(Check("ck_b", col("missing_b") > 0))
        }
        #expect(findings(db).count == 3)
    }

    @Test func identityAndPrimaryKeyColumnRules() {
        let identity = Fixtures.editing("ref", "site") { $0.columns[1] = Column("code", .varchar(.n(32))).identity() }
        #expect(findings(identity) == ["ref.site: column 'code' is an identity of type varchar(32); identity needs an integer type or decimal(p,0)",
                                       "ref.site: table has more than one identity column"])
        let nullablePK = Fixtures.editing("ref", "site") { $0.columns[0] = Column("site_id", .smallint).nullable() }
        #expect(findings(nullablePK) == ["ref.site: primary key pk_site column 'site_id' is nullable; primary key columns must be NOT NULL"])
    }
}
