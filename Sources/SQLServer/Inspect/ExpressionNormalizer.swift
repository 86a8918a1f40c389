import OEEDiff
import OEEModel

/// The one text form every SQL Server expression is compared in: what the
/// catalog stores (`((0))`, `([qty]>=(0))`, `(CONVERT([smallint],session_context(N'site_id')))`)
/// and what the dialect renders from the model (`0`, `[qty] >= 0`,
/// `CAST(SESSION_CONTEXT(N'site_id') AS smallint)`) both normalize to the same
/// text (`0`, `qty >= 0`, `cast(session_context(N'site_id') as smallint)`).
///
/// The text is parsed (``SQLParser``) and printed back canonically:
///
/// - **Parentheses**: none are kept but those precedence needs (`((0))` → `0`,
///   `([a] IS NULL OR ([a]>=(0) AND [a]<=(1)))` → `a is null or a >= 0 and a <= 1`).
/// - **Identifiers** lose their brackets unless they need them: a name that is
///   not a regular identifier or is a reserved word keeps them (`[order]`,
///   `[a b]`), so the text stays valid T-SQL. Their case is kept.
/// - **Keywords and built-in function names** are lower-cased (`SYSUTCDATETIME()`
///   → `sysutcdatetime()`); keyword functions become the calls SQL Server stores
///   (`CURRENT_TIMESTAMP` → `getdate()`). Schema-qualified calls keep their case.
/// - **Whitespace and comments** disappear; operators get one space each side,
///   commas one space after.
/// - **Casts**: `CONVERT([type],x)`, `CONVERT(type, x, 0)` and `CAST(x AS type)`
///   all print as `cast(x as type)`, with the type canonical (`[decimal](12,4)`
///   → `decimal(12,4)`, `numeric` → `decimal`, `datetime2` → `datetime2(7)`,
///   `float(24)` → `real`). A CONVERT with another style keeps it: `convert(varchar(10), x, 120)`.
/// - **Date parts** (first argument of DATEADD, DATEDIFF, DATEPART, …) are
///   lower-cased and spelled out: `DATEDIFF(SS, …)` → `datediff(second, …)`.
/// - **Numbers**: a sign is part of the literal (`(-(1))` → `-1`); digits are
///   kept as written (`60.000` stays, its scale is part of its type).
/// - **Strings**: `N'…'` and `'…'` stay distinct. SQL Server never rewrites one
///   into the other, so keeping the prefix costs no noise, and the prefix can
///   change meaning: a `'…'` literal is converted to the database code page
///   (non-Latin characters become `?`), and under a SQL collation varchar and
///   nvarchar compare with different rules.
/// - **Rewrites SQL Server makes** are undone in both directions, all exact in
///   three-valued logic: `x IN (a, b)` and its stored OR chain
///   `x = b OR x = a` both become `x in (a, b)` (values sorted and de-duplicated;
///   one value is `x = a`); `x NOT IN (…)` and `x <> a AND x <> b` become
///   `x not in (…)`; `x BETWEEN a AND b` becomes `x >= a and x <= b`; NOT is pushed
///   into comparisons and predicates (`NOT (x = 1)` → `x <> 1`, `NOT x IS NULL` →
///   `x is not null`, `NOT NOT p` → `p`); nested ANDs and ORs are flattened.
///   AND/OR operands are otherwise kept in their order.
///
/// Nothing else is touched: operand order of comparisons and arithmetic,
/// AND/OR operand order, literal case and literal types (`1`, `1.0`, `'1'`,
/// `N'1'`) stay, so each of those changes is drift.
///
/// Text the parser refuses (subqueries, EXISTS, window functions, anything
/// the grammar does not know) is never reduced to a lossy form: it comes back
/// as ``ExpressionComparison/uncomparable(_:_:)``, which equals only the very
/// same text and is reported as "cannot compare" with both texts.
/// The normal text is a fixpoint: normalizing it returns it unchanged.
public enum ExpressionNormalizer {
    static let dialectKey = "sqlserver"

    /// The comparable expression for a T-SQL text: the normal text when it
    /// parses, the text itself (trimmed) marked verbatim when it does not.
    public static func comparable(_ text: String) -> Expression {
        guard let normal = normalText(text) else {
            return ExpressionComparison.uncomparable(dialectKey, text.trimmingSpaces)
        }
        return ExpressionComparison.normal(dialectKey, normal)
    }

    /// The canonical text of a T-SQL expression, or nil when it does not parse.
    public static func normalText(_ text: String) -> String? {
        (try? canonicalTree(text)).map(written)
    }

    /// The expression as SQL Server's comparable `.raw` entry (see ``comparable(_:)``).
    public static func raw(_ text: String) -> Expression {
        comparable(text)
    }

