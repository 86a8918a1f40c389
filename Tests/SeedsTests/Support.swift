import Foundation
import Testing
import ODBC
import OEEDiff
import OEEModel
import OEESchema
import PostgreSQL
import OEETestSupport
@testable import Seeds

/// The canonical model, and its `ref` schema alone (what seeds load).
enum Models {
    static let canonical = OEESchema.database

    static var refOnly: Database {
        var m = canonical
        m.schemas = m.schemas.filter { $0.name == "ref" }
        m.partitionFunctions = []
        m.partitionSchemes = []
        return m
    }
}

/// The repository's seeds folder and throwaway copies of it.
enum SeedFixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = SeedDirectory(root: repositoryRoot.appendingPathComponent("seeds").path)

    /// A copy of the repository's seeds folder to edit.
    static func copy() throws -> SeedDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-seeds-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: seeds.root, toPath: url.path)
        return SeedDirectory(root: url.path)
    }

    /// A seeds folder holding one set `name` with the given files (name → CSV text).
    static func folder(_ files: [String: String], set name: String = "standard") throws -> SeedDirectory {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-seeds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent(name), withIntermediateDirectories: true)
        for (file, text) in files {
            try text.write(to: url.appendingPathComponent(name).appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        return SeedDirectory(root: url.path)
    }

    /// Replaces text in one file of a seeds folder.
    static func edit(_ dir: SeedDirectory, _ relative: String, replacing old: String, with new: String) throws {
        let path = dir.root + "/" + relative
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains(old), "fixture text '\(old)' not in \(relative)")
        try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static func parse(_ name: String, _ text: String) -> SeedFile {
        switch SeedFile.parse(path: name, table: SeedFile.table(forFileName: name)!, text: text) {
        case .success(let f): return f
        case .failure(let d): Issue.record("\(d)"); return SeedFile(path: name, table: QualifiedName("x", "y"), header: [], records: [])
        }
    }

    static func prepared(_ sets: [String] = ["standard"], in dir: SeedDirectory = seeds) throws -> PreparedSeed {
        try PreparedSeed.load(dir, sets: sets, model: Models.canonical)
    }
}

/// A fresh PostgreSQL database per test, created through the test cluster
/// the test command starts (OEEDB_TEST_PG), holding the canonical `ref`
/// schema. Tests that need it carry `.needsPostgres` (skipped without it; a
/// skip fails CI).
struct SeedTestDatabase {
    static let environment: ODBCEnvironment = try! ODBCEnvironment()
    let url: String
    let password: String

    /// `model`: the schema to create (default: the `ref` tables alone).
    static func make(model: Database = Models.refOnly) throws -> SeedTestDatabase? {
        guard let (url, pw) = try LivePostgres.createDatabase(prefix: "s_") else { return nil }
        let db = SeedTestDatabase(url: url, password: pw)
        try db.createSchema(model)
        return db
    }

    func connect() throws -> ODBCConnection {
        try ODBCConnector.connect(try ConnectionSpec.resolve(url, password: password), environment: SeedTestDatabase.environment)
    }

    /// Creates `model`'s objects as rendered by the PostgreSQL dialect.
    func createSchema(_ model: Database) throws {
        let plan = try Differ.plan(from: Database(name: model.name), to: model)
        let script = try PostgreSQLDialect().render(plan)
        let conn = try connect()
        for batch in script.batches { try conn.execute(batch.sql) }
        conn.close()
    }

    func loader() throws -> SeedLoader {
        SeedLoader(connection: try connect(), sql: PostgreSQLSeedSQL(), model: Models.canonical)
    }

    /// Loads sets of a seeds folder as `oeedb seed` does.
    @discardableResult
    func seed(_ sets: [String] = ["standard"], in dir: SeedDirectory = SeedFixtures.seeds, prune: Bool = false, dryRun: Bool = false) throws -> SeedPlan {
        try loader().load(try SeedFixtures.prepared(sets, in: dir), prune: prune, dryRun: dryRun)
    }

    func count(_ table: String) throws -> Int {
        Int(try connect().scalar("SELECT count(*) FROM \(table)") ?? "-1") ?? -1
    }
}

extension SeedPlan {
    /// `table: inserted/updated/unchanged/extra/deleted` per table, for compact expectations.
    var counts: [String: [Int]] {
        Dictionary(uniqueKeysWithValues: tables.map { ($0.name.description, [$0.inserts.count, $0.updates.count, $0.unchanged, $0.extras.count, $0.deletes.count]) })
    }

    func table(_ name: String) -> TablePlan? { tables.first { $0.name.description == name } }
}
