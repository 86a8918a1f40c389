import OEEDiff
import OEEModel

/// Inline predicate functions and row-level-security policies.
///
///     CREATE FUNCTION [sec].[fn_site_filter](@site_id smallint)
///     RETURNS TABLE
///     WITH SCHEMABINDING
///     AS
///     RETURN SELECT 1 AS [fn_result] WHERE @site_id = CAST(SESSION_CONTEXT(N'site_id') AS smallint);
///
///     CREATE SECURITY POLICY [sec].[site_policy]
///     ADD FILTER PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle],
///     ADD BLOCK PREDICATE [sec].[fn_site_filter]([site_id]) ON [fact].[cycle] AFTER INSERT
///     WITH (STATE = ON, SCHEMABINDING = ON);
enum SecurityRenderer {
    /// `CREATE FUNCTION` or, with `verb: "ALTER"`, `ALTER FUNCTION` of the same shape.
    static func function(_ name: QualifiedName, _ fn: InlineFunction, verb: String = "CREATE") throws -> String {
        let path = name.description
        var parameters: [String] = []
        for p in fn.parameters {
            guard TSQL.isRegularIdentifier(p.name) else {
                throw RenderError(path, "parameter '\(p.name)' is not a plain name; use letters, digits and underscores, without '@'")
            }
            parameters.append("@\(p.name) \(try TypeRenderer.render(p.type, path: "\(path).@\(p.name)"))")
        }
        let predicate = try ExpressionRenderer(context: .function(parameters: fn.parameters.map(\.name)), path: path)
            .render(fn.predicate)
        var lines = [
            "\(verb) FUNCTION \(TSQL.qualified(name))(\(parameters.joined(separator: ", ")))",
            "RETURNS TABLE",
        ]
        if fn.isSchemaBound { lines.append("WITH SCHEMABINDING") }
        lines.append("AS")
        lines.append("RETURN SELECT 1 AS \(TSQL.quote(fn.resultColumn)) WHERE \(predicate);")
        return lines.joined(separator: "\n")
    }

    /// `DROP FUNCTION [s].[f];`.
    static func dropFunction(_ name: QualifiedName) -> String {
        "DROP FUNCTION \(TSQL.qualified(name));"
    }

    static func createPolicy(_ name: QualifiedName, _ policy: SecurityPolicy) throws -> String {
        guard !policy.predicates.isEmpty else {
            throw RenderError(name.description, "security policy has no predicates; SQL Server needs at least one")
        }
        let adds = try policy.predicates.map { "ADD " + (try predicate($0, policy: name)) }
        return "CREATE SECURITY POLICY \(TSQL.qualified(name))\n"
            + adds.joined(separator: ",\n")
            + "\nWITH (STATE = \(policy.isEnabled ? "ON" : "OFF"), SCHEMABINDING = \(policy.isSchemaBound ? "ON" : "OFF"));"
    }

    /// `DROP SECURITY POLICY [s].[p];`.
    static func dropPolicy(_ name: QualifiedName) -> String {
        "DROP SECURITY POLICY \(TSQL.qualified(name));"
    }

    /// `ALTER SECURITY POLICY [s].[p] ADD BLOCK PREDICATE [s].[f]([c]) ON [s].[t] AFTER INSERT;`.
    static func addPredicate(policy: QualifiedName, _ p: SecurityPredicate) throws -> String {
        "ALTER SECURITY POLICY \(TSQL.qualified(policy)) ADD " + (try predicate(p, policy: policy)) + ";"
    }

    /// `ALTER SECURITY POLICY [s].[p] DROP FILTER PREDICATE ON [s].[t];`. A block
    /// predicate names its operation only when the policy (in the plan's `from`
    /// model) has more than one block predicate on the table, so the drop is
    /// unambiguous.
    static func dropPredicate(policy: QualifiedName, _ p: SecurityPredicate, existing: SecurityPolicy?) -> String {
        var text = "ALTER SECURITY POLICY \(TSQL.qualified(policy)) DROP \(p.kind == .filter ? "FILTER" : "BLOCK") PREDICATE ON \(TSQL.qualified(p.table))"
        if let operation = operation(p.kind) {
            let blocksOnTable = existing?.predicates.filter { $0.table == p.table && $0.kind != .filter }.count ?? 1
            if blocksOnTable > 1 { text += " " + operation }
        }
        return text + ";"
    }

    /// `ALTER SECURITY POLICY [s].[p] WITH (STATE = OFF);`.
    static func setState(_ name: QualifiedName, enabled: Bool) -> String {
        "ALTER SECURITY POLICY \(TSQL.qualified(name)) WITH (STATE = \(enabled ? "ON" : "OFF"));"
    }

    /// `FILTER PREDICATE [s].[f]([a], [b]) ON [s].[t]` / `BLOCK PREDICATE … ON … AFTER INSERT`.
    private static func predicate(_ p: SecurityPredicate, policy: QualifiedName) throws -> String {
        guard !p.arguments.isEmpty else {
            throw RenderError(policy.description, "predicate \(p.function) on \(p.table) passes no columns; name the columns its parameters take")
        }
        var text = "\(p.kind == .filter ? "FILTER" : "BLOCK") PREDICATE \(TSQL.qualified(p.function))(\(TSQL.columnList(p.arguments))) ON \(TSQL.qualified(p.table))"
        if let operation = operation(p.kind) { text += " " + operation }
        return text
    }

    private static func operation(_ kind: SecurityPredicate.Kind) -> String? {
        switch kind {
        case .filter: return nil
        case .blockAfterInsert: return "AFTER INSERT"
        case .blockAfterUpdate: return "AFTER UPDATE"
        case .blockBeforeUpdate: return "BEFORE UPDATE"
        case .blockBeforeDelete: return "BEFORE DELETE"
        }
    }
}
