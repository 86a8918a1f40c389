/// Recursive-descent parser for the expressions SQL Server stores in its
/// catalog (defaults, checks, computed columns, index filters, predicates):
///
///     or        := and (OR and)*
///     and       := not (AND not)*
///     not       := NOT not | predicate
///     predicate := additive [comparison additive | IS [NOT] NULL
///                  | [NOT] IN (list) | [NOT] LIKE additive [ESCAPE additive]
///                  | [NOT] BETWEEN additive AND additive]
///     additive  := multiplicative ((+ | - | & | ^ | '|') multiplicative)*
///     multiplicative := unary ((* | / | %) unary)*
///     unary     := (- | + | ~) unary | postfix
///     postfix   := primary [COLLATE name] [AT TIME ZONE primary]
///     primary   := literal | @var | name[.name…] [(args)] | (expr) | CASE … END
///                  | [TRY_]CAST(expr AS type) | [TRY_]CONVERT(type, expr [, style])
///
/// T-SQL operator precedence (Microsoft Learn, "Operator precedence"): `~`;
/// `* / %`; `+ - & ^ |`; comparisons; NOT; AND; OR (IN, LIKE, BETWEEN bind
/// like comparisons). Unary `-`/`+` bind tightest here, as SQL Server parses them.
///
/// Hand-written, like ``SQLLexer``: the package links no T-SQL grammar, and
/// the subset SQL Server's catalog decodes (and this dialect renders) is small.
/// Parentheses only group; what the grammar does not know (subqueries, EXISTS,
/// window functions) throws, and the normalizer reports the text as "cannot
/// compare" with both texts — never as equal.
struct SQLParser {
    private let tokens: [SQLToken]
    private var position = 0

    init(tokens: [SQLToken]) {
        self.tokens = tokens
    }

    /// Parses all of `text` as one expression.
    static func parse(_ text: String) throws -> TSQLExpression {
        var parser = SQLParser(tokens: try SQLLexer.tokens(text))
        let expression = try parser.expression()
        guard parser.atEnd else { throw parser.error("unexpected '\(parser.current!.text)' after the expression") }
        return expression
    }

    var atEnd: Bool { position >= tokens.count }
    private var current: SQLToken? { position < tokens.count ? tokens[position] : nil }
    private func peek(_ offset: Int) -> SQLToken? { position + offset < tokens.count ? tokens[position + offset] : nil }

    private func error(_ message: String) -> SQLParseError { SQLParseError(message: message) }

    private mutating func advance() -> SQLToken {
        defer { position += 1 }
        return tokens[position]
    }

    private mutating func accept(word: String) -> Bool {
        if current?.isWord(word) == true { position += 1; return true }
        return false
    }

    private mutating func accept(symbol: String) -> Bool {
        if current?.isSymbol(symbol) == true { position += 1; return true }
        return false
    }

    private mutating func expect(symbol: String) throws {
        guard accept(symbol: symbol) else { throw error("expected '\(symbol)'\(current.map { ", found '\($0.text)'" } ?? " at the end")") }
    }

    private mutating func expect(word: String) throws {
        guard accept(word: word) else { throw error("expected \(word)\(current.map { ", found '\($0.text)'" } ?? " at the end")") }
    }

    /// Words that end or join expressions and so can never be a bare name.
    static let stopWords: Set<String> = [
        "and", "or", "not", "is", "in", "like", "between", "escape", "when", "then", "else", "end", "as",
        "select", "from", "where", "exists", "collate", "at", "null", "case", "return", "with", "over",
    ]

    /// Keyword functions without parentheses and the call SQL Server stores for each.
    static let niladic: [String: String] = [
        "current_timestamp": "getdate", "current_user": "user_name", "session_user": "user_name",
        "user": "user_name", "system_user": "suser_sname",
    ]

