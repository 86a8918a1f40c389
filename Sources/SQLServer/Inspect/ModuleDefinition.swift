/// Reads an inline predicate function back from its stored module text
/// (`sys.sql_modules.definition`, kept verbatim as it was sent):
///
///     CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
///     RETURNS TABLE
///     WITH SCHEMABINDING
///     AS
///     RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint);
///
/// gives the result column `fn_result` and the predicate
/// `@site_id = cast(session_context(N'site_id') as smallint)` (normalized).
///
/// Tolerant of case, whitespace, comments, `RETURN (SELECT …)` and a missing
/// `;`. A body of any other shape (joins, several columns, no WHERE), or a
/// WHERE the expression grammar cannot read, is not oeedb's: ``parse(_:)``
/// returns nil and the caller keeps the body verbatim (``body(_:)``) as an
/// uncomparable predicate, so the function shows as "cannot compare" with
/// both texts — never as equal.
enum ModuleDefinition {
    struct Predicate: Hashable, Sendable {
        var resultColumn: String
        /// The WHERE predicate in ``ExpressionNormalizer`` normal form.
        var predicate: String
    }

    static func parse(_ definition: String) -> Predicate? {
        guard let tokens = try? SQLLexer.tokens(definition) else { return nil }
        let chars = Array(definition)
        // The last RETURN: the header holds RETURNS, never RETURN.
        guard let returnIndex = tokens.lastIndex(where: { $0.isWord("RETURN") }) else { return nil }
        var i = returnIndex + 1
        var wrapped = 0
        while i < tokens.count, tokens[i].isSymbol("(") { wrapped += 1; i += 1 }
        guard i + 4 < tokens.count, tokens[i].isWord("SELECT"),
              tokens[i + 1].kind == .number, tokens[i + 2].isWord("AS"),
              tokens[i + 3].kind == .word || tokens[i + 3].kind == .quoted,
              tokens[i + 4].isWord("WHERE") else { return nil }
        let resultColumn = tokens[i + 3].text
        let first = i + 5
        var last = tokens.count - 1
        while last >= first, tokens[last].isSymbol(";") { last -= 1 }
        for _ in 0..<wrapped {
            guard last >= first, tokens[last].isSymbol(")") else { return nil }
            last -= 1
            while last >= first, tokens[last].isSymbol(";") { last -= 1 }
        }
        guard last >= first else { return nil }
        let text = String(chars[tokens[first].start..<tokens[last].end])
        guard let normal = ExpressionNormalizer.normalText(text) else { return nil }
        return Predicate(resultColumn: resultColumn, predicate: normal)
    }

    /// The body from its `RETURN` (or `BEGIN`) on — the whole text if it has
    /// neither — as stored, outer spaces trimmed: what a function of an
    /// unknown shape is reported with.
    static func body(_ definition: String) -> String {
        guard let tokens = try? SQLLexer.tokens(definition),
              let start = tokens.firstIndex(where: { $0.isWord("RETURN") || $0.isWord("BEGIN") }) else { return definition.trimmingSpaces }
        let chars = Array(definition)
        return String(chars[tokens[start].start...]).trimmingSpaces
    }
}
