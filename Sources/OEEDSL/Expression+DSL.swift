/// A column reference: `col("end_ts") >= col("start_ts")`.
public func col(_ name: String) -> Expression { .column(name) }

/// A function parameter reference: `param("site_id")` is `@site_id`.
public func param(_ name: String) -> Expression { .parameter(name) }

extension Expression: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByNilLiteral {
    public init(integerLiteral value: Int64) { self = .literal(.int(value)) }
    /// A non-Unicode string literal; use ``unicode(_:)`` for `N'…'`.
    public init(stringLiteral value: String) { self = .literal(.string(value, unicode: false)) }
    public init(booleanLiteral value: Bool) { self = .literal(.bool(value)) }
    public init(nilLiteral: ()) { self = .literal(.null) }

    /// An exact decimal literal kept as text: `.decimal("0.85")`.
    public static func decimal(_ text: String) -> Expression { .literal(.decimal(text)) }
    /// A Unicode string literal (`N'…'` on SQL Server).
    public static func unicode(_ text: String) -> Expression { .literal(.string(text, unicode: true)) }
    /// A built-in function call: `.fn("ISJSON", col("payload_json"))`.
    public static func fn(_ name: String, _ arguments: Expression...) -> Expression { .call(name, arguments: arguments) }
    /// `SYSUTCDATETIME()`: the current UTC time (PostgreSQL: `now() AT TIME ZONE 'UTC'`).
    public static var sysUTCDateTime: Expression { .call("SYSUTCDATETIME", arguments: []) }
    /// `SESSION_CONTEXT(N'key')`: a value the application set for the session.
    public static func sessionContext(_ key: String) -> Expression { .call("SESSION_CONTEXT", arguments: [.unicode(key)]) }
    /// Raw SQL per dialect, for what the typed form cannot say.
    public static func sql(sqlserver: String? = nil, postgres: String? = nil) -> Expression {
        var texts: [String: String] = [:]
        texts["sqlserver"] = sqlserver
        texts["postgres"] = postgres
        return .raw(texts)
    }

    /// `self = other`.
    public func equals(_ other: Expression) -> Expression { .binary(lhs: self, op: .equal, rhs: other) }
    /// `self <> other`.
    public func notEquals(_ other: Expression) -> Expression { .binary(lhs: self, op: .notEqual, rhs: other) }
    public var isNull: Expression { .isNull(self, negated: false) }
    public var isNotNull: Expression { .isNull(self, negated: true) }
    public func `in`(_ values: [Expression]) -> Expression { .inList(self, values: values, negated: false) }
    public func notIn(_ values: [Expression]) -> Expression { .inList(self, values: values, negated: true) }
    public func cast(as type: SQLType) -> Expression { .cast(self, as: type) }

    public static func > (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .greater, rhs: r) }
    public static func >= (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .greaterOrEqual, rhs: r) }
    public static func < (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .less, rhs: r) }
    public static func <= (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .lessOrEqual, rhs: r) }
    public static func + (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .add, rhs: r) }
    public static func - (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .subtract, rhs: r) }
    public static func * (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .multiply, rhs: r) }
    public static func / (l: Expression, r: Expression) -> Expression { .binary(lhs: l, op: .divide, rhs: r) }

    /// AND, flattening nested ANDs.
    public static func && (l: Expression, r: Expression) -> Expression {
        var parts: [Expression] = []
        for e in [l, r] { if case .and(let xs) = e { parts += xs } else { parts.append(e) } }
        return .and(parts)
    }

    /// OR, flattening nested ORs.
    public static func || (l: Expression, r: Expression) -> Expression {
        var parts: [Expression] = []
        for e in [l, r] { if case .or(let xs) = e { parts += xs } else { parts.append(e) } }
        return .or(parts)
    }

    public static prefix func ! (e: Expression) -> Expression { .not(e) }
}
