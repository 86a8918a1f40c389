import Testing
import OEEModel
@testable import OEESchema

/// The canonical OEE schema: validates cleanly and keeps the spec's promises
/// (tables, documentation, partitioning, row-level security, naming).
@Suite struct CanonicalSchemaTests {
    let db = OEESchema.database

    /// Every table of the spec (`/work/shared/reference/oee-schema.md`), qualified.
    static let expectedTables: Set<String> = [
        "ref.enterprise", "ref.site", "ref.area", "ref.line", "ref.machine",
        "ref.product", "ref.recipe", "ref.machine_recipe_standard",
        "ref.shift_pattern", "ref.shift_definition", "ref.shift_break", "ref.shift_instance",
        "ref.calendar_exception", "ref.loss_bucket", "ref.reason_code", "ref.state_code", "ref.event_type",
        "fact.event", "fact.job_run", "fact.cycle", "fact.production_count", "fact.downtime", "fact.reject",
        "agg.rollup_hour", "agg.rollup_hour_loss", "agg.rollup_shift", "agg.rollup_day", "agg.rollup_watermark",
        "sec.app_user", "sec.user_site",
    ]

    /// The spec's time-series tables and the scheme(column) each lives on.
    static let expectedPartitioning: [String: (scheme: String, column: String)] = [
        "fact.event": ("ps_day", "ts_utc"),
        "fact.cycle": ("ps_month", "start_ts"),
        "fact.downtime": ("ps_month", "start_ts"),
        "fact.production_count": ("ps_month", "bucket_start_utc"),
        "fact.reject": ("ps_month", "ts_utc"),
        "agg.rollup_hour": ("ps_month", "bucket_start_utc"),
        "agg.rollup_hour_loss": ("ps_month", "bucket_start_utc"),
    ]

    func isBlank(_ text: String?) -> Bool {
        (text ?? "").allSatisfy(\.isWhitespace)
    }

    @Test func validatesWithoutErrorsOrWarnings() {
        let diagnostics = ModelValidator.validate(db)
        #expect(diagnostics.isEmpty, "\(diagnostics.map { "\($0.severity.rawValue): \($0) [\($0.rule)]" }.joined(separator: "\n"))")
    }

    @Test func databaseIsNamedOEE() {
        #expect(db.name == "oee")
        #expect(db.schemas.map(\.name) == ["ref", "fact", "agg", "sec"])
    }

    @Test func tableSetMatchesTheSpec() {
        let actual = Set(db.allTables.map(\.name.description))
        #expect(actual.subtracting(Self.expectedTables).isEmpty, "unexpected tables: \(actual.subtracting(Self.expectedTables).sorted())")
        #expect(Self.expectedTables.subtracting(actual).isEmpty, "missing tables: \(Self.expectedTables.subtracting(actual).sorted())")
        #expect(db.allTables.count == Self.expectedTables.count, "a table is declared twice")
    }

    @Test func everySchemaTableAndColumnIsDescribed() {
        var missing: [String] = []
        if isBlank(db.description) { missing.append("database \(db.name)") }
        for schema in db.schemas where isBlank(schema.description) { missing.append("schema \(schema.name)") }
        for (name, table) in db.allTables {
            if isBlank(table.description) { missing.append("table \(name)") }
            for column in table.columns where isBlank(column.description) { missing.append("column \(name).\(column.name)") }
        }
        #expect(missing.isEmpty, "undescribed: \(missing.joined(separator: ", "))")
    }

    @Test func indexesPartitionObjectsFunctionsAndPoliciesAreDescribed() {
        var missing: [String] = []
        for (name, table) in db.allTables {
            for index in table.indexes where isBlank(index.description) { missing.append("index \(name).\(index.name)") }
        }
        for pf in db.partitionFunctions where isBlank(pf.description) { missing.append("partition function \(pf.name)") }
        for ps in db.partitionSchemes where isBlank(ps.description) { missing.append("partition scheme \(ps.name)") }
        for schema in db.schemas {
            for f in schema.functions where isBlank(f.description) { missing.append("function \(schema.name).\(f.name)") }
            for p in schema.securityPolicies where isBlank(p.description) { missing.append("policy \(schema.name).\(p.name)") }
        }
        #expect(missing.isEmpty, "undescribed: \(missing.joined(separator: ", "))")
    }

