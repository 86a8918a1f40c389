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

    /// Every canonical ER diagram in headless Chromium, with DejaVu Sans and
    /// under a fontconfig holding only DejaVu Sans Mono (a viewer without the
    /// font whose fallback is wider): no two labels may overlap and none may
    /// stick out of its table. Screenshots kept in build/erd-*.png.
    @Test(.enabled(if: requested && GraphvizRunner.locate() != nil, "set OEEDB_DOCS_BROWSER_CHECK=1 (and install Graphviz) to check the diagrams in headless Chromium"), .timeLimit(.minutes(10)))
    func erDiagramLabelsDoNotOverlapWithOrWithoutTheFont() throws {
        let script = Self.root.appendingPathComponent("scripts/docs-screenshot.sh")
        try #require(FileManager.default.fileExists(atPath: script.path), "scripts/docs-screenshot.sh is missing")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-erd-browser-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let build = Self.root.appendingPathComponent("build")
        try FileManager.default.createDirectory(at: build, withIntermediateDirectories: true)

        // A font folder with DejaVu Sans Mono alone (from fonts-dejavu-core, like DejaVu Sans).
        let mono = try Self.run("/bin/sh", ["-c", "fc-match -f '%{file}' 'DejaVu Sans Mono'"]).output
        try #require(mono.hasSuffix("DejaVuSansMono.ttf"), "DejaVu Sans Mono not found: \(mono)")
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("fonts/DejaVuSansMono.ttf").path, withDestinationPath: mono)
        let config = dir.appendingPathComponent("fonts.conf")
        try Data("<?xml version=\"1.0\"?><fontconfig><dir>\(dir.path)/fonts</dir><cachedir>\(dir.path)/cache</cachedir></fontconfig>".utf8).write(to: config)

        let renderer = DocsRenderer(OEESchema.database)
        let svgs = try renderer.svgFiles(from: renderer.diagrams(), graphviz: try #require(GraphvizRunner.locate()))
        try #require(svgs.count == 5)
        for svg in svgs {
            let name = URL(fileURLWithPath: svg.path).deletingPathExtension().lastPathComponent
            let file = dir.appendingPathComponent("\(name).svg")
            try Data(svg.contents.utf8).write(to: file)
            for (label, fontconfig) in [("font", nil), ("fallback", config.path)] {
                let png = build.appendingPathComponent("erd-\(name)-\(label).png").path
                let result = try Self.run("/bin/bash", [script.path, file.path, png], fontconfig: fontconfig)
                #expect(result.status == 0, "\(name).svg with \(label): \(result.output)")
                #expect(result.output.contains("problems: 0"), "\(name).svg with \(label): \(result.output)")
                #expect(result.output.contains(label == "font" ? "(DejaVu Sans: DejaVu Sans)" : "DejaVu Sans: not installed"), "\(result.output)")
            }
        }
    }

    static func run(_ executable: String, _ arguments: [String], fontconfig: String? = nil) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let fontconfig { environment["FONTCONFIG_FILE"] = fontconfig }
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
