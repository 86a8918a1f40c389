import OEEDiff
import OEEModel

/// The comparable form of a PostgreSQL expression: the text is parsed
/// (``SQLParser``) into the model's ``Expression`` tree, the rewrites
/// PostgreSQL makes when it stores an expression are undone on the tree, and
/// the tree is printed back as runnable SQL in one spelling. Two expressions
/// compare equal exactly when their normal trees are equal; the printer is
/// injective (every identifier quoted, every string escaped, parentheses
/// wherever precedence needs them), so comparing the printed text is comparing
/// the trees, and a repair script can run it.
///
///     ((end_ts IS NULL) OR (end_ts >= start_ts))                →  "end_ts" IS NULL OR "end_ts" >= "start_ts"
///     ((role)::text = ANY ((ARRAY['A'::character varying])::text[]))  →  "role" IN ('A')
///
/// Rewrites undone, each exact in meaning (manual, "Value Expressions" and the
/// deparser's habits):
/// - parentheses only group; nested AND / OR lists are flattened (associative);
/// - `x = ANY (ARRAY[…])` is `x IN (…)`, `x <> ALL (ARRAY[…])` is `x NOT IN (…)`;
/// - a cast of a literal becomes the literal of the cast's type (`'A'::bpchar`
///   → `'A'`, `(0)::numeric` → `0`, `'-1'::integer` → `-1`), kept when the
///   cast has a length (`'abc'::varchar(2)` truncates);
/// - a cast to `text` of a `varchar`/`text` column, and a cast to a column's
///   own type, is the column (binary-coercible, no change of value);
/// - a timestamp literal is written `YYYY-MM-DD HH:MM:SS[.f]` wherever it is
///   compared with a timestamp or date column or cast to one (`T` or space,
///   trailing zero fractions: one instant);
/// - calls of oeedb's own helper schema (`oeedb.isjson`) lose the qualifier,
///   which PostgreSQL prints only when the schema is off the search path.
///
/// Nothing else is touched: operand order, `NOT` placement, IN-list order,
/// literal case and literal types stay, so each of those changes is drift.
/// Text the parser refuses comes back as ``ExpressionComparison/uncomparable(_:_:)``,
/// which compares equal only to the very same text and is reported as
/// "cannot compare" with both texts.
enum ExpressionNormalizer {
    static let dialectKey = "postgres"

    /// The comparable expression for a PostgreSQL text; `columns` are the
    /// table's column types (for the implicit casts PostgreSQL adds).
    static func comparable(_ text: String, columns: [String: SQLType] = [:]) -> Expression {
        let trimmed = strippedConstraintText(text)
        guard let tree = try? SQLParser.parse(trimmed) else {
            return ExpressionComparison.uncomparable(dialectKey, trimmed)
        }
        return ExpressionComparison.normal(dialectKey, print(normal(tree, columns: columns)))
    }

    /// The normal SQL text of `text`, or nil when it cannot be parsed.
    static func normalText(_ text: String, columns: [String: SQLType] = [:]) -> String? {
        (try? SQLParser.parse(strippedConstraintText(text))).map { print(normal($0, columns: columns)) }
    }

    /// `CHECK (…)` and a trailing `NOT VALID` are constraint syntax, not expression.
    static func strippedConstraintText(_ text: String) -> String {
        var t = text.trimmingSpaces
        if t.uppercased().hasPrefix("CHECK ") || t.uppercased().hasPrefix("CHECK(") { t = String(t.dropFirst(5)).trimmingSpaces }
        if t.uppercased().hasSuffix(" NOT VALID") { t = String(t.dropLast(10)).trimmingSpaces }
        return t
    }

    // MARK: Normal form

