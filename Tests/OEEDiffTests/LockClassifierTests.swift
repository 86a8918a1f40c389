import Testing
import OEEDSL
@testable import OEEDiff

/// Each classification rule of `oeedb plan`, on a 5,000,000-row table.
@Suite struct LockClassifierTests {
    static let q = QualifiedName("fact", "cycle")
    static let table = Table("cycle", "Cycles") {
        Column("cycle_id", .int)
        Column("machine_id", .int)
        Column("qty", .int)
        Column("note", .varchar(.n(20))).nullable()
        PrimaryKey("pk_cycle", "cycle_id")
        Index("ix_cycle_machine", on: "machine_id")
    }
    static let compressedTable = Table("cycle", "Cycles") {
        Column("cycle_id", .int)
        Column("qty", .int)
        PrimaryKey("pk_cycle", "cycle_id")
        Index("ix_cycle_x", on: "cycle_id").compressed(.page)
    }.compressed(.page)
    static let sizes = [q: TableSize(rows: 5_000_000, bytes: 1 << 30)]

    static let enterprise = ServerProfile(engine: .sqlserver, engineEdition: 3, majorVersion: 16)
    static let standard = ServerProfile(engine: .sqlserver, engineEdition: 2, majorVersion: 16)
    static let azure = ServerProfile(engine: .sqlserver, engineEdition: 5, majorVersion: 12)
    static let postgres = ServerProfile(engine: .postgres, majorVersion: 15)

    func step(_ change: SchemaChange, _ profile: ServerProfile, table: Table = table) throws -> LockStep {
        let db = Database("oee") { Schema("fact") { table } }
        let plan = MigrationPlan(from: db, to: db, changes: [change])
        return try #require(LockClassifier.classify(plan, migration: "V0002__x", profile: profile, sizes: Self.sizes).first)
    }

    func expectStep(_ s: LockStep, _ cls: LockClass, blocking: Bool, rule: LockRule, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(s.class == cls, sourceLocation: sourceLocation)
        #expect(s.blocking == blocking, sourceLocation: sourceLocation)
        #expect(s.rule == rule.rawValue, sourceLocation: sourceLocation)
        #expect(s.rows == (cls == .metadata ? 0 : 5_000_000), sourceLocation: sourceLocation)
        #expect(s.table == "fact.cycle", sourceLocation: sourceLocation)
    }

    static let notNullWithDefault = Column("shift", .int).default("df_cycle_shift", 0)

    @Test func notNullColumnWithConstantDefaultIsMetadataOnEnterpriseOnly() throws {
        expectStep(try step(.addColumn(Self.q, Self.notNullWithDefault), Self.enterprise), .metadata, blocking: false, rule: .ssAddDefaultColumnEnterprise)
        expectStep(try step(.addColumn(Self.q, Self.notNullWithDefault), Self.azure), .metadata, blocking: false, rule: .ssAddDefaultColumnEnterprise)
        expectStep(try step(.addColumn(Self.q, Self.notNullWithDefault), Self.standard), .rewrite, blocking: true, rule: .ssAddDefaultColumnStandard)
        let newid = Column("token", .uniqueidentifier).default("df_cycle_token", .fn("NEWID"))
        expectStep(try step(.addColumn(Self.q, newid), Self.enterprise), .rewrite, blocking: true, rule: .ssAddDefaultColumnStandard)
    }

    @Test func nullableColumnIsMetadata() throws {
        expectStep(try step(.addColumn(Self.q, Column("x", .int).nullable()), Self.standard), .metadata, blocking: false, rule: .ssAddNullableColumn)
        expectStep(try step(.addColumn(Self.q, Column("x", .int).nullable()), Self.postgres), .metadata, blocking: false, rule: .pgAddColumn)
    }

