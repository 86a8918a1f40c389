import OEEModel

/// One generated file: a path relative to the output folder and its text.
public struct DocFile: Hashable, Sendable {
    public var path: String
    public var contents: String

    public init(path: String, contents: String) {
        self.path = path
        self.contents = contents
    }
}

/// Where each document goes inside the output folder.
public struct DocsLayout: Sendable {
    public var readme = "README.md"
    public var dictionaryMarkdown = "dictionary.md"
    public var dictionaryHTML = "dictionary.html"
    public var diagramFolder = "erd"

    public init() {}

    /// `erd/database` for the whole database, `erd/<schema>` for one schema (no extension).
    public func diagramStem(schema: String?) -> String {
        "\(diagramFolder)/\(schema ?? "database")"
    }

    /// Whether `path` is a file `oeedb docs` writes (so it may be replaced or
    /// reported as stale): the fixed files and anything in the diagram folder
    /// ending in `.mmd`, `.dot` or `.svg`.
    public func isGenerated(_ path: String) -> Bool {
        if [readme, dictionaryMarkdown, dictionaryHTML].contains(path) { return true }
        let prefix = diagramFolder + "/"
        guard path.hasPrefix(prefix), !path.dropFirst(prefix.count).contains("/") else { return false }
        return [".mmd", ".dot", ".svg"].contains { path.hasSuffix($0) }
    }
}

/// Renders the whole documentation set of a model. Pure: the same model gives
/// byte-identical files, sorted by path (no timestamps, declaration order
/// inside each file). SVG needs Graphviz: pass a runner to get it.
public struct DocsRenderer: Sendable {
    public var facts: ModelFacts
    public var layout: DocsLayout

    public init(_ database: Database, layout: DocsLayout = DocsLayout()) {
        self.facts = ModelFacts(database)
        self.layout = layout
    }

    public var coverage: DocCoverage { facts.coverage }

    /// Every text file (Markdown, HTML, Mermaid, DOT), sorted by path.
    public func textFiles() -> [DocFile] {
        var files = [
            DocFile(path: layout.readme, contents: MarkdownOverview.render(facts, layout: layout)),
            DocFile(path: layout.dictionaryMarkdown, contents: MarkdownDictionary.render(facts)),
            DocFile(path: layout.dictionaryHTML, contents: HTMLDictionary.render(facts, layout: layout)),
        ]
        files += diagrams()
        return files.sorted { $0.path < $1.path }
    }

    /// The Mermaid and DOT diagrams: the whole database, then one per schema.
    public func diagrams() -> [DocFile] {
        var files: [DocFile] = []
        let whole = layout.diagramStem(schema: nil)
        files.append(DocFile(path: whole + ".mmd", contents: MermaidERD.database(facts)))
        files.append(DocFile(path: whole + ".dot", contents: GraphvizERD.database(facts)))
        for s in facts.database.schemas {
            let stem = layout.diagramStem(schema: s.name)
            files.append(DocFile(path: stem + ".mmd", contents: MermaidERD.schema(s, facts: facts)))
            files.append(DocFile(path: stem + ".dot", contents: GraphvizERD.schema(s, facts: facts)))
        }
        return files
    }

    /// The SVG of every DOT file in `files`, drawn by `graphviz`.
    public func svgFiles(from files: [DocFile], graphviz: GraphvizRunner) throws -> [DocFile] {
        let dots = files.filter { $0.path.hasSuffix(".dot") }
        return zip(dots, try graphviz.svgs(dots.map(\.contents))).map { dot, svg in
            DocFile(path: String(dot.path.dropLast(4)) + ".svg", contents: svg)
        }
    }

    /// Text files plus SVG when `graphviz` is given, sorted by path.
    public func allFiles(graphviz: GraphvizRunner?) throws -> [DocFile] {
        let text = textFiles()
        guard let graphviz else { return text }
        return (text + (try svgFiles(from: text, graphviz: graphviz))).sorted { $0.path < $1.path }
    }
}
