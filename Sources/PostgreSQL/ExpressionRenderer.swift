import OEEDiff
import OEEModel

/// Renders model expressions as PostgreSQL. What an expression may read depends
/// on where it appears, so each use names its ``Context``; the column (or
/// parameter) types make the rendering type-aware where PostgreSQL is strict:
///
///     col("is_active").equals(1)                     // "is_active" = true   (is_active is bit → boolean)
///     col("qty") > 0 && col("status").in(["open"])   // "qty" > 0 AND "status" IN ('open')
///     Expression.sysUTCDateTime                      // (now() AT TIME ZONE 'UTC')
///     Expression.sessionContext("site_id")           // NULLIF(current_setting('oeedb.site_id', true), '')
///     Expression.fn("ISJSON", col("doc"))            // oeedb.isjson("doc")
struct ExpressionRenderer {
    enum Context {
        /// `DEFAULT …` of a column of this type: constants and function calls only.
        case defaultValue(SQLType)
        /// `CHECK (…)`: the table's columns.
        case check
        /// A generated column: the table's columns, IMMUTABLE functions only.
        case computed
        /// A partial index `WHERE`: the table's columns, IMMUTABLE functions only.
        case filter
        /// A predicate function body: its parameters (qualified with the
        /// function's name so they cannot be taken for columns), no columns.
        case function(name: String, parameters: [String: SQLType])

        var what: String {
            switch self {
            case .defaultValue: return "default"
            case .check: return "check constraint"
            case .computed: return "computed column"
            case .filter: return "index filter"
            case .function: return "function predicate"
            }
        }

        /// Whether PostgreSQL demands IMMUTABLE functions here.
        var needsImmutable: Bool {
            switch self {
            case .computed, .filter: return true
            default: return false
            }
        }
    }

    var context: Context
    /// The object the expression belongs to, for error messages: `fact.cycle.ck_qty`.
    var path: String
    /// Types of the table's columns, by name (for boolean-aware literals).
    var columns: [String: SQLType] = [:]

    /// The schema holding the ISJSON helper function.
    static let helperSchema = "oeedb"

    /// Renders a whole expression: a top-level AND/OR is not parenthesised.
    func render(_ e: Expression) throws -> String {
        var expected: SQLType?
        if case .defaultValue(let type) = context { expected = type }
        return try render(e, nested: false, expected: expected)
    }

    private func fail(_ message: String) -> RenderError {
        RenderError(path, "\(context.what) \(message)")
    }

    // MARK: Types

    /// The model type an expression evaluates to, when it is known: columns,
    /// parameters, casts, boolean literals and the mapped functions.
    func staticType(_ e: Expression) -> SQLType? {
        switch e {
        case .column(let name): return columns[name]
        case .parameter(let name):
            if case .function(_, let parameters) = context { return parameters[name] }
            return nil
        case .literal(.bool): return .bit
        case .literal: return nil
        case .cast(_, let type): return type
        case .call(let name, let arguments):
            switch name.uppercased() {
            case "SYSUTCDATETIME", "GETUTCDATE", "SYSDATETIME", "GETDATE": return .datetime2(precision: 7)
            case "SYSDATETIMEOFFSET": return .datetimeoffset(precision: 7)
            case "ISJSON", "IS_MEMBER", "LEN": return .int
            case "NEWID": return .uniqueidentifier
            case "UPPER", "LOWER", "ABS", "ISNULL", "COALESCE": return arguments.first.flatMap(staticType)
            default: return nil
            }
        case .binary(let l, let op, let r):
            if op.isComparison { return .bit }
            let lt = staticType(l), rt = staticType(r)
            if TypeRenderer.isBoolean(lt) || TypeRenderer.isBoolean(rt) { return .int }
            return lt ?? rt
        case .and, .or, .not, .isNull, .inList: return .bit
        case .raw: return nil
        }
    }

    private func isNumeric(_ type: SQLType?) -> Bool {
        guard let type else { return false }
        switch type.family {
        case .integer, .exactNumeric, .approximateNumeric: return true
        default: return false
        }
    }

    // MARK: Rendering

