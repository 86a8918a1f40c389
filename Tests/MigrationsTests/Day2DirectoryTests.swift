import Foundation
import Testing
import OEEDSL
import OEEDiff
@testable import Migrations

/// Undo scripts, hand-written migrations and the new directives go through
/// the same up-front directory checks as generated migrations.
@Suite struct Day2DirectoryTests {
    func generated(_ models: [Database]) throws -> URL {
        let dir = try temporaryDirectory()
        for m in models {
            let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
            _ = try gen.write(try #require(try gen.pending(model: m, name: nil, allowDestructive: true)))
        }
        return dir
    }

    @Test func generateWritesAnUndoScriptPerVersionCoveredByTheIntegrityFile() throws {
        let dir = try generated([model(), model(extraColumn: true)])
        let loaded = try MigrationDirectory.load(dir)
        #expect(loaded.undos.map(\.file.stem) == ["U0001__baseline", "U0002__update"])
        #expect(try loaded.verify().isEmpty)
        let sum = try String(contentsOf: dir.appendingPathComponent("oeedb.sum"), encoding: .utf8)
        #expect(sum.contains("U0002__update.sql "))
        let undo = try #require(loaded.undo(for: 2))
        #expect(undo.text.contains("drop column ref.site.note"))
        // The echo dialect has no runner SQL, so no checks; the header parses.
        #expect(try undo.header.version == 2)
    }

    @Test func anEditedUndoScriptIsReportedLikeAnyMigration() throws {
        let dir = try generated([model(), model(extraColumn: true)])
        try "-- oeedb:version 0002\n-- oeedb:name update\n-- oeedb:transaction on\nSELECT 2;\n".write(to: dir.appendingPathComponent("U0002__update.sql"), atomically: true, encoding: .utf8)
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("U0002__update.sql: changed after it was generated") == true)
        #expect(problems.first?.contains("run 'oeedb hash' to record the edit") == true)
    }

