/// An inline table-valued function, as used for row-level-security predicates:
///
///     CREATE FUNCTION sec.fn_site_filter(@site_id smallint)
///     RETURNS TABLE WITH SCHEMABINDING
///     AS RETURN SELECT 1 AS fn_result WHERE <predicate>;
public struct InlineFunction: Hashable, Sendable, Codable {
    public var name: String
    public var parameters: [Parameter]
    /// Name of the single column the function returns (`fn_result`).
    public var resultColumn: String
    /// The row is returned (visible/allowed) when this holds.
    public var predicate: Expression
    public var isSchemaBound: Bool
    public var description: String?

    public struct Parameter: Hashable, Sendable, Codable {
        /// Name without the leading `@`.
        public var name: String
        public var type: SQLType

        public init(name: String, type: SQLType) {
            self.name = name
            self.type = type
        }
    }

    public init(
        name: String, parameters: [Parameter], resultColumn: String = "fn_result", predicate: Expression,
        isSchemaBound: Bool = true, description: String? = nil
    ) {
        self.name = name
        self.parameters = parameters
        self.resultColumn = resultColumn
        self.predicate = predicate
        self.isSchemaBound = isSchemaBound
        self.description = description
    }
}
