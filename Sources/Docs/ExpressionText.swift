import OEEModel

/// A dialect-neutral, readable rendering of model expressions for documentation:
///
///     end_ts >= start_ts
///     payload_json IS NULL OR ISJSON(payload_json) > 0
///     @site_id = CAST(SESSION_CONTEXT('site_id') AS smallint)
///
/// It is not SQL for any engine (strings carry no `N` prefix, booleans read
/// `TRUE`/`FALSE`); it only has to be unambiguous to a reader. Parentheses are
/// added where precedence needs them, and around AND groups inside OR.
public enum ExpressionText {
    public static func render(_ expression: Expression) -> String {
        text(expression, context: 0)
    }

    public static func render(_ literal: Literal) -> String {
        switch literal {
        case .null: return "NULL"
        case .bool(let b): return b ? "TRUE" : "FALSE"
        case .int(let i): return String(i)
        case .decimal(let d): return d
        case .string(let s, _): return "'" + s.replacingOccurrences(of: "'", with: "''") + "'"
        }
    }

    /// Binding strength: higher binds tighter.
    private static func precedence(_ e: Expression) -> Int {
        switch e {
        case .or: return 1
        case .and: return 2
        case .not: return 3
        case .isNull, .inList: return 4
        case .binary(_, let op, _):
            switch op {
            case .add, .subtract: return 5
            case .multiply, .divide: return 6
            default: return 4
            }
        default: return 10
        }
    }

    /// Renders `e`, parenthesised when its precedence is below `context`.
    private static func text(_ e: Expression, context: Int) -> String {
        let p = precedence(e)
        let body: String
        switch e {
        case .column(let c): body = c
        case .parameter(let p): body = "@" + p
        case .literal(let l): body = render(l)
        case .binary(let l, let op, let r):
            // Left-associative: a right operand of equal precedence needs parentheses (a - (b - c)).
            let rightContext = (op == .subtract || op == .divide || op.isComparison) ? p + 1 : p
            body = "\(text(l, context: op.isComparison ? p + 1 : p)) \(op.rawValue) \(text(r, context: rightContext))"
        case .and(let xs):
            body = xs.map { text($0, context: 3) }.joined(separator: " AND ")
        case .or(let xs):
            // AND inside OR is bracketed for the reader even though SQL would not need it.
            body = xs.map { text($0, context: 3) }.joined(separator: " OR ")
        case .not(let x): body = "NOT " + text(x, context: 5)
        case .isNull(let x, let negated): body = text(x, context: 5) + (negated ? " IS NOT NULL" : " IS NULL")
        case .inList(let x, let values, let negated):
            body = text(x, context: 5) + (negated ? " NOT IN (" : " IN (") + values.map { text($0, context: 0) }.joined(separator: ", ") + ")"
        case .call(let name, let args): body = name + "(" + args.map { text($0, context: 0) }.joined(separator: ", ") + ")"
        case .cast(let x, let type): body = "CAST(\(text(x, context: 0)) AS \(type))"
        case .raw(let texts):
            body = texts.keys.sorted().map { "\($0): \(texts[$0]!)" }.joined(separator: " | ")
            return "⟨" + body + "⟩"
        }
        return p < context ? "(" + body + ")" : body
    }
}
