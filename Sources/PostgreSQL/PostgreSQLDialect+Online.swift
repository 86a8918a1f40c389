import OEEDiff
import OEEModel

/// Lock timeout, server facts, table sizes, the step record and INVALID-index
/// cleanup on PostgreSQL.
extension PostgreSQLDialect: OnlineRunnerDialect {
    /// Session-wide (`SET`, not `SET LOCAL`, so it also covers the statements
    /// of `no-transaction` steps).
    public func lockTimeoutStatement(milliseconds: Int) -> String {
        "SET lock_timeout = \(milliseconds);"
    }

    /// `SET [SESSION|LOCAL] lock_timeout`, `set_config('lock_timeout', …)`,
    /// `RESET lock_timeout|ALL`, `DISCARD ALL`, `SET SESSION AUTHORIZATION`
    /// (resets nothing, but a role's settings may apply), `ALTER ROLE … SET`:
    /// any text naming one of these words counts, comments included.
    public func mayChangeLockTimeout(_ sql: String) -> Bool {
        SQLText.mentions(sql, anyOf: ["lock_timeout", "reset", "discard", "authorization", "set role"])
    }

    /// 55P03 lock_not_available: `canceling statement due to lock timeout`.
    public func isLockTimeout(sqlState: String, nativeCode: Int) -> Bool {
        sqlState == "55P03"
    }

    public var serverProfileQuery: String {
        "SELECT NULL AS edition, current_setting('server_version_num')::integer / 10000 AS major;"
    }

    public func serverProfile(edition: String?, major: String?) -> ServerProfile {
        ServerProfile(engine: .postgres, majorVersion: major.flatMap { Int($0) } ?? 0)
    }

    /// The planner's estimate (`reltuples`, summed over a partitioned table's
    /// children; -1 = never analyzed counts as 0) and the total size.
    public func tableSizesQuery(_ tables: [QualifiedName]) -> String {
        let names = tables.isEmpty ? "''" : tables.map { PGSQL.string($0.description) }.joined(separator: ", ")
        return """
            SELECT n.nspname || '.' || c.relname AS object,
                COALESCE((SELECT sum(GREATEST(k.reltuples, 0))::bigint FROM pg_catalog.pg_partition_tree(c.oid) AS pt
                          JOIN pg_catalog.pg_class AS k ON k.oid = pt.relid WHERE pt.isleaf), GREATEST(c.reltuples, 0)::bigint) AS rows,
                COALESCE((SELECT sum(pg_catalog.pg_total_relation_size(pt.relid))::bigint FROM pg_catalog.pg_partition_tree(c.oid) AS pt), 0) AS bytes
            FROM pg_catalog.pg_class AS c
            JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND n.nspname || '.' || c.relname IN (\(names));
            """
    }

    public func stepsDDL(schema: String) -> [String] {
        let s = PGSQL.quote(schema)
        return [PGSQL.createIfMissing([
            .schema(schema),
            .table(schema, "schema_steps", """
                CREATE TABLE \(s)."schema_steps" (
                    "version" integer NOT NULL,
                    "step" integer NOT NULL,
                    CONSTRAINT "pk_schema_steps" PRIMARY KEY ("version", "step")
                );
                """),
        ])]
    }

    public func selectSteps(schema: String) -> String {
        "SELECT \"step\" FROM \(PGSQL.quote(schema)).\"schema_steps\" WHERE \"version\" = ? ORDER BY \"step\";"
    }

    public func insertStep(schema: String) -> String {
        "INSERT INTO \(PGSQL.quote(schema)).\"schema_steps\" (\"version\", \"step\") VALUES (?, ?);"
    }

    public func deleteSteps(schema: String) -> String {
        "DELETE FROM \(PGSQL.quote(schema)).\"schema_steps\" WHERE \"version\" = ?;"
    }

    /// A failed CREATE INDEX CONCURRENTLY leaves the index behind with
    /// `indisvalid = false`; CREATE … IF NOT EXISTS would then skip it.
    public func invalidIndexQuery(_ index: QualifiedName) -> String? {
        """
        SELECT 1 FROM pg_catalog.pg_index AS i
        JOIN pg_catalog.pg_class AS c ON c.oid = i.indexrelid
        JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid AND n.nspname = \(PGSQL.string(index.schema)) AND c.relname = \(PGSQL.string(index.name));
        """
    }

    public func dropInvalidIndex(_ index: QualifiedName) -> String {
        "DROP INDEX CONCURRENTLY IF EXISTS \(PGSQL.qualified(index));"
    }
}
