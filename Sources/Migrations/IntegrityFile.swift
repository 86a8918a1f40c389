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
            throw MigrationError("\(path): not an integrity file (first line must be 'h1:<sha256>'); regenerate it with 'oeedb generate --rehash' only if every file is known good")
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
            throw MigrationError("\(path): its total hash does not match its lines: the file was edited by hand or a merge combined two branches' migrations. Rebase onto main, move your new migration to the next version, and run 'oeedb generate' again")
        }
        return file
    }
}
