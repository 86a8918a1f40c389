import OEEModel

/// What a statement costs a table that is written every second.
public enum LockClass: String, Hashable, Sendable, Codable, Comparable {
    /// Catalog-only: the lock is held for milliseconds, whatever the size.
    case metadata
    /// Reads every row to validate it (NOT NULL, CHECK, FOREIGN KEY).
    case scan
    /// Size-of-data: every row (or a whole index) is written again.
    case rewrite

    private var rank: Int { self == .metadata ? 0 : self == .scan ? 1 : 2 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
}

/// The engine a plan is classified against, as `oeedb plan` reads it.
public struct ServerProfile: Hashable, Sendable, Codable {
    public enum Engine: String, Hashable, Sendable, Codable { case sqlserver, postgres }
    public var engine: Engine
    /// `SERVERPROPERTY('EngineEdition')` (2 Standard, 3 Enterprise/Developer,
    /// 4 Express, 5 Azure SQL Database, 8 Managed Instance); nil on PostgreSQL.
    public var engineEdition: Int?
    /// `SERVERPROPERTY('ProductMajorVersion')` (15 = 2019) or
    /// `server_version_num / 10000` (15 = PostgreSQL 15).
    public var majorVersion: Int

    public init(engine: Engine, engineEdition: Int? = nil, majorVersion: Int) {
        self.engine = engine
        self.engineEdition = engineEdition
        self.majorVersion = majorVersion
    }

    /// Editions that run `ONLINE = ON` index operations.
    public var supportsOnlineIndex: Bool { engine == .sqlserver && [3, 5, 8].contains(engineEdition ?? 0) }
    /// `RESUMABLE = ON` index creation: SQL Server 2019+ and Azure SQL.
    public var supportsResumableIndex: Bool { supportsOnlineIndex && ([5, 8].contains(engineEdition ?? 0) || majorVersion >= 15) }
    /// Adding a NOT NULL column with a runtime-constant default is metadata-only
    /// on Enterprise (and Azure SQL) 2012+.
    public var metadataOnlyDefaultColumn: Bool { supportsOnlineIndex && ([5, 8].contains(engineEdition ?? 0) || majorVersion >= 11) }
    /// Azure SQL reports ProductMajorVersion 12 but has every feature of the newest box version.
    var effectiveMajorVersion: Int { [5, 8].contains(engineEdition ?? 0) ? 99 : majorVersion }
}

/// Size of one table as the catalog reports it.
public struct TableSize: Hashable, Sendable, Codable {
    public var rows: Int64
    public var bytes: Int64
    public init(rows: Int64, bytes: Int64) {
        self.rows = rows
        self.bytes = bytes
    }
}

/// One classified step of a migration.
public struct LockStep: Hashable, Sendable, Codable {
    public var migration: String
    /// The change, as the migration's summary lists it.
    public var statement: String
    public var `class`: LockClass
    /// The lock the statement takes, in the engine's terms.
    public var lock: String
    public var table: String?
    /// Rows the statement reads or writes (the table's row count for scan and
    /// rewrite, 0 for metadata).
    public var rows: Int64
    /// Whether writers wait for the whole statement (a blocking lock held for
    /// a scan or rewrite).
    public var blocking: Bool
    /// The rule that decided, with its documentation source (see ``LockRule``).
    public var rule: String
    /// Whether the migration's `-- oeedb:accept-blocking` directive accepts it.
    public var accepted: Bool = false
}

/// The classification rules, each with the documentation it follows. The ids
/// appear in `oeedb plan` output; README lists them.
public enum LockRule: String, CaseIterable, Sendable {
    case ssAddNullableColumn = "sqlserver.add-nullable-column"
    case ssAddDefaultColumnEnterprise = "sqlserver.add-not-null-default-enterprise"
    case ssAddDefaultColumnStandard = "sqlserver.add-not-null-default-standard"
    case ssAddNotNullNoDefault = "sqlserver.add-not-null-no-default"
    case ssAddPersistedComputed = "sqlserver.add-persisted-computed"
    case ssLengthenText = "sqlserver.lengthen-varchar"
    case ssIntToBigintCompressed = "sqlserver.int-bigint-compressed"
    case ssTypeChange = "sqlserver.alter-column-type"
    case ssColumnInIndex = "sqlserver.column-in-index"
    case ssSetNotNull = "sqlserver.set-not-null"
    case ssDropNotNull = "sqlserver.drop-not-null"
    case ssIndexOnline = "sqlserver.index-online"
    case ssIndexOffline = "sqlserver.index-offline"
    case ssKeyConstraint = "sqlserver.add-key"
    case ssValidatingConstraint = "sqlserver.add-fk-or-check"
    case ssDropClusteredIndex = "sqlserver.drop-clustered-index"
    case ssPartitionSplitMerge = "sqlserver.split-merge-range"
    case pgAddColumn = "postgres.add-column"
    case pgAddVolatileDefault = "postgres.add-column-volatile-default"
    case pgAddStoredGenerated = "postgres.add-generated-column"
    case pgBinaryCoercible = "postgres.type-binary-coercible"
    case pgTypeRewrite = "postgres.alter-column-type"
    case pgSetNotNull = "postgres.set-not-null"
    case pgDropNotNull = "postgres.drop-not-null"
    case pgIndexConcurrently = "postgres.create-index-concurrently"
    case pgIndexPartitioned = "postgres.create-index-partitioned"
    case pgKeyConstraint = "postgres.add-key"
    case pgNotValidValidate = "postgres.not-valid-validate"
    case pgValidatingConstraint = "postgres.add-validating-constraint"
    case pgPartitionRows = "postgres.split-merge-moves-rows"
    case catalogOnly = "catalog-only"
    case newTable = "new-table"

