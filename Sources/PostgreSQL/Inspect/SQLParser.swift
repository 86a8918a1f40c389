import OEEModel

/// Parses a PostgreSQL scalar or boolean expression into the model's
/// ``Expression`` tree, with PostgreSQL's operator precedence (manual, table
/// "Operator Precedence", highest last): OR; AND; NOT; IS / ISNULL / NOTNULL;
/// comparison; BETWEEN / IN / LIKE / ILIKE; other operators (`||`, `~~`, …);
/// `+ -`; `* / %`; `^`; AT TIME ZONE; COLLATE; unary `+ -`; `[ ]`; `::`.
///
/// Hand-written, like ``SQLLexer``: the package links no SQL grammar, and
/// the subset the catalog deparses (and this dialect renders) is small. It is
/// a real grammar — parentheses only group, never vanish from meaning — and it
/// refuses what it does not know (subqueries, window functions, `$n`, …) by
/// throwing; the caller then reports "cannot compare" with both texts.
///
/// Constructs the model's tree has no case for are `.call` nodes with names no
/// SQL function can have (they hold a space or are upper case, while parsed
/// function names are lower case or quoted), so two different expressions
/// never parse to the same tree:
///
/// - `a || b`, `a ~~ b`, `a % b` → `.call("operator ||", [a, b])`;
///   `x = ANY (arr)` → `.call("operator = ANY", [x, arr])`; prefix `-x` → `.call("prefix -", [x])`
/// - `x::type` and `CAST(x AS type)` → `.call("CAST AS <canonical type>", [x])`
/// - `ARRAY[a, b]` → `.call("ARRAY", [a, b])`
/// - `a.b` (a qualified reference) → `.call("NAME", ["a", "b"] as strings)`
/// - `x IS TRUE` → `.call("IS TRUE", [x])`; `x IS DISTINCT FROM y` → `.call("operator IS DISTINCT FROM", …)`
/// - `CASE` → `.call("CASE", [.call("OPERAND", [x])?, .call("WHEN", [c, r])…, .call("ELSE", [e])?])`
/// - `LOCALTIMESTAMP`, `CURRENT_USER`, … → `.call("KEYWORD localtimestamp", [])`
/// - `x COLLATE "C"` → `.call("COLLATE \"C\"", [x])`
///
/// Function names: unquoted parts are lower-cased, quoted parts kept; a
/// qualified name is stored as its quoted SQL (`"sec"."fn_site_filter"`).
struct SQLParser {
    typealias Token = SQLLexer.Token
    typealias Failure = SQLLexer.Failure

    private var tokens: [Token]
    private var position = 0

    static func parse(_ text: String) throws -> Expression {
        var p = SQLParser(tokens: try SQLLexer.tokens(text))
        let e = try p.expression()
        guard p.position == p.tokens.count else { throw Failure(description: "has unexpected text after the expression (\(p.tokens[p.position]))") }
        return e
    }

