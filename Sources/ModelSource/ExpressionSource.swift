import OEEModel

/// An ``Expression`` as DSL source that builds exactly the same tree:
///
///     .binary(.column("qty"), .greater, .literal(.int(0)))   →  col("qty") > 0
///     .isNull(.column("end_ts"), negated: false)             →  col("end_ts").isNull
///     .raw(["postgres": "x ~ '^a'"])                         →  Expression.sql(postgres: "x ~ '^a'")
///
/// Operators are Swift's (`* /` over `+ -` over comparisons over `&&` over
/// `||`); an operand gets parentheses exactly where Swift would otherwise
/// group it differently, so the printed text rebuilds the same nesting.
/// `&&`/`||` flatten nested lists, so a list holding a list of its own kind,
/// or fewer than two items, is written `Expression.and([…])`. A literal takes
/// its bare form (`0`, `"A"`, `true`) only where the surrounding code already
/// says it is an ``Expression``.
enum ExpressionSource {
    /// Binding strength of printed forms (higher binds tighter).
    private enum Level: Int, Comparable {
        case or = 2, and = 3, comparison = 5, additive = 8, multiplicative = 9, prefix = 90, atom = 100
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    /// `e` in a position typed `Expression` (an argument, an array element).
    static func text(_ e: Expression) -> String { print(e, anchored: true).text }

    private static func print(_ e: Expression, anchored: Bool) -> (text: String, level: Level) {
        switch e {
        case .column(let c): return ("col(\(SwiftLiteral.string(c)))", .atom)
        case .parameter(let p): return ("param(\(SwiftLiteral.string(p)))", .atom)
        case .literal(let l): return (literal(l, anchored: anchored), .atom)
        case .raw(let texts): return (raw(texts), .atom)
        case .call(let name, let args):
            if name == "SYSUTCDATETIME", args.isEmpty { return ("Expression.sysUTCDateTime", .atom) }
            if name == "SESSION_CONTEXT", args.count == 1, case .literal(.string(let key, unicode: true)) = args[0] {
                return ("Expression.sessionContext(\(SwiftLiteral.string(key)))", .atom)
            }
            return ("Expression.fn(" + ([SwiftLiteral.string(name)] + args.map(text)).joined(separator: ", ") + ")", .atom)
        case .cast(let x, let type): return (receiver(x) + ".cast(as: \(TypeSource.text(type)))", .atom)
        case .isNull(let x, let negated): return (receiver(x) + (negated ? ".isNotNull" : ".isNull"), .atom)
        case .inList(let x, let values, let negated):
            return (receiver(x) + (negated ? ".notIn([" : ".in([") + values.map(text).joined(separator: ", ") + "])", .atom)
        case .not(let x):
            let inner = print(x, anchored: false)
            return ("!" + (inner.level == .atom && !isLiteral(x) ? inner.text : "(\(explicit(x)))"), .prefix)
        case .and(let xs):
            guard xs.count >= 2, !xs.contains(where: { if case .and = $0 { return true }; return false }) else {
                return ("Expression.and([" + xs.map(text).joined(separator: ", ") + "])", .atom)
            }
            return (xs.map { operand($0, above: .and) }.joined(separator: " && "), .and)
        case .or(let xs):
            guard xs.count >= 2, !xs.contains(where: { if case .or = $0 { return true }; return false }) else {
                return ("Expression.or([" + xs.map(text).joined(separator: ", ") + "])", .atom)
            }
            return (xs.map { operand($0, above: .or) }.joined(separator: " || "), .or)
        case .binary(let l, let op, let r):
            switch op {
            case .equal, .notEqual:
                return (receiver(l) + (op == .equal ? ".equals(" : ".notEquals(") + text(r) + ")", .atom)
            default:
                let level: Level = op.isComparison ? .comparison : (op == .multiply || op == .divide ? .multiplicative : .additive)
                // Both literals: the left one spells out its type, so the operator is the DSL's.
                let bothLiteral = isLiteral(l) && isLiteral(r)
                let lhs = bothLiteral ? explicit(l) : operand(l, atLeast: op.isComparison ? .additive : level)
                let rhs = operand(r, atLeast: op.isComparison ? .additive : Level(rawValue: level.rawValue + 1) ?? .prefix)
                return ("\(lhs) \(op.rawValue) \(rhs)", level)
            }
        }
    }