    /// A model expression rendered by the dialect for `context`, in comparable form.
    static func comparable(_ expression: Expression, context: ExpressionRenderer.Context, path: String) throws -> Expression {
        comparable(try ExpressionRenderer(context: context, path: path).render(expression))
    }

    /// The parsed and canonicalized tree, or an error when the text does not parse.
    static func canonicalTree(_ text: String) throws -> TSQLExpression {
        canonical(try SQLParser.parse(text))
    }

    // MARK: Canonical tree

    static func canonical(_ e: TSQLExpression) -> TSQLExpression {
        switch e {
        case .name, .variable, .number, .string, .null, .star:
            return e
        case .unary(let op, let x):
            let inner = canonical(x)
            if case .number(let n) = inner, op == "-" || op == "+" {
                if op == "+" { return inner }
                return .number(n.hasPrefix("-") ? String(n.dropFirst()) : "-" + n)
            }
            return .unary(op, inner)
        case .binary(let op, let l, let r):
            return .binary(op, canonical(l), canonical(r))
        case .and(let parts):
            return conjunction(parts.map(canonical))
        case .or(let parts):
            return disjunction(parts.map(canonical))
        case .not(let x):
            return negate(canonical(x))
        case .isNull(let x, let negated):
            return .isNull(canonical(x), negated: negated)
        case .inList(let x, let values, let negated):
            return membership(canonical(x), values.map(canonical), negated: negated)
        case .like(let x, let pattern, let escape, let negated):
            return .like(canonical(x), canonical(pattern), escape: escape.map(canonical), negated: negated)
        case .between(let x, let low, let high, let negated):
            let (x, low, high) = (canonical(x), canonical(low), canonical(high))
            return negated
                ? disjunction([.binary("<", x, low), .binary(">", x, high)])
                : conjunction([.binary(">=", x, low), .binary("<=", x, high)])
        case .call(let name, let arguments):
            var arguments = arguments.map(canonical)
            if name.count == 1, datePartFunctions.contains(name[0]), case .name(let part)? = arguments.first, part.count == 1 {
                let word = part[0].lowercased()
                arguments[0] = .name([datePartAbbreviations[word] ?? word])
            }
            return .call(name, arguments)
        case .cast(let x, let type, let isTry):
            return .cast(canonical(x), type: type, isTry: isTry)
        case .convert(let type, let x, let style, let isTry):
            return .convert(type: type, canonical(x), style: canonical(style), isTry: isTry)
        case .caseWhen(let operand, let branches, let otherwise):
            return .caseWhen(operand: operand.map(canonical), branches: branches.map(canonical), otherwise: otherwise.map(canonical))
        case .collate(let x, let collation):
            return .collate(canonical(x), collation)
        case .atTimeZone(let x, let zone):
            return .atTimeZone(canonical(x), canonical(zone))
        }
    }

    /// Functions whose first argument is a date part keyword (`second`, `ss`).
    static let datePartFunctions: Set<String> = ["dateadd", "datediff", "datediff_big", "datename", "datepart", "datetrunc", "date_bucket"]

    /// Date part abbreviations and the full name they stand for.
    static let datePartAbbreviations: [String: String] = [
        "yy": "year", "yyyy": "year", "qq": "quarter", "q": "quarter", "mm": "month", "m": "month",
        "dy": "dayofyear", "y": "dayofyear", "dd": "day", "d": "day", "wk": "week", "ww": "week",
        "dw": "weekday", "w": "weekday", "hh": "hour", "mi": "minute", "n": "minute", "ss": "second",
        "s": "second", "ms": "millisecond", "mcs": "microsecond", "ns": "nanosecond",
        "tz": "tzoffset", "isowk": "iso_week", "isoww": "iso_week",
    ]

    /// AND of already-canonical parts: flattened, `x <> a AND x <> b` runs merged into NOT IN.
    private static func conjunction(_ parts: [TSQLExpression]) -> TSQLExpression {
        let flat = parts.flatMap { part -> [TSQLExpression] in
            if case .and(let inner) = part { return inner }
            return [part]
        }
        let merged = mergeRuns(flat, negated: true)
        return merged.count == 1 ? merged[0] : .and(merged)
    }

    /// OR of already-canonical parts: flattened, `x = a OR x = b` runs merged into IN.
    private static func disjunction(_ parts: [TSQLExpression]) -> TSQLExpression {
        let flat = parts.flatMap { part -> [TSQLExpression] in
            if case .or(let inner) = part { return inner }
            return [part]
        }
        let merged = mergeRuns(flat, negated: false)
        return merged.count == 1 ? merged[0] : .or(merged)
    }

