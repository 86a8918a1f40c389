import Testing
import ODBC
import OEETestSupport

/// Reading a result asks the driver only for column names and sizes. Asked
/// for a column's type or nullability, psqlODBC looks the column's table up
/// in the catalog (`select n.nspname, c.relname, a.attname, … pg_attrdef …`):
/// one hidden query per table a result reads from, once per connection
/// (≈ 0.5–1 ms of server time each; 7–8 per drift). Counted here by the
/// session's own scans of pg_attrdef, which that lookup joins and nothing
/// else in the test reads.
@Suite(.serialized) struct DescribeColumnTests {
    @Test(.needsPostgres, arguments: ["PostgreSQL Unicode", "PostgreSQL ANSI"])
    func readingAResultSendsNoHiddenCatalogQuery(driver: String) throws {
        let (url, password) = try #require(try LivePostgres.createDatabase(prefix: "describe_"))
        let conn = try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password, driver: driver), environment: TestEngines.environment)
        try conn.execute("CREATE TABLE t (id int PRIMARY KEY, note varchar(20) DEFAULT 'x');")
        try conn.execute("INSERT INTO t VALUES (1, 'a'), (2, DEFAULT);")
        let scans = "SELECT coalesce(sum(seq_scan + coalesce(idx_scan, 0)), 0)::text FROM pg_stat_xact_sys_tables WHERE relname = 'pg_attrdef';"
        try conn.withTransaction { c in
            let before = try c.scalar(scans)
            let rows = try c.query("SELECT id, note FROM t ORDER BY id;")
            #expect(rows.columns == ["id", "note"])
            #expect(rows.rows == [["1", "a"], ["2", "x"]])
            #expect(try c.scalar(scans) == before)
        }
    }
}
