import Foundation
import Testing
import OEEDSL
import OEEDiff
@testable import Migrations

/// The snapshot store: version 1 holds the full model, later versions the
/// delta from the one before; the full model at any version is derived by
/// replaying, with the same integrity and strict-decoding guarantees.
@Suite struct SnapshotStoreTests {
    /// A model of `tables` tables in `ref` (optionally with a note column on
    /// `t<noteOn>`, a second schema, a description).
    static func plant(tables: Int, noteOn: Int? = nil, extraSchema: Bool = false, description: String? = nil, insertAt: Int? = nil) -> Database {
        var db = Database("plant") {
            Schema("ref", "Master data") {
                for i in 1...tables {
                    Table("t\(i)", "Table \(i)") {
                        Column("id", .int, "Key")
                        if noteOn == i { Column("note", .nvarchar(100), "Note").nullable() }
                        PrimaryKey("pk_t\(i)", "id")
                    }
                }
            }
        }
        if let insertAt {
            db.schemas[0].tables.insert(Table(name: "inserted", description: "In the middle", columns: [Column(name: "id", type: .int, description: "Key")]), at: insertAt)
        }
        if extraSchema { db.schemas.append(Schema(name: "fact", description: "Facts")) }
        db.description = description
        return db
    }

    func generate(_ models: [Database], into dir: URL? = nil) throws -> URL {
        let dir = try dir ?? temporaryDirectory()
        for m in models {
            let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
            if let pending = try gen.pending(model: m, name: nil, allowDestructive: true) { _ = try gen.write(pending) }
        }
        return dir
    }

    func text(_ dir: URL, _ name: String) throws -> String {
        try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
    }

    @Test func theFirstVersionIsAFullSnapshotAndLaterOnesAreDeltasReplayedToTheirModel() throws {
        let models = [Self.plant(tables: 3), Self.plant(tables: 3, noteOn: 2), Self.plant(tables: 4, noteOn: 2), Self.plant(tables: 2)]
        let dir = try generate(models)
        let loaded = try MigrationDirectory.load(dir)
        #expect(try loaded.verify().isEmpty)
        #expect(try text(dir, "V0001__baseline.json").contains("\"format\" : \"oeedb.model/1\""))
        for (i, m) in loaded.migrations.enumerated() {
            #expect(try m.snapshot() == models[i], "\(m.file)")
            if i > 0 {
                let delta = try #require(try m.delta(), "\(m.file) is a delta")
                #expect(delta.previous == loaded.migrations[i - 1].file.stem)
            }
        }
        // V2 replaces t2 only; V3 adds t4 after t3; V4 removes t3 and t4, replaces t2.
        let v2 = try #require(try loaded.migrations[1].delta())
        #expect(v2.replaced?.tables?.map(\.object.name) == ["t2"] && v2.added == nil && v2.removed == nil)
        let v3 = try #require(try loaded.migrations[2].delta())
        #expect(v3.added?.tables?.map { "\($0.schema ?? "") \($0.after ?? "-") \($0.object.name)" } == ["ref t3 t4"])
        let v4 = try #require(try loaded.migrations[3].delta())
        #expect(v4.removed?.tables?.map(\.name) == ["t3", "t4"] && v4.replaced?.tables?.map(\.object.name) == ["t2"])
        // Read in any order (a fresh load each time), the models are the same.
        for i in [3, 0, 2, 1] {
            #expect(try MigrationDirectory.load(dir).migrations[i].snapshot() == models[i])
        }
        // The next generate diffs against the replayed latest model: nothing to do.
        #expect(try MigrationGenerator(directory: loaded, dialect: EchoDialect()).pending(model: models[3], name: nil, allowDestructive: false) == nil)
    }

