import Foundation
import Testing
import OEETestSupport
@testable import OEECommands

/// `oeedb import` and `oeedb init --from-connection` through the command
/// line, against the database the hand-written fixture creates.
@Suite(.serialized) struct ImportCommandTests {
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["OEEDB_BIN"] { return URL(fileURLWithPath: path) }
        return FixtureFiles.root.appendingPathComponent(".build/debug/oeedb")
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func oeedb(_ arguments: [String], password: String) throws -> Run {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OEEDB_PASSWORD"] = password
        env.removeValue(forKey: "OEEDB_PASSWORD_FILE")
        env.removeValue(forKey: "OEEDB_CONNECTION")
        p.environment = env
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("oeedb-\(name)-\(UUID().uuidString)")
    }

    /// import → generate (PostgreSQL) → baseline adopts the database → no drift against model or applied.
    @Test(.needsPostgres)
    func theImportedModelAdoptsItsDatabase() throws {
        let live = try ImportRoundTripTests.fixture()
        let dir = Self.temporary("import")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("model").path
        let migrations = dir.appendingPathComponent("migrations").path

        let json = try Self.oeedb(["import", "--connection", live.url, "--out", out, "--as", "json", "--database-name", "plant"], password: live.password)
        #expect(json.status == 0, "\(json.stderr)")
        #expect(json.stdout.contains("3 object(s) the model cannot hold were not imported"))
        #expect(json.stdout.contains("views: sales.v_open_lines: view:"))
        #expect(!json.stdout.contains(live.password) && !json.stderr.contains(live.password))
        let report = try String(contentsOfFile: out + "/LOSSES.md", encoding: .utf8)
        #expect(report.contains("## Not imported (3)"))
        let model = out + "/model.json"

        let generate = try Self.oeedb(["generate", "--model", model, "--migrations", migrations, "--dialect", "postgres", "--name", "baseline"], password: live.password)
        #expect(generate.status == 0, "\(generate.stdout)\(generate.stderr)")
        let baseline = try Self.oeedb(["baseline", "--version", "1", "--connection", live.url, "--migrations", migrations], password: live.password)
        #expect(baseline.status == 0, "\(baseline.stdout)\(baseline.stderr)")
        for against in ["model", "applied"] {
            let drift = try Self.oeedb(["drift", "--against", against, "--model", model, "--connection", live.url, "--migrations", migrations], password: live.password)
            #expect(drift.status == 0, "drift --against \(against): \(drift.stdout)\(drift.stderr)")
            #expect(drift.stdout.contains("no drift"))
        }

        // The Swift form: one file per schema plus the database file, and the same report.
        let swiftOut = dir.appendingPathComponent("swift").path
        let swift = try Self.oeedb(["import", "--connection", live.url, "--out", swiftOut, "--database-name", "plant", "--format", "json"], password: live.password)
        #expect(swift.status == 0, "\(swift.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: swiftOut).sorted()
        #expect(files == ["LOSSES.md", "PlantSchema+Sales.swift", "PlantSchema.swift"])
        #expect(try String(contentsOfFile: swiftOut + "/LOSSES.md", encoding: .utf8) == report)
        #expect(swift.stdout.contains("\"losses\""))
        // A second import into the same folder is refused and changes nothing.
        let again = try Self.oeedb(["import", "--connection", live.url, "--out", swiftOut], password: live.password)
        #expect(again.status == 2)
        #expect(again.stderr.contains("is not empty"))
    }

    @Test(.needsPostgres)
    func initFromAConnectionWritesThePackageWithTheImportedSchema() throws {
        let live = try ImportRoundTripTests.fixture()
        let dir = Self.temporary("init")
        defer { try? FileManager.default.removeItem(at: dir) }
        let passwordFile = Self.temporary("pw")
        try Data(live.password.utf8).write(to: passwordFile)
        defer { try? FileManager.default.removeItem(at: passwordFile) }
        try Oeedb.Init.parse([dir.path, "--name", "plantdb", "--oeedb-path", "../oeedb", "--from-connection", live.url,
                              "--password-file", passwordFile.path, "--schemas", "sales"]).run()
        let fm = FileManager.default
        #expect(try fm.contentsOfDirectory(atPath: dir.appendingPathComponent("schema").path).sorted() == ["LOSSES.md", "PlantdbSchema+Sales.swift", "PlantdbSchema.swift"])
        let package = try String(contentsOf: dir.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(package.contains(#"], path: "schema", exclude: ["LOSSES.md"]),"#))
        #expect(!package.contains("OEESchema"))
        let schema = try String(contentsOf: dir.appendingPathComponent("schema/PlantdbSchema.swift"), encoding: .utf8)
        #expect(schema.contains("public enum PlantdbSchema {"))
        #expect(!schema.contains("OEECanonical"))
        let main = try String(contentsOf: dir.appendingPathComponent("Sources/plantdb/main.swift"), encoding: .utf8)
        #expect(main == PackageTemplate(name: "plantdb", oeedbPath: "../oeedb").mainSwift)
        #expect(try String(contentsOf: dir.appendingPathComponent("schema/LOSSES.md"), encoding: .utf8).contains("`sales.v_open_lines`"))
    }

    static func exitCode(_ arguments: [String]) -> Int32? {
        do {
            _ = try Oeedb.parseAsRoot(arguments)
            return nil
        } catch {
            return Oeedb.contractExitCode(for: error)
        }
    }

    @Test func usageErrorsNameTheFix() {
        #expect(Self.exitCode(["import", "--out", "/tmp/x", "--as", "yaml"]) == 2)
        #expect(Self.exitCode(["import", "--out", "/tmp/x", "--type-name", "lower"]) == 2)
        #expect(Self.exitCode(["import", "--out", "/tmp/x", "--schemas", "a,,b"]) == 2)
        #expect(Self.exitCode(["init", "/tmp/x", "--name", "p", "--schemas", "a"]) == 2)
        let help = Oeedb.helpMessage(for: Oeedb.Import.self)
        #expect(help.contains("Example") && help.contains("oeedb import"))
    }
}
