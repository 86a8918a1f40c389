import OEEModel

/// How a dialect's comparable model carries an expression, so that the drift
/// report can tell "different" from "cannot compare".
///
/// A comparable expression is `.raw` with the dialect's runnable SQL under the
/// dialect key (so a repair script renders it) and one entry under
/// ``key``: ``normalForm`` when the text was parsed and is the printed normal
/// tree — equal texts mean equal trees — or ``verbatim`` when the dialect's
/// grammar could not read it. A verbatim expression equals only the very same
/// text; any other pairing with it is reported as "cannot compare", with both
/// texts, never as equal.
public enum ExpressionComparison {
    public static let key = "comparison"
    public static let normalForm = "normal form"
    public static let verbatim = "verbatim"

    public static func normal(_ dialect: String, _ sql: String) -> Expression {
        .raw([dialect: sql, key: normalForm])
    }

    public static func uncomparable(_ dialect: String, _ text: String) -> Expression {
        .raw([dialect: text, key: verbatim])
    }

    /// Whether `e` is text its dialect could not parse.
    public static func isVerbatim(_ e: Expression) -> Bool {
        if case .raw(let texts) = e { return texts[key] == verbatim }
        return false
    }

    /// Whether `e` is already in a dialect's comparable form.
    public static func isComparable(_ e: Expression) -> Bool {
        if case .raw(let texts) = e { return texts[key] != nil }
        return false
    }

    /// Two different expressions at least one of which could not be parsed.
    public static func cannotCompare(_ a: Expression?, _ b: Expression?) -> Bool {
        guard let a, let b, a != b else { return false }
        return isVerbatim(a) || isVerbatim(b)
    }

    /// The SQL text of a comparable (or any raw) expression, for reports.
    public static func text(_ e: Expression) -> String {
        if case .raw(var texts) = e {
            texts[key] = nil
            return texts.values.sorted().first ?? ""
        }
        return "\(e)"
    }
}
