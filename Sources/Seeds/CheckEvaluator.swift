import OEEModel

/// Evaluates a CHECK expression over one row's literal values with SQL's
/// three-valued logic. Anything it cannot evaluate (functions, casts, raw
/// SQL, parameters, columns without a value) makes the result `.unknown`,
/// which — like NULL — does not fail the check.
public enum CheckEvaluator {
    public enum Truth: Sendable { case `true`, `false`, unknown }

    public static func evaluate(_ expression: Expression, _ row: [String: SeedValue]) -> Truth {
        switch expression {
        case .and(let xs):
            let ts = xs.map { evaluate($0, row) }
            if ts.contains(.false) { return .false }
            return ts.allSatisfy { $0 == .true } ? .true : .unknown
        case .or(let xs):
            let ts = xs.map { evaluate($0, row) }
            if ts.contains(.true) { return .true }
            return ts.allSatisfy { $0 == .false } ? .false : .unknown
        case .not(let x):
            switch evaluate(x, row) {
            case .true: return .false
            case .false: return .true
            case .unknown: return .unknown
            }
        case .isNull(let x, let negated):
            guard let v = operand(x, row) else { return .unknown }
            return (v.isNull != negated) ? .true : .false
        case .inList(let x, let values, let negated):
            guard let v = operand(x, row), !v.isNull else { return .unknown }
            var sawNull = false
            for candidate in values {
                guard let c = operand(candidate, row) else { return .unknown }
                if c.isNull { sawNull = true; continue }
                guard let equal = compare(v, c).map({ $0 == 0 }) else { return .unknown }
                if equal { return negated ? .false : .true }
            }
            if sawNull { return .unknown }
            return negated ? .true : .false
        case .binary(let l, let op, let r) where op.isComparison:
            guard let a = operand(l, row), let b = operand(r, row) else { return .unknown }
            if a.isNull || b.isNull { return .unknown }
            guard let c = compare(a, b) else { return .unknown }
            let holds: Bool
            switch op {
            case .equal: holds = c == 0
            case .notEqual: holds = c != 0
            case .less: holds = c < 0
            case .lessOrEqual: holds = c <= 0
            case .greater: holds = c > 0
            case .greaterOrEqual: holds = c >= 0
            default: return .unknown
            }
            return holds ? .true : .false
        default:
            return .unknown
        }
    }

    /// The value of a scalar operand, or nil when it cannot be evaluated.
    static func operand(_ expression: Expression, _ row: [String: SeedValue]) -> SeedValue? {
        switch expression {
        case .column(let c): return row[c]
        case .literal(let l): return value(l)
        case .binary(let l, let op, let r) where !op.isComparison:
            guard let a = operand(l, row), let b = operand(r, row) else { return nil }
            if a.isNull || b.isNull { return .null }
            guard let x = a.number, let y = b.number else { return nil }
            switch op {
            case .add: return .double(x + y)
            case .subtract: return .double(x - y)
            case .multiply: return .double(x * y)
            case .divide: return y == 0 ? nil : .double(x / y)
            default: return nil
            }
        default: return nil
        }
    }

    static func value(_ literal: Literal) -> SeedValue {
        switch literal {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .decimal(let d): return .decimal(d)
        case .string(let s, _): return .text(s)
        }
    }

    /// -1, 0, 1; nil when the two values are not comparable here.
    static func compare(_ a: SeedValue, _ b: SeedValue) -> Int? {
        if let x = a.number, let y = b.number { return x < y ? -1 : x > y ? 1 : 0 }
        guard a.number == nil, b.number == nil, let x = a.json, let y = b.json else { return nil }
        // Canonical date/time texts of one type order like their values.
        return x < y ? -1 : x > y ? 1 : 0
    }
}
