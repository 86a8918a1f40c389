import OEEDSL
import OEEDiff
import Testing
@testable import SQLServer

/// A model deployed by oeedb and read back from the catalog compares equal to
/// itself: `comparable(model(from: rows(M))) == comparable(M)`, with the rows
/// SQL Server would return for M (``SimulatedCatalog``).
@Suite struct InspectRoundTripTests {
    let dialect = SQLServerDialect()

    func roundTrip(_ model: Database) throws -> (live: Database, expected: Database) {
        let rows = try SimulatedCatalog.rows(for: model)
        let live = try dialect.comparable(try dialect.model(from: rows, databaseName: model.name))
        return (live, try dialect.comparable(model))
    }

    /// Field-by-field mismatches, so a failure says what differs.
    func differences(_ a: Database, _ b: Database) -> [String] {
        var result: [String] = []
        if a.schemas.map(\.name) != b.schemas.map(\.name) { result.append("schemas: \(a.schemas.map(\.name)) vs \(b.schemas.map(\.name))") }
        for (x, y) in zip(a.schemas, b.schemas) where x != y {
            if x.description != y.description { result.append("\(x.name) description") }
            for (t, u) in zip(x.tables, y.tables) where t != u {
                for (c, d) in zip(t.columns, u.columns) where c != d { result.append("\(x.name).\(t.name).\(c.name): \(c) vs \(d)") }
                if t.columns.count != u.columns.count { result.append("\(x.name).\(t.name) columns") }
                if t.primaryKey != u.primaryKey { result.append("\(x.name).\(t.name) pk: \(String(describing: t.primaryKey)) vs \(String(describing: u.primaryKey))") }
                if t.uniqueConstraints != u.uniqueConstraints { result.append("\(x.name).\(t.name) uniques: \(t.uniqueConstraints) vs \(u.uniqueConstraints)") }
                if t.foreignKeys != u.foreignKeys { result.append("\(x.name).\(t.name) fks: \(t.foreignKeys) vs \(u.foreignKeys)") }
                for (c, d) in zip(t.checks, u.checks) where c != d { result.append("\(x.name).\(t.name).\(c.name): \(c.expression) vs \(d.expression)") }
                for (i, j) in zip(t.indexes, u.indexes) where i != j { result.append("\(x.name).\(t.name).\(i.name): \(i) vs \(j)") }
                if t.indexes.count != u.indexes.count { result.append("\(x.name).\(t.name) indexes \(t.indexes.map(\.name)) vs \(u.indexes.map(\.name))") }
                if t.partitioning != u.partitioning || t.compression != u.compression || t.description != u.description || t.name != u.name {
                    result.append("\(x.name).\(t.name) table: \(String(describing: t.partitioning)) \(String(describing: t.compression)) vs \(String(describing: u.partitioning)) \(String(describing: u.compression))")
                }
            }
            if x.tables.map(\.name) != y.tables.map(\.name) { result.append("\(x.name) tables") }
            if x.functions != y.functions { result.append("\(x.name) functions: \(x.functions) vs \(y.functions)") }
            if x.securityPolicies != y.securityPolicies { result.append("\(x.name) policies: \(x.securityPolicies) vs \(y.securityPolicies)") }
        }
        if a.partitionFunctions != b.partitionFunctions { result.append("partition functions: \(a.partitionFunctions) vs \(b.partitionFunctions)") }
        if a.partitionSchemes != b.partitionSchemes { result.append("partition schemes: \(a.partitionSchemes) vs \(b.partitionSchemes)") }
        if a.description != b.description || a.name != b.name { result.append("database") }
        return result
    }

    func assertRoundTrip(_ model: Database, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (live, expected) = try roundTrip(model)
        #expect(differences(live, expected) == [], sourceLocation: sourceLocation)
        #expect(live == expected, sourceLocation: sourceLocation)
        // Comparable is idempotent, on both sides.
        #expect(try dialect.comparable(expected) == expected, sourceLocation: sourceLocation)
        #expect(try dialect.comparable(live) == live, sourceLocation: sourceLocation)
        // And a drift report finds nothing.
        let (items, plan) = DriftDetector.compare(live: live, expected: expected)
        #expect(items == [], sourceLocation: sourceLocation)
        #expect(plan.changes.isEmpty, sourceLocation: sourceLocation)
    }

