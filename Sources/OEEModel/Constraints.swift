/// A key column of an index or constraint, with its sort order.
public struct IndexKey: Hashable, Sendable, Codable {
    public var column: String
    public var isDescending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.isDescending = descending
    }
}

/// A PRIMARY KEY constraint.
public struct PrimaryKey: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [IndexKey]
    public var isClustered: Bool
    public var description: String?

    public init(name: String, columns: [IndexKey], isClustered: Bool = true, description: String? = nil) {
        self.name = name
        self.columns = columns
        self.isClustered = isClustered
        self.description = description
    }
}

/// A UNIQUE constraint (always nonclustered in oeedb's model).
public struct UniqueConstraint: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [IndexKey]
    public var description: String?

    public init(name: String, columns: [IndexKey], description: String? = nil) {
        self.name = name
        self.columns = columns
        self.description = description
    }
}

/// A FOREIGN KEY constraint.
public struct ForeignKey: Hashable, Sendable, Codable {
    public var name: String
    public var columns: [String]
    public var referencedTable: QualifiedName
    public var referencedColumns: [String]
    public var onDelete: ReferentialAction
    public var onUpdate: ReferentialAction
    public var description: String?

    public init(
        name: String, columns: [String], referencedTable: QualifiedName, referencedColumns: [String],
        onDelete: ReferentialAction = .noAction, onUpdate: ReferentialAction = .noAction, description: String? = nil
    ) {
        self.name = name
        self.columns = columns
        self.referencedTable = referencedTable
        self.referencedColumns = referencedColumns
        self.onDelete = onDelete
        self.onUpdate = onUpdate
        self.description = description
    }
}

/// `ON DELETE` / `ON UPDATE` actions.
public enum ReferentialAction: String, Hashable, Sendable, Codable, CaseIterable {
    case noAction = "NO ACTION"
    case cascade = "CASCADE"
    case setNull = "SET NULL"
    case setDefault = "SET DEFAULT"
}

/// A named CHECK constraint.
public struct CheckConstraint: Hashable, Sendable, Codable {
    public var name: String
    public var expression: Expression
    public var description: String?

    public init(name: String, expression: Expression, description: String? = nil) {
        self.name = name
        self.expression = expression
        self.description = description
    }
}
