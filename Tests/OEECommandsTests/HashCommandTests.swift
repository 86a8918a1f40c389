import ArgumentParser
import Foundation
import Testing
import Migrations
@testable import OEECommands

/// `oeedb hash` re-records oeedb.sum and says what changed; it never touches
/// a migration file.
@Suite struct HashCommandTests {
    func hash(_ root: URL, _ extra: [String] = []) throws -> [Oeedb.Hash.Result] {
        let command = try Oeedb.Hash.parse(["--migrations", root.path, "--dialect", "postgres"] + extra)
        return [try command.record(id: "postgres", url: root.appendingPathComponent("postgres"))]
    }

    func exitCode(_ root: URL, _ extra: [String]) throws -> Int32 {
        do {
            try Oeedb.Hash.parse(["--migrations", root.path] + extra).run()
            return 0
        } catch let e as ExitCode {
            return e.rawValue
        }
    }

    func files(_ dir: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name != "oeedb.sum" {
            result[name] = try Data(contentsOf: dir.appendingPathComponent(name))
        }
        return result
    }

    @Test func recordsAMissingSumAndReportsIt() throws {
        let root = try MigrationFixture.root(["SELECT 1;\n", "SELECT 2;\n"])
        let dir = root.appendingPathComponent("postgres")
        try FileManager.default.removeItem(at: dir.appendingPathComponent("oeedb.sum"))
        #expect(try MigrationDirectory.load(dir).verify().count == 1)
        #expect(try exitCode(root, ["--check"]) == 1, "--check fails when the sum would change")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("oeedb.sum").path), "--check writes nothing")
        let before = try files(dir)
        let result = try #require(try hash(root).first)
        #expect(result.previous == .missing && result.written && !result.upToDate)
        #expect(result.added == ["V0001__one.json", "V0001__one.sql", "V0002__two.json", "V0002__two.sql"])
        #expect(try MigrationDirectory.load(dir).verify().isEmpty)
        #expect(try files(dir) == before, "migration files are never touched")
        #expect(try exitCode(root, ["--check"]) == 0)
        #expect(try hash(root).first?.upToDate == true)
    }

    @Test func reportsAddedChangedRemovedAgainstTheOldSum() throws {
        let root = try MigrationFixture.root(["SELECT 1;\n", "SELECT 2;\n"])
        let dir = root.appendingPathComponent("postgres")
        try MigrationFixture.add(dir, version: 3, sql: "SELECT 3;\n", rehash: false)
        try Data("-- oeedb:version 0002\n-- oeedb:name two\nSELECT 22;\n".utf8).write(to: dir.appendingPathComponent("V0002__two.sql"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("V0001__one.json"))
        let check = try #require(try hash(root, ["--check"]).first)
        #expect(!check.written && !check.upToDate && check.previous == .valid)
        let result = try #require(try hash(root).first)
        #expect(result.added == ["V0003__three.json", "V0003__three.sql"])
        #expect(result.changed == ["V0002__two.sql"])
        #expect(result.removed == ["V0001__one.json"])
        #expect(Oeedb.Hash.lines(result, check: false).first?.hasSuffix("oeedb.sum re-recorded (2 added, 1 changed, 1 removed)") == true)
    }

    @Test func recordsACorruptSumAnew() throws {
        let root = try MigrationFixture.root(["SELECT 1;\n"])
        let dir = root.appendingPathComponent("postgres")
        let sum = dir.appendingPathComponent("oeedb.sum")
        let good = try Data(contentsOf: sum)
        try Data(String(decoding: good, as: UTF8.self).replacingOccurrences(of: "h1:", with: "h1:00").utf8).write(to: sum)
        let result = try #require(try hash(root).first)
        #expect(result.previous == .corrupt && result.written)
        #expect(result.added.isEmpty && result.changed.isEmpty && result.removed.isEmpty)
        #expect(try Data(contentsOf: sum) == good)
    }

    @Test func anUnknownDialectIsAUsageError() throws {
        let root = try MigrationFixture.root(["SELECT 1;\n"])
        #expect(try exitCode(root, ["--dialect", "oracle"]) == 2)
        #expect(try exitCode(root, ["--dialect", "sqlserver"]) == 2, "no sqlserver folder here")
        #expect(try exitCode(root, []) == 0, "without --dialect, missing folders are skipped")
    }
}
