import Testing
@testable import ODBC

/// How each driver family's values are written, and what is refused.
/// FreeTDS and psqlODBC are also proven on the wire / live (FreeTDSLoginTests,
/// PostgresPasswordTests); Microsoft's rules are documented ([MS-ODBCSTR]), not measured.
@Suite struct DriverFamilyTests {
    @Test func familiesFromDriverNames() {
        #expect(DriverFamily.of(driver: "FreeTDS") == .freetds)
        #expect(DriverFamily.of(driver: "/usr/lib/x86_64-linux-gnu/odbc/libtdsodbc.so") == .freetds)
        #expect(DriverFamily.of(driver: "ODBC Driver 18 for SQL Server") == .microsoft)
        #expect(DriverFamily.of(driver: "/opt/microsoft/msodbcsql18/lib64/libmsodbcsql-18.so") == .microsoft)
        #expect(DriverFamily.of(driver: "PostgreSQL Unicode") == .psqlodbc)
        #expect(DriverFamily.of(driver: "SQLite3") == .other)
        #expect(DriverFamily.of(driver: nil) == .other)
    }

    @Test func freeTDSBracesOnlyWhereNeededAndNeverEscapes() throws {
        let f = DriverFamily.freetds
        #expect(try f.quote("Pw12345", secret: true) == "Pw12345")
        #expect(try f.quote(" sp ace ", secret: true) == " sp ace ")
        #expect(try f.quote("a}b", secret: true) == "a}b")
        #expect(try f.quote("a;b}", secret: true) == "{a;b}}")
        #expect(try f.quote("{x", secret: true) == "{{x}")
        #expect(throws: DriverFamily.Refusal.self) { try f.quote("a};b", secret: true) }
        let spec = try ConnectionSpec.resolve("sqlserver://u@h/db", password: "Pw12345")
        #expect(spec.odbcString.hasSuffix("PWD=Pw12345;"), "the reported bug: PWD={Pw12345} at the end")
    }

    @Test func microsoftBracesEverySecretAndDoublesClosingBraces() throws {
        let spec = try ConnectionSpec.resolve("sqlserver://u@h:1433/db", password: " a};b{c} ", driver: "ODBC Driver 18 for SQL Server")
        #expect(spec.odbcString == "Driver=ODBC Driver 18 for SQL Server;Server=tcp:h,1433;Database=db;UID=u;PWD={ a}};b{c}} };ConnectRetryCount=0")
        #expect(spec.masked == "Driver=ODBC Driver 18 for SQL Server;Server=tcp:h,1433;Database=db;UID=u;PWD=***;ConnectRetryCount=0")
        #expect(try DriverFamily.microsoft.quote("Grüße", secret: true) == "{Grüße}")
    }

    @Test func psqlODBCBracesPasswordsButCannotBraceOtherValues() throws {
        let spec = try ConnectionSpec.resolve("postgres://u@h:5432/db", password: "%41+x}")
        #expect(spec.odbcString.contains("PWD={%41+x}}}"), "unbraced, psqlODBC would URL-decode %41 and +")
        do {
            _ = try ConnectionSpec.resolve("postgres://u%3Bx@h:5432/db", password: "p")
            Issue.record("a user with ';' was accepted")
        } catch let e as ConnectionError {
            #expect(e.kind == .badInput)
            #expect(e.message.contains("UID") && e.message.contains("';'") && e.message.contains("psqlODBC"))
        }
    }

    @Test func aDSNTakesOnlyAPasswordEveryDriverReadsAlike() throws {
        #expect(try ConnectionSpec.resolve("plant", password: "Pw12345").odbcString == "DSN=plant;PWD=Pw12345")
        do {
            _ = try ConnectionSpec.resolve("plant", password: "x;y+z")
            Issue.record("accepted")
        } catch let e as ConnectionError {
            #expect(e.message.contains("';'") && e.message.contains("'+'"))
            #expect(e.message.contains("instead of the DSN"))
            #expect(!e.description.contains("x;y+z"))
        }
    }

    @Test func aConnectionStringIsSentAsWrittenAndEndedForFreeTDS() throws {
        let s = try ConnectionSpec.resolve("Driver=FreeTDS;Server=h;Port=1433;UID=u;PWD={Pw12345}")
        #expect(s.odbcString == "Driver=FreeTDS;Server=h;Port=1433;UID=u;PWD={Pw12345};", "a trailing ';' so FreeTDS drops the '}'")
        #expect(s.passwordFromConnection)
        let appended = try ConnectionSpec.resolve("Driver=FreeTDS;Server=h", password: "a;b")
        #expect(appended.odbcString == "Driver=FreeTDS;Server=h;PWD={a;b};")
    }

    @Test func aMissingDSNIsNamedAsSuch() throws {
        let spec = try ConnectionSpec.resolve("no_such_dsn_oeedb")
        do {
            _ = try ODBCConnector.connect(spec, environment: TestEngines.environment)
            Issue.record("connected to a DSN that does not exist")
        } catch let e as ConnectionError {
            #expect(e.message.contains("DSN 'no_such_dsn_oeedb' is not defined"))
            #expect(!e.message.contains("(from the DSN)") && !e.message.contains("not installed"))
        }
    }
}
