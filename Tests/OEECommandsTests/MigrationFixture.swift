import Foundation
import OEETestSupport
import Migrations
import ODBC
import OEEModel

/// Small hand-written PostgreSQL migration directories for command tests:
/// each migration creates one table; the snapshots hold an empty model, so
/// the catalog post-checks have nothing to compare.
enum MigrationFixture {
    /// A migrations root (`<root>/postgres/…`) with one migration per SQL text.
    static func root(_ sqls: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-cmd-\(UUID().uuidString)")
        let dir = root.appendingPathComponent("postgres")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (i, sql) in sqls.enumerated() { try add(dir, version: i + 1, sql: sql, rehash: false) }
        try MigrationDirectory.load(dir).writeIntegrity()
        return root
    }

    static let names = ["one", "two", "three", "four", "five"]

    static func add(_ dir: URL, version: Int, sql: String, rehash: Bool = true) throws {
        let file = MigrationFileName(version: version, name: names[version - 1])
        let text = MigrationHeader(version: version, name: file.name).directiveLines.joined(separator: "\n") + "\n\n" + sql
        try Data(text.utf8).write(to: dir.appendingPathComponent(file.stem + ".sql"))
        try ModelSnapshot.encode(Database(name: "plant")).write(to: dir.appendingPathComponent(file.stem + ".json"))
        if rehash { try MigrationDirectory.load(dir).writeIntegrity() }
    }
}

/// A fresh PostgreSQL database on the test cluster (OEEDB_TEST_PG).
struct LiveDatabase {
    static let environment: ODBCEnvironment = try! ODBCEnvironment()
    let url: String
    let password: String

    static func make() throws -> LiveDatabase? {
        guard let (url, pw) = try LivePostgres.createDatabase(prefix: "c_") else { return nil }
        return LiveDatabase(url: url, password: pw)
    }

    func scalar(_ sql: String) throws -> String? {
        let conn = try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password), environment: Self.environment)
        defer { conn.close() }
        return try conn.scalar(sql)
    }
}

/// The built `oeedb` binary, run in its own process.
enum OeedbProcess {
    static var url: URL {
        if let path = ProcessInfo.processInfo.environment["OEEDB_BIN"] { return URL(fileURLWithPath: path) }
        return CommandLineTests.root.appendingPathComponent(".build/debug/oeedb")
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ arguments: [String], password: String, executable: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = executable ?? url
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OEEDB_PASSWORD"] = password
        env.removeValue(forKey: "OEEDB_PASSWORD_FILE")
        env.removeValue(forKey: "OEEDB_CONNECTION")
        p.environment = env
        // Standard error goes to a file, so only one pipe needs draining.
        let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-stderr-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errURL) }
        let err = try FileHandle(forWritingTo: errURL)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try err.close()
        let errData = try Data(contentsOf: errURL)
        return Result(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }
}