    @Test func canonicalSchemaRoundTrips() throws {
        let canonical = try CanonicalModel.load()
        #expect(canonical.allTables.count == 30)
        try assertRoundTrip(canonical)
    }

    @Test func featureModelRoundTrips() throws {
        try assertRoundTrip(InspectFixture.model)
    }

    @Test func rendererFixtureRoundTrips() throws {
        try assertRoundTrip(Fixture.database)
    }

    /// The comparable form of the canonical schema: windows expanded, expressions normalized.
    @Test func canonicalComparableForm() throws {
        let expected = try dialect.comparable(try CanonicalModel.load())
        let day = try #require(expected.partitionFunction(named: "pf_day"))
        guard case .values(let values) = day.boundaries else { Issue.record("window not expanded"); return }
        #expect(values.count == 92)
        #expect(values.first == .string("2026-10-01T00:00:00", unicode: false))
        let downtime = try #require(expected.table(QualifiedName("fact", "downtime")))
        #expect(downtime.checks.first { $0.name == "ck_downtime_source" }?.expression == ExpressionComparison.normal("sqlserver", "source in ('A', 'I', 'M')"))
        #expect(downtime.indexes.first { $0.name == "ix_downtime_open" }?.filter == ExpressionComparison.normal("sqlserver", "end_ts is null"))
        let event = try #require(expected.table(QualifiedName("fact", "event")))
        #expect(event.column(named: "ingest_utc")?.defaultConstraint?.expression == ExpressionComparison.normal("sqlserver", "sysutcdatetime()"))
        #expect(event.checks.first?.expression == ExpressionComparison.normal("sqlserver", "payload_json is null or isjson(payload_json) > 0"))
        let fn = try #require(expected.schema(named: "sec")?.functions.first)
        #expect(fn.predicate == ExpressionComparison.normal("sqlserver", "@site_id = cast(session_context(N'site_id') as smallint) or cast(session_context(N'is_global') as bit) = 1"))
    }

    /// Drift is still seen through the normalization: a changed check, a
    /// missing index, an extra column and a moved boundary.
    @Test func realDifferencesRemain() throws {
        var live = InspectFixture.model
        live.schemas[0].tables[0].checks[0].expression = col("flag").in(["A", "B"])
        live.schemas[0].tables[1].indexes.removeLast()
        live.schemas[1].tables[0].columns.append(Column(name: "extra", type: .int, isNullable: true))
        live.partitionFunctions[0].boundaries = .days(from: "2026-10-02", count: 5)
        let rows = try SimulatedCatalog.rows(for: live)
        let inspected = try dialect.comparable(try dialect.model(from: rows, databaseName: "oee"))
        let expected = try dialect.comparable(InspectFixture.model)
        let (items, _) = DriftDetector.compare(live: inspected, expected: expected)
        let summary = items.map { "\($0.path): \($0.kind)" }.sorted()
        #expect(summary == [
            "fact.cycle.extra: extra column",
            "pf_day: extra partition boundary",
            "pf_day: missing partition boundary",
            "ref.machine.ix_machine_site: missing index",
            "ref.site.ck_site_flag: changed check",
        ])
    }

    /// A system-named default where the model names it is drift, reported once.
    @Test func systemNamedDefaultIsOneDriftItem() throws {
        var live = InspectFixture.model
        live.schemas[1].tables[0].columns[6].defaultConstraint?.name = "DF__cycle__good_qty__5EBF139D"
        let rows = try SimulatedCatalog.rows(for: live)
        let inspected = try dialect.comparable(try dialect.model(from: rows, databaseName: "oee"))
        let (items, plan) = DriftDetector.compare(live: inspected, expected: try dialect.comparable(InspectFixture.model))
        #expect(items.map(\.path) == ["fact.cycle.good_qty"])
        #expect(items.first?.kind == "changed default name")
        #expect(items.first?.expected == "df_cycle_good_qty" && items.first?.actual == "DF__cycle__good_qty__5EBF139D")
        // The plan renames nothing by guesswork: it drops the system-named default and adds the named one.
        let sql = try dialect.render(plan).batches.map(\.sql)
        #expect(sql == [
            "ALTER TABLE [fact].[cycle] DROP CONSTRAINT [DF__cycle__good_qty__5EBF139D];",
            "ALTER TABLE [fact].[cycle] ADD CONSTRAINT [df_cycle_good_qty] DEFAULT (0) FOR [good_qty];",
        ])
    }
}