    mutating func expression() throws -> TSQLExpression {
        var parts = [try conjunction()]
        while accept(word: "OR") { parts.append(try conjunction()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func conjunction() throws -> TSQLExpression {
        var parts = [try negation()]
        while accept(word: "AND") { parts.append(try negation()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func negation() throws -> TSQLExpression {
        if accept(word: "NOT") { return .not(try negation()) }
        if current?.isWord("EXISTS") == true { throw error("EXISTS is not supported") }
        return try predicate()
    }

    private mutating func predicate() throws -> TSQLExpression {
        let lhs = try additive()
        guard let token = current else { return lhs }
        if token.kind == .symbol, TSQLExpression.isComparison(token.text) {
            position += 1
            return .binary(token.text, lhs, try additive())
        }
        if accept(word: "IS") {
            let negated = accept(word: "NOT")
            try expect(word: "NULL")
            return .isNull(lhs, negated: negated)
        }
        let negated = current?.isWord("NOT") == true
            && (peek(1)?.isWord("IN") == true || peek(1)?.isWord("LIKE") == true || peek(1)?.isWord("BETWEEN") == true)
        if negated { position += 1 }
        if accept(word: "IN") {
            try expect(symbol: "(")
            if current?.isWord("SELECT") == true { throw error("IN (subquery) is not supported") }
            var values = [try expression()]
            while accept(symbol: ",") { values.append(try expression()) }
            try expect(symbol: ")")
            return .inList(lhs, values, negated: negated)
        }
        if accept(word: "LIKE") {
            let pattern = try additive()
            let escape = accept(word: "ESCAPE") ? try additive() : nil
            return .like(lhs, pattern, escape: escape, negated: negated)
        }
        if accept(word: "BETWEEN") {
            let low = try additive()
            try expect(word: "AND")
            return .between(lhs, low, try additive(), negated: negated)
        }
        return lhs
    }

    private mutating func additive() throws -> TSQLExpression {
        var lhs = try multiplicative()
        while let token = current, token.kind == .symbol, ["+", "-", "&", "|", "^"].contains(token.text) {
            position += 1
            lhs = .binary(token.text, lhs, try multiplicative())
        }
        return lhs
    }

    private mutating func multiplicative() throws -> TSQLExpression {
        var lhs = try unary()
        while let token = current, token.kind == .symbol, TSQLExpression.isMultiplicative(token.text) {
            position += 1
            lhs = .binary(token.text, lhs, try unary())
        }
        return lhs
    }

    private mutating func unary() throws -> TSQLExpression {
        if let token = current, token.kind == .symbol, ["-", "+", "~"].contains(token.text) {
            position += 1
            return .unary(token.text, try unary())
        }
        return try postfix()
    }

    private mutating func postfix() throws -> TSQLExpression {
        var e = try primary()
        while true {
            if accept(word: "COLLATE") {
                guard let name = current, name.kind == .word || name.kind == .quoted else { throw error("COLLATE needs a collation name") }
                position += 1
                e = .collate(e, name.text)
            } else if current?.isWord("AT") == true, peek(1)?.isWord("TIME") == true, peek(2)?.isWord("ZONE") == true {
                position += 3
                e = .atTimeZone(e, try primary())
            } else {
                return e
            }
        }
    }

    private mutating func primary() throws -> TSQLExpression {
        guard let token = current else { throw error("the expression ends too early") }
        switch token.kind {
        case .number:
            position += 1
            return .number(token.text)
        case .string(let unicode):
            position += 1
            return .string(token.text, unicode: unicode)
        case .variable:
            position += 1
            return .variable(token.text)
        case .symbol:
            guard token.text == "(" else { throw error("unexpected '\(token.text)'") }
            position += 1
            if current?.isWord("SELECT") == true { throw error("subqueries are not supported") }
            let inner = try expression()
            try expect(symbol: ")")
            return inner
        case .quoted:
            return try nameOrCall()
        case .word:
            let word = token.text.lowercased()
            if word == "null" { position += 1; return .null }
            if word == "case" { return try caseExpression() }
            if (word == "cast" || word == "try_cast"), peek(1)?.isSymbol("(") == true { return try cast(isTry: word == "try_cast") }
            if (word == "convert" || word == "try_convert"), peek(1)?.isSymbol("(") == true { return try convert(isTry: word == "try_convert") }
            if SQLParser.stopWords.contains(word) { throw error("unexpected keyword '\(token.text)'") }
            return try nameOrCall()
        }
    }

    /// `a`, `a.b`, `[s].[f](args)`, `sysutcdatetime()`.
    private mutating func nameOrCall() throws -> TSQLExpression {
        var parts: [(text: String, quoted: Bool)] = []
        repeat {
            guard let token = current, token.kind == .word || token.kind == .quoted else { throw error("expected a name after '.'") }
            position += 1
            parts.append((token.text, token.kind == .quoted))
        } while accept(symbol: ".")
        guard accept(symbol: "(") else {
            // Niladic functions written as keywords are stored as calls:
            // DEFAULT CURRENT_TIMESTAMP is kept as (getdate()).
            if parts.count == 1, !parts[0].quoted, let call = SQLParser.niladic[parts[0].text.lowercased()] {
                return .call([call], [])
            }
            return .name(parts.map(\.text))
        }
        if current?.isWord("SELECT") == true { throw error("subqueries are not supported") }
        var arguments: [TSQLExpression] = []
        if !accept(symbol: ")") {
            if accept(symbol: "*") {
                arguments.append(.star)
            } else {
                if current?.isWord("DISTINCT") == true { throw error("DISTINCT in a call is not supported") }
                arguments.append(try expression())
                while accept(symbol: ",") { arguments.append(try expression()) }
            }
            try expect(symbol: ")")
        }
        if current?.isWord("OVER") == true || current?.isWord("WITHIN") == true { throw error("window functions are not supported") }
        // Built-ins are one-part names, case-insensitive: canonical lower case.
        let name = parts.count == 1 ? [parts[0].text.lowercased()] : parts.map(\.text)
        return .call(name, arguments)
    }

    private mutating func cast(isTry: Bool) throws -> TSQLExpression {
        position += 1
        try expect(symbol: "(")
        let value = try expression()
        try expect(word: "AS")
        let type = try typeName(inCast: true)
        try expect(symbol: ")")
        return .cast(value, type: type, isTry: isTry)
    }

    private mutating func convert(isTry: Bool) throws -> TSQLExpression {
        position += 1
        try expect(symbol: "(")
        let type = try typeName(inCast: true)
        try expect(symbol: ",")
        let value = try expression()
        var style: TSQLExpression?
        if accept(symbol: ",") { style = try expression() }
        try expect(symbol: ")")
        // Style 0 is every type's default style: CONVERT(t, x, 0) is CAST(x AS t).
        if let style, style != .number("0") {
            return .convert(type: type, value, style: style, isTry: isTry)
        }
        return .cast(value, type: type, isTry: isTry)
    }

    /// `smallint`, `[decimal](12,4)`, `nvarchar(max)`, `double precision`: canonical text.
    private mutating func typeName(inCast: Bool) throws -> String {
        guard let first = current, first.kind == .word || first.kind == .quoted else { throw error("expected a type name") }
        position += 1
        var name = first.text
        if first.kind == .word, first.text.lowercased() == "double", current?.isWord("PRECISION") == true {
            position += 1
            name = "float"
        }
        var arguments: [String] = []
        if accept(symbol: "(") {
            repeat {
                guard let argument = current, argument.kind == .number || argument.isWord("MAX") else { throw error("expected a type length") }
                position += 1
                arguments.append(argument.text.lowercased())
            } while accept(symbol: ",")
            try expect(symbol: ")")
        }
        return SQLTypeName.canonical(name, arguments, inCast: inCast)
    }

    private mutating func caseExpression() throws -> TSQLExpression {
        position += 1
        let operand = current?.isWord("WHEN") == true ? nil : try expression()
        var branches: [TSQLExpression] = []
        while accept(word: "WHEN") {
            branches.append(try expression())
            try expect(word: "THEN")
            branches.append(try expression())
        }
        guard !branches.isEmpty else { throw error("CASE without WHEN") }
        let otherwise = accept(word: "ELSE") ? try expression() : nil
        try expect(word: "END")
        return .caseWhen(operand: operand, branches: branches, otherwise: otherwise)
    }
}

/// Why ``SQLParser`` refused a text.
struct SQLParseError: Error, Hashable, Sendable, CustomStringConvertible {
    var message: String
    var description: String { message }
}