    private func render(_ e: Expression, nested: Bool, expected: SQLType? = nil) throws -> String {
        switch e {
        case .column(let name):
            switch context {
            case .defaultValue:
                throw fail("reads column '\(name)'; a DEFAULT can only use constants and functions")
            case .function:
                throw fail("reads column '\(name)'; a predicate function sees only its parameters (pass the column as an argument)")
            default:
                return PGSQL.quote(name)
            }
        case .parameter(let name):
            guard case .function(let function, let parameters) = context else {
                throw fail("reads parameter @\(name), which exists only inside a function")
            }
            guard parameters[name] != nil else {
                throw fail("reads @\(name), which is not a parameter of the function; declare it")
            }
            // Qualified with the function's name: never mistaken for a column.
            return PGSQL.quote(function) + "." + PGSQL.quote(name)
        case .literal(let literal):
            return try ExpressionRenderer.literal(literal, as: expected, path: path)
        case .binary(let lhs, let op, let rhs):
            return try binary(lhs, op, rhs)
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
            let type = staticType(inner)
            let list = try values.map { try untypedLiteral($0, against: inner) ?? render($0, nested: false, expected: type) }.joined(separator: ", ")
            return "\(try operand(inner)) \(negated ? "NOT " : "")IN (\(list))"
        case .call(let name, let arguments):
            return try call(name, arguments)
        case .cast(let inner, let type):
            return "CAST(\(try render(inner, nested: false)) AS \(try TypeRenderer.render(type, path: path)))"
        case .raw(let texts):
            guard let text = texts["postgres"] else {
                let others = texts.keys.sorted().joined(separator: ", ")
                throw fail("uses raw SQL with no 'postgres' entry (has: \(others.isEmpty ? "none" : others)); add .sql(postgres: …)")
            }
            let trimmed = text.trimmingSpaces
            guard !trimmed.isEmpty else { throw fail("uses empty raw SQL for postgres") }
            return nested ? "(\(trimmed))" : trimmed
        }
    }

    /// Comparisons are type-aware: a literal compared with a boolean renders as
    /// `true`/`false`, and a boolean compared with a number is cast to integer
    /// (SQL Server converts bit to int there). `+` on text concatenates (`||`),
    /// and booleans in arithmetic are cast to integer.
    private func binary(_ lhs: Expression, _ op: Expression.BinaryOperator, _ rhs: Expression) throws -> String {
        let lt = staticType(lhs), rt = staticType(rhs)
        if op.isComparison {
            var l = try untypedLiteral(lhs, against: rhs) ?? operand(lhs, expected: rt)
            var r = try untypedLiteral(rhs, against: lhs) ?? operand(rhs, expected: lt)
            if TypeRenderer.isBoolean(lt) && isNumeric(rt) && !lhs.isConstant { l = "(\(l))::integer" }
            if TypeRenderer.isBoolean(rt) && isNumeric(lt) && !rhs.isConstant { r = "(\(r))::integer" }
            return "\(l) \(op.rawValue) \(r)"
        }
        let concatenates = op == .add && (TypeRenderer.isText(lt) || TypeRenderer.isText(rt) || lhs.isStringLiteral || rhs.isStringLiteral)
        if concatenates {
            return "\(try operand(lhs)) || \(try operand(rhs))"
        }
        var l = try operand(lhs, expected: .int)
        var r = try operand(rhs, expected: .int)
        if TypeRenderer.isBoolean(lt) && !lhs.isConstant { l = "(\(l))::integer" }
        if TypeRenderer.isBoolean(rt) && !rhs.isConstant { r = "(\(r))::integer" }
        return "\(l) \(op.rawValue) \(r)"
    }

    /// Without column types (a caller that has only the expression, such as a
    /// pre-check query), a number or boolean compared with a column is written
    /// as an untyped string literal, which PostgreSQL reads as the column's
    /// type: `"is_active" = '1'` works for a boolean and `"qty" > '0'` for an
    /// integer, where `= 1` would fail on a boolean (decimals stay numeric:
    /// `'0.5'` would not parse as an integer). Nil when types are known.
    private func untypedLiteral(_ e: Expression, against other: Expression) throws -> String? {
        guard columns.isEmpty, other.isColumnReference, case .literal(let literal) = e else { return nil }
        switch literal {
        case .int(let v): return PGSQL.string(String(v))
        case .bool(let b): return b ? "'1'" : "'0'"
        case .decimal, .null, .string: return nil   // 0.5 compares with any number as is
        }
    }

    /// An operand of a comparison, arithmetic, IS NULL or IN: composite
    /// expressions get parentheses so evaluation order is explicit.
    private func operand(_ e: Expression, expected: SQLType? = nil) throws -> String {
        switch e {
        case .binary, .and, .or, .not, .isNull, .inList:
            return "(\(try render(e, nested: false)))"
        default:
            return try render(e, nested: true, expected: expected)
        }
    }

    // MARK: Functions

