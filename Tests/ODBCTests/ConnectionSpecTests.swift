import Testing
@testable import ODBC

@Suite struct ConnectionSpecTests {
    @Test func sqlServerURLBecomesFreeTDSKeywords() throws {
        let spec = try ConnectionSpec.resolve("sqlserver://app@db.plant.local:1433/oee?encrypt=require", password: "p;w}d")
        #expect(spec.engine == .sqlserver)
        // FreeTDS: braces only where needed, no `}}` escape, always `;`-terminated.
        #expect(spec.odbcString == "Driver=FreeTDS;Server=db.plant.local;Port=1433;TDS_Version=7.4;Database=oee;UID=app;PWD={p;w}d};Encryption=require;")
        #expect(spec.masked == "Driver=FreeTDS;Server=db.plant.local;Port=1433;TDS_Version=7.4;Database=oee;UID=app;PWD=***;Encryption=require;")
        #expect(spec.summary == "sqlserver://app@db.plant.local:1433/oee")
    }

    @Test func microsoftDriverGetsItsOwnKeywords() throws {
        let spec = try ConnectionSpec.resolve("sqlserver://app@h/oee?encrypt=strict", password: "x", driver: "ODBC Driver 18 for SQL Server")
        #expect(spec.odbcString == "Driver=ODBC Driver 18 for SQL Server;Server=tcp:h,1433;Database=oee;UID=app;PWD={x};Encrypt=strict;ConnectRetryCount=0")
    }

    @Test func strictEncryptionWithFreeTDSIsRefusedClearly() {
        #expect(throws: ConnectionError.self) { try ConnectionSpec.resolve("sqlserver://a@h/db?encrypt=strict") }
        do { _ = try ConnectionSpec.resolve("sqlserver://a@h/db?encrypt=strict") } catch let e as ConnectionError {
            #expect(e.kind == .encryptionUnsupported)
            #expect(e.message.contains("ODBC Driver 18"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func postgresURL() throws {
        let spec = try ConnectionSpec.resolve("postgres://oeedb@127.0.0.1:5433/oee", password: "secret")
        #expect(spec.odbcString == "Driver=PostgreSQL Unicode;Server=127.0.0.1;Port=5433;Database=oee;UID=oeedb;PWD={secret};Protocol=7.4-1")
        #expect(!spec.masked.contains("secret"))
    }

    @Test func passwordInURLIsUsedButNeverShown() throws {
        let spec = try ConnectionSpec.resolve("postgres://oeedb:hunter2@h/oee")
        #expect(spec.odbcString.contains("PWD={hunter2}"))
        #expect(!spec.masked.contains("hunter2") && !spec.summary.contains("hunter2"))
        #expect(ConnectionSpec.maskURL("postgres://oeedb:hunter2@h/oee") == "postgres://oeedb:***@h/oee")
    }

    @Test func connectionStringsAndDSNs() throws {
        let s = try ConnectionSpec.resolve("Driver={PostgreSQL Unicode};Server=h;Password={a;b}", driver: nil)
        #expect(s.engine == .postgres)
        #expect(s.odbcString == "Driver={PostgreSQL Unicode};Server=h;Password={a;b}", "a connection string is sent as written")
        #expect(s.masked == "Driver={PostgreSQL Unicode};Server=h;Password=***")
        let dsn = try ConnectionSpec.resolve("plant_dsn", password: "pw")
        #expect(dsn.odbcString == "DSN=plant_dsn;PWD=pw")
        #expect(dsn.masked == "DSN=plant_dsn;PWD=***")
    }

    @Test func unencodedSlashOrAtInAPasswordIsRefusedWithoutShowingIt() {
        for url in ["postgres://u:2024/x@h/db", "postgres://u:p@ss@h/db"] {
            do {
                _ = try ConnectionSpec.resolve(url)
                Issue.record("expected a refusal for \(url)")
            } catch let e as ConnectionError {
                #expect(e.kind == .badInput)
                #expect(!e.message.contains("2024/x") && !e.message.contains("p@ss"))
            } catch { Issue.record("unexpected \(error)") }
        }
    }

    @Test func badInputIsExplained() {
        #expect(throws: ConnectionError.self) { try ConnectionSpec.resolve("") }
        #expect(throws: ConnectionError.self) { try ConnectionSpec.resolve("mysql://h/db") }
    }
}
