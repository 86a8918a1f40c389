/// One text form for PostgreSQL expressions, so that what oeedb renders and
/// what `pg_get_expr` / `pg_get_constraintdef` deparse compare equal:
///
///     ((end_ts IS NULL) OR (end_ts >= start_ts))           → end_tsisnullorend_ts>=start_ts
///     "end_ts" IS NULL OR "end_ts" >= "start_ts"           → end_tsisnullorend_ts>=start_ts
///     (oee_factor)::text = ANY ((ARRAY['A'::bpchar, …])::text[])  → oee_factorin'A',…
///
/// Rules, applied outside string literals only: casts (`::type`) removed,
/// double quotes and parentheses removed, keywords and identifiers lower-cased,
/// whitespace removed, `= ANY (ARRAY[…])` written as `in …` and `<> ALL
/// (ARRAY[…])` as `notin …`, a leading `CHECK` dropped. String literals keep
/// their case and content. The form is for comparison only, never for running.
enum ExpressionNormalizer {
    static func normalize(_ text: String) -> String {
        var t = unqualifyFunctions(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if t.uppercased().hasPrefix("CHECK") { t = String(t.dropFirst(5)) }
        if t.uppercased().hasSuffix(" NOT VALID") { t = String(t.dropLast(10)) }
        var out = ""
        var i = t.startIndex
        while i < t.endIndex {
            let c = t[i]
            if c == "'" {
                // Copy the literal verbatim, with '' escapes.
                var j = t.index(after: i)
                while j < t.endIndex {
                    if t[j] == "'" {
                        let n = t.index(after: j)
                        if n < t.endIndex && t[n] == "'" { j = t.index(after: n); continue }
                        break
                    }
                    j = t.index(after: j)
                }
                let end = j < t.endIndex ? t.index(after: j) : j
                // PostgreSQL prints timestamp literals with a space, oeedb with `T`.
                var literal = String(t[i..<end])
                if literal.count >= 12, literal.dropFirst().prefix(10).allSatisfy({ $0.isNumber || $0 == "-" }),
                   literal[literal.index(literal.startIndex, offsetBy: 11)] == "T" {
                    literal = literal.replacingOccurrences(of: "T", with: " ")
                }
                out += literal
                i = end
                continue
            }
            if c == ":" && t.index(after: i) < t.endIndex && t[t.index(after: i)] == ":" {
                i = skipCast(t, from: t.index(i, offsetBy: 2))
                continue
            }
            if c == "\"" || c == "(" || c == ")" || c.isWhitespace { i = t.index(after: i); continue }
            out += c.lowercased()
            i = t.index(after: i)
        }
        return rewriteArrays(out)
    }

    /// Drops schema qualifiers of function calls (`oeedb.isjson(` → `isjson(`):
    /// PostgreSQL prints them only when the schema is off the search path.
    static func unqualifyFunctions(_ text: String) -> String {
        let chars = Array(text)
        var out: [Character] = []
        var i = 0
        var inString = false
        while i < chars.count {
            let c = chars[i]
            if c == "'" { inString.toggle() }
            if !inString, c.isLetter || c == "_" || c == "\"", out.last.map({ !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "\"") }) ?? true {
                // Read `ident.` and check that an identifier and `(` follow.
                var j = i
                let quoted = chars[j] == "\""
                if quoted { j += 1; while j < chars.count && chars[j] != "\"" { j += 1 }; j += 1 } else {
                    while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                }
                if j < chars.count && chars[j] == "." {
                    var k = j + 1
                    if k < chars.count && chars[k] == "\"" { k += 1; while k < chars.count && chars[k] != "\"" { k += 1 }; k += 1 } else {
                        while k < chars.count && (chars[k].isLetter || chars[k].isNumber || chars[k] == "_") { k += 1 }
                    }
                    if k > j + 1 && k < chars.count && chars[k] == "(" {
                        i = j + 1
                        continue
                    }
                }
            }
            out.append(c)
            i += 1
        }
        return String(out)
    }

    /// Skips a type name after `::`: words, `(n[,m])`, `with[out] time zone`, `[]`.
    static func skipCast(_ t: String, from start: String.Index) -> String.Index {
        var i = start
        func skipSpaces() { while i < t.endIndex && t[i] == " " { i = t.index(after: i) } }
        func word() -> Bool {
            let s = i
            if i < t.endIndex && t[i] == "\"" {
                i = t.index(after: i)
                while i < t.endIndex && t[i] != "\"" { i = t.index(after: i) }
                if i < t.endIndex { i = t.index(after: i) }
                return true
            }
            while i < t.endIndex && (t[i].isLetter || t[i].isNumber || t[i] == "_" || t[i] == ".") { i = t.index(after: i) }
            return i > s
        }
        skipSpaces()
        guard word() else { return i }
        // Multi-word types: character varying, double precision, timestamp … without time zone.
        while true {
            let save = i
            skipSpaces()
            let wordStart = i
            guard word() else { i = save; break }
            let w = t[wordStart..<i].lowercased()
            if !["varying", "precision", "without", "with", "time", "zone"].contains(w) { i = save; break }
        }
        if i < t.endIndex && t[i] == "(" {
            while i < t.endIndex && t[i] != ")" { i = t.index(after: i) }
            if i < t.endIndex { i = t.index(after: i) }
            // `timestamp(3) without time zone`
            while true {
                let save = i
                skipSpaces()
                let wordStart = i
                guard word() else { i = save; break }
                let w = t[wordStart..<i].lowercased()
                if !["without", "with", "time", "zone"].contains(w) { i = save; break }
            }
        }
        while t[i...].hasPrefix("[]") { i = t.index(i, offsetBy: 2) }
        return i
    }

    /// `=anyarray['a','b']` → `in'a','b'`; `<>allarray[…]` → `notin…`.
    static func rewriteArrays(_ s: String) -> String {
        var s = s
        for (pattern, replacement) in [("=anyarray[", "in"), ("<>allarray[", "notin")] {
            while let r = s.range(of: pattern) {
                guard let close = s[r.upperBound...].firstIndex(of: "]") else { break }
                s = String(s[..<r.lowerBound]) + replacement + String(s[r.upperBound..<close]) + String(s[s.index(after: close)...])
            }
        }
        return s
    }
}