    /// The documentation the rule follows.
    public var source: String {
        switch self {
        case .ssAddNullableColumn, .ssAddDefaultColumnEnterprise, .ssAddDefaultColumnStandard, .ssAddNotNullNoDefault, .ssAddPersistedComputed,
             .ssLengthenText, .ssTypeChange, .ssSetNotNull, .ssDropNotNull, .ssColumnInIndex, .ssValidatingConstraint:
            return "https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql (Adding NOT NULL columns as an online operation; ALTER COLUMN; Locks and ALTER TABLE)"
        case .ssIntToBigintCompressed:
            return "https://learn.microsoft.com/sql/t-sql/statements/alter-table-transact-sql (ALTER COLUMN: int to bigint is metadata-only on 2016+ when every index and partition is ROW/PAGE compressed)"
        case .ssIndexOnline, .ssIndexOffline:
            return "https://learn.microsoft.com/sql/relational-databases/indexes/guidelines-for-online-index-operations; https://learn.microsoft.com/sql/sql-server/editions-and-components-of-sql-server-2022 (online index operations: Enterprise, Developer, Azure SQL)"
        case .ssKeyConstraint:
            return "https://learn.microsoft.com/sql/t-sql/statements/alter-table-table-constraint-transact-sql (PRIMARY KEY/UNIQUE build an index)"
        case .ssDropClusteredIndex:
            return "https://learn.microsoft.com/sql/t-sql/statements/drop-index-transact-sql (dropping a clustered index rebuilds the table as a heap)"
        case .ssPartitionSplitMerge:
            return "https://learn.microsoft.com/sql/t-sql/statements/alter-partition-function-transact-sql (SPLIT/MERGE of a populated range moves rows)"
        case .pgAddColumn, .pgAddVolatileDefault, .pgAddStoredGenerated, .pgBinaryCoercible, .pgTypeRewrite, .pgSetNotNull, .pgDropNotNull,
             .pgKeyConstraint, .pgNotValidValidate, .pgValidatingConstraint:
            return "https://www.postgresql.org/docs/15/sql-altertable.html (Notes: rewrite rules; lock level of each subform; NOT VALID / VALIDATE CONSTRAINT)"
        case .pgIndexConcurrently, .pgIndexPartitioned:
            return "https://www.postgresql.org/docs/15/sql-createindex.html#SQL-CREATEINDEX-CONCURRENTLY; https://www.postgresql.org/docs/15/explicit-locking.html"
        case .pgPartitionRows:
            return "https://www.postgresql.org/docs/15/ddl-partitioning.html (DETACH/ATTACH; rows moved by INSERT … SELECT)"
        case .catalogOnly:
            return "catalog-only change (rename, drop, default, description, security): a brief schema lock"
        case .newTable:
            return "the table is created in the same migration: it is empty"
        }
    }
}

/// Classifies each change of a plan as `metadata`, `scan` or `rewrite`, with
/// the lock it takes on the target engine and the rows it touches — for what
/// oeedb's renderers emit (online index builds where the edition allows,
/// PostgreSQL `CONCURRENTLY` and `NOT VALID` + `VALIDATE`).
///
///     let steps = LockClassifier.classify(plan, migration: "V0002__x", profile: profile, sizes: sizes)
public enum LockClassifier {
    public static func classify(_ plan: MigrationPlan, migration: String, profile: ServerProfile,
                                sizes: [QualifiedName: TableSize]) -> [LockStep] {
        var created: Set<QualifiedName> = []
        for case .createTable(let q, _) in plan.changes { created.insert(q) }
        var steps: [LockStep] = []
        for change in plan.changes {
            guard let (table, verdict) = rule(change, plan: plan, profile: profile) else { continue }
            let isNew = table.map { created.contains($0) } ?? false
            let rows = table.flatMap { sizes[$0]?.rows } ?? 0
            var step = LockStep(migration: migration, statement: change.description, class: verdict.class, lock: verdict.lock,
                                table: table?.description, rows: verdict.class == .metadata ? 0 : rows,
                                blocking: verdict.blocking && verdict.class != .metadata, rule: verdict.rule.rawValue)
            if isNew, change.isTableCreation == false {
                step.class = .metadata
                step.rows = 0
                step.blocking = false
                step.rule = LockRule.newTable.rawValue
            }
            steps.append(step)
        }
        return steps
    }

