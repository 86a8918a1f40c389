// Compiled only when the Docs target is a dependency of OEECommands (Package.swift);
// registering `Docs.self` in Oeedb.swift then turns the command on.
import ArgumentParser
import Docs
import Foundation
import OEEModel

extension Oeedb {
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs",
            abstract: "Write ER diagrams and the data dictionary from the model; --check verifies the committed docs.",
            discussion: """
                Writes into --out (default docs/schema):
                  README.md        overview, whole-database ER diagram, coverage
                  dictionary.md    data dictionary: columns, keys, foreign keys in
                                   and out, indexes, partitioning, row-level security
                  dictionary.html  the same as one self-contained page with search
                  erd/database.*   ER diagram of every schema (key columns only)
                  erd/<schema>.*   ER diagram of one schema (all columns)
                Diagrams come as .mmd (Mermaid), .dot (Graphviz) and .svg (drawn by \
                Graphviz's dot; without it SVG is skipped, and not checked).

                Output is byte-identical for the same model. Only changed files are \
                rewritten; stale generated files in --out are removed. Tables and \
                columns without a description are listed.

                Exit status: 0 written or up to date; 1 the model is invalid, or with \
                --check the docs in --out differ from the model or a table or column \
                lacks a description (coverage below 100 %); 2 bad input.

                Examples:
                  oeedb docs                      # regenerate docs/schema
                  oeedb docs --check              # CI gate: docs current and complete
                  oeedb docs --model m.json --out /tmp/m-docs   # a JSON snapshot
                """
        )

        @OptionGroup var source: ModelSourceOptions

        @Option(name: .long, help: ArgumentHelp("The folder to write (or --check).", valueName: "dir"))
        var out: String = "docs/schema"

        @Flag(name: .long, help: "Write nothing; exit 1 if the docs in --out differ from the model or coverage is below 100 %.")
        var check = false

        @Option(name: .long, help: ArgumentHelp("Graphviz dot for SVG (default: $OEEDB_DOT, then dot on PATH); 'none' skips SVG.", valueName: "path"))
        var dot: String?

        func run() throws {
            try reportingErrors {
                let model = try source.loadValid(before: "documenting it")
                let renderer = DocsRenderer(model)
                let graphviz = try locateGraphviz()
                let files: [DocFile]
                do {
                    files = try renderer.allFiles(graphviz: graphviz)
                } catch let e as GraphvizRunner.Failure {
                    throw CLIError("cannot draw SVG: \(e.message)", exitCode: 1)
                }
                // Without Graphviz, SVG is neither written, compared nor removed.
                let skip: (String) -> Bool = { graphviz == nil && $0.hasSuffix(".svg") }
                let directory = DocsDirectory(root: URL(fileURLWithPath: out))
                let coverage = renderer.coverage
                if check {
                    let upToDate = reportCheck(directory.compare(files, skip: skip), fileCount: files.count)
                    if graphviz == nil { Console.out("note: \(svgSkipReason): SVG files were not checked") }
                    let complete = reportCoverage(coverage)
                    if !upToDate || !complete { throw ExitCode(1) }
                    return
                }
                let result: DocsDirectory.WriteResult
                do {
                    result = try directory.write(files, skip: skip)
                } catch {
                    throw CLIError("\(out): cannot write the docs (\((error as NSError).localizedDescription))")
                }
                Console.out("docs: \(out): \(files.count) file(s), \(result.changed.count) written, \(result.unchanged.count) unchanged, \(result.removed.count) removed")
                for p in result.changed { Console.out("  wrote   \(display(p))") }
                for p in result.removed { Console.out("  removed \(display(p))") }
                if let graphviz {
                    Console.out("SVG drawn with \(graphviz.executable)")
                } else {
                    Console.out("note: \(svgSkipReason): SVG diagrams skipped; Mermaid and DOT written")
                }
                Console.out("entry points: \(display("README.md")), \(display("dictionary.md")), \(display("dictionary.html"))")
                _ = reportCoverage(coverage)
            }
        }

        func locateGraphviz() throws -> GraphvizRunner? {
            guard let dot else { return GraphvizRunner.locate() }
            if dot == "none" { return nil }
            guard FileManager.default.isExecutableFile(atPath: dot) else {
                throw CLIError("--dot \(dot): not an executable file; pass the path of Graphviz's dot, or 'none' to skip SVG")
            }
            return GraphvizRunner(executable: dot)
        }

        var svgSkipReason: String {
            dot == "none" ? "--dot none" : "Graphviz 'dot' not found (apt-get install graphviz, or pass --dot PATH)"
        }

        func display(_ path: String) -> String {
            (out.hasSuffix("/") ? out : out + "/") + path
        }

        /// Prints the comparison; true when up to date.
        func reportCheck(_ c: DocsComparison, fileCount: Int) -> Bool {
            guard !c.isUpToDate else {
                Console.out("docs: \(out) is up to date with the model (\(c.identical.count) file(s) compared)")
                return true
            }
            Console.out("docs: \(out) is out of date with the model:")
            for p in c.differing { Console.out("  differs: \(display(p))") }
            for p in c.missing { Console.out("  missing: \(display(p))") }
            for p in c.extra { Console.out("  extra:   \(display(p)) (no longer generated)") }
            Console.out("fix: run 'oeedb docs\(out == "docs/schema" ? "" : " --out \(out)")\(source.model.map { " --model \($0)" } ?? "")' and commit \(out)")
            return false
        }

        /// Prints coverage and what lacks a description; true when complete.
        func reportCoverage(_ c: DocCoverage) -> Bool {
            Console.out("documentation coverage: \(c.summary)")
            guard !c.isComplete else { return true }
            for t in c.undescribedTables { Console.out("  no description: table \(t)") }
            for col in c.undescribedColumns { Console.out("  no description: column \(col)") }
            Console.out("fix: describe them in the model (Table(\"name\", \"description\") { … }, Column(\"name\", type, \"description\")), then run 'oeedb docs'")
            return false
        }
    }
}
