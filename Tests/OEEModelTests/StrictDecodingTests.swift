import Foundation
import Testing
import OEEModel

/// Model JSON is read strictly: a key no model type knows is an error that
/// names its path, never a silently dropped setting.
@Suite struct StrictDecodingTests {
    func snapshotText() throws -> String {
        String(decoding: try ModelSnapshot.encode(Fixtures.valid), as: UTF8.self)
    }

    func decodeError(_ text: String) -> String? {
        do {
            _ = try ModelSnapshot.decode(Data(text.utf8))
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func misspeltIndexFilterIsRejectedWithItsPathAndTheKnownKeys() throws {
        let text = try snapshotText()
        #expect(text.contains("\"filter\" : {"))
        let broken = text.replacingOccurrences(of: "\"filter\" : {", with: "\"fliter\" : {")
        let message = try #require(decodeError(broken))
        #expect(message.contains("unknown key 'fliter'"), "\(message)")
        #expect(message.contains("at database.schemas[1].tables[0].indexes[0].fliter"), "\(message)")
        #expect(message.contains("(did you mean 'filter'?)"), "\(message)")
        #expect(message.contains("known keys: allowsUnaligned, compression, description, filter, included, isUnique, keys, kind, name, placement, renamedFrom"), "\(message)")
    }

    @Test func unknownKeysAreRejectedAtEveryLevel() throws {
        let text = try snapshotText()
        // The root, a nested struct, and an enum case's payload.
        let cases: [(from: String, to: String, path: String)] = [
            ("\"format\" : \"oeedb.model/1\"", "\"format\" : \"oeedb.model/1\", \"extra\" : 1", "at extra"),
            ("\"name\" : \"plant\"", "\"name\" : \"plant\", \"colour\" : \"red\"", "at database.colour"),
            ("\"isNull\" : {", "\"isNull\" : { \"negate\" : true,", "isNull.negate"),
        ]
        for c in cases {
            #expect(text.contains(c.from))
            let message = try #require(decodeError(text.replacingOccurrences(of: c.from, with: c.to)), "\(c.to) was accepted")
            #expect(message.contains("unknown key") && message.contains(c.path), "\(message)")
        }
    }

    @Test func aMisspeltRequiredKeyIsNamedAsTheUnknownKey() throws {
        let text = try snapshotText().replacingOccurrences(of: "\"isNullable\"", with: "\"isNulable\"")
        let message = try #require(decodeError(text))
        #expect(message.contains("unknown key 'isNulable'"), "\(message)")
        #expect(message.contains("database.schemas[0].tables[0].columns[0].isNulable"), "\(message)")
    }

    @Test func rawExpressionsKeepTheirDialectKeys() throws {
        var db = Fixtures.valid
        db.schemas[0].tables[0].checks.append(CheckConstraint(name: "ck_raw", expression: .raw(["sqlserver": "1 = 1", "postgres": "true"])))
        #expect(try ModelSnapshot.decode(ModelSnapshot.encode(db)) == db)
    }

    @Test func explicitNullForAnOptionalKeyIsAccepted() throws {
        let text = try snapshotText().replacingOccurrences(of: "\"name\" : \"plant\"", with: "\"name\" : \"plant\", \"description\" : null")
        #expect(decodeError(text) == nil)
    }

    /// Every committed snapshot still reads, and re-encodes to the same bytes.
    @Test func committedMigrationSnapshotsDecodeAndRoundTrip() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("migrations")
        let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: file)
            guard (try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["format"] as? String == ModelSnapshot.currentFormat else { continue }
            let db = try ModelSnapshot.decode(data)
            #expect(try ModelSnapshot.encode(db) == data, "\(file.lastPathComponent) does not round-trip")
        }
    }
}