    @Test func anUndoScriptWithoutItsMigrationOrOutsideATransactionIsAProblem() throws {
        let dir = try generated([model()])
        try "-- oeedb:version 0003\n-- oeedb:name gone\n-- oeedb:transaction off\nSELECT 1;\n".write(to: dir.appendingPathComponent("U0003__gone.sql"), atomically: true, encoding: .utf8)
        try "-- oeedb:version 0004\n-- oeedb:name other\nSELECT 1;\n".write(to: dir.appendingPathComponent("U0001__baseline_x.sql"), atomically: true, encoding: .utf8)
        try MigrationDirectory.load(dir).writeIntegrity()
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.contains { $0.hasPrefix("U0003__gone.sql: an undo script runs in one transaction") })
        #expect(problems.contains { $0.hasPrefix("U0003__gone.sql: undoes V0003__gone.sql, which is not in") })
        #expect(problems.contains { $0.hasPrefix("U0001__baseline_x.sql: its header says '-- oeedb:version 0004'") })
        #expect(problems.contains { $0.hasPrefix("U0001__baseline_x.sql: undoes V0001__baseline_x.sql") })
    }

    @Test func batchesAndMaxBatchesDirectivesParseAndRoundTrip() throws {
        let text = "-- oeedb:version 0005\n-- oeedb:name backfill\n-- oeedb:transaction batches\n-- oeedb:max-batches 500\nUPDATE t SET a = 1 WHERE a IS NULL;\n"
        let header = try MigrationHeader.parse(text, file: "V0005__backfill.sql")
        #expect(header.mode == .batches && header.maxBatches == 500 && header.batchLimit == 500 && !header.transaction)
        #expect(header.directiveLines == Array(text.split(separator: "\n").prefix(4).map(String.init)))
        #expect(MigrationHeader(version: 1, name: "x", mode: .batches).batchLimit == MigrationHeader.defaultMaxBatches)
    }

    @Test func maxBatchesOutsideBatchesOrNotANumberIsAProblem() {
        let (_, outside) = MigrationHeader.scan("-- oeedb:version 1\n-- oeedb:name x\n-- oeedb:max-batches 5\n", file: "V0001__x.sql")
        #expect(outside == ["V0001__x.sql:3: oeedb:max-batches applies only to '-- oeedb:transaction batches'; remove it or change the transaction directive"])
        let (_, bad) = MigrationHeader.scan("-- oeedb:version 1\n-- oeedb:name x\n-- oeedb:transaction batches\n-- oeedb:max-batches lots\n-- oeedb:transaction sometimes\n", file: "V0001__x.sql")
        #expect(bad.contains("V0001__x.sql:4: oeedb:max-batches 'lots' is not a positive number; write e.g. '-- oeedb:max-batches 5000'"))
        #expect(bad.contains { $0.hasPrefix("V0001__x.sql:5: oeedb:transaction must be 'on', 'off' or 'batches'") })
        let (_, typo) = MigrationHeader.scan("-- oeedb:version 1\n-- oeedb:name x\n-- oeedb:max-batch 5\n", file: "V0001__x.sql")
        #expect(typo.first?.contains("did you mean 'max-batches'?") == true)
    }

    @Test func dataLossChecksParseAndRoundTrip() throws {
        let line = "-- oeedb:check data-loss no_rows_ref_line empty: SELECT 1 FROM ref.line LIMIT 1;"
        let header = try MigrationHeader.parse("-- oeedb:version 2\n-- oeedb:name x\n" + line + "\n", file: "U0002__x.sql")
        #expect(header.checks.first?.phase == .dataLoss)
        #expect(header.checks.first?.directive == line)
    }

    @Test func newWritesAnIntactHeaderAndThePreviousSnapshotUnchanged() throws {
        let dir = try generated([model(), model(extraColumn: true)])
        let directory = try MigrationDirectory.load(dir)
        let plan = try HandWrittenMigration.plan(directory: directory, dialect: "postgres", name: "Backfill notes!", version: 4)
        #expect(plan.file.stem == "V0004__backfill_notes")
        _ = try plan.write(to: directory)
        let reloaded = try MigrationDirectory.load(dir)
        #expect(try reloaded.verify().isEmpty)
        let m = try #require(reloaded.latest)
        #expect(m.file.version == 4)
        #expect(try m.header.mode == .on && m.header.checks.isEmpty)
        // Its .json is an empty delta of the version before it; its model is that version's.
        #expect(try String(contentsOf: m.snapshotURL, encoding: .utf8) == "{\n  \"format\" : \"oeedb.delta/1\",\n  \"previous\" : \"V0002__update\"\n}\n")
        #expect(try m.snapshot() == model(extraColumn: true))
        #expect(m.text.contains("check pre NAME empty: QUERY") && m.text.contains("transaction batches"))
        // The next generate diffs against it and finds the model unchanged.
        let gen = MigrationGenerator(directory: reloaded, dialect: EchoDialect())
        #expect(try gen.pending(model: model(extraColumn: true), name: nil, allowDestructive: false) == nil)
    }

    @Test func newRefusesAnEmptyDirectoryAndAVersionNotAfterTheLatest() throws {
        let empty = try MigrationDirectory.load(try temporaryDirectory())
        #expect(throws: MigrationError.self) { try HandWrittenMigration.plan(directory: empty, dialect: "postgres", name: "x", version: 1) }
        let dir = try MigrationDirectory.load(try generated([model()]))
        #expect(throws: MigrationError.self) { try HandWrittenMigration.plan(directory: dir, dialect: "postgres", name: "x", version: 1) }
    }

    @Test func generateTakesTheAlignedVersion() throws {
        let dir = try generated([model()])
        let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
        let pending = try #require(try gen.pending(model: model(extraColumn: true), name: "note", allowDestructive: false, version: 7))
        #expect(pending.file.stem == "V0007__note")
        #expect(pending.undoSQL?.contains("-- oeedb:version 0007") == true)
    }

    @Test func undoFileNamesParse() {
        #expect(MigrationFileName(parsing: "U0002__add_note.sql", extension: "sql", undo: true) == MigrationFileName(version: 2, name: "add_note", isUndo: true))
        #expect(MigrationFileName(parsing: "U0002__add_note.sql", extension: "sql") == nil)
        #expect(MigrationFileName(version: 2, name: "add_note").undo.stem == "U0002__add_note")
    }
}
