import Foundation
import Testing
import OEEDSL
import OEEDiff
@testable import Migrations

/// A deliberately odd dialect: proves the directory logic hard-codes no SQL.
struct EchoDialect: SQLDialect {
    var id: String { "echo" }
    func render(_ plan: MigrationPlan) throws -> SQLScript {
        SQLScript(batches: plan.changes.map { SQLBatch("/* \($0) */ SELECT 1", comment: nil) })
    }
    func scriptText(_ script: SQLScript) -> String {
        script.batches.map { $0.sql + "\n;;\n" }.joined()
    }
}

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func model(extraColumn: Bool = false, dropTable: Bool = false) -> Database {
    Database("plant") {
        Schema("ref", "Master data") {
            Table("site", "A plant") {
                Column("site_id", .smallint, "Key")
                if extraColumn { Column("note", .nvarchar(100), "Note").nullable() }
                PrimaryKey("pk_site", "site_id")
            }
            if !dropTable {
                Table("area", "An area") {
                    Column("area_id", .int, "Key")
                    PrimaryKey("pk_area", "area_id")
                }
            }
        }
    }
}

@Suite struct MigrationFileNameTests {
    @Test func parsesAndFormats() {
        let f = MigrationFileName(parsing: "V0012__add_note.sql", extension: "sql")
        #expect(f == MigrationFileName(version: 12, name: "add_note"))
        #expect(f?.stem == "V0012__add_note")
        #expect(MigrationFileName(version: 12345, name: "x").versionText == "12345")
    }

    @Test(arguments: ["V1_x.sql", "0001__x.sql", "V__x.sql", "V0001__.sql", "V0001__a-b.sql", "V0000__x.sql", "V0001__x.txt"])
    func rejects(_ name: String) {
        #expect(MigrationFileName(parsing: name, extension: "sql") == nil)
    }

    @Test func sanitizesNames() {
        #expect(MigrationFileName.sanitize("Add note column!") == "add_note_column")
        #expect(MigrationFileName.sanitize("  --- ") == "")
    }
}

@Suite struct MigrationHeaderTests {
    @Test func directivesRoundTrip() throws {
        let header = MigrationHeader(version: 3, name: "x", transaction: false, checks: [
            MigrationCheck(phase: .pre, name: "no_nulls", expectation: .empty, query: "SELECT 1 FROM t WHERE c IS NULL"),
            MigrationCheck(phase: .post, name: "count", expectation: .scalar("4"), query: "SELECT COUNT(*) FROM t"),
        ])
        let text = header.directiveLines.joined(separator: "\n") + "\nSELECT 1;\n"
        #expect(try MigrationHeader.parse(text, file: "f.sql") == header)
        #expect(header.directiveLines[0] == "-- oeedb:version 0003")
    }

    @Test func unknownDirectivesAndBadChecksAreErrors() {
        #expect(throws: MigrationError("f.sql:3: unknown directive 'oeedb:transactoin'; known: version, name, transaction, max-batches, check, accept-blocking, pre-checks, step; did you mean 'transaction'?")) {
            try MigrationHeader.parse("-- oeedb:version 1\n-- oeedb:name a\n-- oeedb:transactoin off\n", file: "f.sql")
        }
        #expect(throws: MigrationError("f.sql:3: oeedb:check expectation must be 'empty' or 'scalar=VALUE', not 'none'")) {
            try MigrationHeader.parse("-- oeedb:version 1\n-- oeedb:name a\n-- oeedb:check pre x none: SELECT 1\n", file: "f.sql")
        }
        #expect(throws: MigrationError.self) { try MigrationHeader.parse("SELECT 1;\n", file: "f.sql") }
    }
}

@Suite struct MigrationGeneratorTests {
    func generate(_ url: URL, _ db: Database, name: String? = nil, allowDestructive: Bool = false) throws -> MigrationGenerator.Pending? {
        let gen = MigrationGenerator(directory: try MigrationDirectory.load(url), dialect: EchoDialect())
        guard let p = try gen.pending(model: db, name: name, allowDestructive: allowDestructive) else { return nil }
        _ = try gen.write(p)
        return p
    }

