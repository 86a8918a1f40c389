import Foundation
import Testing
import ModelSource
import OEEModel

/// The printed source committed under Tests/ImportFixtures, which the build
/// compiles: comparing it with what the printer writes now, and the model it
/// builds with the model it was printed from, proves the source compiles to
/// that model without running the compiler inside a test.
/// `OEEDB_RECORD_IMPORT=1` rewrites the files instead of comparing them.
enum FixtureFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Tests/ImportFixtures")
    static var recording: Bool { ProcessInfo.processInfo.environment["OEEDB_RECORD_IMPORT"] == "1" }

    /// Expects the committed files of `typeName` to be `files` (or records them).
    static func check(_ files: [(name: String, contents: String)], typeName: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let committed = try fm.contentsOfDirectory(atPath: folder.path)
            .filter { $0 == "\(typeName).swift" || $0.hasPrefix("\(typeName)+") }.sorted()
        if recording {
            for name in committed { try fm.removeItem(at: folder.appendingPathComponent(name)) }
            for f in files { try Data(f.contents.utf8).write(to: folder.appendingPathComponent(f.name)) }
            Issue.record("recorded \(files.count) file(s) of \(typeName); run again without OEEDB_RECORD_IMPORT", sourceLocation: sourceLocation)
            return
        }
        #expect(committed == files.map(\.name).sorted(), "Tests/ImportFixtures holds other files for \(typeName): re-record with OEEDB_RECORD_IMPORT=1", sourceLocation: sourceLocation)
        for f in files {
            let text = try? String(contentsOf: folder.appendingPathComponent(f.name), encoding: .utf8)
            #expect(text == f.contents, "Tests/ImportFixtures/\(f.name) differs from what the printer writes: re-record with OEEDB_RECORD_IMPORT=1", sourceLocation: sourceLocation)
        }
    }

    /// Expects a committed text file (the fixture's loss report) to be `text`.
    static func checkText(_ text: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent(name)
        if recording {
            try Data(text.utf8).write(to: url)
            return
        }
        #expect((try? String(contentsOf: url, encoding: .utf8)) == text, "Tests/ImportFixtures/\(name) is stale: re-record with OEEDB_RECORD_IMPORT=1", sourceLocation: sourceLocation)
    }

    static func json(_ db: Database) throws -> String {
        String(decoding: try ModelSnapshot.encode(db), as: UTF8.self)
    }
}
