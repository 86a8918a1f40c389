import Foundation
import Testing
import ODBC
import OEEDSL
import Migrations
import PostgreSQL
import Runner
import OEETestSupport

/// A fresh PostgreSQL database per test, created through the test cluster
/// that the test command starts (OEEDB_TEST_PG). Tests that need it carry
/// `.needsPostgres` (skipped without it; a skip fails CI).
struct TestDatabase {
    static let environment: ODBCEnvironment = try! ODBCEnvironment()
    let name: String
    let url: String
    let password: String

    static func make() throws -> TestDatabase? {
        guard let (url, pw) = try LivePostgres.createDatabase(prefix: "t_") else { return nil }
        return TestDatabase(name: String(url[url.index(after: url.lastIndex(of: "/")!)...]), url: url, password: pw)
    }

    func connect() throws -> ODBCConnection {
        try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password), environment: TestDatabase.environment)
    }

    /// A new connection to the server on `port` (a relay in front of it)
    /// or the database's own; with `handWritten`, through an ODBC connection
    /// string as a DBA would write it, without oeedb's `Protocol=7.4-1`
    /// (psqlODBC then wraps every statement in a savepoint).
    func connect(port: Int? = nil, handWritten: Bool) throws -> ODBCConnection {
        var url = try #require(URLComponents(string: self.url))
        if let port { url.port = port }
        let text = handWritten
            ? "Driver=PostgreSQL Unicode;Server=\(url.host ?? "");Port=\(url.port ?? 5432);Database=\(name);UID=\(url.user ?? "")"
            : try #require(url.string)
        return try ODBCConnector.connect(try ConnectionSpec.resolve(text, password: password), environment: TestDatabase.environment)
    }

    /// A runner over `directory` on a new connection.
    func runner(_ directory: URL) throws -> MigrationRunner {
        MigrationRunner(connection: try connect(), dialect: PostgreSQLDialect(), directory: try MigrationDirectory.load(directory))
    }
}

/// Migration directories generated from small models with the real generator.
enum TestMigrations {
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Generates the next migration of `dir` from `model`.
    @discardableResult
    static func generate(_ dir: URL, _ model: Database, name: String? = nil, allowDestructive: Bool = true) throws -> MigrationGenerator.Pending? {
        let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: PostgreSQLDialect())
        guard let pending = try gen.pending(model: model, name: name, allowDestructive: allowDestructive) else { return nil }
        _ = try gen.write(pending)
        return pending
    }

    /// Adds a hand-written migration (with its snapshot) and refreshes the integrity file.
    static func addHandWritten(_ dir: URL, version: Int, name: String, sql: String, snapshot: Database, transaction: Bool = true) throws {
        let file = MigrationFileName(version: version, name: name)
        let header = MigrationHeader(version: version, name: name, transaction: transaction)
        let text = header.directiveLines.joined(separator: "\n") + "\n\n" + sql
        try text.write(to: dir.appendingPathComponent(file.stem + ".sql"), atomically: true, encoding: .utf8)
        try ModelSnapshot.encode(snapshot).write(to: dir.appendingPathComponent(file.stem + ".json"))
        try MigrationDirectory.load(dir).writeIntegrity()
    }

    static func v1() -> Database {
        Database("plant") {
            Schema("ref", "Master data") {
                Table("site", "A plant") {
                    Column("site_id", .smallint, "Key")
                    Column("code", .varchar(32), "Code")
                    PrimaryKey("pk_site", "site_id")
                }
                Table("machine", "A machine") {
                    Column("machine_id", .int, "Key").identity()
                    Column("site_id", .smallint, "Site")
                    Column("name", .nvarchar(64), "Name").nullable()
                    Column("qty", .int, "Quantity").nullable()
                    PrimaryKey("pk_machine", "machine_id")
                    ForeignKey("fk_machine_site", "site_id", references: "ref.site")
                    Index("ix_machine_site", on: "site_id")
                }
            }
        }
    }

    static func edit(_ db: Database, _ table: String, _ body: (inout Table) -> Void) -> Database {
        var db = db
        let t = db.schemas[0].tables.firstIndex { $0.name == table }!
        body(&db.schemas[0].tables[t])
        return db
    }
}
