import Foundation

/// `oeedb.sum`: the SHA-256 of every file in a migration directory, plus one
/// hash over all of them (in the spirit of Atlas's `atlas.sum`). An edited
/// shipped migration changes its line; two branches adding files change the
/// first line differently, so git reports a conflict instead of a silent merge.
///
///     h1:3f5a…            ← SHA-256 of all the lines below
///     V0001__baseline.json 9c1e…
///     V0001__baseline.sql  41d2…
public struct IntegrityFile: Hashable, Sendable {
    public static let fileName = "oeedb.sum"

    /// File name → SHA-256 hex, for every tracked file.
    public var entries: [String: String]

    public init(entries: [String: String]) {
        self.entries = entries
    }

    /// The lines after the total, sorted by file name.
    var entryLines: [String] {
        entries.keys.sorted().map { "\($0) \(entries[$0]!)" }
    }

    public var total: String {
        Checksum.sha256(entryLines.map { $0 + "\n" }.joined())
    }

    public var text: String {
        (["h1:\(total)"] + entryLines).joined(separator: "\n") + "\n"
    }

    /// Parses the file; the stored total must match its own lines.
    public static func parse(_ text: String, path: String) throws -> IntegrityFile {
        var lines = text.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasPrefix("h1:") else {
            throw MigrationError("\(path): not an integrity file (first line must be 'h1:<sha256>'); if every migration file is known good, run 'oeedb hash' to record it anew")
        }
        lines.removeFirst()
        var entries: [String: String] = [:]
        for (i, line) in lines.enumerated() {
            let parts = line.split(separator: " ")
            guard parts.count == 2 else { throw MigrationError("\(path):\(i + 2): expected '<file> <sha256>'") }
            entries[String(parts[0])] = String(parts[1])
        }
        let file = IntegrityFile(entries: entries)
        guard "h1:\(file.total)" == first else {
            throw MigrationError("\(path): its total hash does not match its lines: the file was edited by hand or a merge combined two branches' migrations. After a merge: keep main's migrations, delete your new .sql and .json, run 'oeedb hash', then 'oeedb generate' again; if every file is known good, 'oeedb hash' alone records it anew")
        }
        return file
    }

    /// The `<file> <sha256>` lines of a file that may be corrupt (bad total,
    /// bad first line): what `oeedb hash` compares against. Other lines are skipped.
    public static func lenientEntries(_ text: String) -> [String: String] {
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("h1:") {
            let parts = line.split(separator: " ")
            if parts.count == 2 { entries[String(parts[0])] = String(parts[1]) }
        }
        return entries
    }

    /// File names added, changed and removed going from `old` to this file.
    public struct Difference: Hashable, Sendable, Codable {
        public var added: [String] = []
        public var changed: [String] = []
        public var removed: [String] = []
        public var isEmpty: Bool { added.isEmpty && changed.isEmpty && removed.isEmpty }
    }

    public func difference(from old: [String: String]) -> Difference {
        var d = Difference()
        for name in Set(old.keys).union(entries.keys).sorted() {
            switch (old[name], entries[name]) {
            case (nil, _?): d.added.append(name)
            case (_?, nil): d.removed.append(name)
            case (let a?, let b?) where a != b: d.changed.append(name)
            default: break
            }
        }
        return d
    }
}
