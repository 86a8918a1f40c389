/// The words of one PostgreSQL statement at each parenthesis depth, with
/// quoted identifiers kept apart from keywords, and strings, dollar-quoted
/// bodies and comments reduced to placeholders: enough to tell what kind of
/// statement it is and which table it names.
///
/// Hand-written for the same reason as ``StatementSplitter`` (no SQL parser
/// package resolves here) and on the same lexical rules, over UTF-8 bytes:
/// `'…'` and `E'…'` strings (backslash escapes in the latter), `"…"`
/// identifiers (`""` for a quote), `$tag$…$tag$` bodies, `--` and nested
/// `/* */` comments. Unquoted words fold to lower case, as the server folds
/// them. Anything it does not recognise becomes ``Token/other``, which no rule
/// that reads these words accepts.
struct StatementWords {
    enum Token: Hashable {
        /// An unquoted word, folded to lower case.
        case word(String)
        /// A double-quoted identifier, as stored.
        case quoted(String)
        /// A string or dollar-quoted body (its text is not kept).
        case literal
        case dot
        case comma
        case other
    }

    /// Each token with its parenthesis depth.
    private(set) var tokens: [(token: Token, depth: Int)] = []
    /// The UTF-8 offset of the first `?` in code (not in a string, quoted
    /// identifier, dollar body or comment): an operator to the server
    /// (jsonb `?`, `?|`, `?&`), a parameter marker to psqlODBC.
    private(set) var questionMark: Int?

    init(_ sql: String) {
        var sql = sql
        (tokens, questionMark) = sql.withUTF8 { Self.scan($0) }
    }

    /// The depth-0 tokens.
    var top: [Token] { tokens.filter { $0.depth == 0 }.map(\.token) }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    private static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x24
    }

    private static func scan(_ s: UnsafeBufferPointer<UInt8>) -> ([(token: Token, depth: Int)], Int?) {
        var out: [(token: Token, depth: Int)] = []
        var question: Int?
        var depth = 0
        var i = 0
        let n = s.count
        func at(_ k: Int) -> UInt8 { k < n ? s[k] : 0 }
        while i < n {
            let c = s[i]
            if isSpace(c) { i += 1; continue }
            if c == 0x2D && at(i + 1) == 0x2D {  // --
                while i < n && s[i] != 0x0A { i += 1 }
                continue
            }
            if c == 0x2F && at(i + 1) == 0x2A {  // /* nested */
                var level = 1
                i += 2
                while i < n && level > 0 {
                    if s[i] == 0x2A && at(i + 1) == 0x2F { level -= 1; i += 2; continue }
                    if s[i] == 0x2F && at(i + 1) == 0x2A { level += 1; i += 2; continue }
                    i += 1
                }
                continue
            }
            let escapes = (c | 0x20 == 0x65) && at(i + 1) == 0x27  // E'…'
            if c == 0x27 || escapes {
                i += escapes ? 2 : 1
                while i < n {
                    if escapes && s[i] == 0x5C { i += 2; continue }
                    if s[i] == 0x27 {
                        if at(i + 1) == 0x27 { i += 2; continue }
                        break
                    }
                    i += 1
                }
                i += 1
                out.append((.literal, depth))
                continue
            }
            if c == 0x22 {  // "identifier"
                var bytes: [UInt8] = []
                i += 1
                while i < n {
                    if s[i] == 0x22 {
                        if at(i + 1) == 0x22 { bytes.append(0x22); i += 2; continue }
                        break
                    }
                    bytes.append(s[i]); i += 1
                }
                i += 1
                out.append((.quoted(String(decoding: bytes, as: UTF8.self)), depth))
                continue
            }
            if c == 0x24 {  // $tag$ … $tag$ (a $1 parameter is not a quote)
                var j = i + 1
                while j < n && isWordByte(s[j]) && s[j] != 0x24 { j += 1 }
                let digitFirst = j > i + 1 && s[i + 1] >= 0x30 && s[i + 1] <= 0x39
                if j < n && s[j] == 0x24 && !digitFirst {
                    let tag = j - i + 1
                    var k = j + 1
                    while k < n {
                        if s[k] == 0x24 && k + tag <= n && (0..<tag).allSatisfy({ s[k + $0] == s[i + $0] }) { k += tag; break }
                        k += 1
                    }
                    i = k
                    out.append((.literal, depth))
                } else {
                    i += 1
                    out.append((.other, depth))
                }
                continue
            }
            if isWordByte(c) && !(c >= 0x30 && c <= 0x39) {
                var j = i
                var bytes: [UInt8] = []
                while j < n && isWordByte(s[j]) {
                    let b = s[j]
                    bytes.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    j += 1
                }
                i = j
                out.append((.word(String(decoding: bytes, as: UTF8.self)), depth))
                continue
            }
            switch c {
            case 0x28: out.append((.other, depth)); depth += 1
            case 0x29: depth -= 1; out.append((.other, depth))
            case 0x2E: out.append((.dot, depth))
            case 0x2C: out.append((.comma, depth))
            case 0x3B: break
            case 0x3F:
                if question == nil { question = i }
                out.append((.other, depth))
            default: out.append((.other, depth))
            }
            i += 1
        }
        return (out, question)
    }
}
