import Foundation
import Testing
@testable import OEEModel

/// The fast snapshot reader gives exactly what the Foundation path gives, and
/// declines (so the Foundation path words the error) whatever is not plain.
@Suite struct SnapshotJSONTests {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(arguments: ["migrations/postgres/V0001__baseline.json", "migrations/sqlserver/V0001__baseline.json"])
    func decodesTheShippedSnapshotsLikeTheFoundationPath(_ path: String) throws {
        let data = try Data(contentsOf: Self.repo.appendingPathComponent(path))
        let fast = try data.withUnsafeBytes { try FastJSON.parse($0) }
        let viaFast = try ModelSnapshot(from: NodeDecoder(fast))
        let viaFoundation = try JSONDecoder().decode(StrictBox<ModelSnapshot>.self, from: data).value
        #expect(viaFast == viaFoundation)
        #expect(viaFast.database.allTables.count > 10)
    }

    @Test(arguments: [
        #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],"extra":1}}"#,  // unknown key
        #"{"a":1,"a":2}"#, "[1,]", "{\"a\":01}", "\"\\ud800\"", "tru", "{} x", "\"a\u{01}\"",
    ])
    func declinesWhatIsNotPlain(_ text: String) throws {
        let data = Data(text.utf8)
        let declined = (try? data.withUnsafeBytes { try FastJSON.parse($0) }).map { (try? ModelSnapshot(from: NodeDecoder($0))) == nil } ?? true
        #expect(declined)
    }

    @Test func unescapesStringsLikeJSON() throws {
        let node = try Data(#"["a\"b\\c\/d\n\u00e9\ud83d\ude00"]"#.utf8).withUnsafeBytes { try FastJSON.parse($0) }
        #expect(try [String](from: NodeDecoder(node)) == ["a\"b\\c/d\né😀"])
    }

    @Test func anUnknownKeyStillGetsTheFoundationPathsMessage() {
        let text = #"{"format":"oeedb.model/1","database":{"name":"a","schemas":[],"partitionFunctions":[],"partitionSchemes":[],"descripton":"x"}}"#
        #expect(throws: SnapshotError.self) { try ModelSnapshot.decode(Data(text.utf8)) }
        do { _ = try ModelSnapshot.decode(Data(text.utf8)) } catch {
            #expect("\(error)".contains("unknown key 'descripton' (did you mean 'description'?) at database.descripton"), "\(error)")
        }
    }
}