    /// Merges consecutive tests of one operand against constants (`=`/IN in an
    /// OR, `<>`/NOT IN in an AND) into one IN / NOT IN list.
    private static func mergeRuns(_ parts: [TSQLExpression], negated: Bool) -> [TSQLExpression] {
        var result: [TSQLExpression] = []
        var run: (operand: TSQLExpression, key: String, values: [TSQLExpression])?
        func flush() {
            if let r = run { result.append(membership(r.operand, r.values, negated: negated)) }
            run = nil
        }
        for part in parts {
            guard let (operand, values) = constantTest(part, negated: negated) else {
                flush()
                result.append(part)
                continue
            }
            let key = written(operand)
            if run?.key == key {
                run?.values += values
            } else {
                flush()
                run = (operand, key, values)
            }
        }
        flush()
        return result
    }

    /// `x = c` / `x IN (c…)` (or `x <> c` / `x NOT IN (c…)` when `negated`) with constant `c`.
    private static func constantTest(_ e: TSQLExpression, negated: Bool) -> (TSQLExpression, [TSQLExpression])? {
        switch e {
        case .binary(let op, let x, let c) where op == (negated ? "<>" : "=") && isConstant(c) && !isConstant(x):
            return (x, [c])
        case .inList(let x, let values, let n) where n == negated && values.allSatisfy(isConstant):
            return (x, values)
        default:
            return nil
        }
    }

    private static func isConstant(_ e: TSQLExpression) -> Bool {
        switch e {
        case .number, .string: return true
        default: return false
        }
    }

    /// An IN list with its constant values sorted and de-duplicated; one value is a comparison.
    private static func membership(_ x: TSQLExpression, _ values: [TSQLExpression], negated: Bool) -> TSQLExpression {
        guard values.allSatisfy(isConstant) else { return .inList(x, values, negated: negated) }
        var seen: Set<String> = []
        let unique = values.map { ($0, written($0)) }.filter { seen.insert($0.1).inserted }.sorted { $0.1 < $1.1 }.map(\.0)
        if unique.count == 1 { return .binary(negated ? "<>" : "=", x, unique[0]) }
        return .inList(x, unique, negated: negated)
    }

    /// NOT of an already-canonical expression, pushed into what can absorb it.
    private static func negate(_ e: TSQLExpression) -> TSQLExpression {
        let inverse = ["=": "<>", "<>": "=", "<": ">=", ">=": "<", ">": "<=", "<=": ">"]
        switch e {
        case .not(let inner): return inner
        case .binary(let op, let l, let r) where inverse[op] != nil: return .binary(inverse[op]!, l, r)
        case .isNull(let x, let negated): return .isNull(x, negated: !negated)
        case .inList(let x, let values, let negated): return membership(x, values, negated: !negated)
        case .like(let x, let p, let escape, let negated): return .like(x, p, escape: escape, negated: !negated)
        default: return .not(e)
        }
    }

    // MARK: Printing

    /// Binding strength: an operand weaker than its position needs is parenthesised.
    private static func level(_ e: TSQLExpression) -> Int {
        switch e {
        case .or: return 1
        case .and: return 2
        case .not: return 3
        case .binary(let op, _, _):
            if TSQLExpression.isComparison(op) { return 4 }
            return TSQLExpression.isMultiplicative(op) ? 6 : 5
        case .isNull, .inList, .like, .between: return 4
        case .unary: return 7
        case .collate, .atTimeZone: return 8
        default: return 9
        }
    }

    private static func written(_ e: TSQLExpression, atLeast minimum: Int) -> String {
        let text = written(e)
        return level(e) < minimum ? "(\(text))" : text
    }