    /// A built-in call, named as SQL Server names it, mapped to PostgreSQL.
    /// Unknown names throw rather than pass through: a T-SQL function name
    /// would fail (or mean something else) on PostgreSQL.
    private func call(_ name: String, _ arguments: [Expression]) throws -> String {
        let upper = name.uppercased()
        func arity(_ n: ClosedRange<Int>) throws {
            guard n.contains(arguments.count) else {
                let count = n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)"
                throw fail("calls \(upper)() with \(arguments.count) argument(s); it takes \(count)")
            }
        }
        func args() throws -> [String] { try arguments.map { try render($0, nested: false) } }
        func immutable() throws {
            if context.needsImmutable {
                throw fail("calls \(upper)(), which is not IMMUTABLE; PostgreSQL allows only immutable functions in a \(context.what)")
            }
        }
        /// The string-literal argument of SESSION_CONTEXT / IS_MEMBER.
        func stringArgument() throws -> String {
            guard arguments.count == 1, case .literal(.string(let text, _)) = arguments[0] else {
                throw fail("calls \(upper)() with something other than one string literal; only a constant key/name can be mapped")
            }
            return text
        }
        switch upper {
        case "SYSUTCDATETIME", "GETUTCDATE":
            try arity(0...0); try immutable()
            return "(now() AT TIME ZONE 'UTC')"
        case "SYSDATETIME", "GETDATE":
            try arity(0...0); try immutable()
            return "localtimestamp"
        case "SYSDATETIMEOFFSET":
            try arity(0...0); try immutable()
            return "now()"
        case "NEWID":
            try arity(0...0); try immutable()
            return "gen_random_uuid()"
        case "SESSION_CONTEXT":
            try immutable()
            let key = try stringArgument()
            guard PGSQL.isRegularIdentifier(key) else {
                throw fail("reads SESSION_CONTEXT key '\(key)'; PostgreSQL maps it to the setting oeedb.<key>, so use letters, digits and underscores")
            }
            // '' after RESET of a custom setting, NULL when never set: both mean "not set".
            return "NULLIF(current_setting(\(PGSQL.string("oeedb." + key)), true), '')"
        case "IS_MEMBER":
            guard case .function = context else {
                throw fail("calls IS_MEMBER(), which maps to a subquery over pg_roles; use it only in a predicate function")
            }
            let role = try stringArgument()
            return "(SELECT CASE WHEN pg_has_role(current_user, r.oid, 'MEMBER') THEN 1 ELSE 0 END FROM pg_catalog.pg_roles AS r WHERE r.rolname = \(PGSQL.string(role)))"
        case "ISJSON":
            try arity(1...1)
            return "\(ExpressionRenderer.helperSchema).isjson(\(try args()[0]))"
        case "ISNULL", "COALESCE":
            try arity(upper == "ISNULL" ? 2...2 : 2...64)
            return "COALESCE(\(try args().joined(separator: ", ")))"
        case "UPPER", "LOWER", "ABS":
            try arity(1...1)
            return "\(upper.lowercased())(\(try args()[0]))"
        case "LEN":
            try arity(1...1)
            // LEN ignores trailing spaces.
            return "length(rtrim(\(try args()[0])))"
        default:
            throw fail("calls \(name)(), which has no PostgreSQL mapping; known: \(ExpressionRenderer.knownFunctions.joined(separator: ", ")); or use .sql(sqlserver: …, postgres: …)")
        }
    }

    /// The SQL Server functions the dialect maps.
    static let knownFunctions = [
        "ABS", "COALESCE", "GETDATE", "GETUTCDATE", "IS_MEMBER", "ISJSON", "ISNULL", "LEN", "LOWER", "NEWID",
        "SESSION_CONTEXT", "SYSDATETIME", "SYSDATETIMEOFFSET", "SYSUTCDATETIME", "UPPER",
    ]

    // MARK: Literals

    /// A literal, typed by what it is compared with or assigned to: booleans
    /// (model `bit`) take `true`/`false` (`1`/`0` become `true`/`false`;
    /// other numbers throw); numbers take `1`/`0` for boolean literals.
    /// Strings are `'…'` (no `N` prefix).
    static func literal(_ literal: Literal, as expected: SQLType? = nil, path: String) throws -> String {
        let boolean = TypeRenderer.isBoolean(expected)
        switch literal {
        case .null: return "NULL"
        case .bool(let b):
            if expected == nil || boolean { return b ? "true" : "false" }
            return b ? "1" : "0"
        case .int(let v):
            if boolean {
                switch v {
                case 0: return "false"
                case 1: return "true"
                default: throw RenderError(path, "compares or assigns \(v) to a bit (boolean) value; only 0 and 1 map to false and true")
                }
            }
            return String(v)
        case .decimal(let text):
            guard text.isExactNumeral else {
                throw RenderError(path, "decimal literal '\(text)' is not a number like 12.5 or -0.85")
            }
            if boolean { throw RenderError(path, "compares or assigns \(text) to a bit (boolean) value; use true or false") }
            return text
        case .string(let text, _):
            try PGSQL.checkText(text, path: path, what: "string literal")
            return PGSQL.string(text)
        }
    }
}

extension Expression {
    var isColumnReference: Bool {
        if case .column = self { return true }
        return false
    }

    var isStringLiteral: Bool {
        if case .literal(.string) = self { return true }
        return false
    }

    /// Whether the expression calls SQL Server's ISJSON anywhere (the dialect
    /// then creates its helper function first).
    var callsISJSON: Bool {
        calledFunctions.contains { $0.uppercased() == "ISJSON" }
    }
}
