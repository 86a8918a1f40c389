/// A row-level-security policy: filter and block predicates binding a
/// predicate function to tables.
public struct SecurityPolicy: Hashable, Sendable, Codable {
    public var name: String
    public var predicates: [SecurityPredicate]
    /// `STATE = ON`.
    public var isEnabled: Bool
    public var isSchemaBound: Bool
    public var description: String?

    public init(
        name: String, predicates: [SecurityPredicate], isEnabled: Bool = true, isSchemaBound: Bool = true,
        description: String? = nil
    ) {
        self.name = name
        self.predicates = predicates
        self.isEnabled = isEnabled
        self.isSchemaBound = isSchemaBound
        self.description = description
    }
}

/// One `ADD FILTER|BLOCK PREDICATE fn(column) ON table [AFTER INSERT]`.
public struct SecurityPredicate: Hashable, Sendable, Codable {
    public var kind: Kind
    public var function: QualifiedName
    /// The table's columns passed to the function, in parameter order.
    public var arguments: [String]
    public var table: QualifiedName

    public enum Kind: String, Hashable, Sendable, Codable, CaseIterable {
        case filter = "FILTER"
        case blockAfterInsert = "BLOCK AFTER INSERT"
        case blockAfterUpdate = "BLOCK AFTER UPDATE"
        case blockBeforeUpdate = "BLOCK BEFORE UPDATE"
        case blockBeforeDelete = "BLOCK BEFORE DELETE"
    }

    public init(kind: Kind, function: QualifiedName, arguments: [String], table: QualifiedName) {
        self.kind = kind
        self.function = function
        self.arguments = arguments
        self.table = table
    }
}
