import Foundation
import OEEModel

/// `oeedb new`: the next version of a directory as a hand-written migration —
/// a header with the directives and commented examples, an empty body, and an
/// empty model delta (a hand-written migration does not change the model: its
/// model is the previous version's).
public struct HandWrittenMigration {
    public var file: MigrationFileName
    public var sql: String
    public var snapshot: Data

    /// Plans the migration `version` of `directory` (which must be intact and
    /// hold at least one migration, whose model it keeps).
    public static func plan(directory: MigrationDirectory, dialect: String, name: String, version: Int) throws -> HandWrittenMigration {
        let problems = try directory.verify()
        guard problems.isEmpty else {
            throw MigrationError("\(directory.url.path) is not intact:\n" + problems.map { "  - \($0)" }.joined(separator: "\n"))
        }
        guard let latest = directory.latest else {
            throw MigrationError("\(directory.url.path) has no migration yet, so there is no model to keep; run 'oeedb generate' first")
        }
        guard version > latest.file.version else {
            throw MigrationError("version \(version) is not after \(latest.file.stem) in \(directory.url.path)")
        }
        let chosen = MigrationFileName.sanitize(name)
        guard !chosen.isEmpty else { throw MigrationError("migration name '\(name)' has no letters or digits; use e.g. --name backfill_shift_id") }
        let snapshot = try ModelSnapshot.encode(ModelDelta(previous: latest.file.stem))
        let file = MigrationFileName(version: version, name: chosen)
        return HandWrittenMigration(file: file, sql: text(file: file, dialect: dialect, previous: latest.file), snapshot: snapshot)
    }

    /// The file as `oeedb new` writes it.
    static func text(file: MigrationFileName, dialect: String, previous: MigrationFileName) -> String {
        let header = MigrationHeader(version: file.version, name: file.name)
        let example: String
        let batch: String
        if dialect == "sqlserver" {
            example = "SELECT TOP (1) 1 FROM [fact].[cycle] WHERE [good_qty] < 0;"
            batch = "UPDATE TOP (10000) [fact].[cycle] SET [note] = N'' WHERE [note] IS NULL;"
        } else {
            example = "SELECT 1 FROM \"fact\".\"cycle\" WHERE \"good_qty\" < 0 LIMIT 1;"
            batch = "UPDATE \"fact\".\"cycle\" SET \"note\" = '' WHERE \"cycle_id\" IN (SELECT \"cycle_id\" FROM \"fact\".\"cycle\" WHERE \"note\" IS NULL LIMIT 10000);"
        }
        var lines = [
            "-- oeedb migration \(file.stem) (\(dialect))",
            "-- Written by hand (created by oeedb new). It does not change the model: its snapshot",
            "-- is \(previous.stem)'s, and if its SQL changes schema objects migrate's post-check says so.",
            "-- Until it ships, edit it freely and run 'oeedb hash' after each edit; once it is applied",
            "-- anywhere it must never change. An undo script U\(file.versionText)__\(file.name).sql is optional:",
            "-- without one, oeedb undo stops before this version.",
        ]
        lines += header.directiveLines
        lines += [
            "--",
            "-- More directives, each on its own header line starting exactly with the prefix above:",
            "--   check pre NAME empty: QUERY           must return no rows before the SQL runs",
            "--   check post NAME scalar=VALUE: QUERY   must return one row whose first value is VALUE after it",
            "--   transaction batches                   (instead of 'on') a backfill: its single statement runs",
            "--   max-batches 10000                     again, each run its own transaction, until it affects",
            "--                                         0 rows; it must be idempotent (see README)",
            "-- e.g. check pre no_negative_qty empty: \(example)",
            "-- e.g. a batch statement: \(batch)",
            "",
            "-- Write the SQL here.",
            "",
        ]
        return lines.joined(separator: "\n")
    }

    /// Writes the SQL file and the snapshot, then refreshes the integrity file.
    public func write(to directory: MigrationDirectory) throws -> [URL] {
        let sqlURL = directory.url.appendingPathComponent(file.stem + ".sql")
        let jsonURL = directory.url.appendingPathComponent(file.stem + ".json")
        try Data(sql.utf8).write(to: sqlURL, options: .atomic)
        try snapshot.write(to: jsonURL, options: .atomic)
        try MigrationDirectory.load(directory.url).writeIntegrity()
        return [sqlURL, jsonURL, directory.url.appendingPathComponent(IntegrityFile.fileName)]
    }
}
