import Foundation
import Testing
import OEEDSL
import OEEDiff
@testable import Migrations

/// What the issue-17 part-4 speed-ups must keep: the header scan finds the
/// same directives and lookalikes on raw bytes, a released full snapshot is
/// read again only as the bytes verified at load, the integrity file written
/// by `generate` records what was verified (no second read), and the two
/// parallel halves report their errors apart.
@Suite struct GeneratePerformanceTests {
    @Test func lineScanMarksEveryLineHoldingTheDirectivePrefixAndNoOther() {
        let text = "-- oeedb:version 0001\nSELECT 1;\n\n  -- oeedb:check post x empty: SELECT 1\r\nxoeedb:y\noeedb\n:oeedb\nend"
        let spans = LineScan.lines(in: Array(text.utf8))
        // Split on the byte: "\r\n" is one Character, so String.split would not cut it.
        let lines = Array(text.utf8).split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        #expect(spans.count == lines.count)
        for (span, line) in zip(spans, lines) {
            let bytes = Array(text.utf8)[span.start..<span.end]
            #expect(String(decoding: bytes, as: UTF8.self) == line)
            #expect(span.mayHoldDirective == line.contains("oeedb:"), "\(line)")
        }
    }

    @Test func theHeaderScanStillFindsBodyDirectivesAndHeaderLookalikesOfALargeFile() {
        var text = "-- oeedb:version 0003\n-- oeedb:name big\n-- oedb:check pre x empty: SELECT 1\n--\n"
        for i in 0..<20_000 { text += "CREATE TABLE t\(i) (id int); -- é\n" }
        text += "-- oeedb:check post late empty: SELECT 1\n-- oedb:ignored in the body\n"
        let (header, problems) = MigrationHeader.scan(text, file: "V0003__big.sql")
        let h = try? #require(header)
        #expect(h?.version == 3 && h?.name == "big")
        #expect(h?.checks.map(\.name) == ["late"])
        #expect(problems.count == 1 && problems[0].hasPrefix("V0003__big.sql:3: "), "\(problems)")
    }

    @Test func aReleasedFullSnapshotIsReadAgainOnlyAsTheBytesVerifiedAtLoad() throws {
        let dir = try temporaryDirectory()
        let model = SnapshotStoreTests.plant(tables: 3)
        let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
        _ = try gen.write(try #require(try gen.pending(model: model, name: nil, allowDestructive: true)))
        let loaded = try MigrationDirectory.load(dir)
        let store = try #require(loaded.migrations[0].link?.store)
        #expect(try store.database(at: 0) == model)
        #expect(store.entries[0].data == nil, "the bytes are released once parsed")
        // Same bytes on disk: a second decode (cache evicted) reads them again.
        #expect(try SnapshotStore(entries: store.entries).database(at: 0) == model)
        // Changed on disk after load: refused, not decoded.
        let url = dir.appendingPathComponent("V0001__baseline.json")
        var changed = try Data(contentsOf: url)
        changed.append(0x0A)
        try changed.write(to: url)
        #expect(throws: MigrationError.self) { try SnapshotStore(entries: store.entries).database(at: 0) }
    }

    @Test func generateRecordsTheChecksumsVerifiedAtLoadAndHashesOnlyTheNewFiles() throws {
        let dir = try temporaryDirectory()
        let gen1 = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
        _ = try gen1.write(try #require(try gen1.pending(model: SnapshotStoreTests.plant(tables: 2), name: nil, allowDestructive: true)))
        let before = try MigrationDirectory.load(dir)
        let sumAfterV1 = try IntegrityFile.parse(try String(contentsOf: dir.appendingPathComponent(IntegrityFile.fileName), encoding: .utf8), path: "oeedb.sum")
        let gen2 = MigrationGenerator(directory: before, dialect: EchoDialect())
        _ = try gen2.write(try #require(try gen2.pending(model: SnapshotStoreTests.plant(tables: 2, noteOn: 1), name: "note", allowDestructive: true)))
        let after = try MigrationDirectory.load(dir)
        #expect(try after.verify().isEmpty)
        let sum = try IntegrityFile.parse(try String(contentsOf: dir.appendingPathComponent(IntegrityFile.fileName), encoding: .utf8), path: "oeedb.sum")
        for (name, hash) in sumAfterV1.entries { #expect(sum.entries[name] == hash, "\(name)") }
        #expect(sum.entries.keys.contains("V0002__note.sql") && sum.entries.keys.contains("V0002__note.json"))
    }

    @Test func bothRunsEachPieceOnceAndKeepsTheirErrorsApart() {
        struct Boom: Error {}
        let (a, b) = Parallel.both({ 21 * 2 }, { () throws -> String in throw Boom() })
        #expect((try? a.get()) == 42)
        #expect(throws: Boom.self) { try b.get() }
    }
}
