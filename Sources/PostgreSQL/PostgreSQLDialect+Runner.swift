import OEEDiff
import OEEModel

/// The SQL the migration runner sends to PostgreSQL: history table, session
/// advisory lock, pre-check queries and catalog reads from pg_catalog.
extension PostgreSQLDialect: RunnerDialect {
    public func splitBatches(_ text: String) -> [ScriptBatch] {
        StatementSplitter.split(text)
    }

    public func historyDDL(schema: String) -> [String] {
        let s = PGSQL.quote(schema)
        return [
            "CREATE SCHEMA IF NOT EXISTS \(s);",
            """
            CREATE TABLE IF NOT EXISTS \(s)."schema_history" (
                "version" integer NOT NULL CONSTRAINT "pk_schema_history" PRIMARY KEY,
                "name" varchar(200) NOT NULL,
                "checksum" char(64) NOT NULL,
                "applied_by" varchar(128) NOT NULL,
                "applied_at_utc" timestamp(3) NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'),
                "execution_ms" integer NOT NULL,
                "success" boolean NOT NULL
            );
            """,
        ]
    }

    public func selectHistory(schema: String) -> String {
        "SELECT \"version\", \"name\", \"checksum\", \"applied_by\", to_char(\"applied_at_utc\", 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'), \"execution_ms\", CASE WHEN \"success\" THEN 1 ELSE 0 END FROM \(PGSQL.quote(schema)).\"schema_history\" ORDER BY \"version\";"
    }

    public func insertHistory(schema: String) -> String {
        "INSERT INTO \(PGSQL.quote(schema)).\"schema_history\" (\"version\", \"name\", \"checksum\", \"applied_by\", \"execution_ms\", \"success\") VALUES (?, ?, ?, ?, ?, ?);"
    }

    public func deleteHistory(schema: String) -> String {
        "DELETE FROM \(PGSQL.quote(schema)).\"schema_history\" WHERE \"version\" = ?;"
    }

    /// A session-level advisory lock: released when the session ends, so a
    /// killed runner cannot leave a stale lock. The runner polls until its timeout.
    public func acquireLock(resource: String, timeoutMilliseconds: Int) -> String {
        "SELECT CASE WHEN pg_try_advisory_lock(hashtext(\(PGSQL.string(resource)))) THEN 1 ELSE 0 END;"
    }

    public func releaseLock(resource: String) -> String {
        "SELECT pg_advisory_unlock(hashtext(\(PGSQL.string(resource))));"
    }

    /// Marks the transaction global (`oeedb.is_global` = 1) so row-level-security
    /// predicates that honour it let pre- and post-checks see every row, even
    /// on tables whose owner is subject to FORCE ROW LEVEL SECURITY.
    public var transactionPreamble: [String] { ["SELECT set_config('oeedb.is_global', '1', true);"] }

    public var currentUserQuery: String { "SELECT current_user;" }

    public func checkQuery(_ check: PreCheck) throws -> String {
        switch check {
        case .noNulls(let q, let c):
            return "SELECT 1 FROM \(PGSQL.qualified(q)) WHERE \(PGSQL.quote(c)) IS NULL LIMIT 1;"
        case .tableEmpty(let q, _):
            return "SELECT 1 FROM \(PGSQL.qualified(q)) LIMIT 1;"
        case .noDuplicates(let q, _, let cols):
            return "SELECT 1 FROM \(PGSQL.qualified(q)) GROUP BY \(PGSQL.columnList(cols)) HAVING count(*) > 1 LIMIT 1;"
        case .noOrphans(let q, let fk):
            let notNull = fk.columns.map { "c.\(PGSQL.quote($0)) IS NOT NULL" }.joined(separator: " AND ")
            let join = zip(fk.columns, fk.referencedColumns).map { "p.\(PGSQL.quote($1)) = c.\(PGSQL.quote($0))" }.joined(separator: " AND ")
            return "SELECT 1 FROM \(PGSQL.qualified(q)) AS c WHERE \(notNull) AND NOT EXISTS (SELECT 1 FROM \(PGSQL.qualified(fk.referencedTable)) AS p WHERE \(join)) LIMIT 1;"
        case .noViolations(let q, let ck):
            let predicate = try ExpressionRenderer(context: .check, path: "\(q).\(ck.name)").render(ck.expression)
            // A CHECK fails only when its predicate is FALSE (NULL passes).
            return "SELECT 1 FROM \(PGSQL.qualified(q)) WHERE NOT (\(predicate)) LIMIT 1;"
        case .valuesFit(let q, let c, _, let to):
            // A value that cannot be cast raises an error: the check then fails too.
            let type = try TypeRenderer.render(to, path: "\(q).\(c)")
            let col = PGSQL.quote(c)
            return "SELECT 1 FROM \(PGSQL.qualified(q)) WHERE \(col) IS NOT NULL AND CAST(CAST(\(col) AS \(type)) AS text) <> CAST(\(col) AS text) LIMIT 1;"
        }
    }

    /// The type as `format_type()` spells it for the column this dialect creates.
    static func catalogTypeName(_ type: SQLType) -> String {
        switch type {
        case .tinyint, .smallint: return "smallint"
        case .int: return "integer"
        case .bigint: return "bigint"
        case .bit: return "boolean"
        case .decimal(let p, let s): return "numeric(\(p),\(s))"
        case .float(let m): return (m ?? 53) <= 24 ? "real" : "double precision"
        case .real: return "real"
        case .date: return "date"
        // PostgreSQL keeps at most 6 fractional digits.
        case .time(let p): return "time(\(min(p, 6))) without time zone"
        case .datetime2(let p): return "timestamp(\(min(p, 6))) without time zone"
        case .datetimeoffset(let p): return "timestamp(\(min(p, 6))) with time zone"
        case .char(.n(let n)), .nchar(.n(let n)): return "character(\(n))"
        case .char(.max), .nchar(.max), .varchar(.max), .nvarchar(.max): return "text"
        case .varchar(.n(let n)), .nvarchar(.n(let n)): return "character varying(\(n))"
        case .varbinary: return "bytea"
        case .uniqueidentifier: return "uuid"
        case .sysname: return "character varying(128)"
        }
    }
}
