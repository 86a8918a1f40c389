/// How one ODBC driver reads `key=value` pairs, so that every value reaches
/// the driver byte-exact — or is refused with a reason that names the
/// characters (never the value).
///
/// Each family's rules come from the driver's own connection-string parser:
///
/// - **FreeTDS 1.3.17** (`odbc_parse_connect_string`, src/odbc/connectparams.c):
///   an unbraced value runs to the next `;` and is not trimmed; a value that
///   starts with `{` ends at the first `}` *immediately followed by `;`* — at
///   the end of the string the `}` is kept in the value (the reported login
///   bug) — and `}}` is not an escape. So a value is written bare unless it
///   holds `;` or starts with `{`; then it is braced and a `;` always follows.
///   A value holding `};` cannot be written at all. Measured end to end by
///   the loopback TDS listener (FreeTDSLoginTests), through unixODBC.
/// - **psqlODBC 13** (`dconn_get_attributes`, drvconn.c; `decode_or_remove_braces`,
///   dlg_specific.c): a braced PWD/Password value is unbraced with `}}` → `}`;
///   an unbraced one is URL-decoded (`+` → space, `%41` → `A`), so passwords
///   are always braced. Other keys keep their braces literally, so a user,
///   database or host holding `;` or starting with `{` cannot be written.
///   Measured against the live PostgreSQL by PostgresPasswordTests.
/// - **Microsoft ODBC Driver 17/18** ([MS-ODBCSTR] 2.1.2): `{…}` with `}}` as
///   the escape carries any character; unbraced values lose surrounding
///   spaces. Secrets are always braced. Documented, not measured (the driver
///   is not installable here).
/// - **other** (SQLite3, a DSN whose driver oeedb cannot see): the ODBC
///   grammar (braces, `}}`) for ordinary values; a secret is written only
///   when every family above would read it the same way unbraced.
public enum DriverFamily: String, Hashable, Sendable {
    case freetds, microsoft, psqlodbc, other

    /// The name messages use.
    public var displayName: String {
        switch self {
        case .freetds: return "FreeTDS"
        case .microsoft: return "Microsoft ODBC"
        case .psqlodbc: return "psqlODBC"
        case .other: return "ODBC"
        }
    }

    public static func of(driver: String?) -> DriverFamily {
        let d = (driver ?? "").lowercased()
        if d.contains("freetds") || d.contains("tdsodbc") { return .freetds }
        if d.contains("msodbcsql") || (d.contains("odbc driver") && d.contains("sql server")) || d.contains("native client") || d == "sql server" {
            return .microsoft
        }
        if d.contains("postgres") || d.contains("psqlodbc") { return .psqlodbc }
        return .other
    }

    /// Why a value cannot be carried, naming the characters, never the value.
    public struct Refusal: Error, Hashable, Sendable {
        public var characters: String
        public var reason: String
    }

    /// `value` written for this family's parser, or a ``Refusal``.
    func quote(_ value: String, secret: Bool) throws -> String {
        if value.contains("\u{0}") {
            throw Refusal(characters: "NUL (U+0000)", reason: "no ODBC connection string can carry it")
        }
        let edgeSpace = value.first == " " || value.last == " "
        switch self {
        case .freetds:
            if value.contains("};") {
                throw Refusal(characters: "'};'", reason: "FreeTDS ends a braced value at the first '};' and has no escape for it")
            }
            // Bare when possible; spaces are kept as they are (no trimming).
            return value.contains(";") || value.hasPrefix("{") ? "{" + value + "}" : value
        case .microsoft:
            let needs = secret || edgeSpace || value.contains(where: { ";{}=".contains($0) })
            return needs ? Self.braced(value) : value
        case .psqlodbc:
            if secret { return Self.braced(value) }
            if value.contains(";") || value.hasPrefix("{") {
                throw Refusal(characters: value.contains(";") ? "';'" : "a leading '{'", reason: "psqlODBC keeps braces around this keyword's value, so it cannot be quoted")
            }
            return value
        case .other:
            if secret {
                // Bare is the only form every driver reads alike; refuse the rest.
                var bad: [String] = []
                for c in [";", "{", "}", "+", "%"] where value.contains(c) { bad.append("'\(c)'") }
                if edgeSpace { bad.append("a leading or trailing space") }
                if !bad.isEmpty {
                    throw Refusal(characters: bad.joined(separator: ", "), reason: "oeedb cannot tell how this driver quotes a password")
                }
                return value
            }
            return edgeSpace || value.contains(where: { ";{}".contains($0) }) ? Self.braced(value) : value
        }
    }

    static func braced(_ value: String) -> String {
        "{" + value.replacingOccurrences(of: "}", with: "}}") + "}"
    }
}
