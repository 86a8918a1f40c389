import Foundation
import Testing
import ODBC
import OEETestSupport

@Suite(.serialized) struct MultiStatementProbe {
    @Test(.needsPostgres, arguments: [false, true]) func probe(handWritten: Bool) throws {
        let (url, password) = try #require(try LivePostgres.createDatabase(prefix: "multi_"))
        let conn: ODBCConnection
        if handWritten {
            let u = try #require(URLComponents(string: url))
            let odbc = "Driver=PostgreSQL Unicode;Server=\(u.host ?? "");Port=\(u.port ?? 5432);Database=\(u.path.dropFirst());UID=\(u.user ?? "")"
            conn = try ODBCConnector.connect(try ConnectionSpec.resolve(odbc, password: password), environment: TestEngines.environment)
        } else {
            conn = try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password), environment: TestEngines.environment)
        }
        for sql in ["CREATE TABLE a (x int); INSERT INTO a VALUES (1); SELECT 1/0; CREATE TABLE b (y int);",
                    "SELECT 1/0; CREATE TABLE b (y int);",
                    "CREATE TABLE a (x int); INSERT INTO a VALUES (1); SELEC 1; CREATE TABLE b (y int);",
                    "CREATE TABLE a (x int); INSERT INTO a VALUES (1), (1); CREATE UNIQUE INDEX ON a (x); CREATE TABLE b (y int);",
                    "CREATE TABLE a (x int); INSERT INTO a VALUES (1); INSERT INTO nope VALUES (1); CREATE TABLE b (y int);",
                    "CREATE TABLE a (x int); INSERT INTO a VALUES (1); CREATE TABLE b (y int); COMMIT;"] {
            do {
                try conn.withTransaction { c in
                    let r = try c.execute(sql)
                    print("PROBE \(handWritten) OK \(sql): sets \(r.resultSets.count) counts \(r.rowCounts)")
                }
            } catch let e as ODBCError {
                print("PROBE \(handWritten) ERR \(sql): before \(String(describing: e.resultsBefore)) \(e.description)")
            }
            print("PROBE state", (try? conn.scalar("SELECT count(*) FROM pg_class WHERE relname IN ('a','b')")) ?? "nil")
            _ = try? conn.execute("DROP TABLE IF EXISTS a, b")
        }
    }
}