    /// The stored name parts of the function a call text calls (`"a.b".f(x)` → `["a.b", "f"]`).
    static func nameParts(ofCallIn text: String) -> [String]? {
        guard let tokens = try? SQLLexer.tokens(text) else { return nil }
        var p = SQLParser(tokens: tokens)
        while p.accept(.punct("(")) {}
        guard let parts = try? p.nameParts(), p.peek == .punct("(") else { return nil }
        return parts
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token? { position < tokens.count ? tokens[position] : nil }
    private func peek(_ offset: Int) -> Token? { position + offset < tokens.count ? tokens[position + offset] : nil }
    private mutating func next() -> Token? {
        defer { position += 1 }
        return peek
    }
    private mutating func accept(_ t: Token) -> Bool {
        if peek == t { position += 1; return true }
        return false
    }
    private mutating func acceptWord(_ w: String) -> Bool { accept(.word(w)) }
    private mutating func expect(_ t: Token) throws {
        guard accept(t) else { throw Failure(description: "expected \(t) at token \(position + 1)") }
    }

    /// Words that end an operand (so `a AND b` never reads `AND` as a name).
    static let reserved: Set<String> = [
        "and", "or", "not", "is", "isnull", "notnull", "in", "like", "ilike", "similar", "between", "at", "collate",
        "case", "when", "then", "else", "end", "null", "true", "false", "any", "all", "some", "array", "cast", "as",
        "select", "from", "where", "exists", "distinct", "escape", "over", "filter", "within", "symmetric",
    ]

    static let keywordValues: Set<String> = [
        "current_timestamp", "localtimestamp", "current_date", "current_time", "localtime",
        "current_user", "session_user", "current_role", "user", "current_catalog", "current_schema",
    ]

    mutating func expression() throws -> Expression { try or() }

    private mutating func or() throws -> Expression {
        var parts = [try and()]
        while acceptWord("or") { parts.append(try and()) }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    private mutating func and() throws -> Expression {
        var parts = [try not()]
        while acceptWord("and") { parts.append(try not()) }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private mutating func not() throws -> Expression {
        if acceptWord("not") { return .not(try not()) }
        return try isTest()
    }

    private mutating func isTest() throws -> Expression {
        var e = try comparison()
        while true {
            if acceptWord("isnull") { e = .isNull(e, negated: false); continue }
            if acceptWord("notnull") { e = .isNull(e, negated: true); continue }
            guard acceptWord("is") else { return e }
            let negated = acceptWord("not")
            if acceptWord("null") { e = .isNull(e, negated: negated); continue }
            if acceptWord("distinct") {
                guard acceptWord("from") else { throw Failure(description: "expected FROM after IS DISTINCT") }
                e = .call("operator IS \(negated ? "NOT " : "")DISTINCT FROM", arguments: [e, try comparison()])
                continue
            }
            for w in ["true", "false", "unknown"] where acceptWord(w) {
                e = .call("IS \(negated ? "NOT " : "")\(w.uppercased())", arguments: [e])
            }
            if case .call(let name, _) = e, name.hasPrefix("IS ") { continue }
            throw Failure(description: "has an IS test this reader does not know")
        }
    }

    static let comparisonOperators: [String: Expression.BinaryOperator] = [
        "=": .equal, "<>": .notEqual, "!=": .notEqual, "<": .less, "<=": .lessOrEqual, ">": .greater, ">=": .greaterOrEqual,
    ]

    private mutating func comparison() throws -> Expression {
        var e = try inLikeBetween()
        while case .op(let o)? = peek, let op = SQLParser.comparisonOperators[o] {
            position += 1
            if let quantified = try quantifier(op: op == .notEqual ? "<>" : o) {
                e = .call(quantified.name, arguments: [e, quantified.array])
            } else {
                e = .binary(lhs: e, op: op, rhs: try inLikeBetween())
            }
        }
        return e
    }

    /// `ANY (…)` / `ALL (…)` / `SOME (…)` after a comparison operator.
    private mutating func quantifier(op: String) throws -> (name: String, array: Expression)? {
        guard case .word(let w)? = peek, ["any", "all", "some"].contains(w), peek(1) == .punct("(") else { return nil }
        position += 2
        let array = try expression()
        try expect(.punct(")"))
        return ("operator \(op) \(w == "all" ? "ALL" : "ANY")", array)
    }

    private mutating func inLikeBetween() throws -> Expression {
        let e = try otherOperators()
        let negated = peek == .word("not") && [.word("in"), .word("like"), .word("ilike"), .word("between"), .word("similar")].contains(peek(1))
        if negated { position += 1 }
        if acceptWord("in") {
            try expect(.punct("("))
            if peek == .word("select") { throw Failure(description: "holds a subquery") }
            var values = [try expression()]
            while accept(.punct(",")) { values.append(try expression()) }
            try expect(.punct(")"))
            return .inList(e, values: values, negated: negated)
        }
        for (word, op) in [("like", "~~"), ("ilike", "~~*")] where acceptWord(word) {
            let pattern = try otherOperators()
            if peek == .word("escape") { throw Failure(description: "uses LIKE … ESCAPE") }
            return .call("operator \(negated ? "!" : "")\(op)", arguments: [e, pattern])
        }
        if acceptWord("between") {
            if peek == .word("symmetric") { throw Failure(description: "uses BETWEEN SYMMETRIC") }
            let low = try otherOperators()
            guard acceptWord("and") else { throw Failure(description: "expected AND in BETWEEN") }
            let high = try otherOperators()
            // As PostgreSQL stores it.
            return negated
                ? .or([.binary(lhs: e, op: .less, rhs: low), .binary(lhs: e, op: .greater, rhs: high)])
                : .and([.binary(lhs: e, op: .greaterOrEqual, rhs: low), .binary(lhs: e, op: .lessOrEqual, rhs: high)])
        }
        if negated || peek == .word("similar") { throw Failure(description: "uses SIMILAR TO") }
        return e
    }

    static let arithmetic: [String: (level: Int, op: Expression.BinaryOperator?)] = [
        "+": (1, .add), "-": (1, .subtract), "*": (2, .multiply), "/": (2, .divide), "%": (2, nil), "^": (3, nil),
    ]

    private mutating func otherOperators() throws -> Expression {
        var e = try binaryLevel(1)
        while case .op(let o)? = peek, SQLParser.comparisonOperators[o] == nil, SQLParser.arithmetic[o] == nil {
            position += 1
            e = .call("operator \(o)", arguments: [e, try binaryLevel(1)])
        }
        return e
    }

    /// `+ -` (1), `* / %` (2), `^` (3); all left-associative.
    private mutating func binaryLevel(_ level: Int) throws -> Expression {
        if level > 3 { return try atTimeZone() }
        var e = try binaryLevel(level + 1)
        while case .op(let o)? = peek, let entry = SQLParser.arithmetic[o], entry.level == level {
            position += 1
            let rhs = try binaryLevel(level + 1)
            e = entry.op.map { .binary(lhs: e, op: $0, rhs: rhs) } ?? .call("operator \(o)", arguments: [e, rhs])
        }
        return e
    }

    private mutating func atTimeZone() throws -> Expression {
        var e = try collate()
        while peek == .word("at") && peek(1) == .word("time") && peek(2) == .word("zone") {
            position += 3
            e = .call("operator AT TIME ZONE", arguments: [e, try collate()])
        }
        return e
    }

    private mutating func collate() throws -> Expression {
        var e = try unary()
        while acceptWord("collate") {
            e = .call("COLLATE \(try qualifiedName())", arguments: [e])
        }
        return e
    }

    private mutating func unary() throws -> Expression {
        if case .op(let o)? = peek, o == "-" || o == "+" {
            position += 1
            let operand = try unary()
            if o == "-", case .literal(let l) = operand {
                switch l {
                case .int(let v): return .literal(.int(-v))
                case .decimal(let d) where !d.hasPrefix("-"): return .literal(.decimal("-" + d))
                default: break
                }
            }
            return .call("prefix \(o)", arguments: [operand])
        }
        return try postfix()
    }

    private mutating func postfix() throws -> Expression {
        var e = try primary()
        while true {
            if accept(.punct(":")) {
                e = .call("CAST AS \(try typeName())", arguments: [e])
            } else if peek == .punct("[") {
                throw Failure(description: "uses an array subscript")
            } else {
                return e
            }
        }
    }

    private mutating func primary() throws -> Expression {
        guard let t = next() else { throw Failure(description: "ends where an operand was expected") }
        switch t {
        case .number(let n):
            if let v = Int64(n) { return .literal(.int(v)) }
            return .literal(.decimal(n))
        case .string(let s):
            return .literal(.string(s, unicode: false))
        case .punct("("):
            if peek == .word("select") { throw Failure(description: "holds a subquery") }
            let e = try expression()
            try expect(.punct(")"))
            return e
        case .word("null"): return .literal(.null)
        case .word("true"): return .literal(.bool(true))
        case .word("false"): return .literal(.bool(false))
        case .word("array"):
            try expect(.punct("["))
            var items: [Expression] = []
            if !accept(.punct("]")) {
                items.append(try expression())
                while accept(.punct(",")) { items.append(try expression()) }
                try expect(.punct("]"))
            }
            return .call("ARRAY", arguments: items)
        case .word("cast"):
            try expect(.punct("("))
            let e = try expression()
            guard acceptWord("as") else { throw Failure(description: "expected AS in CAST") }
            let type = try typeName()
            try expect(.punct(")"))
            return .call("CAST AS \(type)", arguments: [e])
        case .word("case"):
            var parts: [Expression] = []
            if peek != .word("when") { parts.append(.call("OPERAND", arguments: [try expression()])) }
            while acceptWord("when") {
                let condition = try expression()
                guard acceptWord("then") else { throw Failure(description: "expected THEN in CASE") }
                parts.append(.call("WHEN", arguments: [condition, try expression()]))
            }
            if acceptWord("else") { parts.append(.call("ELSE", arguments: [try expression()])) }
            guard acceptWord("end"), parts.contains(where: { if case .call("WHEN", _) = $0 { return true }; return false }) else {
                throw Failure(description: "has a malformed CASE")
            }
            return .call("CASE", arguments: parts)
        case .word(let w) where SQLParser.keywordValues.contains(w) && peek != .punct("("):
            return .call("KEYWORD \(w)", arguments: [])
        case .word(let w) where SQLParser.reserved.contains(w):
            throw Failure(description: "uses \(w.uppercased()) where an operand was expected")
        case .word, .quoted:
            position -= 1
            let parts = try nameParts()
            if accept(.punct("(")) {
                if peek == .word("distinct") || peek == .op("*") { throw Failure(description: "calls an aggregate") }
                var args: [Expression] = []
                if !accept(.punct(")")) {
                    args.append(try expression())
                    while accept(.punct(",")) { args.append(try expression()) }
                    try expect(.punct(")"))
                }
                if peek == .word("over") || peek == .word("filter") || peek == .word("within") { throw Failure(description: "calls a window or aggregate function") }
                return .call(SQLParser.sqlName(parts), arguments: args)
            }
            if parts.count == 1 { return .column(parts[0]) }
            return .call("NAME", arguments: parts.map { .literal(.string($0, unicode: false)) })
        default:
            throw Failure(description: "has \(t) where an operand was expected")
        }
    }

    /// `a`, `"A"`, `a.b`, … as stored names.
    private mutating func nameParts() throws -> [String] {
        var parts: [String] = []
        repeat {
            switch next() {
            case .word(let w)?: parts.append(w)
            case .quoted(let q)?: parts.append(q)
            default: throw Failure(description: "expected a name")
            }
        } while accept(.punct("."))
        return parts
    }

    private mutating func qualifiedName() throws -> String { SQLParser.sqlName(try nameParts()) }

    /// A name as SQL: a lower-case regular word bare, anything else quoted.
    static func sqlName(_ parts: [String]) -> String {
        parts.map { p in
            let regular = p.first.map { $0.isLowercase && $0.isASCII || $0 == "_" } == true
                && p.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "_" }
                && !reserved.contains(p)
            return regular ? p : PGSQL.quote(p)
        }.joined(separator: ".")
    }

    /// A type after `::` or `AS`, in one spelling per type (see ``SQLTypeName``).
    private mutating func typeName() throws -> String {
        var words: [String] = []
        while true {
            switch peek {
            case .word(let w)? where !SQLParser.reserved.contains(w) || words.isEmpty:
                words.append(w); position += 1
                if accept(.punct(".")) { words.append("."); continue }
            case .quoted(let q)?:
                words.append(PGSQL.quote(q)); position += 1
                if accept(.punct(".")) { words.append("."); continue }
            default: break
            }
            // Multi-word names: double precision, character varying, timestamp with time zone.
            if case .word(let w)? = peek, ["precision", "varying", "with", "without", "time", "zone"].contains(w),
               let last = words.last, ["double", "character", "char", "timestamp", "time", "with", "without", "varying", "zone"].contains(last) || last.hasSuffix(")") {
                continue
            }
            if accept(.punct("(")) {
                var mods: [String] = []
                repeat {
                    guard case .number(let n)? = next() else { throw Failure(description: "expected a type modifier") }
                    mods.append(n)
                } while accept(.punct(","))
                try expect(.punct(")"))
                words.append("(" + mods.joined(separator: ",") + ")")
                continue
            }
            break
        }
        var arrays = 0
        while peek == .punct("[") && peek(1) == .punct("]") { position += 2; arrays += 1 }
        guard !words.isEmpty else { throw Failure(description: "expected a type name") }
        return SQLTypeName.canonical(words) + String(repeating: "[]", count: arrays)
    }
}
