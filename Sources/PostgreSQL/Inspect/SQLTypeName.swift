/// One spelling per PostgreSQL type, as `format_type()` prints it, for the
/// casts inside expressions: `int4`, `int` and `integer` are one type;
/// `varchar(5)` is `character varying(5)`; `timestamp(3)` is
/// `timestamp(3) without time zone`. Unknown names are kept lower-cased.
enum SQLTypeName {
    static let aliases: [String: String] = [
        "int": "integer", "int4": "integer", "integer": "integer",
        "int2": "smallint", "smallint": "smallint",
        "int8": "bigint", "bigint": "bigint",
        "bool": "boolean", "boolean": "boolean",
        "float8": "double precision", "double precision": "double precision", "float": "double precision",
        "float4": "real", "real": "real",
        "decimal": "numeric", "numeric": "numeric",
        "varchar": "character varying", "character varying": "character varying", "char varying": "character varying",
        "char": "character", "character": "character",
        "timestamp": "timestamp without time zone", "timestamp without time zone": "timestamp without time zone",
        "timestamptz": "timestamp with time zone", "timestamp with time zone": "timestamp with time zone",
        "time": "time without time zone", "time without time zone": "time without time zone",
        "timetz": "time with time zone", "time with time zone": "time with time zone",
    ]

    /// `words` as the parser read them: names, `.`, and one `(n[,m])` group.
    static func canonical(_ words: [String]) -> String {
        var modifier = ""
        var names: [String] = []
        for w in words {
            if w.hasPrefix("(") { modifier = w } else { names.append(w) }
        }
        var base = names.joined(separator: " ").replacingOccurrences(of: " . ", with: ".")
        if base.hasPrefix("pg_catalog.") { base = String(base.dropFirst("pg_catalog.".count)) }
        let name = aliases[base] ?? base
        // `timestamp(3) without time zone`: the modifier sits after the first word.
        if !modifier.isEmpty, let space = name.firstIndex(of: " "), name.hasPrefix("time") {
            return String(name[..<space]) + modifier + String(name[space...])
        }
        return name + modifier
    }

    /// Whether a cast to `type` leaves a text value as it is (no length limit,
    /// no blank-padding): `text` and unconstrained `character varying`.
    static func isPlainText(_ type: String) -> Bool {
        type == "text" || type == "character varying"
    }

    static func isNumeric(_ type: String) -> Bool {
        ["integer", "smallint", "bigint", "real", "double precision"].contains(type) || type.hasPrefix("numeric")
    }

    static func isTimestamp(_ type: String) -> Bool {
        type.hasPrefix("timestamp") || type == "date"
    }
}
