import Foundation
import Testing
@testable import OEECommands

/// `oeedb init` and the example package it made (Examples/plant).
@Suite struct InitTests {
    static let example = CommandLineTests.root.appendingPathComponent("Examples/plant")

    /// Examples/plant is what `oeedb init Examples/plant --name plantdb --oeedb-path ../..`
    /// writes, plus one table in its schema file (and its generated migrations and docs).
    @Test func theExampleIsWhatInitWrites() throws {
        let template = PackageTemplate(name: "plantdb", oeedbPath: "../..")
        for file in template.files where file.path != "schema/PlantdbSchema.swift" {
            let committed = try String(contentsOf: Self.example.appendingPathComponent(file.path), encoding: .utf8)
            #expect(committed == file.contents, "Examples/plant/\(file.path) differs from what 'oeedb init' writes")
        }
        let schema = try String(contentsOf: Self.example.appendingPathComponent("schema/PlantdbSchema.swift"), encoding: .utf8)
        #expect(schema.contains("OEECanonical.objects"))
        #expect(schema.contains("Schema(\"plant\""))
    }

    @Test func initWritesAPackageAndRefusesAFolderThatIsNotEmpty() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Oeedb.Init.parse([dir.path, "--name", "line-db", "--oeedb-path", "/opt/oeedb"]).run()
        let package = try String(contentsOf: dir.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(#".package(name: "oeedb", path: "/opt/oeedb")"#))
        #expect(package.contains(#".executableTarget(name: "line-db""#))
        #expect(package.contains(#".target(name: "LineDbSchema""#))
        let main = try String(contentsOf: dir.appendingPathComponent("Sources/line-db/main.swift"), encoding: .utf8)
        #expect(main.contains("Oeedb.runMain(model: { LineDbSchema.database })"))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("schema/LineDbSchema.swift").path))
        // A second init into the same folder changes nothing.
        #expect(throws: (any Error).self) { try Oeedb.Init.parse([dir.path, "--name", "other"]).run() }
        #expect(try String(contentsOf: dir.appendingPathComponent("Package.swift"), encoding: .utf8) == package)
    }

    @Test func withoutAPathInitDependsOnTheRepository() {
        let template = PackageTemplate(name: "plantdb", oeedbPath: nil)
        #expect(template.packageSwift.contains(".package(url: \"\(PackageTemplate.repositoryURL)\", from: \"\(PackageTemplate.releaseVersion)\")"))
    }

    @Test(arguments: ["Plant", "1plant", "plant db", "pläntdb", "", String(repeating: "a", count: 41)])
    func aNameSwiftPMCannotTakeIsAUsageError(_ name: String) {
        #expect(ExitCodeTests.exitCode(["init", "/tmp/x", "--name", name]) == 2, "--name '\(name)'")
    }
}

/// In a package made by `oeedb init`, fix lines name the package's own
/// command line (it holds the package's model), not the stock `oeedb`.
@Suite(.serialized) struct ProgramNameTests {
    @Test func quotedCommandsTakeTheExecutablesName() {
        defer { Console.programName = "oeedb" }
        Console.programName = "plantdb"
        #expect(Console.named("fix: run 'oeedb generate --name x', then 'oeedb hash'") == "fix: run 'plantdb generate --name x', then 'plantdb hash'")
        Console.programName = "oeedb"
        #expect(Console.named("run 'oeedb hash'") == "run 'oeedb hash'")
    }
}
