import Foundation

/// Masks secrets in any text derived from a connection: the connection
/// string itself (well-formed or not), messages built from its parts, and
/// driver diagnostics that echo it back.
///
/// Hand-written scanner rather than a parse: the text may be malformed (an
/// unclosed brace swallows the rest of the string into one value, so a parser
/// would hide `PWD=` inside a "driver name"), or not a connection string at
/// all (`Can't open lib 'X;PWD=…'`). It looks for a secret keyword anywhere —
/// at the start or after a character that cannot be part of a keyword — then
/// optional spaces and `=`, and masks what follows: a braced value to its
/// closing `}` as the most generous driver reads it (or, unclosed, to the end), a bare value to the next `;`,
/// line break or end.
public enum SecretMask {
    /// Keywords whose values are secrets, lower-cased.
    public static let keys: [String] = ["password", "pwd", "accesstoken", "access_token", "token", "secret"]
    public static let replacement = "***"

    public static func isSecretKey(_ key: String) -> Bool {
        keys.contains(key.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// `text` with the value of every secret keyword replaced by `***`.
    public static func maskKeys(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var i = 0
        while i < chars.count {
            if let valueStart = secretValueStart(chars, at: i) {
                out += String(chars[i..<valueStart]) + replacement
                i = valueEnd(chars, from: valueStart)
                continue
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Masks keyword values, then every known secret wherever it appears
    /// (secrets shorter than 3 characters only by keyword: replacing every
    /// `a` would garble the message without protecting anything).
    public static func redact(_ text: String, secrets: [String]) -> String {
        var result = maskKeys(text)
        for s in secrets.filter({ $0.count >= 3 }).sorted(by: { $0.count > $1.count }) {
            result = result.replacingOccurrences(of: s, with: replacement)
            let trimmed = s.trimmingCharacters(in: .whitespaces)
            if trimmed.count >= 3 && trimmed != s { result = result.replacingOccurrences(of: trimmed, with: replacement) }
        }
        return result
    }

    /// If a secret keyword starts at `i` (and then `=`), the index where its value starts.
    private static func secretValueStart(_ chars: [Character], at i: Int) -> Int? {
        if i > 0 {
            let prev = chars[i - 1]
            if prev.isLetter || prev.isNumber || prev == "_" { return nil }
        }
        for key in keys {
            let n = key.count
            guard i + n <= chars.count, String(chars[i..<i + n]).lowercased() == key else { continue }
            var j = i + n
            while j < chars.count && (chars[j] == " " || chars[j] == "\t") { j += 1 }
            guard j < chars.count, chars[j] == "=" else { continue }
            j += 1
            while j < chars.count && chars[j] == " " { j += 1 }
            return j
        }
        return nil
    }

    private static func valueEnd(_ chars: [Character], from start: Int) -> Int {
        var j = start
        if j < chars.count && chars[j] == "{" {
            // Drivers disagree where a braced value ends (ODBC: the first `}`
            // not doubled; FreeTDS: the first `}` followed by `;`): mask to the
            // later of the two, or to the end when a brace is never closed.
            var odbcEnd: Int?
            var k = j + 1
            while k < chars.count {
                if chars[k] == "}" {
                    if k + 1 < chars.count && chars[k + 1] == "}" { k += 2; continue }
                    odbcEnd = k + 1
                    break
                }
                k += 1
            }
            var freetdsEnd = chars.count
            k = j + 1
            while k < chars.count {
                if chars[k] == "}" && (k + 1 == chars.count || chars[k + 1] == ";") { freetdsEnd = k + 1; break }
                k += 1
            }
            return max(odbcEnd ?? chars.count, freetdsEnd)
        }
        while j < chars.count && chars[j] != ";" && chars[j] != "\n" && chars[j] != "\r" { j += 1 }
        return j
    }
}
