import OEEDiff
import OEEModel

/// Renders model expressions as T-SQL. What an expression may read depends on
/// where it appears, so each use names its ``Context``.
///
///     col("qty") > 0 && (col("status").in([.unicode("open")]) || col("end_ts").isNull)
///     // [qty] > 0 AND ([status] IN (N'open') OR [end_ts] IS NULL)
struct ExpressionRenderer {
    enum Context {
        /// `DEFAULT (…)`: constants and function calls only.
        case defaultValue
        /// `CHECK (…)` and computed columns: the table's columns.
        case check
        case computed
        /// A filtered index `WHERE`: `column op constant`, `IS [NOT] NULL`, `IN`, joined by AND.
        case filter
        /// An inline function body: its parameters, no columns.
        case function(parameters: [String])

        var what: String {
            switch self {
            case .defaultValue: return "default"
            case .check: return "check constraint"
            case .computed: return "computed column"
            case .filter: return "index filter"
            case .function: return "function predicate"
            }
        }
    }

    var context: Context
    /// The object the expression belongs to, for error messages: `fact.cycle.ck_qty`.
    var path: String

    /// Renders a whole expression: a top-level AND/OR is not parenthesised.
    func render(_ e: Expression) throws -> String {
        if case .filter = context { try checkFilter(e) }
        return try render(e, nested: false)
    }

    private func fail(_ message: String) -> RenderError {
        RenderError(path, "\(context.what) \(message)")
    }

    private func render(_ e: Expression, nested: Bool) throws -> String {
        switch e {
        case .column(let name):
            switch context {
            case .defaultValue:
                throw fail("reads column '\(name)'; a DEFAULT can only use constants and functions")
            case .function:
                throw fail("reads column '\(name)'; an inline predicate function sees only its parameters (pass the column as an argument)")
            default:
                return TSQL.quote(name)
            }
        case .parameter(let name):
            guard case .function(let parameters) = context else {
                throw fail("reads parameter @\(name), which exists only inside a function")
            }
            guard parameters.contains(name) else {
                throw fail("reads @\(name), which is not a parameter of the function; declare it")
            }
            guard TSQL.isRegularIdentifier(name) else {
                throw fail("has parameter name '\(name)'; use letters, digits and underscores")
            }
            return "@" + name
        case .literal(let literal):
            return try ExpressionRenderer.literal(literal, path: path)
        case .binary(let lhs, var op, let rhs):
            var (l, r) = (lhs, rhs)
            if case .filter = context, r.isColumnReference, l.isConstant {
                // A filtered index wants `column op constant`: flip `5 < [a]` into `[a] > 5`.
                (l, r) = (rhs, lhs)
                op = op.flipped
            }
            return "\(try operand(l)) \(op.rawValue) \(try operand(r))"
        case .and(let parts), .or(let parts):
            let isAnd: Bool
            if case .and = e { isAnd = true } else { isAnd = false }
            guard !parts.isEmpty else { throw fail("has an empty \(isAnd ? "AND" : "OR") list") }
            if parts.count == 1 { return try render(parts[0], nested: nested) }
            let text = try parts.map { try render($0, nested: true) }.joined(separator: isAnd ? " AND " : " OR ")
            return nested ? "(\(text))" : text
        case .not(let inner):
            return "NOT (\(try render(inner, nested: false)))"
        case .isNull(let inner, let negated):
            return "\(try operand(inner)) IS \(negated ? "NOT " : "")NULL"
        case .inList(let inner, let values, let negated):
            guard !values.isEmpty else { throw fail("has an empty IN list") }
            let list = try values.map { try render($0, nested: false) }.joined(separator: ", ")
            return "\(try operand(inner)) \(negated ? "NOT " : "")IN (\(list))"
        case .call(let name, let arguments):
            guard !name.isEmpty, name.split(separator: ".", omittingEmptySubsequences: false)
                .allSatisfy({ TSQL.isRegularIdentifier(String($0)) }) else {
                throw fail("calls '\(name)', which is not a plain function name")
            }
            let args = try arguments.map { try render($0, nested: false) }.joined(separator: ", ")
            return "\(name)(\(args))"
        case .cast(let inner, let type):
            return "CAST(\(try render(inner, nested: false)) AS \(try TypeRenderer.render(type, path: path)))"
        case .raw(let texts):
            guard let text = texts["sqlserver"] else {
                let others = texts.keys.sorted().joined(separator: ", ")
                throw fail("uses raw SQL with no 'sqlserver' entry (has: \(others.isEmpty ? "none" : others)); add .sql(sqlserver: …)")
            }
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { throw fail("uses empty raw SQL for sqlserver") }
            try TSQL.checkNoSeparatorLine(trimmed, path: path, what: "raw SQL")
            return nested ? "(\(trimmed))" : trimmed
        }
    }

    /// An operand of a comparison, arithmetic, IS NULL or IN: composite
    /// expressions get parentheses so evaluation order is explicit.
    private func operand(_ e: Expression) throws -> String {
        switch e {
        case .binary, .and, .or, .not, .isNull, .inList:
            let inner = try render(e, nested: false)
            return "(\(inner))"
        default:
            return try render(e, nested: true)
        }
    }

    /// SQL Server's filtered-index grammar: conjuncts of `column op constant`,
    /// `column IS [NOT] NULL` and `column IN (constants)`; no OR, NOT or NOT IN.
    private func checkFilter(_ e: Expression) throws {
        switch e {
        case .and(let parts):
            for p in parts { try checkFilter(p) }
        case .or:
            throw fail("uses OR, which a filtered index does not allow; use column IN (…) or a separate index")
        case .not:
            throw fail("uses NOT, which a filtered index does not allow; state the condition positively")
        case .inList(_, _, true):
            throw fail("uses NOT IN, which a filtered index does not allow; use <> conditions joined by AND")
        case .raw:
            return
        default:
            if let why = e.filterPredicateViolation {
                throw fail("\(why); a filtered index allows only 'column op constant', IS [NOT] NULL and IN, joined by AND")
            }
        }
    }

    /// A literal: `NULL`, `1`/`0` for booleans, numbers as written, `N'…'` or `'…'`.
    static func literal(_ literal: Literal, path: String) throws -> String {
        switch literal {
        case .null: return "NULL"
        case .bool(let b): return b ? "1" : "0"
        case .int(let v): return String(v)
        case .decimal(let text):
            guard text.isExactNumeral else {
                throw RenderError(path, "decimal literal '\(text)' is not a number like 12.5 or -0.85")
            }
            return text
        case .string(let text, let unicode):
            try TSQL.checkNoSeparatorLine(text, path: path, what: "string literal")
            return unicode ? TSQL.nstring(text) : TSQL.string(text)
        }
    }
}

extension Expression {
    var isColumnReference: Bool {
        if case .column = self { return true }
        return false
    }
}

extension Expression.BinaryOperator {
    /// The operator with its operands swapped: `<` becomes `>`.
    var flipped: Self {
        switch self {
        case .less: return .greater
        case .lessOrEqual: return .greaterOrEqual
        case .greater: return .less
        case .greaterOrEqual: return .lessOrEqual
        default: return self
        }
    }
}
