/// A small typed expression language for defaults, checks, computed columns,
/// filtered-index predicates and row-level-security predicates.
///
/// Dialects render it; the model only inspects it (which columns it reads,
/// whether it calls functions). Anything the typed form cannot say goes into
/// ``raw(_:)`` with one SQL text per dialect.
public indirect enum Expression: Hashable, Sendable, Codable {
    /// A column of the table the expression belongs to.
    case column(String)
    /// A parameter of the enclosing function (`@site_id`), named without `@`.
    case parameter(String)
    case literal(Literal)
    /// `lhs op rhs` for comparisons and arithmetic.
    case binary(lhs: Expression, op: BinaryOperator, rhs: Expression)
    case and([Expression])
    case or([Expression])
    case not(Expression)
    /// `operand IS NULL`, or `IS NOT NULL` when `negated`.
    case isNull(Expression, negated: Bool)
    /// `operand IN (values…)`, or `NOT IN` when `negated`.
    case inList(Expression, values: [Expression], negated: Bool)
    /// A call of a built-in function, named as SQL Server names it
    /// (`SYSUTCDATETIME`, `ISJSON`, `SESSION_CONTEXT`); dialects translate.
    case call(String, arguments: [Expression])
    case cast(Expression, as: SQLType)
    /// Dialect-specific SQL text, keyed by dialect id (`sqlserver`, `postgres`).
    /// A dialect with no entry refuses to render it.
    case raw([String: String])

    public enum BinaryOperator: String, Hashable, Sendable, Codable, CaseIterable {
        case equal = "="
        case notEqual = "<>"
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"

        public var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
            default: return false
            }
        }
    }
}

/// A constant value.
public enum Literal: Hashable, Sendable, Codable {
    case null
    case bool(Bool)
    case int(Int64)
    /// An exact number kept as text so no binary rounding creeps in: `"0.85"`.
    case decimal(String)
    /// A character string; `unicode` renders as `N'…'` on SQL Server.
    case string(String, unicode: Bool)
}

extension Expression {
    /// Every column name the expression reads, in order of first appearance.
    public var referencedColumns: [String] {
        var seen: Set<String> = []
        var result: [String] = []
        walk { e in
            if case .column(let c) = e, seen.insert(c).inserted { result.append(c) }
        }
        return result
    }

    /// Every parameter name the expression reads.
    public var referencedParameters: [String] {
        var result: [String] = []
        walk { e in
            if case .parameter(let p) = e, !result.contains(p) { result.append(p) }
        }
        return result
    }

    /// Names of the functions called anywhere in the expression.
    public var calledFunctions: [String] {
        var result: [String] = []
        walk { e in
            if case .call(let f, _) = e, !result.contains(f) { result.append(f) }
        }
        return result
    }

    /// Whether a `.raw` escape hatch appears anywhere in the expression.
    public var containsRaw: Bool {
        var found = false
        walk { e in if case .raw = e { found = true } }
        return found
    }

    /// Visits this expression and every sub-expression, depth first.
    public func walk(_ visit: (Expression) -> Void) {
        visit(self)
        switch self {
        case .column, .parameter, .literal, .raw: break
        case .binary(let l, _, let r): l.walk(visit); r.walk(visit)
        case .and(let xs), .or(let xs): xs.forEach { $0.walk(visit) }
        case .not(let x), .isNull(let x, _), .cast(let x, _): x.walk(visit)
        case .inList(let x, let values, _): x.walk(visit); values.forEach { $0.walk(visit) }
        case .call(_, let args): args.forEach { $0.walk(visit) }
        }
    }

    /// Why this expression cannot be a filtered-index predicate, or `nil` if it can.
    ///
    /// SQL Server allows only `column op constant`, `IS [NOT] NULL` and `IN`
    /// lists of constants, combined with AND: no OR, no functions, no column-to-column
    /// comparisons, no arithmetic, no subqueries.
    public var filterPredicateViolation: String? {
        switch self {
        case .and(let xs):
            for x in xs { if let v = x.filterPredicateViolation { return v } }
            return nil
        case .or:
            return "uses OR (only AND is allowed; use column IN (…) for alternatives)"
        case .isNull(let x, _):
            if case .column = x { return nil }
            return "IS NULL must test a column"
        case .inList(let x, let values, let negated):
            guard case .column = x else { return "IN must test a column" }
            if negated { return "uses NOT IN (only IN is allowed)" }
            for v in values where !v.isConstant { return "IN list holds a non-constant" }
            return nil
        case .binary(let l, let op, let r):
            guard op.isComparison else { return "uses arithmetic '\(op.rawValue)'" }
            switch (l, r) {
            case (.column, let c) where c.isConstant: return nil
            case (let c, .column) where c.isConstant: return nil
            default:
                if !l.calledFunctions.isEmpty || !r.calledFunctions.isEmpty {
                    return "calls function \((l.calledFunctions + r.calledFunctions)[0])()"
                }
                return "compares a non-constant (only 'column op constant' is allowed)"
            }
        case .call(let f, _): return "calls function \(f)()"
        case .raw: return nil  // the dialect owns raw text; cannot be checked here
        case .not: return "uses NOT (only AND is allowed)"
        case .column, .parameter, .literal, .cast: return "is not a predicate"
        }
    }

    /// A literal, or a cast of a literal.
    public var isConstant: Bool {
        switch self {
        case .literal: return true
        case .cast(let x, _): return x.isConstant
        default: return false
        }
    }
}
