import OEEModel

/// One security policy's predicates on one table, grouped by predicate function
/// and arguments: `sec.site_policy: FILTER, BLOCK AFTER INSERT via sec.fn_site_filter(site_id)`.
public struct RowSecurity: Hashable, Sendable {
    public var policy: QualifiedName
    public var policyEnabled: Bool
    public var kinds: [SecurityPredicate.Kind]
    public var function: QualifiedName
    public var arguments: [String]
    /// The predicate function, when the model defines it.
    public var definition: InlineFunction?

    /// `filter`, `block after insert`, …
    public var kindText: String { kinds.map { $0.rawValue.lowercased() }.joined(separator: ", ") }

    /// `sec.fn_site_filter(site_id)`.
    public var call: String { "\(function)(\(arguments.joined(separator: ", ")))" }

    /// The function's signature: `sec.fn_site_filter(@site_id smallint)`.
    public var signature: String {
        guard let f = definition else { return "\(function)(…)" }
        return "\(function)(\(f.parameters.map { "@\($0.name) \($0.type)" }.joined(separator: ", ")))"
    }

    /// The predicate a row must satisfy, readable.
    public var predicateText: String {
        definition.map { ExpressionText.render($0.predicate) } ?? "(function not in the model)"
    }

    /// Every binding of a policy predicate to `table`, by policy then function, kinds in canonical order.
    public static func on(_ table: QualifiedName, in database: Database) -> [RowSecurity] {
        var result: [RowSecurity] = []
        for schema in database.schemas {
            for policy in schema.securityPolicies {
                let name = QualifiedName(schema.name, policy.name)
                for p in policy.predicates where p.table == table {
                    if let i = result.firstIndex(where: { $0.policy == name && $0.function == p.function && $0.arguments == p.arguments }) {
                        if !result[i].kinds.contains(p.kind) { result[i].kinds.append(p.kind) }
                    } else {
                        let def = database.schema(named: p.function.schema)?.functions.first { $0.name == p.function.name }
                        result.append(RowSecurity(policy: name, policyEnabled: policy.isEnabled, kinds: [p.kind],
                                                  function: p.function, arguments: p.arguments, definition: def))
                    }
                }
            }
        }
        let order = SecurityPredicate.Kind.allCases
        return result.map { r in
            var r = r
            r.kinds.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }
            return r
        }
    }
}
