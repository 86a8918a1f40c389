import Docs
import Foundation
import OEESchema
import Testing

/// Renders the canonical HTML dictionary in headless Chromium through
/// `scripts/docs-screenshot.sh`: the screenshot must not be blank and the DOM
/// must show every table. Runs when `OEEDB_DOCS_BROWSER_CHECK=1`, and always
/// under `CI=true`, where a missing script is a failure too.
@Suite struct BrowserCheckTests {
    static let environment = ProcessInfo.processInfo.environment
    static let requested = environment["OEEDB_DOCS_BROWSER_CHECK"] == "1" || environment["CI"] == "true"

    /// The package root, from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test(.enabled(if: requested, "set OEEDB_DOCS_BROWSER_CHECK=1 to render the page in headless Chromium"), .timeLimit(.minutes(10)))
    func htmlDictionaryRendersInHeadlessChromium() throws {
        let script = Self.root.appendingPathComponent("scripts/docs-screenshot.sh")
        try #require(FileManager.default.fileExists(atPath: script.path), "scripts/docs-screenshot.sh is missing")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-docs-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let database = OEESchema.database
        let html = try #require(DocsRenderer(database).textFiles().first { $0.path == "dictionary.html" })
        let page = dir.appendingPathComponent("dictionary.html"), tables = dir.appendingPathComponent("tables.txt")
        try Data(html.contents.utf8).write(to: page)
        try Data(database.allTables.map(\.name.description).joined(separator: "\n").utf8).write(to: tables)
        // Kept for people to look at: build/docs-screenshot.png.
        let build = Self.root.appendingPathComponent("build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)
        let png = build.appendingPathComponent("docs-screenshot.png")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, page.path, tables.path, png.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "docs-screenshot.sh failed:\n\(text)")
        #expect(text.contains("DOM: \(database.allTables.count)/\(database.allTables.count) tables"), "\(text)")
    }
}