    static func normal(_ e: Expression, columns: [String: SQLType]) -> Expression {
        let n = { (x: Expression) in normal(x, columns: columns) }
        switch e {
        case .column, .parameter, .literal, .raw:
            return e
        case .and(let xs):
            let parts = xs.map(n).flatMap { x -> [Expression] in if case .and(let ys) = x { return ys }; return [x] }
            return parts.count == 1 ? parts[0] : .and(parts)
        case .or(let xs):
            let parts = xs.map(n).flatMap { x -> [Expression] in if case .or(let ys) = x { return ys }; return [x] }
            return parts.count == 1 ? parts[0] : .or(parts)
        case .not(let x): return .not(n(x))
        case .isNull(let x, let negated): return .isNull(n(x), negated: negated)
        case .cast(let x, let type): return .cast(n(x), as: type)
        case .binary(let l, let op, let r):
            var (l, r) = (n(l), n(r))
            if op.isComparison {
                if isTimestampColumn(l, columns) { r = timestampLiteral(r) }
                if isTimestampColumn(r, columns) { l = timestampLiteral(l) }
            }
            return .binary(lhs: l, op: op, rhs: r)
        case .inList(let x, let values, let negated):
            let x = n(x)
            var values = values.map(n)
            if isTimestampColumn(x, columns) { values = values.map(timestampLiteral) }
            return .inList(x, values: values, negated: negated)
        case .call(let name, let arguments):
            let args = arguments.map(n)
            if name.hasPrefix("CAST AS "), args.count == 1 {
                return cast(args[0], to: String(name.dropFirst("CAST AS ".count)), columns: columns)
            }
            if (name == "operator = ANY" || name == "operator <> ALL"), args.count == 2, case .call("ARRAY", let items) = args[1], !items.isEmpty {
                return normal(.inList(args[0], values: items, negated: name == "operator <> ALL"), columns: columns)
            }
            if name.hasPrefix(ExpressionRenderer.helperSchema + ".") {
                return .call(String(name.dropFirst(ExpressionRenderer.helperSchema.count + 1)), arguments: args)
            }
            return .call(name, arguments: args)
        }
    }

    static func cast(_ x: Expression, to type: String, columns: [String: SQLType]) -> Expression {
        let kept = Expression.call("CAST AS \(type)", arguments: [x])
        switch x {
        case .literal(let l):
            let hasLength = type.contains("(")
            switch l {
            case .null: return x
            case .string(let s, _):
                if SQLTypeName.isNumeric(type), !hasLength {
                    if let v = Int64(s) { return .literal(.int(v)) }
                    if s.isExactNumeral { return .literal(.decimal(s)) }
                    return kept
                }
                if SQLTypeName.isTimestamp(type) { return timestampLiteral(x) }
                if type == "boolean" {
                    switch s.lowercased() {
                    case "true", "t": return .literal(.bool(true))
                    case "false", "f": return .literal(.bool(false))
                    default: return kept
                    }
                }
                return hasLength && !type.hasPrefix("time") ? kept : x
            case .int, .decimal:
                return SQLTypeName.isNumeric(type) && !hasLength ? x : kept
            case .bool:
                return type == "boolean" ? x : kept
            }
        case .call("ARRAY", let items) where type.hasSuffix("[]") && items.allSatisfy(\.isConstant):
            return x
        case .column(let c):
            guard let columnType = columns[c] else { return kept }
            let own = PostgreSQLDialect.catalogTypeName(columnType)
            if own == type { return x }
            if SQLTypeName.isPlainText(type), own == "text" || own.hasPrefix("character varying") { return x }
            return kept
        default:
            return kept
        }
    }

    static func isTimestampColumn(_ e: Expression, _ columns: [String: SQLType]) -> Bool {
        guard case .column(let c) = e, let type = columns[c] else { return false }
        switch type.family {
        case .timestamp, .timestampWithOffset, .date: return true
        default: return false
        }
    }

    /// `'2026-11-01T00:00:00.000'` → `'2026-11-01 00:00:00'`.
    static func timestampLiteral(_ e: Expression) -> Expression {
        guard case .literal(.string(var s, _)) = e, s.count >= 10,
              s.prefix(10).enumerated().allSatisfy({ $0.offset == 4 || $0.offset == 7 ? $0.element == "-" : $0.element.isASCII && $0.element.isNumber })
        else { return e }
        if s.count > 10, s[s.index(s.startIndex, offsetBy: 10)] == "T" {
            s.replaceSubrange(s.index(s.startIndex, offsetBy: 10)...s.index(s.startIndex, offsetBy: 10), with: " ")
        }
        if s.contains(".") && !s.contains("+") && !s.dropFirst(10).contains("-") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return .literal(.string(s, unicode: false))
    }

    // MARK: Printing

