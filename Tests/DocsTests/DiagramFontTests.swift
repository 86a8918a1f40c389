import Docs
import Foundation
import OEESchema
import Testing

/// The ER diagrams name one installed font, so their SVG is byte-identical on
/// every machine where setup ran, and leave room for a fallback font where it
/// is missing (oeedb issue 11, item 2).
@Suite struct DiagramFontTests {
    static let renderer = DocsRenderer(OEESchema.database)
    static let dots = renderer.diagrams().filter { $0.path.hasSuffix(".dot") }
    static let fontname = "fontname=\"DejaVu Sans,sans-serif\""

    static let dotInstalled = GraphvizRunner.locate() != nil
    static let fcMatchInstalled = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/fc-match") } ?? false
    static var fontInstalled: Bool { fcMatchInstalled && (try? DiagramFont.erd.verify()) != nil }

    @Test func dotNamesTheFontOnTheGraphEveryClusterNodeAndEdge() throws {
        try #require(Self.dots.count == 5)
        for dot in Self.dots {
            let lines = dot.contents.split(separator: "\n").map(String.init)
            for prefix in ["    graph [", "    node [", "    edge ["] {
                let line = try #require(lines.first { $0.hasPrefix(prefix) }, "\(dot.path): no \(prefix)")
                #expect(line.contains(Self.fontname), "\(dot.path): \(prefix) does not name the font")
            }
            for cluster in lines where cluster.hasPrefix("        graph [") {
                #expect(cluster.contains(Self.fontname), "\(dot.path): a cluster does not name the font")
            }
            for stub in lines where stub.contains("shape=box") {
                #expect(stub.contains(Self.fontname), "\(dot.path): a stub does not name the font")
            }
            #expect(!dot.contents.contains("Helvetica") && !dot.contents.contains("face="), "\(dot.path): names another font")
        }
    }

    /// Each cell's `width` fits its text in DejaVu Sans Mono (0.602 em a
    /// character, wider than DejaVu Sans regular and than Liberation Sans,
    /// Arial or Helvetica), plus the cell padding on both sides.
    @Test func everyTableCellHasRoomForAFallbackFont() throws {
        let cell = try Regex(#"<td([^>]*)>(.*?)</td>"#)
        var checked = 0
        for dot in Self.dots {
            for match in dot.contents.matches(of: cell) {
                let attributes = String(match.output[1].substring ?? "")
                let body = String(match.output[2].substring ?? "")
                let text = body.replacing(try Regex("<[^>]+>"), with: "")
                    .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                guard !text.isEmpty else { continue }
                let size = body.firstMatch(of: try Regex(#"point-size="(\d+)""#)).flatMap { Double($0.output[1].substring ?? "") } ?? 10
                let padding = attributes.firstMatch(of: try Regex(#"cellpadding="(\d+)""#)).flatMap { Double($0.output[1].substring ?? "") } ?? 3
                let width = attributes.firstMatch(of: try Regex(#" width="(\d+)""#)).flatMap { Double($0.output[1].substring ?? "") }
                let needed = Double(text.count) * 0.602 * size + 2 * padding
                #expect((width ?? 0) >= needed, "\(dot.path): cell '\(text)' is \(width.map { "\($0)" } ?? "unsized"), a fallback font needs \(needed)")
                checked += 1
            }
        }
        #expect(checked > 200, "only \(checked) cells checked")
    }

    /// Under a fontconfig without DejaVu Sans, Graphviz would silently lay the
    /// diagrams out in another font; drawing must refuse and name the package.
    @Test(.enabled(if: dotInstalled && fcMatchInstalled, "Graphviz dot or fontconfig's fc-match is not installed"))
    func drawingWithoutTheFontFailsNamingThePackage() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-nofont-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("fonts"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let config = dir.appendingPathComponent("fonts.conf")
        try Data("""
            <?xml version="1.0"?>
            <fontconfig><dir>\(dir.path)/fonts</dir><cachedir>\(dir.path)/cache</cachedir></fontconfig>
            """.utf8).write(to: config)
        var environment = ProcessInfo.processInfo.environment
        environment["FONTCONFIG_FILE"] = config.path
        let found = try #require(GraphvizRunner.locate())
        let runner = GraphvizRunner(executable: found.executable, environment: environment)
        let dot = try #require(Self.dots.first)
        let error = try #require(throws: GraphvizRunner.Failure.self) { try runner.svg(dot.contents) }
        #expect(error.message.contains("'DejaVu Sans'"), "\(error.message)")
        #expect(error.message.contains("fix: apt-get install fonts-dejavu-core"), "\(error.message)")
        #expect(error.message.contains("--dot none"), "\(error.message)")
    }

    @Test(.enabled(if: dotInstalled && fontInstalled, "Graphviz or DejaVu Sans (fonts-dejavu-core) is not installed"))
    func everySVGTextIsSetInTheFontWithAGenericFallback() throws {
        let graphviz = try #require(GraphvizRunner.locate())
        let svgs = try Self.renderer.svgFiles(from: Self.dots, graphviz: graphviz)
        let family = try Regex(#"<text [^>]*font-family="([^"]*)""#)
        for svg in svgs {
            let families = Set(svg.contents.matches(of: family).map { String($0.output[1].substring ?? "") })
            #expect(families == ["DejaVu Sans,sans-serif"], "\(svg.path): \(families)")
            #expect(svg.contents.components(separatedBy: "<text ").count == svg.contents.components(separatedBy: "font-family=").count,
                    "\(svg.path): a text element without font-family")
        }
    }
}
