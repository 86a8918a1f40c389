/// A parsed T-SQL scalar or boolean expression: what ``ExpressionNormalizer``
/// reads SQL Server's stored definitions (and the dialect's rendered text)
/// into before printing them in one canonical form.
///
/// Parentheses leave no trace: `((0))` and `0` parse to the same value.
indirect enum TSQLExpression: Hashable, Sendable {
    /// A column or other (possibly multi-part) name, each part unquoted.
    case name([String])
    /// `@name` (the `@` included), case as written.
    case variable(String)
    /// A number as written (`0`, `-1`, `60.000`, `1e3`, `0x1F`); a leading `-` belongs to it.
    case number(String)
    case string(String, unicode: Bool)
    case null
    /// `-x`, `+x`, `~x` on anything but a number literal.
    case unary(String, TSQLExpression)
    /// Comparison (`=`, `<>`, `<`, `<=`, `>`, `>=`) or arithmetic/bitwise (`+ - * / % & | ^`).
    case binary(String, TSQLExpression, TSQLExpression)
    case and([TSQLExpression])
    case or([TSQLExpression])
    case not(TSQLExpression)
    case isNull(TSQLExpression, negated: Bool)
    case inList(TSQLExpression, [TSQLExpression], negated: Bool)
    case like(TSQLExpression, TSQLExpression, escape: TSQLExpression?, negated: Bool)
    case between(TSQLExpression, TSQLExpression, TSQLExpression, negated: Bool)
    /// A function call; a one-part (built-in) name is lower-cased by the parser.
    case call([String], [TSQLExpression])
    /// `*` as the argument of `COUNT(*)`.
    case star
    /// `CAST(x AS type)`, or `TRY_CAST` when `isTry`; `type` is canonical text (``SQLTypeName``).
    case cast(TSQLExpression, type: String, isTry: Bool)
    /// `CONVERT(type, x, style)` with a style other than 0 (or `TRY_CONVERT`).
    case convert(type: String, TSQLExpression, style: TSQLExpression, isTry: Bool)
    /// `CASE [operand] WHEN … THEN … [ELSE …] END`; `branches` alternate when, then.
    case caseWhen(operand: TSQLExpression?, branches: [TSQLExpression], otherwise: TSQLExpression?)
    case collate(TSQLExpression, String)
    case atTimeZone(TSQLExpression, TSQLExpression)

    static func isComparison(_ op: String) -> Bool {
        ["=", "<>", "<", "<=", ">", ">="].contains(op)
    }

    static func isMultiplicative(_ op: String) -> Bool {
        ["*", "/", "%"].contains(op)
    }
}