    @Test func timeSeriesTablesArePartitionedAsTheSpecSays() {
        for (name, expected) in Self.expectedPartitioning {
            let table = db.table(QualifiedName(parsing: name))
            #expect(table?.partitioning?.partitionScheme == expected.scheme, "\(name) should be on \(expected.scheme)")
            #expect(table?.partitioning?.partitionColumn == expected.column, "\(name) should be partitioned by \(expected.column)")
            if let column = table?.column(named: expected.column) {
                #expect(column.type == .datetime2(3), "\(name).\(expected.column) must be datetime2(3) to match the partition function")
            }
        }
        let partitioned = Set(db.allTables.filter { $0.table.partitioning != nil }.map(\.name.description))
        #expect(partitioned == Set(Self.expectedPartitioning.keys))
    }

    @Test func factTablesClusterOnMachineTimeAndIdAndArePageCompressed() {
        let clusteredKeys: [String: [String]] = [
            "fact.event": ["machine_id", "ts_utc", "event_id"],
            "fact.job_run": ["machine_id", "start_utc", "job_run_id"],
            "fact.cycle": ["machine_id", "start_ts", "cycle_id"],
            "fact.production_count": ["machine_id", "bucket_start_utc", "recipe_id"],
            "fact.downtime": ["machine_id", "start_ts", "dt_id"],
            "fact.reject": ["machine_id", "ts_utc", "reject_id"],
        ]
        for (name, keys) in clusteredKeys {
            let table = db.table(QualifiedName(parsing: name))
            #expect(table?.primaryKey?.isClustered == true, "\(name) primary key should be clustered")
            #expect(table?.primaryKey?.columns.map(\.column) == keys, "\(name) clustered primary key")
            #expect(table?.compression == .page, "\(name) should be page-compressed")
        }
        let rollupHour = db.table(QualifiedName("agg", "rollup_hour"))
        #expect(rollupHour?.indexes.contains { $0.kind == .clusteredColumnstore } == true)
        #expect(rollupHour?.primaryKey?.isClustered == false)
        #expect(rollupHour?.primaryKey?.columns.map(\.column) == ["machine_id", "bucket_start_utc"])
    }

    @Test func requiredFilteredIndexes() throws {
        let downtime = try #require(db.table(QualifiedName("fact", "downtime")))
        let open = try #require(downtime.indexes.first { $0.name == "ix_downtime_open" })
        #expect(open.keys.map(\.column) == ["site_id", "machine_id"])
        #expect(open.included == ["reason_code_id", "loss_bucket_id"])
        #expect(open.filter == .isNull(.column("end_ts"), negated: false))

        let event = try #require(db.table(QualifiedName("fact", "event")))
        let hot = try #require(event.indexes.first { $0.name == "ix_event_hot_window" })
        #expect(hot.keys.map(\.column) == ["machine_id", "event_type", "ts_utc"])
        #expect(hot.included == ["state_code", "value_num"])
        #expect(hot.filter == .binary(lhs: .column("ts_utc"), op: .greaterOrEqual, rhs: .literal(.string("2026-11-01T00:00:00", unicode: false))))
    }

