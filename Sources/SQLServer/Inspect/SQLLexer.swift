/// Splits T-SQL expression text into tokens, skipping whitespace and comments.
///
///     SQLLexer.tokens("([qty]>=(0))")
///     // ( [qty] >= ( 0 ) )   — `[qty]` as a quoted identifier `qty`
///
/// Used by ``ExpressionNormalizer`` (expressions SQL Server stored) and by
/// ``ModuleDefinition`` (the text of a CREATE FUNCTION).
struct SQLToken: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        /// A regular identifier or keyword, as written (`AND`, `qty`, `sysutcdatetime`).
        case word
        /// A `[bracketed]` or `"double-quoted"` identifier; `text` is the name, unescaped.
        case quoted
        /// `@name`; `text` includes the `@`.
        case variable
        /// `12`, `-` is never part of it; `0.85`, `1e3`, `0x1F`.
        case number
        /// A string literal; `text` is its value, unescaped.
        case string(unicode: Bool)
        /// Punctuation and operators: `(`, `)`, `,`, `.`, `;`, `+`, `>=`, `<>` (`!=` as `<>`, `!<` as `>=`, `!>` as `<=`).
        case symbol
    }

    var kind: Kind
    var text: String
    /// Character offsets of the token in the source (end exclusive).
    var start: Int
    var end: Int

    /// Whether the token is the keyword `word` (case-insensitive).
    func isWord(_ word: String) -> Bool {
        kind == .word && text.caseInsensitiveCompare(word) == .orderedSame
    }

    func isSymbol(_ symbol: String) -> Bool {
        kind == .symbol && text == symbol
    }
}

struct SQLLexError: Error, Hashable, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}

enum SQLLexer {
    static func tokens(_ source: String) throws -> [SQLToken] {
        let chars = Array(source)
        var tokens: [SQLToken] = []
        var i = 0
        func peek(_ offset: Int = 0) -> Character? { i + offset < chars.count ? chars[i + offset] : nil }

        while i < chars.count {
            let c = chars[i]
            let start = i
            if c.isWhitespace { i += 1; continue }
            if c == "-" && peek(1) == "-" {
                while i < chars.count && !chars[i].isNewline { i += 1 }
                continue
            }
            if c == "/" && peek(1) == "*" {
                var depth = 0
                repeat {
                    if peek() == "/" && peek(1) == "*" { depth += 1; i += 2 }
                    else if peek() == "*" && peek(1) == "/" { depth -= 1; i += 2 }
                    else if i < chars.count { i += 1 }
                    else { throw SQLLexError(message: "unterminated block comment") }
                } while depth > 0
                continue
            }
            // N'…' before words: N followed directly by a quote is a Unicode string.
            if (c == "N" || c == "n") && peek(1) == "'" {
                i += 1
                let value = try quoted(chars, &i, close: "'")
                tokens.append(SQLToken(kind: .string(unicode: true), text: value, start: start, end: i))
                continue
            }
            if c == "'" {
                let value = try quoted(chars, &i, close: "'")
                tokens.append(SQLToken(kind: .string(unicode: false), text: value, start: start, end: i))
                continue
            }
            if c == "[" {
                let value = try quoted(chars, &i, close: "]")
                tokens.append(SQLToken(kind: .quoted, text: value, start: start, end: i))
                continue
            }
            if c == "\"" {
                let value = try quoted(chars, &i, close: "\"")
                tokens.append(SQLToken(kind: .quoted, text: value, start: start, end: i))
                continue
            }
            if c == "@" {
                i += 1
                while i < chars.count && isWordCharacter(chars[i]) { i += 1 }
                tokens.append(SQLToken(kind: .variable, text: String(chars[start..<i]), start: start, end: i))
                continue
            }
            if c.isASCII && (c.isNumber || (c == "." && peek(1)?.isASCII == true && peek(1)?.isNumber == true)) {
                if c == "0" && (peek(1) == "x" || peek(1) == "X") {
                    i += 2
                    while i < chars.count && chars[i].isHexDigit { i += 1 }
                } else {
                    while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                    if peek() == "." { i += 1; while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 } }
                    if peek() == "e" || peek() == "E" {
                        var j = i + 1
                        if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
                        if j < chars.count && chars[j].isASCII && chars[j].isNumber {
                            i = j
                            while i < chars.count && chars[i].isASCII && chars[i].isNumber { i += 1 }
                        }
                    }
                }
                tokens.append(SQLToken(kind: .number, text: String(chars[start..<i]), start: start, end: i))
                continue
            }
            if isWordStart(c) {
                while i < chars.count && isWordCharacter(chars[i]) { i += 1 }
                tokens.append(SQLToken(kind: .word, text: String(chars[start..<i]), start: start, end: i))
                continue
            }
            // Operators, longest first.
            let two = peek(1).map { String([c, $0]) } ?? ""
            let canonicalTwo: [String: String] = ["<=": "<=", ">=": ">=", "<>": "<>", "!=": "<>", "!<": ">=", "!>": "<="]
            if let op = canonicalTwo[two] {
                i += 2
                tokens.append(SQLToken(kind: .symbol, text: op, start: start, end: i))
                continue
            }
            if "(),.;+-*/%&|^~=<>".contains(c) {
                i += 1
                tokens.append(SQLToken(kind: .symbol, text: String(c), start: start, end: i))
                continue
            }
            throw SQLLexError(message: "unexpected character '\(c)'")
        }
        return tokens
    }

    /// Reads a literal or quoted identifier starting at `i` (on its opening
    /// character), doubling `close` as the escape; leaves `i` after it.
    private static func quoted(_ chars: [Character], _ i: inout Int, close: Character) throws -> String {
        var value = ""
        i += 1
        while i < chars.count {
            if chars[i] == close {
                if i + 1 < chars.count && chars[i + 1] == close {
                    value.append(close)
                    i += 2
                    continue
                }
                i += 1
                return value
            }
            value.append(chars[i])
            i += 1
        }
        throw SQLLexError(message: "unterminated \(close == "'" ? "string" : "quoted identifier")")
    }

    static func isWordStart(_ c: Character) -> Bool {
        c == "_" || c == "#" || c.isLetter
    }

    static func isWordCharacter(_ c: Character) -> Bool {
        c == "_" || c == "#" || c == "$" || c == "@" || c.isLetter || c.isNumber
    }
}