    /// An operand that must bind at least as tightly as `minimum`.
    private static func operand(_ e: Expression, atLeast minimum: Level) -> String {
        let p = print(e, anchored: true)
        return p.level >= minimum ? p.text : "(\(p.text))"
    }

    /// An operand of `&&`/`||`: literals spelled out (Bool has its own `&&`).
    private static func operand(_ e: Expression, above level: Level) -> String {
        if isLiteral(e) { return explicit(e) }
        let p = print(e, anchored: true)
        return p.level > level ? p.text : "(\(p.text))"
    }

    /// The receiver of a modifier (`.isNull`, `.equals(…)`): an atom, literals spelled out.
    private static func receiver(_ e: Expression) -> String {
        if isLiteral(e) { return explicit(e) }
        let p = print(e, anchored: true)
        return p.level == .atom ? p.text : "(\(p.text))"
    }

    private static func explicit(_ e: Expression) -> String {
        if case .literal(let l) = e { return literal(l, anchored: false) }
        return print(e, anchored: false).text
    }

    private static func isLiteral(_ e: Expression) -> Bool {
        if case .literal = e { return true }
        return false
    }

    static func literal(_ l: Literal, anchored: Bool) -> String {
        switch l {
        case .null: return "Expression.literal(.null)"
        case .bool(let b): return anchored ? (b ? "true" : "false") : "Expression.literal(.bool(\(b)))"
        case .int(let v): return anchored ? String(v) : "Expression.literal(.int(\(v)))"
        case .decimal(let d): return "Expression.decimal(\(SwiftLiteral.string(d)))"
        case .string(let s, let unicode):
            if unicode { return "Expression.unicode(\(SwiftLiteral.string(s)))" }
            return anchored ? SwiftLiteral.string(s) : "Expression.literal(.string(\(SwiftLiteral.string(s)), unicode: false))"
        }
    }

    /// A model literal (partition boundaries): `.string("2026-01-01", unicode: false)`.
    static func modelLiteral(_ l: Literal) -> String {
        switch l {
        case .null: return ".null"
        case .bool(let b): return ".bool(\(b))"
        case .int(let v): return ".int(\(v))"
        case .decimal(let d): return ".decimal(\(SwiftLiteral.string(d)))"
        case .string(let s, let unicode): return ".string(\(SwiftLiteral.string(s)), unicode: \(unicode))"
        }
    }

    static func raw(_ texts: [String: String]) -> String {
        if !texts.isEmpty, Set(texts.keys).isSubset(of: ["sqlserver", "postgres"]) {
            var args: [String] = []
            if let s = texts["sqlserver"] { args.append("sqlserver: \(SwiftLiteral.string(s))") }
            if let p = texts["postgres"] { args.append("postgres: \(SwiftLiteral.string(p))") }
            return "Expression.sql(\(args.joined(separator: ", ")))"
        }
        if texts.isEmpty { return "Expression.raw([:])" }
        return "Expression.raw([" + texts.keys.sorted().map { "\(SwiftLiteral.string($0)): \(SwiftLiteral.string(texts[$0]!))" }.joined(separator: ", ") + "])"
    }
}

/// A ``SQLType`` as DSL source: `.decimal(12, 4)`, `.nvarchar(.max)`.
enum TypeSource {
    static func text(_ t: SQLType) -> String {
        switch t {
        case .tinyint: return ".tinyint"
        case .smallint: return ".smallint"
        case .int: return ".int"
        case .bigint: return ".bigint"
        case .bit: return ".bit"
        case .decimal(let p, let s): return ".decimal(\(p), \(s))"
        case .float(let m): return m.map { ".float(mantissa: \($0))" } ?? ".float"
        case .real: return ".real"
        case .date: return ".date"
        case .time(let p): return ".time(\(p))"
        case .datetime2(let p): return ".datetime2(\(p))"
        case .datetimeoffset(let p): return ".datetimeoffset(\(p))"
        case .char(let l): return ".char(\(length(l)))"
        case .varchar(let l): return ".varchar(\(length(l)))"
        case .nchar(let l): return ".nchar(\(length(l)))"
        case .nvarchar(let l): return ".nvarchar(\(length(l)))"
        case .varbinary(let l): return ".varbinary(\(length(l)))"
        case .uniqueidentifier: return ".uniqueidentifier"
        case .sysname: return ".sysname"
        }
    }

    static func length(_ l: SQLType.Length) -> String {
        switch l {
        case .n(let n): return String(n)
        case .max: return ".max"
        }
    }
}