    @Test func everySiteScopedTableHasFilterAndBlockPredicates() throws {
        let policy = try #require(db.schema(named: "sec")?.securityPolicies.first { $0.name == "site_policy" })
        #expect(policy.isEnabled)
        let siteScoped = db.allTables.filter { entry in
            guard let c = entry.table.column(named: "site_id") else { return false }
            return c.type == .smallint && !c.isNullable
        }.map(\.name).filter { $0 != QualifiedName("sec", "user_site") }
        #expect(siteScoped.contains(QualifiedName("ref", "site")))
        #expect(siteScoped.count >= 20)
        let function = QualifiedName("sec", "fn_site_filter")
        for table in siteScoped {
            for kind in [SecurityPredicate.Kind.filter, .blockAfterInsert, .blockAfterUpdate] {
                #expect(policy.predicates.contains { $0.table == table && $0.kind == kind && $0.function == function && $0.arguments == ["site_id"] },
                        "\(table) lacks a \(kind.rawValue) predicate")
            }
        }
        // Nothing else is covered: not sec.user_site, not tables without a NOT NULL site_id.
        #expect(Set(policy.predicates.map(\.table)) == Set(siteScoped))
        #expect(policy.predicates.count == siteScoped.count * 3)
    }

    @Test func siteFilterFunctionShape() throws {
        let fn = try #require(db.schema(named: "sec")?.functions.first { $0.name == "fn_site_filter" })
        #expect(fn.isSchemaBound)
        #expect(fn.parameters == [InlineFunction.Parameter(name: "site_id", type: .smallint)])
        #expect(fn.resultColumn == "fn_result")
        #expect(fn.predicate.calledFunctions == ["SESSION_CONTEXT"])
    }

    @Test func partitionWindows() throws {
        let day = try #require(db.partitionFunction(named: "pf_day"))
        #expect(day.inputType == .datetime2(3) && day.range == .right)
        #expect(day.boundaryValues.count == 92)
        #expect(day.boundaryValues.first == .string("2026-10-01T00:00:00", unicode: false))
        #expect(day.boundaryValues.last == .string("2026-12-31T00:00:00", unicode: false))

        let month = try #require(db.partitionFunction(named: "pf_month"))
        #expect(month.inputType == .datetime2(3) && month.range == .right)
        #expect(month.boundaryValues.count == 25)
        #expect(month.boundaryValues.first == .string("2025-01-01T00:00:00", unicode: false))
        #expect(month.boundaryValues.last == .string("2027-01-01T00:00:00", unicode: false))

        #expect(db.partitionScheme(named: "ps_day")?.function == "pf_day")
        #expect(db.partitionScheme(named: "ps_month")?.function == "pf_month")
    }

    @Test func constraintAndIndexNamesFollowTheConvention() {
        var bad: [String] = []
        for (name, table) in db.allTables {
            for c in table.constraintNames where c.wholeMatch(of: #/(pk|uq|fk|df|ck)_[a-z0-9_]+/#) == nil {
                bad.append("\(name) constraint \(c)")
            }
            for i in table.indexes where i.name.wholeMatch(of: #/(ix|cci|ncci|uix)_[a-z0-9_]+/#) == nil {
                bad.append("\(name) index \(i.name)")
            }
            // Each name starts with its kind's prefix and the table's own name.
            if let pk = table.primaryKey, pk.name != "pk_\(table.name)" { bad.append("\(name) primary key \(pk.name)") }
            for u in table.uniqueConstraints where !u.name.hasPrefix("uq_\(table.name)_") { bad.append("\(name) unique \(u.name)") }
            for f in table.foreignKeys where !f.name.hasPrefix("fk_\(table.name)_") { bad.append("\(name) foreign key \(f.name)") }
            for c in table.checks where !c.name.hasPrefix("ck_\(table.name)_") { bad.append("\(name) check \(c.name)") }
            for col in table.columns {
                if let d = col.defaultConstraint, d.name != "df_\(table.name)_\(col.name)" { bad.append("\(name) default \(d.name)") }
            }
        }
        #expect(bad.isEmpty, "off-convention names: \(bad.joined(separator: ", "))")
    }

    @Test func timestampsAreUTCDatetime2AndNamedSo() {
        var bad: [String] = []
        for (name, table) in db.allTables {
            for c in table.columns {
                switch c.type {
                case .datetime2(3), .datetime2(0):
                    if !(c.name.hasSuffix("_utc") || c.name.hasSuffix("_ts")) { bad.append("\(name).\(c.name) is \(c.type) but not named *_utc / *_ts") }
                case .datetime2, .datetimeoffset:
                    bad.append("\(name).\(c.name) is \(c.type); use datetime2(3) or datetime2(0) UTC")
                default:
                    if c.name.hasSuffix("_utc") || c.name.hasSuffix("_ts") { bad.append("\(name).\(c.name) is named as a timestamp but is \(c.type)") }
                }
            }
        }
        #expect(bad.isEmpty, "\(bad.joined(separator: "; "))")
    }

    @Test func fixedCodeLookupsHaveNoIdentity() {
        for (table, key) in [("loss_bucket", "loss_bucket_id"), ("state_code", "state_code"), ("event_type", "event_type")] {
            let column = db.table(QualifiedName("ref", table))?.column(named: key)
            #expect(column != nil && column?.identity == nil, "ref.\(table).\(key) is a seeded code and must not be an identity")
        }
    }
}