    /// Binding strength of the printed node (higher binds tighter).
    static func level(_ e: Expression) -> Int {
        switch e {
        case .or(let xs): return xs.count > 1 ? 1 : 100
        case .and(let xs): return xs.count > 1 ? 2 : 100
        case .not: return 3
        case .isNull: return 4
        case .binary(_, let op, _):
            switch op {
            case .add, .subtract: return 8
            case .multiply, .divide: return 9
            default: return 5
            }
        case .inList: return 6
        case .literal(.int(let v)) where v < 0: return 13
        case .literal(.decimal(let d)) where d.hasPrefix("-"): return 13
        case .call(let name, _):
            if name.hasPrefix("IS ") || name.hasPrefix("operator IS ") { return 4 }
            if name.hasSuffix(" ANY") || name.hasSuffix(" ALL") { return 5 }
            if name == "operator ~~" || name == "operator !~~" || name == "operator ~~*" || name == "operator !~~*" { return 7 }
            if name == "operator %" { return 9 }
            if name == "operator ^" { return 10 }
            if name == "operator AT TIME ZONE" { return 11 }
            if name.hasPrefix("COLLATE ") { return 12 }
            if name.hasPrefix("prefix ") { return 13 }
            if name.hasPrefix("operator ") { return 7 }
            return 100
        default: return 100
        }
    }

    /// `e`, in parentheses when it binds weaker than `minimum`.
    static func operand(_ e: Expression, _ minimum: Int) -> String {
        level(e) < minimum ? "(\(print(e)))" : print(e)
    }

    static func print(_ e: Expression) -> String {
        switch e {
        case .column(let c): return PGSQL.quote(c)
        case .parameter(let p): return PGSQL.quote(p)
        case .literal(let l):
            switch l {
            case .null: return "NULL"
            case .bool(let b): return b ? "true" : "false"
            case .int(let v): return String(v)
            case .decimal(let d): return d
            case .string(let s, _): return PGSQL.string(s)
            }
        case .raw(let texts): return texts.values.sorted().first ?? ""
        case .cast(let x, let type): return "CAST(\(print(x)) AS \(type))"
        case .and(let xs): return xs.map { operand($0, 3) }.joined(separator: " AND ")
        case .or(let xs): return xs.map { operand($0, 2) }.joined(separator: " OR ")
        case .not(let x): return "NOT " + operand(x, 100)
        case .isNull(let x, let negated): return operand(x, 100) + (negated ? " IS NOT NULL" : " IS NULL")
        case .inList(let x, let values, let negated):
            return operand(x, 100) + (negated ? " NOT IN (" : " IN (") + values.map(print).joined(separator: ", ") + ")"
        case .binary(let l, let op, let r):
            let me = level(e)
            // Comparisons do not chain; arithmetic is left-associative.
            return operand(l, me == 5 ? 6 : me) + " \(op.rawValue) " + operand(r, me + 1)
        case .call(let name, let args):
            switch name {
            case "ARRAY": return "ARRAY[" + args.map(print).joined(separator: ", ") + "]"
            case "NAME":
                return args.map { a -> String in if case .literal(.string(let s, _)) = a { return PGSQL.quote(s) }; return print(a) }.joined(separator: ".")
            case "CASE":
                return "CASE " + args.map(print).joined(separator: " ") + " END"
            case "OPERAND": return args.map(print).joined()
            case "WHEN": return "WHEN \(print(args[0])) THEN \(print(args[1]))"
            case "ELSE": return "ELSE \(print(args[0]))"
            default: break
            }
            if name.hasPrefix("CAST AS "), args.count == 1 { return "CAST(\(print(args[0])) AS \(name.dropFirst(8)))" }
            if name.hasPrefix("KEYWORD ") { return name.dropFirst(8).uppercased() }
            if name.hasPrefix("IS "), args.count == 1 { return operand(args[0], 100) + " " + name }
            if name.hasPrefix("COLLATE "), args.count == 1 { return operand(args[0], 100) + " " + name }
            if name.hasPrefix("prefix "), args.count == 1 { return name.dropFirst(7) + " " + operand(args[0], 13) }
            if name.hasPrefix("operator "), args.count == 2 {
                let op = name.dropFirst(9)
                if op.hasSuffix(" ANY") || op.hasSuffix(" ALL") { return operand(args[0], 6) + " \(op) (\(print(args[1])))" }
                let me = level(e)
                return operand(args[0], me == 4 ? 100 : me) + " \(op) " + operand(args[1], me == 4 ? 100 : me + 1)
            }
            return name + "(" + args.map(print).joined(separator: ", ") + ")"
        }
    }
}