    @Test func theFolderGrowsWithTheChangesNotWithVersionsTimesModel() throws {
        // 40 versions of a 60-table model, each adding one column to one table.
        let models = [Self.plant(tables: 60)] + (1...39).map { Self.plant(tables: 60, noteOn: $0) }
        let dir = try generate(models)
        let baseline = try Data(contentsOf: dir.appendingPathComponent("V0001__baseline.json")).count
        let loaded = try MigrationDirectory.load(dir)
        let deltas = try loaded.migrations.dropFirst().map { try Data(contentsOf: $0.snapshotURL).count }
        // Each delta holds two tables (the note removed from one, added to the next): a few
        // hundred bytes, not the model's size.
        #expect(deltas.allSatisfy { $0 * 20 < baseline }, "baseline \(baseline) B, deltas \(deltas.max() ?? 0) B at most")
        #expect(try loaded.latest?.snapshot() == models.last)
    }

    @Test func aNewSchemaARemovedSchemaAndTheDatabaseDescriptionReplayInOrder() throws {
        let models = [Self.plant(tables: 2), Self.plant(tables: 2, extraSchema: true, description: "Plant DB"), Self.plant(tables: 2, insertAt: 1)]
        let dir = try generate(models)
        let loaded = try MigrationDirectory.load(dir)
        #expect(try loaded.verify().isEmpty)
        let v2 = try #require(try loaded.migrations[1].delta())
        #expect(v2.added?.schemas?.map { "\($0.after ?? "-") \($0.object.name)" } == ["ref fact"])
        #expect(v2.database?.name == "plant" && v2.database?.description == "Plant DB")
        let v3 = try #require(try loaded.migrations[2].delta())
        #expect(v3.removed?.schemas?.map(\.name) == ["fact"])
        #expect(v3.added?.tables?.map { "\($0.after ?? "-") \($0.object.name)" } == ["t1 inserted"])
        #expect(try loaded.migrations.map { try $0.snapshot() } == models)
    }

    @Test func aReorderedModelIsWrittenAsAFullSnapshot() throws {
        // Reordered (which alone is no migration) and one column added.
        var reordered = Self.plant(tables: 3, noteOn: 1)
        reordered.schemas[0].tables.reverse()
        #expect(ModelDelta.between(Self.plant(tables: 3), reordered, previous: "V0001__baseline") == nil)
        let dir = try generate([Self.plant(tables: 3), reordered])
        let loaded = try MigrationDirectory.load(dir)
        try #require(loaded.migrations.count == 2)
        #expect(try loaded.migrations[1].delta() == nil)
        #expect(try text(dir, "V0002__update.json").contains("\"format\" : \"oeedb.model/1\""))
        #expect(try loaded.latest?.snapshot() == reordered)
    }

    @Test func oldFoldersOfFullSnapshotsAndDeltasMix() throws {
        // V1 and V2 full (the form written before deltas), V3 a delta of V2.
        let dir = try temporaryDirectory()
        for (v, m) in [(1, Self.plant(tables: 2)), (2, Self.plant(tables: 3))] {
            let file = MigrationFileName(version: v, name: "v\(v)")
            try Data("-- oeedb:version \(file.versionText)\n-- oeedb:name v\(v)\n".utf8).write(to: dir.appendingPathComponent(file.stem + ".sql"))
            try ModelSnapshot.encode(m).write(to: dir.appendingPathComponent(file.stem + ".json"))
        }
        try MigrationDirectory.load(dir).writeIntegrity()
        _ = try generate([Self.plant(tables: 3, noteOn: 1)], into: dir)
        let loaded = try MigrationDirectory.load(dir)
        #expect(try loaded.verify().isEmpty)
        #expect(try loaded.migrations.map { try $0.delta() == nil } == [true, true, false])
        #expect(try loaded.migrations.map { try $0.snapshot() } == [Self.plant(tables: 2), Self.plant(tables: 3), Self.plant(tables: 3, noteOn: 1)])
    }

