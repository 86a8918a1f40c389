import OEEDiff
import OEEModel

/// Quoting helpers for T-SQL text. Every identifier oeedb emits is bracketed
/// and every string literal is quoted here, so escaping lives in one place.
public enum TSQL {
    /// A bracketed identifier with `]` doubled.
    ///
    ///     TSQL.quote("a]b")      // [a]]b]
    public static func quote(_ identifier: String) -> String {
        "[" + identifier.replacingOccurrences(of: "]", with: "]]") + "]"
    }

    /// A schema-qualified name.
    ///
    ///     TSQL.qualified(QualifiedName("ref", "site"))   // [ref].[site]
    public static func qualified(_ name: QualifiedName) -> String {
        quote(name.schema) + "." + quote(name.name)
    }

    /// A Unicode string literal with `'` doubled.
    ///
    ///     TSQL.nstring("It's")   // N'It''s'
    public static func nstring(_ text: String) -> String {
        "N" + string(text)
    }

    /// A non-Unicode string literal with `'` doubled.
    ///
    ///     TSQL.string("2026-01-01")   // '2026-01-01'
    public static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Bracketed names separated by `, `.
    ///
    ///     TSQL.columnList(["a", "b"])   // [a], [b]
    public static func columnList(_ names: [String]) -> String {
        names.map(quote).joined(separator: ", ")
    }

    /// Key columns with their sort order.
    ///
    ///     TSQL.keyList([IndexKey("a"), IndexKey("b", descending: true)])   // [a] ASC, [b] DESC
    public static func keyList(_ keys: [IndexKey]) -> String {
        keys.map { quote($0.column) + ($0.isDescending ? " DESC" : " ASC") }.joined(separator: ", ")
    }

    /// Whether `line` is a client-side batch separator (`GO`, `GO 5`, `go -- x`).
    static func isBatchSeparator(_ line: Substring) -> Bool {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.count >= 2, rest.prefix(2).lowercased() == "go" else { return false }
        rest = rest.dropFirst(2)
        if let next = rest.first, !(next == " " || next == "\t" || next == "-" || next == "\r") { return false }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        rest = rest.drop { $0.isASCII && $0.isNumber }
        rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "\r" }
        return rest.isEmpty || rest.hasPrefix("--")
    }

    /// Throws if `text` holds a line that a batch splitter (sqlcmd, SSMS, the
    /// runner) would take for `GO`, which would cut a string literal in two.
    static func checkNoSeparatorLine(_ text: String, path: String, what: String) throws {
        guard text.contains(where: \.isNewline) else { return }
        for line in text.split(whereSeparator: \.isNewline) where isBatchSeparator(line) {
            throw RenderError(path, "\(what) holds a line reading '\(line)', which batch splitters take for a GO separator; reword it")
        }
    }

    /// Whether `name` is a regular identifier that can be written without brackets
    /// (used for built-in function names and `@parameters`).
    static func isRegularIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
