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

    /// `"…"` appended as UTF-8 bytes, escaped as ``append(_:to:)`` escapes into a `String`.
    static func append(_ s: String, to out: inout [UInt8]) {
        out.append(0x22)
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x22 || b == 0x5C { plain = false; break }
        if plain {
            out += s.utf8
        } else {
            var escaped = ""
            append(s, to: &escaped)
            out += escaped.utf8.dropFirst().dropLast()
        }
        out.append(0x22)
    }

    /// An integer's decimal digits, without going through a `String`.
    static func appendDigits(_ v: Int64, to out: inout [UInt8]) {
        if v < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = v.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            } while magnitude > 0
            while n > 0 { n -= 1; out.append(d[n]) }
        }
    }
}
