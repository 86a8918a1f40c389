/// `V0002__add_note.sql`: a version number and a snake_case name.
/// `U0002__add_note.sql` is the undo script of that version.
public struct MigrationFileName: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var version: Int
    public var name: String
    /// `U…`: the script that takes the database from this version back to the previous one.
    public var isUndo: Bool

    public init(version: Int, name: String, isUndo: Bool = false) {
        self.version = version
        self.name = name
        self.isUndo = isUndo
    }

    /// The undo script's name for this version (`U0002__add_note`).
    public var undo: MigrationFileName { MigrationFileName(version: version, name: name, isUndo: true) }

    /// Parses `V<digits>__<name>.<ext>` (or `U…` with `undo`); returns nil for anything else.
    public init?(parsing fileName: String, extension ext: String, undo: Bool = false) {
        guard fileName.hasPrefix(undo ? "U" : "V"), fileName.hasSuffix("." + ext) else { return nil }
        let stem = fileName.dropFirst().dropLast(ext.count + 1)
        guard let sep = stem.range(of: "__") else { return nil }
        let digits = stem[..<sep.lowerBound]
        let name = stem[sep.upperBound...]
        guard !digits.isEmpty, digits.allSatisfy(\.isASCII), let v = Int(digits), v > 0,
              !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { return nil }
        self.init(version: v, name: String(name), isUndo: undo)
    }

    /// The zero-padded version: `0002`.
    public var versionText: String {
        let s = String(version)
        return String(repeating: "0", count: max(0, 4 - s.count)) + s
    }

    /// `V0002__add_note`.
    public var stem: String { "\(isUndo ? "U" : "V")\(versionText)__\(name)" }
    public var description: String { stem }

    public static func < (a: Self, b: Self) -> Bool {
        (a.version, a.name, a.isUndo ? 1 : 0) < (b.version, b.name, b.isUndo ? 1 : 0)
    }

    /// Turns free text into a migration name: `Add note column` → `add_note_column`.
    public static func sanitize(_ text: String) -> String {
        var out = ""
        for ch in text.lowercased() {
            if ch.isASCII && (ch.isLetter || ch.isNumber) { out.append(ch) } else if !out.hasSuffix("_") { out.append("_") }
        }
        let trimmed = out.trimmingCharacters(in: CharacterSet(charactersIn: "_"))
        return String(trimmed.prefix(64))
    }
}

import Foundation
