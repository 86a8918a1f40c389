import OEEDiff
import OEEModel

/// Quoting helpers for PostgreSQL text. Every identifier oeedb emits is
/// double-quoted and every string literal is quoted here, so escaping lives in
/// one place. Strings rely on `standard_conforming_strings = on` (the default
/// since PostgreSQL 9.1): a backslash is an ordinary character.
public enum PGSQL {
    /// PostgreSQL's identifier limit (NAMEDATALEN - 1); longer names are truncated.
    public static let maxIdentifierBytes = 63

    /// A double-quoted identifier with `"` doubled.
    ///
    ///     PGSQL.quote("a\"b")      // "a""b"
    public static func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A schema-qualified name.
    ///
    ///     PGSQL.qualified(QualifiedName("ref", "site"))   // "ref"."site"
    public static func qualified(_ name: QualifiedName) -> String {
        quote(name.schema) + "." + quote(name.name)
    }

    /// A string literal with `'` doubled (no `N` prefix: every PostgreSQL string is Unicode).
    ///
    ///     PGSQL.string("It's")   // 'It''s'
    public static func string(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// An object the runner creates for itself (history, step record,
    /// maintenance log, archive schema) and the DDL that makes it.
    public enum RuntimeObject {
        case schema(String)
        case table(String, String, String)
    }

    /// One `DO` block creating each object only when it is missing. Not
    /// `CREATE … IF NOT EXISTS`: PostgreSQL checks the CREATE privilege (on
    /// the database for a schema, on the schema for a table) before it looks
    /// for the object, so a deploy role without it — a hardened database whose
    /// DBA made the schemas and granted only what migrations need — got
    /// "permission denied for database" on every run though nothing was missing.
    ///
    ///     PGSQL.createIfMissing([.schema("oeedb")])
    ///     // DO $oeedb$ BEGIN
    ///     // IF to_regnamespace('"oeedb"') IS NULL THEN CREATE SCHEMA "oeedb"; END IF;
    ///     // END $oeedb$;
    public static func createIfMissing(_ objects: [RuntimeObject]) -> String {
        var lines = ["DO $oeedb$ BEGIN"]
        for object in objects {
            switch object {
            case .schema(let name):
                lines.append("IF to_regnamespace(\(string(quote(name)))) IS NULL THEN CREATE SCHEMA \(quote(name)); END IF;")
            case .table(let schema, let name, let ddl):
                lines.append("IF to_regclass(\(string(quote(schema) + "." + quote(name)))) IS NULL THEN")
                lines.append(ddl)
                lines.append("END IF;")
            }
        }
        lines.append("END $oeedb$;")
        return lines.joined(separator: "\n")
    }

    /// ``createIfMissing(_:)`` of one schema.
    public static func createSchemaIfMissing(_ name: String) -> String {
        createIfMissing([.schema(name)])
    }

    /// Quoted names separated by `, `.
    ///
    ///     PGSQL.columnList(["a", "b"])   // "a", "b"
    public static func columnList(_ names: [String]) -> String {
        names.map(quote).joined(separator: ", ")
    }

    /// Index key columns with their sort order.
    ///
    ///     PGSQL.keyList([IndexKey("a"), IndexKey("b", descending: true)])   // "a" ASC, "b" DESC
    public static func keyList(_ keys: [IndexKey]) -> String {
        keys.map { quote($0.column) + ($0.isDescending ? " DESC" : " ASC") }.joined(separator: ", ")
    }

    /// Throws if `name` is longer than PostgreSQL keeps: it would be silently
    /// truncated and could collide with another name. Used for the names the
    /// dialect makes up (partitions, policies).
    static func checkLength(_ name: String, path: String, what: String) throws {
        guard name.utf8.count <= maxIdentifierBytes else {
            throw RenderError(path, "\(what) name '\(name)' is \(name.utf8.count) bytes; PostgreSQL keeps only \(maxIdentifierBytes) (it would be truncated); shorten the table or policy name")
        }
    }

    /// Throws if a string holds a NUL character, which PostgreSQL text cannot store.
    static func checkText(_ text: String, path: String, what: String) throws {
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw RenderError(path, "\(what) holds a NUL character, which PostgreSQL text cannot hold; remove it")
        }
    }

    /// A dollar-quote tag that does not occur in `body`: `$$`, else `$oeedb$`, `$oeedb1$`, ….
    static func dollarTag(for body: String) -> String {
        if !body.contains("$$") { return "$$" }
        var n = 0
        while true {
            let tag = "$oeedb\(n == 0 ? "" : String(n))$"
            if !body.contains(tag) { return tag }
            n += 1
        }
    }

    /// Whether `name` is a plain identifier (letters, digits, underscores; not
    /// starting with a digit), as built-in function names and settings keys must be.
    static func isRegularIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first,
              first == "_" || (first.isASCII && first.properties.isAlphabetic) else { return false }
        return name.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }
}