    /// The canonical text of an already-canonical tree.
    static func written(_ e: TSQLExpression) -> String {
        switch e {
        case .name(let parts): return parts.map(identifier).joined(separator: ".")
        case .variable(let v): return v
        case .number(let n): return n.lowercased()
        case .string(let s, let unicode): return (unicode ? "N" : "") + TSQL.string(s)
        case .null: return "null"
        case .star: return "*"
        case .unary(let op, let x):
            let operand = written(x, atLeast: 7)
            return op + (operand.hasPrefix("-") || operand.hasPrefix("+") ? "(\(operand))" : operand)
        case .binary(let op, let l, let r):
            let own = level(e)
            let left = written(l, atLeast: own == 4 ? 5 : own)
            let right = written(r, atLeast: own == 4 ? 5 : own + 1)
            return "\(left) \(op) \(right)"
        case .and(let parts): return parts.map { written($0, atLeast: 3) }.joined(separator: " and ")
        case .or(let parts): return parts.map { written($0, atLeast: 2) }.joined(separator: " or ")
        case .not(let x): return "not " + written(x, atLeast: 3)
        case .isNull(let x, let negated): return written(x, atLeast: 5) + (negated ? " is not null" : " is null")
        case .inList(let x, let values, let negated):
            return written(x, atLeast: 5) + (negated ? " not in (" : " in (") + values.map(written).joined(separator: ", ") + ")"
        case .like(let x, let pattern, let escape, let negated):
            var text = written(x, atLeast: 5) + (negated ? " not like " : " like ") + written(pattern, atLeast: 5)
            if let escape { text += " escape " + written(escape, atLeast: 5) }
            return text
        case .between(let x, let low, let high, let negated):
            return written(x, atLeast: 5) + (negated ? " not between " : " between ") + written(low, atLeast: 5) + " and " + written(high, atLeast: 5)
        case .call(let name, let arguments):
            let function = name.count == 1 && TSQL.isRegularIdentifier(name[0]) ? name[0] : name.map(identifier).joined(separator: ".")
            return function + "(" + arguments.map(written).joined(separator: ", ") + ")"
        case .cast(let x, let type, let isTry):
            return (isTry ? "try_cast(" : "cast(") + written(x) + " as " + type + ")"
        case .convert(let type, let x, let style, let isTry):
            return (isTry ? "try_convert(" : "convert(") + type + ", " + written(x) + ", " + written(style) + ")"
        case .caseWhen(let operand, let branches, let otherwise):
            var text = "case"
            if let operand { text += " " + written(operand) }
            for i in stride(from: 0, to: branches.count - 1, by: 2) {
                text += " when " + written(branches[i]) + " then " + written(branches[i + 1])
            }
            if let otherwise { text += " else " + written(otherwise) }
            return text + " end"
        case .collate(let x, let collation):
            return written(x, atLeast: 8) + " collate " + collation
        case .atTimeZone(let x, let zone):
            return written(x, atLeast: 8) + " at time zone " + written(zone, atLeast: 9)
        }
    }

    /// A name part without brackets when it is a regular, non-reserved identifier.
    static func identifier(_ name: String) -> String {
        guard TSQL.isRegularIdentifier(name), !reservedWords.contains(name.lowercased()) else { return TSQL.quote(name) }
        return name
    }

    /// T-SQL reserved keywords, plus the words the parser treats as syntax:
    /// such names keep their brackets so the text still parses (and runs).
    static let reservedWords: Set<String> = SQLParser.stopWords.union([
        "add", "all", "alter", "and", "any", "as", "asc", "authorization", "backup", "begin", "between", "break",
        "browse", "bulk", "by", "cascade", "case", "check", "checkpoint", "close", "clustered", "coalesce", "collate",
        "column", "commit", "compute", "constraint", "contains", "containstable", "continue", "convert", "create",
        "cross", "current", "current_date", "current_time", "current_timestamp", "current_user", "cursor", "database",
        "dbcc", "deallocate", "declare", "default", "delete", "deny", "desc", "disk", "distinct", "distributed",
        "double", "drop", "dump", "else", "end", "errlvl", "escape", "except", "exec", "execute", "exists", "exit",
        "external", "fetch", "file", "fillfactor", "for", "foreign", "freetext", "freetexttable", "from", "full",
        "function", "goto", "grant", "group", "having", "holdlock", "identity", "identity_insert", "identitycol",
        "if", "in", "index", "inner", "insert", "intersect", "into", "is", "join", "key", "kill", "left", "like",
        "lineno", "load", "merge", "national", "nocheck", "nonclustered", "not", "null", "nullif", "of", "off",
        "offsets", "on", "open", "opendatasource", "openquery", "openrowset", "openxml", "option", "or", "order",
        "outer", "over", "percent", "pivot", "plan", "precision", "primary", "print", "proc", "procedure", "public",
        "raiserror", "read", "readtext", "reconfigure", "references", "replication", "restore", "restrict",
        "return", "revert", "revoke", "right", "rollback", "rowcount", "rowguidcol", "rule", "save", "schema",
        "securityaudit", "select", "semantickeyphrasetable", "semanticsimilaritydetailstable",
        "semanticsimilaritytable", "session_user", "set", "setuser", "shutdown", "some", "statistics",
        "system_user", "table", "tablesample", "textsize", "then", "to", "top", "tran", "transaction", "trigger",
        "truncate", "try_convert", "tsequal", "union", "unique", "unpivot", "update", "updatetext", "use", "user",
        "values", "varying", "view", "waitfor", "when", "where", "while", "with", "within", "writetext",
    ])
}
