/// The lexical structure of a PostgreSQL script, over its UTF-8 bytes: one
/// scanner for the statement splitter (``StatementSplitter``) and the
/// statement reader (``StatementWords``), so the two cannot disagree on
/// where a string or comment ends.
///
/// Hand-written (no SQL parser package resolves here, and both need only
/// lexemes, not a grammar). Rules from the PostgreSQL manual, "Lexical
/// Structure": `'…'` strings (`''` for a quote), `E'…'` strings (also
/// backslash escapes), `"…"` identifiers (`""` for a quote), `$tag$…$tag$`
/// bodies (the tag may be empty; `$1` is a parameter, and a `$` inside a word
/// belongs to the word), `--` comments to the end of the line, nested `/* */`
/// comments; whitespace is the server's (space, tab, CR, LF, FF, VT). Every
/// character that matters is ASCII and no byte of a multi-byte character is,
/// so bytes suffice (over `[Character]`, "\r\n" is one character, and the
/// splitter once let a `--` comment swallow the rest of a file).
enum ScriptLexer {
    enum Kind: Equatable {
        case space
        case comment
        /// A string; `escapes` for `E'…'`.
        case string(escapes: Bool)
        case quoted
        case dollarBody
        /// Letters, digits, `_` and `$` (not first), any non-ASCII byte.
        case word
        /// Any other single byte: `;`, `(`, `?`, a digit …
        case symbol
    }

    struct Lexeme {
        var kind: Kind
        var range: Range<Int>
        /// The 1-based line the lexeme starts on.
        var line: Int
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// A dollar-quote tag's bytes: letters, digits, `_`, any non-ASCII byte.
    static func isTagByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Calls `body` with every lexeme of `s`, in order; together they cover
    /// every byte. An unterminated string, identifier, body or comment runs
    /// to the end.
    static func scan(_ s: UnsafeBufferPointer<UInt8>, _ body: (Lexeme) -> Void) {
        let n = s.count
        var i = 0
        var line = 1
        func at(_ k: Int) -> UInt8 { k < n ? s[k] : 0 }
        while i < n {
            let start = i, startLine = line
            let c = s[i]
            let kind: Kind
            if isSpace(c) {
                while i < n && isSpace(s[i]) { if s[i] == 0x0A { line += 1 }; i += 1 }
                kind = .space
            } else if c == 0x2D && at(i + 1) == 0x2D {  // --
                while i < n && s[i] != 0x0A { i += 1 }
                kind = .comment
            } else if c == 0x2F && at(i + 1) == 0x2A {  // /* nested */
                var depth = 1
                i += 2
                while i < n && depth > 0 {
                    if s[i] == 0x0A { line += 1 }
                    if s[i] == 0x2A && at(i + 1) == 0x2F { depth -= 1; i += 2; continue }
                    if s[i] == 0x2F && at(i + 1) == 0x2A { depth += 1; i += 2; continue }
                    i += 1
                }
                kind = .comment
            } else if c == 0x27 || (c | 0x20 == 0x65 && at(i + 1) == 0x27) {  // '…' or E'…'
                let escapes = c != 0x27
                i += escapes ? 2 : 1
                while i < n {
                    if s[i] == 0x0A { line += 1 }
                    if escapes && s[i] == 0x5C { i += 2; continue }
                    if s[i] == 0x27 {
                        if at(i + 1) == 0x27 { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i = min(i + 1, n)
                kind = .string(escapes: escapes)
            } else if c == 0x22 {  // "identifier"
                i += 1
                while i < n {
                    if s[i] == 0x0A { line += 1 }
                    if s[i] == 0x22 {
                        if at(i + 1) == 0x22 { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i = min(i + 1, n)
                kind = .quoted
            } else if c == 0x24, !isDigit(at(i + 1)), case let j = tagEnd(s, from: i + 1), j < n, s[j] == 0x24 {
                // $tag$ … $tag$
                let tag = j - i + 1
                var k = j + 1
                while k < n {
                    if s[k] == 0x0A { line += 1 }
                    if s[k] == 0x24 && k + tag <= n && (0..<tag).allSatisfy({ s[k + $0] == s[i + $0] }) { k += tag; break }
                    k += 1
                }
                i = min(k, n)
                kind = .dollarBody
            } else if isTagByte(c) && !isDigit(c) {
                while i < n && (isTagByte(s[i]) || s[i] == 0x24) { i += 1 }
                kind = .word
            } else {
                i += 1
                kind = .symbol
            }
            body(Lexeme(kind: kind, range: start..<i, line: startLine))
        }
    }

    private static func tagEnd(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var j = from
        while j < s.count && isTagByte(s[j]) { j += 1 }
        return j
    }
}
