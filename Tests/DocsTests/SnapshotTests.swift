import Docs
import OEEDSL
import SnapshotTesting
import Testing

/// Every output format on the small fixture model, stored under
/// `__Snapshots__/SnapshotTests/` with the format's extension so reviewers
/// can open them (the HTML page opens in a browser).
@Suite struct SnapshotTests {
    let renderer = DocsRenderer(Fixture.database)

    func file(_ path: String) throws -> String {
        try #require(renderer.textFiles().first { $0.path == path }).contents
    }

    func strategy(_ pathExtension: String) -> Snapshotting<String, String> {
        var s = Snapshotting<String, String>.lines
        s.pathExtension = pathExtension
        return s
    }

    @Test func mermaidDatabase() throws {
        assertSnapshot(of: try file("erd/database.mmd"), as: strategy("mmd"))
    }

    @Test func mermaidSchema() throws {
        assertSnapshot(of: try file("erd/fact.mmd"), as: strategy("mmd"))
    }

    @Test func graphvizDatabase() throws {
        assertSnapshot(of: try file("erd/database.dot"), as: strategy("dot"))
    }

    @Test func graphvizSchema() throws {
        assertSnapshot(of: try file("erd/fact.dot"), as: strategy("dot"))
    }

    @Test func markdownDictionary() throws {
        assertSnapshot(of: try file("dictionary.md"), as: strategy("md"))
    }

    @Test func markdownOverview() throws {
        assertSnapshot(of: try file("README.md"), as: strategy("md"))
    }

    @Test func htmlDictionary() throws {
        assertSnapshot(of: try file("dictionary.html"), as: strategy("html"))
    }

    @Test func fileSetIsSortedAndComplete() {
        #expect(renderer.textFiles().map(\.path) == [
            "README.md", "dictionary.html", "dictionary.md",
            "erd/database.dot", "erd/database.mmd", "erd/fact.dot", "erd/fact.mmd",
            "erd/ref.dot", "erd/ref.mmd", "erd/sec.dot", "erd/sec.mmd",
        ])
    }
}
