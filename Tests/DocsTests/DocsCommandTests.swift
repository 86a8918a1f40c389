import ArgumentParser
import Docs
import Foundation
import OEEModel
import OEESchema
import Testing
@testable import OEECommands

/// `oeedb docs` and `oeedb docs --check` against a temporary folder.
@Suite struct DocsCommandTests {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-docs-test-\(UUID().uuidString)")

    func docs(_ arguments: [String]) throws {
        ProjectModel.install { OEESchema.database }
        let command = try Oeedb.Docs.parse(["--out", dir.path] + arguments)
        try command.run()
    }

    /// The exit code `docs` ends with: 0 when it returns normally.
    func exitCode(_ arguments: [String]) throws -> Int32 {
        do {
            try docs(arguments)
            return 0
        } catch let e as ExitCode {
            return e.rawValue
        }
    }

    func write(_ text: String, to path: String) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path)
    }

    @Test func writeThenCheckThenDetectDrift() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try exitCode(["--check", "--dot", "none"]) == 1, "an empty folder is out of date")
        try docs(["--dot", "none"])
        for path in ["README.md", "dictionary.md", "dictionary.html", "erd/database.mmd", "erd/ref.dot"] {
            #expect(exists(path), "\(path) not written")
        }
        #expect(!exists("erd/ref.svg"), "--dot none must not draw SVG")
        #expect(try exitCode(["--check", "--dot", "none"]) == 0)

        try write("edited by hand\n", to: "dictionary.md")
        #expect(try exitCode(["--check", "--dot", "none"]) == 1, "a differing file fails the check")
        try docs(["--dot", "none"])
        #expect(try exitCode(["--check", "--dot", "none"]) == 0)

        try write("erDiagram\n", to: "erd/dropped_schema.mmd")
        try write("keep me\n", to: "notes.txt")
        #expect(try exitCode(["--check", "--dot", "none"]) == 1, "a stale generated file fails the check")
        try docs(["--dot", "none"])
        #expect(!exists("erd/dropped_schema.mmd"), "stale generated files are removed")
        #expect(exists("notes.txt"), "files oeedb does not generate are left alone")

        // Without Graphviz, SVG files are neither compared nor removed.
        try write("<svg/>", to: "erd/ref.svg")
        #expect(try exitCode(["--check", "--dot", "none"]) == 0)
        try docs(["--dot", "none"])
        #expect(exists("erd/ref.svg"))
    }

    @Test(.enabled(if: GraphvizRunner.locate() != nil, "Graphviz dot is not installed"))
    func svgIsWrittenAndChecked() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        let dot = try #require(GraphvizRunner.locate()).executable
        try docs(["--dot", dot])
        #expect(exists("erd/database.svg") && exists("erd/sec.svg"))
        #expect(try exitCode(["--check", "--dot", dot]) == 0)
        try write("<svg/>", to: "erd/sec.svg")
        #expect(try exitCode(["--check", "--dot", dot]) == 1, "with Graphviz a stale SVG fails the check")
    }

    @Test func incompleteCoverageFailsTheCheckOnly() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let model = dir.appendingPathComponent("model.json")
        try ModelSnapshot.encode(Fixture.undescribed).write(to: model)
        let args = ["--model", model.path, "--dot", "none"]
        #expect(try exitCode(args) == 0, "plain docs reports coverage but succeeds")
        #expect(try exitCode(args + ["--check"]) == 1, "docs are current but coverage is 88.8 %")
        try ModelSnapshot.encode(Fixture.database).write(to: model)
        try docs(args)
        #expect(try exitCode(args + ["--check"]) == 0)
    }

    @Test func invalidDotPathIsAUsageError() throws {
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try exitCode(["--dot", "/nonexistent/dot"]) == 2)
    }
}