    struct Verdict {
        var `class`: LockClass
        var lock: String
        var blocking: Bool
        var rule: LockRule
    }

    static func rule(_ change: SchemaChange, plan: MigrationPlan, profile: ServerProfile) -> (QualifiedName?, Verdict)? {
        profile.engine == .sqlserver ? sqlServer(change, plan: plan, profile: profile) : postgres(change, plan: plan, profile: profile)
    }

    static func catalog(_ q: QualifiedName?, _ lock: String) -> (QualifiedName?, Verdict) {
        (q, Verdict(class: .metadata, lock: lock, blocking: false, rule: .catalogOnly))
    }

    // MARK: SQL Server

    static func sqlServer(_ change: SchemaChange, plan: MigrationPlan, profile: ServerProfile) -> (QualifiedName?, Verdict)? {
        let schM = "Sch-M"
        switch change {
        case .setDescription: return nil
        case .createTable(let q, _): return (q, Verdict(class: .metadata, lock: schM, blocking: false, rule: .newTable))
        case .addColumn(let q, let c):
            if let computed = c.computed {
                return computed.isPersisted
                    ? (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssAddPersistedComputed))
                    : (q, Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssAddNullableColumn))
            }
            if c.isNullable && c.identity == nil { return (q, Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssAddNullableColumn)) }
            if c.identity != nil { return (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssAddDefaultColumnStandard)) }
            guard let d = c.defaultConstraint else {
                return (q, Verdict(class: .scan, lock: schM, blocking: true, rule: .ssAddNotNullNoDefault))
            }
            if profile.metadataOnlyDefaultColumn && d.expression.isRuntimeConstant && !c.type.isLargeObject {
                return (q, Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssAddDefaultColumnEnterprise))
            }
            return (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssAddDefaultColumnStandard))
        case .alterColumn(let q, let from, let to):
            let table = plan.table(q)
            var verdict: Verdict
            if from.type == to.type {
                verdict = from.isNullable && !to.isNullable
                    ? Verdict(class: .scan, lock: schM, blocking: true, rule: .ssSetNotNull)
                    : Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssDropNotNull)
            } else if to.type.lengthens(from.type) {
                verdict = Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssLengthenText)
                if from.isNullable && !to.isNullable { verdict = Verdict(class: .scan, lock: schM, blocking: true, rule: .ssSetNotNull) }
            } else if from.type == .int && to.type == .bigint && profile.effectiveMajorVersion >= 13,
                      let table, table.everyIndexRowOrPageCompressed, !table.keyColumns.contains(to.name) {
                verdict = Verdict(class: .metadata, lock: schM, blocking: false, rule: .ssIntToBigintCompressed)
            } else {
                verdict = Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssTypeChange)
            }
            // A column in an index needs that index rebuilt (SQL Server refuses
            // ALTER COLUMN on an indexed column until the index is dropped).
            if verdict.class == .metadata, from.type != to.type, let table, table.indexedColumns.contains(to.name) {
                verdict = Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssColumnInIndex)
            }
            return (q, verdict)
        case .createIndex(let q, let i), .recreateIndex(let q, _, let i):
            if profile.supportsOnlineIndex && !i.kind.isColumnstore {
                return (q, Verdict(class: .rewrite, lock: "Sch-S (S at start, Sch-M at the end, briefly)", blocking: false, rule: .ssIndexOnline))
            }
            return (q, Verdict(class: .rewrite, lock: i.kind.isClustered ? schM : "S (writers wait)", blocking: true, rule: .ssIndexOffline))
        case .addPrimaryKey(let q, _), .addUnique(let q, _):
            return (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssKeyConstraint))
        case .addForeignKey(let q, _), .addCheck(let q, _):
            return (q, Verdict(class: .scan, lock: schM, blocking: true, rule: .ssValidatingConstraint))
        case .dropIndex(let q, let i):
            if i.kind == .clustered { return (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssDropClusteredIndex)) }
            return catalog(q, schM)
        case .dropPrimaryKey(let q, let pk):
            if pk.isClustered { return (q, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssDropClusteredIndex)) }
            return catalog(q, schM)
        case .splitRange(let f, _, _), .mergeRange(let f, _):
            let table = plan.to.allTables.first { t in plan.to.partitionSchemes.contains { $0.function == f && $0.name == t.table.partitioning?.partitionScheme } }
            return (table?.name, Verdict(class: .rewrite, lock: schM, blocking: true, rule: .ssPartitionSplitMerge))
        default:
            return catalog(change.table, schM)
        }
    }

    // MARK: PostgreSQL

    static func postgres(_ change: SchemaChange, plan: MigrationPlan, profile: ServerProfile) -> (QualifiedName?, Verdict)? {
        let exclusive = "ACCESS EXCLUSIVE"
        switch change {
        case .setDescription: return nil
        case .createTable(let q, _): return (q, Verdict(class: .metadata, lock: exclusive, blocking: false, rule: .newTable))
        case .addColumn(let q, let c):
            if c.computed != nil {  // PostgreSQL 15 generated columns are STORED
                return (q, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgAddStoredGenerated))
            }
            if c.identity != nil { return (q, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgAddVolatileDefault)) }
            if let d = c.defaultConstraint, d.expression.isVolatileOnPostgres {
                return (q, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgAddVolatileDefault))
            }
            if !c.isNullable && c.defaultConstraint == nil {
                return (q, Verdict(class: .scan, lock: exclusive, blocking: true, rule: .pgSetNotNull))
            }
            return (q, Verdict(class: .metadata, lock: exclusive, blocking: false, rule: .pgAddColumn))
        case .alterColumn(let q, let from, let to):
            if from.type != to.type && !to.type.binaryCoercibleOnPostgres(from: from.type) {
                return (q, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgTypeRewrite))
            }
            if from.isNullable && !to.isNullable { return (q, Verdict(class: .scan, lock: exclusive, blocking: true, rule: .pgSetNotNull)) }
            return (q, Verdict(class: .metadata, lock: exclusive, blocking: false,
                               rule: from.type != to.type ? .pgBinaryCoercible : .pgDropNotNull))
        case .createIndex(let q, let i), .recreateIndex(let q, _, let i):
            if i.kind.isColumnstore { return nil }
            if plan.table(q)?.partitioning != nil {
                return (q, Verdict(class: .rewrite, lock: "SHARE (writers wait)", blocking: true, rule: .pgIndexPartitioned))
            }
            return (q, Verdict(class: .rewrite, lock: "SHARE UPDATE EXCLUSIVE", blocking: false, rule: .pgIndexConcurrently))
        case .addPrimaryKey(let q, _), .addUnique(let q, _):
            return (q, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgKeyConstraint))
        case .addForeignKey(let q, _), .addCheck(let q, _):
            if plan.table(q)?.partitioning == nil {
                let lock = change.isForeignKey ? "SHARE ROW EXCLUSIVE (NOT VALID, brief), then SHARE UPDATE EXCLUSIVE (VALIDATE)"
                    : "ACCESS EXCLUSIVE (NOT VALID, brief), then SHARE UPDATE EXCLUSIVE (VALIDATE)"
                return (q, Verdict(class: .scan, lock: lock, blocking: false, rule: .pgNotValidValidate))
            }
            return (q, Verdict(class: .scan, lock: change.isForeignKey ? "SHARE ROW EXCLUSIVE" : exclusive, blocking: true, rule: .pgValidatingConstraint))
        case .splitRange(let f, _, _), .mergeRange(let f, _):
            let table = plan.to.allTables.first { t in plan.to.partitionSchemes.contains { $0.function == f && $0.name == t.table.partitioning?.partitionScheme } }
            return (table?.name, Verdict(class: .rewrite, lock: exclusive, blocking: true, rule: .pgPartitionRows))
        default:
            return catalog(change.table, exclusive)
        }
    }
}