    /// Edits a file and re-records oeedb.sum (as `oeedb hash` would), so only
    /// the snapshot checks can catch it.
    func tamper(_ dir: URL, _ name: String, _ edit: (String) -> String) throws {
        let url = dir.appendingPathComponent(name)
        try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        try MigrationDirectory.load(dir).writeIntegrity()
    }

    @Test func aDeltaNamingAnotherPreviousVersionIsReported() throws {
        let dir = try generate([Self.plant(tables: 2), Self.plant(tables: 3), Self.plant(tables: 4)])
        try tamper(dir, "V0003__update.json") { $0.replacingOccurrences(of: "\"V0002__update\"", with: "\"V0001__baseline\"") }
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("V0003__update.json: its model delta applies to V0001__baseline, but the version before it is V0002__update") == true, "\(problems)")
        #expect(problems.first?.contains("'oeedb hash'") == true)
    }

    @Test func aDeltaThatDoesNotFitThePreviousModelIsReportedBeforeAnythingRuns() throws {
        let dir = try generate([Self.plant(tables: 2), Self.plant(tables: 3)])
        // V2 adds t3; a hand edit makes it add t2, which V1 already has.
        try tamper(dir, "V0002__update.json") { $0.replacingOccurrences(of: "\"name\" : \"t3\"", with: "\"name\" : \"t2\"") }
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems == ["V0002__update.json: the model delta of V0002__update does not apply to V0001__baseline's model: it adds table t2, which the previous version already has in schema ref; restore the file from version control (git checkout -- V0002__update.json)"])
        let gen = MigrationGenerator(directory: try MigrationDirectory.load(dir), dialect: EchoDialect())
        #expect(throws: MigrationError.self) { try gen.pending(model: Self.plant(tables: 3), name: nil, allowDestructive: true) }
    }

    @Test func aDeltaIsDecodedStrictly() throws {
        let dir = try generate([Self.plant(tables: 2), Self.plant(tables: 3)])
        try tamper(dir, "V0002__update.json") { $0.replacingOccurrences(of: "\"after\" :", with: "\"aftre\" :") }
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("V0002__update.json: model snapshot of V0002__update does not decode") == true, "\(problems)")
        #expect(problems.first?.contains("unknown key 'aftre' (did you mean 'after'?)") == true, "\(problems)")
    }

    @Test func theFirstVersionMustBeAFullSnapshot() throws {
        let dir = try generate([Self.plant(tables: 2), Self.plant(tables: 3)])
        try FileManager.default.removeItem(at: dir.appendingPathComponent("V0001__baseline.sql"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("V0001__baseline.json"))
        try MigrationDirectory.load(dir).writeIntegrity()
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.contains { $0.hasPrefix("V0002__update.json: a model delta (of V0001__baseline), but V0002__update is the first version") }, "\(problems)")
    }

    @Test func anEditedDeltaStillFailsTheIntegrityFile() throws {
        let dir = try generate([Self.plant(tables: 2), Self.plant(tables: 3)])
        let url = dir.appendingPathComponent("V0002__update.json")
        try Data(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "Table 3", with: "Table three").utf8).write(to: url)
        let problems = try MigrationDirectory.load(dir).verify()
        #expect(problems.count == 1 && problems.first?.hasPrefix("V0002__update.json: changed after it was generated") == true, "\(problems)")
    }

    @Test func touchedTablesAreTheDeltasTablesAndThoseOfRemovedSchemas() throws {
        let before = Self.plant(tables: 3, extraSchema: true)
        var after = Self.plant(tables: 3, noteOn: 1)
        after.schemas[0].tables.removeLast()
        var withFact = before
        withFact.schemas[1].tables = [Table(name: "cycle", columns: [Column(name: "id", type: .int)])]
        let delta = try #require(ModelDelta.between(withFact, after, previous: "V0001__baseline"))
        #expect(delta.touchedTables(previous: withFact).map(\.description) == ["ref.t1", "ref.t3", "fact.cycle"])
        #expect(ModelDelta(previous: "V0001__baseline").isEmpty)
    }
}
