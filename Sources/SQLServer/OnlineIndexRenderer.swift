import OEEDiff
import OEEModel

/// Index builds on tables that already hold rows, written once for every
/// edition: the script asks the server at run time and takes the online path
/// where the edition has it (Enterprise/Developer 3, Azure SQL Database 5,
/// Managed Instance 8), resumable on 2019+ and Azure SQL, else offline.
///
///     IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE … AND [name] = N'ix_x')
///         ALTER INDEX [ix_x] ON [fact].[cycle] RESUME;
///     ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE … AND [name] = N'ix_x')
///     BEGIN
///         IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (3, 5, 8)
///         BEGIN
///             IF CAST(SERVERPROPERTY('EngineEdition') AS int) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15
///                 EXEC (N'CREATE … WITH (ONLINE = ON, RESUMABLE = ON, MAX_DURATION = 240 MINUTES);');
///             ELSE
///                 EXEC (N'CREATE … WITH (ONLINE = ON);');
///         END
///         ELSE
///     CREATE …;            -- the offline statement, as plain T-SQL
///     END
///
/// The online statements are dynamic SQL so that no edition compiles an
/// option it refuses; the offline statement is plain. A resumable build
/// cannot run inside a user transaction, so the batch is its own
/// `no-transaction` step; the guards make a rerun resume a paused build and
/// skip a finished one.
enum OnlineIndexRenderer {
    /// Minutes a resumable build runs before it pauses (a rerun resumes it).
    static let maxDurationMinutes = 240

    /// The online batch for an index change on a table the plan does not
    /// create, or nil when the change is not an online index build.
    static func render(_ change: SchemaChange, in plan: MigrationPlan) throws -> SQLBatch? {
        switch change {
        case .createIndex(let q, let i) where eligible(q, i, plan):
            return SQLBatch(try create(q, i, table: plan.table(q)), comment: "create index \(i.name) on \(q) (online where the edition allows)",
                            step: BatchStep(transactional: false))
        case .recreateIndex(let q, let from, let to) where eligible(q, to, plan) && from.name == to.name && from.kind == to.kind:
            return SQLBatch(try rebuild(q, to, table: plan.table(q)), comment: "recreate index \(to.name) on \(q) (online where the edition allows)",
                            step: BatchStep(transactional: false))
        default:
            return nil
        }
    }

    /// Rowstore indexes on tables that exist before the migration.
    static func eligible(_ q: QualifiedName, _ index: Index, _ plan: MigrationPlan) -> Bool {
        guard !index.kind.isColumnstore else { return false }
        return !plan.changes.contains { if case .createTable(q, _) = $0 { return true } else { return false } }
    }

    static let edition = "CAST(SERVERPROPERTY('EngineEdition') AS int)"
    static let onlineEditions = "\(edition) IN (3, 5, 8)"
    static let resumableServers = "\(edition) IN (5, 8) OR CAST(SERVERPROPERTY('ProductMajorVersion') AS int) >= 15"

    static func create(_ q: QualifiedName, _ index: Index, table: Table?) throws -> String {
        let offline = try IndexRenderer.create(q, index, table: table)
        let online = try IndexRenderer.create(q, index, table: table, extraOptions: ["ONLINE = ON"])
        let resumable = try IndexRenderer.create(q, index, table: table,
                                                 extraOptions: ["ONLINE = ON", "RESUMABLE = ON", "MAX_DURATION = \(maxDurationMinutes) MINUTES"])
        let object = "OBJECT_ID(\(TSQL.nstring(TSQL.qualified(q))))"
        let name = TSQL.nstring(index.name)
        return """
            IF EXISTS (SELECT 1 FROM sys.index_resumable_operations WHERE [object_id] = \(object) AND [name] = \(name))
                ALTER INDEX \(TSQL.quote(index.name)) ON \(TSQL.qualified(q)) RESUME;
            ELSE IF NOT EXISTS (SELECT 1 FROM sys.indexes WHERE [object_id] = \(object) AND [name] = \(name))
            BEGIN
                IF \(onlineEditions)
                BEGIN
                    IF \(resumableServers)
                        EXEC (\(TSQL.nstring(resumable)));
                    ELSE
                        EXEC (\(TSQL.nstring(online)));
                END
                ELSE
            \(offline)
            END;
            """
    }

    /// `DROP_EXISTING = ON` rebuild: online where the edition allows (not
    /// resumable: a rerun rebuilds again).
    static func rebuild(_ q: QualifiedName, _ index: Index, table: Table?) throws -> String {
        let offline = try IndexRenderer.create(q, index, table: table, dropExisting: true)
        let online = try IndexRenderer.create(q, index, table: table, dropExisting: true, extraOptions: ["ONLINE = ON"])
        return """
            IF \(onlineEditions)
                EXEC (\(TSQL.nstring(online)));
            ELSE
            \(offline)
            """
    }

}
