/// JSON string literals for the PostgreSQL bulk load's row parameter.
/// Hand-written rather than `JSONEncoder`: 50,000 rows of 8 values through
/// Codable cost more than the load itself, and only strings are written here.
enum JSONText {
    /// `"…"` with `"`, `\` and control characters escaped.
    static func string(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    static func append(_ s: String, to out: inout String) {
        out += "\""
        if !s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += s
        } else {
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
