/// A database schema (`ref`, `fact`, …) and the objects it owns.
///
/// Views are not modelled yet; they would sit beside ``tables`` as another
/// schema-scoped object kind.
public struct Schema: Hashable, Sendable, Codable {
    public var name: String
    public var description: String?
    public var tables: [Table]
    public var functions: [InlineFunction]
    public var securityPolicies: [SecurityPolicy]

    public init(
        name: String, description: String? = nil, tables: [Table] = [], functions: [InlineFunction] = [],
        securityPolicies: [SecurityPolicy] = []
    ) {
        self.name = name
        self.description = description
        self.tables = tables
        self.functions = functions
        self.securityPolicies = securityPolicies
    }
}
