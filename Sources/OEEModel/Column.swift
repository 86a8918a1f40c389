/// A table column.
public struct Column: Hashable, Sendable, Codable {
    public var name: String
    public var type: SQLType
    public var isNullable: Bool
    public var identity: Identity?
    public var defaultConstraint: DefaultConstraint?
    /// A computed column's expression; `type` is then the type it is expected to have.
    public var computed: ComputedColumn?
    public var description: String?
    /// The column's previous name, when it is being renamed (the diff emits a rename).
    public var renamedFrom: String?

    public init(
        name: String, type: SQLType, isNullable: Bool = false, identity: Identity? = nil,
        defaultConstraint: DefaultConstraint? = nil, computed: ComputedColumn? = nil,
        description: String? = nil, renamedFrom: String? = nil
    ) {
        self.name = name
        self.type = type
        self.isNullable = isNullable
        self.identity = identity
        self.defaultConstraint = defaultConstraint
        self.computed = computed
        self.description = description
        self.renamedFrom = renamedFrom
    }
}

/// `IDENTITY(seed, increment)`.
public struct Identity: Hashable, Sendable, Codable {
    public var seed: Int64
    public var increment: Int64

    public init(seed: Int64 = 1, increment: Int64 = 1) {
        self.seed = seed
        self.increment = increment
    }
}

/// A named DEFAULT constraint.
public struct DefaultConstraint: Hashable, Sendable, Codable {
    public var name: String
    public var expression: Expression

    public init(name: String, expression: Expression) {
        self.name = name
        self.expression = expression
    }
}

/// `AS (expression) [PERSISTED]`.
public struct ComputedColumn: Hashable, Sendable, Codable {
    public var expression: Expression
    public var isPersisted: Bool

    public init(expression: Expression, isPersisted: Bool = true) {
        self.expression = expression
        self.isPersisted = isPersisted
    }
}