extension SchemaChange {
    /// The table a change is on, if any (new name where the change renames it).
    public var table: QualifiedName? {
        switch self {
        case .createTable(let q, _), .dropTable(let q, _), .addColumn(let q, _), .dropColumn(let q, _), .alterColumn(let q, _, _),
             .renameColumn(let q, _, _), .addDefault(let q, _, _), .dropDefault(let q, _, _), .addPrimaryKey(let q, _),
             .dropPrimaryKey(let q, _), .addUnique(let q, _), .dropUnique(let q, _), .addCheck(let q, _), .dropCheck(let q, _),
             .addForeignKey(let q, _), .dropForeignKey(let q, _), .createIndex(let q, _), .dropIndex(let q, _),
             .recreateIndex(let q, _, _), .renameIndex(let q, _, _):
            return q
        case .renameTable(let from, _): return from
        default: return nil
        }
    }

    var isTableCreation: Bool { if case .createTable = self { return true } else { return false } }
    var isForeignKey: Bool { if case .addForeignKey = self { return true } else { return false } }
}

extension Expression {
    /// A runtime constant in SQL Server's sense: literals and functions
    /// evaluated once per statement (SYSUTCDATETIME, GETUTCDATE, …), not NEWID.
    var isRuntimeConstant: Bool {
        var ok = true
        walkAll { e in
            switch e {
            case .column, .parameter, .raw: ok = false
            case .call(let name, _): if ["NEWID", "NEWSEQUENTIALID", "RAND"].contains(name.uppercased()) { ok = false }
            default: break
            }
        }
        return ok
    }