    @Test func baselineThenNoOpThenNextVersion() throws {
        let dir = try temporaryDirectory()
        let first = try #require(try generate(dir, model()))
        #expect(first.file.stem == "V0001__baseline")
        #expect(try generate(dir, model()) == nil)
        let second = try #require(try generate(dir, model(extraColumn: true), name: "Add note"))
        #expect(second.file.stem == "V0002__add_note")
        #expect(second.sql.contains("-- oeedb:version 0002\n-- oeedb:name add_note\n-- oeedb:transaction on\n"))
        #expect(second.sql.contains("--   add column ref.site.note"))
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["U0001__baseline.sql", "U0002__add_note.sql", "V0001__baseline.json", "V0001__baseline.sql", "V0002__add_note.json", "V0002__add_note.sql", "oeedb.sum"])
        #expect(try MigrationDirectory.load(dir).verify().isEmpty)
        #expect(try MigrationDirectory.load(dir).latest?.snapshot() == model(extraColumn: true))
    }

    @Test func sameModelRendersByteIdenticalFiles() throws {
        let a = try temporaryDirectory(), b = try temporaryDirectory()
        _ = try generate(a, model())
        _ = try generate(b, model())
        for name in ["V0001__baseline.sql", "V0001__baseline.json", "oeedb.sum"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(name)) == Data(contentsOf: b.appendingPathComponent(name)))
        }
    }

    @Test func destructiveChangesNeedPermission() throws {
        let dir = try temporaryDirectory()
        _ = try generate(dir, model())
        #expect(throws: MigrationError("the model holds 1 destructive change(s); review them and pass --allow-destructive to generate anyway:\n  - drops table ref.area and all its rows")) {
            try generate(dir, model(dropTable: true))
        }
        #expect(try generate(dir, model(dropTable: true), allowDestructive: true)?.file.version == 2)
    }

    @Test func editedShippedMigrationIsDetected() throws {
        let dir = try temporaryDirectory()
        _ = try generate(dir, model())
        let sql = dir.appendingPathComponent("V0001__baseline.sql")
        try (String(contentsOf: sql, encoding: .utf8) + "-- sneaky\n").write(to: sql, atomically: true, encoding: .utf8)
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1)
        #expect(problems[0].hasPrefix("V0001__baseline.sql: changed after it was generated"))
        #expect(throws: MigrationError.self) { try generate(dir, model(extraColumn: true)) }
    }

    @Test func twoBranchesAddingTheSameVersionAreDetected() throws {
        let dir = try temporaryDirectory()
        _ = try generate(dir, model())
        _ = try generate(dir, model(extraColumn: true), name: "mine")
        // The other branch's file arrives by merge, with its own line in oeedb.sum.
        try "-- oeedb:version 0002\n-- oeedb:name theirs\n".write(to: dir.appendingPathComponent("V0002__theirs.sql"), atomically: true, encoding: .utf8)
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.contains { $0.hasPrefix("version 0002 is used by V0002__mine.sql and V0002__theirs.sql") })
        #expect(problems.contains { $0.hasPrefix("V0002__theirs.sql: not recorded in oeedb.sum") })
    }

    @Test func handEditedSumFileIsDetected() throws {
        let dir = try temporaryDirectory()
        _ = try generate(dir, model())
        let sum = dir.appendingPathComponent("oeedb.sum")
        let text = try String(contentsOf: sum, encoding: .utf8).replacingOccurrences(of: "V0001__baseline.sql ", with: "V0001__baseline.sql 00")
        try text.write(to: sum, atomically: true, encoding: .utf8)
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("oeedb.sum: its total hash does not match its lines") == true)
        #expect(problems.first?.contains("'oeedb hash'") == true)
    }
}