    @Test func lengtheningVarcharIsMetadata() throws {
        let from = Column("note", .varchar(.n(20))).nullable(), to = Column("note", .varchar(.n(200))).nullable()
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.standard), .metadata, blocking: false, rule: .ssLengthenText)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.postgres), .metadata, blocking: false, rule: .pgBinaryCoercible)
    }

    @Test func intToBigintRewritesUnlessEveryIndexIsCompressed() throws {
        let from = Column("qty", .int), to = Column("qty", .bigint)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.enterprise), .rewrite, blocking: true, rule: .ssTypeChange)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.enterprise, table: Self.compressedTable), .metadata, blocking: false, rule: .ssIntToBigintCompressed)
        // SQL Server 2014 (12) predates the rule.
        let old = ServerProfile(engine: .sqlserver, engineEdition: 3, majorVersion: 12)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), old, table: Self.compressedTable), .rewrite, blocking: true, rule: .ssTypeChange)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.postgres), .rewrite, blocking: true, rule: .pgTypeRewrite)
    }

    @Test func lengtheningAnIndexedColumnNeedsTheIndexRebuilt() throws {
        var t = Self.table
        t.indexes.append(Index("ix_cycle_note", on: "note"))
        let from = Column("note", .varchar(.n(20))).nullable(), to = Column("note", .varchar(.n(200))).nullable()
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.enterprise, table: t), .rewrite, blocking: true, rule: .ssColumnInIndex)
    }

    @Test func settingNotNullScans() throws {
        let from = Column("note", .varchar(.n(20))).nullable(), to = Column("note", .varchar(.n(20)))
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.enterprise), .scan, blocking: true, rule: .ssSetNotNull)
        expectStep(try step(.alterColumn(Self.q, from: from, to: to), Self.postgres), .scan, blocking: true, rule: .pgSetNotNull)
        expectStep(try step(.alterColumn(Self.q, from: to, to: from), Self.postgres), .metadata, blocking: false, rule: .pgDropNotNull)
    }

    @Test func indexBuildsAreOnlineWhereTheEditionAllows() throws {
        let ix = Index("ix_cycle_qty", on: "qty")
        expectStep(try step(.createIndex(Self.q, ix), Self.enterprise), .rewrite, blocking: false, rule: .ssIndexOnline)
        expectStep(try step(.createIndex(Self.q, ix), Self.azure), .rewrite, blocking: false, rule: .ssIndexOnline)
        expectStep(try step(.createIndex(Self.q, ix), Self.standard), .rewrite, blocking: true, rule: .ssIndexOffline)
        expectStep(try step(.createIndex(Self.q, ix), Self.postgres), .rewrite, blocking: false, rule: .pgIndexConcurrently)
    }

    @Test func foreignKeysAndChecks() throws {
        let fk = ForeignKey("fk_cycle_machine", "machine_id", references: "ref.machine")
        expectStep(try step(.addForeignKey(Self.q, fk), Self.enterprise), .scan, blocking: true, rule: .ssValidatingConstraint)
        expectStep(try step(.addForeignKey(Self.q, fk), Self.postgres), .scan, blocking: false, rule: .pgNotValidValidate)
        let ck = CheckConstraint("ck_cycle_qty", col("qty") >= 0)
        expectStep(try step(.addCheck(Self.q, ck), Self.postgres), .scan, blocking: false, rule: .pgNotValidValidate)
    }

    @Test func changesOnATableCreatedInTheSameMigrationAreMetadata() throws {
        let db = Database("oee") { Schema("fact") { Self.table } }
        let plan = MigrationPlan(from: Database(name: "oee"), to: db, changes: [.createTable(Self.q, Self.table), .createIndex(Self.q, Self.table.indexes[0])])
        let steps = LockClassifier.classify(plan, migration: "V0001__baseline", profile: Self.standard, sizes: Self.sizes)
        #expect(steps.map(\.class) == [.metadata, .metadata])
        #expect(steps.allSatisfy { !$0.blocking && $0.rule == LockRule.newTable.rawValue })
    }

    @Test func everyRuleNamesItsSource() {
        for rule in LockRule.allCases { #expect(rule.source.contains("https://") || rule == .catalogOnly || rule == .newTable, "\(rule)") }
    }
}