    /// Volatile on PostgreSQL (gen_random_uuid for NEWID, random()): a default
    /// that forces a rewrite when a column is added. now() is STABLE.
    var isVolatileOnPostgres: Bool {
        var volatile = false
        walkAll { e in
            switch e {
            case .raw: volatile = true
            case .call(let name, _): if ["NEWID", "NEWSEQUENTIALID", "RAND"].contains(name.uppercased()) { volatile = true }
            default: break
            }
        }
        return volatile
    }

    func walkAll(_ visit: (Expression) -> Void) {
        visit(self)
        switch self {
        case .column, .parameter, .literal, .raw: break
        case .binary(let l, _, let r): l.walkAll(visit); r.walkAll(visit)
        case .and(let xs), .or(let xs): xs.forEach { $0.walkAll(visit) }
        case .not(let x), .isNull(let x, _), .cast(let x, _): x.walkAll(visit)
        case .inList(let x, let vs, _): x.walkAll(visit); vs.forEach { $0.walkAll(visit) }
        case .call(_, let args): args.forEach { $0.walkAll(visit) }
        }
    }
}

extension SQLType {
    /// varchar/nvarchar/varbinary of the same kind, made longer.
    func lengthens(_ old: SQLType) -> Bool {
        switch (old, self) {
        case (.varchar(.n(let a)), .varchar(.n(let b))), (.nvarchar(.n(let a)), .nvarchar(.n(let b))), (.varbinary(.n(let a)), .varbinary(.n(let b))):
            return b > a
        default: return false
        }
    }

