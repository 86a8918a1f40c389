/// The words of one PostgreSQL statement at each parenthesis depth, with
/// quoted identifiers kept apart from keywords, and strings and
/// dollar-quoted bodies reduced to placeholders (comments dropped): enough
/// to tell what kind of statement it is and which table it names. Read from
/// ``ScriptLexer``'s lexemes; unquoted words fold to lower case, as the
/// server folds them. Anything else becomes ``Token/other``, which no rule
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
        sql.withUTF8 { s in
            var depth = 0
            ScriptLexer.scan(s) { lexeme in
                let r = lexeme.range
                switch lexeme.kind {
                case .space, .comment:
                    return
                case .string, .dollarBody:
                    tokens.append((.literal, depth))
                case .quoted:
                    // Quotes removed, `""` undone.
                    var bytes: [UInt8] = []
                    var k = r.lowerBound + 1
                    while k < r.upperBound {
                        if s[k] == 0x22 { if k + 1 < r.upperBound { bytes.append(0x22) }; k += 2; continue }
                        bytes.append(s[k]); k += 1
                    }
                    tokens.append((.quoted(String(decoding: bytes, as: UTF8.self)), depth))
                case .word:
                    let folded = s[r].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
                    tokens.append((.word(String(decoding: folded, as: UTF8.self)), depth))
                case .symbol:
                    switch s[r.lowerBound] {
                    case 0x28: tokens.append((.other, depth)); depth += 1
                    case 0x29: depth -= 1; tokens.append((.other, depth))
                    case 0x2E: tokens.append((.dot, depth))
                    case 0x2C: tokens.append((.comma, depth))
                    case 0x3B: break
                    case 0x3F:
                        if questionMark == nil { questionMark = r.lowerBound }
                        tokens.append((.other, depth))
                    default: tokens.append((.other, depth))
                    }
                }
            }
        }
    }

    /// The depth-0 tokens.
    var top: [Token] { tokens.filter { $0.depth == 0 }.map(\.token) }
}