    var isLargeObject: Bool {
        switch self {
        case .varchar(.max), .nvarchar(.max), .varbinary(.max): return true
        default: return false
        }
    }

    /// Whether PostgreSQL changes the column's type without rewriting the table
    /// (binary coercible: a longer varchar, varchar to text, the same mapped
    /// type, numeric with more precision at the same scale).
    func binaryCoercibleOnPostgres(from old: SQLType) -> Bool {
        switch (old, self) {
        case (.varchar(.n(let a)), .varchar(.n(let b))), (.nvarchar(.n(let a)), .nvarchar(.n(let b))),
             (.varchar(.n(let a)), .nvarchar(.n(let b))), (.nvarchar(.n(let a)), .varchar(.n(let b))):
            return b >= a
        case (.varchar, .varchar(.max)), (.nvarchar, .nvarchar(.max)), (.varchar, .nvarchar(.max)), (.nvarchar, .varchar(.max)):
            return true
        case (.varbinary, .varbinary): return true
        case (.decimal(let p1, let s1), .decimal(let p2, let s2)): return s1 == s2 && p2 >= p1
        case (.tinyint, .smallint), (.smallint, .tinyint): return true
        default: return false
        }
    }
}

extension Table {
    /// Columns in any index key or INCLUDE, or in the primary key or a unique constraint.
    var indexedColumns: Set<String> {
        var names = keyColumns
        for i in indexes { names.formUnion(i.keys.map(\.column)); names.formUnion(i.included) }
        return names
    }

    var keyColumns: Set<String> {
        var names: Set<String> = []
        if let pk = primaryKey { names.formUnion(pk.columns.map(\.column)) }
        for u in uniqueConstraints { names.formUnion(u.columns.map(\.column)) }
        for i in indexes { names.formUnion(i.keys.map(\.column)) }
        return names
    }

    /// The table (heap or clustered index) and every rowstore index ROW or PAGE compressed.
    var everyIndexRowOrPageCompressed: Bool {
        let rowOrPage: Set<DataCompression> = [.row, .page]
        guard let c = compression, rowOrPage.contains(c) else { return false }
        return indexes.allSatisfy { $0.kind.isColumnstore || $0.compression.map(rowOrPage.contains) == true || ($0.isClustered && $0.compression == nil) }
    }
}

extension Index {
    var isClustered: Bool { kind.isClustered }
}

extension LockClassifier {
    /// The generated pre-checks as steps: each scans its table (read-only).
    /// Inside the migration's transaction unless the migration says
    /// `-- oeedb:pre-checks before-transaction`.
    public static func preCheckSteps(_ plan: MigrationPlan, migration: String, sizes: [QualifiedName: TableSize],
                                     beforeTransaction: Bool) -> [LockStep] {
        plan.preChecks.map { check in
            LockStep(migration: migration, statement: "pre-check \(check.name)", class: .scan,
                     lock: beforeTransaction ? "read-only, before the transaction" : "read-only, inside the migration's transaction",
                     table: check.table.description, rows: sizes[check.table]?.rows ?? 0, blocking: false,
                     rule: beforeTransaction ? "pre-check-before-transaction" : "pre-check-in-transaction")
        }
    }
}

extension PreCheck {
    /// The table the check scans.
    public var table: QualifiedName {
        switch self {
        case .noNulls(let q, _), .tableEmpty(let q, _), .noDuplicates(let q, _, _), .noOrphans(let q, _), .noViolations(let q, _),
             .valuesFit(let q, _, _, _), .noRows(let q), .noData(let q, _):
            return q
        }
    }
}
